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
        /// The export stopped when asked and left no file.
        case cancelled
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
    /// writes files, which the pure core only asks for; it runs beside the loop (`jobs`), reports
    /// progress through its `JobControl` and stops when that is cancelled. `alongside` is work
    /// that starts with the session (writing the index of data just loaded); each reports its
    /// end as an action, and the caller waits for any that must not be lost.
    public static func run(_ initial: BrowserState, on device: TerminalDevice, jobs: JobMode = .background,
                           alongside: [@Sendable () -> Action] = [],
                           export: @escaping @Sendable (ExportRequest, JobControl) -> ExportOutcome = { _, _ in
                               .failed("export is not available here")
                           }) -> (state: BrowserState, ending: Ending) {
        var state = initial
        var fullRepaint = true
        var dirty = true
        var input = InputQueue(device: device)
        // At most one export (it reports progress and can be cancelled) and any other work.
        var exportJob: BackgroundJob?
        var otherJobs = alongside.map { work in BackgroundJob(mode: jobs.job) { _ in work() } }
        var overlayBuild: BackgroundJob?
        var waitingBuild: OverlayRequest?
        func startBuild(_ request: OverlayRequest) -> BackgroundJob {
            let snapshot = state
            return BackgroundJob(mode: jobs.job) { _ in .overlayBuilt(request.build(from: snapshot)) }
        }

        /// Runs what the reducer asked for; answers an ending when the effect ends the session.
        func perform(_ effect: Effect) -> Ending? {
            switch effect {
            case .none: break
            case .quit: return .quit
            case .repaint: fullRepaint = true
            case .send(let bytes): device.send(bytes)
            case .many(let effects):
                for effect in effects { if let ending = perform(effect) { return ending } }
            case .copyOverlay(let copy):
                // A summary of large data takes a second to write out: beside the loop, like its view.
                let snapshot = state
                otherJobs.append(BackgroundJob(mode: jobs.job) { _ in
                    .copyReady(copy.name, copy.text(catalog: snapshot.catalog, glyphs: snapshot.glyphs))
                })
            case .export(let request):
                exportJob = BackgroundJob(mode: jobs.job) { control in
                    switch export(request, control) {
                    case .written(let message): .exportFinished(message)
                    case .failed(let message): .exportFailed(message)
                    case .exists: .exportExists(request)
                    case .cancelled: .exportCancelled(request.path)
                    }
                }
            case .cancelJob: exportJob?.control.cancel()
            case .indexView(let view):
                let catalog = state.catalog
                otherJobs.append(BackgroundJob(mode: jobs.job) { _ in .viewIndexed(IndexedView(catalog.switched(to: view))) })
            case .buildOverlay(let request):
                // One build at a time; a newer request replaces a waiting one (a window being
                // resized asks for many), and a finished build for a view no longer open is dropped.
                if overlayBuild == nil {
                    overlayBuild = startBuild(request)
                } else {
                    waitingBuild = request
                }
            }
            return nil
        }
        /// Applies an action and runs its effect.
        func update(_ action: Action) -> Ending? {
            dirty = true
            return perform(BrowserReducer.reduce(&state, action))
        }
        /// Ends the session: a running export is stopped and waited for, so it leaves no file;
        /// other work (indexing, building a summary) is simply left.
        func end(_ ending: Ending) -> (state: BrowserState, ending: Ending) {
            if let running = exportJob, let outcome = running.cancelAndWait() { BrowserReducer.reduce(&state, outcome) }
            return (state, ending)
        }

        // Through the reducer before the first frame, whatever the size: the state may have been
        // set up by its public setters (deep links), and the reducer is what keeps it consistent.
        if let ending = update(.resize(device.size)) { return end(ending) }
        while true {
            // The frame for the last key comes first, so every key shows its effect at once,
            // even when work it started has already ended.
            if dirty {
                device.draw(BrowserView.render(state), fullRepaint: fullRepaint)
                fullRepaint = false
                dirty = false
            }
            if let running = exportJob {
                if let outcome = running.finishedAction {
                    exportJob = nil
                    if let ending = update(outcome) { return end(ending) }
                } else {
                    let percent = Int(running.control.progress * 100)
                    if percent != state.runningExport?.percent, let ending = update(.exportProgress(percent)) { return end(ending) }
                }
            }
            if let running = overlayBuild, let outcome = running.finishedAction {
                overlayBuild = waitingBuild.map(startBuild)
                waitingBuild = nil
                if let ending = update(outcome) { return end(ending) }
            }
            for running in otherJobs {
                guard let outcome = running.finishedAction else { continue }
                otherJobs.removeAll { $0 === running }
                if let ending = update(outcome) { return end(ending) }
            }
            if dirty { continue }
            // While work runs, wake often enough to show its progress and its end.
            switch exportJob == nil && otherJobs.isEmpty && overlayBuild == nil ? input.next() : input.next(waitingAtMost: 100) {
            case .idle: continue
            case .repaint:
                fullRepaint = true
                dirty = true
            case .closed: return end(.terminalClosed)
            case .signal(let number): return end(.signal(number))
            case .notice(let text):
                if let ending = update(.showNotice(text)) { return end(ending) }
            case .key(let key):
                guard let first = Keymap.action(for: key, in: state.keyContext, exporting: state.escapeCancelsExport) else { continue }
                // Typed text that is already waiting (a paste) goes in as one action, so a paste
                // of any length costs one filter, not one per character.
                if let ending = update(input.joiningWaitingText(to: first, in: state.keyContext)) { return end(ending) }
            }
        }
    }

    /// Where the session runs work it does beside the UI loop (exports, indexing, summaries, copies).
    public enum JobMode: Sendable {
        /// Beside the UI loop, on another thread: the program.
        case background
        /// At once, before the next key is read: tests that script keys and read the outcome.
        case inline

        var job: BackgroundJob.Mode { self == .inline ? .inline : .background }
    }
}
