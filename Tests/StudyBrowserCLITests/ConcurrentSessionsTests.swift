import Foundation
import Testing

/// Many clinicians on one shared host: 20 browsers at once on the same data, each answering
/// its own keys. Prints each session's resident memory (README, "Install on a shared host").
@Suite("Twenty browsers at once", .serialized)
struct ConcurrentSessionsTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
    }

    @Test("20 browsers start, each filters on its own keys and quits with status 0")
    func twenty() throws {
        let count = 20
        let sessions = try (0..<count).map { _ in try TmuxSession(width: 80, height: 24) }
        for session in sessions { _ = try session.waitFor("25 of 25 studies") }
        // Every session gets a different filter, so an answer cannot come from another one.
        let filters = ["afridi", "etchison", "krupitsky", "dakwar", "berman"]
        for (index, session) in sessions.enumerated() {
            try session.press("/")
            try session.type(filters[index % filters.count])
        }
        var residentKilobytes: [Int] = []
        for (index, session) in sessions.enumerated() {
            let filter = filters[index % filters.count]
            let screen = try session.waitFor("filter: \(filter)")
            #expect(!screen.contains("25 of 25 studies"), "session \(index) did not filter:\n\(screen)")
            if let kilobytes = try Self.residentKilobytes(of: session) { residentKilobytes.append(kilobytes) }
        }
        for session in sessions { try session.press("Enter", "q") }
        for (index, session) in sessions.enumerated() {
            #expect(try session.waitForExit() == 0, "session \(index)")
        }
        #expect(residentKilobytes.count == count)
        let sorted = residentKilobytes.sorted()
        print("20 sessions of \(BinaryRunner.binary.path): resident memory per session "
            + "median \(sorted[sorted.count / 2] / 1024) MB, largest \((sorted.last ?? 0) / 1024) MB")
    }

    /// VmRSS of the browser in a session's pane (the child of the pane's shell).
    static func residentKilobytes(of session: TmuxSession) throws -> Int? {
        let shell = try session.paneFormat("#{pane_pid}")
        guard let text = try? TmuxSession.run(["pgrep", "-P", shell]),
              let pid = text.split(separator: "\n").first,
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return line.split(separator: " ").compactMap { Int($0) }.first
    }
}
