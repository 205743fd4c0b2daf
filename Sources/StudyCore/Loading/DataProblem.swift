/// One problem found while loading data, located as precisely as possible.
///
/// Printed as `file:record:field: message`, or `file:line:column: message` for JSON syntax,
/// or `file: message` when it concerns the file as a whole.
public struct DataProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether the data could not be read at all, or was read and is wrong.
    public enum Kind: Sendable, Equatable {
        /// Missing, unreadable or not a data file: exit status 66 (EX_NOINPUT).
        case cannotOpen
        /// Read but malformed or inconsistent: exit status 65 (EX_DATAERR).
        case invalidData
    }

    public var kind: Kind
    public var file: String
    /// The record's id, or its position such as `studies[3]` when it has no usable id.
    public var record: String?
    /// The field path within the record, such as `sampleSize.arms[1].n`.
    public var field: String?
    /// 1-based line and column for JSON syntax errors.
    public var line: Int?
    public var column: Int?
    public var message: String

    /// Creates a problem.
    public init(kind: Kind = .invalidData, file: String, record: String? = nil, field: String? = nil,
                line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.record = record
        self.field = field
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        if let record { location += ":\(record)" }
        if let field { location += ":\(field)" }
        return "\(location): \(message)"
    }
}

extension Array where Element == DataProblem {
    /// The sysexits status for these problems: 0 when none, 66 if anything could not be opened, else 65.
    public var exitStatus: Int32 {
        if isEmpty { return 0 }
        return contains { $0.kind == .cannotOpen } ? 66 : 65
    }
}
