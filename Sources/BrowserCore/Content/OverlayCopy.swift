import StudyCore

/// What `y` copies from the summary or findings view: the whole text at 100 columns, every
/// statement included, which the session builds when it runs the copy.
public struct OverlayCopy: Sendable, Equatable {
    public let indication: Indication
    /// The findings (else the summary).
    public let findings: Bool
    /// Findings with their per-1,000 wording.
    public let words: Bool

    /// The text to copy from the catalog as the state holds it.
    public func text(catalog: Catalog, glyphs: Glyphs) -> String {
        let lines = findings
            ? FindingsText.lines(IndicationFindings(indication: indication, dataset: catalog.loaded), width: 100, glyphs: glyphs, words: words)
            : SummaryText.lines(IndicationSummary(indication: indication, dataset: catalog.dataset, view: catalog.view),
                                width: 100, glyphs: glyphs, allStatements: true)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name the status line uses.
    public var name: String { findings ? "findings" : "summary" }
}
