import Foundation
import Testing
@testable import StudyCore

@Suite("Validation of bad data")
struct ValidatorTests {
    @Test("the valid template has no problems")
    func validTemplate() {
        #expect(TestSupport.problems(in: TestSupport.studyJSON()).isEmpty)
    }

    /// A change to the valid template, and the problem (as printed) it must cause.
    static let semanticCases: [(name: String, change: [(String, String)], expected: String)] = [
        ("missing required field", [("\"setting\": null, ", "")], "bad.json:test-2020:setting: missing field"),
        ("wrong type", [("\"year\": 2020", "\"year\": \"2020\"")], "bad.json:test-2020:citation.year: expected a number or null, found a string"),
        ("wrong type for an object", [("\"comparator\": {\"label\": \"placebo\", \"doses\": []}", "\"comparator\": \"placebo\"")],
         "bad.json:test-2020:comparator: expected an object or null, found a string"),
        ("fraction where a count belongs", [("\"total\": 34", "\"total\": 34.5")], "bad.json:test-2020:sampleSize.total: expected a whole number, found 34.5"),
        ("unknown indication", [("\"indication\": \"migraine\"", "\"indication\": \"cardiology\"")],
         "bad.json:test-2020:indication: unknown value \"cardiology\"; expected one of: migraine, epilepsy, sud, trd, chronic-pain"),
        ("unknown unit", [("\"unit\": \"mg/kg\"", "\"unit\": \"mg/kg/hr\"")],
         "bad.json:test-2020:doses[0].unit: unknown unit \"mg/kg/hr\"; expected one of: mg, mg/kg, mg/kg/h, mg/kg/d, mg/d"),
        ("unknown design kind", [("\"kind\": \"rct-parallel\"", "\"kind\": \"rct\"")], "bad.json:test-2020:design.kind: unknown value \"rct\""),
        ("negative total", [("\"total\": 34", "\"total\": -34"), ("\"n\": 17}, {\"label\": \"placebo\", \"n\": 17}", "\"n\": null}")],
         "bad.json:test-2020:sampleSize.total: negative sample size -34"),
        ("negative arm", [("\"n\": 17}, {", "\"n\": -17}, {")], "bad.json:test-2020:sampleSize.arms[0].n: negative count -17"),
        ("arms not summing to the total", [("\"total\": 34", "\"total\": 35")], "bad.json:test-2020:sampleSize.arms: the arms add up to 34 but the total is 35"),
        ("dose low above high", [("\"low\": 0.1, \"high\": 0.2", "\"low\": 0.3, \"high\": 0.2")], "bad.json:test-2020:doses[0].low: low (0.3) is greater than high (0.2)"),
        ("negative dose", [("\"low\": 0.1", "\"low\": -0.1")], "bad.json:test-2020:doses[0].low: a dose cannot be negative"),
        ("value and range together", [("\"low\": 0.1,", "\"value\": 1, \"low\": 0.1,")], "bad.json:test-2020:doses[0].value: give either value or low and high"),
        ("half a range", [("\"low\": 0.1, \"high\": 0.2,", "\"low\": 0.1,")], "bad.json:test-2020:doses[0].high: low and high go together"),
        ("amount without unit", [("\"unit\": \"mg/kg\"", "\"unit\": null")], "bad.json:test-2020:doses[0].unit: an amount needs a unit"),
        ("unit without amount", [("\"low\": 0.1, \"high\": 0.2, ", "")], "bad.json:test-2020:doses[0].unit: a unit without an amount"),
        ("unknown field", [("\"setting\": null", "\"setting\": null, \"settting\": \"ED\"")], "bad.json:test-2020:settting: unknown field"),
        ("empty text", [("\"result\": \"no change\"", "\"result\": \"  \"")], "bad.json:test-2020:outcome.result: empty text; use null"),
        ("bad id", [("\"id\": \"test-2020\"", "\"id\": \"Test 2020\"")], "bad.json:Test 2020:id: an id is lowercase letters and digits"),
        ("implausible year", [("\"year\": 2020", "\"year\": 20")], "bad.json:test-2020:citation.year: 20 is not a plausible publication year"),
        ("randomized contradicts design", [("\"randomized\": true", "\"randomized\": false")], "bad.json:test-2020:design.randomized: false contradicts kind \"rct-parallel\""),
        ("malformed source reference", [("\"source\": \"doc#1\", \"attribution\"", "\"source\": \"doc#one\", \"attribution\"")],
         "bad.json:test-2020:provenance[0].source: \"doc#one\" is not a source reference"),
        ("undefined source", [("\"source\": \"doc#1\", \"attribution\"", "\"source\": \"elsewhere#1\", \"attribution\"")],
         "bad.json:test-2020:provenance[0].source: source \"elsewhere\" is not defined by the loaded data"),
        ("empty provenance", [("[{\"source\": \"doc#1\", \"attribution\": \"direct\"}]", "[]")], "bad.json:test-2020:provenance: every study needs at least one provenance entry"),
        ("unknown format", [("study-browser-data/1", "study-browser-data/9")], "bad.json:format: unknown format \"study-browser-data/9\""),
        ("record that is not an object", [("\"studies\": [{", "\"studies\": [42, {")], "bad.json:studies[0]: expected an object, found a number"),
    ]

