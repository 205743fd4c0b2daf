/// The words of a folded text: runs of letters and digits, everything else a break. Read by
/// Unicode scalar with an ASCII fast path, because splitting by Character paid for grapheme
/// breaking on every heading and title of a 30,000-record import.
enum FoldedWords {
    /// "depressive disorder, treatment-resistant/drug therapy" → depressive disorder treatment resistant drug therapy.
    static func split(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let inWord = isWordScalar(scalars[index])
            if inWord, start == nil { start = index }
            if !inWord, let open = start {
                words.append(text[open..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let open = start { words.append(text[open...]) }
        return words
    }

    /// The words joined by single spaces.
    static func joined(_ text: String) -> String { split(text).joined(separator: " ") }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        // Combining marks stay with their letter, as Character.isLetter would have kept them.
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
    }
}
