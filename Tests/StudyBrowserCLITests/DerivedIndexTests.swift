import Foundation
import SyntheticStudies
import Testing

/// The derived index through the real binary: reused while the data is unchanged; rebuilt, with
/// the reason, when a data file changes or the index is truncated, damaged or of another
/// version; built once when 20 processes start together; and never changing an answer.
@Suite("Derived index", .serialized)
struct DerivedIndexTests {
    /// A folder with one data file of synthetic studies, and an empty index folder.
    private struct Scratch {
        let folder: URL
        var data: String { folder.appendingPathComponent("data").path }
        var dataFile: String { data + "/studies.json" }
        var indexes: String { folder.appendingPathComponent("indexes").path }

        init(studies: Int = 300, seed: UInt64 = 7) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-index-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("data").path, withIntermediateDirectories: true)
            try SyntheticStudies.dataFile(count: studies, seed: seed).write(toFile: folder.appendingPathComponent("data/studies.json").path, atomically: true, encoding: .utf8)
        }

        /// The one index file in the index folder.
        func indexFile() throws -> String {
            let names = try FileManager.default.contentsOfDirectory(atPath: indexes).filter { $0.hasSuffix(".sbindex") }
            try #require(names.count == 1, "index files: \(names)")
            return indexes + "/" + names[0]
        }

        func list(_ extra: [String] = []) throws -> BinaryRunner.Result {
            try BinaryRunner.run(["list", "--data", data, "--index-dir", indexes, "--format", "csv"] + extra)
        }

        func listWithoutIndex(_ extra: [String] = []) throws -> BinaryRunner.Result {
            try BinaryRunner.run(["list", "--data", data, "--no-index", "--format", "csv"] + extra)
        }
    }

    @Test("index builds once and is then reused: up to date, and list says nothing")
    func reused() throws {
        let scratch = try Scratch()
        let built = try BinaryRunner.run(["index", scratch.data, "--index-dir", scratch.indexes])
        #expect(built.status == 0, "\(built.error)")
        #expect(built.output.contains("indexed 300 studies into \(scratch.indexes)/"), "\(built.output)")
        let before = try Data(contentsOf: URL(fileURLWithPath: try scratch.indexFile()))
        let again = try BinaryRunner.run(["index", scratch.data, "--index-dir", scratch.indexes])
        #expect(again.status == 0)
        #expect(again.output.hasPrefix("up to date: "), "\(again.output)")
        let listed = try scratch.list()
        #expect(listed.status == 0)
        #expect(listed.error.isEmpty, "a reused index is silent: \(listed.error)")
        #expect(listed.output == (try scratch.listWithoutIndex()).output)
        #expect(try Data(contentsOf: URL(fileURLWithPath: try scratch.indexFile())) == before, "the index was not rewritten")
    }

    #if os(Linux)
    @Test("index shows its stage on a terminal's standard error, cut to its width and cleared before its result; to a pipe it says nothing while it works")
    func progressOnTerminal() throws {
        let scratch = try Scratch(studies: 3_000)
        let piped = try BinaryRunner.run(["index", scratch.data, "--index-dir", scratch.indexes + "-piped"])
        #expect(piped.status == 0 && piped.error.isEmpty, "\(piped.error)")
        // `script` gives the command a terminal of its own and keeps every byte it wrote.
        let log = scratch.folder.appendingPathComponent("terminal.log").path
        // A terminal 30 columns wide: "study-browser: loading studies.json 12%" must be cut to 29.
        let command = "stty cols 30; exec '\(BinaryRunner.binary.path)' index '\(scratch.data)' --index-dir '\(scratch.indexes)'"
        let ran = try BinaryRunner.run([], shell: "script -q -e -c \"\(command)\" '\(log)' > /dev/null")
        #expect(ran.status == 0, "\(ran.error)")
        let bytes = try String(contentsOfFile: log, encoding: .utf8)
        // The first stage is drawn at once, however quick the build.
        #expect(bytes.contains("\rstudy-browser: reading"), "\(bytes.debugDescription)")
        let result = try #require(bytes.range(of: "indexed 3000 studies into"))
        let before = bytes[..<result.lowerBound]
        // Cleared: a carriage return, spaces over the line, and a carriage return, just before the result.
        #expect(before.hasSuffix(" \r"), "\(before.suffix(120).debugDescription)")
        #expect(!before.contains("\u{1B}"), "no escape sequences: \(before.debugDescription)")
        // Every progress line (after the log's own header) fits the terminal, so none wraps.
        let drawn = before.split(separator: "\r").filter { $0.hasPrefix("study-browser: ") }
        #expect(!drawn.isEmpty && drawn.allSatisfy { $0.count <= 29 }, "\(drawn)")
    }
    #endif

    @Test("a changed data file makes the index out of date: rebuilt, named, and the answer is the new data's")
    func rebuiltWhenDataChanges() throws {
        let scratch = try Scratch()
        _ = try BinaryRunner.run(["index", scratch.data, "--index-dir", scratch.indexes])
        // Same size class, other studies: only the content hash can tell.
        try SyntheticStudies.dataFile(count: 300, seed: 8).write(toFile: scratch.dataFile, atomically: true, encoding: .utf8)
        let listed = try scratch.list(["--sort", "dose"])
        #expect(listed.status == 0)
        #expect(listed.error.contains("is out of date (\(scratch.dataFile) changed); rebuilt it"), "\(listed.error)")
        #expect(listed.output == (try scratch.listWithoutIndex(["--sort", "dose"])).output)
        #expect(try scratch.list().error.isEmpty, "the rebuilt index is reused")
    }

    @Test("an edit in place with the modification time set back is still seen; a touch alone is not a change")
    func editInPlace() throws {
        let scratch = try Scratch()
        // Written well before it is indexed, so its times are trusted (not "racy").
        let old = Date(timeIntervalSinceNow: -3_600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: scratch.dataFile)
        _ = try BinaryRunner.run(["index", scratch.data, "--index-dir", scratch.indexes])
        #expect(try scratch.list().error.isEmpty)
        // Same content, new time: hashed, found the same, reused silently.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: scratch.dataFile)
        #expect(try scratch.list().error.isEmpty)
        // Same size, one letter changed in place, the old time put back: the change time shows it.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: scratch.dataFile))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: scratch.dataFile)))
        let position = try #require(bytes.firstRange(of: Array("Synthetic J".utf8))?.lowerBound)
        try handle.seek(toOffset: UInt64(position))
        handle.write(Data("Synthetic K".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: scratch.dataFile)
        let listed = try scratch.list()
        #expect(listed.error.contains("is out of date (\(scratch.dataFile) changed); rebuilt it"), "\(listed.error)")
        #expect(listed.output == (try scratch.listWithoutIndex()).output)
    }

    @Test("a damaged index is rebuilt, never trusted", arguments: [
        ("truncated", "is truncated"), ("corrupted", "is damaged (the checksum of section"),
        ("other version", "was written by another version (format 99"), ("not an index", "cannot be read (not a study-browser index)"),
        ("empty", "is truncated (0 of 32 bytes)"), ("header", "is damaged (the header checksum)"),
        ("writable by others", "cannot be read (it belongs to another user or others may write it)"),
    ])
    func damaged(damage: String, message: String) throws {
        let scratch = try Scratch()
        _ = try BinaryRunner.run(["index", scratch.data, "--index-dir", scratch.indexes])
        let path = try scratch.indexFile()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 2)
        case "corrupted": bytes[bytes.count - 100] ^= 0x40
        case "other version": bytes[8] = 99
        case "not an index": bytes = Array("{\"studies\": []}".utf8)
        case "empty": bytes = []
        case "writable by others": break
        default: bytes[28] ^= 0x01
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        if damage == "writable by others" { try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path) }
        let listed = try scratch.list(["--filter", "ketamine"])
        #expect(listed.status == 0)
        #expect(listed.error.contains("the index \(path) \(message)"), "\(listed.error)")
        #expect(listed.error.contains("rebuilt it"), "\(listed.error)")
        #expect(listed.output == (try scratch.listWithoutIndex(["--filter", "ketamine"])).output)
        #expect(try scratch.list().error.isEmpty, "the rebuilt index is whole and reused")
    }

    @Test("a relative --index-dir is made in the working folder")
    func relativeFolder() throws {
        let scratch = try Scratch()
        let name = "sb-relative-\(UUID().uuidString)"
        let cwd = FileManager.default.temporaryDirectory.path
        defer { try? FileManager.default.removeItem(atPath: cwd + "/" + name) }
        let built = try BinaryRunner.run(["index", scratch.data, "--index-dir", name + "/indexes"])
        #expect(built.status == 0, "\(built.error)")
        #expect(built.output.contains("indexed 300 studies into \(name)/indexes/"), "\(built.output)")
        #expect(FileManager.default.fileExists(atPath: cwd + "/" + name + "/indexes"))
        #expect(!FileManager.default.fileExists(atPath: "/" + name))
    }

    @Test("an index written under a permissive umask is private, and reused")
    func permissiveUmask() throws {
        let scratch = try Scratch()
        // A umask of 002 (common on shared hosts) would make a new file group-writable, which
        // the index reader refuses: the index must not be rebuilt on every start.
        let shell = try BinaryRunner.run([], shell: "umask 002 && exec '\(BinaryRunner.binary.path)' index '\(scratch.data)' --index-dir '\(scratch.indexes)'")
        #expect(shell.status == 0, "\(shell.error)")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: try scratch.indexFile())[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let listed = try scratch.list()
        #expect(listed.error.isEmpty, "\(listed.error)")
    }

    @Test("data files dated past 2262 or before 1678 are indexed and checked without a crash", arguments: ["2300-01-01", "1600-01-01"])
    func farTimes(date: String) throws {
        let scratch = try Scratch()
        let touched = try BinaryRunner.run([], shell: "touch -d \(date) '\(scratch.dataFile)'")
        try #require(touched.status == 0, "\(touched.error)")
        let built = try BinaryRunner.run(["index", scratch.data, "--index-dir", scratch.indexes])
        #expect(built.status == 0, "\(built.error)")
        // Times that do not fit are not trusted, so the file is hashed: the same, so reused.
        let listed = try scratch.list()
        #expect(listed.status == 0)
        #expect(listed.error.isEmpty, "\(listed.error)")
        #expect(listed.output == (try scratch.listWithoutIndex()).output)
    }

    @Test("20 processes starting together on new data build the index once and share it")
    func twentyBuildOnce() throws {
        // Large enough (over 1 MiB) that list indexes it by itself.
        let scratch = try Scratch(studies: 1_000)
        let processes = try (0..<20).map { _ -> (Process, Pipe, Pipe) in
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["list", "--data", scratch.data, "--index-dir", scratch.indexes, "--format", "csv", "--sort", "dose"]
            process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
            let output = Pipe(), error = Pipe()
            process.standardOutput = output
            process.standardError = error
            try process.run()
            return (process, output, error)
        }
        var outputs: [String] = [], notes: [String] = []
        for (process, output, error) in processes {
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            outputs.append(String(decoding: out, as: UTF8.self))
            notes.append(String(decoding: err, as: UTF8.self))
        }
        let builds = notes.filter { $0.contains("indexed 1000 studies into") }
        #expect(builds.count == 1, "builds: \(notes.filter { !$0.isEmpty })")
        #expect(notes.filter { !$0.isEmpty }.count == 1, "the other 19 reused it silently: \(notes)")
        #expect(Set(outputs).count == 1)
        #expect(outputs.first == (try scratch.listWithoutIndex(["--sort", "dose"])).output)
    }

    @Test("with and without the index, random queries and sorts give byte-identical lists")
    func differential() throws {
        let synthetic = try Scratch(studies: 400, seed: 11)
        _ = try BinaryRunner.run(["index", synthetic.data, "--index-dir", synthetic.indexes])
        let words = ["refractory", "ketamine", "migraine", "iv", "placebo", "ångström", "0.5", "trial", "pain", "xyzzy", "de", "r"]
        let fields = ["design:rct", "n>=20", "year<2010", "route:iv", "dose<0.5mg/kg", "author:a", "ind:migraine", "dir:benefit",
                      "level<=2", "!dir:nr", "title:ketamine", "dose:mg/kg/h", "from:primary", "mark:within", "primary:differs", "src:seed-002"]
        let sorts = ["dose", "outcome", "year:desc", "n", "study", "evidence,dose", "route:desc", "indication,n:desc", "design", "level"]
        var random = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 0...UInt64.max, using: &random)
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let startSeed = seed
        // The real data has own records, so its best-sourced and seed-only views differ.
        let real = BinaryRunner.packageRoot.appendingPathComponent("Data").path
        let realIndexes = synthetic.folder.appendingPathComponent("real-indexes").path
        for view in [[], ["--seed-only"]] {
            let built = try BinaryRunner.run(["index", real, "--index-dir", realIndexes] + view)
            #expect(built.status == 0, "\(built.error)")
        }
        for round in 0..<24 {
            var query: [String] = []
            for _ in 0..<(1 + next(3)) {
                let term = next(2) == 0 ? words[next(words.count)] : fields[next(fields.count)]
                query.append(next(5) == 0 ? "!" + term : term)
            }
            if next(4) == 0, query.count > 1 { query[0] = query[0] + "|" + words[next(words.count)] }
            var options = ["--filter", query.joined(separator: " "), "--sort", sorts[next(sorts.count)]]
            if next(3) == 0 { options += ["--indication", ["migraine", "epilepsy", "sud", "trd", "chronic-pain"][next(5)]] }
            let useReal = round % 3 == 2
            if useReal && next(2) == 0 { options.append("--seed-only") }
            let data = useReal ? real : synthetic.data
            let indexes = useReal ? realIndexes : synthetic.indexes
            let with = try BinaryRunner.run(["list", "--data", data, "--index-dir", indexes, "--format", "csv"] + options)
            let without = try BinaryRunner.run(["list", "--data", data, "--no-index", "--format", "csv"] + options)
            #expect(with.status == without.status)
            #expect(with.error.isEmpty, "the index was not reused: \(with.error)")
            #expect(with.output == without.output, "seed \(startSeed), round \(round): \(options)")
        }
    }
}
