import CZlib

/// Unpacks gzip data (PubMed's `.xml.gz` downloads) with the system zlib, every member of a
/// multi-member file in turn, refusing truncated or corrupt data and output past a limit.
enum Gunzip {
    /// Why a gzip file could not be unpacked; the text is what the user reads.
    struct Failure: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    /// Whether bytes start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x1F, 0x8B]) }

    /// The unpacked bytes; `limit` guards against a small file that unpacks to gigabytes.
    static func unpack(_ packed: [UInt8], limit: Int = 1 << 30) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(packed.count * 4, 1 << 16)))
        var offset = 0
        var members = 0
        while offset < packed.count {
            // Padding after the last member is allowed by gzip(1): zeros end the file quietly.
            if members > 0 && packed[offset...].allSatisfy({ $0 == 0 }) { break }
            guard packed.count - offset >= 2, packed[offset] == 0x1F, packed[offset + 1] == 0x8B else {
                throw Failure(description: members == 0 ? "not gzip data" : "unexpected bytes after gzip member \(members) at byte \(offset)")
            }
            offset += try unpackMember(packed, from: offset, into: &output, limit: limit)
            members += 1
        }
        return output
    }

    /// Inflates one member starting at `start`, appending to `output`; returns the bytes it used.
    private static func unpackMember(_ packed: [UInt8], from start: Int, into output: inout [UInt8], limit: Int) throws(Failure) -> Int {
        var stream = z_stream()
        guard study_browser_inflate_init(&stream) == Z_OK else { throw Failure(description: "zlib could not start (out of memory?)") }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        var consumed = 0
        repeat {
            let produced: Int = packed.withUnsafeBufferPointer { whole in
                chunk.withUnsafeMutableBufferPointer { buffer in
                    guard let base = whole.baseAddress, let out = buffer.baseAddress else { status = Z_MEM_ERROR; return 0 }
                    // zlib counts in 32-bit units: very large inputs are fed in slices.
                    stream.avail_in = UInt32(min(packed.count - start - consumed, Int(UInt32.max)))
                    stream.next_in = UnsafeMutablePointer(mutating: base + start + consumed)
                    stream.next_out = out
                    stream.avail_out = UInt32(buffer.count)
                    let before = stream.avail_in
                    status = inflate(&stream, Z_NO_FLUSH)
                    consumed += Int(before - stream.avail_in)
                    return buffer.count - Int(stream.avail_out)
                }
            }
            if output.count + produced > limit {
                throw Failure(description: "unpacks to more than \(limit >> 20) MiB; unpack it with gunzip and split it")
            }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_OK: continue
            case Z_STREAM_END: break
            case Z_BUF_ERROR where start + consumed >= packed.count:
                throw Failure(description: "the gzip data ends early (the file is truncated)")
            case Z_DATA_ERROR:
                let reason = stream.msg.map { String(cString: $0) } ?? "corrupt data"
                throw Failure(description: "corrupt gzip data (\(reason)) at byte \(start + consumed)")
            case Z_MEM_ERROR:
                throw Failure(description: "out of memory while unpacking")
            default:
                throw Failure(description: "zlib stopped with status \(status) at byte \(start + consumed)")
            }
        } while status != Z_STREAM_END
        return consumed
    }
}
