/// Reads the key sequences (CSI `ESC [ … final`, SS3 `ESC O x`) that a terminal sends for keys
/// its terminfo entry does not describe. curses decodes only the sequences of the entry in
/// `TERM`; under `TERM=vt100`, PgUp arrives as `ESC [ 5 ~`, which used to reach the browser as
/// Esc (closing a view) followed by `[`, `5` and `~`.
public enum EscapeSequence {
    /// The longest sequence read; anything longer is not a key.
    public static let maximumLength = 16

    /// Decodes the bytes that followed an ESC. Answers the key (nil for a complete CSI sequence
    /// with parameters that names no key the browser knows, which is dropped whole) and how many
    /// bytes it used; or nil when the bytes are not a complete key sequence (then they were typed:
    /// Esc, then `[` and `j`, stays three keys).
    public static func decode(_ bytes: [UInt8]) -> (key: Key?, length: Int)? {
        guard let introducer = bytes.first else { return nil }
        switch introducer {
        case UInt8(ascii: "O"):
            guard bytes.count >= 2, let key = ss3(bytes[1]) else { return nil }
            return (key, 2)
        case UInt8(ascii: "["):
            var index = 1
            while index < bytes.count, (0x30...0x3F).contains(bytes[index]) { index += 1 }
            let parameters = bytes[1..<index]
            while index < bytes.count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
            guard index < bytes.count, (0x40...0x7E).contains(bytes[index]), index < maximumLength else { return nil }
            let key = csi(final: bytes[index], parameters: Array(parameters))
            // An unknown final byte right after "[" is more likely typing than a terminal's report.
            if key == nil && index == 1 { return nil }
            return (key, index + 1)
        default:
            return nil
        }
    }

    private static func ss3(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "M"): .enter
        case UInt8(ascii: "P"): .function(1)
        case UInt8(ascii: "Q"): .function(2)
        case UInt8(ascii: "R"): .function(3)
        case UInt8(ascii: "S"): .function(4)
        default: nil
        }
    }

    private static func csi(final: UInt8, parameters: [UInt8]) -> Key? {
        // "1;5A" is Ctrl-↑: the modifier after the semicolon is ignored; the key is what counts.
        let first = parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).first
            .flatMap { Int(String(decoding: $0, as: UTF8.self)) }
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "Z"): return .backTab
        case UInt8(ascii: "~"):
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11, 12, 13, 14, 15: return .function((first ?? 11) - 10)
            case 17, 18, 19, 20, 21: return .function((first ?? 17) - 11)
            case 23, 24: return .function((first ?? 23) - 12)
            default: return nil
            }
        default: return nil
        }
    }
}
