/// How a record was traced to its source document.
public struct Provenance: Sendable, Equatable {
    /// How the source ties its statements to this study.
    public enum Attribution: String, CaseIterable, Sendable {
        /// A sentence cites this reference alone.
        case direct
        /// One citation spans several references, so a figure's owner is uncertain.
        case sharedCitation = "shared-citation"
        /// The text names the study without a reference number.
        case namedInText = "named-in-text"
        /// In the reference list, never cited in the text.
        case referenceListOnly = "reference-list-only"

        /// Words for details views.
        public var name: String {
            switch self {
            case .direct: "cited directly"
            case .sharedCitation: "shared citation: figures may belong to another cited study"
            case .namedInText: "named in the text without a reference number"
            case .referenceListOnly: "listed in the references but not cited in the text"
            }
        }
    }

    /// The document and reference numbers.
    public var source: SourceRef
    /// How the source ties statements to the study.
    public var attribution: Attribution
    /// The curator's explanation.
    public var note: String?

    /// Creates a provenance entry.
    public init(source: SourceRef, attribution: Attribution, note: String? = nil) {
        self.source = source
        self.attribution = attribution
        self.note = note
    }
}
