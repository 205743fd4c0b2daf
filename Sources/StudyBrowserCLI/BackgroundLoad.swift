import BrowserCore
import Foundation
import StudyCore

/// The result of a load running on another thread, handed over under a lock.
final class BackgroundLoad: @unchecked Sendable {
    typealias Loaded = (dataset: Dataset, problems: [DataProblem])

    private let lock = NSLock()
    private var stored: (loaded: Loaded, catalog: Catalog?)?

    /// Called once by the loading thread.
    func finish(_ loaded: Loaded, _ catalog: Catalog?) {
        lock.lock()
        stored = (loaded, catalog)
        lock.unlock()
    }

    var isDone: Bool { value != nil }

    /// The load's result once finished.
    var value: (loaded: Loaded, catalog: Catalog?)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
