import Testing
@testable import StudyCore

@Suite("Query parser")
struct QueryParserTests {
    static let valid: [(query: String, expected: QueryExpression)] = [
        ("", .all),
        ("   ", .all),
        ("Ketamine", .text("ketamine")),
        ("Ångström", .text("angstrom")),
        ("a b", .and([.text("a"), .text("b")])),
        ("a|b", .or([.text("a"), .text("b")])),
        ("a | b", .or([.text("a"), .text("b")])),
        ("a b|c d", .and([.text("a"), .or([.text("b"), .text("c")]), .text("d")])),
        ("!a", .not(.text("a"))),
        ("!a|b", .or([.not(.text("a")), .text("b")])),
        ("!(a b)", .not(.and([.text("a"), .text("b")]))),
        ("\"prolonged aura\"", .text("prolonged aura")),
        ("(a|b) c", .and([.or([.text("a"), .text("b")]), .text("c")])),
        ("don't!", .text("don't!")),
        ("ind:migraine", .field(.indication(.migraine))),
        ("ind:pain", .field(.indication(.chronicPain))),
        ("indication:depression", .field(.indication(.trd))),
        ("route:IV", .field(.route(.iv))),
        ("route:intran", .field(.route(.intranasal))),
        ("dir:benefit", .field(.direction(.benefit))),
        ("dir:nr", .field(.direction(.notReported))),
        ("design:rct", .field(.design("rct"))),
        ("n>=20", .field(.number(.n, .greaterOrEqual, 20))),
        ("n:34", .field(.number(.n, .equal, 34))),
        ("year<2010", .field(.number(.year, .less, 2010))),
        ("level<=2", .field(.number(.level, .lessOrEqual, 2))),
        ("dose<0.5mg/kg", .field(.dose(.less, DoseQuantity(parsing: "0.5mg/kg")!))),
        ("dose>=500mcg/kg", .field(.dose(.greaterOrEqual, DoseQuantity(parsing: "0.5mg/kg")!))),
        ("dose:mg/kg/h", .field(.doseDimension(.perKilogramPerHour))),
        ("cond:\"status epilepticus\"", .field(.text(.condition, "status epilepticus", exact: false))),
        ("id=alpha-2018", .field(.text(.id, "alpha-2018", exact: true))),
        ("src:seed-002#16", .field(.source("seed-002", 16))),
        ("ref:16", .field(.source("", 16))),
        ("0.12-0.42", .text("0.12-0.42")),
        (">6", .text(">6")),
    ]

    @Test("parses", arguments: valid)
    func parses(_ example: (query: String, expected: QueryExpression)) throws {
        #expect(try QueryParser.parse(example.query) == example.expected)
    }

    static let invalid: [(query: String, message: String, column: Int)] = [
        ("a |", "'|' needs a term after it", 3),
        ("| a", "'|' needs a term before it", 1),
        ("a || b", "'|' needs a term after it", 3),
        ("!", "'!' needs a term after it", 1),
        ("a !", "'!' needs a term after it", 3),
        ("(a b", "'(' is never closed", 1),
        ("a b)", "')' without a matching '('", 4),
        ("()", "empty parentheses", 1),
        ("\"open phrase", "not closed", 1),
        ("x \"\"", "empty quoted phrase", 3),
        ("rout:iv", "unknown field 'rout'", 1),
        ("route:", "needs a value", 7),
        ("route:teleport", "unknown route 'teleport'", 7),
        ("route:intra", "could be intravenous, intramuscular, intranasal", 7),
        ("ind:cardiology", "unknown indication", 5),
        ("dir:good", "unknown direction", 5),
        ("design:banana", "unknown design", 8),
        ("n>=many", "needs a number", 4),
        ("dose<0.5", "a dose needs a unit", 6),
        ("dose<0.5mg/fortnight", "cannot read the dose", 6),
        ("title>3", "takes ':' (contains) or '=' (equals)", 6),
        ("ref:abc", "reference number", 5),
        ("a  n>x", "needs a number", 6),
    ]

    @Test("reports what is wrong and where", arguments: invalid)
    func rejects(_ example: (query: String, message: String, column: Int)) {
        #expect {
            try QueryParser.parse(example.query)
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            return error.message.contains(example.message) && error.column == example.column
        }
    }
}

