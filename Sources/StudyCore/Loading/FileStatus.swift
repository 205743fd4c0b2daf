#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system said about a file (size, times, inode) and when we asked: enough to
/// tell later, without reading it, whether it may have changed.
public struct FileStatus: Sendable, Equatable {
    public var size: UInt64
    /// Modification time in nanoseconds since 1970; nil when it does not fit in 64 bits.
    public var modified: Int64?
    /// Status change time in nanoseconds since 1970; nil when it does not fit in 64 bits.
    public var changed: Int64?
    public var inode: UInt64
    /// When the status was taken, in nanoseconds since 1970.
    public var taken: Int64

    /// The status of an open file, now; nil when it cannot be had.
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The status of the file at `path`, now; nil when it cannot be had.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        size = UInt64(clamping: info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        modified = Self.nanoseconds(info.st_mtimespec)
        changed = Self.nanoseconds(info.st_ctimespec)
        #else
        modified = Self.nanoseconds(info.st_mtim)
        changed = Self.nanoseconds(info.st_ctim)
        #endif
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        taken = Self.nanoseconds(now) ?? Int64.max
    }

    /// A time in nanoseconds, or nil for one before 1678 or after 2262 (a file's time is
    /// whatever its owner set, so it may be either).
    static func nanoseconds(_ time: timespec) -> Int64? {
        let (seconds, overflow) = Int64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (sum, carried) = seconds.addingReportingOverflow(Int64(time.tv_nsec))
        return carried ? nil : sum
    }
}
