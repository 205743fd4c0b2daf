import StudyCore

/// Runs the browser on a terminal device until the user quits or the terminal goes away.
public enum BrowserSession {
    /// Why the session ended; the executable turns it into an exit status.
    public enum Ending: Sendable, Equatable {
        case quit
        case terminalClosed
        case signal(Int32)
    }

    /// What the session does with an export: write the file, and say what happened.
    public enum ExportOutcome: Sendable, Equatable {
        case written(String)
        /// The file exists; the user is asked before it is replaced.
        case exists
        case failed(String)
    }

    /// Shows the loading screen until `isDone` answers true, redrawing only when the shown
    /// progress changes; returns an ending if the user quits or the terminal goes away first.
    public static func showLoading(on device: TerminalDevice, progress: LoadProgress, glyphs: Glyphs,
                                   isDone: () -> Bool) -> Ending? {
        var shown: String?
        var shownSize = device.size
        var fullRepaint = true
        while !isDone() {
            let reading = progress.snapshot
            let text = LoadingView.statusText(reading, glyphs: glyphs)
            if text != shown || shownSize != device.size || fullRepaint {
                device.draw(LoadingView.render(size: Layout.clamped(device.size), progress: reading, glyphs: glyphs), fullRepaint: fullRepaint)
                shown = text
                shownSize = device.size
                fullRepaint = false
            }
            // A short wait: the studies should appear within a frame of being ready.
            switch device.nextInput(waitingAtMost: 30) {
            case .idle: continue
            case .repaint: fullRepaint = true
            case .closed: return .terminalClosed
            case .signal(let number): return .signal(number)
            case .key(.character("q")): return .quit
            case .key(.resize): fullRepaint = true
            case .key, .notice: continue
            }
        }
        return nil
    }

    /// Draws, reads a key, updates, and repeats; draws only after something changed. `export`
    /// performs file writes, which the pure core only asks for.
    public static func run(_ initial: BrowserState, on device: TerminalDevice,
                           export: (ExportRequest) -> ExportOutcome = { _ in .failed("export is not available here") })
        -> (state: BrowserState, ending: Ending) {
        var state = initial
        if state.size != Layout.clamped(device.size) { BrowserReducer.reduce(&state, .resize(device.size)) }
        var fullRepaint = true
        var dirty = true
        var input = InputQueue(device: device)
        while true {
            if dirty {
                device.draw(BrowserView.render(state), fullRepaint: fullRepaint)
                fullRepaint = false
                dirty = false
            }
            switch input.next() {
            case .idle: continue
            case .repaint:
                fullRepaint = true
                dirty = true
            case .closed: return (state, .terminalClosed)
            case .signal(let number): return (state, .signal(number))
            case .notice(let text):
                BrowserReducer.reduce(&state, .showNotice(text))
                dirty = true
            case .key(let key):
                guard let first = Keymap.action(for: key, in: state.keyContext) else { continue }
                // Typed text that is already waiting (a paste) goes in as one action, so a paste
                // of any length costs one filter, not one per character.
                let action = input.joiningWaitingText(to: first, in: state.keyContext)
                switch BrowserReducer.reduce(&state, action) {
                case .quit: return (state, .quit)
                case .repaint: fullRepaint = true
                case .send(let bytes): device.send(bytes)
                case .export(let request):
                    switch export(request) {
                    case .written(let message): BrowserReducer.reduce(&state, .showMessage(message))
                    case .failed(let message): BrowserReducer.reduce(&state, .showMessage(message))
                    case .exists:
                        state.pendingExport = request
                        BrowserReducer.reduce(&state, .showMessage("\(request.path) exists: press y to overwrite it, any other key to keep it."))
                    }
                case .none: break
                }
                dirty = true
            }
        }
    }
}
