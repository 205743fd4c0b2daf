import StudyCore

/// Everything the browser shows, as a value: the reducer changes it, views draw it.
public struct BrowserState: Sendable {
    public private(set) var catalog: Catalog
    public var size: Size
    /// Index into `catalog.tabs` (0 is All).
    public private(set) var tab = 0
    public var focus: Pane = .table
    public internal(set) var overlay: Overlay?
    public var overlayScroll = 0
    /// Whether the findings view says what each row means per 1,000 people.
    public internal(set) var findingsWords = false
    /// The open overlay's text, built when it opens or what it shows changes (`refreshContent`).
    public private(set) var overlayContent = OverlayContent.empty
    /// An overlay text to be built beside the UI loop, for the reducer to hand to the session.
    var overlayRequest: OverlayRequest?
    /// The selected study's details while they are on screen, built the same way.
    public private(set) var detailsContent = DetailsContent.empty
    /// True while the filter line is being edited.
    public var editingFilter = false
    /// The filter as typed, which may be invalid.
    public private(set) var filterText = ""
    /// Why `filterText` is not a valid query, if it is not.
    public private(set) var filterError: QueryError?
    /// The last valid query; the table shows its result while the typed one is invalid.
    public private(set) var query: StudyQuery
    public private(set) var sort = TableSort()
    /// The studies shown, filtered and sorted.
    public private(set) var rows: StudyRows
    /// The table body: rows and, when sorted by dose, dimension headings.
    public private(set) var lines = TableLines()
    /// The tab's studies in sort order, kept between keystrokes: filtering a sorted list keeps
    /// its order, so typing a filter never sorts again.
    private var sortedScope: [Int] = []
    /// Index of the selected row in `rows`.
    public var selection = 0
    /// First visible table line (rows and dose headings count alike).
    public var scroll = 0
    /// Details open full screen (narrow terminals) or focused (wide ones).
    public internal(set) var detailsOpen = false
    public var detailScroll = 0
    /// Ids of the studies marked for comparison; marks survive filtering and sorting.
    public internal(set) var marked: [String] = []
    /// Where each marked study is in the catalog (the same in both views), so the marked studies
    /// are found without searching every study by id.
    var markedPositions: [String: Int] = [:]
    /// The export path being typed, while `editingExportPath`.
    public var exportPath = "study-browser-view.md"
    public var editingExportPath = false
    /// True while the suggested path is selected: typing replaces it, Backspace clears it.
    public var exportPathSelected = false
    /// The home folder, for `~` in an export path (set by the program from its environment).
    public var homeDirectory: String?
    /// The export being written beside the UI loop, if any.
    public internal(set) var runningExport: RunningExport?
    /// Whether Esc now cancels the running export (until it is asked to stop; then Esc is Esc again).
    public var escapeCancelsExport: Bool { runningExport.map { !$0.cancelling } ?? false }
    /// The source view being indexed beside the UI loop, if any.
    public internal(set) var indexingView: SourceView?
    /// From this many studies on, `v` indexes the other view and `i` builds a summary beside the
    /// UI loop; below it each takes less than a frame or two (about 25 ms at 2,000) and is done at once.
    public var indexAsideFrom = 2_000
    /// An export waiting for y because its file exists.
    public var pendingExport: ExportRequest?
    /// How the clipboard is reached through the terminal (set by the program from its environment).
    public var clipboard: OSC52.Route = .direct
    /// A one-off message for the status line.
    public var message: String?
    /// A notice about the input (keyboard bytes that were not UTF-8): unlike `message` it stays
    /// while the user goes on typing, so it can be read.
    public var notice: String?
    /// Whether symbols may be Unicode (UTF-8 locale).
    public let glyphs: Glyphs
    /// Widest cell of each column per tab, so column widths stay put while filtering.
    private(set) var naturalWidths: [[Int]]

    /// The initial state for a catalog and screen size.
    public init(catalog: Catalog, size: Size, glyphs: Glyphs = .unicode) {
        self.catalog = catalog
        self.size = Layout.clamped(size)
        self.glyphs = glyphs
        naturalWidths = Catalog.allTabs.indices.map { catalog.naturalWidths(tab: $0, glyphs: glyphs) }
        rows = StudyRows(catalog: catalog, positions: [])
        query = StudyQuery()
        recompute()
        refreshContent()
    }

