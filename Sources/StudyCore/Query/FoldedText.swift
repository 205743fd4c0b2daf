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
        var needle = needle
        return needle.withUTF8 { needleBytes in
            guard needleBytes.count > 0 else { return true }
            return bytes.withUnsafeBytes { haystack in
                guard let base = haystack.baseAddress, haystack.count >= needleBytes.count,
                      let needleBase = needleBytes.baseAddress else { return false }
                return Self.find(needleBase, needleBytes.count, in: base, haystack.count)
            }
        }
    }

    /// memchr for the needle's first byte, then memcmp for the rest (glibc's memmem is not
    /// visible to Swift without _GNU_SOURCE).
    private static func find(_ needle: UnsafePointer<UInt8>, _ needleCount: Int,
                             in haystack: UnsafeRawPointer, _ haystackCount: Int) -> Bool {
        let first = Int32(needle[0])
        var offset = 0
        let last = haystackCount - needleCount
        while offset <= last {
            guard let hit = memchr(haystack + offset, first, last - offset + 1) else { return false }
            let position = haystack.distance(to: UnsafeRawPointer(hit))
            if needleCount == 1 || memcmp(hit + 1, needle + 1, needleCount - 1) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// Whether one whole part equals the folded needle.
    func hasPart(_ needle: String) -> Bool {
        let needleBytes = Array(needle.utf8)
        return bytes.split(separator: Self.separator, omittingEmptySubsequences: false).contains { $0.elementsEqual(needleBytes) }
    }
}
