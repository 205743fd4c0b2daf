/// A data file's display name and bytes, however it was obtained (disk or embedded).
public struct DataFile: Sendable {
    /// The name used in messages (a path, or `Data/x.json (bundled)`).
    public var name: String
    public var bytes: [UInt8]
    /// The file's status as it was when reading began; nil for bundled data.
    public var status: FileStatus?

    /// Creates a data file.
    public init(name: String, bytes: [UInt8], status: FileStatus? = nil) {
        self.name = name
        self.bytes = bytes
        self.status = status
    }
}
