/// Which studies' folded search texts hold each byte, each pair and each run of three adjacent
/// bytes, so a keystroke's filter tests only the studies that can match.
///
/// A word's first three letters decide the answer outright (a study holds "zun" exactly when
/// its text holds that run), and a longer word can only be in a text that holds every run of
/// it, so the scan that confirms it reads a few percent of the texts instead of all of them.
/// Common grams are kept as a bitmap over the studies, rare ones as a list of positions,
/// whichever is smaller.
public struct GramIndex: Sendable {
    /// Keys 0..<65,536 are pairs (first byte × 256 + second); 65,536 + a byte is that byte
    /// alone; from 65,792 come runs of three, by the bytes' ranks (`ranks`).
    static let keyCount = tripleBase + 64 * 64 * 64
    static let tripleBase = 65_536 + 256
    /// Runs of three are keyed by the 63 most frequent bytes, each its own rank, and one rank
    /// (63) shared by every other byte: a run with such a byte may stand for several runs, so
    /// it narrows but does not decide.
    static let sharedRank: UInt8 = 63
    /// Whether a gram's studies are a list of positions or a bitmap.
    static let listed: UInt8 = 1, mapped: UInt8 = 2

    /// Studies covered: positions 0..<count of the search index.
    let count: Int
    /// The grams that occur, in increasing key order, each with its kind and where its studies lie:
    /// for a bitmap, which one (of `wordCount` words each) in `bitmaps`; for a list, where it
    /// starts in `lists`, `lengths` long.
    let keys: [UInt32]
    let kinds: [UInt8]
    let offsets: [UInt32]
    let lengths: [UInt32]
    let bitmaps: MappedArray<UInt64>
    let lists: MappedArray<UInt32>
    /// Each byte's rank in the keys of runs of three.
    let ranks: [UInt8]
    /// Per key, its place in `keys` plus one (0 when the gram occurs nowhere): built on load.
    private let slots: [UInt32]

    /// Words in each bitmap.
    var wordCount: Int { (count + 63) / 64 }

    /// An index restored from its parts, checked so that no lookup can reach outside them.
    /// List entries are checked as they are read (`keep`), so a start reads none of them.
    init(count: Int, ranks: [UInt8], keys: [UInt32], kinds: [UInt8], offsets: [UInt32], lengths: [UInt32], bitmaps: MappedArray<UInt64>,
         lists: MappedArray<UInt32>) throws(IndexFileError) {
        // Only the shared rank may stand for several bytes: a run of own ranks decides its answer.
        let own = ranks.filter { $0 < Self.sharedRank }
        guard ranks.count == 256, ranks.allSatisfy({ $0 <= Self.sharedRank }), Set(own).count == own.count else { throw .damaged("the gram ranks") }
        guard keys.count == kinds.count, keys.count == offsets.count, keys.count == lengths.count, count >= 0 else {
            throw .damaged("the gram directory")
        }
        let words = (count + 63) / 64
        var slots = [UInt32](repeating: 0, count: Self.keyCount)
        var previous = -1
        var nextMap = 0, nextList = 0
        for index in keys.indices {
            let key = Int(keys[index])
            guard key > previous, key < Self.keyCount else { throw .damaged("the gram keys") }
            previous = key
            slots[key] = UInt32(index + 1)
            switch kinds[index] {
            case Self.mapped:
                guard Int(offsets[index]) == nextMap else { throw .damaged("the gram bitmaps") }
                nextMap += 1
            case Self.listed:
                guard Int(offsets[index]) == nextList, lengths[index] > 0 else { throw .damaged("the gram lists") }
                nextList += Int(lengths[index])
            default:
                throw .damaged("a gram's kind")
            }
        }
        guard bitmaps.count == nextMap * words, lists.count == nextList else {
            throw .damaged("the grams do not fit the studies")
        }
        self.count = count
        self.ranks = ranks
        self.keys = keys
        self.kinds = kinds
        self.offsets = offsets
        self.lengths = lengths
        self.bitmaps = bitmaps
        self.lists = lists
        self.slots = slots
    }

