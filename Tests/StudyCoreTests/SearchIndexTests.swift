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
        #expect(positions.count >= 20_000)
        for query in ["refractory", "zunoba", "e", "xyzzy", SyntheticStudies.rareWord] {
            let compiled = try StudyQuery(query)
            #expect(compiled.filter(entries, positions: positions, index: index) == positions.filter { compiled.matches(entries[$0]) }, "\(query)")
        }
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
