#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an index was built from: each data file's path, size, modification time and content
/// hash, in load order. An index is used only while the files read now have the same sizes and
/// hashes; the times are kept to say what changed.
public struct DataFingerprint: Sendable, Equatable {
    /// One data file as read.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var size: UInt64
        /// Modification time in nanoseconds since 1970.
        public var modified: Int64
        public var hash: UInt64

        /// The entry for a file's bytes as just read from `file.name`.
        public init(_ file: DataFile) {
            path = file.name
            size = UInt64(file.bytes.count)
            hash = ContentHash.of(file.bytes)
            var info = stat()
            modified = stat(file.name, &info) == 0 ? Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) : 0
        }

        init(path: String, size: UInt64, modified: Int64, hash: UInt64) {
            self.path = path
            self.size = size
            self.modified = modified
            self.hash = hash
        }
    }

    public var files: [Entry]

    /// A fingerprint of files in load order.
    public init(files: [Entry]) {
        self.files = files
    }

    /// Whether the content is the same (paths, sizes and hashes; times may differ after a copy).
    public func sameContent(as other: DataFingerprint) -> Bool {
        files.count == other.files.count && zip(files, other.files).allSatisfy { $0.path == $1.path && $0.size == $1.size && $0.hash == $1.hash }
    }

    /// What changed from this fingerprint to a newer one, in a few words; nil when nothing did.
    public func change(to newer: DataFingerprint) -> String? {
        for entry in newer.files {
            guard let old = files.first(where: { $0.path == entry.path }) else { return "\(entry.path) is new" }
            if old.size != entry.size || old.hash != entry.hash { return "\(entry.path) changed" }
        }
        if let gone = files.first(where: { entry in !newer.files.contains { $0.path == entry.path } }) { return "\(gone.path) is no longer read" }
        return sameContent(as: newer) ? nil : "the files are read in another order"
    }

    /// Writes the fingerprint into an index section.
    public func encode(into writer: inout BinaryWriter) {
        writer.write(UInt32(files.count))
        for file in files {
            writer.write(string: file.path)
            writer.write(file.size)
            writer.write(file.modified)
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
            files.append(Entry(path: path, size: try reader.read(UInt64.self), modified: try reader.read(Int64.self), hash: try reader.read(UInt64.self)))
        }
        self.files = files
    }
}
