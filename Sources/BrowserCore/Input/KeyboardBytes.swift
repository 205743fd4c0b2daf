/// Turns the bytes a keyboard sends into characters: UTF-8 where the bytes are UTF-8, and each
/// byte of anything else read as Latin-1 (ISO 8859-1), so a Latin-1 terminal typing "ü" gets
/// "ü" and the session goes on. Nothing a keyboard sends can end a session by itself.
public struct KeyboardBytes: Sendable {
    /// One decoded character, and whether it came from bytes that were not UTF-8.
    public struct Decoded: Sendable, Equatable {
        public let scalar: Unicode.Scalar
        public let notUTF8: Bool
    }

    private var pending: [UInt8] = []
    private var expected = 0

    /// A decoder with nothing pending.
    public init() {}

    /// Whether a sequence has started and waits for more bytes.
    public var isWaiting: Bool { !pending.isEmpty }

    /// Feeds one byte; returns what it completes (nothing while a sequence is unfinished).
    public mutating func feed(_ byte: UInt8) -> [Decoded] {
        if pending.isEmpty { return start(byte) }
        guard (0x80...0xBF).contains(byte) else {
            // The sequence broke off: its bytes were not UTF-8; this byte starts afresh.
            return flush() + start(byte)
        }
        pending.append(byte)
        guard pending.count == expected else { return [] }
        defer { pending = [] }
        var iterator = pending.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return [Decoded(scalar: scalar, notUTF8: false)]
        }
        // Overlong forms and surrogates are well-formed in shape but not UTF-8.
        return pending.map(Self.latin1)
    }

    /// No more bytes are coming now: an unfinished sequence was not UTF-8.
    public mutating func flush() -> [Decoded] {
        defer { pending = [] }
        return pending.map(Self.latin1)
    }

    private mutating func start(_ byte: UInt8) -> [Decoded] {
        switch byte {
        case 0x00..<0x80: return [Decoded(scalar: Unicode.Scalar(byte), notUTF8: false)]
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return [Self.latin1(byte)]
        }
        pending = [byte]
        return []
    }

    private static func latin1(_ byte: UInt8) -> Decoded {
        Decoded(scalar: Unicode.Scalar(byte), notUTF8: true)
    }

    /// The status-line notice shown when a keyboard sends bytes that are not UTF-8.
    public static let notice = "Keys that were not UTF-8 were read as Latin-1 (ISO 8859-1)."
}
