#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The container of a derived index: a header, a table of sections and the sections, each with
/// its own checksum. What the sections hold is up to the catalog; this type only guarantees
/// that what it hands out is exactly what was written, by this format version.
///
/// Layout (little-endian): "SBINDEX\n", format version (u32), section count (u32), file length
/// (u64), checksum of the header and table (u64); then per section its tag (u32), 4 spare bytes,
/// offset (u64), length (u64) and checksum (u64); then the sections, each 8-byte aligned.
public struct IndexFile: Sendable {
    /// Bumped whenever what any section holds or means changes; another version is rebuilt.
    public static let formatVersion: UInt32 = 6
    static let magic = Array("SBINDEX\n".utf8)
    static let headerSize = 32
    static let entrySize = 32

    /// The mapping, which arrays read in place keep alive (`BinaryReader.readMappedArray`).
    public let mapping: MappedFile
    private let sections: [UInt32: Range<Int>]

    /// Opens and checks an index: length, version, and every section's checksum.
    public init(path: String) throws(IndexFileError) {
        let file = try MappedFile(path: path)
        let bytes = file.bytes
        guard Array(bytes.prefix(8)) == Array(Self.magic.prefix(bytes.count)) else { throw .unreadable("not a study-browser index") }
        guard bytes.count >= Self.headerSize else { throw .truncated(expected: Self.headerSize, found: bytes.count) }
        var header = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[8..<Self.headerSize]))
        let version = try header.read(UInt32.self)
        guard version == Self.formatVersion else { throw .otherVersion(version) }
        let count = Int(try header.read(UInt32.self))
        let length = try header.read(UInt64.self)
        let checksum = try header.read(UInt64.self)
        guard length == UInt64(bytes.count) else { throw .truncated(expected: Int(clamping: length), found: bytes.count) }
        let tableEnd = Self.headerSize + count * Self.entrySize
        guard count < 1_000, tableEnd <= bytes.count else { throw .damaged("the section table") }
        guard Self.tableChecksum(bytes, tableEnd: tableEnd) == checksum else { throw .damaged("the header checksum") }
        var table = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize..<tableEnd]))
        var entries: [(tag: UInt32, range: Range<Int>, checksum: UInt64)] = []
        for _ in 0..<count {
            let tag = try table.read(UInt32.self)
            _ = try table.read(UInt32.self)
            let offset = try table.read(UInt64.self), size = try table.read(UInt64.self), sum = try table.read(UInt64.self)
            guard offset >= UInt64(tableEnd), offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else {
                throw .damaged("section \(tag) lies outside the file")
            }
            entries.append((tag, Int(offset)..<Int(offset + size), sum))
        }
        // Every section is checked before anything is trusted, on both cores.
        let ranges = entries.map(\.range)
        // Pages are let go of as they are checked: a warm start then holds only what it reads.
        let sums = Parallel.map(ranges.count) { index in
            let range = ranges[index]
            return ContentHash.of(UnsafeRawBufferPointer(rebasing: file.bytes[range]), window: 1 << 22) { window in
                file.release((range.lowerBound + window.lowerBound)..<(range.lowerBound + window.upperBound))
            }
        }
        var sections: [UInt32: Range<Int>] = [:]
        for (index, entry) in entries.enumerated() {
            guard sums[index] == entry.checksum else { throw .damaged("the checksum of section \(entry.tag)") }
            sections[entry.tag] = entry.range
        }
        mapping = file
        self.sections = sections
    }

    /// A section's bytes, valid while this index lives.
    public func section(_ tag: UInt32) throws(IndexFileError) -> UnsafeRawBufferPointer {
        guard let range = sections[tag] else { throw .damaged("section \(tag) is missing") }
        return UnsafeRawBufferPointer(rebasing: mapping.bytes[range])
    }

    /// Reads a section with a reader that must consume it exactly.
    public func read<Value>(_ tag: UInt32, _ body: (inout BinaryReader) throws(IndexFileError) -> Value) throws(IndexFileError) -> Value {
        var reader = BinaryReader(try section(tag))
        let value = try body(&reader)
        guard reader.isAtEnd else { throw .damaged("section \(tag) has bytes left over") }
        return value
    }

    /// The bytes of an index holding these sections.
    public static func bytes(sections: [(tag: UInt32, bytes: [UInt8])]) -> [UInt8] {
        var entries: [(tag: UInt32, offset: Int, size: Int, checksum: UInt64)] = []
        var out = [UInt8](repeating: 0, count: headerSize + sections.count * entrySize)
        for section in sections {
            while out.count % 8 != 0 { out.append(0) }
            entries.append((section.tag, out.count, section.bytes.count, ContentHash.of(section.bytes)))
            out += section.bytes
        }
        let header = Self.header(entries: entries, length: out.count)
        out.replaceSubrange(0..<header.count, with: header)
        return out
    }

    /// Writes an index holding these sections, each given in parts, to `descriptor` from its
    /// start, never holding the whole file in memory (at 1,000,000 studies it is 2 GB); nil, or
    /// the `errno` that stopped it (`ECANCELED` when `proceed`, asked before each part, says no).
    public static func write(sections: [(tag: UInt32, parts: [SectionPart])], to descriptor: Int32,
                             proceed: () -> Bool = { true }) -> Int32? {
        var writer = Writer(descriptor: descriptor, sectionCount: sections.count)
        for section in sections {
            writer.begin(section.tag)
            for part in section.parts {
                guard proceed() else { return ECANCELED }
                var failure: Int32?
                part.withUnsafeBytes { failure = writer.append($0) }
                if let failure { return failure }
            }
        }
        return writer.finish()
    }

    /// Writes an index to a descriptor one section after another, each as soon as it is ready
    /// (a section may be written by one thread while the next is still being worked out by
    /// another), hashing the bytes as they go; the header and table, which name every section's
    /// place and checksum, are written over the space kept for them at the start, last.
    public struct Writer: Sendable {
        private let descriptor: Int32
        private let sectionCount: Int
        /// Where the next byte goes.
        private var position: Int
        private var entries: [(tag: UInt32, offset: Int, size: Int, checksum: UInt64)] = []
        /// The section being written: its tag, where it starts and the hash of its bytes so far.
        private var current: (tag: UInt32, start: Int, hasher: ContentHash.Hasher)?
        /// The `errno` of the first failed write, after which nothing more is written.
        public private(set) var failure: Int32?

        /// A writer for an index of `sectionCount` sections, to `descriptor` (an empty file).
        public init(descriptor: Int32, sectionCount: Int) {
            self.descriptor = descriptor
            self.sectionCount = sectionCount
            position = IndexFile.headerSize + sectionCount * IndexFile.entrySize
            // The header's place: zeros until it is written, so a file left short reads as no index.
            failure = [UInt8](repeating: 0, count: position).withUnsafeBytes { DescriptorWriter.writeAll(descriptor, $0) }
        }

        /// Starts a section (ending the one before), at a multiple of 8 bytes from the file's start.
        public mutating func begin(_ tag: UInt32) {
            end()
            let padding = (8 - position % 8) % 8
            if padding > 0 { write([UInt8](repeating: 0, count: padding)) }
            current = (tag, position, ContentHash.Hasher())
        }

        /// Appends bytes to the section begun last; nil, or the `errno` of the first failure.
        @discardableResult
        public mutating func append(_ bytes: UnsafeRawBufferPointer) -> Int32? {
            current?.hasher.add(bytes)
            if failure == nil { failure = DescriptorWriter.writeAll(descriptor, bytes) }
            position += bytes.count
            return failure
        }

        /// Appends bytes to the section begun last.
        @discardableResult
        public mutating func append(_ bytes: [UInt8]) -> Int32? { bytes.withUnsafeBytes { append($0) } }

        /// Ends the last section and writes the header and table over their place; nil when every
        /// section was begun and every byte written, else the `errno` that stopped it.
        public mutating func finish() -> Int32? {
            end()
            guard failure == nil else { return failure }
            guard entries.count == sectionCount else { return EINVAL }
            let header = IndexFile.header(entries: entries, length: position)
            var written = 0
            while written < header.count {
                let count = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress.map { $0 + written }, header.count - written, off_t(written)) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }

        private mutating func end() {
            guard let section = current else { return }
            entries.append((section.tag, section.start, position - section.start, section.hasher.finish()))
            current = nil
        }

        private mutating func write(_ bytes: [UInt8]) {
            if failure == nil { failure = bytes.withUnsafeBytes { DescriptorWriter.writeAll(descriptor, $0) } }
            position += bytes.count
        }
    }

    /// The header and section table of a file `length` bytes long holding these sections.
    static func header(entries: [(tag: UInt32, offset: Int, size: Int, checksum: UInt64)], length: Int) -> [UInt8] {
        let tableEnd = headerSize + entries.count * entrySize
        var fields = BinaryWriter()
        fields.write(formatVersion)
        fields.write(UInt32(entries.count))
        fields.write(UInt64(length))
        fields.write(UInt64(0))
        var header = magic + fields.bytes
        var table = BinaryWriter()
        for entry in entries {
            table.write(entry.tag)
            table.write(UInt32(0))
            table.write(UInt64(entry.offset))
            table.write(UInt64(entry.size))
            table.write(entry.checksum)
        }
        header += table.bytes
        let checksum = header.withUnsafeBytes { tableChecksum($0, tableEnd: tableEnd) }
        var sum = BinaryWriter()
        sum.write(checksum)
        header.replaceSubrange(24..<32, with: sum.bytes)
        return header
    }

    /// The checksum of the header (without the checksum itself) and the section table.
    private static func tableChecksum(_ bytes: UnsafeRawBufferPointer, tableEnd: Int) -> UInt64 {
        var copy = Array(bytes[0..<tableEnd])
        copy.replaceSubrange(24..<32, with: repeatElement(0, count: 8))
        return ContentHash.of(copy)
    }
}
