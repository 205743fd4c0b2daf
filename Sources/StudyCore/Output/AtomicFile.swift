#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file or nothing: a temporary file in the same folder, then a rename.
public enum AtomicFile {
    /// Why a file was not written.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file exists and overwriting was not allowed.
        case exists(String)
        /// The system refused, with its reason.
        case system(String, String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists"
            case .system(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `text` to `path`. Without `overwrite`, an existing file is never replaced, even if
    /// it appears while writing (the final step is `link`, which refuses an existing name). A
    /// replaced file keeps its permissions, and its owner and group where the system allows.
    public static func write(_ text: TerminalText, to path: String, overwrite: Bool) throws(Failure) {
        if !overwrite && access(path, F_OK) == 0 { throw .exists(path) }
        let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
        // A short name of our own, so it fits however long the final name is (255 bytes at most).
        let temporary = (folder.isEmpty ? "/" : folder + "/") + ".study-browser-\(getpid())-\(nextNumber()).tmp"
        var replaced = stat()
        let replacing = overwrite && stat(path, &replaced) == 0
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .system(path, reason()) }
        // The final permissions before any byte is written: the replaced file's, else what a new
        // file gets under the user's umask.
        let mode = replacing ? replaced.st_mode & 0o7777 : 0o666 & ~currentUmask()
        if replacing {
            // Only root may give a file away; anyone may keep their own group. Either is best effort.
            _ = fchown(descriptor, replaced.st_uid, replaced.st_gid) == 0 || fchown(descriptor, uid_t.max, replaced.st_gid) == 0
        }
        if fchmod(descriptor, mode) != 0 {
            let why = reason()
            close(descriptor)
            unlink(temporary)
            throw .system(path, why)
        }
        if let failure = DescriptorWriter.writeAll(descriptor, text.string) {
            close(descriptor)
            unlink(temporary)
            throw .system(path, String(cString: strerror(failure)).lowercased())
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let why = reason()
            unlink(temporary)
            throw .system(path, why)
        }
        if overwrite {
            guard rename(temporary, path) == 0 else {
                let why = reason()
                unlink(temporary)
                throw .system(path, why)
            }
        } else {
            let linked = link(temporary, path)
            let code = errno
            unlink(temporary)
            if linked != 0 { throw code == EEXIST ? .exists(path) : .system(path, String(cString: strerror(code)).lowercased()) }
        }
    }

    /// The process's umask, from /proc: setting and restoring it with umask(2) would race with
    /// other threads creating files. 022 where /proc does not say.
    private static func currentUmask() -> mode_t {
        let descriptor = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0o022 }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0o022 }
        let text = String(decoding: bytes[0..<count], as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let mask = mode_t(String(line.dropFirst("Umask:".count).filter { !$0.isWhitespace }), radix: 8)
        else { return 0o022 }
        return mask
    }

    private static let counter = Counter()

    private static func nextNumber() -> Int { counter.next() }

    private static func reason() -> String { String(cString: strerror(errno)).lowercased() }
}

/// A number that grows with each call, from any thread.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }

    func next() -> Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        value += 1
        return value
    }
}
