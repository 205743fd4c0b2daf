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

    /// Unicode symbols.
    public static let unicode = Glyphs(ellipsis: "…", rangeDash: "–", gradedDown: "↓", benefit: "+", mixed: "±",
                                       noBenefit: "−", notReported: "?", ascending: "↑", descending: "↓",
                                       selection: "▸", greaterOrEqual: "≥", micro: "µ", rule: "─", bar: "│", differs: "≠", mark: "•", primary: "†")
    /// Plain ASCII.
    public static let ascii = Glyphs(ellipsis: "~", rangeDash: "-", gradedDown: "*", benefit: "+", mixed: "+/-",
                                     noBenefit: "-", notReported: "?", ascending: "^", descending: "v",
                                     selection: ">", greaterOrEqual: ">=", micro: "u", rule: "-", bar: "|", differs: "!=", mark: "*", primary: "#")

    /// The symbol for an effect direction.
    public func symbol(for direction: EffectDirection) -> String {
        switch direction {
        case .benefit: benefit
        case .mixed: mixed
        case .noBenefit: noBenefit
        case .notReported: notReported
        }
    }

    /// Replaces Unicode symbols that data text may hold with this set's forms, and any other
    /// non-ASCII character with one `?` per column it takes (identity for Unicode).
    public func adapt(_ text: String) -> String {
        guard self == .ascii, text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var output = ""
        for character in text {
            switch character {
            // ASCII first: most characters are, and each case below is a comparison.
            case _ where character.isASCII: output.append(character)
            case "–", "—", "−": output += "-"
            case "…": output += "..."
            case "≥": output += ">="
            case "≤": output += "<="
            case "≠": output += "!="
            case "µ", "μ": output += "u"
            case "±": output += "+/-"
            case "‘", "’": output += "'"
            case "“", "”": output += "\""
            case "↓": output += "v"
            case "↑": output += "^"
            case "←": output += "<-"
            case "→": output += "->"
            case "•": output += "*"
            case "†": output += "#"
            case "─": output += "-"
            case "│": output += "|"
            case "▸": output += ">"
            default:
                // One `?` per column keeps rows aligned under LANG=C; zero-width ones vanish.
                output += String(repeating: "?", count: DisplayWidth.of(character))
            }
        }
        return output
    }
}
