import StudyCore

/// What the session must do after an action; the reducer itself performs no I/O.
public enum Effect: Sendable, Equatable {
    case none
    /// Leave the browser and restore the terminal.
    case quit
    /// Redraw every cell, not just the changed ones (Ctrl-L).
    case repaint
    /// Write these bytes to the terminal as they are (an OSC 52 clipboard sequence).
    case send(String)
    /// Write studies to a file beside the UI loop; the session reports progress and the outcome
    /// back as actions (`exportProgress`, `exportFinished`, `exportFailed`, …).
    case export(ExportRequest)
    /// Index the data for another source view beside the UI loop (large data); the session
    /// reports back with `viewIndexed`.
    case indexView(SourceView)
    /// Build the open overlay's text beside the UI loop (a summary of large data); the session
    /// reports back with `overlayBuilt`.
    case buildOverlay(OverlayRequest)
    /// Several of these, in order.
    case many([Effect])
    /// Stop the running export.
    case cancelJob
    /// Copy the summary or findings through the clipboard; the session builds the text.
    case copyOverlay(OverlayCopy)
}
