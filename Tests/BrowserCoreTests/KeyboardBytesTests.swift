import InMemoryTerminal
import Testing
@testable import BrowserCore

@Suite("Keyboard bytes")
struct KeyboardBytesTests {
    /// Feeds bytes, flushes at the end, and returns the text and whether any byte was not UTF-8.
    func decode(_ bytes: [UInt8]) -> (String, Bool) {
        var decoder = KeyboardBytes()
        let decoded = bytes.flatMap { decoder.feed($0) } + decoder.flush()
        return (String(String.UnicodeScalarView(decoded.map(\.scalar))), decoded.contains(where: \.notUTF8))
    }

    @Test("UTF-8 is decoded; anything else is read as Latin-1 and flagged", arguments: [
        ([0x61, 0x62], "ab", false),
        ([0xC3, 0xBC, 0x62], "üb", false),
        ([0xE6, 0x9D, 0xB1], "東", false),
        ([0xF0, 0x9F, 0x91, 0x8D], "👍", false),
        ([0xFC, 0x62, 0x65, 0x72], "über", true),        // a Latin-1 terminal typing "über"
        ([0xE9, 0x78], "éx", true),                      // a lead byte whose sequence breaks off
        ([0xC3], "Ã", true),                             // a sequence that never finishes
        ([0xC0, 0xAF], "À¯", true),                      // an overlong form
        ([0xED, 0xA0, 0x80], "í\u{A0}\u{80}", true),     // a surrogate
        ([0x80], "\u{80}", true),                        // a stray continuation byte
    ] as [([UInt8], String, Bool)])
    func decoding(_ example: (bytes: [UInt8], text: String, flagged: Bool)) {
        let (text, flagged) = decode(example.bytes)
        #expect(text == example.text)
        #expect(flagged == example.flagged)
    }

    @Test("a paste waiting in the input is typed into the filter as one action")
    func pasteJoins() {
        let size = Size(width: 80, height: 24)
        let typed = Array(repeating: Key.character("x"), count: 5_000)
        let terminal = InMemoryTerminal(size: size, keys: [.character("/")] + typed + [.enter, .character("q")])
        let result = BrowserSession.run(Fixture.state(size), on: terminal)
        #expect(result.ending == .quit)
        #expect(result.state.filterText == String(repeating: "x", count: 5_000))
        // One frame at start, one for "/", one for the whole paste, one for Enter.
        #expect(terminal.frames.count == 4)
    }

    @Test("a notice about the keyboard is shown after the typed text, and goes with the next command")
    func noticeStays() {
        let size = Size(width: 80, height: 24)
        let terminal = InMemoryTerminal(size: size, script: [.key(.character("/")), .key(.character("ü")), .notice(KeyboardBytes.notice),
                                                            .key(.character("b")), .key(.enter), .key(.character("q"))])
        var seen: [String?] = []
        _ = BrowserSession.run(Fixture.state(size), on: terminal)
        for frame in terminal.frames { seen.append(frame.goldenText.contains("read as Latin-1") ? "notice" : nil) }
        // Start, "/", "üb" typed as one edit, the notice, then Enter clears it.
        #expect(seen == [nil, nil, nil, "notice", nil])
    }

    @Test("a Latin-1 paste is joined too: its notices wait until the text is in, and one is shown")
    func latin1PasteJoins() {
        let size = Size(width: 80, height: 24)
        let paste = (0..<2_000).flatMap { _ in [TerminalInput.key(.character("ü")), .notice(KeyboardBytes.notice)] }
        let terminal = InMemoryTerminal(size: size, script: [.key(.character("/"))] + paste + [.key(.character("q"))])
        let result = BrowserSession.run(Fixture.state(size), on: terminal)
        #expect(result.state.filterText == String(repeating: "ü", count: 2_000) + "q")
        // Start, "/", the joined paste, its one notice, and "q" typed into the filter.
        #expect(terminal.frames.count <= 5, "\(terminal.frames.count) frames: the paste was not joined")
        #expect(result.state.notice == KeyboardBytes.notice)
    }
}
