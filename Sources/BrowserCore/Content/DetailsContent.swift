import StudyCore

/// The selected study's details, wrapped to the pane: built when the selection, the width or
/// the source view changes, and kept with the state, so scrolling only reads its length.
public struct DetailsContent: Sendable {
    /// Everything the text depends on.
    struct Inputs: Sendable, Equatable {
        /// The study's position in the dataset.
        let position: Int
        let width: Int
        let view: SourceView
        let glyphs: Glyphs
    }

    /// The title and a rule, then every field.
    public let lines: [String]
    /// How many of `lines` are the heading (the rule included).
    public let headingCount: Int
    /// The width of the label column, for its role.
    public let labelWidth: Int
    let inputs: Inputs?

    /// Nothing selected, or details not on screen.
    static let empty = DetailsContent(lines: [], headingCount: 0, labelWidth: 0, inputs: nil)

    /// What the details need, or nil when they are not on screen or nothing is selected.
    static func inputs(of state: BrowserState) -> Inputs? {
        let layout = Layout(size: state.size)
        guard state.detailsOpen || layout.split, state.rows.indices.contains(state.selection) else { return nil }
        return Inputs(position: state.rows.positions[state.selection], width: layout.detailsTextWidth, view: state.catalog.view,
                      glyphs: state.glyphs)
    }

    /// Builds the details for `inputs` from the state's data.
    static func build(_ inputs: Inputs, state: BrowserState) -> DetailsContent {
        let study = state.catalog.study(at: inputs.position)
        let usable = max(20, inputs.width - 2)
        let glyphs = inputs.glyphs
        let fields = StudyDetails.fields(of: study, sources: state.catalog.sources, glyphs: glyphs)
        let heading = TableFormatter.wrap(InertText.make(study.shortLabel + ": " + (study.citation.title ?? "title not reported")), width: usable)
            + [String(repeating: glyphs.rule, count: min(usable, 60))]
        let body = TableFormatter.details(fields, width: usable).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return DetailsContent(lines: heading + body, headingCount: heading.count, labelWidth: fields.map { DisplayWidth.of($0.label) }.max() ?? 0,
                              inputs: inputs)
    }
}
