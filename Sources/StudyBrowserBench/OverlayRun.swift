import BrowserCore
import StudyCore

/// Keys in every overlay and in full-screen details, each timed through the keymap, the reducer
/// and a frame's render at 120x40, as the session runs them.
struct OverlayRun {
    /// One overlay: the key that opens it, and the keys pressed inside it.
    struct Row {
        let name: String
        var open: [Double] = []
        var keys: [Double] = []
    }

    var rows: [Row] = []

    /// Keys pressed inside each overlay: scrolling a line, a page, to the ends and back.
    static let inside: [Key] = Array(repeating: .down, count: 8) + [.pageDown, .pageDown, .end, .up, .pageUp, .home]

    /// The overlays: where they open from (keys first pressed, not timed) and the key that opens them.
    static let overlays: [(name: String, setup: [Key], open: Key)] = [
        ("help", [], .character("?")),
        ("summary, one indication", [.backTab, .right, .enter], .character("i")),
        ("overview, all indications", [], .character("i")),
        ("findings", [.backTab, .right, .right, .right, .enter], .character("f")),
        ("context card", [.backTab, .right, .enter], .character("c")),
        ("compare, 3 marked", [.character(" "), .character(" "), .character(" ")], .character("C")),
        ("details, full screen at 120x40", [], .enter),
    ]

    static func run(catalog: Catalog, repeats: Int) -> OverlayRun {
        var result = OverlayRun(rows: overlays.map { Row(name: $0.name) })
        for _ in 0..<repeats {
            for (index, overlay) in overlays.enumerated() {
                var state = BrowserState(catalog: catalog, size: Size(width: 120, height: 40))
                press(overlay.setup, on: &state)
                result.rows[index].open.append(Measure.time { press([overlay.open], on: &state) })
                for key in inside {
                    result.rows[index].keys.append(Measure.time { press([key], on: &state) })
                }
            }
        }
        return result
    }

    private static func press(_ keys: [Key], on state: inout BrowserState) {
        for key in keys {
            guard let action = Keymap.action(for: key, in: state.keyContext, exporting: state.escapeCancelsExport) else { continue }
            BrowserReducer.reduce(&state, action)
            _ = BrowserView.render(state)
        }
    }
}
