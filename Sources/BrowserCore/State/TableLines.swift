import StudyCore

/// One line of the table body: a study row, or a heading above each dose dimension when the
/// table is sorted by dose, so doses on different scales are never read as one series.
public enum TableLine: Sendable, Equatable {
    case heading(String)
    case study(Int)
}

/// The table body's lines, described by where headings fall rather than line by line, so that
/// moving the selection or drawing a frame costs the same at 30 studies or 500,000.
public struct TableLines: Sendable, Equatable {
    /// A heading shown directly above a row.
    struct Heading: Sendable, Equatable {
        let row: Int
        let title: String
    }

    /// Headings in row order (at most one per dose dimension and one for "not reported").
    let headings: [Heading]
    /// Number of study rows.
    let rowCount: Int

    /// No rows, no headings.
    init() {
        headings = []
        rowCount = 0
    }

    /// Lines for rows in display order; headings only when sorted by dose.
    init(rowCount: Int, sort: TableSort, dimension: (Int) -> DoseDimension?) {
        self.rowCount = rowCount
        guard sort.column == .dose else {
            headings = []
            return
        }
        var headings: [Heading] = []
        var current: DoseDimension?
        for row in 0..<rowCount {
            let next = dimension(row)
            if row == 0 || next != current {
                headings.append(Heading(row: row, title: DoseGroups.title(for: next)))
                current = next
            }
        }
        self.headings = headings
    }

    /// Total lines: rows and headings.
    public var count: Int { rowCount + headings.count }

    /// The line at a position (0 ..< count).
    public subscript(line: Int) -> TableLine {
        var skipped = 0
        for (offset, heading) in headings.enumerated() {
            let headingLine = heading.row + offset
            if line == headingLine { return .heading(heading.title) }
            if line < headingLine { break }
            skipped = offset + 1
        }
        return .study(line - skipped)
    }

    /// The line a study row is drawn on.
    public func line(ofRow row: Int) -> Int {
        row + headings.prefix { $0.row <= row }.count
    }

    /// Every line in order (tests and small exports; frames use the subscript).
    public var all: [TableLine] { (0..<count).map { self[$0] } }
}
