import StudyCore

/// The loaded data, indexed once for filtering: what every browser state shares.
///
/// Everything here is worked out once per load so that a keystroke or a frame never walks
/// every study: folded search text, each study's dose dimension (for dose headings), the
/// number of studies per tab, and each column's widest cell per tab.
public struct Catalog: Sendable {
    /// The studies, decoded up front or from an index's records as they are needed.
    let store: StudyStore
    /// The studies as `view` shows them (gaps filled from own records in the best-sourced view).
    /// For a catalog read lazily from an index this decodes every study (once): rows, details
    /// and plain-word filters use `study(at:)`, `studyCount` and the search index instead.
    public var dataset: Dataset { store.dataset }
    /// The data as loaded, seed values only (every study decoded, as for `dataset`).
    public var loaded: Dataset { store.loaded }
    /// Which values the catalog shows.
    public internal(set) var view: SourceView
    /// Whether any study has an own record that was found, to fill values from (for wording).
    public let hasPrimaryRecords: Bool
    /// Whether the two views can differ: any study has an own record, found or not (a record
    /// searched for and not found is still marked in the seed-only view). When false, both views are one.
    public let viewsCanDiffer: Bool
    /// Every study's folded text and query fields, made when first asked for (from an index read
    /// lazily, every study decoded, as for `dataset`).
    public var entries: [IndexedStudy] { store.entries(index: searchIndex) }
    /// The entries' folded texts, for filtering by plain words without touching the entries.
    var searchIndex: SearchIndex
    /// Each study's tab indexes (0 is All), by study position.
    let tabOfStudy: [UInt8]
    /// The dimension of each study's sort dose, by position: dose headings read this.
    let doseDimensions: [DoseDimension?]
    let counts: [Int]
    /// Every study's sort values, so a sort never reads the study records.
    let sortTable: SortTable
    /// Every position in the standard order (the browser's first), worked out once: a start or
    /// a change of tab then filters it instead of sorting (half a second at 1,000,000 studies).
    let standardOrder: MappedArray<UInt32>
    /// Widest cell of each column per tab, for Unicode and for ASCII glyphs, so column widths
    /// stay put while filtering.
    let unicodeWidths: [[Int]]
    let asciiWidths: [[Int]]

    /// Indexes a dataset as `view` shows it, on every core: at 100,000 studies this is most of the load.
    /// With `gramsLater` the search index has no grams until `withGrams` (a first start shows
    /// the table without them, and builds them for the index file beside the UI loop).
    public init(_ loaded: Dataset, view: SourceView = .best, gramsLater: Bool = false) {
        self.view = view
        viewsCanDiffer = Self.viewsDiffer(loaded.studies)
        // A found own record is an own record: without any, the second pass is not needed.
        hasPrimaryRecords = viewsCanDiffer && Parallel.contains(loaded.studies) { $0.primary?.status == .found }
        var dataset = loaded
        // Without own records the views are the same studies; sharing the array keeps memory flat.
        if viewsCanDiffer { dataset.studies = BestSourced.studies(loaded.studies, view: view) }
        let studies = dataset.studies
        let columnCount = StudyColumn.allCases.count
        let chunks = Self.chunks(studies.count)
        let results = Parallel.map(chunks.count) { chunk in Self.index(studies, range: chunks[chunk], columnCount: columnCount) }
        store = StudyStore(dataset: dataset, loaded: loaded, spans: SearchIndex.Spans(joining: results.map(\.folded)))
        searchIndex = SearchIndex(results.map { ($0.folded.buffer, $0.folded.ranges) }, grams: !gramsLater && Self.gramsPayOff(studies.count))
        doseDimensions = results.flatMap(\.doseDimensions)
        let tabs = studies.map { UInt8(Self.tab(of: $0)) }
        tabOfStudy = tabs
        var counts = Array(repeating: 0, count: Self.allTabs.count)
        counts[0] = studies.count
        for tab in tabs { counts[Int(tab)] += 1 }
        self.counts = counts
        func merge(_ pick: (ChunkResult) -> [[Int]]) -> [[Int]] {
            var widths = Array(repeating: Array(repeating: 0, count: columnCount), count: Self.allTabs.count)
            for result in results {
                for (tab, columns) in pick(result).enumerated() {
                    for (column, width) in columns.enumerated() { widths[tab][column] = max(widths[tab][column], min(width, Self.widestColumn)) }
                }
            }
            return widths
        }
        sortTable = SortTable(studies)
        standardOrder = MappedArray(sortTable.order(Array(studies.indices), by: .standard).map { UInt32(truncatingIfNeeded: $0) })
        unicodeWidths = merge(\.unicodeWidths)
        asciiWidths = merge(\.asciiWidths)
    }

