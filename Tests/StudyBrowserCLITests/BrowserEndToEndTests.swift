import Foundation
import Testing

/// The real binary in tmux, driven as a person would. Needs tmux (`scripts/test` checks for it).
@Suite("Browser end to end in tmux", .serialized)
struct BrowserEndToEndTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
    }

    @Test("start, choose migraine, sort by dose, filter to RCTs, open Etchison, quit: status 0, terminal restored")
    func clinicianScenario() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        var screen = try tmux.waitFor("25 of 25 studies", "Afridi 2013")
        #expect(screen.contains("Krupitsky 2002") && screen.contains("Krupitsky 2007"))
        #expect(try tmux.paneFormat("#{alternate_on}") == "1")

        try tmux.press("Tab", "Right", "Enter")
        screen = try tmux.waitFor("Migraine │ 5 of 5 studies │ seed+own† │ no filter")
        #expect(!screen.contains("Dakwar"))

        try tmux.press("s", "s", "s", "s", "s")
        screen = try tmux.waitFor("Dose↑", "── flat dose (mg)", "── weight-based infusion rate (mg/kg/h)")
        let lines = screen.split(separator: "\n")
        let order = ["Afridi 2013", "Etchison 2018", "Lauritsen 2016", "Nicolodi 1995", "Pomeroy 2017"]
            .map { name in lines.firstIndex { $0.contains(name) } ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "dose order on screen:\n\(screen)")

        try tmux.press("/")
        try tmux.type("design:rct")
        screen = try tmux.waitFor("filter: design:rct", "2 of 5 studies")
        #expect(screen.contains("Afridi 2013") && screen.contains("Etchison 2018") && !screen.contains("Pomeroy"))

        try tmux.press("Enter", "Down", "Enter")
        // Waits for the body too: under load a capture can come between the heading and the rest.
        // Waits for the body too, to its dose line: under load a capture can come mid-frame, before the lines below are drawn.
        screen = try tmux.waitFor("Details: study 2 of 2", "Etchison 2018: Low-dose ketamine", "34 (ketamine 17, placebo 17)", "0.2 mg/kg intravenous")
        #expect(screen.contains("34 (ketamine 17, placebo 17)"))
        #expect(screen.contains("0.2 mg/kg intravenous"))

        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
        let modes = try tmux.ttyModes()
        #expect(modes.before == modes.after, "tty modes not restored")
        #expect(try tmux.paneFormat("#{alternate_on}") == "0")
        #expect(try tmux.paneFormat("#{cursor_flag}") == "1")
    }

    @Test("v switches the SUD table to the seed's values only and back; the status line names the view")
    func seedOnlyToggle() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.waitFor("25 of 25 studies")
        try tmux.press("Tab", "Right", "Right", "Right", "Enter")
        var screen = try tmux.waitFor("Substance use disorder │ 7 of 7 studies │ seed+own†")
        let grabski = { (screen: String) in screen.split(separator: "\n").first { $0.contains("Grabski 2022") }.map(String.init) ?? "" }
        #expect(grabski(screen).contains("RCT†") && grabski(screen).contains("96†") && grabski(screen).contains("0.8 mg/kg†"), "\(screen)")

        try tmux.press("v")
        screen = try tmux.waitFor("seed only")
        #expect(!screen.contains("†") || screen.contains("/2†"), "seed only shows no own-record value:\n\(screen)")
        #expect(!grabski(screen).contains("96") && grabski(screen).contains("n.r."), "\(screen)")

        try tmux.press("v")
        screen = try tmux.waitFor("seed+own†", "96†")
        #expect(grabski(screen).contains("RCT†"))

        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("works on vt100 and screen, and with LANG=C and NO_COLOR", arguments: [
        ("vt100", "LANG=C"), ("screen", "LANG=C.UTF-8 NO_COLOR=1"), ("tmux-256color", "LANG=C.UTF-8"),
    ])
    func otherTerminals(_ setup: (term: String, environment: String)) throws {
        let tmux = try TmuxSession(width: 80, height: 24, term: setup.term, environment: setup.environment)
        let screen = try tmux.waitFor("25 of 25 studies")
        if setup.environment.contains("LANG=C ") || setup.environment.hasSuffix("LANG=C") {
            #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII on a C locale:\n\(screen)")
        }
        try tmux.press("?")
        try tmux.waitFor("Help")
        // PgDn and End scroll help on every TERM, including those whose terminfo does not name them.
        func footer(_ screen: String) -> (first: Int, last: Int, total: Int)? {
            guard let match = screen.firstMatch(of: /(\d+)-(\d+) of (\d+)/), let first = Int(match.1), let last = Int(match.2),
                  let total = Int(match.3) else { return nil }
            return (first, last, total)
        }
        try tmux.press("PageDown")
        try tmux.waitForScreen("help a page down") { footer($0).map { $0.first > 1 } == true && $0.contains("Help") }
        try tmux.press("End")
        try tmux.waitForScreen("help at its end") { footer($0).map { $0.last == $0.total } == true && $0.contains("Help") }
        try tmux.press("Escape", "q")
        #expect(try tmux.waitForExit() == 0)
        let modes = try tmux.ttyModes()
        #expect(modes.before == modes.after)
    }

    @Test("a resize redraws; a too-small window shows a message and recovers")
    func resize() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.waitFor("25 of 25 studies")
        try TmuxSession.tmux(["-L", tmux.socket, "resize-window", "-t", "main", "-x", "40", "-y", "10"])
        try tmux.waitFor("Terminal too small")
        try TmuxSession.tmux(["-L", tmux.socket, "resize-window", "-t", "main", "-x", "200", "-y", "60"])
        let screen = try tmux.waitFor("25 of 25 studies", "Details: study 1 of 25")
        #expect(!screen.contains("too small"))
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the terminal and exit with 128 + the signal",
          arguments: [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)])
    func signals(_ signal: (name: String, status: Int32)) throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.waitFor("25 of 25 studies")
        let pid = try tmux.paneFormat("#{pane_pid}")
        // The browser is the shell's child: signal it, not the shell.
        let children = Process()
        children.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        children.arguments = ["-\(signal.name)", "-P", pid, "study-browser"]
        try children.run()
        children.waitUntilExit()
        #expect(try tmux.waitForExit() == signal.status)
        let modes = try tmux.ttyModes()
        #expect(modes.before == modes.after)
        #expect(try tmux.paneFormat("#{alternate_on}") == "0")
    }

    @Test("with output not a terminal, the list is printed instead")
    func notATerminal() throws {
        let result = try BinaryRunner.run([])
        #expect(result.status == 0)
        #expect(result.output.contains("25 of 25 studies"))
    }

    @Test("TERM dumb, unknown or unset falls back to the list with a hint", arguments: [
        ("TERM=dumb", "TERM is \"dumb\""), ("TERM=no-such-terminal", "the terminal type \"no-such-terminal\" is unknown"),
        ("-u TERM", "TERM is not set"),
    ])
    func oddTerminal(_ setup: (environment: String, hint: String)) throws {
        let tmux = try TmuxSession(width: 200, height: 50, term: nil, environment: "\(setup.environment) LANG=C.UTF-8")
        #expect(try tmux.waitForExit() == 0)
        let screen = try tmux.screen()
        #expect(screen.contains(setup.hint), "\(screen)")
        #expect(screen.contains("printing the list instead"))
        #expect(screen.contains("Zarate 2006"))
    }
}
