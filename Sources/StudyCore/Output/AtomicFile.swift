import Synchronization
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
        /// `commit` answered false: the write was called off and nothing was left.
        case cancelled(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists"
            case .system(let path, let reason): "cannot write \(path): \(reason)"
            case .cancelled(let path): "writing \(path) was cancelled; nothing was written"
            }
        }
    }

    /// Writes `text` to `path`. Without `overwrite`, an existing file is never replaced, even if
    /// it appears while writing (the final step is `link`, which refuses an existing name). A
    /// replaced file keeps its permissions, and its owner and group where the system allows.
    public static func write(_ text: TerminalText, to path: String, overwrite: Bool, commit: () -> Bool = { true }) throws(Failure) {
        var string = text.string
        let failure = string.withUTF8 { buffer -> Failure? in
            do throws(Failure) {
                try write(bytes: UnsafeRawBufferPointer(buffer), to: path, overwrite: overwrite, commit: commit)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Writes bytes that are not text for a terminal (an index file) in the same way.
    /// Without `durable` the data is not forced to disk before the rename: for a file that can
    /// be derived again and checks itself (an index), a crash may leave it short, never wrong.
    /// `mode` is a new file's permissions before the umask; a file it replaces keeps its own.
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool, durable: Bool = true, mode: mode_t = 0o666) throws(Failure) {
        let failure = bytes.withUnsafeBytes { buffer -> Failure? in
            do throws(Failure) {
                try write(bytes: buffer, to: path, overwrite: overwrite, durable: durable, mode: mode)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Writes bytes that are not text for a terminal in the same way.
    public static func write(bytes: UnsafeRawBufferPointer, to path: String, overwrite: Bool, durable: Bool = true,
                             mode: mode_t = 0o666, commit: () -> Bool = { true }) throws(Failure) {
        try write(to: path, overwrite: overwrite, durable: durable, mode: mode, commit: commit) { DescriptorWriter.writeAll($0, bytes) }
    }

    /// Writes a file in the same way from `contents`, which writes to the descriptor it is
    /// given and returns nil, or the `errno` that stopped it (an index written from its parts).
    public static func write(to path: String, overwrite: Bool, durable: Bool = true, mode: mode_t = 0o666,
                             commit: () -> Bool = { true }, contents: (Int32) -> Int32?) throws(Failure) {
        if !overwrite && access(path, F_OK) == 0 { throw .exists(path) }
        let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
        var replaced = stat()
        let replacing = overwrite && stat(path, &replaced) == 0
        // A new file is created as any new file is (`mode`, 0666 by default, less the umask);
        // one that replaces another is created private and given the old file's mode before a
        // byte is written.
        let (descriptor, temporary) = createTemporary(in: folder, mode: replacing ? 0o600 : mode)
        guard descriptor >= 0 else { throw .system(path, reason()) }
        if replacing {
            // Only root may give a file away; anyone may keep their own group. Either is best
            // effort, and set-id bits are kept only with the owner.
            let keptOwner = fchown(descriptor, replaced.st_uid, replaced.st_gid) == 0
            if !keptOwner { _ = fchown(descriptor, uid_t.max, replaced.st_gid) }
            if fchmod(descriptor, replaced.st_mode & (keptOwner ? 0o7777 : 0o777)) != 0 {
                let why = reason()
                close(descriptor)
                unlink(temporary)
                throw .system(path, why)
            }
        }
        if let failure = contents(descriptor) {
            close(descriptor)
            unlink(temporary)
            throw .system(path, String(cString: strerror(failure)).lowercased())
        }
        if (durable && fsync(descriptor) != 0) || close(descriptor) != 0 {
            let why = reason()
            unlink(temporary)
            throw .system(path, why)
        }
        // The last moment a write can be called off: until the name is given, nothing is there.
        guard commit() else {
            unlink(temporary)
            throw .cancelled(path)
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

    /// Creates a temporary file with a short name of our own in `folder`, so it fits however
    /// long the final name is; a name left by an earlier crash is skipped. Returns the descriptor
    /// (or -1 with errno set) and the name.
    private static func createTemporary(in folder: String, mode: mode_t) -> (Int32, String) {
        var attempt = 0
        while true {
            let name = (folder.isEmpty ? "/" : folder + "/") + ".study-browser-\(getpid())-\(counter.next()).tmp"
            let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            attempt += 1
            if descriptor >= 0 || errno != EEXIST || attempt >= 100 { return (descriptor, name) }
        }
    }

    private static let counter = Counter()

    private static func reason() -> String { String(cString: strerror(errno)).lowercased() }
}

/// A number that grows with each call, from any thread.
private final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}
