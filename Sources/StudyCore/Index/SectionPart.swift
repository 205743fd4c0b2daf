/// One piece of an index section: the bytes of an array of fixed-width values, written from
/// where they lie. A section of hundreds of megabytes (the search texts, the grams) is then
/// never copied into one buffer on its way to the file: at 1,000,000 studies that copy was a
/// gigabyte of fresh memory, and fresh pages are what a first build spends most on here.
public struct SectionPart: Sendable {
    /// Its length in bytes.
    public let count: Int
    private let access: @Sendable (_ body: (UnsafeRawBufferPointer) -> Void) -> Void

    /// The bytes of an array, which the part keeps alive.
    public init<Element: BitwiseCopyable & Sendable>(_ values: [Element]) {
        count = values.count * MemoryLayout<Element>.stride
        access = { body in values.withUnsafeBytes { body($0) } }
    }

    /// The bytes of an array that may lie in an index's mapping, which the part keeps alive.
    public init<Element>(_ values: MappedArray<Element>) {
        count = values.count * MemoryLayout<Element>.stride
        access = { body in values.withUnsafeBufferPointer { body(UnsafeRawBufferPointer($0)) } }
    }

    /// Runs `body` with the bytes, valid only inside it.
    public func withUnsafeBytes(_ body: (UnsafeRawBufferPointer) -> Void) {
        access(body)
    }

    /// The bytes as an array (a copy).
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes { bytes = Array($0) }
        return bytes
    }
}
