import Foundation
import SyntheticStudies
import Testing

/// The project's hostile corpus: escape sequences in every place text can come from (data
/// values, keys, ids, enum values, source references, file names, arguments, typed filters),
/// run through every command and format. Nothing may reach stdout, stderr or a file raw.
@Suite("Hostile corpus through every command")
struct HostileCorpusTests {
    /// Sets the terminal title, writes the clipboard, asks for the cursor position (whose reply
    /// would land at the shell prompt), a C1 CSI, and a bidi override.
    static let payload = "\u{1B}]0;PWNED\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[6n\u{9B}31m\u{202E}"

    /// Raw C0 (but a line feed, or a carriage return before one), DEL, C1 or a bidi control.
    static func firstUnsafe(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value == 0x0A { continue }
            if value == 0x0D, index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x061C || value == 0x200E || value == 0x200F
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                let start = max(0, index - 20)
                return "U+\(String(value, radix: 16, uppercase: true)) after \"\(String(String.UnicodeScalarView(scalars[start..<index])))\""
            }
        }
        return nil
    }

    /// A folder holding: a valid hostile data file (the shared corpus file), an invalid one whose
    /// every problem echoes the payload (unknown and duplicate keys, ids, enum values, format,
    /// checked, source references), and a data file whose name holds the payload.
    static let folder: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let p = payload.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? String($0) : String(format: "\\u%04x", $0.value) }.joined()
        let invalid = """
        {"format": "study-browser-data/1\(p)", "checked": "2020\(p)", "unknown\(p)": 1,
         "sources": [{"id": "doc", "file": null, "title": "t", "publisher": null, "date": null, "kind": "education\(p)"}],
         "studies": [{"id": "bad-id\(p)", "indication": "migraine\(p)", "oops\(p)": true, "design": {"source": "nosuch\(p)#1"}}],
         "indications": [{"indication": "x\(p)"}]}
        """
        try? invalid.write(to: folder.appendingPathComponent("invalid.json"), atomically: true, encoding: .utf8)
        let duplicate = "{\"format\": \"study-browser-data/1\", \"dup\(p)\": 1, \"dup\(p)\": 2}"
        try? duplicate.write(to: folder.appendingPathComponent("duplicate.json"), atomically: true, encoding: .utf8)
        let named = folder.appendingPathComponent("named")
        try? FileManager.default.createDirectory(at: named, withIntermediateDirectories: true)
        try? "{\"format\": 1}".write(to: named.appendingPathComponent("evil\(payload).json"), atomically: true, encoding: .utf8)
        return folder.path
    }()

    static var valid: String { HostileDataTests.path }
    static var invalid: String { folder + "/invalid.json" }
    static var named: String { folder + "/named" }
    static var duplicate: String { folder + "/duplicate.json" }

    /// Every command and format, on valid hostile data, invalid hostile data, a hostile file
    /// name, and hostile arguments.
    static let runs: [[String]] = {
        var runs: [[String]] = []
        for format in ["table", "csv", "json", "markdown"] {
            runs.append(["list", "--data", valid, "--format", format])
            runs.append(["list", "--data", valid, "--format", format, "-f", "\u{202E}evil \"\(payload)\""])
            runs.append(["show", "hostile-2020", "--data", valid, "--format", format])
        }
        for format in ["table", "markdown", "json"] { runs.append(["summary", "--data", valid, "--format", format]) }
        for format in ["json", "csv", "markdown"] { runs.append(["export", "--data", valid, "--format", format]) }
        runs += [
            ["--print", "--data", valid], ["--print", "--data", valid, "-f", "evil\u{202E}"],
            ["validate", valid], ["validate", invalid], ["validate", named], ["validate", duplicate], ["list", "--data", duplicate],
            ["list", "--data", invalid], ["show", "x", "--data", invalid], ["summary", "--data", invalid],
            ["--print", "--data", invalid], ["export", "--format", "csv", "--data", invalid], ["list", "--data", named],
            ["list", "--data", "/no/such\(payload)"], ["show", "id\(payload)"], ["list", "-i", payload],
            ["list", "--sort", payload], ["list", "-f", "(\(payload)"], ["list", "--width", payload],
            ["list", "--format", payload], ["--print", "--sort", "year\(payload)"], ["no-such-command\(payload)"],
            ["list", "--no-such-option\(payload)"], ["--help"], ["list", "--help"], ["query-help"], ["--version"],
        ]
        return runs
    }()

    @Test("no raw control, DEL, C1 or bidi control on stdout or stderr", arguments: runs)
    func inert(_ arguments: [String]) throws {
        let result = try BinaryRunner.run(arguments, environment: ["TERM": "xterm\(Self.payload)", "COLUMNS": "100"])
        #expect(Self.firstUnsafe(result.output) == nil, "stdout of \(arguments): \(Self.firstUnsafe(result.output) ?? "")")
        #expect(Self.firstUnsafe(result.error) == nil, "stderr of \(arguments): \(Self.firstUnsafe(result.error) ?? "")")
        #expect(result.status < 128, "\(arguments) ended by a signal: \(result.status)")
    }

    @Test("every invalid value is reported, escaped, with its location")
    func invalidDataIsReported() throws {
        let result = try BinaryRunner.run(["validate", Self.invalid])
        #expect(result.status == 65)
        for expected in ["unknown format", "checked", "unknown\\u{1B}]0;PWNED", "bad-id\\u{1B}", "education\\u{1B}", "migraine\\u{1B}"] {
            #expect(result.output.contains(expected), "missing \(expected):\n\(result.output)")
        }
        let duplicate = try BinaryRunner.run(["show", "x", "--data", Self.duplicate])
        #expect(duplicate.status == 65)
        #expect(duplicate.error.contains("duplicate key \"dup\\u{1B}]0;PWNED"), "\(duplicate.error)")
        let named = try BinaryRunner.run(["list", "--data", Self.named])
        #expect(named.status == 65)
        #expect(named.error.contains("evil\\u{1B}]0;PWNED\\u{7}"), "\(named.error)")
    }
}

