import SyntheticStudies
import Testing
@testable import StudyCore

@Suite("Sort orders")
struct SortTests {
    func ids(_ spec: String, indication: Indication? = nil) throws -> [String] {
        let studies = TestSupport.fixture.studies.filter { indication == nil || $0.indication == indication }
        return StudySorter.sorted(studies, by: try SortSpec(parsing: spec)).map(\.id)
    }

    /// Every key, ascending and descending; "not reported" last in both directions.
    static let orders: [(spec: String, ids: [String])] = [
        ("study", ["alpha-2018", "charlie-2016", "bravo-2013", "delta-2017", "echo-1995", "foxtrot-nd", "hotel-2014", "india-2000", "juliet-2022", "golf-2019"]),
        ("study:desc", ["juliet-2022", "india-2000", "hotel-2014", "foxtrot-nd", "echo-1995", "delta-2017", "bravo-2013", "charlie-2016", "alpha-2018", "golf-2019"]),
        ("year", ["echo-1995", "india-2000", "bravo-2013", "hotel-2014", "charlie-2016", "delta-2017", "alpha-2018", "golf-2019", "juliet-2022", "foxtrot-nd"]),
        ("-year", ["juliet-2022", "golf-2019", "alpha-2018", "delta-2017", "charlie-2016", "hotel-2014", "bravo-2013", "india-2000", "echo-1995", "foxtrot-nd"]),
        ("n", ["charlie-2016", "india-2000", "hotel-2014", "alpha-2018", "bravo-2013", "delta-2017", "echo-1995", "foxtrot-nd", "golf-2019", "juliet-2022"]),
        ("n:desc", ["delta-2017", "bravo-2013", "alpha-2018", "hotel-2014", "india-2000", "charlie-2016", "echo-1995", "foxtrot-nd", "golf-2019", "juliet-2022"]),
        ("design", ["golf-2019", "alpha-2018", "bravo-2013", "india-2000", "delta-2017", "charlie-2016", "foxtrot-nd", "juliet-2022", "echo-1995", "hotel-2014"]),
        ("level", ["alpha-2018", "bravo-2013", "golf-2019", "india-2000", "charlie-2016", "delta-2017", "foxtrot-nd", "echo-1995", "hotel-2014", "juliet-2022"]),
        ("level:desc", ["charlie-2016", "delta-2017", "foxtrot-nd", "india-2000", "alpha-2018", "bravo-2013", "golf-2019", "echo-1995", "hotel-2014", "juliet-2022"]),
        ("route", ["bravo-2013", "alpha-2018", "charlie-2016", "delta-2017", "foxtrot-nd", "golf-2019", "hotel-2014", "india-2000", "echo-1995", "juliet-2022"]),
        ("indication,study", ["alpha-2018", "charlie-2016", "bravo-2013", "delta-2017", "echo-1995", "foxtrot-nd", "hotel-2014", "india-2000", "juliet-2022", "golf-2019"]),
        ("id:desc", ["juliet-2022", "india-2000", "hotel-2014", "golf-2019", "foxtrot-nd", "echo-1995", "delta-2017", "charlie-2016", "bravo-2013", "alpha-2018"]),
    ]

    @Test("orders by each key", arguments: orders)
    func order(_ example: (spec: String, ids: [String])) throws {
        #expect(try ids(example.spec) == example.ids)
    }

