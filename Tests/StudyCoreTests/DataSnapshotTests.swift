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
        let encoded = try DataSnapshot.encode(loaded, collector: collector).get()
        let restored = try encoded.data.withUnsafeBytes { data in
            try encoded.records.withUnsafeBytes { records in
                var reader = BinaryReader(data)
                let dataset = try DataSnapshot.decode(&reader, records: records)
                #expect(reader.isAtEnd)
                return dataset
            }
        }
        return (loaded, restored)
    }

    // 9,000 studies: several of the encoder's stretches, each handed on as it is done.
    @Test("every study, source, context and review comes back equal: synthetic, imported and the curated data with own records")
    func roundTrip() throws {
        let synthetic = DataFile(name: "synthetic.json", bytes: Array(SyntheticStudies.dataFile(count: 9_000, seed: 3).utf8))
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

    @Test("the elements found holding a key are exactly those a search of each element finds", arguments: 0..<40)
    func elementsHoldingKey(seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        // Elements of random bytes from a small alphabet, so the key and its near misses occur
        // often, also across the commas between elements and at both ends of the array.
        let alphabet = Array("\"prima{}y,".utf8)
        let count = Int(random.next() % 30)
        var bytes = Array("{\"studies\": [".utf8)
        let start = bytes.count - 1
        var elements: [Range<Int>] = []
        for index in 0..<count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let begin = bytes.count
            for _ in 0..<Int(random.next() % 40) { bytes.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            if random.next() % 4 == 0 { bytes += Array("\"primary\"".utf8) }
            elements.append(begin..<bytes.count)
        }
        bytes.append(UInt8(ascii: "]"))
        let layout = JSONStructure.ArrayLayout(start: start, end: bytes.count, elements: elements)
        let key = Array("\"primary\"".utf8)
        let expected = Set(elements.indices.filter { index in
            let element = Array(bytes[elements[index]])
            return element.count >= key.count && (0...(element.count - key.count)).contains { Array(element[$0..<($0 + key.count)]) == key }
        })
        #expect(DataSnapshot.Collector.elements(of: layout, in: bytes, holding: key) == expected)
    }

    @Test("records streamed in stretches of any size are the records encoded whole; a stop from the writer ends the stream; studies from another file are refused before anything is written",
          arguments: [1, 700, 5_000, DataSnapshot.streamedBytes])
    func streamedRecords(stretch: Int) throws {
        let file = DataFile(name: "a.json", bytes: Array(SyntheticStudies.dataFile(count: 300, seed: 11).utf8))
        let collector = DataSnapshot.Collector()
        collector.inspect(file)
        let loaded = DataFileDecoder.decode(file.bytes, file: file.name).dataset
        let whole = try DataSnapshot.encode(loaded, collector: collector).get()
        var streamed: [UInt8] = []
        var stretches = 0
        let offsets = try DataSnapshot.streamRecords(loaded, collector: collector, stretch: stretch) { bytes in
            streamed += bytes
            stretches += 1
            return true
        }.get()
        #expect(streamed == whole.records)
        #expect(offsets.map { DataSnapshot.rest(collector, offsets: $0) } == whole.data)
        #expect(stretch > 1 || stretches == loaded.studies.count)
        var calls = 0
        let stopped = try DataSnapshot.streamRecords(loaded, collector: collector, stretch: stretch) { _ in
            calls += 1
            return false
        }.get()
        #expect(stopped == nil && calls == 1)
        var moved = loaded
        moved.studies[0].origin = "b.json"
        var emitted = false
        let refused = DataSnapshot.streamRecords(moved, collector: collector, stretch: stretch) { _ in
            emitted = true
            return true
        }
        #expect(throws: IndexFileError.self) { try refused.get() }
        #expect(!emitted)
    }
}