    /// The grams of the texts `text(position)` gives for positions 0..<count, worked out on every
    /// core; nil when the lists would outgrow their 32-bit offsets (billions of entries).
    ///
    /// Which grams get a bitmap is chosen from every eighth study (one pass over an eighth of
    /// the texts), then one pass over every text sets bitmap bits and gathers list entries: a
    /// first pass that counted every gram of every study cost a million studies four seconds
    /// of both cores. The choice only trades size for speed; every gram of every study is in
    /// its bitmap or its list whichever way a gram is kept.
    static func build(count: Int, text: @Sendable (Int) -> UnsafeBufferPointer<UInt8>) -> GramIndex? {
        let words = (count + 63) / 64
        // Whole bitmap words per thread, so no two threads ever write one word.
        let chunkCount = count < 4_096 ? 1 : 8
        let wordsPerChunk = (words + chunkCount - 1) / max(1, chunkCount)
        let ranges = (0..<chunkCount).map { chunk in
            min(chunk * wordsPerChunk * 64, count)..<min((chunk + 1) * wordsPerChunk * 64, count)
        }
        let ranks = ranking(ranges, text: text)
        // How many of every eighth study hold each gram (small sets: every study).
        let step = count < 4_096 ? 1 : 8
        let samples = Parallel.map(ranges.count) { chunk in
            var tally = [UInt32](repeating: 0, count: keyCount)
            tally.withUnsafeMutableBufferPointer { tally in
                ranks.withUnsafeBufferPointer { ranks in visit(ranges[chunk], every: step, ranks: ranks, text: text, into: Tally(counts: tally)) }
            }
            return tally
        }
        // A list costs 32 bits a study, a bitmap one bit for every study.
        var kindOfKey = [UInt8](repeating: listed, count: keyCount)
        var mapOfKey = [UInt32](repeating: 0, count: keyCount)
        var mapCount = 0
        for key in 0..<keyCount where samples.reduce(0, { $0 + Int($1[key]) }) * step * 32 > count {
            kindOfKey[key] = mapped
            mapOfKey[key] = UInt32(mapCount)
            mapCount += 1
        }
        let kindTable = kindOfKey, mapTable = mapOfKey, mapTotal = mapCount
        // Not cleared here, on one thread: each chunk clears its own words of every bitmap, so
        // first touches are shared by the cores.
        var bitmaps = [UInt64](unsafeUninitializedCapacity: mapTotal * words) { _, initialized in initialized = mapTotal * words }
        // One pass over every text: each chunk sets its own words of the bitmaps and gathers
        // its own entries of each listed gram.
        let gathered = bitmaps.withUnsafeMutableBufferPointer { bitmaps in
            let target = Bitmaps(words: bitmaps)
            return Parallel.map(ranges.count) { chunk -> [[UInt32]] in
                let firstWord = min(chunk * wordsPerChunk, words), endWord = min((chunk + 1) * wordsPerChunk, words)
                if let base = target.words.baseAddress, endWord > firstWord {
                    for map in 0..<mapTotal { (base + map * words + firstWord).update(repeating: 0, count: endWord - firstWord) }
                }
                var entries = [[UInt32]](repeating: [], count: keyCount)
                kindTable.withUnsafeBufferPointer { kinds in
                    mapTable.withUnsafeBufferPointer { maps in
                        entries.withUnsafeMutableBufferPointer { entries in
                            ranks.withUnsafeBufferPointer { ranks in
                                let fill = Fill(kinds: kinds, maps: maps, bitmaps: target.words, entries: entries, words: words)
                                visit(ranges[chunk], every: 1, ranks: ranks, text: text, into: fill)
                            }
                        }
                    }
                }
                return entries
            }
        }
        var keys: [UInt32] = [], kinds: [UInt8] = [], offsets: [UInt32] = [], lengths: [UInt32] = []
        var listCount = 0
        for key in 0..<keyCount {
            if kindTable[key] == mapped {
                keys.append(UInt32(key))
                kinds.append(mapped)
                offsets.append(mapTable[key])
                lengths.append(0)
                continue
            }
            let total = gathered.reduce(0) { $0 + $1[key].count }
            guard total > 0 else { continue }
            guard let offset = UInt32(exactly: listCount), let length = UInt32(exactly: total) else { return nil }
            keys.append(UInt32(key))
            kinds.append(listed)
            offsets.append(offset)
            lengths.append(length)
            listCount += total
        }
        guard listCount <= Int(UInt32.max) else { return nil }
        // Each listed gram's entries, chunk after chunk: its studies in increasing order.
        var lists: [UInt32] = []
        lists.reserveCapacity(listCount)
        for (key, kind) in zip(keys, kinds) where kind == listed {
            for chunk in gathered { lists += chunk[Int(key)] }
        }
        // Built here from consistent parts, so the checks pass; were they to fail, filtering scans every text as without grams.
        return try? GramIndex(count: count, ranks: ranks, keys: keys, kinds: kinds, offsets: offsets, lengths: lengths, bitmaps: MappedArray(bitmaps),
                              lists: MappedArray(lists))
    }

    /// Clears from `wanted` (a bitmap over the studies) every study that cannot hold all of the
    /// needles. Returns true when what is left is exactly the studies that hold them, because
    /// every needle is one or two bytes long, or three bytes that each have their own rank.
    func narrow(_ wanted: inout [UInt64], needles: [[UInt8]]) -> Bool {
        guard wanted.count == wordCount else { return false }
        var exact = true
        for needle in needles {
            if needle.count > 3 || (needle.count == 3 && needle.contains { ranks[Int($0)] == Self.sharedRank }) { exact = false }
            var grams = needle.count == 1 ? [65_536 + Int(needle[0])] : zip(needle, needle.dropFirst()).map { Int($0) << 8 | Int($1) }
            if needle.count >= 3 {
                grams += (2..<needle.count).map { Self.tripleKey(ranks, needle[$0 - 2], needle[$0 - 1], needle[$0]) }
            }
            for key in grams {
                keep(key, in: &wanted)
            }
        }
        return exact
    }

