#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole buffer to a file descriptor, retrying short writes and EINTR.
public enum DescriptorWriter {
    /// Writes every byte of `text`; returns nil on success, else the `errno` that stopped it.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// Writes every byte of `buffer`; returns nil on success, else the `errno` that stopped it.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        guard var base = buffer.baseAddress else { return nil }
        var remaining = buffer.count
        while remaining > 0 {
            let written = write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            remaining -= written
            base += written
        }
        return nil
    }
}
