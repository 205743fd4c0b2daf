import ArgumentParser
import BrowserCore
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StudyCore
import TerminalBackend
#if canImport(Glibc)
import Glibc
#endif

/// `study-browser` / `study-browser browse`: the interactive browser on a terminal, the list otherwise.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default when standard input and output are a terminal).",
        discussion: """
        Keys: arrows or j/k move, Enter opens details, / filters, s and S sort, i shows the \
        indication's summary and c its context card, Space marks and C compares, y copies a \
        citation (OSC 52), e exports the view, ? lists every key, q quits. When standard input or \
        output is not a terminal, or TERM cannot be used, the study list is printed instead.

        Exit status: 0 after q; 128 + the signal after any signal that ends it (130 SIGINT, \
        143 SIGTERM, 129 SIGHUP, 131 SIGQUIT, and the others), the terminal restored first; \
        74 when the terminal goes away; otherwise as for `list`. Keys that are not UTF-8 are read \
        as Latin-1.
        """
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var index: IndexOptions

    /// The starting view (a deep link).
    @OptionGroup var choice: SelectionOptions

    @Flag(help: "Print the browser's screen for these options as text instead of opening it (for notes and scripts).")
    var print = false

    @OptionGroup var layout: LayoutOptions

    mutating func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let selection = try choice.selection()
        let interactive = !print && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        if interactive && !data.paths.isEmpty {
            // Sized before anything is read, so a large set shows its progress screen at once.
            let located = DataFileReader.locate(data.paths)
            if located.bytes >= Self.backgroundLoadBytes && located.problems.isEmpty {
                try browseWhileLoading(data.paths, selection: selection, environment: environment)
                return
            }
        }
        let loaded = try loadOrExit(selection: selection, environment: environment)
        let dataset = loaded.dataset
        if print {
            var state = BrowserState(catalog: loaded.catalog ?? Catalog(dataset, view: selection.view), size: Size(width: 80, height: 24), glyphs: layout.glyphs)
            try Self.apply(selection, to: &state)
            Console.write(document: Self.printedScreen(state, width: layout.resolvedWidth == 0 ? 100 : layout.resolvedWidth))
            return
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            try printList(selection, dataset, catalog: loaded.catalog)
            return
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(environment: environment)
        } catch {
            Console.error("study-browser: \(error); printing the list instead. Set TERM (for example TERM=xterm-256color) to browse interactively.")
            try printList(selection, dataset, catalog: loaded.catalog)
            return
        }
        try browse(loaded.catalog ?? Catalog(dataset, view: selection.view), on: terminal, selection: selection, environment: environment, note: loaded.note)
    }

    /// The bundled data, or `--data` through its index; the index's note goes to standard error.
    private func loadOrExit(selection: StudySelection, environment: [String: String]) throws -> (dataset: Dataset, catalog: Catalog?, note: String?) {
        guard !data.paths.isEmpty else {
            let read = data.files()
            return (try DataOptions.datasetOrExit(read, DatasetLoader.load(read.files)), nil, nil)
        }
        let outcome = index.load(paths: data.paths, view: selection.view, environment: environment)
        if let note = outcome.note { Console.error("study-browser: \(note)") }
        // With a catalog the dataset is never read (a lazy catalog would decode every study for it).
        if let catalog = outcome.catalog, outcome.problems.isEmpty { return (Dataset(), catalog, outcome.note) }
        return (try DataOptions.datasetOrExit(([], []), (outcome.dataset, outcome.problems)), outcome.catalog, outcome.note)
    }

    /// Data of this size or more loads behind a progress screen rather than before the
    /// terminal opens (the bundled data takes a few milliseconds and never needs it).
    static let backgroundLoadBytes = 4 << 20

    /// Opens the terminal at once, shows the loading progress while another thread loads and
    /// indexes, then browses; data problems close the terminal and are printed as usual.
    private func browseWhileLoading(_ paths: [String], selection: StudySelection, environment: [String: String]) throws {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(environment: environment)
        } catch {
            Console.error("study-browser: \(error); printing the list instead. Set TERM (for example TERM=xterm-256color) to browse interactively.")
            let loaded = try loadOrExit(selection: selection, environment: environment)
            try printList(selection, loaded.dataset, catalog: loaded.catalog)
            return
        }
        let progress = LoadProgress()
        let result = BackgroundLoad()
        let index = index
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = index.load(paths: paths, view: selection.view, environment: environment, progress: progress, writeLater: true)
            var catalog = outcome.catalog
            if outcome.problems.isEmpty && catalog == nil {
                progress.update("indexing \(outcome.dataset.studies.count) studies", nil)
                catalog = Catalog(outcome.dataset, view: selection.view)
            }
            // With a catalog the dataset is never read (a lazy catalog would decode every study for it).
            result.finish((catalog == nil ? outcome.dataset : Dataset(), outcome.problems), catalog, note: outcome.note, pending: outcome.pending)
        }
        if let ending = BrowserSession.showLoading(on: terminal, progress: progress, glyphs: layout.glyphs, isDone: { result.isDone }) {
            terminal.close()
            // A load still running is abandoned with the process (the next start builds the
            // index); one that has just finished has its index written, as after the table.
            Self.finish(result.pending, after: ending)
            try Self.exit(for: ending)
            return
        }
        guard let catalog = result.value?.catalog else {
            terminal.close()
            _ = try DataOptions.datasetOrExit(([], []), result.value?.loaded ?? (Dataset(), []))
            return
        }
        try browse(catalog, on: terminal, selection: selection, environment: environment, note: result.note, pending: result.pending)
    }

    /// Finishes an index still being written when the session ends. After q it is waited for,
    /// saying so: quitting soon after a first start must not throw the index away. After a
    /// signal or a lost terminal it is called off (no file is left) and nothing is printed:
    /// the program should end at once, and standard error may be the terminal that went away.
    private static func finish(_ pending: PendingIndexWrite?, after ending: BrowserSession.Ending) {
        guard let pending else { return }
        guard ending == .quit else {
            pending.control.cancel()
            pending.write()
            return
        }
        if !pending.isWritten {
            Console.error("study-browser: finishing the index of \(pending.studyCount) studies before exiting (later starts reuse it)")
        }
        let written = pending.write()
        if written.unsaved { Console.error("study-browser: \(written.note)") }
    }

    /// Runs the session on an open terminal and closes it; the ending becomes the exit status.
    private func browse(_ catalog: Catalog, on terminal: NcursesTerminal, selection: StudySelection, environment: [String: String],
                        note: String? = nil, pending: PendingIndexWrite? = nil) throws {
        var state = BrowserState(catalog: catalog, size: terminal.size, glyphs: layout.glyphs)
        state.message = note.map { InertText.make($0) }
        state.clipboard = OSC52.Route.detect(environment: environment)
        state.homeDirectory = environment["HOME"]
        do {
            try Self.apply(selection, to: &state)
        } catch {
            terminal.close()
            Self.finish(pending, after: .quit)
            throw error
        }
        let alongside: [@Sendable () -> Action] = pending.map { pending in
            [{
                let written = pending.write()
                return .showIndexNote(InertText.make(written.note), written.catalog.map(IndexedView.init))
            }]
        } ?? []
        let ending = BrowserSession.run(state, on: terminal, alongside: alongside) { request, control in
            ViewExporter.export(request, catalog: catalog, control: control)
        }.ending
        terminal.close()
        Self.finish(pending, after: ending)
        try Self.exit(for: ending)
    }

    private static func exit(for ending: BrowserSession.Ending) throws {
        switch ending {
        case .quit: return
        case .terminalClosed: throw ExitCode(74)
        case .signal(let number): throw ExitCode(128 + number)
        }
    }

    /// Puts the command line's indication, filter and sort into the starting state (a deep link).
    /// The browser sorts by one table column; another key is a usage error, not ignored.
    static func apply(_ selection: StudySelection, to state: inout BrowserState) throws {
        if let indication = selection.indication, let tab = state.catalog.tabs.firstIndex(of: indication) {
            state.selectTab(tab)
        }
        state.setSourceView(selection.view)
        if !selection.query.text.isEmpty { state.setFilterText(selection.query.text) }
        guard selection.sort != .standard, let first = selection.sort.terms.first else { return }
        let key = first.key == .level ? SortKey.evidence : first.key
        guard let column = StudyColumn.allCases.first(where: { $0.sortKey == key }) else {
            throw Console.usageError("the browser sorts by a table column (\(StudyColumn.allCases.map(\.sortKey.rawValue).joined(separator: ", "))); use list for --sort \(first.key.rawValue)")
        }
        state.setSort(TableSort(column: column, descending: first.descending))
    }

    /// The browser's screen for a state at a width, tall enough for every row, trailing spaces cut.
    static func printedScreen(_ state: BrowserState, width: Int) -> String {
        var sized = state
        let lines = state.lines.count
        // Tall enough for every row: only the width is clamped (a resize would cut the height
        // to the browser's largest screen and lose rows without a word).
        sized.size = Size(width: min(Layout.maximum.width, max(Layout.minimum.width, width)), height: max(Layout.minimum.height, lines + 6))
        BrowserReducer.reduce(&sized, .repaint)
        let screen = BrowserView.render(sized)
        // Everything but the key hints, which mean nothing on paper.
        return (0..<(screen.size.height - 1)).map { row in
            String(screen.rowText(row).reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n") + "\n"
    }

    private func printList(_ selection: StudySelection, _ dataset: Dataset, catalog: Catalog? = nil) throws {
        ListCommand.printStudies(selection: selection, dataset: dataset, catalog: catalog, format: .table, layout: layout)
    }
}
