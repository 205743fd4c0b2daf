/// Everything the browser can be asked to do. Keys map to actions through `Keymap`.
public enum Action: Sendable, Equatable {
    case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom
    case nextPane, previousPane
    case open, back
    case startFilter, insertFilterText(String), deleteFilterBackward, clearFilterLine, acceptFilter, cancelFilter
    case nextSortColumn, previousSortColumn, reverseSort
    case showContext, showSummary, showHelp, closeOverlay
    case toggleMark, compareMarked, copyCitation
    case toggleSourceView
    case showFindings, toggleFindingsWords, copyOverlay
    case nextStudy, previousStudy
    case startExport, insertExportText(String), deleteExportBackward, acceptExport, cancelExport
    case clearExportLine, deleteExportWord, keepExportSuggestion
    case confirmOverwrite, declineOverwrite
    /// Asks the running export to stop; nothing is written.
    case cancelJob
    /// How far the running export is, in percent.
    case exportProgress(Int)
    /// The export was written; the message says where.
    case exportFinished(String)
    /// The export could not be written; the message says why.
    case exportFailed(String)
    /// The export's file exists: the user is asked before it is replaced.
    case exportExists(ExportRequest)
    /// The export stopped when asked, at this path, and left no file.
    case exportCancelled(String)
    /// The text `y` copies from the summary or findings, built beside the UI loop: the view's name and the text.
    case copyReady(String, String)
    /// An overlay's text, built beside the UI loop, is ready (shown if that overlay is still open as it was).
    case overlayBuilt(OverlayContent)
    /// The other source view, indexed beside the UI loop, is ready to be shown.
    case viewIndexed(IndexedView)
    /// Shows a message on the status line (the outcome of an effect).
    case showMessage(String)
    /// Says what became of the index written beside the table, unless a question is waiting
    /// on the status line (an overwrite), which it must not hide; the catalog with the grams
    /// built for the file, if any, lends them to the one on screen.
    case showIndexNote(String, IndexedView?)
    /// Shows a notice about the input that stays while typing goes on.
    case showNotice(String)
    case quit, repaint
    case resize(Size)
}
