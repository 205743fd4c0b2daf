/// An effect estimate as a study's own record gives it: numbers for sorting and plotting, and the
/// text exactly as written.
public struct EffectEstimate: Sendable, Equatable {
    /// What kind of number the estimate is.
    public enum Measure: String, CaseIterable, Sendable {
        case oddsRatio = "odds-ratio"
        case riskRatio = "risk-ratio"
        case meanDifference = "mean-difference"
        case standardizedMeanDifference = "smd"
        case percentageDifference = "percentage-difference"
        case proportion
        case meanChange = "mean-change"

        /// "OR", "RR", "MD", "SMD", "% difference", "proportion", "mean change".
        public var label: String {
            switch self {
            case .oddsRatio: "OR"
            case .riskRatio: "RR"
            case .meanDifference: "MD"
            case .standardizedMeanDifference: "SMD"
            case .percentageDifference: "% difference"
            case .proportion: "proportion"
            case .meanChange: "mean change"
            }
        }

        /// Ratios sit on a log scale and have no effect at 1; the rest at 0.
        public var isRatio: Bool { self == .oddsRatio || self == .riskRatio }
    }

    /// The outcome measured ("days abstinent").
    public var outcome: String
    /// What was compared ("ketamine vs saline"); nil when the record compares nothing.
    public var comparison: String?
    public var timepoint: String?
    public var measure: Measure
    /// The point estimate; nil only for a proportion, which has `events` and `total`.
    public var point: Double?
    public var low: Double?
    public var high: Double?
    /// The interval's level in percent (95); nil when there is no interval.
    public var level: Double?
    /// The ± spread written beside a mean change.
    public var spread: Double?
    public var events: Int?
    public var total: Int?
    /// Participants and studies behind this estimate, when the record says (a comparison of some arms has fewer than the trial).
    public var participants: Int?
    public var studies: Int?
    /// The figure exactly as the record writes it.
    public var reported: String
    /// Where this estimate was seen, when it differs from the record's own `seenOn`.
    public var seenOn: String?
    public var note: String?

    /// Creates an estimate.
    public init(outcome: String, comparison: String? = nil, timepoint: String? = nil, measure: Measure,
                point: Double? = nil, low: Double? = nil, high: Double? = nil, level: Double? = nil,
                spread: Double? = nil, events: Int? = nil, total: Int? = nil, participants: Int? = nil, studies: Int? = nil,
                reported: String, seenOn: String? = nil, note: String? = nil) {
        self.participants = participants
        self.studies = studies
        self.outcome = outcome
        self.comparison = comparison
        self.timepoint = timepoint
        self.measure = measure
        self.point = point
        self.low = low
        self.high = high
        self.level = level
        self.spread = spread
        self.events = events
        self.total = total
        self.reported = reported
        self.seenOn = seenOn
        self.note = note
    }

    /// "days abstinent, ketamine vs saline, 6 months": the label a table cell or figure carries.
    public var label: String {
        [outcome, comparison, timepoint].compactMap { $0 }.joined(separator: ", ")
    }
}
