import SyntheticStudies
import Testing
@testable import StudyCore

@Suite("Gram index")
struct GramIndexTests {
    /// Random texts over a few letters (so grams repeat, some in most texts and some in few),
    /// a two-byte letter and the field separator, in two pieces as the catalog builds them.
    private static func texts(count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SplitMix64(state: seed)
        let alphabet: [[UInt8]] = [[0x61], [0x62], [0x63], [0x64], [0x20], [0x1F], Array("é".utf8), [0x7A], [0x00]]
        return (0..<count).map { position in
            // Every 97th text empty; others short or long, with rare letters in a few.
            guard position % 97 != 0 else { return [] }
            let length = Int(generator.next() % (position % 5 == 0 ? 60 : 12))
            return (0..<length).flatMap { _ in
                // Six common bytes; then "z", NUL and, rarest (in about 1% of texts), "é".
                let pick = Int(generator.next() % 1_000)
                return alphabet[pick < 980 ? pick % 6 : pick < 997 ? 7 : pick < 999 ? 8 : 6]
            }
        }
    }

    private static func index(_ texts: [[UInt8]], grams: Bool) -> SearchIndex {
        let half = texts.count / 2
        let pieces = [texts[..<half], texts[half...]].map { part -> ([UInt8], [Range<Int>]) in
            var buffer: [UInt8] = [], ranges: [Range<Int>] = []
            for text in part {
                ranges.append(buffer.count..<(buffer.count + text.count))
                buffer += text
            }
            return (buffer, ranges)
        }
        return SearchIndex(pieces, grams: grams)
    }

