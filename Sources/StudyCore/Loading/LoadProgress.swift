import Foundation

/// How far a load has come, written by the loading thread and read by the screen.
public final class LoadProgress: @unchecked Sendable {
    /// One reading of the progress.
    public struct Snapshot: Sendable, Equatable {
        /// What is being done: "parsing studies.json", "checking records", "indexing".
        public var stage: String
        /// Fraction of that stage done, 0...1, when it can be told.
        public var fraction: Double?

        /// A reading of a stage and, if known, its fraction done.
        public init(stage: String, fraction: Double?) {
            self.stage = stage
            self.fraction = fraction
        }
    }

    // NSLock rather than Synchronization.Mutex: the package still builds for macOS 13.
    private let lock = NSLock()
    private var current = Snapshot(stage: "reading", fraction: nil)
    private var done = 0

    public init() {}

    /// Records a new stage or a new fraction of the current one.
    public func update(_ stage: String, _ fraction: Double?) {
        lock.lock()
        current = Snapshot(stage: stage, fraction: fraction.map { min(1, max(0, $0)) })
        lock.unlock()
    }

    /// Adds work done by one of several threads working on the same stage.
    public func advance(_ stage: String, by amount: Int, of total: Int) {
        lock.lock()
        if current.stage != stage { current = Snapshot(stage: stage, fraction: 0); done = 0 }
        done += amount
        current.fraction = min(1, Double(done) / Double(max(1, total)))
        lock.unlock()
    }

    /// The latest reading.
    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
}
