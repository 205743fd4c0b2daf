#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StudyCore

/// The pure update function: applies an action to the state and says what the session must do.
public enum BrowserReducer {
    /// Applies `action`; afterwards the selection and every scroll offset are within bounds.
    @discardableResult
    public static func reduce(_ state: inout BrowserState, _ action: Action) -> Effect {
        let effect = apply(&state, action)
        // The selection first (details follow it), then the text, then the scroll offsets within it.
        clampSelection(&state)
        state.refreshContent()
        clamp(&state)
        guard let request = state.overlayRequest else { return effect }
        state.overlayRequest = nil
        return effect == .none ? .buildOverlay(request) : .many([effect, .buildOverlay(request)])
    }

    private static func apply(_ state: inout BrowserState, _ action: Action) -> Effect {
        let layout = Layout(size: state.size)
        let context = state.keyContext
        // Progress of an export, a resize or a repaint is not the user's answer to a message:
        // it stays on the status line (the first frame is a resize, and must show the start's note).
        switch action {
        case .exportProgress, .overlayBuilt, .resize, .repaint, .showIndexNote: break
        default: state.message = nil
        }
        switch action {
        case .insertFilterText, .insertExportText, .showNotice, .resize, .repaint, .exportProgress, .overlayBuilt, .showIndexNote: break
        default: state.notice = nil
        }
        switch action {
        case .quit: return .quit
        case .repaint: return .repaint
        case .resize(let size):
            state.size = Layout.clamped(size)
        case .moveUp: move(&state, by: -1, context: context)
        case .moveDown: move(&state, by: 1, context: context)
        case .pageUp: move(&state, by: -max(1, page(state, layout) - 1), context: context)
        case .pageDown: move(&state, by: max(1, page(state, layout) - 1), context: context)
        case .moveToTop: move(&state, by: -Int(Int32.max), context: context)
        case .moveToBottom: move(&state, by: Int(Int32.max), context: context)
        case .nextPane, .previousPane:
            let panes = visiblePanes(state, layout)
            let current = panes.firstIndex(of: state.focus) ?? 0
            let step = action == .nextPane ? 1 : panes.count - 1
            state.focus = panes[(current + step) % panes.count]
        case .open:
            if state.focus == .indications {
                state.focus = .table
            } else if state.selectedStudy != nil {
                state.detailsOpen = true
                state.detailScroll = 0
                state.focus = .details
            }
        case .back:
            // One level back from anywhere: full-screen details close whichever pane Tab left focused.
            if state.focus == .details || (state.detailsOpen && !layout.split) {
                state.detailsOpen = false
                state.focus = .table
            } else if !state.filterText.isEmpty {
                state.setFilterText("")
            } else if state.focus == .indications {
                state.focus = .table
            }
        case .startFilter:
            state.editingFilter = true
            if !layout.split { state.detailsOpen = false }
            if state.focus == .details { state.focus = .table }
        case .insertFilterText(let text): state.setFilterText(state.filterText + text)
        case .deleteFilterBackward: state.setFilterText(String(state.filterText.dropLast()))
        case .clearFilterLine: state.setFilterText("")
        case .acceptFilter: state.editingFilter = false
        case .cancelFilter:
            state.setFilterText("")
            state.editingFilter = false
        case .nextSortColumn, .previousSortColumn:
            let columns = tableColumns(state)
            let current = state.sort.column.flatMap { columns.firstIndex(of: $0) }
            let next: Int
            if action == .nextSortColumn {
                next = current.map { ($0 + 1) % columns.count } ?? 0
            } else {
                next = current.map { ($0 + columns.count - 1) % columns.count } ?? columns.count - 1
            }
            state.setSort(TableSort(column: columns[next], descending: false))
        case .reverseSort:
            state.setSort(TableSort(column: state.sort.column, descending: !state.sort.descending))
        case .showContext: openIndicationOverlay(.context, named: "context card", in: &state)
        case .showSummary:
            // On the All tab, the summary is an overview of every indication.
            if state.indication == nil {
                state.overlay = .summary
                state.overlayScroll = 0
            } else {
                openIndicationOverlay(.summary, named: "summary", in: &state)
            }
        case .toggleSourceView:
            let target = state.catalog.view.toggled
            if !state.catalog.viewsCanDiffer {
                state.setSourceView(target)
                state.message = "No study here has an own record; both views are the same."
            } else if state.indexingView != nil {
                state.message = "Still indexing the other view; the table switches when it is ready."
            } else if state.runningExport != nil {
                state.message = "An export is being written; v works once it ends (Esc cancels it)."
            } else if state.catalog.studyCount >= state.indexAsideFrom {
                // Indexing 100,000 studies takes seconds: it runs beside the loop, keys keep working.
                state.indexingView = target
                return .indexView(target)
            } else {
                state.setSourceView(target)
                state.message = sourceViewMessage(state)
            }
        case .copyReady(let name, let text):
            do {
                let sequence = try OSC52.sequence(for: text, route: state.clipboard)
                state.message = "Copied the \(name) (\(text.utf8.count) bytes) through OSC 52."
                return .send(sequence)
            } catch {
                state.message = "Not copied: \(text.utf8.count) bytes is more than the \(OSC52.maximumBytes) a terminal clipboard takes; "
                    + "use e or study-browser findings."
            }
        case .overlayBuilt(let content):
            state.adopt(content)
        case .viewIndexed(let indexed):
            state.indexingView = nil
            state.adopt(indexed.catalog)
            state.message = sourceViewMessage(state)
        case .toggleMark:
            guard let study = state.selectedStudy else { break }
            if let index = state.marked.firstIndex(of: study.id) {
                state.marked.remove(at: index)
                state.markedPositions[study.id] = nil
            } else {
                state.marked.append(study.id)
                state.markedPositions[study.id] = state.rows.positions[state.selection]
            }
            state.message = "\(state.marked.count) marked; C compares them side by side"
            if state.focus == .table { state.selection += 1 }
        case .compareMarked:
            if state.marked.isEmpty {
                state.message = "Nothing marked: Space marks the selected study; mark two or more, then C."
            } else {
                state.overlay = .compare
                state.overlayScroll = 0
            }
        case .copyCitation:
            guard let study = state.selectedStudy else {
                state.message = "No study selected to copy."
                break
            }
            let text = CitationText.forClipboard(study, glyphs: state.glyphs)
            do {
                let sequence = try OSC52.sequence(for: text, route: state.clipboard)
                // Written to fit two 80-column lines: the status row and the hint row it may take over.
                state.message = "Copied the citation of \(study.shortLabel) (\(text.utf8.count) bytes, OSC 52). "
                    + "Not there? The terminal refuses OSC 52 (tmux: set -g set-clipboard on)."
                return .send(sequence)
            } catch {
                switch error {
                case .tooLarge(let size):
                    state.message = "Not copied: \(size) bytes is more than the \(OSC52.maximumBytes) a terminal clipboard takes."
                case .unsupported(let reason):
                    state.message = "Not copied: \(reason)."
                }
            }
        case .startExport:
            if let running = state.runningExport {
                state.message = "Still writing \(running.path): wait for it, or Esc cancels it."
                break
            }
            if state.indexingView != nil {
                state.message = "Still indexing the other view; e works once the table has switched."
                break
            }
            if state.overlay != nil && state.overlay != .findings {
                state.message = "Close this view first (Esc); e exports the table, or the findings from their view."
                break
            }
            if state.overlay == .findings, let indication = state.contextIndication {
                state.exportPath = "study-browser-findings-\(indication.rawValue).md"
            }
            state.editingExportPath = true
            // The suggestion is selected, as in a file dialog: typing a name replaces it.
            state.exportPathSelected = true
            state.editingFilter = false
        case .insertExportText(let text):
            state.exportPath = (state.exportPathSelected ? "" : state.exportPath) + text
            state.exportPathSelected = false
        case .deleteExportBackward:
            state.exportPath = state.exportPathSelected ? "" : String(state.exportPath.dropLast())
            state.exportPathSelected = false
        case .keepExportSuggestion:
            state.exportPathSelected = false
        case .clearExportLine:
            state.exportPath = ""
            state.exportPathSelected = false
        case .deleteExportWord:
            state.exportPath = state.exportPathSelected ? "" : ExportPath.deletingLastWord(state.exportPath)
            state.exportPathSelected = false
        case .cancelExport:
            state.editingExportPath = false
            state.exportPathSelected = false
        case .acceptExport:
            let path = ExportPath.expandingHome(state.exportPath.trimmingSpaces(), home: state.homeDirectory)
            guard !path.isEmpty, let format = ExportRequest.Format(path: path) else {
                state.message = "Name a file ending in .md, .csv or .json."
                break
            }
            state.editingExportPath = false
            state.exportPathSelected = false
            if state.overlay == .findings, let indication = state.contextIndication {
                state.runningExport = RunningExport(path: path, what: "the \(indication.name) findings")
                return .export(ExportRequest(path: path, format: format, overwrite: false, studies: [],
                                             description: "\(indication.name): summary of findings", findings: indication,
                                             words: state.findingsWords))
            }
            let studies = state.marked.isEmpty ? state.catalog.studies(at: state.rows.positions) : state.markedStudies
            var what = state.marked.isEmpty
                ? "\(state.indication?.name ?? "All indications"); " + (state.query.text.isEmpty ? "no filter" : "filter '\(state.query.text)'")
                    + "; sorted by \(state.sort.label(arrows: ("ascending", "descending"))); \(studies.count) studies"
                : "\(studies.count) marked stud\(studies.count == 1 ? "y" : "ies")"
            if state.catalog.view == .seedOnly && state.catalog.viewsCanDiffer { what += "; seed values only" }
            state.runningExport = RunningExport(path: path, what: "\(studies.count) stud\(studies.count == 1 ? "y" : "ies")")
            return .export(ExportRequest(path: path, format: format, overwrite: false, studies: studies, description: what))
        case .confirmOverwrite:
            if let pending = state.pendingExport {
                state.pendingExport = nil
                state.runningExport = RunningExport(path: pending.path, what: pending.findings.map { "the \($0.name) findings" }
                    ?? "\(pending.studies.count) stud\(pending.studies.count == 1 ? "y" : "ies")")
                return .export(ExportRequest(path: pending.path, format: pending.format, overwrite: true,
                                             studies: pending.studies, description: pending.description, findings: pending.findings, words: pending.words))
            }
        case .declineOverwrite:
            state.message = state.pendingExport.map { "Not written: \($0.path) was left as it was." }
            state.pendingExport = nil
        case .cancelJob:
            guard state.runningExport != nil else { break }
            state.runningExport?.cancelling = true
            return .cancelJob
        case .exportProgress(let percent):
            state.runningExport?.percent = percent
        case .exportFinished(let text), .exportFailed(let text):
            state.runningExport = nil
            state.message = text
        case .exportExists(let request):
            state.runningExport = nil
            state.pendingExport = request
            state.message = "\(request.path) exists: press y to overwrite it, any other key to keep it."
        case .exportCancelled(let path):
            state.runningExport = nil
            state.message = "Export cancelled: nothing was written to \(path)."
        case .showMessage(let text):
            state.message = text
        case .showIndexNote(let text, let indexed):
            if state.pendingExport == nil { state.message = text }
            if let indexed { state.takeGrams(of: indexed.catalog) }
        case .showNotice(let text):
            state.notice = text
        case .showHelp:
            state.overlay = .help
            state.overlayScroll = 0
        case .nextStudy, .previousStudy:
            guard !state.rows.isEmpty else { break }
            state.selection = min(max(0, state.selection + (action == .nextStudy ? 1 : -1)), state.rows.count - 1)
            state.detailScroll = 0
        case .showFindings:
            if state.overlay == .findings {
                state.overlay = nil
            } else {
                openIndicationOverlay(.findings, named: "summary of findings", in: &state)
            }
        case .toggleFindingsWords:
            guard state.overlay == .findings else { break }
            state.findingsWords.toggle()
            state.message = state.findingsWords ? "Rows with an assumed risk now say what they mean per 1,000 people." : "Per-1,000 wording hidden."
        case .copyOverlay:
            guard let indication = state.contextIndication, state.overlay == .findings || state.overlay == .summary else {
                state.message = "y copies the summary or the findings; here, close this view first (Esc)."
                break
            }
            // The text is built by the session, which runs the copy and reports back.
            return .copyOverlay(OverlayCopy(indication: indication, findings: state.overlay == .findings,
                                            words: state.overlay == .findings && state.findingsWords))
        case .closeOverlay:
            state.overlay = nil
        }
        return .none
    }

