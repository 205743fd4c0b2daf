import Foundation
import SyntheticStudies
import Testing
@testable import StudyCore

/// Large files have their studies parsed on several cores; the result and every message must
/// be exactly what the plain, front-to-back parse gives.
@Suite("Loading large files in parallel")
struct ParallelLoadTests {
    /// Over the parallel threshold (4 MiB): about 2,500 synthetic studies.
    static let text = SyntheticStudies.dataFile(count: 2_500, seed: 9)

    @Test("the parallel path gives the same studies, in the same order, as the plain one")
    func sameResult() {
        let bytes = Array(Self.text.utf8)
        #expect(bytes.count >= DataFileDecoder.parallelBytes)
        let parallel = DataFileDecoder.decode(bytes, file: "big.json")
        #expect(parallel.problems.isEmpty)
        // The plain path on the same text: each study on its own, well under the threshold.
        let made = SyntheticStudies.make(count: 2_500, seed: 9)
        #expect(parallel.dataset.studies.map(\.id) == made.map(\.id))
        let plain = DataFileDecoder.decode(Array(DataFileWriter.json(studies: Array(made.prefix(200))).utf8), file: "big.json")
        #expect(plain.dataset.studies == Array(parallel.dataset.studies.prefix(200)))
    }

    /// Writes `texts` as 0.json, 1.json, … into a new temporary folder, which the caller removes.
    private static func write(_ texts: [String]) throws -> (folder: String, paths: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-load-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let paths = texts.indices.map { "\(folder)/\($0).json" }
        for (text, path) in zip(texts, paths) { try text.write(toFile: path, atomically: false, encoding: .utf8) }
        return (folder, paths)
    }

