/// What a study's own abstract or publisher page shows, kept beside the seed's figures.
///
/// Nothing here replaces a seed figure; `differences` lists where the two disagree.
public struct PrimaryRecord: Sendable, Equatable {
    /// Whether the primary record was found at all.
    public enum Status: String, CaseIterable, Sendable {
        case found
        case notFound = "not-found"
    }

    /// How directly the primary figures were read.
    public enum Confidence: String, CaseIterable, Sendable {
        /// The study's full text.
        case fullText = "full-text"
        /// The abstract on PubMed, PMC or the publisher's page.
        case abstract
        /// A third-party page; not confirmed on the primary record.
        case secondary
    }

    /// A PMID, DOI or trial registry number.
    public struct Identifier: Sendable, Equatable {
        public enum Kind: String, CaseIterable, Sendable {
            case pmid, doi, registry, pmcid

            /// "PMID", "DOI", "Registry", "PMCID".
            public var label: String {
                switch self {
                case .pmid: "PMID"
                case .doi: "DOI"
                case .registry: "Registry"
                case .pmcid: "PMCID"
                }
            }
        }

        public var kind: Kind
        public var value: String
        public var note: String?

        /// Creates an identifier.
        public init(kind: Kind, value: String, note: String? = nil) {
            self.kind = kind
            self.value = value
            self.note = note
        }
    }

    /// A figure as the primary record gives it.
    public struct Figure: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    /// One point where the seed and the primary record disagree, with both values.
    public struct Difference: Sendable, Equatable {
        public var topic: String
        public var seed: String
        public var primary: String
    }

    public var status: Status
    public var source: SourceRef
    public var seenOn: String?
    public var confidence: Confidence?
    public var citation: String?
    public var identifiers: [Identifier]
    public var summary: String?
    public var figures: [Figure]
    public var differences: [Difference]
    public var note: String?

    // Structured values, each optional; `nil` or empty means the record was not read for it.
    /// The design by the record; its `source` is the record's source.
    public var design: StudyDesign?
    /// Where the design was seen, when it differs from `seenOn`.
    public var designSeenOn: String?
    public var sampleSize: PrimarySampleSize?
    public var doses: [Dose]
    public var comparator: Comparator?
    /// Outcome measures the record names.
    public var outcomes: [String]
    /// What the record's result shows, in the same terms as the seed's direction.
    public var direction: EffectDirection?
    public var estimates: [EffectEstimate]
    /// Cautions on the record's own result.
    public var caveats: [StrengthMark]
    /// Places where the record's own figures disagree with each other, kept as written.
    public var inconsistencies: [String]
    public var overlaps: [SampleOverlap]

    /// Creates a record.
    public init(status: Status, source: SourceRef, seenOn: String? = nil, confidence: Confidence? = nil,
                citation: String? = nil, identifiers: [Identifier] = [], summary: String? = nil,
                figures: [Figure] = [], differences: [Difference] = [], note: String? = nil,
                design: StudyDesign? = nil, designSeenOn: String? = nil, sampleSize: PrimarySampleSize? = nil,
                doses: [Dose] = [], comparator: Comparator? = nil, outcomes: [String] = [],
                direction: EffectDirection? = nil, estimates: [EffectEstimate] = [], caveats: [StrengthMark] = [],
                inconsistencies: [String] = [], overlaps: [SampleOverlap] = []) {
        self.status = status
        self.source = source
        self.seenOn = seenOn
        self.confidence = confidence
        self.citation = citation
        self.identifiers = identifiers
        self.summary = summary
        self.figures = figures
        self.differences = differences
        self.note = note
        self.design = design
        self.designSeenOn = designSeenOn
        self.sampleSize = sampleSize
        self.doses = doses
        self.comparator = comparator
        self.outcomes = outcomes
        self.direction = direction
        self.estimates = estimates
        self.caveats = caveats
        self.inconsistencies = inconsistencies
        self.overlaps = overlaps
    }

    /// Whether the primary record disagrees with the seed anywhere.
    public var differs: Bool { !differences.isEmpty }
}
