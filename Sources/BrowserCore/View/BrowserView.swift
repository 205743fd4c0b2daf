import StudyCore

/// Draws a whole browser state into a screen buffer. Pure: the same state gives the same screen.
public enum BrowserView {
    /// The screen for a state.
    public static func render(_ state: BrowserState) -> ScreenBuffer {
        let layout = Layout(size: state.size)
        var screen = ScreenBuffer(size: state.size)
        guard layout.fits else {
            drawTooSmall(state, into: &screen)
            return screen
        }
        let glyphs = state.glyphs
        screen.fill(x: 0, y: 0, width: layout.size.width, height: 1, role: .title)
        let studies = state.catalog.studyCount
        let sources = state.catalog.sources.count
        let right = "\(studies) stud\(studies == 1 ? "y" : "ies"), \(sources) source\(sources == 1 ? "" : "s") "
        let rightWidth = DisplayWidth.of(right)
        screen.write(" study-browser \(glyphs.bar) ketamine evidence", x: 0, y: 0,
                     width: max(0, layout.size.width - rightWidth - 1), role: .title, ellipsis: glyphs.ellipsis)
        screen.write(right, x: layout.size.width - rightWidth, y: 0, width: rightWidth, role: .title)
        TabsView.draw(state, into: &screen, y: 1, width: layout.size.width)

        if state.detailsOpen && !layout.split {
            DetailsView.draw(state, into: &screen, x: 0, y: 2, width: layout.size.width,
                             height: layout.detailsHeight, focused: true)
        } else {
            TableView.draw(state, into: &screen, layout: layout)
            if layout.split {
                for row in 2..<layout.statusRow {
                    screen.write(glyphs.bar, x: layout.tableWidth, y: row, width: 1, role: .dim)
                }
                DetailsView.draw(state, into: &screen, x: layout.detailsX, y: 2, width: layout.detailsWidth,
                                 height: layout.detailsHeight, focused: state.focus == .details)
            }
        }
        StatusView.draw(state, into: &screen, layout: layout)
        if state.overlay != nil { OverlayView.draw(state, into: &screen) }
        return screen
    }

    private static func drawTooSmall(_ state: BrowserState, into screen: inout ScreenBuffer) {
        let lines = [
            "Terminal too small: \(state.size).",
            "study-browser needs at least \(Layout.minimum).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (state.size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            screen.write(line, x: max(0, (state.size.width - width) / 2), y: top + offset, role: offset == 0 ? .warning : .normal,
                         ellipsis: state.glyphs.ellipsis)
        }
    }
}
