import Testing
@testable import BrowserCore
@testable import StudyCore

@Suite("Screen invariants")
struct ScreenInvariantTests {
    /// A catalog whose text holds wide, combining, hostile and unprintable characters.
    static let awkward: Catalog = {
        var studies = Fixture.catalog.dataset.studies
        studies[0].citation.firstAuthor = "漢字漢字漢字"
        studies[1].citation.firstAuthor = "Cafe\u{301} Zoë"
        studies[2].condition = "bad\u{1B}[2J\u{202E}text"
        studies[2].citation.title = "タイトル with wide and\u{0007} bell"
        // Where Swift's Unicode properties and glibc's wcwidth (which ncurses uses) disagree,
        // a mark without a base, more marks than a cell keeps, and a code point glibc cannot print.
        studies[3].citation.firstAuthor = "👍🏽❤️\u{3164}\u{E33}\u{915}\u{94D}\u{937}"
        studies[3].citation.title = "\u{17000}\u{1F200} \u{301}a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} \u{1F7D9} \u{1100}\u{1161}"
        return Catalog(Dataset(studies: studies, contexts: Fixture.catalog.dataset.contexts, sources: Fixture.catalog.dataset.sources))
    }()

    static let keySequences: [[Key]] = [
        [], [.down, .enter], [.character("?")], [.character("c")], [.character("/")] + Fixture.type("漢字 n>"),
        Array(repeating: .character("s"), count: 6), [.tab, .right, .enter, .character("S")],
    ]

    @Test("every row is exactly the screen's width, and no control character reaches a cell",
          arguments: [Size(width: 50, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60), Size(width: 13, height: 3)])
    func rowsFit(_ size: Size) {
        for keys in Self.keySequences {
            var state = BrowserState(catalog: Self.awkward, size: size)
            Fixture.press(keys, on: &state)
            let screen = BrowserView.render(state)
            for y in 0..<size.height {
                #expect(DisplayWidth.of(screen.rowText(y)) == size.width, "row \(y) at \(size) after \(keys.map(\.label))")
            }
            #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { InertText.needsEscape($0) } })
        }
    }

    @Test("the status line always names the indication, the sort and the count, even with a filter error")
    func statusAlwaysThere() {
        var state = Fixture.state(Size(width: 80, height: 24))
        Fixture.press([.tab, .right, .enter, .character("/")] + Fixture.type("rout:iv"), on: &state)
        let screen = BrowserView.render(state)
        let status = screen.rowText(22)
        // While typing there is no hint row to run on into: the advice is kept whole, the wording around it goes.
        #expect(status.contains("unknown field 'rout'; did you mean 'route'?") && screen[1, 22].role == .statusError, "\(status)")
        // The last valid query was the word "rout", typed before the colon: it matches nothing.
        #expect(status.hasSuffix("│ Migraine │ 0 of 5 │ standard↑ "), "\(status)")
    }

    @Test("the selected row is marked in text and by role")
    func selectionVisible() {
        var state = Fixture.state(Size(width: 80, height: 24))
        Fixture.press([.down], on: &state)
        let screen = BrowserView.render(state)
        #expect(screen.rowText(4).hasPrefix("▸"))
        #expect(screen[5, 4].role == .selection)
        #expect(screen[5, 3].role != .selection)
    }
}
