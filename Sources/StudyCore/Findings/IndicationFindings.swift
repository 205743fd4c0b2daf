/// The effect estimates an indication has, grouped so that one plot never mixes measures or
/// comparisons: pooled rows from reviews, and single-study estimates from the studies' own records.
public struct IndicationFindings: Sendable {
    /// One estimate as a plot and a table show it.
    public struct Row: Sendable, Equatable {
        public let label: String
        public let participants: Int?
        public let studies: Int?
        public let estimate: EffectEstimate
        /// Pooled over several studies (a review's row, or a meta-analysis's own record).
        public let pooled: Bool
        /// Where the row comes from, for the reader: "Cochrane CD011612, outside the seeds".
        public let source: String
        public let certainty: Certainty?
        /// The review row behind it, when there is one (for absolute effects and plain words).
        public let finding: Review.Finding?
    }

    /// Rows that share one comparison and one measure, and so one axis.
    public struct Group: Sendable, Equatable {
        public let comparison: String
        public let measure: EffectEstimate.Measure
        public let rows: [Row]
    }

    public let indication: Indication
    /// The reviews that speak to the indication, in data order.
    public let reviews: [Review]
    /// The ids of the reviews from outside the seed documents.
    public let outside: Set<String>
    /// Pooled groups first (in the reviews' order), then single-study groups.
    public let groups: [Group]

    /// Measures that compare two groups and so belong on a forest plot.
    public static let plotted: Set<EffectEstimate.Measure> = [.oddsRatio, .riskRatio, .meanDifference, .standardizedMeanDifference, .percentageDifference]

    /// Gathers the indication's findings from the data as loaded (own records are always read,
    /// whatever the table's view: these rows are marked by source on their own).
    public init(indication: Indication, dataset: Dataset) {
        self.indication = indication
        reviews = dataset.reviews.filter { $0.indications.contains(indication) }
        outside = Set(reviews.filter { Self.outsideSeeds($0, dataset) }.map(\.id))
        var groups: [Group] = []
        func add(_ row: Row, comparison: String) {
            if let index = groups.firstIndex(where: { $0.comparison == comparison && $0.measure == row.estimate.measure }) {
                let group = groups[index]
                groups[index] = Group(comparison: group.comparison, measure: group.measure, rows: group.rows + [row])
            } else {
                groups.append(Group(comparison: comparison, measure: row.estimate.measure, rows: [row]))
            }
        }
        for review in reviews {
            for finding in review.findings where Self.plotted.contains(finding.effect.measure) && finding.effect.point != nil {
                let label = finding.outcome + (finding.timepoint.map { " at \($0)" } ?? "")
                var effect = finding.effect
                effect.comparison = finding.comparison
                effect.timepoint = finding.timepoint
                // A row from one trial is that trial's estimate, not a pooled one.
                add(Row(label: label, participants: finding.participants, studies: finding.studies, estimate: effect,
                        pooled: (finding.studies ?? 2) > 1,
                        source: Self.shortName(review) + (Self.outsideSeeds(review, dataset) ? ", outside the seeds" : ""),
                        certainty: finding.certainty, finding: finding),
                    comparison: finding.comparison)
            }
        }
        for study in dataset.studies where study.indication == indication {
            guard let primary = study.primary, primary.status == .found else { continue }
            // Only estimates with an interval are plotted: a point alone says nothing about how sure it is.
            for estimate in primary.estimates where Self.plotted.contains(estimate.measure) && estimate.point != nil && estimate.low != nil {
                let label = "\(study.shortLabel): \(estimate.outcome)" + (estimate.timepoint.map { ", \($0)" } ?? "")
                // Only the record's own count for this estimate: a comparison of some arms has fewer than the trial.
                add(Row(label: label, participants: estimate.participants, studies: estimate.studies, estimate: estimate,
                        pooled: (primary.design ?? study.design).kind == .systematicReview,
                        source: "\(study.id) own record", certainty: nil, finding: nil),
                    comparison: estimate.comparison ?? "\(study.shortLabel): comparison not stated")
            }
        }
        self.groups = groups
    }

    /// Whether a review comes from outside the seed documents (its source is not a seed).
    public static func outsideSeeds(_ review: Review, _ dataset: Dataset) -> Bool {
        guard let kind = dataset.source(id: review.source.document)?.kind else { return true }
        return kind == .review || kind == .primary
    }

    /// "Cochrane CD011612" when the review has a DOI naming it, else its id.
    public static func shortName(_ review: Review) -> String {
        if let doi = review.identifiers.first(where: { $0.kind == .doi })?.value, doi.contains("14651858."),
           let code = doi.split(separator: ".").first(where: { $0.hasPrefix("CD") }) {
            return "Cochrane \(code)"
        }
        return review.id
    }
}