    /// What the status line says after `v`.
    private static func sourceViewMessage(_ state: BrowserState) -> String {
        state.catalog.view == .seedOnly
            ? "Values: seed only (own records hidden)"
            : "Values: seed+own\(state.glyphs.primary) (own-record values marked)"
    }

    /// Opens an overlay about the current indication, or says why there is none.
    private static func openIndicationOverlay(_ overlay: Overlay, named name: String, in state: inout BrowserState) {
        guard state.contextIndication != nil else {
            state.message = "No study selected: choose an indication tab for its \(name)."
            return
        }
        state.overlay = overlay
        state.overlayScroll = 0
    }

    /// Columns the table shows: the indication column only on the All tab.
    public static func tableColumns(_ state: BrowserState) -> [StudyColumn] {
        StudyColumn.allCases.filter { $0 != .indication || state.indication == nil }
    }

    static func visiblePanes(_ state: BrowserState, _ layout: Layout) -> [Pane] {
        // Full-screen details hide the other panes, so Tab cannot move focus behind them.
        if state.detailsOpen && !layout.split { return [.details] }
        return layout.split || state.detailsOpen ? [.indications, .table, .details] : [.indications, .table]
    }

    private static func page(_ state: BrowserState, _ layout: Layout) -> Int {
        switch state.keyContext {
        case .details: layout.detailsVisibleLines
        case .overlay: OverlayGeometry(size: state.size).contentHeight
        default: layout.bodyHeight
        }
    }

