import StudyCore

/// The study table: header with the sort marker, rows with a selection marker, dose headings.
enum TableView {
    /// Columns left of the cells: the selection marker and a space.
    static let markerWidth = 2

    static func draw(_ state: BrowserState, into screen: inout ScreenBuffer, layout: Layout) {
        let glyphs = state.glyphs
        let columns = BrowserReducer.tableColumns(state)
        let width = layout.tableWidth
        let headers = columns.map { column -> String in
            guard state.sort.column == column else { return column.header }
            return column.header + (state.sort.descending ? glyphs.descending : glyphs.ascending)
        }
        let columnIndices = columns.map { StudyColumn.allCases.firstIndex(of: $0) ?? 0 }
        // Widths come from every study of the tab, not only the rows shown, so columns stay put
        // while the user scrolls or types a filter.
        let tabWidths = state.naturalWidths.indices.contains(state.tab) ? state.naturalWidths[state.tab] : []
        let natural = columns.indices.map { index in
            max(DisplayWidth.of(headers[index]), tabWidths.indices.contains(columnIndices[index]) ? tabWidths[columnIndices[index]] : 0)
        }
        let widths = StudyColumn.widths(columns, natural: natural, width: width - markerWidth, gap: gap(width))
        let positions = widths.indices.map { index in markerWidth + widths[..<index].reduce(0) { $0 + $1 + gap(width) } }

        let headerY = layout.bodyTop - 1
        screen.fill(x: 0, y: headerY, width: width, height: 1, role: .header)
        for (index, header) in headers.enumerated() {
            let role: Role = state.sort.column == columns[index] ? .headerSorted : .header
            screen.write(header, x: positions[index], y: headerY, width: widths[index], role: role, ellipsis: glyphs.ellipsis)
        }

        if state.rows.isEmpty {
            let why = state.filterText.isEmpty ? "No studies for this indication." : "No studies match the filter. Esc clears it."
            screen.write("  " + why, x: 0, y: layout.bodyTop, width: width, role: .dim)
            return
        }
        let lines = state.lines
        let visible = min(state.scroll, lines.count)..<min(state.scroll + layout.bodyHeight, lines.count)
        for (offset, lineIndex) in visible.enumerated() {
            let line = lines[lineIndex]
            // Cells are made for the rows on screen only: a frame costs the same at any size.
            // Read once per row: from an index read lazily, each read decodes the study.
            var study: Study?
            if case .study(let index) = line { study = state.rows[index] }
            let cells = study.map { study in columns.map { $0.cell(study, glyphs: glyphs) } } ?? []
            let y = layout.bodyTop + offset
            switch line {
            case .heading(let title):
                screen.write("\(glyphs.rule)\(glyphs.rule) \(title) ", x: 0, y: y, width: width, role: .groupHeading, ellipsis: glyphs.ellipsis)
            case .study(let index):
                let selected = index == state.selection
                let rowRole: Role = selected ? (state.focus == .table && !state.editingFilter ? .selection : .selectionUnfocused) : .normal
                // The highlight covers the marker and the Study cell, not the whole row: moving
                // the selection then rewrites about 40 cells instead of two full rows, which
                // keeps a keypress under 200 bytes on a slow SSH link. The ▸ marker and the
                // highlighted name still point out the row across the table.
                let highlightWidth = (positions.first ?? markerWidth) + (widths.first ?? 0)
                if selected { screen.fill(x: 0, y: y, width: min(width, highlightWidth), height: 1, role: rowRole) }
                screen.write(selected ? glyphs.selection : " ", x: 0, y: y, width: 1, role: rowRole)
                if let study, state.marked.contains(study.id) {
                    screen.write(glyphs.mark, x: 1, y: y, width: 1, role: selected ? rowRole : .label)
                }
                for (column, text) in cells.enumerated() {
                    var role = column == 0 ? rowRole : Role.normal
                    if column > 0 || !selected {
                        if columns[column] == .outcome, let study { role = Self.role(for: study.outcome.direction) }
                        // A value from the own record, or the own record's level beside the seed's ("3/2†").
                        if columns[column] != .outcome && text.hasSuffix(glyphs.primary) { role = .fromPrimary }
                        if text == "n.r." || text == "n.g." || text == "?" { role = .dim }
                    }
                    screen.write(StudyColumn.fitted(text, width: widths[column], glyphs: glyphs), x: positions[column], y: y,
                                 width: widths[column], role: role, ellipsis: glyphs.ellipsis)
                }
            }
        }
    }

    /// Space between columns: one on narrow screens, where every column counts, else two.
    static func gap(_ width: Int) -> Int { width < 100 ? 1 : TableLayout.gap }

    static func role(for direction: EffectDirection) -> Role {
        switch direction {
        case .benefit: .benefit
        case .mixed: .mixed
        case .noBenefit: .noBenefit
        case .notReported: .notReported
        }
    }
}
