/// A pooled-evidence record: a systematic review and its summary-of-findings rows, as it states them.
public struct Review: Sendable, Equatable, Identifiable {
    /// One row of a summary-of-findings table: one comparison and outcome.
    public struct Finding: Sendable, Equatable {
        public var comparison: String
        public var outcome: String
        public var timepoint: String?
        public var participants: Int?
        public var studies: Int?
        /// The relative effect with its interval, as numbers and as written.
        public var effect: EffectEstimate
        /// The risk without the intervention, in percent; nil where the source gives none.
        public var assumedRisk: Double?
        /// The risk with the intervention, in percent, with its interval.
        public var riskWith: Double?
        public var riskWithLow: Double?
        public var riskWithHigh: Double?
        /// The risks exactly as the source writes them ("8.8% → 27.4% (12.9 to 49.2)").
        public var risksReported: String?
        /// Certainty as the source states it; never computed here.
        public var certainty: Certainty
        public var footnote: String?

        /// Creates a row.
        public init(comparison: String, outcome: String, timepoint: String? = nil, participants: Int? = nil, studies: Int? = nil,
                    effect: EffectEstimate, assumedRisk: Double? = nil, riskWith: Double? = nil, riskWithLow: Double? = nil,
                    riskWithHigh: Double? = nil, risksReported: String? = nil, certainty: Certainty, footnote: String? = nil) {
            self.risksReported = risksReported
            self.comparison = comparison
            self.outcome = outcome
            self.timepoint = timepoint
            self.participants = participants
            self.studies = studies
            self.effect = effect
            self.assumedRisk = assumedRisk
            self.riskWith = riskWith
            self.riskWithLow = riskWithLow
            self.riskWithHigh = riskWithHigh
            self.certainty = certainty
            self.footnote = footnote
        }
    }

    public var id: String
    /// The indications the review speaks to; its `population` says how closely.
    public var indications: [Indication]
    /// The reference as it would be listed.
    public var citation: String
    public var identifiers: [PrimaryRecord.Identifier]
    /// Where the tables were read.
    public var seenOn: String
    /// The date of the last search (YYYY-MM or YYYY-MM-DD).
    public var searchDate: String?
    /// Who the review is about, in its terms (which may be wider than the indication).
    public var population: String
    /// The source document the record comes from.
    public var source: SourceRef
    public var findings: [Finding]
    public var note: String?
    /// The data file the record was read from (for messages).
    public var origin: String

    /// Creates a review.
    public init(id: String, indications: [Indication], citation: String, identifiers: [PrimaryRecord.Identifier] = [],
                seenOn: String, searchDate: String? = nil, population: String, source: SourceRef, findings: [Finding],
                note: String? = nil, origin: String = "") {
        self.id = id
        self.indications = indications
        self.citation = citation
        self.identifiers = identifiers
        self.seenOn = seenOn
        self.searchDate = searchDate
        self.population = population
        self.source = source
        self.findings = findings
        self.note = note
        self.origin = origin
    }
}
