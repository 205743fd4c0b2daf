/// What the source reports about whether ketamine helped on the study's main outcome.
public enum EffectDirection: String, CaseIterable, Sendable {
    /// Ketamine did better on the reported outcome.
    case benefit
    /// Some outcomes favoured ketamine and others did not, or the source is equivocal.
    case mixed
    /// No improvement over the comparator or baseline.
    case noBenefit = "no-benefit"
    /// The source gives no result for this record on its own.
    case notReported = "not-reported"

    /// Words for tables and details.
    public var name: String {
        switch self {
        case .benefit: "benefit"
        case .mixed: "mixed"
        case .noBenefit: "no benefit"
        case .notReported: "not reported"
        }
    }

    /// Values a query term `dir:` accepts for this direction.
    public var queryWords: [String] {
        switch self {
        case .benefit: ["benefit", "positive", "+"]
        case .mixed: ["mixed", "±", "+-"]
        case .noBenefit: ["no-benefit", "nobenefit", "none", "negative", "-"]
        case .notReported: ["not-reported", "nr", "unknown", "?"]
        }
    }

    /// Place in the outcome sort order: most favourable first; nil (sorted last) when not reported.
    public var sortRank: Int? {
        switch self {
        case .benefit: 0
        case .mixed: 1
        case .noBenefit: 2
        case .notReported: nil
        }
    }
}
