/// Plain-text tables of studies that fit a width, marking every cut cell with an ellipsis.
public enum TableFormatter {
    /// The table, a rule under the header, and a legend; every line at most `width` columns
    /// (0 for no limit).
    public static func studies(_ studies: [Study], columns requested: [StudyColumn], width: Int, glyphs: Glyphs,
                               sort: SortSpec? = nil, footer: String? = nil) -> String {
        // Key figures are never cut: where even the narrowest columns do not fit, whole columns of
        // free text give way first (Route, Indication, Dose, Design, then Outcome), and a line says which.
        var columns = requested
        var headers = columns.map { column -> String in
            guard let term = sort?.terms.first, term.key == column.sortKey else { return column.header }
            return column.header + (term.descending ? glyphs.descending : glyphs.ascending)
        }
        var cells = studies.map { study in columns.map { $0.cell(study, glyphs: glyphs) } }
        var natural = columns.indices.map { index in
            max(DisplayWidth.of(headers[index]), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0)
        }
        var leftOut: [StudyColumn] = []
        if width > 0 {
            // N and Level keep their whole width; the others can shrink to their minimums.
            func narrowest() -> Int {
                columns.indices.map { [.n, .level].contains(columns[$0]) ? natural[$0] : min(natural[$0], columns[$0].minimumWidth) }
                    .reduce(0, +) + TableLayout.gap * max(0, columns.count - 1)
            }
            for column in StudyColumn.dropOrder where narrowest() > width {
                guard let index = columns.firstIndex(of: column) else { continue }
                columns.remove(at: index)
                headers.remove(at: index)
                natural.remove(at: index)
                for row in cells.indices { cells[row].remove(at: index) }
                leftOut.append(column)
            }
        }
        let widths = StudyColumn.widths(columns, natural: natural, width: width)
        func line(_ texts: [String]) -> String {
            let padded = texts.indices.map { index in
                let fitted = StudyColumn.fitted(texts[index], width: widths[index], glyphs: glyphs)
                return index == texts.count - 1 ? fitted : DisplayWidth.pad(fitted, to: widths[index], ellipsis: glyphs.ellipsis)
            }
            let joined = padded.joined(separator: String(repeating: " ", count: TableLayout.gap))
            let trimmed = String(joined.reversed().drop { $0 == " " }.reversed())
            return width > 0 ? DisplayWidth.truncate(trimmed, to: width, ellipsis: glyphs.ellipsis) : trimmed
        }
        var lines = [line(headers)]
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: TableLayout.gap))
        lines.append(width > 0 ? String(rule.prefix(width)) : rule)
        if sort?.terms.first?.key == .dose {
            var offset = 0
            for group in DoseGroups.groups(studies) {
                let heading = "\(glyphs.selection) \(group.title)"
                lines.append(width > 0 ? DisplayWidth.truncate(heading, to: width, ellipsis: glyphs.ellipsis) : heading)
                lines += cells[offset..<(offset + group.studies.count)].map(line)
                offset += group.studies.count
            }
        } else {
            lines += cells.map(line)
        }
        if !leftOut.isEmpty {
            lines += wrap("Too narrow for every column: left out " + leftOut.map(\.header).joined(separator: ", ")
                          + " (widen the terminal, or give --width).", width: width)
        }
        if let footer {
            lines.append("")
            lines += wrap(footer, width: width)
        }
        return lines.joined(separator: "\n")
    }

    /// The legend printed under study tables: three paragraphs (outcome, level, where values come from).
    public static func legend(glyphs: Glyphs) -> String {
        let marks = StrengthMark.allCases.map { "\($0.letter) \($0.shortName)" }.joined(separator: ", ")
        return "n.r. = not reported by the source. Outcome: \(glyphs.benefit) benefit, \(glyphs.mixed) mixed, "
            + "\(glyphs.noBenefit) no benefit, \(glyphs.notReported) not reported; marks in [ ]: \(marks).\n"
            + "Level: \(EvidenceLevel.scheme); \(glyphs.gradedDown) graded down for a reason the source gives; "
            + "? = design not reported, not assessable; n.g. = not graded by the scheme (review not stated to be systematic); "
            + "3/2\(glyphs.primary) = the seed's level / the level by the study's own record.\n"
            + "\(glyphs.primary) after a value: from the study's own record (abstract, publisher page or a secondary page; details say which) because the seed gives none. "
            + "\(glyphs.differs) after a study: its own record differs from the seed (see its details); after N: its own record "
            + "gives another count, so summaries list it apart."
    }

    /// The legend for a view of seed values only.
    public static func legend(glyphs: Glyphs, view: SourceView) -> String {
        legend(glyphs: glyphs) + (view == .seedOnly ? " Seed-only view: values from own records are hidden." : "")
    }

    /// Words wrapped to `width` columns (0: one line), never splitting a word shorter than the width.
    public static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        // Paragraphs wrap one by one, so a legend keeps its breaks at any width.
        if text.utf8.contains(UInt8(ascii: "\n")) {
            return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0), width: width, indent: indent) }
        }
        guard width > indent + 8 else { return [text] }
        var lines: [String] = []
        var current = ""
        // Widths are kept, not re-measured: each word is measured once and a long word is cut
        // in one pass, so a 65,000-byte word costs time linear in its length.
        var currentWidth = 0
        let room = width - indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var piece = word
            var pieceWidth = DisplayWidth.printableASCIICount(word) ?? DisplayWidth.width(of: word.unicodeScalars)
            if pieceWidth > room {
                if !current.isEmpty { lines.append(current); current = ""; currentWidth = 0 }
                // Lines of `room` columns, each cut before the first cluster that does not fit;
                // what is left (at most `room` columns) joins the words after it.
                var rest = word.unicodeScalars[...]
                while true {
                    let (end, used) = DisplayWidth.cut(rest, columns: room)
                    if end == rest.endIndex {
                        piece = Substring(rest)
                        pieceWidth = used
                        break
                    }
                    lines.append(String(Substring(rest[..<end])))
                    rest = rest[end...]
                }
            }
            if current.isEmpty {
                current = String(piece)
                currentWidth = pieceWidth
            } else if currentWidth + 1 + pieceWidth <= room {
                current += " "
                current += piece
                currentWidth += 1 + pieceWidth
            } else {
                lines.append(current)
                current = String(piece)
                currentWidth = pieceWidth
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        let padding = String(repeating: " ", count: indent)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : padding + $0.element }
    }

    /// A study's fields as "Label   value" lines, values wrapped under each other; a label
    /// repeated on consecutive fields (several doses) is printed once.
    public static func details(_ fields: [StudyDetails.Field], width: Int) -> String {
        let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        let valueWidth = width > 0 && width >= labelWidth + 20 ? width - labelWidth : 0
        let indent = String(repeating: " ", count: labelWidth)
        var lines: [String] = []
        var previousLabel: String?
        for field in fields {
            let label = field.label == previousLabel ? "" : field.label
            previousLabel = field.label
            let values = valueWidth > 0 ? wrap(field.value, width: valueWidth) : [field.value]
            for (index, value) in values.enumerated() {
                let prefix = index == 0 ? label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label)) : indent
                lines.append(prefix + value)
            }
        }
        return lines.joined(separator: "\n")
    }
}