    /// Below a few thousand studies a scan of every text is already quick.
    static func gramsPayOff(_ count: Int) -> Bool { count >= 2_000 }

    /// The same catalog with the grams its search index is worth, built now if it has none.
    public func withGrams() -> Catalog {
        guard Self.gramsPayOff(studyCount), !searchIndex.hasGrams else { return self }
        var built = self
        built.searchIndex = searchIndex.withGrams()
        return built
    }

    /// This catalog with the grams of `other`, the same catalog with its grams built (a first
    /// start's, once its index is written): the same texts, so every filter keeps its answer
    /// and only gets faster. Anything else is left as it is.
    public func withGrams(of other: Catalog) -> Catalog {
        guard view == other.view, studyCount == other.studyCount, !searchIndex.hasGrams, other.searchIndex.hasGrams,
              searchIndex.sameTexts(as: other.searchIndex) else { return self }
        var gained = self
        gained.searchIndex = other.searchIndex
        return gained
    }

    /// The catalog for another view: indexed again only when the views differ.
    public func switched(to view: SourceView) -> Catalog {
        guard view != self.view else { return self }
        guard viewsCanDiffer else { return Catalog(sharing: self, view: view) }
        return Catalog(loaded, view: view)
    }

    /// The widest a column is ever measured: wider than any terminal, so layout never sees the
    /// difference, and small enough that no width arithmetic can overflow.
    static let widestColumn = 65_536

    /// Whether the two views can show these studies differently: any study with an own record,
    /// even one searched for and not found, is marked in the seed-only view.
    static func viewsDiffer(_ studies: [Study]) -> Bool {
        Parallel.contains(studies) { $0.primary != nil }
    }

    private init(sharing other: Catalog, view: SourceView) {
        self = other
        self.view = view
    }

    /// Every tab there can be, in order: All, each indication, then Unassigned (last, so the
    /// tabs shown are always a prefix of these and share their positions).
    static let allTabs: [Indication?] = [nil] + Indication.allCases.map { Optional($0) }

    /// The tabs shown: All and each indication, and Unassigned only when imported studies have it.
    public var tabs: [Indication?] { counts[Self.allTabs.count - 1] > 0 ? Self.allTabs : Array(Self.allTabs.dropLast()) }

    /// Number of studies (in every view).
    public var studyCount: Int { store.count }

    /// The study at a position (0..<studyCount) as the view shows it.
    public func study(at position: Int) -> Study { store.study(at: position) }

    /// The study with this id, if any (from an index read lazily, every record's id is read).
    public func study(id: String) -> Study? { store.study(id: id) }

    /// The studies at these positions, in order; many are decoded on both cores.
    public func studies(at positions: [Int]) -> [Study] {
        guard store.isLazy, positions.count >= 2_000 else { return positions.map(study(at:)) }
        let ranges = Parallel.ranges(positions.count, chunks: 16)
        let store = store
        return Parallel.map(ranges.count) { chunk in positions[ranges[chunk]].map(store.study(at:)) }.flatMap { $0 }
    }

    /// The source documents the studies cite.
    public var sources: [SourceDocument] { store.documents.sources }

    /// The data's contexts, sources and reviews, without decoding any study: its `studies` may
    /// be empty (ask `study(at:)` for those).
    public var documents: Dataset { store.documents }

    /// Whether studies are decoded from an index as they are needed rather than all up front.
    public var decodesOnDemand: Bool { store.isLazy }

    /// Number of studies under a tab.
    public func count(_ indication: Indication?) -> Int {
        counts[Self.allTabs.firstIndex(of: indication) ?? 0]
    }

