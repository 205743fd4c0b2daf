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
    /// it appears while writing (the final step is `link`, which refuses an existing name).
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(Failure) {
        if !overwrite && access(path, F_OK) == 0 { throw .exists(path) }
        let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system(path, reason()) }
        if let failure = DescriptorWriter.writeAll(descriptor, text) {
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

    private static func reason() -> String { String(cString: strerror(errno)).lowercased() }
}
