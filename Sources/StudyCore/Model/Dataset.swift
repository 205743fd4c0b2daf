/// Everything loaded: studies, indication context records and the source documents they cite.
public struct Dataset: Sendable, Equatable {
    public var studies: [Study]
    public var contexts: [IndicationContext]
    public var sources: [SourceDocument]
    /// Pooled evidence: systematic reviews with summary-of-findings rows.
    public var reviews: [Review] = []
    /// The day the data was last checked against its sources (YYYY-MM-DD): the newest of the
    /// files' `checked` fields, nil when none gives one.
    public var checked: String?

    /// Creates a dataset.
    public init(studies: [Study] = [], contexts: [IndicationContext] = [], sources: [SourceDocument] = []) {
        self.studies = studies
        self.contexts = contexts
        self.sources = sources
    }

    /// The study with this id.
    public func study(id: String) -> Study? { studies.first { $0.id == id } }

    /// The context record of an indication.
    public func context(for indication: Indication) -> IndicationContext? {
        contexts.first { $0.indication == indication }
    }

    /// The source document with this id.
    public func source(id: String) -> SourceDocument? { sources.first { $0.id == id } }

    /// Number of studies per indication.
    public func count(of indication: Indication) -> Int {
        studies.reduce(0) { $0 + ($1.indication == indication ? 1 : 0) }
    }
}
