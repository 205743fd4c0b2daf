/// An export being written beside the UI loop, as the status line shows it.
public struct RunningExport: Sendable, Equatable {
    /// The path as typed (after `~`).
    public let path: String
    /// What is written: "100000 studies", "the Migraine findings".
    public let what: String
    /// How far it is, in percent.
    public var percent = 0
    /// Esc was pressed; the export stops at its next batch.
    public var cancelling = false

    /// The status line's words for it.
    public var statusText: String {
        cancelling ? "Cancelling the export to \(path)…" : "Writing \(what) to \(path): \(percent)% (Esc cancels; keys still work)"
    }
}
