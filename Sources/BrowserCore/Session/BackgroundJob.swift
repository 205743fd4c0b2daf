import Dispatch

/// Work the session runs beside the UI loop (an export, indexing a view, building a summary or a
/// copy): the loop keeps answering keys and signals, polls `finishedAction`, and feeds that action
/// to the reducer when the work ends.
final class BackgroundJob: @unchecked Sendable {
    /// Where the work runs.
    enum Mode: Sendable {
        /// On another thread (the program).
        case background
        /// At once, on the caller's thread (tests that script keys and expect the outcome before the next one).
        case inline
    }

    let control = JobControl()
    private let done = DispatchSemaphore(value: 0)
    private let lock = DispatchSemaphore(value: 1)
    private var result: Action?

    /// Starts `work`, which returns the action that reports its outcome.
    init(mode: Mode, work: @escaping @Sendable (JobControl) -> Action) {
        switch mode {
        case .inline: finish(work(control))
        case .background:
            DispatchQueue.global(qos: .userInitiated).async { [self] in finish(work(control)) }
        }
    }

    private func finish(_ action: Action) {
        lock.wait()
        result = action
        lock.signal()
        done.signal()
    }

    /// The outcome's action once the work has ended, else nil.
    var finishedAction: Action? {
        lock.wait()
        defer { lock.signal() }
        return result
    }

    /// Asks the work to stop, waits for it to end (it removes what it started), and returns its action.
    func cancelAndWait() -> Action? {
        control.cancel()
        done.wait()
        done.signal()
        return finishedAction
    }
}
