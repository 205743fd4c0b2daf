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

/// Draws the open overlay (help, context card, summary, compare, findings) from the text the state keeps.
public enum OverlayView {
    static func title(_ state: BrowserState) -> String {
        switch state.overlay {
        case .help: return "Help"
        case .context:
            let name = state.contextIndication?.name ?? "Indication"
            return "\(name): context"
        case .compare: return "Compare \(state.marked.count) marked stud\(state.marked.count == 1 ? "y" : "ies")"
        case .summary where state.indication == nil: return "All indications: overview (a tab, then i, for one)"
        case .summary: return "\(state.contextIndication?.name ?? "Indication"): summary"
        case .findings:
            return "\(state.contextIndication?.name ?? "Indication"): findings (w words, y copy, e export)"
        case nil: return ""
        }
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
        let all = state.overlayContent.lines
        // A placeholder is shown from its top; the scroll offset waits for the built text.
        let scroll = state.overlayContent.pending ? 0 : state.overlayScroll
        let visible = all.dropFirst(scroll).prefix(box.contentHeight)
        for (offset, line) in visible.enumerated() {
            screen.write(line.text, x: box.x + 2, y: box.y + 1 + offset, width: box.contentWidth,
                         role: line.heading ? .overlayTitle : .overlay, ellipsis: glyphs.ellipsis)
        }
        let position = all.count > box.contentHeight
            ? " \(scroll + 1)-\(scroll + visible.count) of \(all.count) \(glyphs.adapt("↑↓")) scroll, Esc close "
            : " Esc close "
        let footerWidth = DisplayWidth.of(position)
        screen.write(position, x: box.x + max(1, box.width - footerWidth - 2), y: box.y + box.height - 1,
                     width: box.width - 2, role: .overlayTitle, ellipsis: glyphs.ellipsis)
    }
}
