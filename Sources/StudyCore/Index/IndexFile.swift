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
    public static let formatVersion: UInt32 = 5
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
        let layout = Layout(sections.map { ($0.tag, [SectionPart($0.bytes)]) })
        var out = [UInt8](repeating: 0, count: layout.length)
        out.replaceSubrange(0..<layout.header.count, with: layout.header)
        for (index, section) in sections.enumerated() {
            out.replaceSubrange(layout.offsets[index]..<(layout.offsets[index] + section.bytes.count), with: section.bytes)
        }
        return out
    }

    /// Writes an index holding these sections, each given in parts, to `descriptor` from its
    /// start, never holding the whole file in memory (at 1,000,000 studies it is 2 GB); nil, or
    /// the `errno` that stopped it (`ECANCELED` when `proceed`, asked before each part, says no).
    public static func write(sections: [(tag: UInt32, parts: [SectionPart])], to descriptor: Int32,
                             proceed: () -> Bool = { true }) -> Int32? {
        let layout = Layout(sections)
        if let failure = layout.header.withUnsafeBytes({ DescriptorWriter.writeAll(descriptor, $0) }) { return failure }
        var position = layout.header.count
        let zeros = [UInt8](repeating: 0, count: 8)
        for (index, section) in sections.enumerated() {
            let padding = layout.offsets[index] - position
            if padding > 0, let failure = zeros.withUnsafeBytes({ DescriptorWriter.writeAll(descriptor, UnsafeRawBufferPointer(rebasing: $0[0..<padding])) }) {
                return failure
            }
            position = layout.offsets[index]
            for part in section.parts {
                guard proceed() else { return ECANCELED }
                var failure: Int32?
                part.withUnsafeBytes { failure = DescriptorWriter.writeAll(descriptor, $0) }
                if let failure { return failure }
                position += part.count
            }
        }
        return nil
    }

    /// Where each section goes, and the header and table that say so (with every checksum).
    private struct Layout {
        let header: [UInt8]
        let offsets: [Int]
        let length: Int

        init(_ sections: [(tag: UInt32, parts: [SectionPart])]) {
            let tableEnd = IndexFile.headerSize + sections.count * IndexFile.entrySize
            var offsets: [Int] = []
            var position = tableEnd
            let sizes = sections.map { $0.parts.reduce(0) { $0 + $1.count } }
            for size in sizes {
                position = (position + 7) & ~7
                offsets.append(position)
                position += size
            }
            // The sections' checksums on every core: at 1,000,000 studies they read 2 GB.
            let sums = Parallel.map(sections.count) { index in ContentHash.of(parts: sections[index].parts) }
            var header = IndexFile.magic
            var fields = BinaryWriter()
            fields.write(IndexFile.formatVersion)
            fields.write(UInt32(sections.count))
            fields.write(UInt64(position))
            fields.write(UInt64(0))
            header += fields.bytes
            var table = BinaryWriter()
            for (index, section) in sections.enumerated() {
                table.write(section.tag)
                table.write(UInt32(0))
                table.write(UInt64(offsets[index]))
                table.write(UInt64(sizes[index]))
                table.write(sums[index])
            }
            header += table.bytes
            let checksum = header.withUnsafeBytes { IndexFile.tableChecksum($0, tableEnd: tableEnd) }
            var sum = BinaryWriter()
            sum.write(checksum)
            header.replaceSubrange(24..<32, with: sum.bytes)
            self.header = header
            self.offsets = offsets
            length = position
        }
    }

    /// The checksum of the header (without the checksum itself) and the section table.
    private static func tableChecksum(_ bytes: UnsafeRawBufferPointer, tableEnd: Int) -> UInt64 {
        var copy = Array(bytes[0..<tableEnd])
        copy.replaceSubrange(24..<32, with: repeatElement(0, count: 8))
        return ContentHash.of(copy)
    }
}
