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

    let bytes: [UInt8]

    /// Folds each part and joins them with the separator; nil parts are left out.
    init(_ parts: [String?]) {
        var bytes: [UInt8] = []
        var first = true
        for case let part? in parts {
            if !first { bytes.append(Self.separator) }
            first = false
            SearchText.appendFolded(part, to: &bytes)
        }
        self.bytes = bytes
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
            for needle in needles where !needle.isEmpty {
                let found = needle.withUnsafeBufferPointer { needleBytes in
                    guard let needleBase = needleBytes.baseAddress, haystack.count >= needleBytes.count else { return false }
                    return Self.find(needleBase, needleBytes.count, in: base, haystack.count)
                }
                if !found { return false }
            }
            return true
        }
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
        var anchor = 0
        var rarest = UInt8.max
        for position in 0..<needleCount {
            let rank = commonness[Int(needle[position])]
            if rank < rarest { rarest = rank; anchor = position }
        }
        let anchorByte = Int32(needle[anchor])
        // Hits for the anchor can lie from `anchor` to `haystackCount - needleCount + anchor`.
        var offset = anchor
        let lastAnchor = haystackCount - needleCount + anchor
        while offset <= lastAnchor {
            guard let hit = memchr(haystack + offset, anchorByte, lastAnchor - offset + 1) else { return false }
            let position = haystack.distance(to: UnsafeRawPointer(hit))
            if memcmp(haystack + (position - anchor), needle, needleCount) == 0 { return true }
            offset = position + 1
        }
        return false
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

    /// Whether one whole part equals the folded needle.
    func hasPart(_ needle: String) -> Bool {
        let needleBytes = Array(needle.utf8)
        return bytes.split(separator: Self.separator, omittingEmptySubsequences: false).contains { $0.elementsEqual(needleBytes) }
    }
}
