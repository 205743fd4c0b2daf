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
    /// Shows a message on the status line (the outcome of an effect).
    case showMessage(String)
    /// Shows a notice about the input that stays while typing goes on.
    case showNotice(String)
    case quit, repaint
    case resize(Size)
}
