import BrowserCore
import Foundation
import StudyCore
import SyntheticStudies

/// Load, index, first frame, filter keystrokes, sorts and a frame's render, timed inside this
/// process with the same code the browser runs; then the derived index: writing it, and a warm
/// start from it (read and decode the data files without the checks, restore the catalog).
struct InProcessRun {
    var load: [Double] = []
    var index: [Double] = []
    var firstFrame: [Double] = []
    var keystrokes: [Double] = []
    var commonKeystrokes: [Double] = []
    var rareKeystrokes: [Double] = []
    var doseSort: [Double] = []
    var outcomeSort: [Double] = []
    var render: [Double] = []
    var indexWrite: [Double] = []
    var warmLoad: [Double] = []
    var indexBytes = 0
    var studies = 0
    var matching = 0
    var commonMatching = 0
    var rareMatching = 0
    /// The last run's catalog, for the overlay run.
    var catalog: Catalog?

    /// The query typed one character at a time (10 characters): in most synthetic studies.
    static let query = "refractory"

    static func run(paths: [String], repeats: Int) -> InProcessRun {
        var result = InProcessRun()
        let indexPath = NSTemporaryDirectory() + "/study-browser-bench-\(getpid()).sbindex"
        defer { unlink(indexPath) }
        for _ in 0..<repeats {
            var loaded = Dataset()
            var entries: [DataFingerprint.Entry] = []
            let collector = DataSnapshot.Collector()
            result.load.append(Measure.time {
                loaded = DatasetLoader.load(paths: paths, collector: collector) { file in
                    entries.append(DataFingerprint.Entry(file))
                }.dataset
            })
            result.studies = loaded.studies.count
            var catalog: Catalog?
            result.index.append(Measure.time { catalog = Catalog(loaded) })
            guard let catalog else { continue }
            result.catalog = catalog
            result.indexWrite.append(Measure.time {
                // As the program writes it: the records streamed, then the catalog's sections, not forced to disk.
                try? AtomicFile.write(to: indexPath, overwrite: true, durable: false) { descriptor in
                    let written = CatalogIndex.write(to: descriptor, dataset: loaded, collector: collector, fingerprint: DataFingerprint(files: entries),
                                                     program: "bench", proceed: { true }, making: { catalog })
                    switch written.outcome {
                    case .written: return nil
                    case .failed(let code): return code
                    case .refused: return EINVAL
                    }
                }
                var size = stat()
                result.indexBytes = stat(indexPath, &size) == 0 ? Int(size.st_size) : 0
            })
            result.warmLoad.append(Measure.time {
                // As a session does it: check the files' status (hashing any that changed or were
                // written just before the index), then restore the catalog, its studies decoded as
                // drawn (or, for data with own records, the snapshot decoded whole).
                guard let file = try? IndexFile(path: indexPath), let header = try? CatalogIndex.header(of: file) else { return }
                let unchanged = header.fingerprint.files.allSatisfy { entry in
                    entry.unchangedOnDisk || (try? DataFileReader.readFile(entry.path).get()).map { DataFingerprint.Entry($0).hash == entry.hash } == true
                }
                let restored: Catalog? = unchanged ? (try? CatalogIndex.lazyCatalog(from: file)) ?? (try? CatalogIndex.dataset(from: file))
                    .flatMap { try? CatalogIndex.catalog(from: file, loaded: $0) } : nil
                guard restored != nil else {
                    FileHandle.standardError.write(Data("study-browser-bench: the warm start did not use the index\n".utf8))
                    return
                }
            })
            var state: BrowserState?
            result.firstFrame.append(Measure.time {
                let start = BrowserState(catalog: catalog, size: Size(width: 120, height: 40))
                _ = BrowserView.render(start)
                state = start
            })
            guard let start = state else { continue }
            result.matching = type(query, from: start, into: &result.keystrokes)
            result.commonMatching = type(SyntheticStudies.commonWord, from: start, into: &result.commonKeystrokes)
            result.rareMatching = type(SyntheticStudies.rareWord, from: start, into: &result.rareKeystrokes)
            // Sorting as the browser does it: the whole tab re-sorted and the filter re-applied.
            var sorting = start
            result.doseSort.append(Measure.time { sorting.setSort(TableSort(column: .dose, descending: false)) })
            result.outcomeSort.append(Measure.time { sorting.setSort(TableSort(column: .outcome, descending: false)) })
            result.render.append(Measure.time { _ = BrowserView.render(sorting) })
        }
        return result
    }

    /// Types a word into the filter one character at a time, timing each keystroke with its
    /// frame; returns how many studies the whole word keeps.
    private static func type(_ word: String, from start: BrowserState, into times: inout [Double]) -> Int {
        var typing = start
        for length in 1...word.count {
            times.append(Measure.time {
                typing.setFilterText(String(word.prefix(length)))
                _ = BrowserView.render(typing)
            })
        }
        return typing.rows.count
    }
}
