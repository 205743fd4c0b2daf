/// What an index was built from: each data file's path, size, times, inode and content hash,
/// in load order.
///
/// A file counts as unchanged when its size, modification and change times and inode are as
/// recorded (the change time cannot be set back by a user, so any write shows), or else when
/// its content hashes the same. A file written within two seconds of being indexed is
/// recorded without times ("racy", as git calls it), so it is always hashed: a write in the
/// same clock tick as the read could otherwise go unseen.
public struct DataFingerprint: Sendable, Equatable {
    /// One data file as read.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var size: UInt64
        /// Modification time in nanoseconds since 1970; 0 when it cannot be relied on.
        public var modified: Int64
        /// Status change time in nanoseconds since 1970.
        public var changed: Int64
        public var inode: UInt64
        public var hash: UInt64

        /// The entry for a file's bytes as just read from `file.name`, with its status from
        /// before the read (taken now when the file carries none).
        public init(_ file: DataFile) {
            path = file.name
            size = UInt64(file.bytes.count)
            hash = ContentHash.of(file.bytes)
            guard let status = file.status ?? FileStatus(path: file.name) else {
                (modified, changed, inode) = (0, 0, 0)
                return
            }
            // Racy: written within two seconds before the read began, when a later write in
            // the same clock tick would leave the times as they are.
            let racy = max(status.modified ?? .max, status.changed ?? .max) > status.taken &- 2_000_000_000
            modified = racy || status.size != size ? 0 : status.modified ?? 0
            changed = status.changed ?? 0
            inode = status.inode
        }

        init(path: String, size: UInt64, modified: Int64, changed: Int64, inode: UInt64, hash: UInt64) {
            self.path = path
            self.size = size
            self.modified = modified
            self.changed = changed
            self.inode = inode
            self.hash = hash
        }

        /// Whether the file on disk is as recorded, by its status alone; false when unsure.
        public var unchangedOnDisk: Bool {
            guard modified != 0, let now = FileStatus(path: path) else { return false }
            return now.size == size && now.modified == modified && now.changed == changed && now.inode == inode
        }
    }

    public var files: [Entry]

    /// A fingerprint of files in load order.
    public init(files: [Entry]) {
        self.files = files
    }

    /// Writes the fingerprint into an index section.
    public func encode(into writer: inout BinaryWriter) {
        writer.write(UInt32(files.count))
        for file in files {
            writer.write(string: file.path)
            writer.write(file.size)
            writer.write(file.modified)
            writer.write(file.changed)
            writer.write(file.inode)
            writer.write(file.hash)
        }
    }

    /// Reads what `encode` wrote.
    public init(decoding reader: inout BinaryReader) throws(IndexFileError) {
        let count = try reader.read(UInt32.self)
        guard count <= 100_000 else { throw .damaged("the fingerprint lists \(count) files") }
        var files: [Entry] = []
        for _ in 0..<count {
            let path = try reader.readString()
            let size = try reader.read(UInt64.self), modified = try reader.read(Int64.self), changed = try reader.read(Int64.self)
            files.append(Entry(path: path, size: size, modified: modified, changed: changed, inode: try reader.read(UInt64.self), hash: try reader.read(UInt64.self)))
        }
        self.files = files
    }
}
