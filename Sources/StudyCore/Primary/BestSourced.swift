/// Fills the values a seed leaves out from the study's own record, and says which were filled.
///
/// The seed's value always wins where it gives one: a primary figure never replaces it, and a
/// disagreement stays visible through `PrimaryRecord.differences`.
public enum BestSourced {
    /// The study as `view` shows it.
    public static func study(_ study: Study, view: SourceView) -> Study {
        view == .best ? resolve(study) : hidingOwnRecord(study)
    }

    /// The studies as `view` shows them, in the same order.
    public static func studies(_ studies: [Study], view: SourceView) -> [Study] {
        view == .best ? studies.map(resolve) : studies.map(hidingOwnRecord)
    }

    /// The seed's values alone, flagged so no view adds the own record's beside them.
    static func hidingOwnRecord(_ study: Study) -> Study {
        guard study.primary != nil, !study.ownRecordHidden else { return study }
        var hidden = study
        hidden.ownRecordHidden = true
        return hidden
    }

    /// The seed's values, with gaps filled from the own record.
    public static func resolve(_ seed: Study) -> Study {
        // Already resolved studies come back unchanged, so resolving twice is harmless.
        guard seed.fromPrimary.isEmpty, !seed.ownRecordHidden, let primary = seed.primary, primary.status == .found else { return seed }
        var study = seed
        study.ownRecordHidden = false
        var filled: PrimaryFields = []
        if seed.design.kind == .notReported, var design = primary.design, agrees(seed.design, design) {
            design.description = "By the study's own record: " + design.description
            study.design = design
            filled.insert(.design)
        }
        if seed.sampleSize.effectiveTotal == nil, let size = primary.sampleSize, let headline = size.headline {
            study.sampleSize = SampleSize(total: headline, arms: size.arms.count > 1 ? size.arms : [], source: primary.source,
                                          note: "By the study's own record: \(size.detailed) (the table shows the \(size.headlineKind ?? "stated") count)")
            filled.insert(.n)
        }
        // Doses are filled only for an amount: a regimen or route alone would replace the seed's words with no gain.
        if !seed.doses.contains(where: \.hasAmount), primary.doses.contains(where: \.hasAmount) {
            // The seed's own dose entries (a route, a regimen) stay, first: only the amounts are the record's.
            study.doses = seed.doses + primary.doses
            filled.insert(.dose)
            if seed.routes.isEmpty && primary.doses.contains(where: { $0.route != nil }) { filled.insert(.route) }
        } else if seed.routes.isEmpty, primary.doses.contains(where: { $0.route != nil }) {
            filled.insert(.route)
        }
        if seed.comparator == nil, let comparator = primary.comparator {
            study.comparator = comparator
            filled.insert(.comparator)
        }
        if seed.outcome.figures.isEmpty, seed.outcome.direction == .notReported,
           !primary.estimates.isEmpty || primary.direction.map({ $0 != .notReported }) == true {
            study.outcome = Outcome(
                measure: primary.outcomes.isEmpty ? seed.outcome.measure : primary.outcomes.joined(separator: "; "),
                result: primary.summary ?? seed.outcome.result,
                direction: primary.direction ?? .notReported,
                figures: primary.estimates.map { estimate in
                    Outcome.Figure(label: figureLabel(estimate), value: estimate.reported, source: primary.source, note: estimate.note)
                },
                source: primary.source, caveats: primary.caveats)
            filled.insert(.outcome)
        }
        study.fromPrimary = filled
        return study
    }

    /// Whether what the seed does say about a design it does not name (randomized, blinding,
    /// control) agrees with the own record's: a seed "compared with baseline" is not filled with an
    /// own record's active comparator, since the seed's result is then about another comparison.
    static func agrees(_ seed: StudyDesign, _ own: StudyDesign) -> Bool {
        (seed.randomized == nil || seed.randomized == own.randomized)
            && (seed.blinding == nil || seed.blinding == own.blinding)
            && (seed.control == nil || seed.control == own.control)
    }

    /// The estimate's label without the outcome when the figure as written already names it
    /// ("+10.1% days abstinent (…)" needs only "ketamine vs saline, 6 months" after it).
    static func figureLabel(_ estimate: EffectEstimate) -> String {
        guard SearchText.fold(estimate.reported).contains(SearchText.fold(estimate.outcome)) else { return estimate.label }
        return [estimate.comparison, estimate.timepoint].compactMap { $0 }.joined(separator: ", ")
    }
}
