import StudyCore

/// The box an overlay is drawn in, centred on the screen.
public struct OverlayGeometry: Sendable, Equatable {
    public let x, y, width, height: Int

    /// The overlay box for a screen size.
    public init(size: Size) {
        width = max(10, min(size.width - 4, 100))
        // The status line (one row above the hints) stays visible, so a message is read while a view is open.
        height = max(5, size.height - 3)
        x = max(0, (size.width - width) / 2)
        y = 1
    }

    /// Columns and rows inside the border.
    public var contentWidth: Int { max(1, width - 4) }
    public var contentHeight: Int { max(1, height - 2) }
}

/// The help overlay (generated from the keymap) and the indication context card.
public enum OverlayView {
    /// One line of an overlay; headings are drawn in the title role.
    struct Line {
        let text: String
        let heading: Bool
    }

    /// The overlay's lines for the state, wrapped to `width`.
    public static func lines(for state: BrowserState, width: Int) -> [String] {
        content(for: state, width: width).map(\.text)
    }

    static func content(for state: BrowserState, width: Int) -> [Line] {
        switch state.overlay {
        case .help: helpLines(width: width, glyphs: state.glyphs)
        case .context: contextLines(for: state, width: width)
        case .compare: CompareView.lines(state.markedStudies, width: width, glyphs: state.glyphs).map { Line(text: $0, heading: false) }
        case .summary where state.indication == nil:
            SummaryText.overview(Indication.allCases.map { IndicationSummary(indication: $0, dataset: state.catalog.dataset, view: state.catalog.view) },
                                 width: width, glyphs: state.glyphs).map { Line(text: $0, heading: false) }
        case .summary:
            BrowserReducer.contextIndication(state).map { indication in
                SummaryText.lines(IndicationSummary(indication: indication, dataset: state.catalog.dataset, view: state.catalog.view), width: width,
                                  glyphs: state.glyphs, named: false)
                    .map { Line(text: $0, heading: false) }
            } ?? []
        case .findings:
            BrowserReducer.contextIndication(state).map { indication in
                // Findings read the data as loaded: their rows carry their own sources, whatever the table's view.
                FindingsText.lines(IndicationFindings(indication: indication, dataset: state.catalog.loaded), width: width,
                                   glyphs: state.glyphs, words: state.findingsWords)
                    .map { Line(text: $0, heading: false) }
            } ?? []
        case nil: []
        }
    }

    static func title(_ state: BrowserState) -> String {
        switch state.overlay {
        case .help: return "Help"
        case .context:
            let name = BrowserReducer.contextIndication(state)?.name ?? "Indication"
            return "\(name): context"
        case .compare: return "Compare \(state.marked.count) marked stud\(state.marked.count == 1 ? "y" : "ies")"
        case .summary where state.indication == nil: return "All indications: overview (a tab, then i, for one)"
        case .summary: return "\(BrowserReducer.contextIndication(state)?.name ?? "Indication"): summary"
        case .findings:
            return "\(BrowserReducer.contextIndication(state)?.name ?? "Indication"): findings (w words, y copy, e export)"
        case nil: return ""
        }
    }

    // MARK: Help

