import Foundation
import Testing

/// The browser under attack and under stress, in tmux: nothing reaches the terminal raw, no
/// input ends the session, and every signal that ends it leaves the terminal as it was.
@Suite("Terminal safety in tmux")
struct TerminalSafetyEndToEndTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
    }

    /// Checks the browser has ended with `status` and given the terminal back.
    func expectRestored(_ tmux: TmuxSession, status: Int32, _ note: String) throws {
        #expect(try tmux.waitForExit() == status, "\(note)")
        let modes = try tmux.ttyModes()
        #expect(modes.before == modes.after, "\(note): stty -g differs")
        #expect(try tmux.paneFormat("#{alternate_on}") == "0", "\(note): the alternate screen is still on")
    }

    @Test("hostile data in every view: pane title, tmux buffers and the shell prompt are untouched")
    func hostileViews() throws {
        let tmux = try TmuxSession(width: 200, height: 50, interactiveShell: true)
        try TmuxSession.tmux(["-L", tmux.socket, "set", "-g", "set-clipboard", "on"])
        try TmuxSession.tmux(["-L", tmux.socket, "select-pane", "-t", "main", "-T", "before"])
        let export = tmux.folder.appendingPathComponent("minutes.md").path
        try tmux.type("cd '\(tmux.folder.path)'; TERM=xterm-256color LANG=C.UTF-8 '\(BinaryRunner.binary.path)' --data '\(HostileDataTests.path)'; "
            + "read -t 1 -r typed; echo \"GOT\"\"[$typed]\"")
        try tmux.press("Enter")
        try tmux.waitFor("1 of 1 studies", "Details: study 1 of 1")
        // Every view that shows data: details (beside the table at 200 columns), summary,
        // context card, compare, help, a typed filter, an export.
        for (keys, shown) in [(["i"], "participants 34 in 1 study"), (["Escape", "c"], "Migraine: context"),
                              (["Escape", "Space", "C"], "Compare 1 marked study"), (["Escape", "?"], "Help")] {
            try tmux.press(keys[0])
            for key in keys.dropFirst() { try tmux.press(key) }
            try tmux.waitFor(shown)
        }
        try tmux.press("Escape")
        try tmux.press("Space")
        try tmux.waitFor("0 marked")
        try tmux.press("/")
        // The bidi override is dropped by the keyboard decoder (a format character, not text).
        try tmux.type("\u{202E}evil [31m")
        try tmux.press("Enter")
        try tmux.press("e")
        try tmux.waitFor("Export to:")
        for _ in 0..<40 { try tmux.press("BSpace") }
        try tmux.type("minutes.md")
        try tmux.press("Enter")
        try tmux.waitFor("Wrote")
        try tmux.press("q")
        let after = try tmux.waitFor("GOT[")
        #expect(after.contains("GOT[]"), "something arrived at the shell prompt:\n\(after)")
        #expect(try tmux.paneFormat("#{pane_title}") == "before", "the pane title changed")
        #expect((try? TmuxSession.tmux(["-L", tmux.socket, "list-buffers"])) == "", "the data set the clipboard")
        #expect(try tmux.paneFormat("#{alternate_on}") == "0")
        let file = try String(contentsOfFile: export, encoding: .utf8)
        #expect(HostileCorpusTests.firstUnsafe(file) == nil, "the export holds \(HostileCorpusTests.firstUnsafe(file) ?? "")")
        #expect(file.contains("filter 'evil \\[31m'"), "\(file.prefix(300))")
    }

    @Test("an unusable TERM is named escaped, and the list is printed instead")
    func hostileTerm() throws {
        let tmux = try TmuxSession(width: 120, height: 40, term: "'x\u{1B}]0;PWNED\u{07}'")
        #expect(try tmux.waitForExit() == 0)
        let screen = try tmux.screen()
        #expect(screen.contains("terminal type \"x\\u{1B}]0;PWNED\\u{7}\" is unknown"), "\(screen)")
        #expect(try tmux.paneFormat("#{pane_title}") != "PWNED")
    }

    /// Pastes `text` into the pane as one bracketless paste (tmux types it as keys).
    func paste(_ text: String, into tmux: TmuxSession) throws {
        let file = tmux.folder.appendingPathComponent("paste-\(UUID().uuidString)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try TmuxSession.tmux(["-L", tmux.socket, "load-buffer", "-b", "paste", file.path])
        try TmuxSession.tmux(["-L", tmux.socket, "paste-buffer", "-d", "-b", "paste", "-t", "main"])
    }

    @Test("deep nesting, a long paste, keys that are not UTF-8 and Ctrl-S never end or freeze the session")
    func hostileTyping() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.waitFor("25 of 25 studies")
        try tmux.press("/")
        try paste(String(repeating: "(", count: 22_700), into: tmux)
        try tmux.waitFor("parentheses nest more than 64 levels deep")
        try tmux.press("C-u")
        try paste(String(repeating: "!", count: 100_000) + "aura", into: tmux)
        try tmux.waitFor("of 25 studies")
        try tmux.press("C-u")
        // 20,000 characters took 53 s when each one filtered again; now a paste is one filter.
        try paste(String(repeating: "x", count: 20_000), into: tmux)
        try tmux.waitFor("No studies match the filter")
        try tmux.press("C-u")
        // A Latin-1 terminal typing "über": FC is not UTF-8.
        try TmuxSession.tmux(["-L", tmux.socket, "send-keys", "-t", "main", "-H", "fc", "62", "65", "72"])
        try tmux.waitFor("/ über", "read as Latin-1")
        try tmux.press("Escape")
        // Ctrl-S is flow control in a terminal's default mode: it must not freeze the screen.
        try tmux.press("C-s")
        try tmux.press("j")
        try tmux.waitFor("▸ Etchison 2018")
        try tmux.press("q")
        try expectRestored(tmux, status: 0, "after hostile typing")
    }

    @Test("a 64,400-byte field in details: keys are still answered")
    func hugeField() throws {
        var text = try String(contentsOfFile: HostileDataTests.path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"a trial\"", with: "\"" + String(repeating: "long words ", count: 400) + String(repeating: "y", count: 60_000) + "\"")
        let path = try BinaryRunner.temporaryFile(text)
        let tmux = try TmuxSession(width: 80, height: 24, arguments: "--data '\(path)'")
        try tmux.waitFor("1 of 1 studies")
        try tmux.press("Enter")
        try tmux.waitFor("Details: study 1 of 1")
        for _ in 0..<5 { try tmux.press("G", "g") }
        try tmux.press("Escape")
        try tmux.waitForScreen("the table again") { !$0.contains("Details") }
        try tmux.press("q")
        try expectRestored(tmux, status: 0, "after a huge field")
    }

    @Test("every signal that ends the browser restores the terminal first", arguments: [
        ("SEGV", 139), ("BUS", 135), ("ILL", 132), ("FPE", 136), ("ABRT", 134), ("TRAP", 133),
        ("USR1", 138), ("USR2", 140), ("ALRM", 142), ("PIPE", 141),
    ])
    func signals(_ signal: (name: String, status: Int32)) throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.waitFor("25 of 25 studies")
        let pid = try tmux.paneFormat("#{pane_pid}")
        _ = try TmuxSession.run(["pkill", "-\(signal.name)", "-P", pid, "study-browser"], quietOutput: true)
        try expectRestored(tmux, status: signal.status, "SIG\(signal.name)")
    }
}
