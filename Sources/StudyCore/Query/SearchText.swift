/// Case- and diacritic-insensitive text folding used by every text match.
public enum SearchText {
    /// Lowercased with diacritics removed ("Ångström" → "angstrom"); dashes and quotes unified.
    /// Folding follows `FoldTable` (Foundation's folding of each scalar), not ICU at run time.
    public static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendFolded(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the folded text's UTF-8 bytes. ASCII text, most of any data file, is lowercased
    /// byte by byte; other text goes scalar by scalar through `FoldTable`.
    static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        // ASCII text (most of it) is appended whole from its UTF-8, then lowercased in place:
        // one copy, and an ASCII test over contiguous bytes rather than the generic UTF-8 view.
        let appended = text.withUTF8 { utf8 -> Bool in
            guard utf8.isAllASCII else { return false }
            let start = bytes.count
            bytes.append(contentsOf: utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                for index in start..<buffer.count where buffer[index] >= UInt8(ascii: "A") && buffer[index] <= UInt8(ascii: "Z") {
                    buffer[index] |= 0x20
                }
            }
            return true
        }
        if appended { return }
        var first = true
        for scalar in text.unicodeScalars {
            defer { first = false }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
                continue
            }
            // A combining accent after a letter ("e" + U+0301) goes, as the precomposed "é" does.
            if !first && isCombiningDiacritic(scalar) { continue }
            for folded in foldings[scalar.value] ?? [scalar] {
                if let encoded = UTF8.encode(dashesAndQuotes[folded] ?? folded) { bytes.append(contentsOf: encoded) }
            }
        }
    }

    /// The combining diacritical mark blocks (general, extended, supplement, for symbols, half marks).
    private static func isCombiningDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// `FoldTable` read once: each scalar that folding changes, with what it becomes.
    private static let foldings: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for entry in FoldTable.entries.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let key = UInt32(parts[0], radix: 16) else { continue }
            table[key] = parts[1].split(separator: ",").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }
        return table
    }()

    /// Typographic dashes, minus signs and quotes match their ASCII forms, so `0.12-0.42` finds `0.12–0.42`.
    private static let dashesAndQuotes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2265}": ">", "\u{2264}": "<",
    ]
}