    private static func move(_ state: inout BrowserState, by delta: Int, context: KeyContext) {
        switch context {
        case .indications:
            let tabs = state.catalog.tabs.count
            let target = max(0, min(tabs - 1, state.tab + max(-tabs, min(tabs, delta))))
            state.selectTab(target)
        case .table, .filter:
            state.selection = clampAdd(state.selection, delta)
        case .details:
            state.detailScroll = clampAdd(state.detailScroll, delta)
        case .overlay:
            state.overlayScroll = clampAdd(state.overlayScroll, delta)
        case .exportPath, .confirmOverwrite:
            break
        }
    }

    private static func clampAdd(_ value: Int, _ delta: Int) -> Int {
        let (sum, overflow) = value.addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max / 2 : 0) : max(0, sum)
    }

    /// Keeps the selection on a row, the selected row on screen and scroll offsets in range.
    static func clampSelection(_ state: inout BrowserState) {
        let layout = Layout(size: state.size)
        state.selection = state.rows.isEmpty ? 0 : min(max(0, state.selection), state.rows.count - 1)
        if state.focus == .details && !layout.split && !state.detailsOpen { state.focus = .table }
        if state.selectedStudy == nil && state.detailsOpen { state.detailsOpen = false; state.focus = .table }
    }

    /// Keeps the selected row on screen and scroll offsets within the text they scroll.
    static func clamp(_ state: inout BrowserState) {
        let layout = Layout(size: state.size)
        let lines = state.lines
        let selectedLine = state.rows.isEmpty ? 0 : lines.line(ofRow: state.selection)
        let height = layout.bodyHeight
        if selectedLine < state.scroll { state.scroll = selectedLine }
        if selectedLine >= state.scroll + height { state.scroll = selectedLine - height + 1 }
        // A heading directly above the first visible study stays in view when it fits.
        if state.scroll > 0, state.scroll - 1 < lines.count, case .heading = lines[state.scroll - 1], selectedLine - (state.scroll - 1) < height {
            state.scroll -= 1
        }
        state.scroll = max(0, min(state.scroll, max(0, lines.count - height)))
        // The text is kept with the state (refreshContent); only its length is read here.
        state.detailScroll = max(0, min(state.detailScroll, state.detailsContent.lines.count - layout.detailsVisibleLines))
        let overlay = OverlayGeometry(size: state.size)
        // While the text is built beside the loop the place is kept, and clamped when it arrives.
        if !state.overlayContent.pending {
            state.overlayScroll = max(0, min(state.overlayScroll, state.overlayContent.lines.count - overlay.contentHeight))
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
