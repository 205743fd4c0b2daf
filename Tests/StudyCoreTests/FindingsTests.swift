import Testing
@testable import StudyCore

/// The forest plot's axis and rows, the per-1,000 wording, and summary-of-findings records,
/// checked against examples worked by hand.
@Suite("Summary of findings and forest plots")
struct FindingsTests {
    static func estimate(_ measure: EffectEstimate.Measure, _ point: Double, _ low: Double?, _ high: Double?) -> EffectEstimate {
        EffectEstimate(outcome: "o", measure: measure, point: point, low: low, high: high, level: low == nil ? nil : 95, reported: "x")
    }

    /// Log scale: whole decades around every point and 1, at least 0.1 to 10.
    @Test("a log axis for ratios: decades, ticks, the line of no effect and rounded columns")
    func logAxis() {
        let axis = ForestAxis(measure: .oddsRatio, estimates: [Self.estimate(.oddsRatio, 3.94, 1.54, 10.10),
                                                               Self.estimate(.oddsRatio, 0.33, 0.05, 2.09)], width: 25)
        #expect(axis.logarithmic && axis.low == 0.1 && axis.high == 10 && axis.ticks == [0.1, 1, 10])
        // log10(3.94) = 0.5955; (0.5955 + 1) / 2 × 24 = 19.15 → 19.
        #expect(axis.column(1) == 12 && axis.column(0.1) == 0 && axis.column(10) == 24 && axis.column(3.94) == 19)
        // log10(0.33) = −0.4815; (−0.4815 + 1) / 2 × 24 = 6.22 → 6.
        #expect(axis.column(0.33) == 6)
        #expect(axis.column(10.10) == nil && axis.column(0.05) == nil, "beyond the axis")
        let wide = ForestAxis(measure: .riskRatio, estimates: [Self.estimate(.riskRatio, 45, 20, 90)], width: 31)
        #expect(wide.low == 0.1 && wide.high == 100 && wide.ticks == [0.1, 1, 10, 100])
    }

    /// Linear scale: the points and 0, widened for the intervals by at most the points' span.
    @Test("a linear axis for differences", arguments: [
        // SMD −0.87 (−1.26 to −0.48): core −0.87…0, step 0.5 → −1.5…0; −0.87 at (0.63 / 1.5) × 20 = 8.4 → 8.
        ([estimate(.standardizedMeanDifference, -0.87, -1.26, -0.48)], 21, -1.5, 0.0, [-1.5, -1.0, -0.5, 0.0], -0.87, 8),
        // +10.1 (1.1 to 19.0): core 0…10.1, widened to 19.0, step 5 → 0…20; 10.1 at 0.505 × 24 = 12.1 → 12.
        ([estimate(.percentageDifference, 10.1, 1.1, 19.0)], 25, 0.0, 20.0, [0.0, 5.0, 10.0, 15.0, 20.0], 10.1, 12),
        // MD −1.83 (−2.35 to −1.31): step 1 → −3…0; −1.83 at (1.17 / 3) × 22 = 8.58 → 9.
        ([estimate(.meanDifference, -1.83, -2.35, -1.31)], 23, -3.0, 0.0, [-3.0, -2.0, -1.0, 0.0], -1.83, 9),
        // 1 (−10 to 12): the interval is cut at the points' span: −1…2; 1 at (2/3) × 30 = 20.
        ([estimate(.meanDifference, 1, -10, 12)], 31, -1.0, 2.0, [-1.0, 0.0, 1.0, 2.0], 1.0, 20),
    ])
    func linearAxis(_ estimates: [EffectEstimate], _ width: Int, _ low: Double, _ high: Double, _ ticks: [Double], _ value: Double, _ column: Int) {
        let axis = ForestAxis(measure: estimates[0].measure, estimates: estimates, width: width)
        #expect(!axis.logarithmic && axis.low == low && axis.high == high && axis.ticks == ticks)
        #expect(axis.column(value) == column)
        #expect(axis.column(0) != nil, "the line of no effect is always on the axis")
    }

    @Test("nice steps are 1, 2 or 5 times a power of ten", arguments: [(0.315, 0.5), (0.75, 1.0), (3.0, 5.0), (12.0, 20.0), (0.05, 0.05), (1.0, 1.0)])
    func niceSteps(_ raw: Double, _ step: Double) {
        #expect(abs(ForestAxis.niceStep(raw) - step) < 1e-12)
    }