    @Test("reports file, record and field", arguments: semanticCases)
    func semantic(_ example: (name: String, change: [(String, String)], expected: String)) {
        let problems = TestSupport.problems(in: TestSupport.studyJSON(example.change)).map(\.description)
        #expect(problems.contains { $0.hasPrefix(example.expected) }, "\(example.name): \(problems)")
        #expect(!problems.isEmpty)
    }

    @Test("reports every problem, not just the first")
    func everyProblem() {
        let problems = TestSupport.problems(in: TestSupport.studyJSON([
            ("\"year\": 2020", "\"year\": \"x\""), ("\"unit\": \"mg/kg\"", "\"unit\": \"mg/kg/hr\""), ("\"total\": 34", "\"total\": 35"),
        ]))
        #expect(problems.count == 3)
        #expect(problems.exitStatus == 65)
    }

    @Test("malformed JSON: file, line and column")
    func malformedJSON() {
        let problems = TestSupport.problems(in: "{\n  \"format\": \"study-browser-data/1\",\n  \"studies\": [\n}")
        #expect(problems.map(\.description) == ["bad.json:4:1: expected a JSON value, found '}'"])
        #expect(problems.exitStatus == 65)
    }

    @Test("non-UTF-8 bytes")
    func nonUTF8() {
        let bytes = Array("{\"format\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        let problems = DatasetLoader.load([DataFile(name: "latin1.json", bytes: bytes)]).problems
        #expect(problems.first?.description == "latin1.json:1:13: invalid UTF-8 byte 0xC3; data files must be UTF-8")
    }

    @Test("empty file")
    func emptyFile() {
        let problems = DatasetLoader.load([DataFile(name: "empty.json", bytes: [])]).problems
        #expect(problems.map(\.description) == ["empty.json: empty file"])
        #expect(problems.exitStatus == 65)
    }

    @Test("duplicate ids across files")
    func duplicateIDs() {
        let study = Array(TestSupport.studyJSON().utf8)
        let problems = DatasetLoader.load([TestSupport.sourcesFile, DataFile(name: "a.json", bytes: study), DataFile(name: "b.json", bytes: study)]).problems
        #expect(problems.map(\.description) == ["b.json:test-2020:id: duplicate id; also used in a.json"])
    }

    @Test("duplicate source ids name both files")
    func duplicateSources() {
        let again = DataFile(name: "again.json", bytes: TestSupport.sourcesFile.bytes)
        let problems = DatasetLoader.load([TestSupport.sourcesFile, again, DataFile(name: "s.json", bytes: Array(TestSupport.studyJSON().utf8))]).problems
        #expect(problems.map(\.description) == ["again.json:doc:id: duplicate source id; also defined in sources.json",
                                                "again.json:ad:id: duplicate source id; also defined in sources.json"])
    }

    @Test("statements from a promotional source must be claims")
    func promotionalClaims() {
        let json = """
        {"format": "study-browser-data/1", "indications": [{"indication": "migraine", "statements": [
          {"topic": "benefits", "kind": "statement", "source": "ad", "text": "Works wonders."}]}]}
        """
        let problems = TestSupport.problems(in: json).map(\.description)
        #expect(problems.contains("bad.json:migraine:statements[0].kind: ad is promotional, so its statements must have kind \"claim\""))
    }

    @Test("a file with no records, and a data set with no studies")
    func noRecords() {
        #expect(TestSupport.problems(in: #"{"format": "study-browser-data/1"}"#).map(\.description)
            .contains("bad.json: the file holds no \"sources\", \"indications\", \"reviews\" or \"studies\""))
        #expect(DatasetLoader.load([TestSupport.sourcesFile]).problems.map(\.message) == ["no studies: the data holds no \"studies\" records"])
    }

    @Test("records with problems are left out; valid ones are kept")
    func partialLoad() {
        let loaded = DatasetLoader.load([TestSupport.sourcesFile, DataFile(name: "x.json", bytes: Array(TestSupport.studyJSON([("\"total\": 34", "\"total\": 35")]).utf8))])
        #expect(loaded.dataset.studies.isEmpty)
        #expect(loaded.dataset.sources.count == 2)
    }

    @Test("fields read in another order than the file writes them, or around a missing one, decode the same", arguments: [false, true])
    func fieldOrder(reversed: Bool) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let original = [UInt8](try Data(contentsOf: folder.appendingPathComponent("Data/migraine.json")))
        // Every object's members reversed (or rotated by one), at every depth.
        func reorder(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let items): return .array(items.map(reorder))
            case .object(let object):
                var members = object.members.map { ($0.key, reorder($0.value)) }
                if reversed { members.reverse() } else if let first = members.first { members = Array(members.dropFirst()) + [first] }
                return .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
            default: return value
            }
        }
        let reordered = Array(JSONWriter.string(reorder(try JSONParser.parse(original))).utf8)
        let before = DataFileDecoder.decode(original, file: "a.json"), after = DataFileDecoder.decode(reordered, file: "a.json")
        #expect(before.problems.isEmpty && after.problems.isEmpty, "\(after.problems.prefix(3))")
        #expect(!before.dataset.studies.isEmpty && after.dataset == before.dataset)
        // A missing field is still reported, and the fields after it still read.
        var broken = try JSONParser.parse(original)
        if case .object(var top) = broken, case .array(var studies)? = top["studies"], case .object(var study) = studies[0] {
            study["condition"] = nil
            studies[0] = .object(study)
            top["studies"] = .array(studies)
            broken = .object(top)
        }
        let missing = DataFileDecoder.decode(Array(JSONWriter.string(broken).utf8), file: "a.json")
        #expect(missing.problems.map(\.field) == ["condition"] && missing.dataset.studies.count == before.dataset.studies.count - 1)
    }
}

