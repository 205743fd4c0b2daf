/// The panes that can hold the keyboard focus.
public enum Pane: Sendable, Equatable {
    case indications
    case table
    case details
}

/// A window drawn over the panes.
public enum Overlay: Sendable, Equatable {
    case help
    case context
    case summary
    case compare
    /// Summary of findings and forest plots for the indication.
    case findings
}