    @Test("an interval that excludes no effect never seems to touch it after rounding")
    func excludesNoEffect() {
        // OR 5.60 (1.07 to 29.46) on 0.1…10 over 15 columns: 1 and 1.07 both round to column 7.
        let row = IndicationFindings.Row(label: "remission", participants: 75, studies: 3, estimate: Self.estimate(.oddsRatio, 5.60, 1.07, 29.46),
                                         pooled: true, source: "s", certainty: .veryLow, finding: nil)
        let axis = ForestAxis(measure: .oddsRatio, estimates: [row.estimate], width: 15)
        #expect(axis.column(1) == 7 && axis.column(1.07) == 7)
        #expect(String(ForestPlot.axisRow(row, axis: axis, symbols: .unicode)) == "       │────◆─▶", "5.60 at (0.748 + 1) / 2 × 14 = 12.2 → 12; the whisker starts at 8, not on the line at 7")
    }

    @Test("a row: whiskers, the point, the line of no effect and arrows where the interval runs off")
    func rows() {
        let clipped = IndicationFindings.Row(label: "wide", participants: 10, studies: nil, estimate: Self.estimate(.meanDifference, 1, -10, 12),
                                             pooled: false, source: "s", certainty: nil, finding: nil)
        let axis = ForestAxis(measure: .meanDifference, estimates: [clipped.estimate], width: 31)
        #expect(String(ForestPlot.axisRow(clipped, axis: axis, symbols: .unicode)) == "◀─────────│─────────■─────────▶", "0 at column 10, 1 at column 20 of 0…30")
        #expect(String(ForestPlot.axisRow(clipped, axis: axis, symbols: .ascii)) == "<---------|---------x--------->")
        let pooled = IndicationFindings.Row(label: "p", participants: 185, studies: 7, estimate: Self.estimate(.oddsRatio, 3.94, 1.54, 10.10),
                                            pooled: true, source: "s", certainty: .veryLow, finding: nil)
        let log = ForestAxis(measure: .oddsRatio, estimates: [pooled.estimate], width: 25)
        #expect(String(ForestPlot.axisRow(pooled, axis: log, symbols: .unicode)) == "            │ ─────◆────▶")
    }

    @Test("estimates keep the source's decimals", arguments: [
        (estimate(.oddsRatio, 3.94, 1.54, 10.1), "OR 3.94 (1.54 to 10.10)", "3.94 [1.54, 10.10]"),
        (estimate(.standardizedMeanDifference, -0.87, -1.26, -0.48), "SMD 0.87 lower (1.26 to 0.48 lower)", "−0.87 [−1.26, −0.48]"),
        (estimate(.percentageDifference, 10.1, 1.1, 19), "+10.1% (95% CI 1.1 to 19.0)", "10.1 [1.1, 19.0]"),
    ])
    func estimateText(_ estimate: EffectEstimate, _ reported: String, _ expected: String) {
        var estimate = estimate
        estimate.reported = reported
        #expect(ForestPlot.estimateText(estimate, glyphs: .unicode) == expected)
    }

    static let trd = IndicationFindings(indication: .trd, dataset: BundledDatasetTests.loaded.dataset)

    @Test("per 1,000, only where the source gives an assumed risk", arguments: [
        ("ketamine vs placebo", "response", "8.8% → 27.4%: of 1,000 people like those in the trials, about 274 (129 to 492) with ketamine rather than 88 with placebo respond"),
        ("ketamine vs placebo", "remission", "2.4% → 12.0%: of 1,000 people like those in the trials, about 120 (25 to 418) with ketamine rather than 24 with placebo remit"),
        ("ketamine vs midazolam", "total dropouts", "12.0% → 4.3%: of 1,000 people like those in the trials, about 43 (7 to 222) with ketamine rather than 120 with midazolam drop out"),
        ("ketamine vs placebo", "depression score", ""),
    ])
    func perThousand(_ comparison: String, _ outcome: String, _ expected: String) throws {
        let review = try #require(Self.trd.reviews.first)
        let finding = try #require(review.findings.first { $0.comparison == comparison && $0.outcome == outcome })
        #expect(PlainWords.perThousand(finding, glyphs: .unicode) == (expected.isEmpty ? nil : expected))
    }

