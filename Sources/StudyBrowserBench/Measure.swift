import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Timing helpers: milliseconds, medians, and the figures' formatting.
enum Measure {
    static let clock = ContinuousClock()

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = clock.now
        try body()
        return milliseconds(clock.now - start)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        return values.sorted()[values.count / 2]
    }

    /// Two decimals under 10, whole numbers above.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        return value < 10 ? String(format: "%.2f", value) : String(format: "%.0f", value)
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    /// Runs a program to the end with output discarded; returns wall time in ms and exit status.
    static func wholeProcess(_ executable: String, _ arguments: [String], stdout: String = "/dev/null") -> (milliseconds: Double, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = clock.now
        guard posix_spawnp(&pid, executable, &actions, nil, argv, environ) == 0 else { return (.nan, 127) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (milliseconds(clock.now - start), (status >> 8) & 0xFF)
    }
}
