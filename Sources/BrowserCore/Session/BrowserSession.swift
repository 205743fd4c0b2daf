/// Runs the browser on a terminal device until the user quits or the terminal goes away.
public enum BrowserSession {
    /// Why the session ended; the executable turns it into an exit status.
    public enum Ending: Sendable, Equatable {
        case quit
        case terminalClosed
        case signal(Int32)
    }

    /// Draws, reads a key, updates, and repeats; draws only after something changed.
    public static func run(_ initial: BrowserState, on device: TerminalDevice) -> (state: BrowserState, ending: Ending) {
        var state = initial
        if state.size != device.size { BrowserReducer.reduce(&state, .resize(device.size)) }
        var fullRepaint = true
        var dirty = true
        while true {
            if dirty {
                device.draw(BrowserView.render(state), fullRepaint: fullRepaint)
                fullRepaint = false
                dirty = false
            }
            switch device.nextInput() {
            case .idle: continue
            case .repaint:
                fullRepaint = true
                dirty = true
            case .closed: return (state, .terminalClosed)
            case .signal(let number): return (state, .signal(number))
            case .key(let key):
                guard let action = Keymap.action(for: key, in: state.keyContext) else { continue }
                switch BrowserReducer.reduce(&state, action) {
                case .quit: return (state, .quit)
                case .repaint: fullRepaint = true
                case .send(let bytes): device.send(bytes)
                case .none: break
                }
                dirty = true
            }
        }
    }
}