    @Test("one plot per comparison and measure; never two measures or comparisons on one axis")
    func grouping() {
        let keys = Self.trd.groups.map { "\($0.comparison) \($0.measure.rawValue)" }
        #expect(keys == ["ketamine vs placebo odds-ratio", "ketamine vs placebo smd", "ketamine vs midazolam odds-ratio", "ketamine vs midazolam smd"])
        #expect(Self.trd.groups.allSatisfy { group in group.rows.allSatisfy { $0.estimate.measure == group.measure } })
        // Pooled where the review pooled more than one trial; the midazolam dropouts row is one trial.
        #expect(Self.trd.groups.flatMap(\.rows).filter { !$0.pooled }.map(\.label) == ["total dropouts at 24 h"])
        let sud = IndicationFindings(indication: .sud, dataset: BundledDatasetTests.loaded.dataset)
        #expect(sud.reviews.isEmpty && sud.groups.count == 3 && sud.groups.allSatisfy { $0.rows.allSatisfy { !$0.pooled && $0.source.hasSuffix("own record") } })
    }

    /// A review record, with `changes` applied for bad-input cases.
    static func reviewJSON(_ changes: [(String, String)] = []) -> String {
        var text = """
        {"format": "study-browser-data/1", "reviews": [{
          "id": "review-2021", "indications": ["trd"], "citation": "A review", "identifiers": [], "seenOn": "PMC",
          "searchDate": "2020-07", "population": "adults", "source": "doc", "note": null,
          "findings": [{"comparison": "k vs p", "outcome": "response", "timepoint": "24 h", "participants": 185, "studies": 7,
            "effect": {"measure": "odds-ratio", "point": 3.94, "low": 1.54, "high": 10.10, "level": 95, "reported": "OR 3.94 (1.54 to 10.10)"},
            "assumedRisk": 8.8, "riskWith": {"point": 27.4, "low": 12.9, "high": 49.2}, "risksReported": "8.8% → 27.4% (12.9 to 49.2)",
            "certainty": "very-low", "footnote": null}]
        }]}
        """
        for (old, new) in changes {
            precondition(text.contains(old), "template has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test("a valid review loads")
    func validReview() {
        // A file may hold reviews alone; the loader's only complaint is the dataset's lack of studies.
        let problems = TestSupport.problems(in: Self.reviewJSON()).map(\.description)
        #expect(problems.allSatisfy { $0.contains("no \"studies\" records") }, "\(problems)")
    }

    @Test("validate names file, record and field for each bad row", arguments: [
        ([("\"point\": 3.94", "\"point\": 12")], "bad.json:review-2021:findings[0].effect.point: 12 lies outside its interval"),
        ([("\"measure\": \"odds-ratio\"", "\"measure\": \"hazard-ratio\"")], "bad.json:review-2021:findings[0].effect.measure: unknown value \"hazard-ratio\""),
        ([("\"certainty\": \"very-low\"", "\"certainty\": \"moderately low\"")],
         "bad.json:review-2021:findings[0].certainty: unknown value \"moderately low\"; expected one of: high, moderate, low, very-low"),
        ([("\"point\": 27.4", "\"point\": 60")], "bad.json:review-2021:findings[0].riskWith.point: 60 lies outside its interval"),
        ([("\"assumedRisk\": 8.8", "\"assumedRisk\": 108")], "bad.json:review-2021:findings[0].assumedRisk: a risk is a percentage from 0 to 100"),
        ([("\"risksReported\": \"8.8% → 27.4% (12.9 to 49.2)\"", "\"risksReported\": null")], "bad.json:review-2021:findings[0].risksReported: give the risks"),
        ([("\"indications\": [\"trd\"]", "\"indications\": [\"depression\"]")], "bad.json:review-2021:indications[0]: expected one of"),
        ([("\"searchDate\": \"2020-07\"", "\"searchDate\": \"July 2020\"")], "bad.json:review-2021:searchDate: expected YYYY-MM or YYYY-MM-DD"),
        ([("\"source\": \"doc\"", "\"source\": \"elsewhere\"")], "bad.json:review-2021:source: source \"elsewhere\" is not defined"),
        ([("\"participants\": 185", "\"participants\": 0")], "bad.json:review-2021:findings[0].participants: a count of 0"),
        ([("\"high\": 49.2", "\"high\": 181")], "bad.json:review-2021:findings[0].riskWith.high: a risk is a percentage from 0 to 100"),
    ])
    func badReview(_ changes: [(String, String)], _ expected: String) {
        let problems = TestSupport.problems(in: Self.reviewJSON(changes)).map(\.description)
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }
}
