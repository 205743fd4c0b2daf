/// A text file's lines as byte ranges: a leading UTF-8 BOM skipped, CRLF and LF both ending a
/// line. The line formats (MEDLINE, RIS) are read this way, without one String per line.
struct TextLines {
    let bytes: [UInt8]
    /// Each line's range, without its line end.
    let ranges: [Range<Int>]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A {
                let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
                ranges.append(start..<end)
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            let end = bytes[bytes.count - 1] == 0x0D ? bytes.count - 1 : bytes.count
            ranges.append(start..<end)
        }
        self.ranges = ranges
    }

    /// Whether a line is empty or only spaces and tabs.
    func isBlank(_ line: Int) -> Bool {
        bytes[ranges[line]].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// A line's bytes from an offset, as text (invalid UTF-8 replaced, which the reader reports first).
    func text(_ line: Int, from offset: Int = 0) -> String {
        let range = ranges[line]
        let start = min(range.upperBound, range.lowerBound + offset)
        return String(decoding: bytes[start..<range.upperBound], as: UTF8.self)
    }

    /// The bytes of a line.
    subscript(line: Int) -> ArraySlice<UInt8> { bytes[ranges[line]] }
}
