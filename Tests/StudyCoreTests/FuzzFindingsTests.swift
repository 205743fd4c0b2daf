import Foundation
import Testing
@testable import StudyCore

/// What the differential fuzz targets found (their inputs are kept in Fuzz/regressions/ and
/// replayed by every scripts/fuzz run), checked here in every `swift test`.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    // MARK: filter: narrowing with a NUL in the query

    /// The fixture's studies and two more with a NUL in their notes, so the NUL queries match
    /// some studies and not others; indexed in one piece, as the catalog does.
    static let catalog: (entries: [IndexedStudy], index: SearchIndex) = {
        var studies = TestSupport.fixture.studies
        var cafe = studies[0]
        cafe.notes = "café\0 au lait"
        var letter = studies[1]
        letter.notes = "a\0b"
        studies += [cafe, letter]
        let piece = IndexedStudy.index(studies[...])
        return (piece.entries, SearchIndex([(piece.buffer, piece.ranges)]))
    }()

    @Test("narrowing between queries with and without a NUL neither traps nor changes the result", arguments: [
        ("é\0", "é"),
        ("a\0", "a"),
        ("한\0", "한"),
        // Fuzz/regressions/filter-narrows-nul-crash: Foundation's contains trapped on this step.
        ("\u{FFFD} \u{FFFD}\0", "\u{FFFD} \u{FFFD}\0,"),
    ])
    func nulNarrowing(first: String, second: String) throws {
        let (entries, index) = Self.catalog
        let all = Array(entries.indices)
        // Both ways: typing from one to the other, and Backspace back.
        for (old, new) in [(first, second), (second, first)] {
            let oldQuery = try StudyQuery(old)
            let newQuery = try StudyQuery(new)
            // As BrowserState does: filter the previous rows when the new query narrows the old.
            let oldRows = oldQuery.filter(entries, positions: all, index: index)
            let candidates = newQuery.narrows(oldQuery) ? oldRows : all
            let expected = all.filter { newQuery.matches(entries[$0]) }
            #expect(newQuery.filter(entries, positions: candidates, index: index) == expected,
                    "\(old.debugDescription) then \(new.debugDescription)")
            #expect(newQuery.filter(entries, positions: candidates) == expected,
                    "\(old.debugDescription) then \(new.debugDescription), without the index")
        }
    }

    @Test("a word with a NUL added narrows the word, not the other way round")
    func nulContainment() throws {
        let word = try StudyQuery("a"), withNul = try StudyQuery("a\0")
        #expect(withNul.narrows(word))
        #expect(!word.narrows(withNul))
        // Fuzz/regressions/filter-narrows-nul-mismatch: after "a\0", Backspace to "a" must find
        // every study holding an "a" again, not keep the one holding "a\0".
        let (entries, _) = Self.catalog
        let all = Array(entries.indices)
        #expect(withNul.filter(entries, positions: all).count < word.filter(entries, positions: all).count)
    }

    // MARK: decoder: the parallel path's problems in file order

    /// The template study record of TestSupport (without its file around it), with `replacing` applied.
    static func studyRecord(_ replacements: [(String, String)] = []) -> String {
        let file = TestSupport.studyJSON(replacements)
        let start = file.range(of: "\"studies\": [")!.upperBound
        let end = file.range(of: "]}", options: .backwards)!.lowerBound
        return String(file[start..<end])
    }

    /// "studies" before "sources" and "indications", a bad record in each array and bad
    /// studies in both of two pieces.
    static let problemFile: String = {
        let studies = [
            studyRecord([("\"id\": \"test-2020\"", "\"id\": \"good-2020\"")]),
            "1",
            studyRecord([("\"id\": \"test-2020\"", "\"id\": \"Bad Id\"")]),
            studyRecord([("\"id\": \"test-2020\"", "\"id\": \"good-2021\"")]),
            "\"not a study\"",
            studyRecord([("\"total\": 34", "\"total\": -34"), ("\"n\": 17}, {\"label\": \"placebo\", \"n\": 17}", "\"n\": null}")]),
        ]
        let sources = [
            "3",
            #"{"id": "doc", "file": null, "title": "A document", "publisher": null, "date": null, "kind": "education"}"#,
            #"{"id": "bad#id", "file": null, "title": "A document", "publisher": null, "date": null, "kind": "education"}"#,
        ]
        return """
        {"studies": [\(studies.joined(separator: ",\n"))],
         "sources": [\(sources.joined(separator: ", "))],
         "indications": [null],
         "format": "study-browser-data/1"}
        """
    }()

    @Test("the parallel decoder gives the serial decoder's problems, in file order, with studies first")
    func parallelProblemOrder() throws {
        let bytes = Array(Self.problemFile.utf8)
        // What DataFileDecoder.decode needs to take the parallel path with two pieces.
        let layout = try #require(JSONStructure.array(under: "studies", in: bytes))
        #expect(layout.elements.count >= 4)

        let serial = DataFileDecoder.decode(bytes, file: "order.json", parallelBytes: .max)
        let parallel = DataFileDecoder.decode(bytes, file: "order.json", parallelBytes: 0, parallelChunks: 2)
        let problems = serial.problems.map(\.description)
        #expect(parallel.problems.map(\.description) == problems)
        #expect(parallel.problems == serial.problems)
        #expect(parallel.dataset == serial.dataset)
        #expect(serial.dataset.studies.map(\.id) == ["good-2020", "good-2021"])

        // Every array has problems, and they come in the order of the arrays in the file.
        let studyProblems = problems.indices.filter { problems[$0].contains("studies[") || problems[$0].contains("Bad Id") || problems[$0].contains("test-2020") }
        let sourceProblems = problems.indices.filter { problems[$0].contains("sources[") || problems[$0].contains("bad#id") }
        let contextProblems = problems.indices.filter { problems[$0].contains("indications[") }
        #expect(studyProblems.count == 4, "\(problems)")
        #expect(!sourceProblems.isEmpty && !contextProblems.isEmpty, "\(problems)")
        #expect((studyProblems.last ?? 0) < (sourceProblems.first ?? 0) && (sourceProblems.last ?? 0) < (contextProblems.first ?? 0),
                "\(problems)")
    }

    @Test("the minimal saved input gives the same problems both ways")
    func minimalProblemOrder() {
        // Fuzz/regressions/decoder-problem-order-minimal.json
        let bytes = Array(#"{"studies": [1, 2], "sources": [3]}"#.utf8)
        let serial = DataFileDecoder.decode(bytes, file: "fuzz.json", parallelBytes: .max)
        let parallel = DataFileDecoder.decode(bytes, file: "fuzz.json", parallelBytes: 0, parallelChunks: 1)
        #expect(serial.problems.count == 4)
        #expect(parallel.problems.map(\.description) == serial.problems.map(\.description))
    }
}
