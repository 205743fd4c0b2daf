import Foundation
import InMemoryTerminal
import Testing
@testable import BrowserCore
@testable import StudyCore

@Suite("Copy over SSH (OSC 52)")
struct OSC52Tests {
    @Test("plain, tmux and screen encodings")
    func encodings() throws {
        #expect(try OSC52.sequence(for: "hi", route: .direct) == "\u{1B}]52;c;aGk=\u{07}")
        #expect(try OSC52.sequence(for: "hi", route: .tmux) == "\u{1B}]52;c;aGk=\u{07}\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        #expect(try OSC52.sequence(for: "hi", route: .screen) == "\u{1B}P\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        let long = try OSC52.sequence(for: String(repeating: "x", count: 100), route: .screen)
        #expect(long.components(separatedBy: "\u{1B}\\\u{1B}P").count == 2) // 136 base64 characters: two pieces
    }

    @Test("the size cap and unsupported terminals are refused with a reason")
    func refusals() {
        #expect(throws: OSC52.Failure.tooLarge(OSC52.maximumBytes + 1)) {
            try OSC52.sequence(for: String(repeating: "x", count: OSC52.maximumBytes + 1), route: .direct)
        }
        #expect(throws: OSC52.Failure.unsupported("the Linux console cannot receive clipboard text")) {
            try OSC52.sequence(for: "x", route: OSC52.Route.detect(environment: ["TERM": "linux"]))
        }
    }

    @Test("the route follows TMUX, STY and TERM")
    func detection() {
        #expect(OSC52.Route.detect(environment: ["TERM": "xterm-256color"]) == .direct)
        #expect(OSC52.Route.detect(environment: ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"]) == .tmux)
        #expect(OSC52.Route.detect(environment: ["TERM": "screen"]) == .screen)
        #expect(OSC52.Route.detect(environment: ["TERM": "dumb"]) == .unsupported("this terminal cannot receive clipboard text"))
    }

    @Test("y sends the selected study's citation and summary, and says so")
    func copies() throws {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), keys: [.character("y"), .character("q")])
        _ = BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: terminal)
        let sent = try #require(terminal.sent.first)
        #expect(sent.hasPrefix("\u{1B}]52;c;") && sent.hasSuffix("\u{07}"))
        let payload = String(sent.dropFirst(7).dropLast())
        let text = String(decoding: try #require(Data(base64Encoded: payload)), as: UTF8.self)
        #expect(text.hasPrefix("Alpha 2018. A randomized trial in the emergency department — Randomized controlled trial"))
        #expect(text.contains("N 34 (ketamine 17, placebo 17)") && text.contains("result no benefit"))
        #expect(text.contains("differs from the seed on: per-arm split"))
        // The frame drawn after y confirms on the status line.
        #expect(terminal.frames.last?.rowText(22).hasPrefix(" Copied the citation of Alpha 2018") == true)
    }
}