    @Test("files read ahead while the one before decodes, an unreadable one among them, load as files read one by one")
    func readAhead() throws {
        // Files over the parallel threshold (4 MiB), then a small one: sizes differ, so a buffer
        // handed on is sometimes too small.
        var texts: [String] = []
        SyntheticStudies.dataFiles(count: 5_220, perFile: 2_600, seed: 10) { _, text in texts.append(text) }
        texts.swapAt(0, 1)
        let (folder, paths) = try Self.write(texts)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(texts.map(\.utf8.count).prefix(2).allSatisfy { $0 >= DataFileDecoder.parallelBytes })
        var inspected: [String] = []
        let collector = DataSnapshot.Collector()
        // A FIFO passes the folder scan and is refused when read: a read failure between two files.
        let fifo = folder + "/fifo.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        let ahead = DatasetLoader.load(paths: [paths[0], fifo, paths[1], paths[2]], collector: collector) {
            inspected.append($0.name)
        }
        let apart = DatasetLoader.load(zip(paths, texts).map { DataFile(name: $0, bytes: Array($1.utf8)) })
        #expect(ahead.dataset.studies.count == 5_220)
        #expect(ahead.dataset.studies == apart.dataset.studies)
        #expect(ahead.problems.map(\.description) == ["\(fifo): cannot open: not a regular file"])
        #expect(inspected == paths)
        #expect(collector.files.map(\.name) == paths)
    }

    @Test("a file without studies, read into a larger file's buffer, is kept by the collector exactly and at its own size")
    func restAtOwnSize() throws {
        var texts: [String] = []
        SyntheticStudies.dataFiles(count: 5_200, perFile: 2_600, seed: 12) { _, text in texts.append(text) }
        // The first file's buffer is the third's: the small file lands in memory sized for thousands of studies.
        texts.insert(#"{"format": "study-browser-data/1", "notes": "no studies here"}"#, at: 2)
        let (folder, paths) = try Self.write(texts)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let collector = DataSnapshot.Collector()
        _ = DatasetLoader.load(paths: paths, collector: collector)
        let kept = try #require(collector.files.count == 3 ? collector.files[2] : nil)
        #expect(kept.rest == Array(texts[2].utf8))
        #expect(kept.rest.capacity < 1_024, "not the large buffer it was read into")
    }

    @Test("a test over a large array finds a match wherever it lies, and none when there is none",
          arguments: [[0], [49_999], [25_000, 25_001], [12_500], []])
    func containsAnywhere(matches: [Int]) {
        let values = (0..<50_000).map { matches.contains($0) }
        #expect(Parallel.contains(values) { $0 } == !matches.isEmpty)
        #expect(Parallel.contains(Array(values.prefix(10))) { $0 } == matches.contains { $0 < 10 })
    }

    @Test("work beside runs while the calling thread works, and both results come back")
    func beside() {
        let sideStarted = DispatchSemaphore(value: 0)
        // The body waits for the side to start: were the side run only after the body, it would time out.
        let (body, side) = Parallel.beside({ sideStarted.signal(); return "side" }, while: {
            (sideStarted.wait(timeout: .now() + 30) == .success, Parallel.map(4) { $0 * 2 })
        })
        #expect(body.0, "the side ran while the body waited")
        #expect(body.1 == [0, 2, 4, 6])
        #expect(side == "side")
    }

    @Test("source references through the decoder's shared memory are what parsing gives, past the 4,096 it keeps, and canonically equal spellings are not confused")
    func sharedSourceReferences() {
        let sink = ProblemSink(file: "f.json")
        for round in 0..<2 {
            for number in 1...6_000 {
                let raw = "seed-\(number % 7)#\(number),\(number + round + 1)"
                #expect(sink.sourceRef(parsing: raw) == SourceRef(parsing: raw), "\(raw)")
            }
        }
        // A Kelvin sign is canonically equal to "K" (so equal as a String), but only ASCII ids are valid.
        #expect(sink.sourceRef(parsing: "synK#1") == SourceRef(document: "synK", references: [1]))
        #expect(sink.sourceRef(parsing: "syn\u{212A}#1") == nil)
    }

    @Test("each study keeps its own source references when the decoder shares them, on one core and on several")
    func sharedReferencesInStudies() {
        // Each synthetic study cites its own reference, "synthetic#<position + 1>", field after field.
        let text = Array(SyntheticStudies.dataFile(count: 4_500, seed: 10).utf8)
        for parallelBytes in [DataFileDecoder.parallelBytes, Int.max] {
            let decoded = DataFileDecoder.decode(text, file: "big.json", parallelBytes: parallelBytes)
            #expect(decoded.problems.isEmpty)
            #expect(decoded.dataset.studies.count == 4_500)
            for (position, study) in decoded.dataset.studies.enumerated() {
                var cited: Set<String> = []
                DatasetValidator.visitSourceReferences(of: study) { _, reference in cited.insert(reference.description) }
                #expect(cited == ["synthetic#\(position + 1)"], "\(study.id)")
            }
        }
    }

    @Test("a record problem deep in a large file names the same record and field")
    func recordProblem() {
        let broken = Self.text.replacingOccurrences(of: "\"id\": \"syn-2000\"", with: "\"id\": \"Syn 2000\"")
        let decoded = DataFileDecoder.decode(Array(broken.utf8), file: "big.json")
        #expect(decoded.problems.map(\.description).contains { $0.hasPrefix("big.json:Syn 2000:id: an id is lowercase") },
                "\(decoded.problems.map(\.description))")
        #expect(decoded.dataset.studies.count == 2_499)
    }

    @Test("a syntax error inside a study gives the plain parser's line and column")
    func syntaxError() throws {
        // Remove one closing quote of a value deep in the file.
        let marker = "\"id\": \"syn-1500\""
        let broken = Self.text.replacingOccurrences(of: marker, with: "\"id\": \"syn-1500")
        let decoded = DataFileDecoder.decode(Array(broken.utf8), file: "big.json")
        let plain: JSONSyntaxError
        do {
            _ = try JSONParser.parse(Array(broken.utf8))
            Issue.record("the broken text parsed")
            return
        } catch {
            plain = error
        }
        #expect(decoded.problems.map(\.description) == ["big.json:\(plain.line):\(plain.column): \(plain.message)"])
    }

    @Test("the structural scan finds each element, past brackets and quotes inside strings")
    func scan() throws {
        let text = #"{"format": "x", "note": "a [ { \" ] }", "studies": [ {"a": "]"}, [1, {"b": "\\"}], "s", 12 , null ], "z": 1}"#
        let bytes = Array(text.utf8)
        let layout = try #require(JSONStructure.array(under: "studies", in: bytes))
        let elements = layout.elements.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(elements == [#"{"a": "]"}"#, #"[1, {"b": "\\"}]"#, #""s""#, "12", "null"])
        #expect(String(decoding: bytes[layout.start..<layout.end], as: UTF8.self).hasPrefix("[ {"))
        #expect(String(decoding: bytes[layout.start..<layout.end], as: UTF8.self).hasSuffix("null ]"))
        #expect(JSONStructure.array(under: "studies", in: Array(#"{"studies": [1, 2"#.utf8)) == nil)
        #expect(JSONStructure.array(under: "studies", in: Array(#"[1]"#.utf8)) == nil)
    }

    @Test("strings of escapes: each quote, backslash and \\u escape is skipped exactly, and a string of many escapes is scanned whole")
    func escapes() throws {
        let long = String(repeating: #"\\\""#, count: 50_000)
        let text = #"{"studies": ["\\", "\"", "a\\\"b", "\u0022]", ""# + long + #"", {"k": "\\\\"}]}"#
        let bytes = Array(text.utf8)
        let layout = try #require(JSONStructure.array(under: "studies", in: bytes))
        let elements = layout.elements.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(elements == [#""\\""#, #""\"""#, #""a\\\"b""#, #""\u0022]""#, "\"" + long + "\"", #"{"k": "\\\\"}"#])
        // A string whose last escape runs into the end of the text is not closed.
        #expect(JSONStructure.array(under: "studies", in: Array(#"{"studies": ["a\"#.utf8)) == nil)
    }
}
