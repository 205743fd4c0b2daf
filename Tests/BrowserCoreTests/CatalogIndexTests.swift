import Foundation
import Testing
@testable import BrowserCore
@testable import StudyCore

/// A catalog read back from its index must be the catalog built from the studies: every tab
/// count, column width, filter and sort the browser asks of it.
@Suite("Catalog index")
struct CatalogIndexTests {
    private static func roundTrip(_ catalog: Catalog) throws -> Catalog {
        let bytes = CatalogIndex.bytes(of: catalog, fingerprint: DataFingerprint(files: []), program: "test")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString).sbindex").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try CatalogIndex.catalog(from: try IndexFile(path: path), loaded: catalog.loaded)
    }

    private static func realData() -> Dataset {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
        return DatasetLoader.load(paths: [path]).dataset
    }

    @Test("counts, widths, filters and every sort are the same from the index", arguments: [SourceView.best, .seedOnly])
    func sameAnswers(view: SourceView) throws {
        let built = Catalog(Self.realData(), view: view)
        let restored = try Self.roundTrip(built)
        #expect(restored.view == view)
        #expect(restored.dataset == built.dataset)
        #expect(restored.tabs == built.tabs)
        for (tab, indication) in built.tabs.enumerated() {
            #expect(restored.count(indication) == built.count(indication))
            for glyphs in [Glyphs.unicode, .ascii] { #expect(restored.naturalWidths(tab: tab, glyphs: glyphs) == built.naturalWidths(tab: tab, glyphs: glyphs)) }
        }
        let queries = ["", "ketamine", "design:rct n>=20", "from:primary", "author:afridi|etchison", "!dir:nr", "mark:within", "src:seed-002", "status epilepticus"]
        for query in queries {
            for key in SortKey.allCases {
                for descending in [false, true] {
                    let sort = SortSpec([SortSpec.Term(key, descending: descending)])
                    for indication in [nil] + Indication.allCases.map(Optional.init) {
                        let compiled = try StudyQuery(query)
                        #expect(restored.positions(indication: indication, matching: compiled, sortedBy: sort)
                            == built.positions(indication: indication, matching: compiled, sortedBy: sort), "\(query) \(key) \(descending)")
                    }
                }
            }
        }
    }

    @Test("an index of other studies is refused, not used")
    func otherStudies() throws {
        var data = Self.realData()
        let catalog = Catalog(data)
        let bytes = CatalogIndex.bytes(of: catalog, fingerprint: DataFingerprint(files: []), program: "test")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString).sbindex").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        data.studies.swapAt(0, 1)
        #expect(throws: IndexFileError.damaged("its studies are not the data's studies")) {
            try CatalogIndex.catalog(from: try IndexFile(path: path), loaded: data)
        }
    }
}
