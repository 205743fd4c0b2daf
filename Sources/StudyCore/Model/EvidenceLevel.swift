/// A record's level of evidence on the Oxford CEBM 2011 scale, derived from its design.
///
/// The scheme ranks single studies for "does this intervention help?": 1 systematic review of
/// randomized trials, 2 randomized trial, 3 non-randomized controlled study, 4 case series or
/// historically controlled study, 5 mechanism-based reasoning. A level is graded down by one only
/// when the record names a reason its source gives (OCEBM allows this for bias or imprecision).
public struct EvidenceLevel: Sendable, Equatable {
    /// The scheme's name, stored beside every level.
    public static let scheme = "Oxford CEBM 2011 (therapy: does this intervention help?)"

    /// Level from the design alone; nil when the scheme does not grade the design.
    public let baseLevel: Int?
    /// The reason for grading down, as the source reports it.
    public let gradedDownFor: String?
    /// Why there is no level, when there is none.
    public let ungradedReason: String?

    /// Derives the level from a design.
    public init(design: StudyDesign) {
        baseLevel = design.kind.baseLevel
        designNotReported = design.kind == .notReported
        gradedDownFor = baseLevel == nil ? nil : design.gradedDownFor
        switch design.kind {
        case .narrativeReview: ungradedReason = "not graded: a review that is not stated to be systematic"
        case .notReported: ungradedReason = "not assessable: design not reported"
        default: ungradedReason = nil
        }
    }

    /// The level after any grading down (never beyond 5); nil when ungraded.
    public var level: Int? {
        guard let baseLevel else { return nil }
        return gradedDownFor == nil ? baseLevel : min(baseLevel + 1, 5)
    }

    /// Whether the record gives no design to grade (as against a design the scheme does not grade).
    public let designNotReported: Bool

    /// A compact label: "2", "2↓" (graded down), "?" (design not reported) or "n.g." (not graded by the scheme).
    public func shortLabel(_ glyphs: Glyphs) -> String {
        guard let level else { return designNotReported ? "?" : "n.g." }
        return gradedDownFor == nil ? "\(level)" : "\(level)\(glyphs.gradedDown)"
    }

    /// A sentence for details views.
    public var longLabel: String {
        guard let level, let baseLevel else { return ungradedReason ?? "not graded" }
        if let gradedDownFor {
            return "Level \(level) (graded down from \(baseLevel): \(gradedDownFor))"
        }
        return "Level \(level)"
    }
}
