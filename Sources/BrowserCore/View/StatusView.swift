import StudyCore

/// The status line (indication, filter, sort, k of n) and the key or filter line under it.
enum StatusView {
    static func draw(_ state: BrowserState, into screen: inout ScreenBuffer, layout: Layout) {
        let glyphs = state.glyphs
        let width = layout.size.width
        let indication = state.indication?.name ?? "All indications"
        let total = state.catalog.count(state.indication)
        let sort = "sort: " + state.sort.label(arrows: (glyphs.ascending, glyphs.descending))
        let count = "\(state.rows.count) of \(total) studies" + (state.marked.isEmpty ? "" : ", \(state.marked.count) marked")
        let alert = state.filterError.map { "Filter error at column \($0.column): \($0.message)" } ?? state.message ?? state.notice
        let role: Role = state.filterError == nil ? .status : .statusError
        // Which values are shown, when the data has own records to choose from.
        let values = !state.catalog.hasPrimaryRecords ? "" : state.catalog.view == .seedOnly ? " \(glyphs.bar) seed only" : " \(glyphs.bar) seed+own\(glyphs.primary)"
        screen.fill(x: 0, y: layout.statusRow, width: width, height: 1, role: role)
        if let alert {
            // The error or message leads; indication, sort and count stay at the right.
            let shortSort = (state.sort.column?.header ?? "standard") + (state.sort.descending ? glyphs.descending : glyphs.ascending)
            // The message has the room; the view is named again once it goes (and by the v message itself).
            let summary = " \(glyphs.bar) \(TabsView.name(state.indication)) \(glyphs.bar) \(state.rows.count) of \(total) \(glyphs.bar) \(shortSort) "
            let summaryWidth = min(DisplayWidth.of(summary), width / 2)
            let room = width - summaryWidth
            // A message too long for its room goes on into the hint row, which it takes over,
            // unless that row is being typed in.
            if DisplayWidth.of(" " + alert) > room && !state.editingFilter && !state.editingExportPath {
                let lines = TableFormatter.wrap(InertText.make(alert), width: room - 1)
                screen.write(" " + (lines.first ?? ""), x: 0, y: layout.statusRow, width: room, role: role, ellipsis: glyphs.ellipsis)
                screen.write(summary, x: room, y: layout.statusRow, width: summaryWidth, role: role, ellipsis: glyphs.ellipsis)
                screen.fill(x: 0, y: layout.bottomRow, width: width, height: 1, role: role)
                screen.write(" " + lines.dropFirst().joined(separator: " "), x: 0, y: layout.bottomRow, width: width, role: role, ellipsis: glyphs.ellipsis)
                return
            }
            screen.write(" " + alert, x: 0, y: layout.statusRow, width: room, role: role, ellipsis: glyphs.ellipsis)
            screen.write(summary, x: room, y: layout.statusRow, width: summaryWidth, role: role, ellipsis: glyphs.ellipsis)
        } else {
            let filter = state.query.text.isEmpty ? "no filter" : "filter: \(state.query.text)"
            // The count and the view lead after the indication: a long filter or sort is what gets cut.
            let text = " \(indication) \(glyphs.bar) \(count)\(values) \(glyphs.bar) \(filter) \(glyphs.bar) \(sort)"
            screen.write(text, x: 0, y: layout.statusRow, width: width, role: .status, ellipsis: glyphs.ellipsis)
        }
        if state.editingExportPath {
            screen.fill(x: 0, y: layout.bottomRow, width: width, height: 1, role: .filterInput)
            let lead = screen.write("Export to: ", x: 0, y: layout.bottomRow, width: width - 1, role: .filterInput, ellipsis: glyphs.ellipsis)
            // A selected suggestion is drawn reversed: typing replaces it.
            let used = lead + screen.write(InertText.make(state.exportPath), x: lead, y: layout.bottomRow, width: max(0, width - 1 - lead),
                                           role: state.exportPathSelected ? .selection : .filterInput, ellipsis: glyphs.ellipsis)
            screen.write("_", x: used, y: layout.bottomRow, width: 1, role: .filterInput)
            if state.exportPathSelected, used + 30 < width {
                screen.write("type to replace, End to keep", x: width - 29, y: layout.bottomRow, width: 28, role: .hint)
            }
            return
        }
        if state.editingFilter {
            screen.fill(x: 0, y: layout.bottomRow, width: width, height: 1, role: .filterInput)
            let prompt = "/ " + state.filterText
            // The note is reserved first: while the query is invalid, saying so matters more than its start.
            let note = state.filterError == nil ? "Enter keep  Esc clear " : "invalid: last valid result shown "
            let noteWidth = DisplayWidth.of(note)
            let room = width - 2 - (state.filterError == nil ? 0 : noteWidth + 1)
            // Keep the end of a long query, where the typing happens, in view.
            let shown = DisplayWidth.of(prompt) > room ? glyphs.ellipsis + String(prompt.suffix(room - 1)) : prompt
            let used = screen.write(shown, x: 0, y: layout.bottomRow, width: room, role: .filterInput, ellipsis: glyphs.ellipsis)
            screen.write("_", x: used, y: layout.bottomRow, width: 1, role: .filterInput)
            if used + 2 + noteWidth <= width {
                screen.write(note, x: width - noteWidth, y: layout.bottomRow, width: noteWidth, role: .hint)
            }
            return
        }
        // The hint line starts with the focused pane's name, so focus is never a guess.
        let hints: String
        switch state.keyContext {
        case .details: hints = "Details \(glyphs.bar) " + glyphs.adapt(Keymap.hints(for: .details))
        case .indications: hints = "Tabs \(glyphs.bar) " + glyphs.adapt(Keymap.hints(for: .indications))
        default: hints = "Table \(glyphs.bar) " + glyphs.adapt(Keymap.hints(for: .table))
        }
        screen.write(" " + hints, x: 0, y: layout.bottomRow, width: width, role: .hint, ellipsis: glyphs.ellipsis)
    }
}
