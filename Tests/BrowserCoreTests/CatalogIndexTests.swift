import Foundation
import Synchronization
import Testing
@testable import BrowserCore
@testable import StudyCore
import SyntheticStudies

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
            // The stored standard order, filtered to a tab, is that tab sorted.
            let sorted = built.sortTable.order((0..<built.studyCount).filter { built.study(at: $0, isIn: tab) }, by: .standard)
            #expect(restored.order(tab: tab, by: .standard) == sorted && built.order(tab: tab, by: .standard) == sorted)
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

    /// An index with its data section, of the data files in `folder`, and the data as loaded.
    private static func indexWithSnapshot(of folder: String) throws -> (file: IndexFile, loaded: Dataset, path: String) {
        var entries: [DataFingerprint.Entry] = []
        let collector = DataSnapshot.Collector()
        let loaded = DatasetLoader.load(paths: [folder]) { file in
            entries.append(DataFingerprint.Entry(file))
            collector.inspect(file)
        }.dataset
        let snapshot = try DataSnapshot.encode(loaded, collector: collector).get()
        let bytes = CatalogIndex.bytes(of: Catalog(loaded), fingerprint: DataFingerprint(files: entries), program: "test", snapshot: snapshot)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString).sbindex").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (try IndexFile(path: path), loaded, path)
    }

    @Test("a first start's catalog, shown without grams, gains those built for its index and keeps every answer; another catalog's are refused")
    func gramsLater() throws {
        let loaded = DataFileDecoder.decode(Array(SyntheticStudies.dataFile(count: 3_000, seed: 8).utf8), file: "a.json").dataset
        let shown = Catalog(loaded, gramsLater: true)
        let built = shown.withGrams()
        #expect(!shown.searchIndex.hasGrams && built.searchIndex.hasGrams)
        let gained = shown.withGrams(of: built)
        #expect(gained.searchIndex.hasGrams)
        for query in ["zunoba", "z", "zu", "ref", SyntheticStudies.rareWord, "xyzzy", "refractory ket"] {
            let compiled = try StudyQuery(query)
            #expect(gained.positions(indication: nil, matching: compiled, sortedBy: .standard)
                == shown.positions(indication: nil, matching: compiled, sortedBy: .standard))
        }
        let other = Catalog(DataFileDecoder.decode(Array(SyntheticStudies.dataFile(count: 3_000, seed: 9).utf8), file: "b.json").dataset, gramsLater: true)
        #expect(!other.withGrams(of: built).searchIndex.hasGrams)
    }

    @Test("a catalog read lazily from its index shows the same studies, filters, sorts and screens, and plain words decode no study")
    func lazySameAsDecoded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lazy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticStudies.dataFiles(count: 3_000, perFile: 1_100, seed: 7) { number, text in
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/studies-\(number).json"))
        }
        let (file, loaded, path) = try Self.indexWithSnapshot(of: folder)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let decoded = Catalog(loaded)
        let lazy = try #require(try CatalogIndex.lazyCatalog(from: file))
        #expect(lazy.decodesOnDemand && !decoded.decodesOnDemand)
        #expect(lazy.studyCount == decoded.studyCount && lazy.tabs == decoded.tabs)
        for position in stride(from: 0, to: decoded.studyCount, by: 37) { #expect(lazy.study(at: position) == decoded.study(at: position)) }
        let id = decoded.study(at: 2_222).id
        #expect(lazy.study(id: id) == decoded.study(id: id) && lazy.study(id: "no-such-study") == nil)
        #expect(lazy.sources == decoded.sources)
        // Many at once (an export of the table) are decoded on both cores, in the order asked.
        let asked = Array((0..<2_600).reversed()) + [5, 5]
        #expect(lazy.studies(at: asked) == asked.map(decoded.study(at:)) && !lazy.store.decodedAll)
        // Plain words filter through the search index: no study is decoded for them.
        let sorts = [SortSpec.standard, SortSpec([SortSpec.Term(.dose, descending: true)])]
        for query in ["zunoba", "z", "zu", "ref", SyntheticStudies.rareWord, "xyzzy"] {
            for sort in sorts {
                let compiled = try StudyQuery(query)
                #expect(lazy.positions(indication: nil, matching: compiled, sortedBy: sort) == decoded.positions(indication: nil, matching: compiled, sortedBy: sort))
            }
        }
        var lazyState = BrowserState(catalog: lazy, size: Size(width: 120, height: 40))
        var decodedState = BrowserState(catalog: decoded, size: Size(width: 120, height: 40))
        lazyState.setFilterText("zuno")
        decodedState.setFilterText("zuno")
        let lazyScreen = BrowserView.render(lazyState), decodedScreen = BrowserView.render(decodedState)
        #expect((0..<40).map(lazyScreen.rowText) == (0..<40).map(decodedScreen.rowText))
        // Marked studies are found where they were marked, not by reading every record's id.
        for _ in 0..<2 {
            _ = BrowserReducer.reduce(&lazyState, .toggleMark)
            _ = BrowserReducer.reduce(&decodedState, .toggleMark)
        }
        #expect(lazyState.markedStudies.count == 2 && lazyState.markedStudies == decodedState.markedStudies)
        #expect(!lazy.store.decodedAll)
        // Field queries and alternatives need every study: decoded once, then the same answers.
        for query in ["year>2010", "title:zu|n<100", "!zunoba", "design:rct zu", "mark:within"] {
            let compiled = try StudyQuery(query)
            #expect(lazy.positions(indication: .migraine, matching: compiled, sortedBy: .standard)
                == decoded.positions(indication: .migraine, matching: compiled, sortedBy: .standard), "\(query)")
        }
        #expect(lazy.store.decodedAll)
        #expect(lazy.dataset == decoded.dataset)
    }

    @Test("data with own records has two views, which one set of records cannot show: it is decoded up front")
    func ownRecordsNotLazy() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data").path
        let (file, loaded, path) = try Self.indexWithSnapshot(of: data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Catalog(loaded).viewsCanDiffer)
        #expect(try CatalogIndex.lazyCatalog(from: file) == nil)
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

    @Test("own records searched for and not found still mark studies in the seed-only view, as a list without a catalog does")
    func notFoundRecordsOnly() throws {
        var data = Self.realData()
        data.studies = data.studies.filter { $0.primary != nil && $0.primary?.status != .found }
        try #require(!data.studies.isEmpty, "the bundled data has own records that were not found")
        for view in [SourceView.best, .seedOnly] {
            let catalog = Catalog(data, view: view)
            #expect(!catalog.hasPrimaryRecords, "no record was found, so v says both views are one")
            #expect(catalog.dataset.studies == BestSourced.studies(data.studies, view: view))
            #expect(try Self.roundTrip(catalog).dataset == catalog.dataset)
            #expect(Catalog(data, view: view.toggled).switched(to: view).dataset == catalog.dataset)
        }
    }

    @Test("v with own records that were all not found switches the view, beside the loop when large, and says so")
    func toggleNotFoundOnly() {
        var data = Self.realData()
        data.studies = data.studies.filter { $0.primary != nil && $0.primary?.status != .found }
        var state = BrowserState(catalog: Catalog(data), size: Size(width: 100, height: 30))
        #expect(state.catalog.viewsCanDiffer && !state.catalog.hasPrimaryRecords)
        state.indexAsideFrom = 0
        let effect = BrowserReducer.reduce(&state, .toggleSourceView)
        #expect(state.indexingView != nil, "indexed beside the loop: \(effect)")
        #expect(state.message?.contains("both views are the same") != true)
        // With no own record at all, v only says so.
        var plain = Self.realData()
        plain.studies = plain.studies.filter { $0.primary == nil }
        var same = BrowserState(catalog: Catalog(plain), size: Size(width: 100, height: 30))
        same.indexAsideFrom = 0
        BrowserReducer.reduce(&same, .toggleSourceView)
        #expect(same.message == "No study here has an own record; both views are the same.")
    }

    @Test("column widths are measured up to a bound, and read back the same")
    func widthsBounded() throws {
        var data = Self.realData()
        data.studies[0].citation.firstAuthor = String(repeating: "w", count: Catalog.widestColumn + 10)
        let catalog = Catalog(data)
        #expect(catalog.naturalWidths(tab: 0, glyphs: .unicode).allSatisfy { $0 <= Catalog.widestColumn })
        #expect(try Self.roundTrip(catalog).naturalWidths(tab: 0, glyphs: .ascii) == catalog.naturalWidths(tab: 0, glyphs: .ascii))
    }

    /// Data of each kind in a folder: synthetic studies (several files), the curated data with own records, or a file without studies.
    private static func folder(_ kind: String) throws -> String {
        if kind == "curated" {
            return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Data").path
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if kind == "empty" {
            try #"{"format": "\#(DataFileDecoder.formatIdentifier)", "studies": []}"#.write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        } else {
            try SyntheticStudies.dataFiles(count: 3_000, perFile: 1_100, seed: 5) { index, text in
                try text.write(to: folder.appendingPathComponent("studies-\(index).json"), atomically: true, encoding: .utf8)
            }
        }
        return folder.path
    }

    @Test("an index written while its catalog is worked out holds every section an index built whole holds, the same bytes, and reads back as the data",
          arguments: ["synthetic", "curated", "empty"], [false, true])
    func streamedWrite(kind: String, catalogMadeFirst: Bool) throws {
        let folder = try Self.folder(kind)
        var entries: [DataFingerprint.Entry] = []
        let collector = DataSnapshot.Collector()
        let loaded = DatasetLoader.load(paths: [folder], collector: collector) { entries.append(DataFingerprint.Entry($0)) }.dataset
        let fingerprint = DataFingerprint(files: entries)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).sbindex").path
        let wholePath = path + ".whole"
        defer { unlink(path); unlink(wholePath) }
        var outcome: CatalogIndex.WriteOutcome?
        var catalog: Catalog?
        try AtomicFile.write(to: path, overwrite: false, durable: false) { descriptor in
            // As `index` does (the catalog worked out while the records are written) or as a first start does (shown first).
            let written = catalogMadeFirst
                ? CatalogIndex.write(to: descriptor, dataset: loaded, collector: collector, fingerprint: fingerprint, program: "test",
                                     proceed: { true }, catalog: Catalog(loaded, gramsLater: true))
                : CatalogIndex.write(to: descriptor, dataset: loaded, collector: collector, fingerprint: fingerprint, program: "test",
                                     proceed: { true }, making: { Catalog(loaded, gramsLater: true) })
            (outcome, catalog) = (written.outcome, written.catalog)
            return nil
        }
        #expect(outcome == .written)
        #expect(catalog?.searchIndex.hasGrams == Catalog.gramsPayOff(loaded.studies.count))
        let snapshot = try DataSnapshot.encode(loaded, collector: collector).get()
        try Data(CatalogIndex.bytes(of: Catalog(loaded), fingerprint: fingerprint, program: "test", snapshot: snapshot)).write(to: URL(fileURLWithPath: wholePath))
        let streamed = try IndexFile(path: path), whole = try IndexFile(path: wholePath)
        for tag in CatalogIndex.sectionsWithData {
            #expect(Array(try streamed.section(tag)) == Array(try whole.section(tag)), "section \(tag)")
        }
        #expect(try CatalogIndex.dataset(from: streamed) == loaded)
        let restored = try CatalogIndex.lazyCatalog(from: streamed) ?? CatalogIndex.catalog(from: streamed, loaded: loaded)
        #expect(restored.studyCount == loaded.studies.count)
        #expect((0..<restored.studyCount).map { restored.study(at: $0).id } == (catalog.map { c in (0..<c.studyCount).map { c.study(at: $0).id } } ?? []))
    }

    @Test("a write told to stop leaves no file and says so; studies that are not their files' are refused and leave none", arguments: [false, true])
    func streamedWriteStopsAndRefuses(catalogMadeFirst: Bool) throws {
        let folder = try Self.folder("synthetic")
        let collector = DataSnapshot.Collector()
        let loaded = DatasetLoader.load(paths: [folder], collector: collector).dataset
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).sbindex").path
        defer { unlink(path) }
        for stopAfter in [0, 1, 5] {
            let asked = Mutex(0)
            var outcome: CatalogIndex.WriteOutcome?
            #expect(throws: AtomicFile.Failure.self) {
                try AtomicFile.write(to: path, overwrite: false, durable: false) { descriptor in
                    let proceed: @Sendable () -> Bool = { asked.withLock { $0 += 1; return $0 <= stopAfter } }
                    let written = catalogMadeFirst
                        ? CatalogIndex.write(to: descriptor, dataset: loaded, collector: collector, fingerprint: DataFingerprint(files: []),
                                             program: "test", proceed: proceed, catalog: Catalog(loaded, gramsLater: true))
                        : CatalogIndex.write(to: descriptor, dataset: loaded, collector: collector, fingerprint: DataFingerprint(files: []),
                                             program: "test", proceed: proceed, making: { Catalog(loaded, gramsLater: true) })
                    outcome = written.outcome
                    return outcome == .written ? nil : ECANCELED
                }
            }
            #expect(outcome == .failed(ECANCELED), "stopped after \(stopAfter)")
            #expect(access(path, F_OK) != 0)
        }
        var moved = loaded
        moved.studies[1].origin = "elsewhere.json"
        var refused: CatalogIndex.WriteOutcome?
        #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.write(to: path, overwrite: false, durable: false) { descriptor in
                refused = catalogMadeFirst
                    ? CatalogIndex.write(to: descriptor, dataset: moved, collector: collector, fingerprint: DataFingerprint(files: []),
                                         program: "test", proceed: { true }, catalog: Catalog(moved, gramsLater: true)).outcome
                    : CatalogIndex.write(to: descriptor, dataset: moved, collector: collector, fingerprint: DataFingerprint(files: []),
                                         program: "test", proceed: { true }, making: { Catalog(moved, gramsLater: true) }).outcome
                return refused == .written ? nil : ECANCELED
            }
        }
        if case .refused = refused {} else { Issue.record("not refused: \(String(describing: refused))") }
        #expect(access(path, F_OK) != 0)
    }
}
