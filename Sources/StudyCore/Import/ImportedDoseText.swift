/// Reads a ketamine amount from a registry's intervention text, only when the text states one
/// unambiguously: exactly one amount (or one range) with a unit the browser knows. "0.5 mg/kg IV
/// over 40 minutes" is 0.5 mg/kg; "56 mg or 84 mg" and "dose per protocol" stay text only.
enum ImportedDoseText {
    /// The amount or range and its dimension, or nil.
    static func amount(in text: String) -> (low: Double, high: Double, dimension: DoseDimension)? {
        let characters = Array(text.lowercased())
        var found: [(low: Double, high: Double, dimension: DoseDimension)] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isNumber, index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == ".") else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
            guard let low = Double(String(characters[index..<end])) else { index = end; continue }
            var high = low
            var cursor = end
            // A range: "0.5-1", "0.5 to 1", "0.5–1".
            let rest = String(characters[cursor...])
            for joiner in ["-", "–", " - ", " to ", "–"] where rest.hasPrefix(joiner) {
                let after = cursor + joiner.count
                var upper = after
                while upper < characters.count, characters[upper].isNumber || characters[upper] == "." { upper += 1 }
                if upper > after, let value = Double(String(characters[after..<upper])) {
                    high = value
                    cursor = upper
                }
                break
            }
            while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
            var unitEnd = cursor
            while unitEnd < characters.count, characters[unitEnd].isLetter || characters[unitEnd] == "/" || characters[unitEnd] == "µ" { unitEnd += 1 }
            let unit = String(characters[cursor..<unitEnd])
            if !unit.isEmpty, let parsed = DoseQuantity.parseUnit(unit), low <= high {
                found.append((low * parsed.factor, high * parsed.factor, parsed.dimension))
            }
            index = max(unitEnd, end)
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The route a text names in words the browser knows ("IV", "intravenous", "intranasal", …).
    static func route(in text: String) -> Route? {
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        let routes: [(Route, [String])] = [
            (.iv, ["iv", "intravenous", "intravenously"]), (.im, ["im", "intramuscular", "intramuscularly"]),
            (.intranasal, ["intranasal", "intranasally", "nasal"]), (.oral, ["oral", "orally"]),
            (.subcutaneous, ["subcutaneous", "subcutaneously", "sc"]), (.sublingual, ["sublingual", "sublingually"]),
        ]
        let named = routes.filter { !words.isDisjoint(with: $0.1) }.map(\.0)
        return named.count == 1 ? named[0] : nil
    }
}
