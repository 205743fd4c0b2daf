#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Folded text kept as UTF-8 bytes, with parts separated by U+001F, searched with `memmem`.
///
/// Every keystroke in the filter searches every study of the tab: byte search over one
/// contiguous buffer is what keeps that within a frame at 100,000 studies.
public struct FoldedText: Sendable {
    /// The unit separator between parts, so a phrase never matches across two fields.
    static let separator: UInt8 = 0x1F

    /// The folded text; a slice, so many studies' texts can share one buffer (`SearchIndex`).
    let bytes: ArraySlice<UInt8>
    /// Where the parts a field query can name lie in `bytes` (offsets from its start).
    let spans: [Span]

    /// A tagged part's place: its field (by position in `QueryField.allCases`) and bytes.
    struct Span: Sendable {
        let field: UInt8
        let start: UInt32
        let end: UInt32
    }

    /// Folds each part and joins them with the separator; nil parts are left out.
    init(_ parts: [String?]) {
        self.init(tagged: parts.map { (nil, $0) })
    }

    /// The same, remembering where the parts tagged with a field lie.
    init(tagged parts: [(QueryField?, String?)]) {
        var buffer: [UInt8] = []
        let spans = Self.append(tagged: parts, to: &buffer)
        self.init(bytes: buffer[...], spans: spans)
    }

    init(bytes: ArraySlice<UInt8>, spans: [Span]) {
        self.bytes = bytes
        self.spans = spans
    }

    /// Folded parts appended to a shared buffer; `texts(in:)` makes the texts once the buffer
    /// is complete, so that they all share its storage.
    struct Pending {
        let range: Range<Int>
        let spans: [Span]
    }

    /// Appends the folded, tagged parts to `buffer`.
    static func append(_ parts: [(QueryField?, String?)], to buffer: inout [UInt8]) -> Pending {
        let start = buffer.count
        let spans = append(tagged: parts, to: &buffer)
        return Pending(range: start..<buffer.count, spans: spans)
    }

    /// The text of a pending append, sharing the finished buffer's storage.
    init(_ pending: Pending, in buffer: [UInt8]) {
        self.init(bytes: buffer[pending.range], spans: pending.spans)
    }

    private static func append(tagged parts: [(QueryField?, String?)], to buffer: inout [UInt8]) -> [Span] {
        let base = buffer.count
        var spans: [Span] = []
        var first = true
        for case let (field, part?) in parts {
            if let span = appendPart(field, part, to: &buffer, textStart: base, first: &first) { spans.append(span) }
        }
        return spans
    }

    /// Appends one part of a text that starts at `textStart` in `buffer`, folded, after the
    /// separator unless it is the text's first part; its span when it is tagged with a field.
    static func appendPart(_ field: QueryField?, _ part: String, to buffer: inout [UInt8], textStart base: Int, first: inout Bool) -> Span? {
        if !first { buffer.append(Self.separator) }
        first = false
        let start = buffer.count - base
        SearchText.appendFolded(part, to: &buffer)
        guard let field, let index = QueryField.allCases.firstIndex(of: field) else { return nil }
        return Span(field: UInt8(index), start: UInt32(start), end: UInt32(buffer.count - base))
    }

    /// Whether a part of the field contains the folded needle (`exact`: equals it).
    func field(_ field: QueryField, matches needle: String, exact: Bool) -> Bool {
        guard let index = QueryField.allCases.firstIndex(of: field) else { return false }
        let needleBytes = Array(needle.utf8)
        return spans.contains { span in
            guard Int(span.field) == index else { return false }
            let part = bytes[(bytes.startIndex + Int(span.start))..<(bytes.startIndex + Int(span.end))]
            if exact { return part.elementsEqual(needleBytes) }
            if needleBytes.isEmpty { return true }
            return part.withUnsafeBytes { haystack in
                guard let base = haystack.baseAddress, haystack.count >= needleBytes.count else { return false }
                return needleBytes.withUnsafeBufferPointer { needlePointer in
                    guard let needleBase = needlePointer.baseAddress else { return false }
                    return Self.find(needleBase, needleBytes.count, in: base, haystack.count)
                }
            }
        }
    }

