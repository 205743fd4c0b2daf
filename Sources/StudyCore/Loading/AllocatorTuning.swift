#if canImport(Glibc)
import Glibc
#endif

/// How the process asks the C allocator to treat large blocks.
public enum AllocatorTuning {
    /// Keeps blocks under 32 MiB in the allocator's heaps instead of mapping each one fresh
    /// from the kernel and unmapping it when freed. Loading grows many arrays by doubling
    /// (texts, records, the index being written), and glibc's default (a threshold that starts
    /// at 128 KiB) made each step a new mapping whose pages the kernel zeroed again: at 100,000
    /// studies `index` spent 2.4 s in the kernel, 1.6 to 1.9 s with this.
    public static func apply() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out: it is looked
        // up by name, and a C library without it is simply left as it is.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        _ = mallopt(mmapThreshold, 32 << 20)
        #endif
    }
}
