/// The cautions that belong on the outcome a study shows.
public enum StrengthMarks {
    /// Marks for the shown outcome: the own record's caveats when the outcome was filled from it,
    /// else the seed's, plus a shared citation and a comparison with baseline read from the record.
    public static func of(_ study: Study) -> [StrengthMark] {
        var marks: Set<StrengthMark>
        if study.fromPrimary.contains(.outcome) {
            marks = Set(study.primary?.caveats ?? [])
        } else {
            marks = Set(study.outcome.caveats)
            let saysSomething = !study.outcome.figures.isEmpty || study.outcome.direction != .notReported
            if saysSomething && study.hasSharedAttribution { marks.insert(.sharedCitation) }
        }
        let saysSomething = !study.outcome.figures.isEmpty || study.outcome.direction != .notReported
        if saysSomething && study.design.control == .baseline { marks.insert(.withinSubject) }
        return marks.sorted()
    }
}
