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

    /// The long name shown in help, as VisiData names its commands.
    public var name: String {
        switch self {
        case .moveUp: "move-up"
        case .moveDown: "move-down"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .moveToTop: "go-top"
        case .moveToBottom: "go-bottom"
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .open: "open"
        case .back: "back"
        case .startFilter: "filter"
        case .insertFilterText: "type-filter"
        case .deleteFilterBackward: "delete-char"
        case .clearFilterLine: "clear-filter-line"
        case .acceptFilter: "accept-filter"
        case .cancelFilter: "clear-filter"
        case .nextSortColumn: "sort-next-column"
        case .previousSortColumn: "sort-previous-column"
        case .reverseSort: "sort-reverse"
        case .showContext: "context-card"
        case .showSummary: "summary"
        case .toggleMark: "mark"
        case .compareMarked: "compare"
        case .copyCitation: "copy-citation"
        case .startExport: "export"
        case .insertExportText: "type-path"
        case .deleteExportBackward: "delete-path-char"
        case .clearExportLine: "clear-path"
        case .deleteExportWord: "delete-path-word"
        case .keepExportSuggestion: "keep-path"
        case .acceptExport: "accept-export"
        case .cancelExport: "cancel-export"
        case .confirmOverwrite: "confirm-overwrite"
        case .declineOverwrite: "decline-overwrite"
        case .showMessage: "message"
        case .showNotice: "notice"
        case .toggleSourceView: "toggle-seed-only"
        case .showFindings: "findings"
        case .nextStudy: "next-study"
        case .previousStudy: "previous-study"
        case .toggleFindingsWords: "findings-in-words"
        case .copyOverlay: "copy-view"
        case .showHelp: "help"
        case .closeOverlay: "close"
        case .quit: "quit"
        case .repaint: "repaint"
        case .resize: "resize"
        }
    }
}
