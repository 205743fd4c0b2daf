import Foundation
import Testing
@testable import BrowserCore
import InMemoryTerminal
@testable import StudyCore

@Suite("Keys and the update function")
struct ReducerTests {
    let size = Size(width: 80, height: 24)

    @Test("every key of every binding does something in its context")
    func everyBindingHasAnEffect() {
        for binding in Keymap.bindings {
            for key in binding.keys {
                for context in binding.contexts {
                    #expect(Keymap.action(for: key, in: context) != nil, "\(key.label) in \(context)")
                }
            }
        }
    }

    @Test("arrows and j/k move the selection; g/G and Home/End go to the ends")
    func movement() {
        var state = Fixture.state(size)
        Fixture.press([.down, .character("j")], on: &state)
        #expect(state.selection == 2)
        Fixture.press([.up, .character("k"), .up], on: &state)
        #expect(state.selection == 0)
        Fixture.press([.character("G")], on: &state)
        #expect(state.selection == state.rows.count - 1)
        Fixture.press([.home], on: &state)
        #expect(state.selection == 0)
        Fixture.press([.end], on: &state)
        #expect(state.selection == 9)
        Fixture.press([.character("g")], on: &state)
        #expect(state.selection == 0)
    }

    @Test("PgDn and PgUp move by a screen of rows, Ctrl-F/Ctrl-B and Space too")
    func paging() {
        var state = Fixture.state(Size(width: 80, height: 12))
        Fixture.press([.pageDown], on: &state)
        #expect(state.selection == 6)
        Fixture.press([.pageUp], on: &state)
        #expect(state.selection == 0)
        Fixture.press([.control("f"), .pageDown], on: &state)
        #expect(state.selection == 9)
        Fixture.press([.control("b")], on: &state)
        #expect(state.selection == 3)
        #expect(state.scroll <= state.selection && state.selection < state.scroll + Layout(size: state.size).bodyHeight)
    }

    @Test("Tab and Shift-Tab cycle the panes; ←→ and h/l change the indication")
    func panes() {
        var state = Fixture.state(size)
        Fixture.press([.tab], on: &state)
        #expect(state.focus == .indications)
        Fixture.press([.right, .character("l")], on: &state)
        #expect(state.indication == .epilepsy)
        Fixture.press([.left, .character("h")], on: &state)
        #expect(state.indication == nil)
        Fixture.press([.right, .enter], on: &state)
        #expect(state.focus == .table)
        #expect(state.rows.allSatisfy { $0.indication == .migraine })
        Fixture.press([.backTab], on: &state)
        #expect(state.focus == .indications)
        Fixture.press([.escape], on: &state)
        #expect(state.focus == .table)
    }

    @Test("Enter opens details; Esc and Backspace go back; details scroll with the arrows")
    func details() {
        var state = Fixture.state(size)
        Fixture.press([.enter], on: &state)
        #expect(state.detailsOpen && state.focus == .details)
        Fixture.press([.down, .down, .pageDown], on: &state)
        #expect(state.detailScroll > 2)
        Fixture.press([.character("g")], on: &state)
        #expect(state.detailScroll == 0)
        Fixture.press([.escape], on: &state)
        #expect(!state.detailsOpen && state.focus == .table)
        Fixture.press([.enter, .backspace], on: &state)
        #expect(!state.detailsOpen)
    }

    @Test("/ filters with every keystroke; a bad query keeps the last good rows; Esc clears")
    func filter() {
        var state = Fixture.state(size)
        Fixture.press([.character("/")] + Fixture.type("ind:migr"), on: &state)
        #expect(state.editingFilter)
        #expect(state.rows.count == 5)
        Fixture.press(Fixture.type(" n>"), on: &state)
        #expect(state.filterError != nil)
        #expect(state.rows.count == 5)
        Fixture.press(Fixture.type("=20"), on: &state)
        #expect(state.filterError == nil)
        #expect(state.rows.map(\.id) == ["alpha-2018", "bravo-2013", "delta-2017"])
        Fixture.press([.backspace, .control("h")], on: &state)
        #expect(state.filterText == "ind:migr n>=")
        Fixture.press([.control("u")], on: &state)
        #expect(state.filterText.isEmpty && state.rows.count == 10)
        Fixture.press(Fixture.type("rct") + [.enter], on: &state)
        #expect(!state.editingFilter && state.rows.count == 2)
        Fixture.press([.escape], on: &state)
        #expect(state.filterText.isEmpty && state.rows.count == 10)
        Fixture.press([.character("/")] + Fixture.type("qqq") + [.escape], on: &state)
        #expect(!state.editingFilter && state.filterText.isEmpty)
    }

