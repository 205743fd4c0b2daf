/// A caution on an outcome figure: reasons it is weaker evidence than it looks.
public enum StrengthMark: String, CaseIterable, Sendable, Comparable {
    /// One citation spans several references, so the figure may belong to another study.
    case sharedCitation = "shared-citation"
    /// A laboratory or surrogate measure, not a clinical outcome.
    case surrogate
    /// Compared with the participants' own baseline, not with a control group.
    case withinSubject = "within-subject"
    /// The study's own record disputes what the figure measures or whose it is.
    case disputed

    /// The marks a data file may state; shared citations are read from attribution instead.
    public static let curated: [StrengthMark] = [.surrogate, .withinSubject, .disputed]

    /// One letter for table cells: S, L, W, D (the same in every glyph set).
    public var letter: String {
        switch self {
        case .sharedCitation: "S"
        case .surrogate: "L"
        case .withinSubject: "W"
        case .disputed: "D"
        }
    }

    /// Two or three words for the legend.
    public var shortName: String {
        switch self {
        case .sharedCitation: "shared citation"
        case .surrogate: "laboratory or surrogate measure"
        case .withinSubject: "within-subject (against baseline)"
        case .disputed: "disputed by the study's own record"
        }
    }

    /// Words for help and details.
    public var name: String {
        switch self {
        case .sharedCitation: "shared citation: the figure may belong to another study cited with it"
        case .surrogate: "laboratory or surrogate measure, not a clinical outcome"
        case .withinSubject: "within-subject: compared with the participants' own baseline, not a control group"
        case .disputed: "disputed: the study's own record says the figure measures something else or is another study's"
        }
    }

    public static func < (lhs: StrengthMark, rhs: StrengthMark) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// "[SLD]" for a set of marks; empty when there are none.
    public static func compact(_ marks: [StrengthMark]) -> String {
        marks.isEmpty ? "" : "[" + marks.sorted().map(\.letter).joined() + "]"
    }
}
