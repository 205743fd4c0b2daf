#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads data files from paths (a file, or a folder of `*.json`), reporting why one cannot be read.
///
/// Uses POSIX calls directly so messages carry the system's own reason (permission denied,
/// too many levels of symbolic links) and a folder or a device is never read as a file.
public enum DataFileReader {
    /// Largest data file read; a larger one is refused before any byte is parsed.
    public static let maximumFileSize = 256 * 1024 * 1024

    /// The files behind each path, in the order given (a folder's files in name order).
    public static func files(at paths: [String]) -> (files: [DataFile], problems: [DataProblem]) {
        let located = locate(paths)
        var files: [DataFile] = []
        var problems = located.problems
        for path in located.paths {
            switch readFile(path) {
            case .success(let file): files.append(file)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (files, problems)
    }

    /// The data file paths behind each path (a folder's `*.json` files in name order), with
    /// their total size in bytes, without reading them: large sets are then read one file
    /// at a time.
    public static func locate(_ paths: [String]) -> (paths: [String], bytes: Int, problems: [DataProblem]) {
        var found: [String] = []
        var bytes = 0
        var problems: [DataProblem] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append(cannotOpen(path, systemReason(errno)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let names: [String]
                switch listJSONFiles(in: path) {
                case .success(let listed): names = listed
                case .failure(let problem): problems.append(problem); continue
                }
                if names.isEmpty {
                    problems.append(cannotOpen(path, "the folder holds no .json data files"))
                }
                for name in names {
                    let filePath = path.hasSuffix("/") ? path + name : path + "/" + name
                    var fileInfo = stat()
                    if stat(filePath, &fileInfo) == 0 { bytes += Int(fileInfo.st_size) }
                    found.append(filePath)
                }
            } else {
                bytes += Int(info.st_size)
                found.append(path)
            }
        }
        return (found, bytes, problems)
    }

    private static func listJSONFiles(in folder: String) -> Result<[String], DataProblem> {
        guard let directory = opendir(folder) else { return .failure(cannotOpen(folder, systemReason(errno))) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        return .success(names.sorted())
    }

    /// Reads one data file, refusing what is not a regular file or is too large.
    public static func readFile(_ path: String) -> Result<DataFile, DataProblem> {
        var fresh: [UInt8] = []
        return readFile(path, reusing: &fresh)
    }

    /// Reads one data file into `buffer`'s memory, which the file's bytes then own (`buffer` is
    /// left empty once reading begins; a file refused before then leaves it as it was): a caller
    /// reading many large files hands each file's bytes back as the next buffer, so the memory
    /// is touched once rather than once per file. Memory touched
    /// for the first time is dear here (BENCHMARKS.md): filling a fresh 218 MB buffer took 400 to
    /// 730 ms, and one already touched 44 to 156 ms.
    public static func readFile(_ path: String, reusing buffer: inout [UInt8]) -> Result<DataFile, DataProblem> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(cannotOpen(path, systemReason(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(cannotOpen(path, systemReason(errno))) }
        // Taken before the first byte is read, so a write during the read shows as a change later.
        let status = FileStatus(descriptor: descriptor)
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(cannotOpen(path, "not a regular file"))
        }
        guard Int(info.st_size) <= maximumFileSize else {
            return .failure(DataProblem(file: path, message: "the file is \(Int(info.st_size) / 1_048_576) MiB; data files may be at most \(maximumFileSize / 1_048_576) MiB"))
        }
        // One byte more than the file's size, so the read that finds the end needs no growth
        // (growing copies the whole file); a file that grows while read still grows the buffer.
        let size = Int(info.st_size) + 1
        var bytes: [UInt8]
        if buffer.capacity >= size {
            bytes = buffer
            buffer = []
            // Only bytes beyond the last file's are cleared: the rest is read over.
            if bytes.count < size {
                bytes.append(contentsOf: repeatElement(0, count: size - bytes.count))
            } else {
                bytes.removeSubrange(size...)
            }
        } else {
            buffer = []
            // With room to spare (never touched unless used), so that a slightly larger file
            // read next into the same memory still fits: data files are seldom all one size.
            bytes = [UInt8](unsafeUninitializedCapacity: size + size / 16) { _, count in count = size }
        }
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 65_536)) }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(cannotOpen(path, systemReason(errno)))
            }
            if count == 0 { break }
            filled += count
            if filled > maximumFileSize {
                return .failure(DataProblem(file: path, message: "the file grew past \(maximumFileSize / 1_048_576) MiB while being read"))
            }
        }
        bytes.removeSubrange(filled...)
        return .success(DataFile(name: path, bytes: bytes, status: status))
    }

    private static func cannotOpen(_ path: String, _ reason: String) -> DataProblem {
        DataProblem(kind: .cannotOpen, file: path, message: "cannot open: \(reason)")
    }

    private static func systemReason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
