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
}
