import Foundation
import Testing
@testable import BrowserCore
@testable import StudyCore

/// Every screen the issue names, at 80x24 and 120x40 (and 200x60 for the split layout).
@Suite("Golden screens")
struct GoldenScreenTests {
    /// Name and the keys that lead to the screen from the start.
    static let scenarios: [(name: String, keys: [Key])] = [
        ("start", []),
        ("indication", [.backTab, .right]),
        ("sorted-by-dose", [.backTab, .right, .enter] + Array(repeating: .character("s"), count: 5)),
        ("sorted-by-outcome-reversed", Array(repeating: .character("s"), count: 7) + [.character("S")]),
        ("filtered", [.character("/")] + Fixture.type("design:rct") + [.enter]),
        ("bad-query", [.character("/")] + Fixture.type("design:rct rout:iv")),
        ("details", [.down, .down, .enter]),
        ("flagged-details", [.enter]),
        ("context-card", [.backTab, .right, .enter, .character("c")]),
        ("help", [.character("?")]),
        ("summary", [.backTab, .right, .enter, .character("i")]),
        ("compare", [.backTab, .right, .enter, .character(" "), .character(" "), .character("C")]),
    ]

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test("screens match their goldens", arguments: scenarios, sizes)
    func screen(_ scenario: (name: String, keys: [Key]), size: Size) {
        var state = Fixture.state(size)
        Fixture.press(scenario.keys, on: &state)
        GoldenScreen.assertMatches(BrowserView.render(state), named: "\(scenario.name)-\(size)")
    }

    @Test("a wide terminal shows details beside the table")
    func split() {
        var state = Fixture.state(Size(width: 200, height: 60))
        Fixture.press([.down, .down], on: &state)
        GoldenScreen.assertMatches(BrowserView.render(state), named: "split-200x60")
    }

    @Test("a too-small terminal gets a message, then recovers when enlarged")
    func tooSmall() {
        var state = Fixture.state(Size(width: 40, height: 10))
        GoldenScreen.assertMatches(BrowserView.render(state), named: "too-small-40x10")
        BrowserReducer.reduce(&state, .resize(Size(width: 80, height: 24)))
        #expect(BrowserView.render(state) == BrowserView.render(Fixture.state(Size(width: 80, height: 24))))
    }

    @Test("ASCII screens for terminals without UTF-8")
    func ascii() {
        var state = Fixture.state(Size(width: 80, height: 24), glyphs: .ascii)
        Fixture.press([.character("s"), .character("s"), .character("s"), .character("s"), .character("s")], on: &state)
        let screen = BrowserView.render(state)
        GoldenScreen.assertMatches(screen, named: "ascii-sorted-by-dose-80x24")
        #expect(screen.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.isASCII } || $0.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } })
    }
}

@Suite("Summary on one screen")
struct SummaryScreenTests {
    @Test("every bundled indication's summary fits the 80x24 overlay without scrolling", arguments: Indication.allCases)
    func fits(_ indication: Indication) throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
        let loaded = DatasetLoader.load(paths: [data])
        try #require(loaded.problems.isEmpty)
        let summary = IndicationSummary(indication: indication, dataset: loaded.dataset)
        let box = OverlayGeometry(size: Size(width: 80, height: 24))
        let lines = SummaryText.lines(summary, width: box.contentWidth, glyphs: .unicode, named: false)
        #expect(lines.count <= box.contentHeight, "\(indication): \(lines.count) lines\n\(lines.joined(separator: "\n"))")
    }
}
