/// Why a query cannot be used, and where: `column` is 1-based, in characters.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let column: Int

    /// Creates an error at a column.
    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "column \(column): \(message)" }
}
