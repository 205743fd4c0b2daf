import StudyCore

/// The studies a table shows, as positions into the catalog's studies.
///
/// Filtering and sorting move these integers, never the study values themselves, so a
/// keystroke at 100,000 studies copies 800 KB at most instead of every record.
///
/// A row's study is read from the catalog when asked for: from an index read lazily it is
/// decoded then, so only the rows drawn are ever decoded.
public struct StudyRows: RandomAccessCollection, Sendable {
    private let catalog: Catalog
    /// Positions in the catalog's studies (`Catalog.study(at:)`), in display order.
    public let positions: [Int]

    init(catalog: Catalog, positions: [Int]) {
        self.catalog = catalog
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(row: Int) -> Study { catalog.study(at: positions[row]) }
}
