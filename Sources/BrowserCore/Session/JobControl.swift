import Synchronization

/// Shared between the session and work it runs off the UI loop: the work reports how far it is,
/// the session asks it to stop. Either side may call from any thread.
public final class JobControl: Sendable {
    private struct Shared {
        var fraction = 0.0
        var stopRequested = false
    }

    private let shared = Mutex(Shared())

    /// A control for new work: nothing done, not cancelled.
    public init() {}

    /// How far the work is, 0 to 1.
    public var progress: Double { shared.withLock { $0.fraction } }

    /// Whether the session asked the work to stop.
    public var isCancelled: Bool { shared.withLock { $0.stopRequested } }

    /// Asks the work to stop at its next report.
    public func cancel() {
        shared.withLock { $0.stopRequested = true }
    }

    /// Records how far the work is; answers false when it should stop.
    public func report(_ done: Double) -> Bool {
        shared.withLock { shared in
            shared.fraction = min(1, max(0, done))
            return !shared.stopRequested
        }
    }
}
