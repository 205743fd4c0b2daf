import Foundation
@testable import StudyCore

/// Paths and loaders shared by the tests.
enum TestSupport {
    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixturePath = packageRoot.appendingPathComponent("Tests/StudyCoreTests/Fixtures/fixture.json").path

    /// The fixture dataset (10 small studies); traps the test if it does not load cleanly.
    static let fixture: Dataset = {
        let loaded = DatasetLoader.load(paths: [fixturePath])
        precondition(loaded.problems.isEmpty, "fixture problems: \(loaded.problems)")
        return loaded.dataset
    }()

    static let fixtureIndex = fixture.studies.map(IndexedStudy.init)

    /// Loads JSON text as one data file, preceded by the fixture's source definition.
    static func problems(in json: String, file: String = "bad.json") -> [DataProblem] {
        DatasetLoader.load([sourcesFile, DataFile(name: file, bytes: Array(json.utf8))]).problems
    }

    static let sourcesFile = DataFile(name: "sources.json", bytes: Array("""
    {"format": "study-browser-data/1", "sources": [
      {"id": "doc", "file": null, "title": "A document", "publisher": null, "date": null, "kind": "education"},
      {"id": "ad", "file": null, "title": "An advert", "publisher": null, "date": null, "kind": "promotional"}
    ]}
    """.utf8))

    /// A valid study record as JSON text, with `replacing` applied to its text for bad-input tests.
    static func studyJSON(_ replacements: [(String, String)] = []) -> String {
        var text = """
        {"format": "study-browser-data/1", "studies": [{
          "id": "test-2020", "indication": "migraine", "condition": null,
          "citation": {"reference": null, "firstAuthor": "Test", "year": 2020, "title": null, "journal": null,
                       "volume": null, "issue": null, "pages": null},
          "design": {"kind": "rct-parallel", "randomized": true, "blinding": null, "control": "placebo",
                     "description": "a trial", "gradedDownFor": null, "source": "doc#1"},
          "setting": null, "population": null,
          "sampleSize": {"total": 34, "arms": [{"label": "ketamine", "n": 17}, {"label": "placebo", "n": 17}], "source": "doc#1"},
          "doses": [{"arm": "ketamine", "route": "iv", "low": 0.1, "high": 0.2, "unit": "mg/kg", "regimen": null,
                     "basis": "protocol", "reported": "0.1-0.2 mg/kg", "source": "doc#1"}],
          "comparator": {"label": "placebo", "doses": []},
          "outcome": {"measure": null, "result": "no change", "direction": "no-benefit", "figures": [], "source": "doc#1"},
          "adverseEffects": null,
          "provenance": [{"source": "doc#1", "attribution": "direct"}]
        }]}
        """
        for (old, new) in replacements {
            precondition(text.contains(old), "fixture text has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }
}
