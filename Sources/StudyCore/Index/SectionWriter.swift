/// Builds an index section as parts: small values are gathered in a writer, and arrays of a
/// mebibyte or more become parts of their own (`SectionPart`), not copied. The bytes are those
/// one `BinaryWriter` would write, aligned arrays included: padding counts from the section's start.
public struct SectionWriter {
    /// Arrays at least this long (in bytes) are parts of their own.
    static let ownPart = 1 << 20
    private var parts: [SectionPart] = []
    /// Bytes in `parts`.
    private var flushed = 0
    /// What has been written since the last part of its own.
    private var tail = BinaryWriter()

    /// An empty section.
    public init() {}

    /// Appends an integer, little-endian.
    public mutating func write<Value: FixedWidthInteger>(_ value: Value) { tail.write(value) }

    /// Appends a string's UTF-8 after its count.
    public mutating func write(string: String) { tail.write(string: string) }

    /// Appends an array after its count, as `BinaryWriter.write(array:)` does.
    public mutating func write<Value: BitwiseCopyable & Sendable>(array: [Value]) {
        guard array.count * MemoryLayout<Value>.stride >= Self.ownPart else { return tail.write(array: array) }
        tail.write(UInt64(array.count))
        append(SectionPart(array))
    }

    /// Appends an array after its count, its values at a multiple of 8 bytes from the section's
    /// start, as `BinaryWriter.write(alignedArray:)` does.
    public mutating func write<Value: BitwiseCopyable & Sendable>(alignedArray array: [Value]) {
        write(alignedArray: MappedArray(array))
    }

    /// Appends values that may lie in an index's mapping, aligned as `write(alignedArray:)` does.
    public mutating func write<Value>(alignedArray values: MappedArray<Value>) {
        guard values.count * MemoryLayout<Value>.stride >= Self.ownPart else { return tail.write(alignedArray: values.values) }
        tail.write(UInt64(values.count))
        tail.pad(toMultipleOf: 8)
        append(SectionPart(values))
    }

    /// The section's parts, in order.
    public mutating func finish() -> [SectionPart] {
        closeTail()
        return parts
    }

    /// Closes the tail as a part, then adds `part`.
    private mutating func append(_ part: SectionPart) {
        closeTail()
        parts.append(part)
        flushed += part.count
        tail = BinaryWriter(origin: flushed)
    }

    /// Makes what the tail holds a part; the next tail starts where it ends.
    private mutating func closeTail() {
        guard !tail.bytes.isEmpty else { return }
        parts.append(SectionPart(tail.bytes))
        flushed += tail.bytes.count
        tail = BinaryWriter(origin: flushed)
    }
}
