import Testing
@testable import StudyCore

/// The structured `primary` block: a valid one loads with every value, and each class of bad
/// value gets a `file:record:field` message.
@Suite("Structured primary records")
struct PrimaryRecordTests {
    static let block = """
    "primary": {"status": "found", "source": "doc", "seenOn": "PubMed (abstract)", "confidence": "abstract", "summary": "s",
      "design": {"kind": "rct-crossover", "randomized": true, "blinding": "double-blind", "control": "active", "description": "d", "seenOn": "PMC"},
      "sampleSize": {"enrolled": 40, "randomized": 36, "analysed": 30, "arms": [{"label": "a", "n": 18}, {"label": "b", "n": 18}]},
      "doses": [{"arm": "ketamine", "route": "im", "value": 2.0, "unit": "mg/kg", "regimen": null, "basis": "protocol", "reported": "2.0 mg/kg", "source": "doc"}],
      "comparator": {"label": "midazolam", "doses": []},
      "outcomes": ["abstinence"], "direction": "benefit",
      "estimates": [{"outcome": "o", "measure": "odds-ratio", "point": 2.0, "low": 1.1, "high": 3.5, "level": 95, "reported": "OR 2.0 (1.1-3.5)"},
                    {"outcome": "p", "measure": "proportion", "events": 15, "total": 77, "reported": "15/77, 27.3%"}],
      "caveats": ["surrogate"], "inconsistencies": ["15/77 is not 27.3%"],
      "overlaps": [{"study": null, "participants": 5, "stated": false}]},
    """

    static func json(_ changes: [(String, String)] = []) -> String {
        var block = Self.block
        for (old, new) in changes {
            precondition(block.contains(old), "block has no \(old)")
            block = block.replacingOccurrences(of: old, with: new)
        }
        return TestSupport.studyJSON([("\"adverseEffects\": null,", "\"adverseEffects\": null, " + block)])
    }

