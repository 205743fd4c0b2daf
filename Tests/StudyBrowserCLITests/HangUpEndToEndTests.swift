import Foundation
import Testing

/// Suspending, resuming and losing the terminal, driven in tmux.
@Suite("Hang-ups and suspend in tmux", .serialized)
struct HangUpEndToEndTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
    }

    /// The browser's process id: the child of this pane's shell (other tests' browsers run at
    /// the same time, so searching by name could find one of theirs).
    func browserPID(_ tmux: TmuxSession) throws -> Int32 {
        let shell = try tmux.paneFormat("#{pane_pid}")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? TmuxSession.run(["pgrep", "-P", shell, "-f", BinaryRunner.binary.path]),
               let pid = Int32(text.split(separator: "\n").first.map(String.init) ?? "") {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxSession.Failure(message: "the browser process was not found")
    }

    /// Seconds until the process has exited (up to `limit`), or nil if it is still running.
    /// A zombie counts as exited: reaping it is its parent's business, not the browser's.
    func secondsUntilGone(_ pid: Int32, limit: TimeInterval = 5) -> TimeInterval? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            if kill(pid, 0) != 0 || state == "Z" { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    @Test("Ctrl-Z suspends to the shell; fg resumes with the whole screen redrawn")
    func suspendAndResume() throws {
        let tmux = try TmuxSession(width: 80, height: 24, interactiveShell: true)
        try tmux.type("TERM=xterm-256color LANG=C.UTF-8 '\(BinaryRunner.binary.path)'")
        try tmux.press("Enter")
        try tmux.waitFor("25 of 25 studies")
        try tmux.press("j", "j")
        // Ctrl-Z only once both keys are handled: a signal overtakes keys still in the input.
        try tmux.waitFor("▸ Lauritsen 2016")
        try tmux.press("C-z")
        let shell = try tmux.waitForScreen("the shell after Ctrl-Z") { !$0.contains("25 of 25 studies") }
        #expect(try tmux.paneFormat("#{alternate_on}") == "0", "suspended with the alternate screen on:\n\(shell)")
        try tmux.type("fg")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("25 of 25 studies", "ketamine evidence", "Chronic pain 3")
        #expect(screen.contains("▸ Lauritsen 2016"), "selection lost on resume:\n\(screen)")
        try tmux.press("q")
        try tmux.waitForScreen("the shell after quitting") { !$0.contains("25 of 25 studies") }
        // `fg` returns the job's exit status.
        try tmux.type("echo DONE=$?")
        try tmux.press("Enter")
        try tmux.waitFor("DONE=0")
        #expect(try tmux.paneFormat("#{alternate_on}") == "0")
    }

    @Test("kill-pane and kill-session end the browser at once", arguments: ["kill-pane", "kill-session"])
    func terminalGone(_ command: String) throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.waitFor("25 of 25 studies")
        let pid = try browserPID(tmux)
        try TmuxSession.tmux(["-L", tmux.socket, command, "-t", "main"])
        let seconds = secondsUntilGone(pid)
        #expect(seconds != nil, "still running 5 s after \(command)")
        print("\(command): the browser was gone after \(String(format: "%.2f", seconds ?? -1)) s")
    }

    @Test("with SIGHUP ignored, a terminal that goes away still ends the browser, without spinning")
    func hangUpIgnored() throws {
        let tmux = try TmuxSession(width: 80, height: 24, prefix: "trap '' HUP;")
        try tmux.waitFor("25 of 25 studies")
        let pid = try browserPID(tmux)
        try TmuxSession.tmux(["-L", tmux.socket, "kill-pane", "-t", "main"])
        let seconds = secondsUntilGone(pid)
        #expect(seconds != nil, "the browser outlived its terminal by 5 s")
        print("ignored SIGHUP: the browser was gone after \(String(format: "%.2f", seconds ?? -1)) s")
    }
}
