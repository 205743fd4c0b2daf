/// Why a byte sequence is not the JSON this program accepts, and where (1-based line and column).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words.
    public let message: String
    /// 1-based line of the offending byte.
    public let line: Int
    /// 1-based column, in characters, of the offending byte.
    public let column: Int

    public var description: String { "\(line):\(column): \(message)" }
}
