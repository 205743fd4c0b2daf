import Foundation
import SyntheticStudies
import Testing
@testable import StudyCore

/// The derived index's data section gives back exactly the dataset it was written from.
@Suite("Data snapshot")
struct DataSnapshotTests {
    private static func roundTrip(_ files: [DataFile]) throws -> (Dataset, Dataset) {
        let collector = DataSnapshot.Collector()
        var loaded = Dataset()
        for file in files {
            collector.inspect(file)
            let decoded = DataFileDecoder.decode(file.bytes, file: file.name)
            try #require(decoded.problems.isEmpty, "\(decoded.problems.prefix(3))")
            loaded.sources += decoded.dataset.sources
            loaded.contexts += decoded.dataset.contexts
            loaded.reviews += decoded.dataset.reviews
            loaded.studies += decoded.dataset.studies
            if let checked = decoded.dataset.checked, checked > (loaded.checked ?? "") { loaded.checked = checked }
        }
        let bytes = try DataSnapshot.encode(loaded, collector: collector).get()
        var reader = BinaryReader(UnsafeRawBufferPointer(start: nil, count: 0))
        let restored = try bytes.withUnsafeBytes { buffer in
            reader = BinaryReader(buffer)
            return try DataSnapshot.decode(&reader)
        }
        return (loaded, restored)
    }

    @Test("every study, source, context and review comes back equal: synthetic, imported and the curated data with own records")
    func roundTrip() throws {
        let synthetic = DataFile(name: "synthetic.json", bytes: Array(SyntheticStudies.dataFile(count: 3_000, seed: 3).utf8))
        let (loaded, restored) = try Self.roundTrip([synthetic])
        #expect(restored == loaded)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let curated = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Data").path).sorted().map { name in
            DataFile(name: "Data/" + name, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent("Data/" + name))))
        }
        let (curatedLoaded, curatedRestored) = try Self.roundTrip(curated)
        #expect(curatedLoaded.studies.contains { $0.primary != nil })
        #expect(curatedRestored == curatedLoaded)
        let imported = ImportRun.run([ImportRun.Input(name: "pubmed.nbib", bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent("Tests/StudyCoreTests/Fixtures/import/pubmed.nbib"))))],
                                     format: nil, indication: nil, against: Dataset(), keepAll: true, importedOn: "2026-12-05")
        let text = DataFileWriter.json(studies: imported.studies, sources: imported.sources)
        let (importedLoaded, importedRestored) = try Self.roundTrip([DataFile(name: "imported.json", bytes: Array(text.utf8))])
        #expect(importedLoaded.studies.contains { $0.record != nil })
        #expect(importedRestored == importedLoaded)
    }
}