    @Test("letters typed in the filter line are text, not commands")
    func filterTakesLetters() {
        var state = Fixture.state(size)
        let effects = Fixture.press([.character("/")] + Fixture.type("qsS?gG/"), on: &state)
        #expect(!effects.contains(.quit))
        #expect(state.filterText == "qsS?gG/")
        #expect(state.overlay == nil)
    }

    @Test("s and > choose the next sort column, < the previous, S and r reverse")
    func sorting() {
        var state = Fixture.state(size)
        Fixture.press([.character("s")], on: &state)
        #expect(state.sort == TableSort(column: .study))
        Fixture.press([.character(">")], on: &state)
        #expect(state.sort == TableSort(column: .indication))
        Fixture.press([.character("<"), .character("<")], on: &state)
        #expect(state.sort == TableSort(column: .level))
        Fixture.press([.character("S")], on: &state)
        #expect(state.sort == TableSort(column: .level, descending: true))
        Fixture.press([.character("r")], on: &state)
        #expect(state.sort == TableSort(column: .level, descending: false))
    }

    @Test("sorting keeps the selected study selected")
    func sortKeepsSelection() {
        var state = Fixture.state(size)
        Fixture.press([.down, .down], on: &state)
        let id = state.selectedStudy?.id
        Fixture.press([.character("s"), .character("S")], on: &state)
        #expect(state.selectedStudy?.id == id)
    }

    @Test("c shows the context card; ? shows help; q, Esc, Enter and c close them")
    func overlays() {
        var state = Fixture.state(size)
        for closer in [Key.escape, .character("q"), .character("?"), .enter, .character("c")] {
            Fixture.press([.character("?")], on: &state)
            #expect(state.overlay == .help)
            Fixture.press([.down, .pageDown, .up, .pageUp], on: &state)
            let effects = Fixture.press([closer], on: &state)
            #expect(state.overlay == nil && !effects.contains(.quit), "\(closer.label)")
        }
        Fixture.press([.function(1)], on: &state)
        #expect(state.overlay == .help)
        Fixture.press([.escape, .character("c")], on: &state)
        #expect(state.overlay == .context)
    }

    @Test("q and Ctrl-C quit; Ctrl-L asks for a repaint, everywhere")
    func quitAndRepaint() {
        var state = Fixture.state(size)
        #expect(Fixture.press([.character("q")], on: &state) == [.quit])
        #expect(Fixture.press([.control("l")], on: &state) == [.repaint])
        Fixture.press([.character("/")], on: &state)
        #expect(Fixture.press([.control("l"), .control("c")], on: &state) == [.repaint, .quit])
    }

    @Test("a resize redraws at the new size and keeps the selection visible")
    func resize() {
        var state = Fixture.state(size)
        Fixture.press([.end], on: &state)
        BrowserReducer.reduce(&state, .resize(Size(width: 60, height: 12)))
        let layout = Layout(size: state.size)
        #expect(BrowserView.render(state).size == Size(width: 60, height: 12))
        #expect(state.scroll <= state.selection && state.selection < state.scroll + layout.bodyHeight)
    }

    @Test("Space marks and unmarks, moving down; C compares the marked studies; marks survive filters")
    func marking() {
        var state = Fixture.state(size)
        Fixture.press([.character("C")], on: &state)
        #expect(state.overlay == nil && state.message?.hasPrefix("Nothing marked") == true)
        Fixture.press([.character(" "), .character(" ")], on: &state)
        #expect(state.marked == ["alpha-2018", "charlie-2016"])
        #expect(state.selection == 2)
        Fixture.press([.character("/")] + Fixture.type("bravo") + [.enter], on: &state)
        #expect(state.marked.count == 2)
        Fixture.press([.escape, .up, .character(" ")], on: &state)
        #expect(state.marked == ["alpha-2018"])
        Fixture.press([.character("C")], on: &state)
        #expect(state.overlay == .compare)
        let lines = CompareText.lines(state.markedStudies, width: 72, glyphs: .unicode)
        #expect(lines.first?.hasPrefix("Study           Alpha 2018 ≠") == true)
        #expect(lines.contains { $0.hasPrefix("Flags           ≠ own record differs: per-arm split") })
        Fixture.press([.character("C")], on: &state)
        #expect(state.overlay == nil)
    }

