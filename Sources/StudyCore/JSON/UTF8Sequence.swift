/// The length of one UTF-8 sequence as RFC 3629 allows it (no overlong forms, no surrogates,
/// nothing past U+10FFFF): shared by the JSON parser and the XML reader, which both check a whole
/// file up front so strings can later be made from byte ranges without repair.
enum UTF8Sequence {
    /// The length (2 to 4) of the multi-byte sequence starting at `offset`, or nil when the bytes
    /// there are not UTF-8. `base[offset]` must be 0x80 or above.
    static func length(at offset: Int, in base: UnsafePointer<UInt8>, count: Int) -> Int? {
        let length: Int
        var secondLow: UInt8 = 0x80, secondHigh: UInt8 = 0xBF
        switch base[offset] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard offset + length <= count else { return nil }
        let second = base[offset + 1]
        guard second >= secondLow && second <= secondHigh else { return nil }
        for continuation in 2..<length where base[offset + continuation] & 0xC0 != 0x80 { return nil }
        return length
    }
}
