import Foundation

/// The release `study-browser` on a 120x40 pseudo-terminal, as a user on SSH would run it:
/// process start to first frame and to the table, bytes written for a frame, one row down,
/// one filter keystroke and a resize, and the process's peak resident memory.
struct TerminalRun {
    var firstFrame: [Double] = []
    var tableReady: [Double] = []
    var startBytes: [Double] = []
    var rowBytes: [Double] = []
    var keystrokeBytes: [Double] = []
    var keystrokeLatency: [Double] = []
    var resizeBytes: [Double] = []
    var peakMegabytes: [Double] = []

    static let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]

    /// `extra` is added to the command line (index options); `prepare` runs before each start
    /// (a cold start clears the index folder there).
    static func run(binary: String, paths: [String], studies: Int, repeats: Int, extra: [String] = [],
                    prepare: () -> Void = {}) throws -> TerminalRun {
        var result = TerminalRun()
        let arguments = paths == ["Data"] ? [] : paths.flatMap { ["--data", $0] } + extra
        for _ in 0..<repeats {
            prepare()
            let process = try PseudoTerminalProcess(binary, arguments, environment: environment, width: 120, height: 40)
            // The first frame is the loading screen for large data, the table for small data;
            // both have this title (a table's hint row may hold a first start's note instead).
            let first = try process.waitFor("ketamine evidence")
            result.firstFrame.append(Measure.milliseconds(first))
            // Spaces around, so 30 of 30 is not found inside 130 of 300; the count stands
            // without "studies" when a long note shares the status line.
            let ready = try process.waitFor(" \(studies) of \(studies) ")
            result.tableReady.append(Measure.milliseconds(ready))
            result.startBytes.append(Double(process.output.count + process.drain()))

            process.type("j")
            result.rowBytes.append(Double(process.drain()))

            process.type("/")
            _ = process.drain()
            let before = Measure.clock.now
            let mark = process.output.count
            process.type("r")
            // The frame is written in one go once the keystroke is handled: its first byte marks it.
            try process.waitForOutput(after: mark)
            result.keystrokeLatency.append(Measure.milliseconds(Measure.clock.now - before))
            result.keystrokeBytes.append(Double(process.output.count - mark + process.drain()))

            process.type("\r")
            _ = process.drain()
            process.resize(width: 100, height: 30)
            result.resizeBytes.append(Double(process.drain()))

            result.peakMegabytes.append(process.peakMegabytes())
            process.type("q")
            let status = process.waitForExit()
            guard status == 0 else { throw PseudoTerminalProcess.Failure(description: "study-browser exited with \(status)") }
        }
        return result
    }
}
