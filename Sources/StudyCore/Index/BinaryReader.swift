/// Reads what `BinaryWriter` wrote, refusing to read past the end: a damaged index section
/// becomes an error, never a crash or a wild read.
public struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    /// A reader over bytes that must outlive it.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The next integer.
    public mutating func read<Value: FixedWidthInteger>(_: Value.Type = Value.self) throws(IndexFileError) -> Value {
        let size = MemoryLayout<Value>.size
        guard let base = bytes.baseAddress, bytes.count - offset >= size else { throw .damaged("a section ends early") }
        defer { offset += size }
        return Value(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Value.self))
    }

    /// The next double.
    public mutating func readDouble() throws(IndexFileError) -> Double { Double(bitPattern: try read(UInt64.self)) }

    /// The next counted array of integers or doubles.
    public mutating func readArray<Value: BitwiseCopyable>(of _: Value.Type) throws(IndexFileError) -> [Value] {
        let count = try read(UInt64.self)
        let stride = MemoryLayout<Value>.stride
        guard count <= UInt64(bytes.count - offset) / UInt64(max(1, stride)) else { throw .damaged("an array runs past its section") }
        let length = Int(count) * stride
        guard let base = bytes.baseAddress else { return [] }
        let source = base + offset
        offset += length
        return [Value](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            if length > 0, let target = buffer.baseAddress { UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: length) }
            initialized = Int(count)
        }
    }

    /// The next array written by `write(alignedArray:)`: in place in `owner`'s mapping when
    /// given (and the values are aligned there), else copied.
    public mutating func readMappedArray<Value: BitwiseCopyable & Sendable>(of _: Value.Type, owner: MappedFile?) throws(IndexFileError) -> MappedArray<Value> {
        let count = try read(UInt64.self)
        let padding = (8 - offset % 8) % 8
        guard padding <= bytes.count - offset else { throw .damaged("an array runs past its section") }
        offset += padding
        let stride = MemoryLayout<Value>.stride
        guard count <= UInt64(bytes.count - offset) / UInt64(max(1, stride)) else { throw .damaged("an array runs past its section") }
        let length = Int(count) * stride
        guard let base = bytes.baseAddress else { return MappedArray([]) }
        let source = base + offset
        offset += length
        if let owner, Int(bitPattern: source) % MemoryLayout<Value>.alignment == 0 {
            return MappedArray(mapped: UnsafeBufferPointer(start: source.bindMemory(to: Value.self, capacity: Int(count)), count: Int(count)), owner: owner)
        }
        return MappedArray([Value](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            if length > 0, let target = buffer.baseAddress { UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: length) }
            initialized = Int(count)
        })
    }

    /// The next counted bytes in place, without a copy: valid while the section's bytes are.
    public mutating func readBytesInPlace() throws(IndexFileError) -> UnsafeRawBufferPointer {
        let count = try read(UInt64.self)
        guard count <= UInt64(bytes.count - offset) else { throw .damaged("bytes run past their section") }
        guard let base = bytes.baseAddress else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        defer { offset += Int(count) }
        return UnsafeRawBufferPointer(start: base + offset, count: Int(count))
    }

    /// The next counted bytes.
    public mutating func readBytes() throws(IndexFileError) -> [UInt8] { try readArray(of: UInt8.self) }

    /// The next counted string, which must be UTF-8.
    public mutating func readString() throws(IndexFileError) -> String {
        let utf8 = try readBytes()
        guard let text = String(validating: utf8, as: UTF8.self) else { throw .damaged("a text is not UTF-8") }
        return text
    }

    /// The next counted text, made straight from the section's bytes (checked as UTF-8 when
    /// written, and covered by the section's checksum since).
    public mutating func readText() throws(IndexFileError) -> String {
        let count = Int(try read(UInt32.self))
        guard count <= bytes.count - offset, let base = bytes.baseAddress else {
            if count == 0 { return "" }
            throw .damaged("a text runs past its section")
        }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(start: base + offset, count: count), as: UTF8.self)
    }

    /// The next text or nil (written by `BinaryWriter.write(optional:)`).
    public mutating func readOptionalText() throws(IndexFileError) -> String? {
        try read(UInt8.self) == 0 ? nil : try readText()
    }

    /// The next integer or nil.
    public mutating func readOptionalInt() throws(IndexFileError) -> Int? {
        try read(UInt8.self) == 0 ? nil : Int(try read(Int64.self))
    }

    /// The next double or nil.
    public mutating func readOptionalDouble() throws(IndexFileError) -> Double? {
        try read(UInt8.self) == 0 ? nil : try readDouble()
    }

    /// The next true, false or nil.
    public mutating func readOptionalBool() throws(IndexFileError) -> Bool? {
        switch try read(UInt8.self) {
        case 0: nil
        case 1: false
        default: true
        }
    }

    /// The next case of an enumeration, by its position in `all`.
    public mutating func readCase<Value>(_ all: [Value]) throws(IndexFileError) -> Value {
        let index = Int(try read(UInt8.self))
        guard index < all.count else { throw .damaged("an unknown case") }
        return all[index]
    }

    /// The next case or nil.
    public mutating func readOptionalCase<Value>(_ all: [Value]) throws(IndexFileError) -> Value? {
        let index = Int(try read(UInt8.self))
        guard index > 0 else { return nil }
        guard index <= all.count else { throw .damaged("an unknown case") }
        return all[index - 1]
    }

    /// A count of records that follow, bounded by the bytes left (each takes at least one).
    public mutating func readCount() throws(IndexFileError) -> Int {
        let count = Int(try read(UInt32.self))
        guard count <= bytes.count - offset else { throw .damaged("a list runs past its section") }
        return count
    }
}
