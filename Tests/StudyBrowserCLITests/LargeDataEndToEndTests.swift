import Foundation
import SyntheticStudies
import Testing

/// A data set large enough to load behind the progress screen, in the real binary in tmux.
@Suite("Large data end to end in tmux", .serialized)
struct LargeDataEndToEndTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
    }

    @Test("8,000 studies: the progress screen comes first, then the table; keys work once loaded; q exits 0")
    func progressThenBrowse() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-large-\(UUID().uuidString.prefix(8)).json")
        try Data(SyntheticStudies.dataFile(count: 8_000, seed: 3).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let tmux = try TmuxSession(width: 120, height: 40, arguments: "--data '\(file.path)'")
        // The progress screen is up long before the data is ready (a debug build takes seconds).
        var screen = try tmux.waitFor("Loading the data", "q quits")
        screen = try tmux.waitFor("8000 of 8000")
        try tmux.press("/")
        try tmux.type("design:rct")
        screen = try tmux.waitForScreen("the filter applied") { $0.contains("filter: design:rct") && !$0.contains("8000 of 8000") }
        #expect(screen.contains("RCT"))
        try tmux.press("Enter", "q")
        #expect(try tmux.waitForExit() == 0)
        let modes = try tmux.ttyModes()
        #expect(modes.before == modes.after, "tty modes not restored")
    }

    /// A folder holding 8,000 new studies (large enough for the loading screen) and an empty
    /// place for their index: a first start.
    static func firstStart(seed: UInt64) throws -> (folder: URL, file: URL, indexes: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-first-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("studies.json")
        try Data(SyntheticStudies.dataFile(count: 8_000, seed: seed).utf8).write(to: file)
        return (folder, file, folder.appendingPathComponent("indexes").path)
    }

    @Test("a first browse shows the table before its index is written, and q at once still leaves the index for the next start")
    func indexWrittenBesideTheTable() throws {
        let (folder, file, indexes) = try Self.firstStart(seed: 5)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try TmuxSession(width: 120, height: 40, arguments: "--data '\(file.path)' --index-dir '\(indexes)'")
        let screen = try first.waitFor("8000 of 8000")
        // The note says the index is being written (or, on a quick machine, that it was).
        #expect(screen.contains("indexing 8000 studies beside the table") || screen.contains("indexed 8000 studies into"), "\(screen)")
        try first.press("q")
        #expect(try first.waitForExit() == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: indexes).filter { $0.hasSuffix(".sbindex") }
        #expect(written.count == 1, "\(written)")
        // The next start reuses it: no note, no rebuild.
        let second = try TmuxSession(width: 120, height: 40, arguments: "--data '\(file.path)' --index-dir '\(indexes)'")
        let again = try second.waitFor("8000 of 8000")
        #expect(!again.contains("indexing") && !again.contains("indexed") && !again.contains("rebuil"), "\(again)")
        try second.press("q")
        #expect(try second.waitForExit() == 0)
    }

    @Test("a signal while the index is written beside the table ends the program with its status and leaves no half-written file")
    func signalWhileWriting() throws {
        let (folder, file, indexes) = try Self.firstStart(seed: 6)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxSession(width: 120, height: 40, arguments: "--data '\(file.path)' --index-dir '\(indexes)'")
        _ = try tmux.waitFor("8000 of 8000")
        // The browser is the child of the pane's shell, whose own command line names the file too.
        let shell = try tmux.paneFormat("#{pane_pid}")
        _ = try TmuxSession.run(["pkill", "-TERM", "-P", shell, "-f", file.path])
        #expect(try tmux.waitForExit() == 143)
        // Written in time or called off: never a temporary file left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: indexes).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("q on the progress screen quits at once with status 0")
    func quitWhileLoading() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-large-\(UUID().uuidString.prefix(8)).json")
        try Data(SyntheticStudies.dataFile(count: 8_000, seed: 4).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let tmux = try TmuxSession(width: 80, height: 24, arguments: "--data '\(file.path)'")
        _ = try tmux.waitFor("Loading the data")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
        #expect(try tmux.paneFormat("#{alternate_on}") == "0")
    }
}
