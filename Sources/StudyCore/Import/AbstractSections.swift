/// Splits an abstract given as one text ("BACKGROUND: … METHODS: …", as MEDLINE and RIS carry
/// structured abstracts) at its capitalised labels; an abstract without them is one section.
enum AbstractSections {
    static func split(_ text: String) -> [ImportedRecord.Section] {
        let characters = Array(text)
        var cuts: [(labelStart: Int, textStart: Int, label: String)] = []
        var index = 0
        while index + 1 < characters.count {
            defer { index += 1 }
            guard characters[index] == ":", characters[index + 1] == " " else { continue }
            // Walk back over the label: capitals, spaces and a few joiners.
            var start = index
            while start > 0, isLabelCharacter(characters[start - 1]) { start -= 1 }
            while start < index, characters[start] == " " { start += 1 }
            let label = String(characters[start..<index]).trimmingSpaces
            guard label.filter(\.isLetter).count >= 3, label.first?.isUppercase == true else { continue }
            // A label opens the abstract or follows the end of a sentence.
            let before = characters[..<start].reversed().drop { $0 == " " }
            guard before.first == nil || [".", "?", "!", ")"].contains(before.first) else { continue }
            cuts.append((start, index + 2, label))
        }
        guard !cuts.isEmpty else {
            let whole = text.trimmingSpaces
            return whole.isEmpty ? [] : [ImportedRecord.Section(label: nil, text: whole)]
        }
        var sections: [ImportedRecord.Section] = []
        let lead = String(characters[..<cuts[0].labelStart]).trimmingSpaces
        if !lead.isEmpty { sections.append(.init(label: nil, text: lead)) }
        for (position, cut) in cuts.enumerated() {
            let end = position + 1 < cuts.count ? cuts[position + 1].labelStart : characters.count
            let body = String(characters[cut.textStart..<max(cut.textStart, end)]).trimmingSpaces
            sections.append(.init(label: cut.label, text: body))
        }
        return sections
    }

    private static func isLabelCharacter(_ character: Character) -> Bool {
        (character.isLetter && character.isUppercase) || character == " " || character == "&" || character == "/" || character == "-"
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    var trimmingSpaces: String {
        let isSpace = { (character: Character) in character == " " || character == "\t" || character == "\n" || character == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
