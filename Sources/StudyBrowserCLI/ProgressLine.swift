import Dispatch
import StudyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long command's stage, shown on standard error when it is a terminal: one line rewritten in
/// place four times a second and cleared when the command is done, so what it prints next starts
/// on a clean line. A pipe, a file or a log gets nothing (the command's own result says it all).
final class ProgressLine: Sendable {
    /// What the work reports (stages from the loader and the index build).
    let progress = LoadProgress()
    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    private let shown: Bool

    /// Starts showing the progress if standard error is a terminal; the first stage is drawn
    /// before this returns, however quick the work turns out to be.
    init() {
        shown = isatty(STDERR_FILENO) == 1
        guard shown else { return }
        let progress = progress, stop = stop, stopped = stopped
        let first = Self.draw(progress, over: 0)
        DispatchQueue.global(qos: .utility).async {
            var previous = first
            while stop.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
                previous = Self.draw(progress, over: previous)
            }
            if previous > 0 { _ = Console.rewrite(nil, over: previous) }
            stopped.signal()
        }
    }

    /// Draws the stage over the line before, unless the command runs in the background (`&`,
    /// or stopped and sent there), where the shell owns the terminal: nothing is drawn then, and
    /// 0 says nothing is left to clear.
    private static func draw(_ progress: LoadProgress, over previous: Int) -> Int {
        guard tcgetpgrp(STDERR_FILENO) == getpgrp() else { return previous }
        let reading = progress.snapshot
        let percent = reading.fraction.map { " \(Int(($0 * 100).rounded(.down)))%" } ?? ""
        return Console.rewrite("study-browser: \(reading.stage)\(percent)", over: previous)
    }

    /// Clears the line (once it is drawn for the last time); nothing to do when it was not shown.
    func finish() {
        guard shown else { return }
        stop.signal()
        stopped.wait()
    }
}
