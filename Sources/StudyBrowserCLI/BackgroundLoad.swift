import BrowserCore
import StudyCore
import Synchronization

/// The result of a load running on another thread, handed over under a lock.
final class BackgroundLoad: Sendable {
    typealias Loaded = (dataset: Dataset, problems: [DataProblem])

    private let stored = Mutex<(loaded: Loaded, catalog: Catalog?)?>(nil)
    private let storedNote = Mutex<String?>(nil)

    /// Called once by the loading thread; `note` says what happened to the derived index.
    func finish(_ loaded: Loaded, _ catalog: Catalog?, note: String? = nil) {
        storedNote.withLock { $0 = note }
        stored.withLock { $0 = (loaded, catalog) }
    }

    /// What happened to the derived index, once finished.
    var note: String? { storedNote.withLock { $0 } }

    var isDone: Bool { value != nil }

    /// The load's result once finished.
    var value: (loaded: Loaded, catalog: Catalog?)? { stored.withLock { $0 } }
}
