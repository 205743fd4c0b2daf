/// Why an index file cannot be used. None of these is fatal: the index is rebuilt from the data.
public enum IndexFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Missing, unreadable or not an index at all.
    case unreadable(String)
    /// Shorter or longer than its header says.
    case truncated(expected: Int, found: Int)
    /// A checksum or a structure does not hold.
    case damaged(String)
    /// Written by another version of the format.
    case otherVersion(UInt32)

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot be read (\(reason))"
        case .truncated(let expected, let found): "is truncated (\(found) of \(expected) bytes)"
        case .damaged(let what): "is damaged (\(what))"
        case .otherVersion(let version): "was written by another version (format \(version), this one reads \(IndexFile.formatVersion))"
        }
    }
}
