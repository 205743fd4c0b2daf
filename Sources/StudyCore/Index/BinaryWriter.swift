/// Builds the bytes of an index section: little-endian integers and doubles, and counted arrays.
public struct BinaryWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// Where these bytes start in their section, for the padding of aligned arrays.
    private let origin: Int

    /// An empty writer, for bytes that start `origin` bytes into their section.
    public init(origin: Int = 0) {
        self.origin = origin
    }

    /// Makes room for `count` more bytes at once: a section of hundreds of megabytes is then
    /// written without being copied at every doubling.
    public mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// Forgets the bytes written, keeping their memory for the next ones (a writer used again
    /// for one stretch of a section after another; padding then counts from the new start).
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends an integer, little-endian.
    public mutating func write<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a double's bits.
    public mutating func write(_ value: Double) { write(value.bitPattern) }

    /// Appends an array of integers or doubles after its count.
    public mutating func write<Value: BitwiseCopyable>(array: [Value]) {
        write(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Appends an array after its count, its values starting at a multiple of 8 bytes from the
    /// section's start, so a reader can use them in place (`BinaryReader.readMappedArray`).
    public mutating func write<Value: BitwiseCopyable>(alignedArray array: [Value]) {
        write(UInt64(array.count))
        pad(toMultipleOf: 8)
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Appends zeros until the section's length is a multiple of `alignment`.
    mutating func pad(toMultipleOf alignment: Int) {
        while (origin + bytes.count) % alignment != 0 { bytes.append(0) }
    }

    /// Appends bytes after their count.
    public mutating func write(bytes more: [UInt8]) {
        write(UInt64(more.count))
        bytes.append(contentsOf: more)
    }

    /// Appends a string's UTF-8 after its count.
    public mutating func write(string: String) { write(bytes: Array(string.utf8)) }

    /// Appends a text as `BinaryReader.readText` reads it.
    public mutating func write(text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends a text or nil.
    public mutating func write(optional text: String?) {
        guard let text else { return write(UInt8(0)) }
        write(UInt8(1))
        write(text: text)
    }

    /// Appends an integer or nil.
    public mutating func write(optional value: Int?) {
        guard let value else { return write(UInt8(0)) }
        write(UInt8(1))
        write(Int64(value))
    }

    /// Appends a double or nil.
    public mutating func write(optional value: Double?) {
        guard let value else { return write(UInt8(0)) }
        write(UInt8(1))
        write(value)
    }

    /// Appends true, false or nil.
    public mutating func write(optional value: Bool?) {
        write(UInt8(value.map { $0 ? 2 : 1 } ?? 0))
    }

    /// Appends a case of an enumeration by its position in `all`.
    public mutating func write<Value: Equatable>(case value: Value, in all: [Value]) {
        write(UInt8(all.firstIndex(of: value) ?? 0))
    }

    /// Appends a case or nil.
    public mutating func write<Value: Equatable>(optionalCase value: Value?, in all: [Value]) {
        write(UInt8(value.flatMap { all.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
    }

    /// Appends a count of records that follow.
    public mutating func write(count: Int) { write(UInt32(count)) }
}
