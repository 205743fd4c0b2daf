import StudyCore

/// An in-memory screen of cells that views draw into and backends copy to a terminal.
///
/// Writing never goes outside the buffer; text is made inert and cut with an ellipsis to fit.
public struct ScreenBuffer: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    /// A blank screen.
    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    /// The cell at a column and row (blank outside the screen).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Paints a rectangle's background with a role.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, role: Role) {
        for row in max(0, y)..<min(size.height, y + height) where row >= 0 {
            for column in max(0, x)..<max(max(0, x), min(size.width, x + width)) {
                cells[row * size.width + column] = Cell(text: " ", role: role)
            }
        }
    }

    /// Writes text at (x, y) within `width` columns (default: to the right edge), cutting it
    /// with `ellipsis` when it does not fit. Returns the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width: Int? = nil, role: Role,
                               ellipsis: String = "…") -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let start = max(0, x)
        let limit = min(width.map { x + $0 } ?? size.width, size.width)
        let room = limit - start
        guard room > 0 else { return 0 }
        let fitted = DisplayWidth.truncate(InertText.make(text), to: room, ellipsis: ellipsis)
        var column = start
        for character in fitted {
            let columns = DisplayWidth.of(character)
            guard columns > 0 else { continue }
            if column + columns > limit { break }
            cells[y * size.width + column] = Cell(text: String(character), role: role)
            if columns == 2 { cells[y * size.width + column + 1] = Cell(text: "", role: role) }
            column += columns
        }
        return column - start
    }

    /// Sets the role of `width` cells from (x, y) without changing their text.
    public mutating func setRole(_ role: Role, x: Int, y: Int, width: Int) {
        guard y >= 0, y < size.height else { return }
        for column in max(0, x)..<max(max(0, x), min(size.width, x + width)) {
            cells[y * size.width + column].role = role
        }
    }

    /// A row as runs of equal role, for backends: (column, text, role).
    public func runs(row y: Int) -> [(x: Int, text: String, role: Role)] {
        var runs: [(x: Int, text: String, role: Role)] = []
        for x in 0..<size.width {
            let cell = self[x, y]
            if let last = runs.last, last.role == cell.role {
                runs[runs.count - 1].text += cell.text
            } else {
                runs.append((x, cell.text, cell.role))
            }
        }
        return runs
    }

    /// The text of one row (wide graphemes once), exactly `size.width` columns wide.
    public func rowText(_ y: Int) -> String {
        (0..<size.width).map { self[$0, y].text }.joined()
    }

    /// The golden-file form: `# WxH`, then each row between bars so trailing spaces survive.
    public var goldenText: String {
        (["# \(size)"] + (0..<size.height).map { "|" + rowText($0) + "|" }).joined(separator: "\n") + "\n"
    }
}
