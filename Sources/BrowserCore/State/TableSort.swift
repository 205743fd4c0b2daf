import StudyCore

/// The browser's sort: one table column and a direction, or the standard order.
public struct TableSort: Sendable, Equatable {
    /// nil: the standard order (indication, then study).
    public var column: StudyColumn?
    public var descending: Bool

    /// Creates a sort.
    public init(column: StudyColumn? = nil, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// The core sort specification: the column's key, then the study as a tie-break.
    public var spec: SortSpec {
        guard let column else {
            return SortSpec(SortSpec.standard.terms.map { SortSpec.Term($0.key, descending: descending) })
        }
        var terms = [SortSpec.Term(column.sortKey, descending: descending)]
        if column != .study { terms.append(SortSpec.Term(.study)) }
        return SortSpec(terms)
    }

    /// "Dose ↑", "indication, then study ↓".
    public func label(arrows: (up: String, down: String)) -> String {
        (column?.header ?? "indication, then study") + " " + (descending ? arrows.down : arrows.up)
    }
}