    @Test("dose: by dimension, then low bound, then high bound; no amount last")
    func doseOrder() throws {
        // mg (25) | mg/kg: 0.2, 0.41–0.71, 0.5 | mg/kg/h: 0.12–0.42, 0.25–0.5 | none
        #expect(try ids("dose") == ["bravo-2013", "alpha-2018", "hotel-2014", "india-2000", "charlie-2016", "foxtrot-nd",
                                    "delta-2017", "echo-1995", "golf-2019", "juliet-2022"])
        #expect(try ids("dose:desc") == ["foxtrot-nd", "charlie-2016", "india-2000", "hotel-2014", "alpha-2018", "bravo-2013",
                                         "delta-2017", "echo-1995", "golf-2019", "juliet-2022"])
    }

    @Test("dose: dimensions are never interleaved, in either direction")
    func doseDimensionsContiguous() throws {
        for spec in ["dose", "dose:desc"] {
            let sorted = StudySorter.sorted(TestSupport.fixture.studies, by: try SortSpec(parsing: spec))
            let dimensions = DoseGroups.groups(sorted).map(\.dimension)
            #expect(Set(dimensions.map { $0?.rawValue ?? "none" }).count == dimensions.count, "\(spec): \(dimensions)")
        }
    }

    @Test("outcome: direction, then level, then larger sample first; not reported last")
    func outcomeOrder() throws {
        #expect(try ids("outcome") == ["golf-2019", "india-2000", "charlie-2016", "foxtrot-nd", "hotel-2014",
                                       "bravo-2013", "delta-2017", "alpha-2018", "echo-1995", "juliet-2022"])
        // Descending reverses every component, but a missing level or size still sorts last.
        #expect(try ids("outcome:desc") == ["alpha-2018", "delta-2017", "bravo-2013", "charlie-2016", "foxtrot-nd",
                                            "india-2000", "golf-2019", "hotel-2014", "echo-1995", "juliet-2022"])
    }

    @Test("a second key breaks ties of the first")
    func multiKey() throws {
        #expect(try ids("design,year:desc", indication: .migraine) == ["alpha-2018", "bravo-2013", "delta-2017", "charlie-2016", "echo-1995"])
        #expect(try ids("design,year", indication: .migraine) == ["bravo-2013", "alpha-2018", "delta-2017", "charlie-2016", "echo-1995"])
    }

    static let specs: [(text: String, expected: String)] = [
        ("dose", "dose"), ("-year", "year:desc"), ("year:DESC", "year:desc"), ("-year:desc", "year"),
        (" dose , outcome:desc ", "dose,outcome:desc"), ("author", "study"), ("size:asc", "n"), ("evidence", "evidence"), ("loe", "level"),
    ]

    @Test("reads sort specifications", arguments: specs)
    func parsesSpec(_ example: (text: String, expected: String)) throws {
        #expect(try SortSpec(parsing: example.text).description == example.expected)
    }

    @Test("rejects bad sort specifications", arguments: ["", "dose,", "colour", "year:up"])
    func rejectsSpec(_ text: String) {
        #expect(throws: SortSpecError.self) { try SortSpec(parsing: text) }
    }
}

@Suite("Dose model")
struct DoseTests {
    static let quantities: [(text: String, value: Double, dimension: DoseDimension)] = [
        ("25mg", 25, .flat), ("0.5mg/kg", 0.5, .perKilogram), ("0.5 mg/kg", 0.5, .perKilogram),
        ("500mcg/kg", 0.5, .perKilogram), ("500µg/kg", 0.5, .perKilogram), ("0.71mg/kg/dose", 0.71, .perKilogram),
        ("0.3mg/kg/h", 0.3, .perKilogramPerHour), ("0.3mg/kg/hr", 0.3, .perKilogramPerHour),
        ("5mg/kg/min", 300, .perKilogramPerHour), ("7mg/kg/day", 7, .perKilogramPerDay),
        ("2g/day", 2000, .perDay), ("2000mg/d", 2000, .perDay),
    ]

    @Test("reads quantities into canonical units", arguments: quantities)
    func parsesQuantity(_ example: (text: String, value: Double, dimension: DoseDimension)) throws {
        let quantity = try #require(DoseQuantity(parsing: example.text))
        #expect(abs(quantity.value - example.value) < 1e-9)
        #expect(quantity.dimension == example.dimension)
    }

    @Test("rejects unreadable quantities", arguments: ["0.5", "mg/kg", "0.5kg", "0.5mg/m2", "0.5mg/h", "x mg", "0.5mg/kg/h/d"])
    func rejectsQuantity(_ text: String) {
        #expect(DoseQuantity(parsing: text) == nil)
    }