    private static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= text.count else { return needle.isEmpty }
        return (0...(text.count - needle.count)).contains { text[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test("with grams, without them and by brute force, every needle of up to four bytes finds the same texts, on one thread and on several",
          arguments: [300, 9_000])
    func sameAnswers(count: Int) {
        let texts = Self.texts(count: count, seed: UInt64(count))
        let withGrams = Self.index(texts, grams: true), without = Self.index(texts, grams: false)
        #expect(withGrams.grams != nil && without.grams == nil)
        var generator = SplitMix64(state: 11)
        // Every position, shuffled as a sort leaves them, some twice.
        let positions = (Array(0..<count) + [3, 5, count - 1]).shuffled(using: &generator)
        let bytes: [UInt8] = [0x61, 0x62, 0x63, 0x64, 0x20, 0x1F, 0xC3, 0xA9, 0x7A, 0x00, 0x71]
        var needleSets: [[[UInt8]]] = bytes.map { [[$0]] }
        for _ in 0..<60 {
            let words = Int(generator.next() % 2) + 1
            needleSets.append((0..<words).map { _ in (0..<(Int(generator.next() % 4) + 1)).map { _ in bytes[Int(generator.next() % UInt64(bytes.count))] } })
        }
        for needles in needleSets {
            let expected = positions.filter { position in needles.allSatisfy { Self.contains(texts[position], $0) } }
            #expect(withGrams.filter(positions, needles: needles) == expected, "\(needles)")
            #expect(without.filter(positions, needles: needles) == expected, "\(needles)")
        }
    }

    @Test("one to three bytes narrow to exactly the texts that hold them; longer needles to texts that may, never fewer")
    func narrowing() throws {
        let texts = Self.texts(count: 5_000, seed: 4)
        let grams = try #require(Self.index(texts, grams: true).grams)
        // Both kinds are used: "a" is in most texts (a bitmap), the two-byte letter in few (a list).
        let kinds = Dictionary(uniqueKeysWithValues: zip(grams.keys, grams.kinds))
        #expect(kinds[UInt32(65_536 + 0x61)] == GramIndex.mapped)
        #expect(kinds[UInt32(0xC3A9)] == GramIndex.listed)
        for needle: [UInt8] in [[0x61], [0x61, 0x62], [0xC3, 0xA9], [0x7A, 0x7A], [0x71], [0x61, 0x62, 0x63], [0x1F, 0x20, 0x1F, 0x61]] {
            var wanted = [UInt64](repeating: ~0, count: grams.wordCount)
            wanted[wanted.count - 1] = (1 << UInt64(5_000 % 64)) - 1
            let exact = grams.narrow(&wanted, needles: [needle])
            let kept = (0..<5_000).filter { wanted[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
            let holding = (0..<5_000).filter { Self.contains(texts[$0], needle) }
            #expect(exact == (needle.count <= 3))
            if exact { #expect(kept == holding, "\(needle)") } else { #expect(Set(holding).isSubset(of: kept), "\(needle)") }
        }
    }

    @Test("with more than 63 different bytes, a run of three with a rarer byte narrows without deciding, and never loses a text")
    func sharedRanks() throws {
        // Byte b appears in text t when (t + b) % (b + 2) == 0: low bytes are frequent, high ones rare.
        let texts: [[UInt8]] = (0..<3_000).map { text in (0..<256).filter { (text + $0) % ($0 + 2) == 0 }.map { UInt8($0) } }
        let index = Self.index(texts, grams: true)
        let grams = try #require(index.grams)
        #expect(grams.ranks.filter { $0 == GramIndex.sharedRank }.count == 256 - 63)
        let positions = Array(0..<texts.count)
        for needle: [UInt8] in [[0, 1, 2], [0, 1, 200], [198, 199, 200], [3, 4, 5, 6], [250, 251, 252]] {
            var wanted = [UInt64](repeating: 0, count: grams.wordCount)
            for position in positions { wanted[position >> 6] |= 1 << UInt64(position & 63) }
            let exact = grams.narrow(&wanted, needles: [needle])
            #expect(exact == (needle.count == 3 && needle.allSatisfy { grams.ranks[Int($0)] != GramIndex.sharedRank }), "\(needle)")
            let holding = positions.filter { Self.contains(texts[$0], needle) }
            #expect(holding.allSatisfy { wanted[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }, "\(needle)")
            #expect(index.filter(positions, needles: [needle]) == holding, "\(needle)")
        }
    }

    @Test("grams and spans survive the index file's search and grams sections: the same answers, and the entries made at once")
    func roundTrip() throws {
        let studies = SyntheticStudies.make(count: 2_500, seed: 8)
        let folded = [IndexedStudy.fold(studies[..<1_000]), IndexedStudy.fold(studies[1_000...])]
        let built = SearchIndex(folded.map { ($0.buffer, $0.ranges) })
        let bytes = built.encodeParts(spans: SearchIndex.Spans(joining: folded)).flatMap(\.bytes)
        let gramBytes = built.encodeGrams().flatMap(\.bytes)
        let restoredGrams = try gramBytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try SearchIndex.decodeGrams(&reader, count: studies.count, in: nil)
        }
        let (restored, spans) = try bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try SearchIndex.decode(&reader, count: studies.count, grams: restoredGrams, in: nil)
        }
        let made = spans.entries(studies, index: restored), direct = IndexedStudy.index(studies[...]).entries
        #expect(made.count == direct.count)
        for (late, early) in zip(made, direct) {
            #expect(Array(late.haystack.bytes) == Array(early.haystack.bytes))
            #expect(late.haystack.spans.map { [Int($0.field), Int($0.start), Int($0.end)] } == early.haystack.spans.map { [Int($0.field), Int($0.start), Int($0.end)] })
        }
        let original = try #require(built.grams), grams = try #require(restored.grams)
        #expect(grams.ranks == original.ranks && grams.keys == original.keys && grams.kinds == original.kinds && grams.bitmaps.values == original.bitmaps.values && grams.lists.values == original.lists.values)
        let positions = Array((0..<studies.count).reversed())
        for word in ["z", "zu", "zun", SyntheticStudies.commonWord, SyntheticStudies.rareWord, "refractory", "qq"] {
            let needles = [Array(word.utf8)]
            #expect(restored.filter(positions, needles: needles) == built.filter(positions, needles: needles), "\(word)")
        }
    }

    @Test("gram parts that do not fit together are refused, not trusted", arguments: GramDamage.allCases)
    func damaged(_ damage: GramDamage) throws {
        let built = try #require(Self.index(Self.texts(count: 3_000, seed: 8), grams: true).grams)
        var ranks = built.ranks, keys = built.keys, kinds = built.kinds, offsets = built.offsets, lengths = built.lengths, bitmaps = built.bitmaps.values, lists = built.lists.values
        let listed = try #require(kinds.firstIndex(of: GramIndex.listed))
        switch damage {
        case .keysOutOfOrder: keys.swapAt(0, 1)
        case .keyTooLarge: keys[keys.count - 1] = UInt32(GramIndex.keyCount)
        case .unknownKind: kinds[0] = 7
        case .listOffsetWrong: offsets[listed] += 1
        case .emptyList: lengths[listed] = 0
        case .bitmapsShort: bitmaps.removeLast()
        case .directoryShort: lengths.removeLast()
        case .rankTooLarge: ranks[0x61] = 64
        case .ranksShort: ranks.removeLast()
        case .rankShared: ranks[0x62] = ranks[0x61]
        }
        #expect(throws: IndexFileError.self) {
            _ = try GramIndex(count: built.count, ranks: ranks, keys: keys, kinds: kinds, offsets: offsets, lengths: lengths, bitmaps: MappedArray(bitmaps), lists: MappedArray(lists))
        }
    }

    @Test("a listed position past the studies (damage past the checksum) is never kept and never read outside the bitmap")
    func listPastTheStudies() throws {
        let built = try #require(Self.index(Self.texts(count: 3_000, seed: 8), grams: true).grams)
        let listed = try #require(built.kinds.firstIndex(of: GramIndex.listed))
        var lists = built.lists.values
        let start = Int(built.offsets[listed])
        lists[start] = UInt32.max
        let damaged = try GramIndex(count: built.count, ranks: built.ranks, keys: built.keys, kinds: built.kinds, offsets: built.offsets,
                                    lengths: built.lengths, bitmaps: built.bitmaps, lists: MappedArray(lists))
        let key = Int(built.keys[listed])
        // The listed gram as a needle: one byte, or two.
        let needle: [UInt8] = key >= 65_536 ? [UInt8(key - 65_536)] : [UInt8(key >> 8), UInt8(key & 0xFF)]
        guard key < GramIndex.tripleBase else { return }
        var wanted = [UInt64](repeating: ~0, count: built.wordCount)
        wanted[wanted.count - 1] = (1 << UInt64(3_000 % 64)) - 1
        _ = damaged.narrow(&wanted, needles: [needle])
        #expect(wanted.reduce(0) { $0 + $1.nonzeroBitCount } == Int(built.lengths[listed]) - 1)
    }

    enum GramDamage: CaseIterable, Sendable {
        case keysOutOfOrder, keyTooLarge, unknownKind, listOffsetWrong, emptyList, bitmapsShort, directoryShort, rankTooLarge, ranksShort, rankShared
    }

    @Test("a pass over more than 65,535 studies (its marks start again) still reports every gram of every study")
    func pastTheMarks() throws {
        // 600,000 short texts: each of the eight pieces the build makes is 75,000 studies, past a
        // block of marks; a gram seen in a study of one block and in the study 65,535 later must
        // still count for both.
        let count = 600_000
        let alphabet: [UInt8] = [0x61, 0x62, 0x63]
        let texts: [[UInt8]] = (0..<count).map { position in
            // "za" in studies a block apart, and 65,536 apart (where marks of 16 bits would wrap).
            position % 65_535 == 7 || position % 65_536 == 9 ? [0x7A, 0x61] : [alphabet[position % 3], alphabet[(position / 3) % 3]]
        }
        let index = Self.index(texts, grams: true)
        let grams = try #require(index.grams)
        for needle in [[0x7A], [0x7A, 0x61], [0x61], [0x61, 0x62], [0x63, 0x63]] as [[UInt8]] {
            // Every study wanted (the count is a multiple of 64, so every bit of every word).
            var wanted = [UInt64](repeating: .max, count: grams.wordCount)
            #expect(grams.narrow(&wanted, needles: [needle]))
            let found = (0..<count).filter { wanted[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
            #expect(found == (0..<count).filter { Self.contains(texts[$0], needle) }, "\(needle)")
        }
    }

    @Test("a common gram that the every-eighth sample never meets is kept as a list, and still finds every study that holds it")
    func unsampledGram() throws {
        // Pieces of 1,024 studies, sampled at their first and every eighth after: "qx" lies only
        // between samples, in an eighth of the studies (a bitmap's worth, had it been counted).
        let count = 8_192
        let texts: [[UInt8]] = (0..<count).map { $0 % 8 == 1 ? Array("qx".utf8) : Array("ab".utf8) }
        let grams = try #require(Self.index(texts, grams: true).grams)
        func kind(_ pair: String) -> UInt8? {
            let bytes = Array(pair.utf8)
            return grams.keys.firstIndex(of: UInt32(Int(bytes[0]) << 8 | Int(bytes[1]))).map { grams.kinds[$0] }
        }
        #expect(kind("qx") == GramIndex.listed && kind("ab") == GramIndex.mapped)
        for needle in [Array("qx".utf8), Array("ab".utf8), Array("q".utf8)] {
            var wanted = [UInt64](repeating: .max, count: grams.wordCount)
            #expect(grams.narrow(&wanted, needles: [needle]))
            #expect((0..<count).filter { wanted[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 } == (0..<count).filter { Self.contains(texts[$0], needle) })
        }
    }
}
