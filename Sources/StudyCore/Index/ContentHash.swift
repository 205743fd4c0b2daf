/// A fast 64-bit hash of bytes, to tell whether a file's content or an index section changed.
///
/// Not cryptographic: it guards against edits, truncation and disk damage, not an adversary
/// (who could as well write a wrong index by hand). Four lanes of 8-byte words keep both the
/// multiplier and the loads busy, about 5 GB/s here.
public enum ContentHash {
    /// The hash of `bytes`; `afterWindow` is told each stretch of `window` bytes once it has
    /// been read, so a caller can let go of pages it no longer needs.
    public static func of(_ bytes: UnsafeRawBufferPointer, window: Int = 1 << 62, afterWindow: (Range<Int>) -> Void = { _ in }) -> UInt64 {
        var hasher = Hasher()
        var start = 0
        repeat {
            let end = min(bytes.count, start + window)
            hasher.add(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            afterWindow(start..<end)
            start = end
        } while start < bytes.count
        return hasher.finish()
    }

    /// The hash of an array of bytes.
    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    /// The hash of bytes given in pieces, equal to `of` their concatenation: an index written
    /// straight from its parts is never assembled in memory to be hashed.
    public static func of(parts: [SectionPart]) -> UInt64 {
        var hasher = Hasher()
        for part in parts { part.withUnsafeBytes { hasher.add($0) } }
        return hasher.finish()
    }

    /// The hash fed a piece at a time: 32-byte blocks go through the lanes as they arrive,
    /// and a block split between pieces waits in `pending`.
    struct Hasher {
        private var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, prime1 ^ 0x5555, prime2 ^ 0xAAAA)
        private var count = 0
        /// Bytes of a block of 32 not yet complete.
        private var pending: [UInt8] = []

        private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

        private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }

        private mutating func block(_ base: UnsafeRawPointer) {
            lanes.0 = Self.mix(lanes.0, base.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, base.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, base.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            count += bytes.count
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            if !pending.isEmpty {
                let taken = min(32 - pending.count, bytes.count)
                pending += UnsafeRawBufferPointer(rebasing: bytes[0..<taken])
                offset = taken
                guard pending.count == 32 else { return }
                let full = pending
                pending = []
                full.withUnsafeBytes { full in
                    if let start = full.baseAddress { block(start) }
                }
            }
            while offset + 32 <= bytes.count {
                block(base + offset)
                offset += 32
            }
            pending += UnsafeRawBufferPointer(rebasing: bytes[offset...])
        }

        func finish() -> UInt64 {
            var hash = UInt64(count) &* Self.prime1
            hash = Self.mix(hash, lanes.0)
            hash = Self.mix(hash, lanes.1)
            hash = Self.mix(hash, lanes.2)
            hash = Self.mix(hash, lanes.3)
            for byte in pending { hash = Self.mix(hash, UInt64(byte)) }
            hash ^= hash >> 29
            hash = hash &* Self.prime2
            return hash ^ (hash >> 32)
        }
    }
}
