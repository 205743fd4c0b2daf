/// An array of fixed-size values that is either an ordinary array or read in place from a
/// derived index, whose mapping it keeps alive: a warm start then copies nothing, and only the
/// pages a query touches count as the process's memory.
public struct MappedArray<Element: BitwiseCopyable & Sendable>: RandomAccessCollection, @unchecked Sendable {
    // Unchecked: a mapped buffer points into a read-only mapping that `owner` keeps alive.
    private let array: [Element]
    private let mapped: UnsafeBufferPointer<Element>?
    private let owner: MappedFile?

    /// An ordinary array.
    public init(_ array: [Element]) {
        self.array = array
        mapped = nil
        owner = nil
    }

    /// Values in place in `owner`'s mapping.
    init(mapped: UnsafeBufferPointer<Element>, owner: MappedFile) {
        array = []
        self.mapped = mapped
        self.owner = owner
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { mapped?.count ?? array.count }
    public subscript(position: Int) -> Element {
        guard let mapped else { return array[position] }
        // An unsafe buffer checks bounds only in debug builds; a mapped array checks them always, as an array does.
        precondition(position >= 0 && position < mapped.count, "MappedArray index out of range")
        return mapped[position]
    }

    /// Runs `body` with the values as a buffer, valid only inside it.
    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        if let mapped { return try body(mapped) }
        return try array.withUnsafeBufferPointer(body)
    }

    /// The values as an ordinary array (a copy when mapped).
    public var values: [Element] { mapped.map(Array.init) ?? array }
}
