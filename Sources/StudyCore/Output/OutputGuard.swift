/// The last check before bytes leave the program: in a document, C0 controls other than a line
/// feed (and a carriage return before one, for CSV), DEL, C1 controls and bidi controls become
/// visible `\u{…}` escapes. Formatters already make every data value inert; this catches what
/// a future formatter might forget, on bytes, so a large export costs one pass.
public enum OutputGuard {
    /// `text` with every unsafe control written as a visible escape.
    public static func clean(_ text: String) -> String {
        var text = text
        let safe = text.withUTF8 { firstUnsafeOffset(in: $0) == nil }
        if safe { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\n" || (scalar == "\r" && next == "\n") || !isUnsafe(scalar) {
                output.append(scalar)
            } else {
                output.append(contentsOf: InertText.escape(scalar).unicodeScalars)
            }
        }
        return String(output)
    }

    /// Whether a scalar must never reach a terminal raw.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
    }

    /// U+061C, U+200E/F, U+202A–202E and U+2066–2069: they reorder text on screen.
    static func isBidiControl(_ value: UInt32) -> Bool {
        value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// The offset of the first byte that may start an unsafe scalar, or nil when there is none.
    /// Only bytes that can begin one are looked at closely: C0, DEL, 0xC2 (C1), 0xD8 (U+061C)
    /// and 0xE2 (the U+20xx bidi controls).
    static func firstUnsafeOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F { index += 1; continue }
            switch byte {
            case 0x0A: break
            case 0x0D: if index + 1 >= count || bytes[index + 1] != 0x0A { return index }
            case 0x00..<0x20, 0x7F: return index
            case 0xC2: if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return index }
            case 0xD8: if index + 1 < count, bytes[index + 1] == 0x9C { return index }
            case 0xE2:
                if index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80, third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) { return index }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return index }
                }
            default: break
            }
            index += 1
        }
        return nil
    }
}
