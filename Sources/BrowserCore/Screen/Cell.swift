/// One terminal cell: a column cluster (a character and its combining marks; empty for the
/// right half of a wide one) and its role.
public struct Cell: Sendable, Equatable {
    /// The cluster drawn here; "" when this cell continues a wide one to its left.
    public var text: String
    public var role: Role

    /// A blank cell.
    public static let blank = Cell(text: " ", role: .normal)

    /// Creates a cell.
    public init(text: String, role: Role) {
        self.text = text
        self.role = role
    }
}
