#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory; pages are read from disk as they are touched and
/// shared with every other process mapping the same file.
public final class MappedFile: @unchecked Sendable {
    // Unchecked: the mapping is read-only and never changes until deinit unmaps it.
    /// The file's bytes, valid while this object lives.
    public let bytes: UnsafeRawBufferPointer

    /// Maps `path`; throws when it cannot be opened, is not a regular file, is empty, or (with
    /// `ownedByUser`) belongs to another user or may be written by others: an index someone else
    /// could have written is not trusted, whatever its checksums say.
    public init(path: String, ownedByUser: Bool = true) throws(IndexFileError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno)).lowercased()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable("not a regular file") }
        if ownedByUser && (info.st_uid != geteuid() || info.st_mode & (S_IWGRP | S_IWOTH) != 0) {
            throw .unreadable("it belongs to another user or others may write it")
        }
        let size = Int(info.st_size)
        guard size > 0 else { throw .truncated(expected: IndexFile.headerSize, found: 0) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw .unreadable(String(cString: strerror(errno)).lowercased())
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// Lets the kernel drop the whole pages inside `range` from this process (they are read
    /// again from the file if touched): checking every byte of a large index would otherwise
    /// leave all of it counted as this process's memory.
    public func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0, let base = bytes.baseAddress else { return }
        let address = Int(bitPattern: base)
        let first = (address + range.lowerBound + page - 1) / page * page
        let last = (address + range.upperBound) / page * page
        guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(start, last - first, MADV_DONTNEED)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
