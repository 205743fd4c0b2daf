/// What kind of study or review a record describes; the basis of its level of evidence.
public enum DesignKind: String, CaseIterable, Sendable {
    case systematicReview = "systematic-review"
    case rctParallel = "rct-parallel"
    case rctCrossover = "rct-crossover"
    case controlledTrial = "controlled-trial"
    case cohort
    case retrospectiveReview = "retrospective-review"
    case caseSeries = "case-series"
    case caseReport = "case-report"
    case observational
    case narrativeReview = "narrative-review"
    case notReported = "not-reported"

    /// Full name for details and exports.
    public var name: String {
        switch self {
        case .systematicReview: "Systematic review / meta-analysis"
        case .rctParallel: "Randomized controlled trial"
        case .rctCrossover: "Randomized crossover trial"
        case .controlledTrial: "Controlled trial (randomization not stated)"
        case .cohort: "Cohort study"
        case .retrospectiveReview: "Retrospective review"
        case .caseSeries: "Case series"
        case .caseReport: "Case report"
        case .observational: "Observational series (design not named)"
        case .narrativeReview: "Review (not stated to be systematic)"
        case .notReported: "Design not reported"
        }
    }

    /// Compact label for table columns.
    public var shortName: String {
        switch self {
        case .systematicReview: "Meta-analysis"
        case .rctParallel: "RCT"
        case .rctCrossover: "RCT crossover"
        case .controlledTrial: "Controlled"
        case .cohort: "Cohort"
        case .retrospectiveReview: "Retrospective"
        case .caseSeries: "Case series"
        case .caseReport: "Case report"
        case .observational: "Observational"
        case .narrativeReview: "Review"
        case .notReported: "n.r."
        }
    }

    /// Whether participants were randomized by the design itself.
    public var isRandomizedTrial: Bool { self == .rctParallel || self == .rctCrossover }

    /// Oxford CEBM 2011 level this design starts from; nil where the scheme does not grade it.
    public var baseLevel: Int? {
        switch self {
        case .systematicReview: 1
        case .rctParallel, .rctCrossover: 2
        case .controlledTrial, .cohort: 3
        case .retrospectiveReview, .caseSeries, .caseReport, .observational: 4
        case .narrativeReview, .notReported: nil
        }
    }

    /// Words the query term `design:` matches by prefix.
    public var keywords: [String] {
        switch self {
        case .systematicReview: ["systematic-review", "systematic", "sr", "meta-analysis", "ma", "review"]
        case .rctParallel: ["rct", "randomized", "randomised", "trial", "parallel"]
        case .rctCrossover: ["rct", "randomized", "randomised", "trial", "crossover"]
        case .controlledTrial: ["controlled-trial", "trial", "nonrandomized"]
        case .cohort: ["cohort", "observational"]
        case .retrospectiveReview: ["retrospective", "observational"]
        case .caseSeries: ["case-series", "series", "observational"]
        case .caseReport: ["case-report", "report", "observational"]
        case .observational: ["observational"]
        case .narrativeReview: ["narrative-review", "review", "narrative"]
        case .notReported: ["not-reported", "nr", "unknown"]
        }
    }
}
