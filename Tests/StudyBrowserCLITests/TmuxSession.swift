import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tmux server of its own running the real binary in a pane: keys in, screens out.
final class TmuxSession {
    let socket = "sb-e2e-\(UUID().uuidString.prefix(8))"
    let folder: URL

    /// Starts `study-browser ARGUMENTS` in a detached session of the given size. The pane
    /// records the tty modes before and after, and the exit status, in files of `folder`.
    /// `command` replaces the browser (an ssh command that runs it on the other side).
    /// With `interactiveShell`, the pane runs an interactive bash (job control, so Ctrl-Z and
    /// `fg` work) and the test types the command itself. `prefix` runs before the browser.
    init(width: Int, height: Int, arguments: String = "", term: String? = "xterm-256color",
         environment: String = "LANG=C.UTF-8", interactiveShell: Bool = false, prefix: String = "",
         command: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if interactiveShell {
            try Self.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main",
                           "-x", "\(width)", "-y", "\(height)", "env", "PS1=$ ", "XDG_CACHE_HOME=\(folder.path)/cache", "bash", "--norc", "--noprofile", "-i"], startsServer: true)
            return
        }
        let script = """
        \(prefix) stty -g > '\(folder.path)/before'; \
        env \(environment) XDG_CACHE_HOME='\(folder.path)/cache' \(term.map { "TERM=\($0)" } ?? "") \(command ?? "'\(BinaryRunner.binary.path)' \(arguments)"); \
        echo $? > '\(folder.path)/status.tmp'; stty -g > '\(folder.path)/after'; \
        mv '\(folder.path)/status.tmp' '\(folder.path)/status'; sleep 60
        """
        try Self.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main",
                       "-x", "\(width)", "-y", "\(height)", "sh", "-c", script], startsServer: true)
    }

    deinit {
        _ = try? Self.tmux(["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// tmux key names (`Tab`, `Enter`, `Down`) or single characters.
    func press(_ keys: String...) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "main"] + keys)
    }

    /// Text typed literally.
    func type(_ text: String) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "main", "-l", text])
    }

    /// The pane's text now.
    func screen() throws -> String {
        try Self.tmux(["-L", socket, "capture-pane", "-p", "-t", "main"])
    }

    /// A tmux format value for the pane, such as `#{alternate_on}`.
    func paneFormat(_ format: String) throws -> String {
        try Self.tmux(["-L", socket, "display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits (up to 10 s, polling) until the screen satisfies `condition`; returns the screen.
    @discardableResult
    func waitForScreen(_ description: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(message: "timed out waiting for \(description); screen was:\n\(last)")
    }

    /// Waits until the screen contains every string.
    @discardableResult
    func waitFor(_ texts: String...) throws -> String {
        try waitForScreen(texts.joined(separator: ", ")) { screen in texts.allSatisfy(screen.contains) }
    }

    /// Waits for the program to end; returns its exit status.
    func waitForExit() throws -> Int32 {
        let file = folder.appendingPathComponent("status")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(message: "the program did not exit; screen:\n\((try? screen()) ?? "")")
    }

    /// The tty modes (`stty -g`) before the program started and after it ended.
    func ttyModes() throws -> (before: String, after: String) {
        (try String(contentsOf: folder.appendingPathComponent("before"), encoding: .utf8),
         try String(contentsOf: folder.appendingPathComponent("after"), encoding: .utf8))
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static var available: Bool {
        (try? tmux(["-V"])) != nil
    }

    /// Runs tmux (see `run`).
    @discardableResult
    static func tmux(_ arguments: [String], startsServer: Bool = false) throws -> String {
        try run(["tmux"] + arguments, quietOutput: startsServer)
    }

    /// Runs a command with posix_spawn and waitpid. Foundation's `Process` is not used here: the
    /// tmux server daemon inherits the descriptor `Process` watches for the child's exit, so
    /// `waitUntilExit` would wait for the server. Output goes through a temporary file.
    @discardableResult
    static func run(_ command: [String], quietOutput: Bool = false) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, quietOutput ? "/dev/null" : outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Start with no signals blocked and default handlers, as a login would: the test runs on
        // a worker thread whose blocked mask would otherwise reach tmux and everything it starts.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, command[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure(message: "cannot start \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitStatus == 0 else {
            throw Failure(message: "\(command.joined(separator: " ")) failed with status \(exitStatus)")
        }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
