extension String {
    /// Whether every byte of the text is ASCII, tested over its UTF-8 in place (as native
    /// strings hold it) rather than through the generic UTF-8 view.
    public var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable(\.isAllASCII) ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether every byte is ASCII: one OR over the bytes, with no branch per byte.
    var isAllASCII: Bool {
        var high: UInt8 = 0
        for byte in self { high |= byte }
        return high < 0x80
    }
}
