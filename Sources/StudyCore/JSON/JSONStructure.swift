#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quick structural scan of a JSON document that finds where the elements of one array of
/// the root object lie, without building values or checking much.
///
/// The loader uses it to hand a large file's records to several cores; every element is then
/// parsed by the strict parser, and anything the scan misreads makes the loader fall back to
/// parsing the file from start to end, so messages never depend on this scan.
enum JSONStructure {
    /// Where an array lies: from its `[` to just past its `]`, and each element's byte range.
    struct ArrayLayout: Sendable {
        let start: Int
        let end: Int
        let elements: [Range<Int>]
    }

    /// The layout of the array under `key` in the root object; nil when there is none or the
    /// document does not look like an object holding one.
    static func array(under key: String, in bytes: [UInt8]) -> ArrayLayout? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.findArray(under: Array(key.utf8))
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func findArray(under key: [UInt8]) -> ArrayLayout? {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            skipWhitespace()
            guard take(UInt8(ascii: "{")) else { return nil }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                let keyStart = index + 1
                guard skipString() else { return nil }
                let matches = bytes[keyStart..<(index - 1)].elementsEqual(key)
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                if matches, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                    return elements()
                }
                guard skipValue() else { return nil }
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                return nil
            }
        }

        private mutating func elements() -> ArrayLayout? {
            let start = index
            index += 1
            var elements: [Range<Int>] = []
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return ArrayLayout(start: start, end: index, elements: []) }
            while true {
                skipWhitespace()
                let elementStart = index
                guard skipValue() else { return nil }
                elements.append(elementStart..<index)
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                if take(UInt8(ascii: "]")) { return ArrayLayout(start: start, end: index, elements: elements) }
                return nil
            }
        }

        /// Past one value: a string, a container (strings inside skipped whole), or a scalar.
        private mutating func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var level = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        level += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        level -= 1
                        if level == 0 { index += 1; return true }
                    default:
                        break
                    }
                    index += 1
                }
                return false
            default:
                let start = index
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                        return index > start
                    default:
                        index += 1
                    }
                }
                return index > start
            }
        }

        /// Past a string starting at its opening quote: `memchr` finds the next quote, and a
        /// backslash before it, if any, skips the character it escapes (most of a data file is
        /// text, and a byte at a time was most of this scan). The quote found is searched for
        /// again only when an escape skipped it, so a string of many escapes stays linear.
        private mutating func skipString() -> Bool {
            index += 1
            guard let base = bytes.baseAddress else { return false }
            var quoteIndex = -1
            while index < bytes.count {
                if quoteIndex < index {
                    guard let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) else {
                        index = bytes.count
                        return false
                    }
                    quoteIndex = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
                }
                if let escape = memchr(base + index, Int32(UInt8(ascii: "\\")), quoteIndex - index) {
                    index = base.distance(to: escape.assumingMemoryBound(to: UInt8.self)) + 2
                    continue
                }
                index = quoteIndex + 1
                return true
            }
            return false
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
    }
}
