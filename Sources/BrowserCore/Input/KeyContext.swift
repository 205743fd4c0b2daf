/// Where keys are being typed; the keymap binds keys per context.
public enum KeyContext: String, CaseIterable, Sendable {
    /// The indication tabs have focus.
    case indications
    /// The study table has focus.
    case table
    /// A study's details have focus (full screen, or the right pane on wide terminals).
    case details
    /// The filter line is being edited.
    case filter
    /// The help overlay or the context card is shown.
    case overlay
    /// The export path is being typed.
    case exportPath
    /// Waiting for y before overwriting a file.
    case confirmOverwrite

    /// Heading in the help overlay.
    public var title: String {
        switch self {
        case .indications: "Indication tabs"
        case .table: "Study table"
        case .details: "Study details"
        case .filter: "Filter line"
        case .overlay: "Help, summary, context card and compare"
        case .exportPath: "Export path line"
        case .confirmOverwrite: "Overwrite question"
        }
    }
}