    @Test("compare shows as many studies as fit and says how many did not")
    func compareWidth() {
        let studies = Fixture.catalog.dataset.studies
        let lines = CompareText.lines(studies, width: 72, glyphs: .unicode)
        #expect(lines.first == "7 more marked do not fit this width; widen the terminal or unmark some.")
        for line in lines { #expect(DisplayWidth.of(line) <= 72, "\(line)") }
    }

    @Test("unbound keys change nothing")
    func unbound() {
        for key in [Key.character("x"), .function(9), .unknown(999), .delete] {
            #expect(Keymap.action(for: key, in: .table) == nil, "\(key.label)")
        }
    }
}

/// The export prompt: the suggested name is selected, so a typed name replaces it.
@Suite("The export prompt")
struct ExportPromptTests {
    static func prompt() -> BrowserState {
        var state = Fixture.state(Size(width: 80, height: 24))
        Fixture.press([.character("e")], on: &state)
        return state
    }

    @Test("keys on the prompt, and the path they leave", arguments: [
        ([Key.character("m"), .character("i"), .character("n")], "min"),                       // typing replaces the selected suggestion
        ([.backspace], ""),                                                                   // Backspace clears the selection
        ([.end, .character("x")], "study-browser-view.mdx"),                                  // End keeps it and types after it
        ([.right, .backspace], "study-browser-view.m"),
        ([.character("a"), .character("/"), .character("b"), .control("w")], "a/"),          // Ctrl-W back to the separator
        ([.end, .control("w")], "study-browser-view."),
        ([.end, .control("u")], ""),                                                          // Ctrl-U clears the line
        ([.control("w")], ""),                                                                // on the selection: clears it
    ])
    func keys(_ keys: [Key], _ expected: String) {
        var state = Self.prompt()
        #expect(state.exportPathSelected && state.exportPath == "study-browser-view.md")
        Fixture.press(keys, on: &state)
        #expect(state.exportPath == expected)
        #expect(!state.exportPathSelected)
    }

    @Test("~ is the home folder; the request carries the expanded path", arguments: [
        ("~/minutes.md", "/home/ana/minutes.md"), ("~", "~"), ("notes/~x.md", "notes/~x.md"), ("/tmp/a.md", "/tmp/a.md"),
    ])
    func home(_ typed: String, _ expected: String) {
        var state = Self.prompt()
        state.homeDirectory = "/home/ana/"
        let effects = Fixture.press(Fixture.type(typed) + [.enter], on: &state)
        if expected == "~" {
            #expect(state.message == "Name a file ending in .md, .csv or .json.")
            return
        }
        guard case .export(let request)? = effects.last else { Issue.record("no export for \(typed): \(effects)"); return }
        #expect(request.path == expected)
    }

    @Test("the README's step 6, key for key: e, minutes.md, Enter writes minutes.md")
    func walkThroughStep() {
        var state = Self.prompt()
        let effects = Fixture.press(Fixture.type("minutes.md") + [.enter], on: &state)
        guard case .export(let request)? = effects.last else { Issue.record("no export: \(effects)"); return }
        #expect(request.path == "minutes.md" && request.format == .markdown)
    }
}

/// Esc (and Backspace) go back one level from every pane and overlay; n and p step through studies in details.
@Suite("Going back and moving on")
struct BackAndNextTests {
    /// Keys that reach a place, and what one Esc must leave.
    static let places: [(name: String, size: Size, keys: [Key])] = [
        ("full-screen details", Size(width: 80, height: 24), [.enter]),
        ("details, then Tab Tab (the trap found in a trial)", Size(width: 80, height: 24), [.enter, .tab, .tab]),
        ("details, then Shift-Tab", Size(width: 80, height: 24), [.enter, .backTab]),
        ("split details focused", Size(width: 200, height: 60), [.enter]),
        ("split, tabs focused", Size(width: 200, height: 60), [.backTab]),
        ("help", Size(width: 80, height: 24), [.character("?")]),
        ("summary", Size(width: 80, height: 24), [.backTab, .right, .enter, .character("i")]),
        ("findings", Size(width: 80, height: 24), [.backTab, .right, .enter, .character("f")]),
        ("compare", Size(width: 80, height: 24), [.character(" "), .character(" "), .character("C")]),
        ("filter line", Size(width: 80, height: 24), [.character("/"), .character("x")]),
        ("export prompt", Size(width: 80, height: 24), [.character("e")]),
    ]