@Suite("Query matching")
struct QueryMatcherTests {
    /// Query and the fixture ids it must select, in fixture order.
    static let cases: [(query: String, ids: [String])] = [
        ("", ["alpha-2018", "bravo-2013", "charlie-2016", "delta-2017", "echo-1995", "foxtrot-nd", "golf-2019", "hotel-2014", "india-2000", "juliet-2022"]),
        ("EMERGENCY", ["alpha-2018"]),
        ("angstrom", ["charlie-2016"]),
        ("ÅNGSTRÖM", ["charlie-2016"]),
        ("emergency randomized", ["alpha-2018"]),
        ("emergency aura", []),
        ("emergency|aura", ["alpha-2018", "bravo-2013"]),
        ("\"prolonged aura\"", ["bravo-2013"]),
        ("\"aura prolonged\"", []),
        ("ind:migraine !route:iv", ["bravo-2013", "echo-1995"]),
        ("ind:epilepsy|ind:sud", ["foxtrot-nd", "hotel-2014"]),
        ("design:rct", ["alpha-2018", "bravo-2013"]),
        ("design:randomized", ["alpha-2018", "bravo-2013"]),
        ("design:placebo", ["alpha-2018", "india-2000"]),
        ("design:double-blind", ["alpha-2018", "india-2000"]),
        ("design:review", ["golf-2019", "juliet-2022"]),
        ("design:meta", ["golf-2019"]),
        ("design:retro|design:series", ["charlie-2016", "delta-2017", "foxtrot-nd"]),
        ("route:oral", ["foxtrot-nd"]),
        ("route:in", ["bravo-2013"]),
        ("dir:mixed", ["bravo-2013", "delta-2017"]),
        ("dir:nr", ["echo-1995", "juliet-2022"]),
        ("n>=20", ["alpha-2018", "bravo-2013", "delta-2017"]),
        ("n:48", ["bravo-2013"]),
        ("n<7", ["charlie-2016"]),
        ("year>=2017", ["alpha-2018", "delta-2017", "golf-2019", "juliet-2022"]),
        ("level<=2", ["alpha-2018", "bravo-2013", "golf-2019"]),
        ("level=2", ["alpha-2018", "bravo-2013", "golf-2019"]),
        ("level:4", ["charlie-2016", "delta-2017", "foxtrot-nd"]),
        ("dose<0.5mg/kg", ["alpha-2018", "hotel-2014"]),
        ("dose<=0.5mg/kg", ["alpha-2018", "hotel-2014", "india-2000"]),
        ("dose>0.6mg/kg", ["hotel-2014"]),
        ("dose:0.5mg/kg", ["hotel-2014", "india-2000"]),
        ("dose:0.3mg/kg/h", ["charlie-2016", "foxtrot-nd"]),
        ("dose<5mg/kg/min", ["charlie-2016", "foxtrot-nd"]),
        ("dose>1g/day", ["foxtrot-nd"]),
        ("dose<1mg", []),
        ("dose>=25mg", ["bravo-2013"]),
        ("dose:mg/kg", ["alpha-2018", "hotel-2014", "india-2000"]),
        ("dose:mg/d", ["foxtrot-nd"]),
        ("cond:aura", ["bravo-2013"]),
        ("cond=migraine", []),
        ("cond=\"cocaine dependence\"", ["hotel-2014"]),
        ("comp:midazolam", ["bravo-2013"]),
        ("author:bravo", ["bravo-2013"]),
        ("id:alpha", ["alpha-2018"]),
        ("id=alpha", []),
        ("result:echo", ["echo-1995"]),
        ("\"71.4%\"", ["delta-2017"]),
        ("\"6 of 6\"", ["charlie-2016"]),
        ("0.12-0.42", ["charlie-2016"]),
        ("src:fixture-doc#1", ["alpha-2018", "bravo-2013", "charlie-2016", "delta-2017", "echo-1995", "foxtrot-nd", "golf-2019", "hotel-2014", "india-2000", "juliet-2022"]),
        ("src:other", []),
        ("ref:2", []),
        ("!(ind:migraine|ind:trd) !design:review", ["foxtrot-nd", "hotel-2014"]),
    ]

    @Test("selects the expected studies", arguments: cases)
    func selects(_ example: (query: String, ids: [String])) throws {
        let query = try StudyQuery(example.query)
        #expect(query.filter(TestSupport.fixtureIndex).map(\.study.id) == example.ids)
    }
}

@Suite("Primary cross-check")
struct PrimaryCheckTests {
    static let cases: [(query: String, ids: [String])] = [
        ("primary:differs", ["alpha-2018"]),
        ("primary:found", ["alpha-2018", "bravo-2013"]),
        ("primary:not-found", ["echo-1995"]),
        ("check:none ind:migraine", ["charlie-2016", "delta-2017"]),
        ("12345678", ["alpha-2018"]),
    ]

