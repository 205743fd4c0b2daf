import StudyCore

/// The selected study's every field, wrapped to a width: full screen or the right-hand pane.
public enum DetailsView {
    /// Lines above the fields: the study's title, wrapped, and a rule.
    static func heading(for study: Study, width: Int, glyphs: Glyphs) -> [String] {
        TableFormatter.wrap(InertText.make(study.shortLabel + ": " + (study.citation.title ?? "title not reported")), width: width)
            + [String(repeating: glyphs.rule, count: min(width, 60))]
    }

    /// The lines to show for the state's selected study (empty when nothing is selected).
    public static func lines(for state: BrowserState, width: Int) -> [String] {
        content(for: state, width: width).lines
    }

    /// The lines, how many of them are the heading, and the width of the label column.
    static func content(for state: BrowserState, width: Int) -> (lines: [String], headingCount: Int, labelWidth: Int) {
        guard let study = state.selectedStudy else { return ([], 0, 0) }
        let usable = max(20, width - 2)
        let fields = StudyDetails.fields(of: study, sources: state.catalog.dataset.sources, glyphs: state.glyphs)
        let heading = heading(for: study, width: usable, glyphs: state.glyphs)
        let body = TableFormatter.details(fields, width: usable).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (heading + body, heading.count, fields.map { DisplayWidth.of($0.label) }.max() ?? 0)
    }

    /// Draws the details into a rectangle, from the state's scroll offset, under a title row.
    static func draw(_ state: BrowserState, into screen: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard height > 1, width > 4 else { return }
        let (all, headingCount, labelWidth) = content(for: state, width: width)
        let titleRole: Role = focused ? .tabActiveFocused : .header
        var title = " Details"
        if state.selectedStudy != nil {
            title += ": study \(state.selection + 1) of \(state.rows.count)"
            if all.count > height - 1 {
                title += ", lines \(state.detailScroll + 1)-\(min(all.count, state.detailScroll + height - 1)) of \(all.count)"
            }
        } else {
            title += ": no study selected"
        }
        screen.fill(x: x, y: y, width: width, height: 1, role: titleRole)
        screen.write(title, x: x, y: y, width: width, role: titleRole, ellipsis: state.glyphs.ellipsis)
        guard state.selectedStudy != nil else { return }
        for (offset, line) in all.dropFirst(state.detailScroll).prefix(height - 1).enumerated() {
            let index = offset + state.detailScroll
            let row = y + 1 + offset
            screen.write(" " + line, x: x, y: row, width: width, role: index < headingCount - 1 ? .heading : .normal,
                         ellipsis: state.glyphs.ellipsis)
            if index == headingCount - 1 { screen.setRole(.dim, x: x, y: row, width: width) }
            if index >= headingCount, !line.hasPrefix(" ") {
                screen.setRole(.label, x: x + 1, y: row, width: labelWidth)
            }
        }
    }
}