    /// The key of a run of three bytes.
    private static func tripleKey(_ ranks: [UInt8], _ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        tripleBase + (Int(ranks[Int(first)]) << 12 | Int(ranks[Int(second)]) << 6 | Int(ranks[Int(third)]))
    }

    /// Ranks for the keys of runs of three: the 63 most frequent bytes of the texts get their own.
    private static func ranking(_ ranges: [Range<Int>], text: @Sendable (Int) -> UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let histograms = Parallel.map(ranges.count) { chunk in
            var histogram = [Int](repeating: 0, count: 256)
            for position in ranges[chunk] {
                for byte in text(position) { histogram[Int(byte)] += 1 }
            }
            return histogram
        }
        let totals = (0..<256).map { byte in histograms.reduce(0) { $0 + $1[byte] } }
        let frequent = (0..<256).filter { totals[$0] > 0 }.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }.prefix(Int(sharedRank))
        var ranks = [UInt8](repeating: sharedRank, count: 256)
        for (rank, byte) in frequent.enumerated() { ranks[byte] = UInt8(rank) }
        return ranks
    }

    /// Keeps in `wanted` only the studies that hold the gram `key`.
    private func keep(_ key: Int, in wanted: inout [UInt64]) {
        let slot = Int(slots[key])
        guard slot > 0 else {
            for index in wanted.indices { wanted[index] = 0 }
            return
        }
        let index = slot - 1
        let offset = Int(offsets[index])
        if kinds[index] == Self.mapped {
            let base = offset * wordCount
            bitmaps.withUnsafeBufferPointer { bitmaps in
                wanted.withUnsafeMutableBufferPointer { wanted in
                    for word in 0..<wanted.count { wanted[word] &= bitmaps[base + word] }
                }
            }
        } else {
            var kept = [UInt64](repeating: 0, count: wanted.count)
            let count = count
            lists.withUnsafeBufferPointer { lists in
                for position in lists[offset..<(offset + Int(lengths[index]))] where Int(position) < count {
                    let word = Int(position >> 6), bit: UInt64 = 1 << UInt64(position & 63)
                    kept[word] |= wanted[word] & bit
                }
            }
            wanted = kept
        }
    }

    /// Hands `sink` each gram of each study in `range` once, with the study's position.
    private static func visit<Sink: GramSink>(_ range: Range<Int>, every step: Int, ranks: UnsafeBufferPointer<UInt8>,
                                              text: (Int) -> UnsafeBufferPointer<UInt8>, into sink: Sink) {
        // Which study last saw each gram, so a study reports each of its grams once: 16 bits, so
        // this table (read three times a byte) stays in the core's cache; a study's mark is its
        // place in a block of 65,535, and the table is cleared between blocks so no mark repeats.
        var seenBy = [UInt16](repeating: .max, count: keyCount)
        seenBy.withUnsafeMutableBufferPointer { seen in
            var mark: UInt16 = 0
            for position in stride(from: range.lowerBound, to: range.upperBound, by: step) {
                if mark == .max {
                    seen.update(repeating: .max)
                    mark = 0
                }
                defer { mark += 1 }
                // The ranks of the two bytes before this one, and the byte before (-1 before the text's start).
                var before = -1, last = -1, previous = -1
                for byte in text(position) {
                    let single = 65_536 + Int(byte)
                    if seen[single] != mark {
                        seen[single] = mark
                        sink.add(single, position)
                    }
                    if previous >= 0 {
                        let pair = previous << 8 | Int(byte)
                        if seen[pair] != mark {
                            seen[pair] = mark
                            sink.add(pair, position)
                        }
                    }
                    let rank = Int(ranks[Int(byte)])
                    if before >= 0 {
                        let triple = tripleBase + (before << 12 | last << 6 | rank)
                        if seen[triple] != mark {
                            seen[triple] = mark
                            sink.add(triple, position)
                        }
                    }
                    before = last
                    last = rank
                    previous = Int(byte)
                }
            }
        }
    }

    /// The bitmaps the pass fills, shared by its threads, each writing only its own words.
    private struct Bitmaps: @unchecked Sendable {
        let words: UnsafeMutableBufferPointer<UInt64>
    }
}

/// What a pass over the texts does with each gram a study holds.
private protocol GramSink {
    func add(_ key: Int, _ position: Int)
}

/// The sample: counts the studies holding each gram.
private struct Tally: GramSink {
    let counts: UnsafeMutableBufferPointer<UInt32>
    func add(_ key: Int, _ position: Int) { counts[key] += 1 }
}

/// The full pass: sets the study's bit in a mapped gram's bitmap, or adds it to a listed gram's entries.
private struct Fill: GramSink {
    let kinds: UnsafeBufferPointer<UInt8>
    let maps: UnsafeBufferPointer<UInt32>
    let bitmaps: UnsafeMutableBufferPointer<UInt64>
    let entries: UnsafeMutableBufferPointer<[UInt32]>
    let words: Int

    func add(_ key: Int, _ position: Int) {
        if kinds[key] == GramIndex.mapped {
            bitmaps[Int(maps[key]) * words + (position >> 6)] |= 1 << UInt64(position & 63)
        } else {
            entries[key].append(UInt32(position))
        }
    }
}