    /// Sections of bindings, grouped by where they work, then the legend, sort orders and queries.
    static func helpLines(width: Int, glyphs: Glyphs) -> [Line] {
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
        var lines: [Line] = []
        func text(_ strings: [String]) { lines += strings.map { Line(text: $0, heading: false) } }
        for section in sections {
            lines.append(Line(text: section.title, heading: true))
            text(section.lines)
            text([""])
        }
        lines.append(Line(text: "Symbols", heading: true))
        text(TableFormatter.wrap(glyphs.adapt(TableFormatter.legend(glyphs: glyphs)), width: width))
        text([""])
        lines.append(Line(text: "Values from the studies' own records", heading: true))
        text(TableFormatter.wrap(glyphs.adapt("Where the seed documents give no value, the table shows the study's own record's "
            + "(its abstract or publisher page, or a secondary page quoting it; details say where and how sure), marked \(glyphs.primary); the seed's value always wins where it gives one, and "
            + "where the two disagree the study carries \(glyphs.differs) and its details show both. v switches to the seed's "
            + "values only and back; the status line says which is on. from:primary and from:seed filter by it."), width: width))
        text([""])
        lines.append(Line(text: "Sort orders", heading: true))
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
    static func queryLines(width: Int, glyphs: Glyphs) -> [Line] {
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
        var lines: [Line] = []
        for entry in entries {
            guard let term = entry.term else {
                lines += TableFormatter.wrap("  " + entry.text, width: width).map { Line(text: entry.text.isEmpty ? "" : $0, heading: entry.heading) }
                continue
            }
            let lead = "  " + term
            let wrapped = TableFormatter.wrap(entry.text, width: max(10, width - keyColumn))
            for (index, text) in wrapped.enumerated() {
                let left = index == 0 && DisplayWidth.of(lead) < keyColumn ? lead : (index == 0 ? lead : "")
                if index == 0 && DisplayWidth.of(lead) >= keyColumn {
                    // A long term gets its own line; the description starts under the column.
                    lines.append(Line(text: left, heading: false))
                    lines.append(Line(text: String(repeating: " ", count: keyColumn) + text, heading: false))
                } else {
                    lines.append(Line(text: left + String(repeating: " ", count: max(1, keyColumn - DisplayWidth.of(left))) + text, heading: false))
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

    // MARK: Context card

    static func contextLines(for state: BrowserState, width: Int) -> [Line] {
        guard let indication = BrowserReducer.contextIndication(state) else { return [] }
        let dataset = state.catalog.dataset
        var lines: [Line] = TableFormatter.wrap("\(state.catalog.count(indication)) studies in this dataset. Statements below are "
            + "what the source documents say; \"Claim\" marks assertions without data or from a promotional source; "
            + "\"Digest\" marks this dataset's own summary of the studies a source reports.", width: width)
            .map { Line(text: $0, heading: false) }
        guard let context = dataset.context(for: indication) else {
            return lines + [Line(text: "", heading: false), Line(text: "No context record for this indication in the loaded data.", heading: false)]
        }
        for topic in IndicationContext.Statement.Topic.allCases {
            let statements = context.statements(about: topic)
            guard !statements.isEmpty else { continue }
            lines.append(Line(text: "", heading: false))
            lines.append(Line(text: topic.heading, heading: true))
            for statement in statements {
                let prefix = SummaryText.kindPrefix(statement.kind)
                let source = dataset.source(id: statement.source.document).map { "\(statement.source.humanDescription), \($0.kind.rawValue)" }
                    ?? statement.source.humanDescription
                let text = "\(state.glyphs.adapt("•")) \(prefix)\(InertText.make(statement.text)) [\(source)]"
                lines += TableFormatter.wrap(state.glyphs.adapt(text), width: width, indent: 2).map { Line(text: $0, heading: false) }
            }
        }
        // The context points to pooled evidence, which sits outside the seed documents.
        let reviews = dataset.reviews.filter { $0.indications.contains(indication) }
        if !reviews.isEmpty {
            lines.append(Line(text: "", heading: false))
            lines.append(Line(text: "Pooled evidence (outside the seed documents)", heading: true))
            for review in reviews {
                let text = "\(state.glyphs.adapt("•")) \(IndicationFindings.shortName(review)): \(review.findings.count) summary-of-findings rows; "
                    + "population: \(review.population). f shows them with forest plots."
                lines += TableFormatter.wrap(state.glyphs.adapt(InertText.make(text)), width: width, indent: 2).map { Line(text: $0, heading: false) }
            }
        }
        return lines
    }

    // MARK: Drawing

    static func draw(_ state: BrowserState, into screen: inout ScreenBuffer) {
        let box = OverlayGeometry(size: state.size)
        let glyphs = state.glyphs
        screen.fill(x: box.x, y: box.y, width: box.width, height: box.height, role: .overlay)
        let border = String(repeating: glyphs.rule, count: max(0, box.width - 2))
        let corners = glyphs == .unicode ? ("┌", "┐", "└", "┘") : ("+", "+", "+", "+")
        screen.write(corners.0 + border + corners.1, x: box.x, y: box.y, width: box.width, role: .overlay)
        screen.write(corners.2 + border + corners.3, x: box.x, y: box.y + box.height - 1, width: box.width, role: .overlay)
        for row in (box.y + 1)..<(box.y + box.height - 1) {
            screen.write(glyphs.bar, x: box.x, y: row, width: 1, role: .overlay)
            screen.write(glyphs.bar, x: box.x + box.width - 1, y: row, width: 1, role: .overlay)
        }
        screen.write(" \(title(state)) ", x: box.x + 2, y: box.y, width: box.width - 4, role: .overlayTitle, ellipsis: glyphs.ellipsis)
        let all = content(for: state, width: box.contentWidth)
        let visible = all.dropFirst(state.overlayScroll).prefix(box.contentHeight)
        for (offset, line) in visible.enumerated() {
            screen.write(line.text, x: box.x + 2, y: box.y + 1 + offset, width: box.contentWidth,
                         role: line.heading ? .overlayTitle : .overlay, ellipsis: glyphs.ellipsis)
        }
        let position = all.count > box.contentHeight
            ? " \(state.overlayScroll + 1)-\(state.overlayScroll + visible.count) of \(all.count) \(glyphs.adapt("↑↓")) scroll, Esc close "
            : " Esc close "
        let footerWidth = DisplayWidth.of(position)
        screen.write(position, x: box.x + max(1, box.width - footerWidth - 2), y: box.y + box.height - 1,
                     width: box.width - 2, role: .overlayTitle, ellipsis: glyphs.ellipsis)
    }
}
