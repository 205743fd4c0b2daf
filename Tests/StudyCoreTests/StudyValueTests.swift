import Testing
@testable import StudyCore

/// A study is a value: its fields sit in a shared box, and a change to one copy never shows in another.
@Suite("Study values")
struct StudyValueTests {
    @Test("a changed copy leaves the original as it was, field by field")
    func copiesAreIndependent() throws {
        let original = try #require(TestSupport.fixture.studies.first)
        var copy = original
        #expect(copy == original)
        copy.notes = "changed"
        copy.doses = []
        copy.origin = "elsewhere.json"
        copy.ownRecordHidden = true
        #expect(copy != original)
        #expect(original == TestSupport.fixture.studies.first)
        #expect(original.notes != "changed" && original.origin != "elsewhere.json" && !original.ownRecordHidden)
        #expect(copy.notes == "changed" && copy.doses.isEmpty && copy.origin == "elsewhere.json" && copy.ownRecordHidden)
        // Changing it back makes the two equal again, though they no longer share a box.
        copy.notes = original.notes
        copy.doses = original.doses
        copy.origin = original.origin
        copy.ownRecordHidden = original.ownRecordHidden
        #expect(copy == original)
    }

    @Test("studies in an array change one at a time, and copies taken on other threads keep their values")
    func arraysAndThreads() throws {
        let studies = TestSupport.fixture.studies
        var changed = studies
        for index in changed.indices { changed[index].condition = "condition \(index)" }
        #expect(studies == TestSupport.fixture.studies)
        #expect(changed.enumerated().allSatisfy { $0.element.condition == "condition \($0.offset)" })
        let read = Parallel.map(8) { task in studies.map(\.id).joined(separator: ",") + "\(task)" }
        #expect(read.enumerated().allSatisfy { $0.element == studies.map(\.id).joined(separator: ",") + "\($0.offset)" })
    }
}
