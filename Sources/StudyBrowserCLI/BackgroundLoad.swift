import BrowserCore
import StudyCore
import Synchronization

/// The result of a load running on another thread, handed over under a lock.
final class BackgroundLoad: Sendable {
    typealias Loaded = (dataset: Dataset, problems: [DataProblem])

    private let stored = Mutex<(loaded: Loaded, catalog: Catalog?)?>(nil)
    private let storedIndex = Mutex<(note: String?, pending: PendingIndexWrite?)>((nil, nil))

    /// Called once by the loading thread; `note` says what happened to the derived index, and
    /// `pending` is the index still to be written.
    func finish(_ loaded: Loaded, _ catalog: Catalog?, note: String? = nil, pending: PendingIndexWrite? = nil) {
        storedIndex.withLock { $0 = (note, pending) }
        stored.withLock { $0 = (loaded, catalog) }
    }

    /// What happened to the derived index, once finished.
    var note: String? { storedIndex.withLock { $0.note } }

    /// The index still to be written, once finished.
    var pending: PendingIndexWrite? { storedIndex.withLock { $0.pending } }

    var isDone: Bool { value != nil }

    /// The load's result once finished.
    var value: (loaded: Loaded, catalog: Catalog?)? { stored.withLock { $0 } }
}
