import StudyCore
import Synchronization

/// A catalog's studies: arrays decoded up front (data files, or an index with own records), or
/// the records of a derived index decoded as rows are drawn. Everything that needs every study
/// at once (summaries, findings, field queries, another view) asks for them here, and the
/// records are then decoded once and kept.
final class StudyStore: Sendable {
    private enum Kind {
        case arrays(dataset: Dataset, loaded: Dataset)
        /// `rest` holds the data's records other than studies.
        case records(StudyRecords, rest: Dataset)
    }

    private let kind: Kind
    /// Where each study's tagged parts lie in its folded text: the entries field queries use
    /// are made from them when the first such query comes (most sessions never make them, and
    /// a first build of a million studies spent seconds making them up front).
    let spans: SearchIndex.Spans
    /// Held while the entries are made, so two callers at once make them once.
    private let madeEntries = Mutex<[IndexedStudy]?>(nil)

    /// Studies decoded up front.
    init(dataset: Dataset, loaded: Dataset, spans: SearchIndex.Spans) {
        kind = .arrays(dataset: dataset, loaded: loaded)
        self.spans = spans
        count = dataset.studies.count
    }

    /// Studies decoded from an index's records as they are needed. Only for data whose two
    /// views are the same (no own records), so one set of records serves both.
    init(records: StudyRecords, rest: Dataset, spans: SearchIndex.Spans) {
        kind = .records(records, rest: rest)
        self.spans = spans
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
        case .records(let records, _): records.isDecoded
        }
    }

    /// The study at a position, as the catalog's view shows it.
    func study(at position: Int) -> Study {
        switch kind {
        case .arrays(let dataset, _): dataset.studies[position]
        case .records(let records, _): records.study(at: position)
        }
    }

    /// The study with this id, if any.
    func study(id: String) -> Study? {
        switch kind {
        case .arrays(let dataset, _): return dataset.study(id: id)
        case .records(let records, _): return records.position(ofID: id).map(records.study(at:))
        }
    }

    /// The data's contexts, sources and reviews, without decoding any study (for records its
    /// studies are left out).
    var documents: Dataset {
        switch kind {
        case .arrays(let dataset, _): dataset
        case .records(_, let rest): rest
        }
    }

    /// The data as the view shows it: for records, every study decoded (once).
    var dataset: Dataset {
        switch kind {
        case .arrays(let dataset, _): return dataset
        case .records(let records, let rest):
            var dataset = rest
            dataset.studies = Self.all(records)
            return dataset
        }
    }

    /// The data as loaded (seed values only); for records the same as `dataset`.
    var loaded: Dataset {
        switch kind {
        case .arrays(_, let loaded): loaded
        case .records: dataset
        }
    }

    /// Every study's entry for field queries, made once, when first asked for (for records, from
    /// every study decoded). Two callers at once make them once.
    func entries(index: SearchIndex) -> [IndexedStudy] {
        madeEntries.withLock { made in
            if let made { return made }
            let studies: [Study]
            switch kind {
            case .arrays(let dataset, _): studies = dataset.studies
            case .records(let records, _): studies = Self.all(records)
            }
            let entries = spans.entries(studies, index: index)
            made = entries
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
