import BrowserCore
import StudyCore

/// Keys in every overlay and in full-screen details, each timed through the keymap, the reducer
/// and a frame's render at 120x40, as the session runs them.
struct OverlayRun {
    /// One overlay: the key that opens it, and the keys pressed inside it.
    struct Row {
        let name: String
        var open: [Double] = []
        /// Building the text beside the UI loop, where the browser does that (summaries of large data).
        var aside: [Double] = []
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
                var request: OverlayRequest?
                result.rows[index].open.append(Measure.time { request = press([overlay.open], on: &state) })
                // As the session does: the text is built off the loop, then handed back as an action.
                if let request {
                    var built: OverlayContent?
                    result.rows[index].aside.append(Measure.time { built = request.build(from: state) })
                    if let built { press(action: .overlayBuilt(built), on: &state) }
                }
                for key in inside {
                    result.rows[index].keys.append(Measure.time { press([key], on: &state) })
                }
            }
        }
        return result
    }

    /// Presses keys as the session does; answers the overlay text the session would build aside.
    @discardableResult
    private static func press(_ keys: [Key], on state: inout BrowserState) -> OverlayRequest? {
        var request: OverlayRequest?
        for key in keys {
            guard let action = Keymap.action(for: key, in: state.keyContext, exporting: state.escapeCancelsExport) else { continue }
            request = press(action: action, on: &state) ?? request
        }
        return request
    }

    @discardableResult
    private static func press(action: Action, on state: inout BrowserState) -> OverlayRequest? {
        let effect = BrowserReducer.reduce(&state, action)
        _ = BrowserView.render(state)
        switch effect {
        case .buildOverlay(let request): return request
        case .many(let effects):
            for case .buildOverlay(let request) in effects { return request }
            return nil
        default: return nil
        }
    }
}
