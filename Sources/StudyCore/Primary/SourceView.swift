/// Which values the table shows: the best-sourced ones, or only what the seed documents say.
public enum SourceView: String, CaseIterable, Sendable {
    /// The seed's value where it gives one, else the study's own record's, marked.
    case best
    /// The seed documents' values alone.
    case seedOnly = "seed-only"

    /// Words for the status line.
    public var label: String {
        switch self {
        case .best: "seed + own records"
        case .seedOnly: "seed only"
        }
    }

    /// The other view, for the toggle key.
    public var toggled: SourceView { self == .best ? .seedOnly : .best }
}
