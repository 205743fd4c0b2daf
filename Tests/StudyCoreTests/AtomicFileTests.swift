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
}
