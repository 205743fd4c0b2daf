import CPseudoTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running on a pseudo-terminal of its own: the benchmark types keys, counts the
/// bytes it writes back, and reads its peak memory when it exits. This is what a user on
/// SSH sees: the real binary, the real terminal library, the real bytes.
final class PseudoTerminalProcess {
    let pid: pid_t
    private let master: Int32
    private let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    /// Everything read so far, for matching text.
    private(set) var output: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ executable: String, _ arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var master: Int32 = -1
        started = clock.now
        pid = pty_spawn(executable, argv, envp, Int32(width), Int32(height), &master)
        guard pid > 0 else { throw Failure(description: "cannot start \(executable) on a pseudo-terminal: \(String(cString: strerror(errno)))") }
        self.master = master
    }

    private var exited = false

    deinit {
        if !exited {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Sends keys as typed.
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until `text` has appeared in the output since `from`; returns the time since start.
    func waitFor(_ text: String, after from: Int = 0, timeout: Duration = .seconds(120)) throws -> Duration {
        let needle = Array(text.utf8)
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if contains(needle, from: from) { return clock.now - started }
            _ = readAvailable(waitingMilliseconds: 50)
        }
        throw Failure(description: "\"\(text)\" did not appear within \(timeout); output ends: \(String(decoding: output.suffix(300), as: UTF8.self))")
    }

    /// Reads until at least one byte past `mark` has arrived.
    func waitForOutput(after mark: Int, timeout: Duration = .seconds(60)) throws {
        let deadline = clock.now + timeout
        while output.count <= mark {
            guard clock.now < deadline else { throw Failure(description: "no output within \(timeout)") }
            _ = readAvailable(waitingMilliseconds: 5)
        }
    }

    /// Reads until nothing arrives for `quiet`; returns the number of bytes read.
    func drain(quiet: Duration = .milliseconds(300), timeout: Duration = .seconds(60)) -> Int {
        let before = output.count
        let deadline = clock.now + timeout
        var lastByte = clock.now
        while clock.now < deadline, clock.now - lastByte < quiet {
            if readAvailable(waitingMilliseconds: 20) > 0 { lastByte = clock.now }
        }
        return output.count - before
    }

    /// Changes the terminal's size; the kernel tells the program with SIGWINCH.
    func resize(width: Int, height: Int) {
        _ = pty_resize(master, Int32(width), Int32(height))
    }

    /// The program's peak resident memory so far in MB, from /proc (VmHWM). Not rusage's
    /// ru_maxrss: that survives exec, so a child spawned from a large parent reports the
    /// parent's size.
    func peakMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").compactMap({ Double($0) }).first
        else { return .nan }
        return kilobytes / 1024
    }

    /// Waits for the program to exit; returns its exit status.
    func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exited = true
        _ = drain(quiet: .milliseconds(50), timeout: .seconds(1))
        return (status >> 8) & 0xFF
    }

    private func contains(_ needle: [UInt8], from: Int) -> Bool {
        guard output.count - from >= needle.count else { return false }
        return output[from...].firstRange(of: needle) != nil
    }

    private func readAvailable(waitingMilliseconds: Int32) -> Int {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitingMilliseconds) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return 0 }
        output.append(contentsOf: buffer[..<count])
        return count
    }
}
