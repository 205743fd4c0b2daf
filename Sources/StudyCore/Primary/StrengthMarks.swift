/// The cautions that belong on the outcome a study shows.
public enum StrengthMarks {
    /// Marks for the shown outcome: the own record's caveats when the outcome was filled from it,
    /// else the seed's, plus a shared citation and a comparison with baseline read from the record.
    /// In `StrengthMark` order, each once.
    public static func of(_ study: Study) -> [StrengthMark] {
        // Every table cell of every study asks, so this stays allocation-light: at most four marks.
        let fromOwnRecord = study.fromPrimary.contains(.outcome)
        let stated = fromOwnRecord ? study.primary?.caveats ?? [] : study.outcome.caveats
        let saysSomething = !study.outcome.figures.isEmpty || study.outcome.direction != .notReported
        guard saysSomething || !stated.isEmpty else { return [] }
        var marks: [StrengthMark] = []
        for mark in StrengthMark.allCases {
            let present: Bool
            switch mark {
            case .sharedCitation: present = !fromOwnRecord && saysSomething && study.hasSharedAttribution
            case .withinSubject: present = stated.contains(mark) || (saysSomething && study.design.control == .baseline)
            case .surrogate, .disputed: present = stated.contains(mark)
            }
            if present { marks.append(mark) }
        }
        return marks
    }
}
