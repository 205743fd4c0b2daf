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

    /// The status line's words for it; `escapeCancels` says whether Esc cancels it where focus is now.
    public func statusText(escapeCancels: Bool) -> String {
        cancelling ? "Cancelling the export to \(path)…"
            : "Export \(percent)%, \(escapeCancels ? "Esc cancels" : "Esc in table cancels"): \(what) to \(path)"
    }
}