    @Test("one Esc leaves it, and Backspace does the same where it is not typing", arguments: places)
    func escape(_ place: (name: String, size: Size, keys: [Key])) {
        for back in [Key.escape, .backspace] {
            var state = Fixture.state(place.size)
            Fixture.press(place.keys, on: &state)
            let typing = state.editingFilter || state.editingExportPath
            if back == .backspace && (typing || state.overlay != nil) { continue }
            Fixture.press([back], on: &state)
            #expect(state.overlay == nil && !state.editingExportPath && !(state.detailsOpen && !Layout(size: place.size).split),
                    "\(place.name), \(back): overlay \(String(describing: state.overlay)), details \(state.detailsOpen)")
            #expect(state.focus != .details || Layout(size: place.size).split, "\(place.name)")
        }
    }

    @Test("n and p (or ] and [) step through the studies without leaving full-screen details")
    func nextPrevious() {
        var state = Fixture.state(Size(width: 80, height: 24))
        Fixture.press([.enter, .character("n"), .character("]")], on: &state)
        #expect(state.detailsOpen && state.selection == 2)
        Fixture.press([.character("p")], on: &state)
        #expect(state.detailsOpen && state.selection == 1 && state.detailScroll == 0)
        Fixture.press(Array(repeating: .character("["), count: 5), on: &state)
        #expect(state.selection == 0, "stops at the first study")
    }

    @Test("the hint line names the focused pane")
    func focusNamed() {
        var state = Fixture.state(Size(width: 80, height: 24))
        #expect(BrowserView.render(state).rowText(23).hasPrefix(" Table │"))
        Fixture.press([.backTab], on: &state)
        #expect(BrowserView.render(state).rowText(23).hasPrefix(" Tabs │"))
        Fixture.press([.tab, .enter], on: &state)
        #expect(BrowserView.render(state).rowText(23).hasPrefix(" Details │"))
    }
}

/// The hint line is read from the keymap, like help and the man page.
@Suite("Hint line from the keymap")
struct HintLineTests {
    @Test("each context's hints, and every key shown does what it says there", arguments: [
        (KeyContext.table, "↑↓ move  Enter open  / filter  i summary  f findings  ? help  q quit"),
        (.details, "↑↓ scroll  n p next/previous  Esc back  / filter  ? help  q quit"),
        (.indications, "←→ indication  Enter studies  Tab pane  / filter  ? help  q quit"),
    ])
    func hints(_ context: KeyContext, _ expected: String) {
        #expect(Keymap.hints(for: context) == expected)
        for (actions, _) in Keymap.hintActions[context] ?? [] {
            for action in actions {
                let bound = Keymap.bindings.filter { $0.action == action && $0.contexts.contains(context) }.flatMap(\.keys)
                #expect(bound.contains { Keymap.action(for: $0, in: context) == action }, "\(action) in \(context)")
            }
        }
    }
}

@Suite("An export's life in the reducer")
struct ExportLifecycleTests {
    @Test("Enter starts the export and the status line shows it; progress keeps a message; Esc cancels once, then is Esc again")
    func lifecycle() throws {
        var state = Fixture.state(Size(width: 80, height: 24))
        let effects = Fixture.press([.character("e"), .character("x"), .character("."), .character("c"), .character("s"), .character("v"), .enter], on: &state)
        guard case .export(let request)? = effects.last else { Issue.record("no export effect: \(effects)"); return }
        #expect(request.path == "x.csv" && state.runningExport == RunningExport(path: "x.csv", what: "10 studies"))
        #expect(BrowserView.render(state).rowText(22).contains("Export 0%, Esc cancels: 10 studies to x.csv"))
        Fixture.press([.character(" ")], on: &state)
        BrowserReducer.reduce(&state, .exportProgress(40))
        #expect(state.runningExport?.percent == 40 && state.message?.hasPrefix("1 marked") == true, "progress does not wipe a message")
        Fixture.press([.down], on: &state)
        #expect(BrowserView.render(state).rowText(22).contains("Export 40%, Esc cancels: 10 studies to x.csv"))
        // A second export waits for the first.
        Fixture.press([.character("e")], on: &state)
        #expect(!state.editingExportPath && state.message?.hasPrefix("Still writing x.csv") == true)
        Fixture.press([.character("c")], on: &state)
        #expect(state.overlay == .context)
        #expect(BrowserView.render(state).rowText(22).contains("Export 40%, Esc in table cancels: 10 studies"))
        Fixture.press([.escape], on: &state)
        #expect(state.overlay == nil && state.runningExport?.cancelling == false, "in a view, Esc closes the view; the export goes on")
        #expect(Fixture.press([.escape], on: &state) == [.cancelJob])
        #expect(state.runningExport?.cancelling == true)
        Fixture.press([.character("/"), .character("x"), .escape], on: &state)
        #expect(!state.editingFilter && state.filterText.isEmpty, "once cancelling, Esc is Esc again")
        BrowserReducer.reduce(&state, .exportCancelled("x.csv"))
        #expect(state.runningExport == nil && state.message == "Export cancelled: nothing was written to x.csv.")
    }