    @Test("a full block loads with every structured value")
    func loads() throws {
        let loaded = DatasetLoader.load([TestSupport.sourcesFile, DataFile(name: "ok.json", bytes: Array(Self.json().utf8))])
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        let primary = try #require(loaded.dataset.studies.first?.primary)
        #expect(primary.design?.kind == .rctCrossover && primary.designSeenOn == "PMC")
        #expect(primary.design?.source == SourceRef(document: "doc"))
        #expect(primary.sampleSize == PrimarySampleSize(enrolled: 40, randomized: 36, analysed: 30,
                                                        arms: [.init(label: "a", count: 18), .init(label: "b", count: 18)]))
        #expect(primary.sampleSize?.headline == 36 && primary.sampleSize?.headlineKind == "randomized")
        #expect(primary.doses.first?.route == .im && primary.comparator?.label == "midazolam")
        #expect(primary.estimates.map(\.measure) == [.oddsRatio, .proportion])
        #expect(primary.estimates.last?.reported == "15/77, 27.3%", "an inconsistent figure is kept as written")
        #expect(primary.caveats == [.surrogate] && primary.inconsistencies.count == 1 && primary.overlaps.first?.participants == 5)
    }

    @Test("the data-file writer writes the block back as it was read")
    func roundTrip() throws {
        let loaded = DatasetLoader.load([TestSupport.sourcesFile, DataFile(name: "ok.json", bytes: Array(Self.json().utf8))])
        let written = DataFileWriter.json(studies: loaded.dataset.studies)
        let again = DatasetLoader.load([TestSupport.sourcesFile, DataFile(name: "again.json", bytes: Array(written.utf8))])
        #expect(again.problems.isEmpty, "\(again.problems)")
        #expect(again.dataset.studies.map { $0.primary } == loaded.dataset.studies.map { $0.primary })
    }

    static let badCases: [(name: String, change: [(String, String)], expected: String)] = [
        ("estimate without a point", [("\"point\": 2.0, ", "")], "bad.json:test-2020:primary.estimates[0].point: a odds-ratio estimate needs its point value"),
        ("interval upside down", [("\"low\": 1.1, \"high\": 3.5", "\"low\": 3.5, \"high\": 1.1")], "bad.json:test-2020:primary.estimates[0].low: low (3.5) is above high (1.1)"),
        ("point outside its interval", [("\"point\": 2.0", "\"point\": 4.0")], "bad.json:test-2020:primary.estimates[0].point: 4 lies outside its interval"),
        ("ratio at or below 0", [("\"point\": 2.0, \"low\": 1.1", "\"point\": 0, \"low\": -1")], "bad.json:test-2020:primary.estimates[0].point: a ratio must be above 0"),
        ("half an interval", [("\"high\": 3.5, ", "")], "bad.json:test-2020:primary.estimates[0].high: low and high go together"),
        ("interval level out of range", [("\"level\": 95", "\"level\": 0.95")], ""),
        ("level without an interval", [("\"low\": 1.1, \"high\": 3.5, ", "")], "bad.json:test-2020:primary.estimates[0].level: an interval level without an interval"),
        ("proportion above 1", [("\"events\": 15", "\"events\": 78")], "bad.json:test-2020:primary.estimates[1].events: 78 of 77 is not a proportion"),
        ("proportion without a total", [("\"events\": 15, \"total\": 77, ", "\"events\": 15, ")], "bad.json:test-2020:primary.estimates[1].total: a proportion needs events and total"),
        ("unknown measure", [("\"measure\": \"odds-ratio\"", "\"measure\": \"hazard\"")], "bad.json:test-2020:primary.estimates[0].measure: unknown value \"hazard\""),
        ("estimate without its text", [(", \"reported\": \"OR 2.0 (1.1-3.5)\"", "")], "bad.json:test-2020:primary.estimates[0].reported: missing field"),
        ("unknown caveat", [("[\"surrogate\"]", "[\"weak\"]")], "bad.json:test-2020:primary.caveats[0]: expected one of: surrogate, within-subject, disputed"),
        ("shared citation as a caveat", [("[\"surrogate\"]", "[\"shared-citation\"]")], "bad.json:test-2020:primary.caveats[0]: expected one of"),
        ("caveat twice", [("[\"surrogate\"]", "[\"surrogate\", \"surrogate\"]")], "bad.json:test-2020:primary.caveats[1]: \"surrogate\" is listed twice"),
        ("no count at all", [("\"enrolled\": 40, \"randomized\": 36, \"analysed\": 30, \"arms\": [{\"label\": \"a\", \"n\": 18}, {\"label\": \"b\", \"n\": 18}]", "\"note\": null")],
         "bad.json:test-2020:primary.sampleSize: give at least one of enrolled, randomized, analysed or arms"),
        ("more randomized than enrolled", [("\"enrolled\": 40", "\"enrolled\": 30")], "bad.json:test-2020:primary.sampleSize.randomized: 36 randomized is more than the 30 enrolled"),
        ("a count of 0", [("\"analysed\": 30", "\"analysed\": 0")], "bad.json:test-2020:primary.sampleSize.analysed: a count of 0"),
        ("overlap of nobody", [("\"participants\": 5", "\"participants\": 0")], "bad.json:test-2020:primary.overlaps[0].participants: an overlap shares at least one participant"),
        ("overlap with a study not loaded", [("\"study\": null", "\"study\": \"nobody-2000\"")], "bad.json:test-2020:primary.overlaps[0].study: no study with id \"nobody-2000\" is loaded"),
        ("design contradicting itself", [("\"randomized\": true, \"blinding\": \"double-blind\"", "\"randomized\": false, \"blinding\": \"double-blind\"")],
         "bad.json:test-2020:primary.design.randomized: false contradicts kind \"rct-crossover\""),
        ("structured values on a record not found", [("\"status\": \"found\"", "\"status\": \"not-found\""), ("\"summary\": \"s\",", "")],
         "bad.json:test-2020:primary.status: \"not-found\" records cannot have a summary, figures, differences or structured values"),
        ("outcome measure that is not text", [("[\"abstinence\"]", "[3]")], "bad.json:test-2020:primary.outcomes[0]: expected a non-empty string, found a number"),
    ]

    @Test("each class of bad structured value is named by file, record and field", arguments: badCases)
    func bad(_ example: (name: String, change: [(String, String)], expected: String)) {
        let problems = TestSupport.problems(in: Self.json(example.change)).map(\.description)
        let expected = example.expected.isEmpty ? "bad.json:test-2020:primary.estimates[0].level: an interval level is a percentage" : example.expected
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(example.name): \(problems)")
    }
}