    @Test("primary: selects by cross-check status; identifiers are searchable", arguments: cases)
    func selects(_ example: (query: String, ids: [String])) throws {
        #expect(try StudyQuery(example.query).filter(TestSupport.fixtureIndex).map(\.study.id) == example.ids)
    }

    @Test("an unknown value is refused")
    func rejects() {
        #expect(throws: QueryError.self) { try StudyQuery("primary:maybe") }
    }

    @Test("details show the seed and the primary value side by side, and flag it near the top")
    func details() throws {
        let alpha = try #require(TestSupport.fixture.study(id: "alpha-2018"))
        let fields = StudyDetails.fields(of: alpha)
        let crossCheck = try #require(fields.firstIndex { $0.label == "Cross-check" })
        let design = try #require(fields.firstIndex { $0.label == "Design" })
        #expect(crossCheck < design)
        #expect(fields.contains { $0.label == "Differs" && $0.value == "per-arm split: seed [fixture-doc, ref. 1] says 17 and 17; primary [fixture-primary] says 16 and 18" })
        #expect(fields.contains { $0.label == "Identifiers" && $0.value == "PMID 12345678; DOI 10.0000/fixture" })
        #expect(StudyColumn.study.cell(alpha, glyphs: .unicode) == "Alpha 2018 ≠")
        #expect(StudyColumn.study.cell(alpha, glyphs: .ascii) == "Alpha 2018 !=")
        let echo = try #require(TestSupport.fixture.study(id: "echo-1995"))
        #expect(StudyDetails.fields(of: echo).contains { $0.label == "Primary record" && $0.value.hasPrefix("not found") })
    }

    @Test("a primary record is checked like the rest of the data")
    func validation() {
        let found = TestSupport.studyJSON([("\"adverseEffects\": null,", "\"adverseEffects\": null, \"primary\": {\"status\": \"found\", \"source\": \"doc\"},")])
        let problems = TestSupport.problems(in: found).map(\.description)
        #expect(problems.contains("bad.json:test-2020:primary.seenOn: a found primary record says where it was seen"))
        #expect(problems.contains("bad.json:test-2020:primary.summary: a found primary record needs a summary"))
        let badKind = TestSupport.studyJSON([("\"adverseEffects\": null,", "\"adverseEffects\": null, \"primary\": {\"status\": \"not-found\", \"source\": \"nowhere\", \"identifiers\": [{\"kind\": \"isbn\", \"value\": \"1\"}]},")])
        let more = TestSupport.problems(in: badKind).map(\.description)
        #expect(more.contains { $0.hasPrefix("bad.json:test-2020:primary.identifiers[0].kind: unknown value \"isbn\"") })
        // Cross-record checks see only records without problems of their own.
        let undefined = TestSupport.studyJSON([("\"adverseEffects\": null,", "\"adverseEffects\": null, \"primary\": {\"status\": \"not-found\", \"source\": \"nowhere\"},")])
        #expect(TestSupport.problems(in: undefined).map(\.description).contains { $0.hasPrefix("bad.json:test-2020:primary.source: source \"nowhere\" is not defined") })
    }
}

/// Typing the way people type: a space before a dose's unit, and a misspelt field name.
@Suite("Forgiving queries")
struct ForgivingQueryTests {
    @Test("a unit after a space belongs to the dose before it", arguments: [
        ("dose<0.5 mg/kg", "dose<0.5mg/kg"), ("dose:2 mg/kg ketamine", "dose:2mg/kg ketamine"), ("dose>=25  mg", "dose>=25mg"),
    ])
    func spacedUnit(_ typed: String, _ same: String) throws {
        #expect(try StudyQuery(typed).expression == StudyQuery(same).expression)
    }

    @Test("a word after a dose number that is not a unit is still a word, and the dose still needs its unit")
    func notAUnit() {
        #expect(throws: QueryError.self) { try StudyQuery("dose<0.5 migraine") }
    }

    @Test("a misspelt field is named with the field it most likely means", arguments: [
        ("rout:iv", "unknown field 'rout'; did you mean 'route'?"), ("desing:rct", "unknown field 'desing'; did you mean 'design'?"),
        ("yaer>2010", "unknown field 'yaer'; did you mean 'year'?"), ("levle<=2", "unknown field 'levle'; did you mean 'level'?"),
        ("colour:red", "unknown field 'colour'; fields are:"),
    ])
    func didYouMean(_ typed: String, _ message: String) {
        do {
            _ = try StudyQuery(typed)
            Issue.record("\(typed) parsed")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}