    @Test("an existing file is a question; y starts the export again with overwrite; finished and failed are messages")
    func outcomes() {
        var state = Fixture.state(Size(width: 80, height: 24))
        Fixture.press([.character("e"), .enter], on: &state)
        let request = ExportRequest(path: "study-browser-view.md", format: .markdown, overwrite: false, studies: [], description: "")
        BrowserReducer.reduce(&state, .exportExists(request))
        #expect(state.runningExport == nil && state.keyContext == .confirmOverwrite)
        let effects = Fixture.press([.character("y")], on: &state)
        guard case .export(let again)? = effects.last else { Issue.record("no export: \(effects)"); return }
        #expect(again.overwrite && state.runningExport != nil)
        BrowserReducer.reduce(&state, .exportFailed("Not written: cannot write x: permission denied."))
        #expect(state.runningExport == nil && state.message == "Not written: cannot write x: permission denied.")
        Fixture.press([.character("e"), .enter], on: &state)
        BrowserReducer.reduce(&state, .exportFinished("Wrote 10 studies to /tmp/x.md (markdown)."))
        #expect(state.runningExport == nil && state.message == "Wrote 10 studies to /tmp/x.md (markdown).")
        #expect(Fixture.press([.escape], on: &state) != [.cancelJob], "with nothing running, Esc is Esc")
    }

    @Test("the note on an index written beside the table replaces a message, never an overwrite question; a resize keeps a message")
    func indexNote() {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.message = "indexing 100000 studies into /x.sbindex, written beside the table"
        BrowserReducer.reduce(&state, .resize(Size(width: 100, height: 30)))
        #expect(state.message == "indexing 100000 studies into /x.sbindex, written beside the table")
        BrowserReducer.reduce(&state, .showIndexNote("indexed 100000 studies", nil))
        #expect(state.message == "indexed 100000 studies")
        Fixture.press([.character("e"), .enter], on: &state)
        let request = ExportRequest(path: "study-browser-view.md", format: .markdown, overwrite: false, studies: [], description: "")
        BrowserReducer.reduce(&state, .exportExists(request))
        let question = state.message
        BrowserReducer.reduce(&state, .showIndexNote("indexed 100000 studies", nil))
        #expect(state.message == question && state.keyContext == .confirmOverwrite)
    }
}

@Suite("v on large data indexes beside the UI loop")
struct IndexAsideTests {
    @Test("v asks for the other view to be indexed, says so, refuses a second v and an export, and adopts the result")
    func reducer() {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.indexAsideFrom = 0
        Fixture.press([.tab, .right, .enter, .down], on: &state)
        let selected = state.selectedStudy?.id
        #expect(Fixture.press([.character("v")], on: &state) == [.indexView(.seedOnly)])
        #expect(state.indexingView == .seedOnly && state.catalog.view == .best)
        #expect(BrowserView.render(state).rowText(22).contains("Indexing the seed-only values of 10 studies"))
        Fixture.press([.character("v")], on: &state)
        #expect(state.message?.hasPrefix("Still indexing") == true)
        Fixture.press([.character("e")], on: &state)
        #expect(!state.editingExportPath)
        BrowserReducer.reduce(&state, .viewIndexed(IndexedView(state.catalog.switched(to: .seedOnly))))
        #expect(state.indexingView == nil && state.catalog.view == .seedOnly && state.message == "Values: seed only (own records hidden)")
        #expect(state.indication == .migraine && state.selectedStudy?.id == selected, "tab and selection kept")
    }

    @Test("in the session the table switches once the index is ready, and keys are answered meanwhile")
    func session() {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.indexAsideFrom = 0
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24),
                                        script: [.key(.character("v")), .key(.down)] + Array(repeating: .idle, count: 5) + [.key(.character("q"))])
        let result = BrowserSession.run(state, on: terminal)
        #expect(result.state.catalog.view == .seedOnly && result.state.selection == 1)
        #expect(terminal.frames.contains { $0.rowText(22).contains("Indexing the seed-only values") })
    }
}

