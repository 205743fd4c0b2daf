import Foundation
import Testing
@testable import BrowserCore
import InMemoryTerminal
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
        // A message longer than the status line goes on into the hint row instead of being cut.
        ("long-message", [.character("y")]),
        ("overview", [.character("i")]),
        // The end of help: the query language in two columns that never collapse.
        ("help-queries", [.character("?"), .end]),
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
    /// Own-record counts, overlaps and disputes made the summaries longer than one 80x24 box;
    /// what a meeting reads first (the count, designs, directions, best level, counting notes) stays on it.
    @Test("every bundled indication's summary starts with its counts and best level on the first 80x24 screen", arguments: Indication.curated)
    func fits(_ indication: Indication) throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
        let loaded = DatasetLoader.load(paths: [data])
        try #require(loaded.problems.isEmpty)
        let summary = IndicationSummary(indication: indication, dataset: loaded.dataset)
        let box = OverlayGeometry(size: Size(width: 80, height: 24))
        let lines = SummaryText.lines(summary, width: box.contentWidth, glyphs: .unicode, named: false)
        let firstScreen = lines.prefix(box.contentHeight).joined(separator: "\n")
        for label in ["Designs", "Direction", "Best level"] {
            #expect(firstScreen.contains(label), "\(indication): \(label) is below the first screen\n\(lines.joined(separator: "\n"))")
        }
        let counting = lines.filter { $0.hasPrefix("Counting") }
        #expect(counting.allSatisfy { firstScreen.contains($0) }, "\(indication): a counting note is below the first screen")
    }
}

/// The bundled data's SUD and TRD tabs, where most values come from the studies' own records:
/// every such value marked †, and the seed-only view that hides them.
@Suite("Golden screens of the bundled evidence")
struct BundledGoldenScreenTests {
    static let catalog: Catalog = {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
        let loaded = DatasetLoader.load(paths: [data])
        precondition(loaded.problems.isEmpty, "\(loaded.problems)")
        return Catalog(loaded.dataset)
    }()

    /// Name, tab (3 SUD, 4 TRD) and the keys pressed on it.
    static let scenarios: [(name: String, tab: Int, keys: [Key])] = [
        ("sud", 3, []),
        ("trd", 4, []),
        ("sud-seed-only", 3, [.character("v")]),
        ("trd-seed-only", 4, [.character("v")]),
        ("sud-evidence-sort", 3, Array(repeating: .character("s"), count: 7)),
        ("sud-summary", 3, [.character("i")]),
        // Compare rather than details: a details heading repeats a title, which is the seed's wording.
        ("trd-compare-berman-phillips", 4, [.down, .character(" "), .down, .character(" "), .character("C")]),
    ]

    @Test("SUD and TRD at 80x24: own-record values marked, seed only on v", arguments: scenarios)
    func screen(_ scenario: (name: String, tab: Int, keys: [Key])) {
        var state = BrowserState(catalog: Self.catalog, size: Size(width: 80, height: 24))
        Fixture.press([.backTab] + Array(repeating: .right, count: scenario.tab) + [.enter] + scenario.keys, on: &state)
        GoldenScreen.assertMatches(BrowserView.render(state), named: "bundled-\(scenario.name)-80x24")
    }

    @Test("roles: every † value has the own-record role; seed only has none; ? and n.g. are dim")
    func roles() {
        var state = BrowserState(catalog: Self.catalog, size: Size(width: 80, height: 24))
        Fixture.press([.backTab, .right, .right, .right, .enter], on: &state)
        let screen = BrowserView.render(state)
        var marked = 0
        for y in 3..<10 {
            for x in 0..<80 where screen[x, y].text == "†" {
                // The outcome keeps its direction's colour; the † in it is the mark.
                let role = screen[x, y].role
                #expect(role == .fromPrimary || ([Role.benefit, .mixed, .noBenefit, .notReported] as [Role]).contains(role), "row \(y) column \(x): \(role)")
                if role == .fromPrimary { marked += 1 }
            }
        }
        #expect(marked >= 10, "design, N, route, dose and level cells of Grabski and Krupitsky 2002 at least")
        Fixture.press([.character("v")], on: &state)
        let seedOnly = BrowserView.render(state)
        #expect(seedOnly.cells.allSatisfy { $0.role != .fromPrimary })
        let krupitsky1992 = (0..<80).map { seedOnly[$0, 7] }
        #expect(krupitsky1992.contains { $0.text == "?" && $0.role == .dim })
    }

