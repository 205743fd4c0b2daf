/// Makes data text safe to print on a terminal: controls and invisible format characters become
/// visible escapes, so a data file can never send escape sequences or reorder text on screen.
public enum InertText {
    /// `text` with C0/C1 controls, DEL, bidi controls, zero-width and other format characters
    /// shown as `\u{…}`, and tabs and newlines as single spaces.
    public static func make(_ text: String) -> String {
        // Printable ASCII needs no look-up of Unicode properties: most cells are just that.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                output.append(" ")
            } else if needsEscape(scalar) {
                output.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// A scalar as the visible escape every output uses: `\u{1B}`.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }

    /// Controls, format characters (bidi overrides, zero-width joiners and spaces, BOM), and
    /// anything the C library calls unprintable (`wcwidth` -1, such as code points its Unicode
    /// version does not know yet), whose width ncurses could not know.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Printable ASCII first, without the property look-ups: most scalars of a text with an
        // accent or a symbol in it are plain letters.
        if value >= 0x20 && value < 0x7F { return false }
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: return true
        default: return !DisplayWidth.isPrintable(scalar)
        }
    }
}
