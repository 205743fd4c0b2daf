/// Builds the bytes of an index section: little-endian integers and doubles, and counted arrays.
public struct BinaryWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

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

    /// Appends bytes after their count.
    public mutating func write(bytes more: [UInt8]) {
        write(UInt64(more.count))
        bytes.append(contentsOf: more)
    }

    /// Appends a string's UTF-8 after its count.
    public mutating func write(string: String) { write(bytes: Array(string.utf8)) }
}