@Suite("Reading data files from disk")
struct DataFileReaderTests {
    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("study-browser-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test("a missing path cannot be opened: exit 66")
    func missingPath() {
        let problems = DatasetLoader.load(paths: [folder + "/nope.json"]).problems
        #expect(problems.map(\.description) == ["\(folder)/nope.json: cannot open: no such file or directory"])
        #expect(problems.exitStatus == 66)
    }

    @Test("a folder without data files: exit 66")
    func emptyFolder() throws {
        try "notes".write(toFile: folder + "/readme.txt", atomically: true, encoding: .utf8)
        let problems = DatasetLoader.load(paths: [folder]).problems
        #expect(problems.first?.description == "\(folder): cannot open: the folder holds no .json data files")
        #expect(problems.exitStatus == 66)
    }

    @Test("a folder loads its .json files in name order")
    func folderOrder() throws {
        try TestSupport.studyJSON().write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: TestSupport.fixturePath, toPath: folder + "/a.json")
        let read = DataFileReader.files(at: [folder])
        #expect(read.files.map { URL(fileURLWithPath: $0.name).lastPathComponent } == ["a.json", "b.json"])
    }

    @Test("a symlink loop cannot be opened")
    func symlinkLoop() throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop.json", withDestinationPath: folder + "/loop.json")
        let problems = DataFileReader.files(at: [folder + "/loop.json"]).problems
        #expect(problems.first?.description.contains("cannot open: too many levels of symbolic links") == true)
        #expect(problems.exitStatus == 66)
    }

    @Test("a device is not a data file")
    func device() {
        let problems = DataFileReader.files(at: ["/dev/null"]).problems
        #expect(problems.map(\.description) == ["/dev/null: cannot open: not a regular file"])
    }

    @Test("a buffer handed from file to file holds each file's bytes exactly, larger or smaller than the last")
    func reusedBuffer() throws {
        let contents: [[UInt8]] = [Array(repeating: 0x61, count: 70_000), Array("short".utf8), [],
                                   (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }, Array("{}".utf8)]
        var buffer: [UInt8] = []
        for (number, bytes) in contents.enumerated() {
            let path = folder + "/\(number).json"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let file = try DataFileReader.readFile(path, reusing: &buffer).get()
            #expect(file.bytes == bytes, "file \(number)")
            #expect(buffer.isEmpty, "the file's bytes own the buffer")
            buffer = file.bytes
        }
    }

    @Test("files of different sizes, read into one buffer in turn, load as files read apart do")
    func folderOfSizes() throws {
        try TestSupport.studyJSON([("test-2020", "small-2020")]).write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: TestSupport.fixturePath, toPath: folder + "/b.json")
        try TestSupport.studyJSON().write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
        let reused = DatasetLoader.load(paths: [folder])
        let apart = DatasetLoader.load(DataFileReader.files(at: [folder]).files)
        #expect(reused.dataset.studies.count > 2)
        #expect(reused.dataset.studies == apart.dataset.studies)
        #expect(reused.dataset.sources == apart.dataset.sources)
        #expect(reused.problems.map(\.description) == apart.problems.map(\.description))
    }
}
