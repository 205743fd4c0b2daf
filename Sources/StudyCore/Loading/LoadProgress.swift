import Synchronization

/// How far a load has come, written by the loading thread and read by the screen.
public final class LoadProgress: Sendable {
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

    private struct Reading {
        var current = Snapshot(stage: "reading", fraction: nil)
        var done = 0
    }

    private let reading = Mutex(Reading())

    public init() {}

    /// Records a new stage or a new fraction of the current one.
    public func update(_ stage: String, _ fraction: Double?) {
        reading.withLock { $0.current = Snapshot(stage: stage, fraction: fraction.map { min(1, max(0, $0)) }) }
    }

    /// Adds work done by one of several threads working on the same stage.
    public func advance(_ stage: String, by amount: Int, of total: Int) {
        reading.withLock { reading in
            if reading.current.stage != stage { reading = Reading(current: Snapshot(stage: stage, fraction: 0), done: 0) }
            reading.done += amount
            reading.current.fraction = min(1, Double(reading.done) / Double(max(1, total)))
        }
    }

    /// The latest reading.
    public var snapshot: Snapshot { reading.withLock { $0.current } }
}
