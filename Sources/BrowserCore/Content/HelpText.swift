import StudyCore

/// Help's text, generated from the keymap and the query grammar, so a rebinding changes help,
/// the hint line and the man page alike.
public enum HelpText {
    /// Sections of bindings, grouped by where they work, then the legend, sort orders and queries.
    static func lines(width: Int, glyphs: Glyphs) -> [ContentLine] {
        var sections: [(title: String, contexts: Set<KeyContext>, lines: [String])] = []
        for binding in Keymap.bindings {
            let keys = binding.keys.map { glyphs.adapt($0.label) }.joined(separator: " ")
            let keyColumn = 20
            let description = TableFormatter.wrap(glyphs.adapt(binding.help), width: max(10, width - keyColumn))
            let lead = "  " + keys + String(repeating: " ", count: max(1, keyColumn - 2 - DisplayWidth.of(keys)))
            let lines = description.enumerated().map { ($0.offset == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))) + $0.element }
            if let index = sections.firstIndex(where: { $0.contexts == binding.contexts }) {
                sections[index].lines += lines
            } else {
                sections.append((sectionTitle(binding.contexts), binding.contexts, lines))
            }
        }
        var lines: [ContentLine] = []
        func text(_ strings: [String]) { lines += strings.map { ContentLine(text: $0, heading: false) } }
        for section in sections {
            lines.append(ContentLine(text: section.title, heading: true))
            text(section.lines)
            text([""])
        }
        lines.append(ContentLine(text: "Symbols", heading: true))
        text(TableFormatter.wrap(glyphs.adapt(TableFormatter.legend(glyphs: glyphs)), width: width))
        text([""])
        lines.append(ContentLine(text: "Values from the studies' own records", heading: true))
        text(TableFormatter.wrap(glyphs.adapt("Where the seed documents give no value, the table shows the study's own record's "
            + "(its abstract or publisher page, or a secondary page quoting it; details say where and how sure), marked \(glyphs.primary); the seed's value always wins where it gives one, and "
            + "where the two disagree the study carries \(glyphs.differs) and its details show both. v switches to the seed's "
            + "values only and back; the status line says which is on. from:primary and from:seed filter by it."), width: width))
        text([""])
        lines.append(ContentLine(text: "Sort orders", heading: true))
        for key in [SortKey.dose, .outcome, .evidence, .design, .n] {
            text(TableFormatter.wrap("  \(key.rawValue): \(key.explanation).", width: width, indent: 4))
        }
        text(TableFormatter.wrap("  Values the source does not report sort last in both directions.", width: width, indent: 4))
        text([""])
        lines += queryLines(width: width, glyphs: glyphs)
        return lines
    }

    /// The query language as a two-column list: a term, then what it does, wrapped beside it so
    /// the term column never collapses. Continuation lines of the text join their entry first.
    static func queryLines(width: Int, glyphs: Glyphs) -> [ContentLine] {
        let keyColumn = min(20, max(12, width / 4))
        var entries: [(term: String?, text: String, heading: Bool)] = []
        for raw in QueryHelpText.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = glyphs.adapt(String(raw))
            let indent = line.prefix { $0 == " " }.count
            let body = line.drop { $0 == " " }
            if body.isEmpty { entries.append((nil, "", false)); continue }
            if indent == 0 { entries.append((nil, String(body), !line.contains(":"))); continue }
            // "      term   description": two or more spaces end the term.
            if indent <= 8, let gap = body.firstRange(of: "  ") {
                let term = String(body[..<gap.lowerBound])
                let text = body[gap.upperBound...].drop { $0 == " " }
                entries.append((term, String(text), false))
            } else if indent <= 8 {
                // A term with no description on its line: the next, deeper line gives it.
                entries.append((String(body), "", false))
            } else if let last = entries.last, last.term != nil || !last.text.isEmpty {
                entries[entries.count - 1].text += (last.text.isEmpty ? "" : " ") + body
            } else {
                entries.append((nil, String(body), false))
            }
        }
        var lines: [ContentLine] = []
        for entry in entries {
            guard let term = entry.term else {
                lines += TableFormatter.wrap("  " + entry.text, width: width).map { ContentLine(text: entry.text.isEmpty ? "" : $0, heading: entry.heading) }
                continue
            }
            let lead = "  " + term
            let wrapped = TableFormatter.wrap(entry.text, width: max(10, width - keyColumn))
            for (index, text) in wrapped.enumerated() {
                let left = index == 0 && DisplayWidth.of(lead) < keyColumn ? lead : (index == 0 ? lead : "")
                if index == 0 && DisplayWidth.of(lead) >= keyColumn {
                    // A long term gets its own line; the description starts under the column.
                    lines.append(ContentLine(text: left, heading: false))
                    lines.append(ContentLine(text: String(repeating: " ", count: keyColumn) + text, heading: false))
                } else {
                    lines.append(ContentLine(text: left + String(repeating: " ", count: max(1, keyColumn - DisplayWidth.of(left))) + text, heading: false))
                }
            }
        }
        return lines
    }

    /// The heading help gives a group of bindings ("Anywhere", "Table", …).
    public static func sectionTitle(_ contexts: Set<KeyContext>) -> String {
        if contexts == Set(KeyContext.allCases) { return "Anywhere" }
        if contexts == Keymap.browsing { return "Tabs, table and details" }
        if contexts == Keymap.browsing.union([.overlay]) { return "Tabs, table, details and help" }
        if contexts == Keymap.lists { return "Tabs and table" }
        return KeyContext.allCases.filter(contexts.contains).map(\.title).joined(separator: ", ")
    }
}
