import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An OpenSSH server of the test's own on 127.0.0.1: a throwaway host key and user key in a
/// temporary folder, public-key login for the current user only, stopped and removed on deinit.
final class LoopbackSSHServer {
    static let sshd = "/usr/sbin/sshd"
    let folder: URL
    private(set) var port = 0
    let user: String
    private var pid: Int32 = 0

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: sshd) && (try? TmuxSession.run(["sh", "-c", "command -v ssh ssh-keygen"])) != nil
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-ssh-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        for key in ["host_key", "user_key"] {
            try TmuxSession.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "study-browser-test", "-f", path(key)])
        }
        try FileManager.default.copyItem(atPath: path("user_key.pub"), toPath: path("authorized_keys"))
        // sshd refuses to start without its privilege-separation folder (Debian creates it at boot).
        if !FileManager.default.fileExists(atPath: "/run/sshd") {
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o755])
        }
        // A port below the kernel's ephemeral range (32768 and up), where outgoing connections
        // of other tests cannot take it between the choice and sshd's bind; tried again if taken.
        var failures: [String] = []
        for _ in 0..<5 {
            port = Int.random(in: 20_000..<30_000)
            if try start() { return }
            failures.append((try? String(contentsOfFile: path("sshd.log"), encoding: .utf8)) ?? "")
        }
        throw TmuxSession.Failure(message: "sshd did not start on 127.0.0.1: \(failures.joined(separator: "; "))")
    }

    /// Writes the configuration for `port` and starts sshd; false when it could not listen.
    private func start() throws -> Bool {
        try? FileManager.default.removeItem(atPath: path("sshd.log"))
        try? FileManager.default.removeItem(atPath: path("sshd.pid"))
        let config = """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(path("host_key"))
        PidFile \(path("sshd.pid"))
        AuthorizedKeysFile \(path("authorized_keys"))
        AllowUsers \(user)
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        StrictModes no
        UsePAM no
        PrintMotd no
        PrintLastLog no
        LogLevel ERROR
        """
        try config.write(toFile: path("sshd_config"), atomically: true, encoding: .utf8)
        // Without -D sshd detaches and writes its pid file; the spawn returns when the parent
        // exits, which it does with an error status when it cannot listen.
        try TmuxSession.run([Self.sshd, "-f", path("sshd_config"), "-E", path("sshd.log")])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path("sshd.pid"), encoding: .utf8),
               let found = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), Self.accepts(port: port) {
                pid = found
                return true
            }
            if let log = try? String(contentsOfFile: path("sshd.log"), encoding: .utf8), log.contains("Cannot bind") { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    deinit {
        if pid > 0 { kill(pid, SIGTERM) }
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// An ssh command line that runs `remote` on this server in a pseudo-terminal (-tt), with the
    /// local TERM passed on as ssh does for every login.
    func command(remote: String) -> String {
        "ssh -tt -i '\(path("user_key"))' -p \(port) -o BatchMode=yes -o StrictHostKeyChecking=no "
            + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \(user)@127.0.0.1 \"\(remote)\""
    }

    private static func accepts(port: Int) -> Bool {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
