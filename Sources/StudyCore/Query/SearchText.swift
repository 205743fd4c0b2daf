import Foundation

/// Case- and diacritic-insensitive text folding used by every text match.
public enum SearchText {
    /// Lowercased with diacritics removed ("Ångström" → "angstrom"); dashes and quotes unified.
    public static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendFolded(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the folded text's UTF-8 bytes. ASCII text, most of any data file, is lowercased
    /// byte by byte; only text with other characters goes through Foundation's folding, which
    /// is an order of magnitude slower.
    static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Appended whole, then lowercased in place: one copy instead of a byte at a time.
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                for index in start..<buffer.count where buffer[index] >= UInt8(ascii: "A") && buffer[index] <= UInt8(ascii: "Z") {
                    buffer[index] |= 0x20
                }
            }
            return
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            let unified = dashesAndQuotes[scalar] ?? scalar
            if let encoded = UTF8.encode(unified) { bytes.append(contentsOf: encoded) }
        }
    }

    /// Typographic dashes, minus signs and quotes match their ASCII forms, so `0.12-0.42` finds `0.12–0.42`.
    private static let dashesAndQuotes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2265}": ">", "\u{2264}": "<",
    ]
}