    @Test("a range matches a comparison when any part of it does; other dimensions never match")
    func rangeComparisons() throws {
        let dose = Dose(low: 0.41, high: 0.71, dimension: .perKilogram, source: SourceRef(document: "d"))
        let half = try #require(DoseQuantity(parsing: "0.5mg/kg"))
        #expect(dose.satisfies(.less, half))
        #expect(dose.satisfies(.greater, half))
        #expect(dose.satisfies(.equal, half))
        #expect(!dose.satisfies(.less, try #require(DoseQuantity(parsing: "0.41mg/kg"))))
        #expect(dose.satisfies(.lessOrEqual, try #require(DoseQuantity(parsing: "0.41mg/kg"))))
        #expect(!dose.satisfies(.greater, try #require(DoseQuantity(parsing: "0.71mg/kg"))))
        #expect(!dose.satisfies(.less, try #require(DoseQuantity(parsing: "1mg/kg/h"))))
        #expect(!Dose(route: .iv, source: SourceRef(document: "d")).satisfies(.less, half))
    }

    @Test("text keeps ranges as ranges and names the unit")
    func text() {
        let range = Dose(route: .iv, low: 0.12, high: 0.42, dimension: .perKilogramPerHour, source: SourceRef(document: "d"))
        #expect(DoseText.amount(range, glyphs: .unicode) == "0.12–0.42 mg/kg/h")
        #expect(DoseText.amount(range, glyphs: .ascii) == "0.12-0.42 mg/kg/h")
        #expect(DoseText.compact([range, Dose(route: .oral, source: SourceRef(document: "d"))], glyphs: .unicode)
            == "0.12–0.42 mg/kg/h IV; oral, dose n.r.")
        let single = Dose(low: 25, high: 25, dimension: .flat, source: SourceRef(document: "d"))
        #expect(DoseText.amount(single, glyphs: .unicode) == "25 mg")
    }

    @Test("a study with several routes keeps every dose and sorts by its first amount")
    func severalDoses() throws {
        let study = try #require(TestSupport.fixture.study(id: "foxtrot-nd"))
        #expect(study.doses.count == 2)
        #expect(study.routes == [.iv, .oral])
        #expect(study.sortDose?.dimension == .perKilogramPerHour)
    }

    @Test("a text column ranks texts as sorting the distinct texts does, and repeats share a rank", arguments: 0..<20)
    func textRanks(seed: UInt64) {
        var random = SplitMix64(state: seed)
        // Even seeds: ASCII texts only (ranked by one sort); odd ones: some that are not.
        let ascii = ["e", "E", "zu", "z", "", "ab", "a", "syn-10", "syn-9", "Syn-9"]
        // (Composed accents only: the standard library's `<` is not transitive between "ü" and
        // "u" + U+0308 followed by more letters, so no order of those is the reference's.)
        let words = seed % 2 == 0 ? ascii : ascii + ["é", "Zürich", "ß", "ss", "ü"]
        let values: [StudySorter.Component?] = (0..<Int(random.next() % 300)).map { _ in
            switch random.next() % 5 {
            case 0: nil
            case 1: .number(Double(random.next() % 7))
            default: .text(words[Int(random.next() % UInt64(words.count))] + (random.next() % 3 == 0 ? "x" : ""))
            }
        }
        // The plain way: each distinct text's place among them, sorted.
        var texts: [String] = []
        for case .text(let text)? in values { texts.append(text) }
        var rank: [String: Double] = [:]
        for (position, text) in Set(texts).sorted().enumerated() { rank[text] = Double(position) }
        let expected: [Double] = values.map { value in
            switch value {
            case nil: .nan
            case .number(let number)?: number
            case .text(let text)?: rank[text] ?? .nan
            }
        }
        let column = SortTable.numericColumn(values)
        #expect(column.count == expected.count)
        #expect(zip(column, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(zip(values, zip(column, expected)).filter { $1.0 != $1.1 }.prefix(4))")
    }
}
