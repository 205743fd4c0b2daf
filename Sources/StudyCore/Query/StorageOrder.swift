/// Filters positions by visiting them in storage order on every core, keeping the order given.
///
/// A table's order scatters its positions over memory, so testing them in that order waits on
/// a cache miss for nearly every study; in storage order the studies' data streams in. The
/// candidates become a bitmap, each thread marks the hits in its own words of a second one,
/// and the given order is kept by filtering the positions through the hits.
enum StorageOrder {
    /// The positions for which `test` holds, in the order given and as often as given.
    /// A position outside `0..<count` is never tested and never kept: the callers' positions
    /// come from the same catalog, and one that does not is not a study.
    /// `narrow`, when given, first clears candidates that cannot pass (`GramIndex`), and
    /// returns true when the ones left are exactly those that pass, so none is tested.
    static func filter(_ positions: [Int], count: Int, narrow: ((inout [UInt64]) -> Bool)? = nil, _ test: @Sendable (Int) -> Bool) -> [Int] {
        let wordCount = (count + 63) / 64
        var wanted = [UInt64](repeating: 0, count: wordCount)
        for position in positions where position >= 0 && position < count {
            wanted[position >> 6] |= 1 << UInt64(position & 63)
        }
        var found = [UInt64](repeating: 0, count: wordCount)
        if let narrow, narrow(&wanted) {
            found = wanted
        } else {
            let candidates = narrow == nil ? positions.count : wanted.reduce(0) { $0 + $1.nonzeroBitCount }
            wanted.withUnsafeBufferPointer { wanted in
                found.withUnsafeMutableBufferPointer { found in
                    let bitmaps = Bitmaps(wanted: wanted, found: found)
                    // A test can cost a scan of a study's whole text (a microsecond or so), so a few
                    // thousand candidates already repay a thread.
                    let ranges = chunks(of: wanted, into: candidates < 2_000 ? 1 : 8)
                    _ = Parallel.map(ranges.count) { chunk in bitmaps.mark(words: ranges[chunk], test) }
                }
            }
        }
        return positions.filter { position in
            position >= 0 && position < count && found[position >> 6] & (1 << UInt64(position & 63)) != 0
        }
    }

    /// Ranges of whole bitmap words (so no two threads write one word) holding about equal
    /// numbers of candidates: a tab's studies often lie in one stretch of storage (one file),
    /// and equal stretches of words would leave most threads idle.
    static func chunks(of wanted: UnsafeBufferPointer<UInt64>, into chunkCount: Int) -> [Range<Int>] {
        guard chunkCount > 1 else { return [0..<wanted.count] }
        let total = wanted.reduce(0) { $0 + $1.nonzeroBitCount }
        var ranges: [Range<Int>] = []
        var lower = 0
        var seen = 0
        for (word, bits) in wanted.enumerated() {
            seen += bits.nonzeroBitCount
            if ranges.count < chunkCount - 1, seen * chunkCount >= total * (ranges.count + 1) {
                ranges.append(lower..<word + 1)
                lower = word + 1
            }
        }
        ranges.append(lower..<wanted.count)
        return ranges
    }

    /// The two bitmaps, shared by the threads while `filter` keeps them alive; each thread
    /// writes only its own words of `found`.
    private struct Bitmaps: @unchecked Sendable {
        let wanted: UnsafeBufferPointer<UInt64>
        let found: UnsafeMutableBufferPointer<UInt64>

        /// Tests the candidates of these words in storage order and sets the bits of those that pass.
        func mark(words: Range<Int>, _ test: (Int) -> Bool) {
            for word in words {
                var bits = wanted[word]
                var hits: UInt64 = 0
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    bits &= bits - 1
                    if test(word << 6 | bit) { hits |= 1 << UInt64(bit) }
                }
                found[word] = hits
            }
        }
    }
}
