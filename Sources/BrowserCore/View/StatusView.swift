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
        // The error or message leads; indication, sort and count stay at the right.
        let shortSort = (state.sort.column?.header ?? "standard") + (state.sort.descending ? glyphs.descending : glyphs.ascending)
        // The message has the room; the view is named again once it goes (and by the v message itself).
        let summary = " \(glyphs.bar) \(TabsView.name(state.indication)) \(glyphs.bar) \(state.rows.count) of \(total) \(glyphs.bar) \(shortSort) "
        let summaryWidth = min(DisplayWidth.of(summary), width / 2)
        let room = width - summaryWidth
        let alert = state.filterError.map { filterErrorText($0, state: state, room: room) } ?? state.message
            ?? state.runningExport.map { glyphs.adapt($0.statusText(escapeCancels: Keymap.escapeCancelsExport(in: state.keyContext))) }
            ?? state.indexingView.map { glyphs.adapt("Indexing the \($0 == .seedOnly ? "seed-only" : "seed+own") values of \(state.catalog.studyCount) studies… (keys still work)") }
            ?? state.notice
        let role: Role = state.filterError == nil ? .status : .statusError
        // Which values are shown, when the data has own records to choose from.
        let values = !state.catalog.viewsCanDiffer ? "" : state.catalog.view == .seedOnly ? " \(glyphs.bar) seed only" : " \(glyphs.bar) seed+own\(glyphs.primary)"
        screen.fill(x: 0, y: layout.statusRow, width: width, height: 1, role: role)
        if let alert {
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

    /// The filter error in the longest form that fits `room`. While the filter is typed there is
    /// no hint row for it to run on into, so the advice ("did you mean …") is kept before the
    /// wording around it: the column and the parenthesised hint go first.
    static func filterErrorText(_ error: QueryError, state: BrowserState, room: Int) -> String {
        let full = "Filter error at column \(error.column): \(error.message)"
        guard state.editingFilter else { return full }
        let short = error.message.firstRange(of: " (").map { String(error.message[..<$0.lowerBound]) } ?? error.message
        var forms = [full, "Filter error at column \(error.column): \(short)", "Column \(error.column): \(short)", short]
        // Last of all, the advice alone: "did you mean 'indication'?".
        if let advice = short.firstRange(of: "did you mean ") { forms.append(String(short[advice.lowerBound...])) }
        return forms.first { DisplayWidth.of(" " + $0) <= room } ?? forms[forms.count - 1]
    }
}