    /// Whether the folded needle occurs anywhere.
    func contains(_ needle: String) -> Bool {
        let found = needle.utf8.withContiguousStorageIfAvailable { needleBytes in
            search(needleBytes)
        }
        return found ?? search(Array(needle.utf8))
    }

    private func search(_ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer(search)
    }

    /// Whether every needle occurs (needles already as bytes: a filter converts them once,
    /// not once per study).
    func containsAll(_ needles: [[UInt8]]) -> Bool {
        bytes.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress else { return needles.allSatisfy(\.isEmpty) }
            return Self.containsAll(needles, in: base, haystack.count)
        }
    }

    /// Whether every needle occurs in `count` bytes at `base`.
    static func containsAll(_ needles: [[UInt8]], in base: UnsafeRawPointer, _ count: Int) -> Bool {
        for needle in needles where !needle.isEmpty {
            let found = needle.withUnsafeBufferPointer { needleBytes in
                guard let needleBase = needleBytes.baseAddress, count >= needleBytes.count else { return false }
                return find(needleBase, needleBytes.count, in: base, count)
            }
            if !found { return false }
        }
        return true
    }

    private func search(_ needleBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needleBytes.count > 0 else { return true }
        return bytes.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress, haystack.count >= needleBytes.count,
                  let needleBase = needleBytes.baseAddress else { return false }
            return Self.find(needleBase, needleBytes.count, in: base, haystack.count)
        }
    }

    /// memchr for the needle's rarest byte (by English letter frequency), then memcmp around
    /// each hit. Anchoring on a rare byte means few hits to check: common letters such as
    /// 'r' or 'e' would stop the scan every few bytes. (glibc's memmem is not visible to
    /// Swift without _GNU_SOURCE.)
    private static func find(_ needle: UnsafePointer<UInt8>, _ needleCount: Int,
                             in haystack: UnsafeRawPointer, _ haystackCount: Int) -> Bool {
        find(needle, needleCount, anchor: anchor(of: UnsafeBufferPointer(start: needle, count: needleCount)),
             in: haystack, haystackCount)
    }

    /// The position of a needle's rarest byte.
    static func anchor(of needle: UnsafeBufferPointer<UInt8>) -> Int {
        var anchor = 0
        var rarest = UInt8.max
        for (position, byte) in needle.enumerated() {
            let rank = commonness[Int(byte)]
            if rank < rarest { rarest = rank; anchor = position }
        }
        return anchor
    }

    /// The search with the anchor already chosen (a filter chooses it once per keystroke).
    static func find(_ needle: UnsafePointer<UInt8>, _ needleCount: Int, anchor: Int,
                     in haystack: UnsafeRawPointer, _ haystackCount: Int) -> Bool {
        firstPosition(of: needle, needleCount, anchor: anchor, in: haystack, haystackCount) != nil
    }

    /// Where the needle first occurs in the haystack (0 for an empty needle), found as `find` does.
    static func firstPosition(of needle: UnsafePointer<UInt8>, _ needleCount: Int, anchor: Int,
                              in haystack: UnsafeRawPointer, _ haystackCount: Int) -> Int? {
        guard needleCount > 0 else { return 0 }
        guard haystackCount >= needleCount else { return nil }
        let anchorByte = Int32(needle[anchor])
        // Hits for the anchor can lie from `anchor` to `haystackCount - needleCount + anchor`.
        var offset = anchor
        let lastAnchor = haystackCount - needleCount + anchor
        while offset <= lastAnchor {
            guard let hit = memchr(haystack + offset, anchorByte, lastAnchor - offset + 1) else { return nil }
            let position = haystack.distance(to: UnsafeRawPointer(hit))
            if memcmp(haystack + (position - anchor), needle, needleCount) == 0 { return position - anchor }
            offset = position + 1
        }
        return nil
    }

    /// How common each byte is in English text and data (higher is more common); bytes not
    /// listed (digits, punctuation, non-ASCII) count as rare.
    private static let commonness: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        // Letters from most to least frequent in English.
        for (rank, letter) in "etaoinshrdlcumwfgypbvkjxqz".utf8.reversed().enumerated() {
            table[Int(letter)] = UInt8(10 + rank * 4)
        }
        table[Int(UInt8(ascii: " "))] = 250
        return table
    }()
}
