import StudyCore

/// An in-memory screen of cells that views draw into and backends copy to a terminal.
///
/// Writing never goes outside the buffer; text is made inert and cut with an ellipsis to fit.
/// Each cell holds one column cluster (`DisplayWidth.Clusters`), measured as the C library's
/// `wcwidth` measures it, so ncurses puts every cluster in the column the buffer gives it.
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
                put(Cell(text: " ", role: role), x: column, y: row)
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
        for cluster in DisplayWidth.Clusters(fitted) {
            if column + cluster.width > limit { break }
            put(Cell(text: cluster.text, role: role), x: column, y: y)
            if cluster.width == 2 { put(Cell(text: "", role: role), x: column + 1, y: y) }
            column += cluster.width
        }
        return column - start
    }

    /// Stores a cell, first blanking the other half of any wide cluster it overwrites, so a
    /// row never holds half a wide character (which would make it a column too wide or narrow).
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let index = y * size.width + x
        let old = cells[index]
        if old.text.isEmpty, !cell.text.isEmpty, x > 0 {
            // Overwriting the right half: the left half loses its partner.
            if Self.isWide(cells[index - 1].text) {
                cells[index - 1] = Cell(text: " ", role: cells[index - 1].role)
            }
        }
        if Self.isWide(old.text), x + 1 < size.width, cells[index + 1].text.isEmpty {
            // Overwriting the left half: its continuation becomes a plain space.
            cells[index + 1] = Cell(text: " ", role: cells[index + 1].role)
        }
        cells[index] = cell
    }

    /// Whether a cell's cluster takes two columns: its base does. Every two-column scalar needs
    /// 3 UTF-8 bytes or more, which skips the width lookup for the common ASCII cell.
    static func isWide(_ text: String) -> Bool {
        guard text.utf8.count >= 3, let base = text.unicodeScalars.first else { return false }
        return DisplayWidth.of(base) == 2
    }

    /// The columns a cell's text takes if it is exactly one column cluster (a base one or two
    /// columns wide, then at most `DisplayWidth.combiningPerCell` zero-width scalars), else nil.
    static func clusterWidth(_ text: String) -> Int? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return nil }
        let width = DisplayWidth.of(base)
        guard width >= 1 else { return nil }
        var marks = 0
        while let scalar = scalars.next() {
            guard DisplayWidth.of(scalar) == 0, marks < DisplayWidth.combiningPerCell else { return nil }
            marks += 1
        }
        return width
    }

    /// Where the cells break the one-cluster-per-column rule, or nil: every cell holds one column
    /// cluster, and each two-column one is followed by exactly one empty continuation cell.
    public func layoutViolation() -> String? {
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                let text = cells[y * size.width + x].text
                if text.isEmpty { return "row \(y), column \(x): a continuation cell without a wide cluster" }
                guard let width = Self.clusterWidth(text) else {
                    return "row \(y), column \(x): \(text.unicodeScalars.map { String($0.value, radix: 16) }) is not one column cluster"
                }
                if width == 2 {
                    guard x + 1 < size.width, cells[y * size.width + x + 1].text.isEmpty else {
                        return "row \(y), column \(x): a wide cluster without its continuation cell"
                    }
                }
                x += width
            }
        }
        return nil
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

    /// The text of one row (wide clusters once), exactly `size.width` columns wide.
    public func rowText(_ y: Int) -> String {
        (0..<size.width).map { self[$0, y].text }.joined()
    }

    /// The golden-file form: `# WxH`, each row between bars so trailing spaces survive, then each
    /// row's roles, one letter per cell (the key under `# roles`), so a role regression fails too.
    public var goldenText: String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let key = Role.allCases.enumerated().map { "\(letters[$0.offset])=\($0.element.rawValue)" }.joined(separator: " ")
        let roles = (0..<size.height).map { y in
            "|" + String((0..<size.width).map { x in letters[Role.allCases.firstIndex(of: self[x, y].role) ?? 0] }) + "|"
        }
        return (["# \(size)"] + (0..<size.height).map { "|" + rowText($0) + "|" } + ["# roles: " + key] + roles)
            .joined(separator: "\n") + "\n"
    }
}
