import SyntheticStudies
import Testing
@testable import StudyCore

@Suite("Search index")
struct SearchIndexTests {
    @Test("filtering through the index finds exactly what matching each study finds", arguments: [
        "refractory", "ångström", "ANGSTROM ketamine", "ref", "0.5", "xyzzy", "migraine trial",
    ])
    func sameAsEntries(query: String) throws {
        let studies = SyntheticStudies.make(count: 600, seed: 5)
        // Three pieces, as the catalog builds them on several cores; one is empty.
        let pieces = [IndexedStudy.index(studies[0..<250]), IndexedStudy.index(studies[250..<250]), IndexedStudy.index(studies[250...])]
        let entries = pieces.flatMap(\.entries)
        let index = SearchIndex(pieces.map { ($0.buffer, $0.ranges) })
        let compiled = try StudyQuery(query)
        let positions = Array(entries.indices.reversed())
        let direct = positions.filter { compiled.matches(entries[$0]) }
        #expect(compiled.filter(entries, positions: positions, index: index) == direct)
        #expect(compiled.filter(entries, positions: positions) == direct)
        #expect(direct == positions.filter { compiled.matches(IndexedStudy(studies[$0])) })
    }

    @Test("a large candidate set in the table's order, scanned in storage order on several threads, keeps that order")
    func largeUnordered() throws {
        let studies = SyntheticStudies.make(count: 24_100, seed: 9)
        let pieces = [IndexedStudy.index(studies[0..<10_007]), IndexedStudy.index(studies[10_007...])]
        let entries = pieces.flatMap(\.entries)
        let index = SearchIndex(pieces.map { ($0.buffer, $0.ranges) })
        // Most positions, shuffled as a sort leaves them, with gaps so some bitmap words are partly wanted.
        var generator = SeededGenerator(seed: 3)
        let positions = entries.indices.filter { $0 % 7 != 3 }.shuffled(using: &generator)
        #expect(positions.count >= 2_000)
        // Plain words (through the index and without it), field queries and alternatives.
        for query in ["refractory", "zunoba", "e", "xyzzy", SyntheticStudies.rareWord, "year>2010", "title:zu|n<100", "!zunoba"] {
            let compiled = try StudyQuery(query)
            let direct = positions.filter { compiled.matches(entries[$0]) }
            #expect(compiled.filter(entries, positions: positions, index: index) == direct, "\(query)")
            #expect(compiled.filter(entries, positions: positions) == direct, "\(query), without the index")
        }
    }

    @Test("a storage-order filter keeps duplicates as given, drops positions outside the catalog, and splits work by candidates")
    func storageOrderEdges() {
        let even: @Sendable (Int) -> Bool = { $0 % 2 == 0 }
        #expect(StorageOrder.filter([4, -1, 2, 4, 130, 3, 2, 200, 0], count: 130, even) == [4, 2, 4, 2, 0])
        #expect(StorageOrder.filter([], count: 130, even) == [])
        #expect(StorageOrder.filter([0, 1, 2], count: 0, even) == [])
        // Many candidates in one stretch of storage, as one tab's file: every chunk gets some.
        let clustered = Array((50_000..<60_000).reversed())
        #expect(StorageOrder.filter(clustered, count: 100_000, even) == clustered.filter(even))
        var wanted = [UInt64](repeating: 0, count: (100_000 + 63) / 64)
        for position in clustered { wanted[position >> 6] |= 1 << UInt64(position & 63) }
        let ranges = wanted.withUnsafeBufferPointer { StorageOrder.chunks(of: $0, into: 8) }
        #expect(ranges.count == 8)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == wanted.count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        let perChunk = ranges.map { range in range.reduce(0) { $0 + wanted[$1].nonzeroBitCount } }
        #expect(perChunk.allSatisfy { $0 >= 1_000 && $0 <= 1_500 }, "\(perChunk)")
    }

    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
