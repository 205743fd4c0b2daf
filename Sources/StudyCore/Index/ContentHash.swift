/// A fast 64-bit hash of bytes, to tell whether a file's content or an index section changed.
///
/// Not cryptographic: it guards against edits, truncation and disk damage, not an adversary
/// (who could as well write a wrong index by hand). Four lanes of 8-byte words keep both the
/// multiplier and the loads busy, about 5 GB/s here.
public enum ContentHash {
    /// The hash of `bytes`; `afterWindow` is told each stretch of `window` bytes (a multiple of
    /// 32) once it has been read, so a caller can let go of pages it no longer needs.
    public static func of(_ bytes: UnsafeRawBufferPointer, window: Int = 1 << 62, afterWindow: (Range<Int>) -> Void = { _ in }) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, prime1 ^ 0x5555, prime2 ^ 0xAAAA)
        func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        let count = bytes.count
        var offset = 0
        var windowStart = 0
        if let base = bytes.baseAddress {
            while offset + 32 <= count {
                if offset - windowStart >= window {
                    afterWindow(windowStart..<offset)
                    windowStart = offset
                }
                lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = mix(lanes.1, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = mix(lanes.2, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = mix(lanes.3, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
        }
        var hash = UInt64(count) &* prime1
        hash = mix(hash, lanes.0)
        hash = mix(hash, lanes.1)
        hash = mix(hash, lanes.2)
        hash = mix(hash, lanes.3)
        while offset < count {
            hash = mix(hash, UInt64(bytes[offset]))
            offset += 1
        }
        afterWindow(windowStart..<count)
        hash ^= hash >> 29
        hash = hash &* prime2
        return hash ^ (hash >> 32)
    }

    /// The hash of an array of bytes.
    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }
}
