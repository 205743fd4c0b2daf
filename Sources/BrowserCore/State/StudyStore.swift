import StudyCore
import Synchronization

/// A catalog's studies: arrays decoded up front (data files, or an index with own records), or
/// the records of a derived index decoded as rows are drawn. Everything that needs every study
/// at once (summaries, findings, field queries, another view) asks for them here, and the
/// records are then decoded once and kept.
final class StudyStore: Sendable {
    private enum Kind {
        case arrays(dataset: Dataset, loaded: Dataset, entries: [IndexedStudy])
        /// `rest` holds the data's records other than studies; `spans` make the entries.
        case records(StudyRecords, rest: Dataset, spans: SearchIndex.Spans)
    }

    private let kind: Kind
    private let madeEntries = Mutex<[IndexedStudy]?>(nil)

    /// Studies decoded up front.
    init(dataset: Dataset, loaded: Dataset, entries: [IndexedStudy]) {
        kind = .arrays(dataset: dataset, loaded: loaded, entries: entries)
        count = dataset.studies.count
    }

    /// Studies decoded from an index's records as they are needed. Only for data whose two
    /// views are the same (no own records), so one set of records serves both.
    init(records: StudyRecords, rest: Dataset, spans: SearchIndex.Spans) {
        kind = .records(records, rest: rest, spans: spans)
        count = records.count
    }

    /// Number of studies (kept: loops over every study ask for it, and a look into `kind`
    /// copies what the case holds).
    let count: Int

    /// Whether studies are decoded only as they are needed.
    var isLazy: Bool {
        if case .records = kind { return true }
        return false
    }

    /// Whether every study has been decoded (always, for arrays).
    var decodedAll: Bool {
        switch kind {
        case .arrays: true
        case .records(let records, _, _): records.isDecoded
        }
    }

    /// The study at a position, as the catalog's view shows it.
    func study(at position: Int) -> Study {
        switch kind {
        case .arrays(let dataset, _, _): dataset.studies[position]
        case .records(let records, _, _): records.study(at: position)
        }
    }

    /// The study with this id, if any.
    func study(id: String) -> Study? {
        switch kind {
        case .arrays(let dataset, _, _): return dataset.study(id: id)
        case .records(let records, _, _): return records.position(ofID: id).map(records.study(at:))
        }
    }

    /// The data's contexts, sources and reviews, without decoding any study (for records its
    /// studies are left out).
    var documents: Dataset {
        switch kind {
        case .arrays(let dataset, _, _): dataset
        case .records(_, let rest, _): rest
        }
    }

    /// The data as the view shows it: for records, every study decoded (once).
    var dataset: Dataset {
        switch kind {
        case .arrays(let dataset, _, _): return dataset
        case .records(let records, let rest, _):
            var dataset = rest
            dataset.studies = Self.all(records)
            return dataset
        }
    }

    /// The data as loaded (seed values only); for records the same as `dataset`.
    var loaded: Dataset {
        switch kind {
        case .arrays(_, let loaded, _): loaded
        case .records: dataset
        }
    }

    /// Every study's entry for field queries: for records, made from the decoded studies once.
    func entries(index: SearchIndex) -> [IndexedStudy] {
        switch kind {
        case .arrays(_, _, let entries): return entries
        case .records(let records, _, let spans):
            if let made = madeEntries.withLock({ $0 }) { return made }
            let entries = spans.entries(Self.all(records), index: index)
            madeEntries.withLock { $0 = entries }
            return entries
        }
    }

    /// Every study of the records; one that cannot be read stands as a study that says so.
    private static func all(_ records: StudyRecords) -> [Study] {
        switch records.all() {
        case .success(let studies): studies
        case .failure: (0..<records.count).map(records.study(at:))
        }
    }
}
