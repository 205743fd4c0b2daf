import Foundation

/// Shared between the session and work it runs off the UI loop: the work reports how far it is,
/// the session asks it to stop. Either side may call from any thread.
public final class JobControl: @unchecked Sendable {
    private let lock = NSLock()
    private var fraction = 0.0
    private var stopRequested = false

    /// A control for new work: nothing done, not cancelled.
    public init() {}

    /// How far the work is, 0 to 1.
    public var progress: Double {
        lock.lock()
        defer { lock.unlock() }
        return fraction
    }

    /// Whether the session asked the work to stop.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    /// Asks the work to stop at its next report.
    public func cancel() {
        lock.lock()
        stopRequested = true
        lock.unlock()
    }

    /// Records how far the work is; answers false when it should stop.
    public func report(_ done: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        fraction = min(1, max(0, done))
        return !stopRequested
    }
}
