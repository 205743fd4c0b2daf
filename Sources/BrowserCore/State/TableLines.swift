import StudyCore

/// The table body as lines: study rows, with a heading above each dose dimension when the
/// table is sorted by dose, so doses on different scales are never read as one series.
public enum TableLine: Sendable, Equatable {
    case heading(String)
    case study(Int)

    /// The lines for a state's rows and sort.
    public static func lines(rows: [Study], sort: TableSort) -> [TableLine] {
        guard sort.column == .dose else { return rows.indices.map(TableLine.study) }
        var lines: [TableLine] = []
        var index = 0
        for group in DoseGroups.groups(rows) {
            lines.append(.heading(group.title))
            for _ in group.studies {
                lines.append(.study(index))
                index += 1
            }
        }
        return lines
    }
}
