/// Splits an abstract given as one text ("BACKGROUND: … METHODS: …", as MEDLINE and RIS carry
/// structured abstracts) at its capitalised labels; an abstract without them is one section.
/// Labels are ASCII capitals in MEDLINE and RIS, so the scan runs over UTF-8 bytes: every cut
/// falls on an ASCII byte, never inside a character, and no grapheme breaking is paid for.
enum AbstractSections {
    static func split(_ text: String) -> [ImportedRecord.Section] {
        let bytes = Array(text.utf8)
        let colon = UInt8(ascii: ":"), space = UInt8(ascii: " ")
        var cuts: [(labelStart: Int, textStart: Int, label: String)] = []
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == colon, bytes[index + 1] == space else { continue }
            // Walk back over the label: capitals, spaces and a few joiners.
            var start = index
            while start > 0, isLabelByte(bytes[start - 1]) { start -= 1 }
            while start < index, bytes[start] == space { start += 1 }
            // Non-ASCII bytes may belong to capitals (MÉTODOS, CONCLUSIÓN): the short label is
            // decoded and judged by Character, as the old scan did.
            let label = String(decoding: bytes[start..<index], as: UTF8.self)
            guard label.filter(\.isLetter).count >= 3, label.first?.isUppercase == true,
                  label.allSatisfy({ ($0.isLetter && $0.isUppercase) || " &/-".contains($0) }) else { continue }
            // A label opens the abstract or follows the end of a sentence.
            var before = start - 1
            while before >= 0, bytes[before] == space { before -= 1 }
            guard before < 0 || [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ")")].contains(bytes[before]) else { continue }
            cuts.append((start, index + 2, label.trimmingSpaces))
        }
        guard !cuts.isEmpty else {
            let whole = text.trimmingSpaces
            return whole.isEmpty ? [] : [ImportedRecord.Section(label: nil, text: whole)]
        }
        var sections: [ImportedRecord.Section] = []
        let lead = String(decoding: bytes[..<cuts[0].labelStart], as: UTF8.self).trimmingSpaces
        if !lead.isEmpty { sections.append(.init(label: nil, text: lead)) }
        for (position, cut) in cuts.enumerated() {
            let end = position + 1 < cuts.count ? cuts[position + 1].labelStart : bytes.count
            let body = String(decoding: bytes[cut.textStart..<max(cut.textStart, end)], as: UTF8.self).trimmingSpaces
            sections.append(.init(label: cut.label, text: body))
        }
        return sections
    }

    private static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        isCapital(byte) || byte >= 0x80 || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    var trimmingSpaces: String {
        // Over UTF-8: the four bytes are ASCII, so the cuts fall between characters.
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let view = utf8
        guard let first = view.firstIndex(where: { !isSpace($0) }), let last = view.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == view.startIndex && view.index(after: last) == view.endIndex { return self }
        return String(self[first...last])
    }
}
