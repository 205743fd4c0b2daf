import Foundation

/// Case- and diacritic-insensitive text folding used by every text match.
public enum SearchText {
    /// Lowercased with diacritics removed ("Ångström" → "angstrom"); dashes and quotes unified.
    public static func fold(_ text: String) -> String {
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        if folded.unicodeScalars.contains(where: { dashesAndQuotes[$0] != nil }) {
            folded = String(String.UnicodeScalarView(folded.unicodeScalars.map { dashesAndQuotes[$0] ?? $0 }))
        }
        return folded
    }

    /// Typographic dashes, minus signs and quotes match their ASCII forms, so `0.12-0.42` finds `0.12–0.42`.
    private static let dashesAndQuotes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2265}": ">", "\u{2264}": "<",
    ]
}
