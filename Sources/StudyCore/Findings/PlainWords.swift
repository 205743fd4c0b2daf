/// What a summary-of-findings row means per 1,000 people, only where the source gives an assumed risk.
public enum PlainWords {
    /// "8.8% → 27.4%: of 1,000 people like those in the trials, about 274 (129 to 492) with ketamine
    /// rather than 88 with placebo respond".
    public static func perThousand(_ finding: Review.Finding, glyphs: Glyphs) -> String? {
        guard let assumed = finding.assumedRisk, let with = finding.riskWith else { return nil }
        let arrow = glyphs == .ascii ? "->" : "→"
        var text = "\(percent(assumed))% \(arrow) \(percent(with))%: of 1,000 people like those in the trials, about \(perThousand(with))"
        if let low = finding.riskWithLow, let high = finding.riskWithHigh {
            text += " (\(perThousand(low)) to \(perThousand(high)))"
        }
        // The assumed risk is the comparator group's: "without" means with placebo, or with midazolam.
        let (treated, control) = sides(finding.comparison) ?? ("the intervention", "the comparison")
        text += " with \(treated) rather than \(perThousand(assumed)) with \(control) \(verb(finding.outcome))"
        return text
    }

    /// "ketamine" and "placebo" from "ketamine vs placebo"; nil when the text names no two sides.
    static func sides(_ comparison: String) -> (String, String)? {
        guard let range = comparison.firstRange(of: " vs ") else { return nil }
        return (String(comparison[..<range.lowerBound]), String(comparison[range.upperBound...]))
    }

    /// A percentage with one decimal, as the tables write most of them.
    static func percent(_ value: Double) -> String { ForestPlot.fixed(value, decimals: 1) }

    /// Per 1,000, rounded to the nearest whole person.
    static func perThousand(_ percent: Double) -> Int { Int((percent * 10).rounded(.toNearestOrAwayFromZero)) }

    /// "respond", "remit", "drop out", else "have the outcome (…)".
    static func verb(_ outcome: String) -> String {
        let folded = SearchText.fold(outcome)
        if folded.hasPrefix("response") { return "respond" }
        if folded.hasPrefix("remission") { return "remit" }
        if folded.contains("dropout") || folded.contains("drop out") { return "drop out" }
        return "have the outcome (\(outcome))"
    }
}
