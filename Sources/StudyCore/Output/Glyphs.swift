/// Symbols used in text output, with ASCII stand-ins for terminals whose locale is not UTF-8.
public struct Glyphs: Sendable, Equatable {
    public let ellipsis: String
    public let rangeDash: String
    public let gradedDown: String
    public let benefit: String
    public let mixed: String
    public let noBenefit: String
    public let notReported: String
    public let ascending: String
    public let descending: String
    public let selection: String
    public let greaterOrEqual: String
    public let micro: String
    public let rule: String
    public let bar: String
    /// Marks a study whose primary record differs from the seed.
    public let differs: String
    /// Marks a study chosen for comparison.
    public let mark: String
    /// Marks a value taken from the study's own record because the seed gives none.
    public let primary: String
    /// Whether this is the plain ASCII set.
    public let isASCII: Bool

    /// There are two sets, told apart by `isASCII`: comparing seventeen strings on every cell
    /// was a tenth of the time spent on column widths.
    public static func == (lhs: Glyphs, rhs: Glyphs) -> Bool { lhs.isASCII == rhs.isASCII }

    /// Unicode symbols.
    public static let unicode = Glyphs(ellipsis: "…", rangeDash: "–", gradedDown: "↓", benefit: "+", mixed: "±",
                                       noBenefit: "−", notReported: "?", ascending: "↑", descending: "↓",
                                       selection: "▸", greaterOrEqual: "≥", micro: "µ", rule: "─", bar: "│", differs: "≠", mark: "•", primary: "†",
                                       isASCII: false)
    /// Plain ASCII.
    public static let ascii = Glyphs(ellipsis: "~", rangeDash: "-", gradedDown: "*", benefit: "+", mixed: "+/-",
                                     noBenefit: "-", notReported: "?", ascending: "^", descending: "v",
                                     selection: ">", greaterOrEqual: ">=", micro: "u", rule: "-", bar: "|", differs: "!=", mark: "*", primary: "#",
                                     isASCII: true)

    /// The symbol for an effect direction.
    public func symbol(for direction: EffectDirection) -> String {
        switch direction {
        case .benefit: benefit
        case .mixed: mixed
        case .noBenefit: noBenefit
        case .notReported: notReported
        }
    }

    /// The ASCII forms of the Unicode symbols data text may hold.
    private static let asciiForms: [Character: String] = [
        "–": "-", "—": "-", "−": "-", "…": "...", "≥": ">=", "≤": "<=", "≠": "!=", "µ": "u", "μ": "u", "±": "+/-",
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "↓": "v", "↑": "^", "←": "<-", "→": "->", "•": "*", "†": "#",
        "─": "-", "│": "|", "▸": ">",
    ]

    /// Replaces Unicode symbols that data text may hold with this set's forms, and any other
    /// non-ASCII character with one `?` per column it takes (identity for Unicode).
    public func adapt(_ text: String) -> String {
        guard isASCII, text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var output = ""
        for character in text {
            // ASCII first: most characters are; then one look-up, not a comparison per symbol.
            if character.isASCII {
                output.append(character)
            } else if let replacement = Self.asciiForms[character] {
                output += replacement
            } else {
                // One `?` per column keeps rows aligned under LANG=C; zero-width ones vanish.
                output += String(repeating: "?", count: DisplayWidth.of(character))
            }
        }
        return output
    }
}
