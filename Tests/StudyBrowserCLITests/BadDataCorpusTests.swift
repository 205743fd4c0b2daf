import Foundation
import Testing

/// Every class of bad data file, through the real binary: a clear message, exit 65 or 66, never a trap.
@Suite("Bad data corpus")
struct BadDataCorpusTests {
    static let corpus = BinaryRunner.packageRoot.appendingPathComponent("Tests/StudyBrowserCLITests/Corpus")

    /// File in `Corpus/`, exit status, and the message `validate` prints (after "path:").
    static let files: [(file: String, status: Int32, message: String)] = [
        ("truncated.json", 65, ":38:2: expected a key in double quotes, found the end of the file"),
        ("wrong-types.json", 65, ":test-2020:citation.year: expected a number or null, found a string"),
        // .txt, not .json: the shared seed-overlap tool (Python) exceeds its recursion limit on it.
        ("deep-nesting.txt", 65, ":1:110: arrays and objects are nested more than 64 deep"),
        ("nan.json", 65, ":40:18: expected a JSON value, found 'N'"),
        ("infinity.json", 65, ":48:20: the number 1e999 is too large"),
        ("duplicate-keys.json", 65, ":37:24: duplicate key \"setting\" in one object"),
        ("invalid-utf8.json", 65, ":20:26: invalid UTF-8 byte 0xE9; data files must be UTF-8"),
        ("empty.json", 65, ": empty file"),
        ("folder-without-data.json", 66, ": cannot open: the folder holds no .json data files"),
        ("bom.json", 0, "valid: 1 study"),
        ("crlf.json", 0, "valid: 1 study"),
        ("hostile.json", 0, "valid: 1 study"),
    ]

    @Test("validate and list report each file clearly", arguments: files)
    func corpusFile(_ example: (file: String, status: Int32, message: String)) throws {
        let path = Self.corpus.appendingPathComponent(example.file).path
        let validate = try BinaryRunner.run(["validate", path])
        #expect(validate.status == example.status, "\(example.file): \(validate.output)\(validate.error)")
        #expect(validate.output.contains(example.status == 0 ? example.message : path + example.message), "\(validate.output)")
        let list = try BinaryRunner.run(["list", "--data", path])
        #expect(list.status == example.status)
        if example.status != 0 {
            #expect(list.output.isEmpty)
            #expect(list.error.contains(path + example.message))
        }
    }

    @Test("a text field of 70,000 bytes is refused")
    func hugeString() throws {
        let template = try String(contentsOf: Self.corpus.appendingPathComponent("crlf.json"), encoding: .utf8)
        let path = try BinaryRunner.temporaryFile(template.replacingOccurrences(of: "\"a trial\"", with: "\"" + String(repeating: "x", count: 70_000) + "\""))
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.output.contains(":test-2020:design.description: text of 70000 bytes; a field may hold at most 65536"))
    }

    @Test("a 200 MB file is read and refused with a reason, without a trap")
    func twoHundredMegabytes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-200mb-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("{\"format\": \"study-browser-data/1\", \"studies\": [".utf8))
        let spaces = Data(repeating: 0x20, count: 1 << 20)
        for _ in 0..<200 { try handle.write(contentsOf: spaces) }
        try handle.write(contentsOf: Data("]}".utf8))
        try handle.close()
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.output.contains("no studies"))
    }

    @Test("a FIFO is refused at once instead of waiting for a writer")
    func fifo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-fifo-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(mkfifo(path, 0o600) == 0)
        let result = try BinaryRunner.run(["validate", path])
        #expect(result.status == 66)
        #expect(result.output.contains("\(path): cannot open: not a regular file"))
    }

    @Test("a symlink loop cannot be opened")
    func symlinkLoop() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-loop-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
        let result = try BinaryRunner.run(["list", "--data", path])
        #expect(result.status == 66)
        #expect(result.error.contains("cannot open: too many levels of symbolic links"))
    }

    @Test("an unreadable file cannot be opened (checked when not running as root)")
    func unreadable() throws {
        let path = try BinaryRunner.temporaryFile("{}")
        chmod(path, 0)
        let result = try BinaryRunner.run(["validate", path])
        if geteuid() == 0 {
            // root reads any file, so the permission cannot be tested here; the content is still bad.
            #expect(result.status == 65)
        } else {
            #expect(result.status == 66)
            #expect(result.output.contains("cannot open: permission denied"))
        }
    }
}

/// A data file full of escape sequences: nothing of it may reach a terminal or a spreadsheet raw.
@Suite("Hostile data")
struct HostileDataTests {
    static let path = BadDataCorpusTests.corpus.appendingPathComponent("hostile.json").path

    static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
            || [0x202E, 0x202C, 0x2066, 0x2069, 0x200B, 0xFEFF].contains(value)
    }

    static let commands: [[String]] = [
        ["list"], ["list", "--format", "markdown"], ["list", "--format", "csv"], ["list", "--format", "json"],
        ["show", "hostile-2020"], ["show", "hostile-2020", "--format", "markdown"], ["show", "hostile-2020", "--format", "json"],
        ["show", "hostile-2020", "--format", "csv"], ["export", "--format", "json"], ["export", "--format", "csv"],
        ["export", "--format", "markdown"],
    ]

    @Test("no control, escape, C1, bidi or zero-width character is printed raw", arguments: commands)
    func inert(_ arguments: [String]) throws {
        let result = try BinaryRunner.run(arguments + ["--data", Self.path])
        #expect(result.status == 0, "\(result.error)")
        let bad = result.output.unicodeScalars.filter(Self.isDangerous)
        #expect(bad.isEmpty, "\(arguments): \(bad.map { String($0.value, radix: 16) })")
    }

    @Test("CSV cells cannot start a formula")
    func csv() throws {
        for arguments in [["list", "--format", "csv"], ["export", "--format", "csv"]] {
            let output = try BinaryRunner.run(arguments + ["--data", Self.path]).output
            for cell in CSVCells.parse(output).flatMap({ $0 }) {
                #expect(!(cell.first.map { "=+-@".contains($0) } ?? false) || Double(cell) != nil, "\(arguments): \(cell)")
            }
            if arguments[0] == "export" { #expect(output.contains("'=HYPERLINK")) }
        }
    }

    @Test("in the browser, the data's clipboard and screen escapes do nothing")
    func browser() throws {
        try #require(TmuxSession.available, "tmux is not installed")
        let tmux = try TmuxSession(width: 120, height: 40, arguments: "--data '\(Self.path)'")
        try tmux.waitFor("1 of 1 studies")
        try tmux.press("Enter")
        // Wait for the text asserted on: a capture can catch a frame half drawn.
        let screen = try tmux.waitFor("Details: study 1 of 1", "\\u{1B}]52;c;ZXZpbA==\\u{7} clipboard write", "\\u{202E}override")
        #expect(!screen.contains("\u{1B}"))
        #expect((try? TmuxSession.tmux(["-L", tmux.socket, "list-buffers"])) == "", "the data set the clipboard")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }
}

/// Splits RFC 4180 CSV into cells (enough for tests).
enum CSVCells {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [[]]
        var cell = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                rows[rows.count - 1].append(cell); cell = ""
            } else if character == "\r\n" || character == "\n" {
                rows[rows.count - 1].append(cell); cell = ""; rows.append([])
            } else {
                cell.append(character)
            }
        }
        return rows.filter { !$0.isEmpty }
    }
}