@Suite("Summaries of large data are built beside the UI loop")
struct OverlayAsideTests {
    @Test("i opens at once with a placeholder, keys work, and the text is adopted only while that summary is still open")
    func reducer() throws {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.indexAsideFrom = 0
        Fixture.press([.tab, .right, .enter], on: &state)
        let effects = Fixture.press([.character("i")], on: &state)
        guard case .buildOverlay(let request)? = effects.last else { Issue.record("no build: \(effects)"); return }
        #expect(state.overlay == .summary && state.overlayContent.pending)
        #expect(BrowserView.render(state).rowText(2).contains("Summarising 10 studies"))
        let built = request.build(from: state)
        BrowserReducer.reduce(&state, .overlayBuilt(built))
        #expect(!state.overlayContent.pending && state.overlayContent == built)
        #expect(BrowserView.render(state).rowText(2).contains("studies; participants"))
        // A text that arrives after its summary was closed (or another opened) is dropped.
        Fixture.press([.escape, .character("c")], on: &state)
        BrowserReducer.reduce(&state, .overlayBuilt(built))
        #expect(state.overlay == .context && state.overlayContent != built)
    }

    @Test("in the session the summary's text arrives while keys are answered")
    func session() {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.indexAsideFrom = 0
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24),
                                        script: [.key(.character("i")), .key(.down)] + Array(repeating: .idle, count: 3))
        let result = BrowserSession.run(state, on: terminal)
        #expect(result.state.overlay == .summary && !result.state.overlayContent.pending)
        #expect(terminal.frames.contains { $0.rowText(2).contains("Summarising 10 studies") })
        #expect(terminal.frames.last?.rowText(2).contains("Summarising") == false)
        #expect(terminal.frames.last?.rowText(2).contains("Migraine:") == true, "the overview's text arrived")
    }

    @Test("a findings text rebuilt beside the loop (w) keeps the reader's place")
    func findingsKeepPlace() throws {
        // The bundled data: its TRD findings run to several screens.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
        var state = BrowserState(catalog: Catalog(DatasetLoader.load(paths: [folder]).dataset), size: Size(width: 80, height: 24))
        state.indexAsideFrom = 0
        state.selectTab(try #require(Catalog.allTabs.firstIndex(of: .trd)))
        guard case .buildOverlay(let first)? = Fixture.press([.character("f")], on: &state).last else { Issue.record("no build"); return }
        BrowserReducer.reduce(&state, .overlayBuilt(first.build(from: state)))
        let height = OverlayGeometry(size: state.size).contentHeight
        try #require(state.overlayContent.lines.count > height + 3, "the findings need more than a screen for this test")
        for _ in 0..<3 { BrowserReducer.reduce(&state, .moveDown) }
        #expect(state.overlayScroll == 3)
        let effect = BrowserReducer.reduce(&state, .toggleFindingsWords)
        #expect(state.overlayContent.pending && state.overlayScroll == 3, "the place is kept while the text is gathered")
        #expect(BrowserView.render(state).rowText(2).contains("Gathering the findings"), "the placeholder shows from its top")
        guard case .buildOverlay(let second) = effect else { Issue.record("no rebuild: \(effect)"); return }
        BrowserReducer.reduce(&state, .overlayBuilt(second.build(from: state)))
        #expect(!state.overlayContent.pending && state.overlayScroll == 3)
    }

    @Test("the findings open at once too, say what is being gathered, and fill in")
    func findings() throws {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.indexAsideFrom = 0
        let keys: [Key] = [.tab, .right, .enter, .character("f"), .down]
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), script: keys.map { .key($0) } + Array(repeating: .idle, count: 3))
        let result = BrowserSession.run(state, on: terminal)
        #expect(result.state.overlay == .findings && !result.state.overlayContent.pending)
        #expect(terminal.frames.contains { $0.rowText(2).contains("Gathering the findings of 10 studies") })
        #expect(terminal.frames.last.map { frame in (0..<24).contains { frame.rowText($0).contains("Gathering") } } == false)
        var synchronous = result.state
        synchronous.indexAsideFrom = Int.max
        #expect(result.state.overlayContent.lines == OverlayContent.build(try #require(OverlayContent.inputs(of: synchronous)), state: synchronous).lines)
    }
}