    /// The positions of the studies under an indication (all when nil) that match a query, in a
    /// sort's order: what `list` prints, found through the search index and the sort table.
    public func positions(indication: Indication?, matching query: StudyQuery, sortedBy sort: SortSpec) -> [Int] {
        let tab = Self.allTabs.firstIndex(of: indication) ?? 0
        let scoped = (0..<studyCount).filter { study(at: $0, isIn: tab) }
        return sortTable.order(query.filter(count: studyCount, positions: scoped, index: searchIndex) { entries }, by: sort)
    }

    /// A tab's positions in a sort's order; in the standard order they are read, not sorted
    /// (the order is total, so a tab's part of it is that tab's order).
    func order(tab: Int, by spec: SortSpec) -> [Int] {
        if spec == .standard, standardOrder.count == studyCount {
            return standardOrder.withUnsafeBufferPointer { order in
                var positions: [Int] = []
                positions.reserveCapacity(tab == 0 ? order.count : counts[tab])
                // Checked at load; checked again because the order is read in place from the index for the whole session.
                for position in order where Int(position) < studyCount && study(at: Int(position), isIn: tab) { positions.append(Int(position)) }
                return positions
            }
        }
        return sortTable.order((0..<studyCount).filter { study(at: $0, isIn: tab) }, by: spec)
    }

    /// Whether the study at a position belongs under a tab.
    func study(at position: Int, isIn tab: Int) -> Bool { tab == 0 || Int(tabOfStudy[position]) == tab }

    /// Widest cell of each column (in `StudyColumn.allCases` order) among a tab's studies.
    /// Unicode and ASCII are the only glyph sets there are.
    func naturalWidths(tab: Int, glyphs: Glyphs) -> [Int] {
        let widths = glyphs == .ascii ? asciiWidths : unicodeWidths
        return widths.indices.contains(tab) ? widths[tab] : []
    }

    /// A study's tab (its place in `tabs`; 0, All, holds every study).
    private static func tab(of study: Study) -> Int { allTabs.firstIndex(of: study.indication) ?? 0 }

    // MARK: Indexing in chunks

    private struct ChunkResult: Sendable {
        var folded = IndexedStudy.Folded()
        var doseDimensions: [DoseDimension?] = []
        var unicodeWidths: [[Int]]
        var asciiWidths: [[Int]]
    }

    private static func chunks(_ count: Int) -> [Range<Int>] {
        // Small sets are not worth a thread; large ones split so both cores stay busy.
        // Pieces of at most about 16,000 studies: their search texts (each reserved at its size)
        // are then blocks the allocator reuses, where eight pieces of 125,000 at 1,000,000
        // studies were fresh pages.
        let chunkCount = count < 2_000 ? 1 : min(64, max(8, count / 16_384))
        let size = (count + chunkCount - 1) / chunkCount
        return stride(from: 0, to: max(count, 1), by: max(size, 1)).map { $0..<min($0 + size, count) }
    }

    private static func index(_ studies: [Study], range: Range<Int>, columnCount: Int) -> ChunkResult {
        let empty = Array(repeating: Array(repeating: 0, count: columnCount), count: allTabs.count)
        var result = ChunkResult(unicodeWidths: empty, asciiWidths: empty)
        result.folded = IndexedStudy.fold(studies[range])
        // Each set once, not copied (seventeen strings) for every cell.
        let unicodeGlyphs = Glyphs.unicode, asciiGlyphs = Glyphs.ascii
        for study in studies[range] {
            result.doseDimensions.append(study.sortDose?.dimension)
            let tab = Self.tab(of: study)
            for (column, kind) in StudyColumn.allCases.enumerated() {
                let unicode = kind.cell(study, glyphs: unicodeGlyphs)
                let unicodeWidth = DisplayWidth.of(unicode)
                result.unicodeWidths[0][column] = max(result.unicodeWidths[0][column], unicodeWidth)
                result.unicodeWidths[tab][column] = max(result.unicodeWidths[tab][column], unicodeWidth)
                // Only a cell with a non-ASCII glyph can differ in width under ASCII glyphs.
                let asciiWidth = unicode.isAllASCII ? unicodeWidth : DisplayWidth.of(kind.cell(study, glyphs: asciiGlyphs))
                result.asciiWidths[0][column] = max(result.asciiWidths[0][column], asciiWidth)
                result.asciiWidths[tab][column] = max(result.asciiWidths[tab][column], asciiWidth)
            }
        }
        return result
    }
}
