import Testing
@testable import StudyCore
import SyntheticStudies

@Suite("Synthetic benchmark data")
struct SyntheticStudiesTests {
    @Test("the same seed gives the same file; another seed another one")
    func deterministic() {
        #expect(SyntheticStudies.dataFile(count: 300, seed: 7) == SyntheticStudies.dataFile(count: 300, seed: 7))
        #expect(SyntheticStudies.dataFile(count: 300, seed: 7) != SyntheticStudies.dataFile(count: 300, seed: 8))
    }

    @Test("the data is valid and varied: every indication, design family, dose dimension, non-ASCII names")
    func valid() {
        let text = SyntheticStudies.dataFile(count: 2_000, seed: 1)
        let loaded = DatasetLoader.load([DataFile(name: "synthetic.json", bytes: Array(text.utf8))])
        #expect(loaded.problems.map(\.description).prefix(3) == [])
        let studies = loaded.dataset.studies
        #expect(studies.count == 2_000)
        #expect(Set(studies.map(\.indication)) == Set(Indication.curated))
        #expect(Set(studies.compactMap { $0.sortDose?.dimension }) == Set(DoseDimension.allCases))
        #expect(Set(studies.map(\.design.kind)).count == DesignKind.allCases.count)
        #expect(studies.contains { $0.citation.firstAuthor?.unicodeScalars.contains { !$0.isASCII } == true })
    }

    @Test("filters narrow as real ones do: the common word is in a few percent of studies, the rare one in almost none")
    func vocabulary() throws {
        let studies = SyntheticStudies.make(count: 20_000, seed: 1)
        let entries = studies.map(IndexedStudy.init)
        let common = try StudyQuery(SyntheticStudies.commonWord).filter(entries).count
        let rare = try StudyQuery(SyntheticStudies.rareWord).filter(entries).count
        #expect((200...2_000).contains(common), "\(SyntheticStudies.commonWord): \(common) of 20,000")
        #expect((1...60).contains(rare), "\(SyntheticStudies.rareWord): \(rare) of 20,000")
    }
}