/// Inputs that once crashed the program or stalled it, on the command line.
@Suite("Crashes and limits on the command line")
struct CommandLineLimitTests {
    @Test("nesting, huge widths, tiny and huge numbers and a full disk get a message and a status", arguments: [
        (["list", "-f", String(repeating: "(", count: 30_000)], [:], Int32(64), "nest more than 64 levels"),
        (["list", "-f", String(repeating: "!", count: 100_000) + "aura"], [:], 0, "1 of 25 studies"),
        (["--print", "--width", "9223372036854775807"], [:], 0, "25 studies"),
        (["list", "--width", "10000000"], [:], 0, "25 of 25 studies"),
        (["list"], ["COLUMNS": "10000000"], 0, "25 of 25 studies"),
    ] as [([String], [String: String], Int32, String)])
    func limits(_ run: (arguments: [String], environment: [String: String], status: Int32, text: String)) throws {
        let result = try BinaryRunner.run(run.arguments, environment: run.environment)
        #expect(result.status == run.status, "\(result.error.prefix(300))")
        #expect((result.output + result.error).contains(run.text))
        #expect(result.output.split(separator: "\n").allSatisfy { $0.count <= 1_100 }, "a line wider than the 1,000-column limit")
    }

    @Test("numbers past 2^53 and below the smallest double are refused with the file's own text")
    func numbers() throws {
        let data = try String(contentsOfFile: HostileDataTests.path, encoding: .utf8)
        for (from, to, message) in [("\"year\": 2020", "\"year\": 9007199254740993", "the number 9007199254740993 is larger than 9007199254740991"),
                                    ("\"total\": 34", "\"total\": 9007199254740993.0", "the number 9007199254740993.0 is larger than"),
                                    ("\"value\": 0.2", "\"value\": 1e-400", "the number 1e-400 is too small to be told from 0")] {
            let path = try BinaryRunner.temporaryFile(data.replacingOccurrences(of: from, with: to))
            let result = try BinaryRunner.run(["validate", path])
            #expect(result.status == 65)
            #expect(result.output.contains(message), "\(result.output)")
        }
    }

    @Test("help or a list written to a full disk fails with a message and status 74", arguments: [["--help"], ["list"], ["query-help"]])
    func fullDisk(_ arguments: [String]) throws {
        let command = ([BinaryRunner.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try BinaryRunner.run([], environment: [:], shell: "\(command) > /dev/full")
        #expect(result.status == 74)
        #expect(result.error.contains("cannot write the output: no space left on device"))
    }

    @Test("--print with more rows than the browser's largest screen prints every row")
    func printIsNotCut() throws {
        let path = try BinaryRunner.temporaryFile(SyntheticStudies.dataFile(count: 700, seed: 5))
        let result = try BinaryRunner.run(["--print", "--data", path, "--width", "120"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("700 of 700 studies"))
        #expect(result.output.split(separator: "\n").count > 700)
    }
}
