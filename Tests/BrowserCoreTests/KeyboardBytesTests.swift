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

@Suite("Key sequences curses does not know")
struct EscapeSequenceTests {
    static let cases: [(bytes: String, key: Key?, length: Int)] = [
        ("[5~", .pageUp, 3), ("[6~", .pageDown, 3), ("[1~", .home, 3), ("[4~", .end, 3), ("[7~", .home, 3), ("[8~", .end, 3),
        ("[3~", .delete, 3), ("[A", .up, 2), ("[B", .down, 2), ("[C", .right, 2), ("[D", .left, 2), ("[H", .home, 2),
        ("[F", .end, 2), ("[Z", .backTab, 2), ("[1;5A", .up, 5), ("[5;2~", .pageUp, 5), ("OA", .up, 2), ("OP", .function(1), 2),
        ("OM", .enter, 2), ("[11~", .function(1), 4), ("[15~", .function(5), 4), ("[17~", .function(6), 4), ("[24~", .function(12), 4),
        // Complete sequences that name no key are dropped whole, not typed.
        ("[2~", nil, 3), ("[99~", nil, 4), ("[?1;2c", nil, 6), ("[200~", nil, 5),
        // The rest of the bytes stay for the keyboard.
        ("[6~jk", .pageDown, 3),
    ]

    @Test("CSI and SS3 sequences decode to their keys, whatever TERM says", arguments: cases.indices)
    func decodes(index: Int) throws {
        let entry = Self.cases[index]
        let decoded = try #require(EscapeSequence.decode(Array(entry.bytes.utf8)), "\(entry.bytes)")
        #expect(decoded.key == entry.key && decoded.length == entry.length, "\(entry.bytes)")
    }

    @Test("Esc followed by typing, or by an unfinished sequence, is not a sequence")
    func notSequences() {
        // Esc then "[j" or "Oz" typed quickly: keys, not a sequence to drop.
        for bytes in ["", "x", "[", "[5", "[1;", "O", "jk", "[j", "Oz", "[" + String(repeating: "1", count: 20) + "~"] {
            #expect(EscapeSequence.decode(Array(bytes.utf8)) == nil, "\(bytes)")
        }
    }
}
