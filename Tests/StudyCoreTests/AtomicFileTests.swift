import Foundation
import Testing
@testable import StudyCore

@Suite("Atomic file writes")
struct AtomicFileTests {
    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-atomic-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test("writes the whole text and leaves no temporary file")
    func writes() throws {
        let path = folder + "/view.md"
        try AtomicFile.write("# hello\n", to: path, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# hello\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["view.md"])
    }

    @Test("never overwrites without permission; overwrites when allowed")
    func overwrite() throws {
        let path = folder + "/view.csv"
        try AtomicFile.write("first", to: path, overwrite: false)
        #expect(throws: AtomicFile.Failure.exists(path)) { try AtomicFile.write("second", to: path, overwrite: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try AtomicFile.write("second", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["view.csv"])
    }

    @Test("a folder that does not exist is reported")
    func missingFolder() {
        #expect(throws: AtomicFile.Failure.system(folder + "/no/such/x.json", "no such file or directory")) {
            try AtomicFile.write("{}", to: folder + "/no/such/x.json", overwrite: false)
        }
    }

    @Test("a confirmed overwrite keeps the replaced file's mode; a new file gets the umask's")
    func keepsMode() throws {
        let path = folder + "/private.md"
        try AtomicFile.write("first", to: path, overwrite: false)
        #expect(chmod(path, 0o600) == 0)
        try AtomicFile.write("second", to: path, overwrite: true)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let fresh = folder + "/fresh.md"
        let mask = umask(0o027)
        defer { umask(mask) }
        try AtomicFile.write("x", to: fresh, overwrite: false)
        #expect(stat(fresh, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test("a name of 253 bytes can be written: the temporary name is short")
    func longName() throws {
        let path = folder + "/" + String(repeating: "n", count: 250) + ".md"
        try AtomicFile.write("# long\n", to: path, overwrite: false)
        try AtomicFile.write("# again\n", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# again\n")
    }

    @Test("documents are guarded: a control that reached one is written as an escape")
    func guarded() throws {
        let path = folder + "/guarded.csv"
        try AtomicFile.write(TerminalText(document: "a\u{1B}]0;x\u{07},b\r\nc\u{202E}\n"), to: path, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\\u{1B}]0;x\\u{7},b\r\nc\\u{202E}\n")
    }
}
