import BrowserCore
import Testing
@testable import TerminalBackend

/// Starts real ncurses without a tty (output to /dev/null) to check start-up, drawing and teardown.
@Suite("ncurses backend", .serialized)
struct NcursesSmokeTests {
    @Test("starts, draws a screen with wide characters and every role, and closes twice safely",
          arguments: ["xterm-256color", "screen", "vt100", "linux", "tmux-256color"])
    func startsAndDraws(_ term: String) throws {
        let terminal = try NcursesTerminal(environment: ["TERM": term], headless: true)
        var screen = ScreenBuffer(size: terminal.size)
        for (row, role) in Role.allCases.enumerated() {
            screen.write("\(role.rawValue) 漢字 Ångström –≥µ", x: 0, y: row, role: role)
        }
        terminal.draw(screen, fullRepaint: true)
        terminal.draw(screen, fullRepaint: false)
        #expect(terminal.size.width > 0 && terminal.size.height > 0)
        terminal.close()
        terminal.close()
    }

    @Test("an unusable TERM is refused with a reason instead of exiting the process",
          arguments: ["", "dumb", "no-such-terminal-type"])
    func refusesUnusableTerm(_ term: String) {
        #expect(throws: NcursesTerminal.StartError.self) {
            try NcursesTerminal(environment: ["TERM": term], headless: true)
        }
    }

    @Test("keys are decoded from ncurses' own constants")
    func decodesKeys() {
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(12) == .control("l"))
        #expect(KeyDecoder.character(UInt32(("é" as Unicode.Scalar).value)) == .character("é"))
        #expect(KeyDecoder.character(0x9B) == .unknown(0x9B))
    }
}
