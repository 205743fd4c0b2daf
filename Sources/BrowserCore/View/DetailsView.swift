import StudyCore

/// Draws the selected study's details (kept with the state) full screen or in the right-hand pane.
public enum DetailsView {
    /// Draws the details into a rectangle, from the state's scroll offset, under a title row.
    static func draw(_ state: BrowserState, into screen: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard height > 1, width > 4 else { return }
        let content = state.detailsContent
        let (all, headingCount, labelWidth) = (content.lines, content.headingCount, content.labelWidth)
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
