import Foundation
import Testing

/// Issue 5's meeting walk-through, in tmux with the clipboard on.
@Suite("Meeting walk-through in tmux", .serialized)
struct MeetingEndToEndTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
    }

    @Test("mark two migraine studies, compare, copy a citation (OSC 52 reaches tmux), export to Markdown")
    func walkThrough() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try TmuxSession.tmux(["-L", tmux.socket, "set-option", "-g", "set-clipboard", "on"])
        try tmux.waitFor("25 of 25 studies")
        try tmux.press("Tab", "Right", "Enter")
        try tmux.waitFor("Migraine │ 5 of 5 studies │ seed+own† │ no filter")
        try tmux.press("Space", "Space")
        try tmux.waitFor("2 marked; C compares them side by side")
        try tmux.press("C")
        var screen = try tmux.waitFor("Compare 2 marked studies", "Afridi 2013 ≠", "Etchison 2018 ≠", "per-arm split")
        #expect(screen.contains("total not stated; ketamine 18"), "\(screen)") // Afridi: the seed gives arms, no total
        try tmux.press("Escape", "Up", "y")
        try tmux.waitFor("Copied the citation of Etchison 2018")
        let buffer = try TmuxSession.tmux(["-L", tmux.socket, "show-buffer"])
        #expect(buffer.hasPrefix("Etchison AR, Bos L, Ray M"), "\(buffer)")
        #expect(buffer.contains("N 34 (ketamine 17, placebo 17)") && buffer.contains("result no benefit"))

        let path = tmux.folder.appendingPathComponent("minutes.md").path
        try tmux.press("e")
        try tmux.waitFor("Export to: study-browser-view.md")
        // As the README says: e, a path, Enter. The suggested name is selected, so typing replaces it.
        try tmux.type(path)
        try tmux.press("Enter")
        screen = try tmux.waitFor("Wrote 2 studies to /")
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        #expect(markdown.hasPrefix("# Ketamine studies: 2 marked studies"))
        #expect(markdown.contains("## Afridi 2013 (`afridi-2013`)") && markdown.contains("## Etchison 2018 (`etchison-2018`)"))
        #expect(!markdown.contains("Pomeroy"))

        // A second export to the same file asks first; n keeps it.
        try tmux.press("e")
        try tmux.type(path)
        try tmux.press("Enter")
        try tmux.waitFor("exists: press y to overwrite it")
        try tmux.press("n")
        try tmux.waitFor("Not written:")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("a deep link opens the browser in that state; --print renders it as text")
    func deepLink() throws {
        let tmux = try TmuxSession(width: 100, height: 30, arguments: "-i migraine -f 'design:rct' -s dose")
        try tmux.waitFor("Migraine │ 2 of 5 studies │ seed+own† │ filter: design:rct │ sort: Dose ↑", "── flat dose (mg)")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
        let printed = try BinaryRunner.run(["-i", "migraine", "-f", "design:rct", "-s", "dose", "--print", "--width", "100"])
        #expect(printed.status == 0)
        #expect(printed.output.contains("Migraine │ 2 of 5 studies │ seed+own† │ filter: design:rct │ sort: Dose ↑"))
        #expect(printed.output.contains("▸ Afridi 2013 ≠"))
        #expect(!printed.output.contains("q quit"))
        #expect(try BinaryRunner.run(["-s", "year", "--print"]).status == 64)
    }
}
