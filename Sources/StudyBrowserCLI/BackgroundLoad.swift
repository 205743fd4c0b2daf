import BrowserCore
import StudyCore
import Synchronization

/// The result of a load running on another thread, handed over under a lock.
final class BackgroundLoad: Sendable {
    typealias Loaded = (dataset: Dataset, problems: [DataProblem])

    private let stored = Mutex<(loaded: Loaded, catalog: Catalog?)?>(nil)

    /// Called once by the loading thread.
    func finish(_ loaded: Loaded, _ catalog: Catalog?) {
        stored.withLock { $0 = (loaded, catalog) }
    }

    var isDone: Bool { value != nil }

    /// The load's result once finished.
    var value: (loaded: Loaded, catalog: Catalog?)? { stored.withLock { $0 } }
}
