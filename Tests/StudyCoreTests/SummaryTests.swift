import Testing
@testable import StudyCore

/// Summary arithmetic against counts made by hand from the bundled records.
@Suite("Indication summaries")
struct SummaryTests {
    static let dataset = BundledDatasetTests.loaded.dataset

    /// In the seed-only view, by the seeds alone: indication, studies, designs, participants, with/without a
    /// count, directions (benefit, mixed, no benefit, nr), best level, its studies, flagged.
    static let hand: [(Indication, Int, [String: Int], Int, Int, Int, [Int], Int?, [String], Int)] = [
        (.migraine, 5, ["rct-parallel": 2, "retrospective-review": 1, "case-series": 1, "not-reported": 1], 48 + 34 + 77 + 6, 4, 1,
         [1, 2, 1, 1], 2, ["afridi-2013", "etchison-2018"], 4),
        (.epilepsy, 3, ["retrospective-review": 1, "case-series": 1, "observational": 1], 68, 1, 2, [3, 0, 0, 0], 4,
         ["jacobwitz-nd", "borsato-nd", "alkhachroum-nd"], 0),
        (.sud, 7, ["rct-crossover": 1, "case-series": 1, "not-reported": 5], 8, 1, 6, [2, 0, 0, 5], 2, ["dakwar-2017"], 2),
        (.trd, 7, ["rct-parallel": 2, "controlled-trial": 1, "narrative-review": 1, "not-reported": 3], 7, 1, 6, [1, 0, 0, 6], 2,
         ["phillips-2019", "zarate-2006"], 2),
        (.chronicPain, 3, ["systematic-review": 1, "narrative-review": 1, "not-reported": 1], 0, 0, 3, [1, 2, 0, 0], 2,
         ["chronic-pain-meta-2019"], 0),
    ]

    @Test("counts match the hand counts", arguments: hand)
    func counts(_ expected: (Indication, Int, [String: Int], Int, Int, Int, [Int], Int?, [String], Int)) {
        let summary = IndicationSummary(indication: expected.0, dataset: Self.dataset, view: .seedOnly)
        #expect(summary.studies.count == expected.1)
        #expect(Dictionary(uniqueKeysWithValues: summary.designCounts.map { ($0.kind.rawValue, $0.count) }) == expected.2)
        #expect(summary.participants == expected.3)
        #expect(summary.studiesWithCount == expected.4 && summary.studiesWithoutCount == expected.5)
        #expect(summary.directionCounts.map(\.count) == expected.6)
        #expect(summary.bestLevel == expected.7)
        #expect(summary.bestLevelStudies.map(\.id) == expected.8)
        #expect(summary.flagged == expected.9)
    }

    @Test("randomized trials come first")
    func order() {
        let summary = IndicationSummary(indication: .migraine, dataset: Self.dataset)
        #expect(summary.studies.map(\.id) == ["afridi-2013", "etchison-2018", "pomeroy-2017", "lauritsen-2016", "nicolodi-1995"])
    }

    @Test("wording: participants and the bottom line say what they rest on")
    func wording() {
        let pain = IndicationSummary(indication: .chronicPain, dataset: Self.dataset)
        #expect(SummaryText.participantsText(pain, glyphs: .unicode) == "211 in 1 study (by own records†); 2 give none")
        let seedPain = IndicationSummary(indication: .chronicPain, dataset: Self.dataset, view: .seedOnly)
        #expect(SummaryText.participantsText(seedPain, glyphs: .unicode) == "not reported by any of the 3 studies")
        let migraine = IndicationSummary(indication: .migraine, dataset: Self.dataset)
        #expect(SummaryText.participantsText(migraine, glyphs: .unicode) == "117 in 3 studies (by the seed); 1 gives none; 1 disputed, not added")
        let sud = IndicationSummary(indication: .sud, dataset: Self.dataset)
        #expect(SummaryText.participantsText(sud, glyphs: .ascii) == "253 in 5 studies (seed 8 in 1; own records# 245 in 4); 2 give none")
        let trdLines = SummaryText.lines(IndicationSummary(indication: .trd, dataset: Self.dataset), width: 80, glyphs: .unicode)
        #expect(trdLines.contains { $0.contains("Zarate 2006 (RCT; no result recorded)") }, "a title-only trial is not evidence of benefit")
        let migraineLines = SummaryText.lines(migraine, width: 200, glyphs: .unicode)
        #expect(migraineLines.contains { $0.contains("Disputed, not added: Afridi 2013 18+30 by the seed; its own record: 30 randomized, 18 analysed") })
        let lines = SummaryText.lines(IndicationSummary(indication: .sud, dataset: Self.dataset), width: 80, glyphs: .unicode)
        #expect(lines.contains { $0.contains("Bottom line  Digest: ") })
    }
}