    /// Rebuilds the overlay and details text when what they show has changed, and only then:
    /// the reducer calls this after every action, so keys that only scroll cost nothing here.
    mutating func refreshContent() {
        let overlayInputs = OverlayContent.inputs(of: self)
        if overlayInputs != overlayContent.inputs {
            if let inputs = overlayInputs, OverlayContent.buildsAside(inputs, state: self) {
                overlayContent = OverlayContent.placeholder(inputs, studies: catalog.studyCount)
                overlayRequest = OverlayRequest(inputs: inputs)
            } else {
                overlayContent = overlayInputs.map { OverlayContent.build($0, state: self) } ?? .empty
            }
        }
        let detailsInputs = DetailsContent.inputs(of: self)
        if detailsInputs != detailsContent.inputs {
            detailsContent = detailsInputs.map { DetailsContent.build($0, state: self) } ?? .empty
        }
    }

    /// The indication of the current tab (nil for All).
    public var indication: Indication? { Catalog.allTabs[tab] }

    /// The indication the summary, findings and context card are about: the tab's, else the selected study's.
    public var contextIndication: Indication? { indication ?? selectedStudy?.indication }

    /// The marked studies in the order they were marked.
    public var markedStudies: [Study] {
        marked.compactMap { id in
            guard let position = markedPositions[id], position < catalog.studyCount else { return catalog.study(id: id) }
            let study = catalog.study(at: position)
            return study.id == id ? study : catalog.study(id: id)
        }
    }

    /// The selected study, if any row is shown.
    public var selectedStudy: Study? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// Where keys go now.
    public var keyContext: KeyContext {
        if pendingExport != nil { return .confirmOverwrite }
        if editingExportPath { return .exportPath }
        if overlay != nil { return .overlay }
        if editingFilter { return .filter }
        switch focus {
        case .indications: return .indications
        case .table: return .table
        case .details: return .details
        }
    }

    // MARK: Changes that need the rows recomputed

    /// Shows the studies of another tab, keeping the selected study when it is still shown.
    public mutating func selectTab(_ index: Int) {
        tab = min(max(0, index), catalog.tabs.count - 1)
        recompute()
        refreshContent()
    }

    /// Sets the typed filter; a valid one replaces the query, an invalid one is kept with its error.
    public mutating func setFilterText(_ text: String) {
        filterText = text
        do {
            query = try StudyQuery(text)
            filterError = nil
            refilter()
            refreshContent()
        } catch {
            filterError = error
        }
    }

    /// Shows the other source view (best-sourced or seed only), keeping tab, filter, sort and selection.
    public mutating func setSourceView(_ view: SourceView) {
        guard view != catalog.view else { return }
        catalog = catalog.switched(to: view)
        naturalWidths = Catalog.allTabs.indices.map { catalog.naturalWidths(tab: $0, glyphs: glyphs) }
        recompute()
        refreshContent()
    }

    /// Shows an overlay text built beside the UI loop, if that overlay is still open as it was.
    mutating func adopt(_ content: OverlayContent) {
        guard content.inputs != nil, content.inputs == OverlayContent.inputs(of: self) else { return }
        overlayContent = content
    }

    /// Searches with the grams of the same catalog built beside the UI loop: answers stay the
    /// same, so nothing on screen changes.
    mutating func takeGrams(of built: Catalog) {
        catalog = catalog.withGrams(of: built)
    }

    /// Shows a catalog indexed beside the UI loop, keeping tab, filter, sort and selection.
    mutating func adopt(_ indexed: Catalog) {
        catalog = indexed
        naturalWidths = Catalog.allTabs.indices.map { catalog.naturalWidths(tab: $0, glyphs: glyphs) }
        recompute()
    }

    /// Changes the sort.
    public mutating func setSort(_ sort: TableSort) {
        self.sort = sort
        recompute()
        refreshContent()
    }

    /// Sorts the tab's studies again (tab or sort changed), then filters.
    private mutating func recompute() {
        sortedScope = catalog.order(tab: tab, by: sort.spec)
        filteredBy = nil
        refilter()
    }

    /// The query the rows were last filtered with, so a query that only narrows it filters the
    /// rows already found instead of the whole tab.
    private var filteredBy: StudyQuery?

    /// Applies the query to the sorted studies, keeping the selected study when it is still shown.
    private mutating func refilter() {
        let previous = rows.indices.contains(selection) ? rows.positions[selection] : nil
        let candidates = filteredBy.map { query.narrows($0) } == true ? rows.positions : sortedScope
        let positions = query.filter(count: catalog.studyCount, positions: candidates, index: catalog.searchIndex) { catalog.entries }
        rows = StudyRows(catalog: catalog, positions: positions)
        filteredBy = query
        let dimensions = catalog.doseDimensions
        lines = TableLines(rowCount: positions.count, sort: sort) { dimensions[positions[$0]] }
        selection = previous.flatMap { position in positions.firstIndex(of: position) } ?? 0
        scroll = 0
        detailScroll = 0
    }
}
