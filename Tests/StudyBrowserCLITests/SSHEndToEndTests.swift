import Foundation
import Testing

/// The browser over a real SSH session on loopback, as a clinician reaches the shared host:
/// the binary copied alone into an empty folder, sshd of the test's own, `ssh -tt` in tmux.
/// Needs tmux and openssh-server (`scripts/check-dependencies --for-tests` checks for them).
@Suite("Browser over SSH on loopback", .serialized)
struct SSHEndToEndTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
        try #require(LoopbackSSHServer.available, "sshd or ssh is missing: sudo apt-get install -y openssh-server openssh-client")
    }

    /// The binary alone in an empty folder, so nothing of the package tree can be reached.
    static func copyToEmptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-alone-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // cp in its own process: a copy written here could leave its descriptor open in a child
        // that another test spawns at that moment, and running the file then fails with
        // "Text file busy".
        try TmuxSession.run(["cp", BinaryRunner.binary.path, folder.appendingPathComponent("study-browser").path])
        return folder
    }

    @Test("filter, open details and quit over ssh -tt; exit 0 comes back (xterm-256color UTF-8, vt100 LANG=C)", arguments: [
        ("xterm-256color", "LANG=C.UTF-8", "│"), ("vt100", "LANG=C", "|"),
    ])
    func session(_ setup: (term: String, locale: String, bar: String)) throws {
        let server = try LoopbackSSHServer()
        let alone = try Self.copyToEmptyFolder()
        defer { try? FileManager.default.removeItem(at: alone) }
        let remote = "cd '\(alone.path)' && env \(setup.locale) ./study-browser"
        let tmux = try TmuxSession(width: 100, height: 30, term: setup.term, command: server.command(remote: remote))
        var screen = try tmux.waitFor("25 of 25 studies", "Etchison 2018")
        #expect(screen.contains("All indications \(setup.bar) 25 of 25 studies"), "the status bar uses the locale's glyphs:\n\(screen)")

        try tmux.press("/")
        try tmux.type("design:rct")
        try tmux.press("Enter")
        screen = try tmux.waitFor("filter: design:rct")
        #expect(!screen.contains("25 of 25 studies") && screen.contains("Afridi 2013"))

        try tmux.press("Enter")
        screen = try tmux.waitFor("Details: study 1 of")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
        let modes = try tmux.ttyModes()
        #expect(modes.before == modes.after, "tty modes not restored")
    }
}