    @Test("i on the All tab shows every indication on one 80x24 screen")
    func overview() {
        var state = BrowserState(catalog: Self.catalog, size: Size(width: 80, height: 24))
        Fixture.press([.character("i")], on: &state)
        let box = OverlayGeometry(size: state.size)
        let lines = state.overlayContent.lines.map(\.text)
        #expect(lines.count <= box.contentHeight, "\(lines.joined(separator: "\n"))")
        for indication in Indication.curated { #expect(lines.contains { $0.hasPrefix(indication.name + ":") }) }
        GoldenScreen.assertMatches(BrowserView.render(state), named: "bundled-overview-80x24")
    }

    @Test("Home, End, g and G scroll help")
    func helpEnds() {
        var state = BrowserState(catalog: Self.catalog, size: Size(width: 80, height: 24))
        Fixture.press([.character("?"), .end], on: &state)
        let bottom = state.overlayScroll
        #expect(state.overlay == .help && bottom > 0)
        Fixture.press([.character("g")], on: &state)
        #expect(state.overlay == .help && state.overlayScroll == 0)
        Fixture.press([.character("G")], on: &state)
        #expect(state.overlayScroll == bottom)
        Fixture.press([.home], on: &state)
        #expect(state.overlayScroll == 0)
    }

    @Test("v and v again come back to the same screen, and the status line names the view")
    func toggleBack() {
        var state = BrowserState(catalog: Self.catalog, size: Size(width: 80, height: 24))
        Fixture.press([.backTab, .right, .right, .right, .enter, .down], on: &state)
        let before = BrowserView.render(state)
        #expect(before.rowText(22).contains("seed+own†"))
        Fixture.press([.character("v")], on: &state)
        #expect(state.catalog.view == .seedOnly && BrowserView.render(state).rowText(22).contains("seed only"))
        #expect(state.selectedStudy?.id == "dakwar-2017", "the selection stays on the same study")
        Fixture.press([.character("v")], on: &state)
        BrowserReducer.reduce(&state, .repaint)
        #expect(state.catalog.view == .best && state.selectedStudy?.id == "dakwar-2017")
    }
}

/// The TRD summary of findings and its forest plots: at 80x24 and 120x40, Unicode and ASCII;
/// the plots as text at 200 columns; and a plot whose interval runs off the axis.
@Suite("Golden screens of the summary of findings")
struct FindingsGoldenScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test("the TRD findings and their plots", arguments: sizes, [Glyphs.unicode, .ascii])
    func findings(_ size: Size, _ glyphs: Glyphs) {
        let name = "\(glyphs == .ascii ? "ascii-" : "")trd-findings"
        var state = BrowserState(catalog: BundledGoldenScreenTests.catalog, size: size, glyphs: glyphs)
        Fixture.press([.backTab, .right, .right, .right, .right, .enter, .character("f")], on: &state)
        GoldenScreen.assertMatches(BrowserView.render(state), named: "\(name)-\(size)")
        // Scrolled to the first plot, with what the rows mean per 1,000 people.
        Fixture.press([.character("w")] + Array(repeating: .down, count: size.height == 24 ? 20 : 14), on: &state)
        GoldenScreen.assertMatches(BrowserView.render(state), named: "\(name)-plot-words-\(size)")
        if glyphs == .ascii {
            #expect(BrowserView.render(state).cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) }, "LANG=C and vt100 get ASCII only")
        }
    }

    @Test("from the summary, f opens the findings; f again closes them")
    func fromSummary() {
        var state = BrowserState(catalog: BundledGoldenScreenTests.catalog, size: Size(width: 80, height: 24))
        Fixture.press([.backTab, .right, .right, .right, .right, .enter, .character("i"), .character("f")], on: &state)
        #expect(state.overlay == .findings)
        Fixture.press([.character("f")], on: &state)
        #expect(state.overlay == nil)
    }

    @Test("y copies the findings through OSC 52; e offers a findings file")
    func copyAndExport() {
        let open: [Key] = [.backTab, .right, .right, .right, .right, .enter, .character("f")]
        // The reducer asks for the copy; the session builds the text and sends it.
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), keys: open + [.character("y")])
        _ = BrowserSession.run(BrowserState(catalog: BundledGoldenScreenTests.catalog, size: Size(width: 80, height: 24)), on: terminal,
                               jobs: .inline)
        #expect(terminal.sent.count == 1 && terminal.sent.first?.hasPrefix("\u{1B}]52;c;") == true)
        #expect(terminal.frames.last?.rowText(22).contains("Copied the findings") == true, "\(terminal.lastScreenText)")
        var state = BrowserState(catalog: BundledGoldenScreenTests.catalog, size: Size(width: 80, height: 24))
        let effects = Fixture.press(open + [.character("y")], on: &state)
        #expect(effects.last == .copyOverlay(OverlayCopy(indication: .trd, findings: true, words: false)))
        BrowserReducer.reduce(&state, .copyReady("findings", String(repeating: "x", count: OSC52.maximumBytes + 1)))
        #expect(state.message?.hasPrefix("Not copied:") == true, "too long for a terminal clipboard")
        Fixture.press([.character("e")], on: &state)
        #expect(state.editingExportPath && state.exportPath == "study-browser-findings-trd.md")
        let exported = Fixture.press([.enter], on: &state)
        guard case .export(let request)? = exported.last else { Issue.record("no export: \(exported)"); return }
        #expect(request.findings == .trd && request.format == .markdown)
    }

    @Test("the TRD plots as text at 200 columns")
    func wide() {
        let findings = IndicationFindings(indication: .trd, dataset: BundledGoldenScreenTests.catalog.loaded)
        let lines = FindingsText.lines(findings, width: 200, glyphs: .unicode)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 200 })
        GoldenScreen.assertMatches(text: lines.joined(separator: "\n") + "\n", named: "trd-findings-text-200")
    }

    @Test("an interval that runs off the axis gets arrows; pooled and single rows are drawn apart")
    func offAxis() {
        func row(_ label: String, _ point: Double, _ low: Double, _ high: Double, pooled: Bool) -> IndicationFindings.Row {
            .init(label: label, participants: 40, studies: pooled ? 3 : nil,
                  estimate: EffectEstimate(outcome: label, measure: .meanDifference, point: point, low: low, high: high, level: 95,
                                           reported: "MD \(point) (\(low) to \(high))"),
                  pooled: pooled, source: "test", certainty: nil, finding: nil)
        }
        let group = IndicationFindings.Group(comparison: "ketamine vs placebo", measure: .meanDifference,
                                             rows: [row("wide trial", 1, -10, 12, pooled: false), row("pooled", 0.5, 0.1, 0.9, pooled: true)])
        for (glyphs, name) in [(Glyphs.unicode, "forest-off-axis-80"), (.ascii, "ascii-forest-off-axis-80")] {
            let lines = ForestPlot.lines(group, width: 80, glyphs: glyphs)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
            GoldenScreen.assertMatches(text: lines.joined(separator: "\n") + "\n", named: name)
        }
    }
}
