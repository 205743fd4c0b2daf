import BrowserCore
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An index worked out in memory whose file is still to be written. The browser shows the table
/// first and writes the file beside the UI loop (at 100,000 studies encoding and writing it is
/// two of the first start's five seconds); commands that print and exit write it before they
/// print. It holds the build lock until the file is written, so sessions that start meanwhile
/// wait for that file instead of building their own.
final class PendingIndexWrite: Sendable {
    /// What the write reports: the note for the user, whether no file could be saved, and the
    /// catalog with the grams built for the file (for the session to search with).
    typealias Result = (note: String, unsaved: Bool, catalog: Catalog?)

    private enum Stage {
        case waiting(@Sendable (JobControl) -> Result)
        case writing
        case written(Result)
    }

    private let stage: Mutex<Stage>
    private let finished = DispatchSemaphore(value: 0)
    /// Told to stop when the session ends by a signal or a closed terminal.
    let control = JobControl()
    /// A duplicate of the build lock's descriptor: the lock lasts until both are closed.
    private let lock: Int32

    /// The number of studies being written, for the messages that wait for it.
    let studyCount: Int

    /// Takes over `lock` (a duplicate is kept, closed on exec) and runs `work` once, when
    /// `write` is first called; `work` stops early, leaving no file, when its control is cancelled.
    init(lock: Int32, studyCount: Int, work: @escaping @Sendable (JobControl) -> Result) {
        self.lock = lock >= 0 ? fcntl(lock, F_DUPFD_CLOEXEC, 0) : -1
        self.studyCount = studyCount
        stage = Mutex(.waiting(work))
    }

    deinit {
        // Never written (the session ended before the table): the lock goes with this.
        if case .waiting = stage.withLock({ $0 }), lock >= 0 { close(lock) }
    }

    /// Writes the index (once; later and concurrent calls wait for that write and share its result).
    @discardableResult
    func write() -> Result {
        let work: (@Sendable (JobControl) -> Result)? = stage.withLock { stage in
            guard case .waiting(let work) = stage else { return nil }
            stage = .writing
            return work
        }
        guard let work else {
            finished.wait()
            finished.signal()
            return result ?? ("the index was not written", true, nil)
        }
        let result = work(control)
        if lock >= 0 { close(lock) }
        stage.withLock { $0 = .written(result) }
        finished.signal()
        return result
    }

    /// Whether the file is written (or could not be).
    var isWritten: Bool { result != nil }

    private var result: Result? {
        stage.withLock { stage in
            guard case .written(let result) = stage else { return nil }
            return result
        }
    }
}
