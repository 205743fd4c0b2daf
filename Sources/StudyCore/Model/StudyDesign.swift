/// How a study was run, as far as the source says.
public struct StudyDesign: Sendable, Equatable {
    /// Blinding as the source states it.
    public enum Blinding: String, CaseIterable, Sendable {
        case doubleBlind = "double-blind"
        case singleBlind = "single-blind"
        case openLabel = "open-label"
    }

    /// What ketamine was compared with.
    public enum Control: String, CaseIterable, Sendable {
        case placebo
        case active
        case doseComparison = "dose-comparison"
        case baseline
        case none
    }

    public var kind: DesignKind
    /// nil when the source does not say.
    public var randomized: Bool?
    public var blinding: Blinding?
    public var control: Control?
    /// The design in the curator's words.
    public var description: String
    /// A reason the source gives that lowers the level of evidence (e.g. bias in pooled studies).
    public var gradedDownFor: String?
    /// Where the design facts come from.
    public var source: SourceRef

    /// Creates a design.
    public init(kind: DesignKind, randomized: Bool? = nil, blinding: Blinding? = nil, control: Control? = nil,
                description: String, gradedDownFor: String? = nil, source: SourceRef) {
        self.kind = kind
        self.randomized = randomized
        self.blinding = blinding
        self.control = control
        self.description = description
        self.gradedDownFor = gradedDownFor
        self.source = source
    }

    /// "Randomized controlled trial, double-blind, placebo-controlled".
    public var label: String {
        var parts = [kind.name]
        if let blinding { parts.append(blinding.rawValue) }
        switch control {
        case .placebo: parts.append("placebo-controlled")
        case .active: parts.append("active comparator")
        case .doseComparison: parts.append("dose comparison")
        case .baseline: parts.append("compared with baseline")
        case .some(.none): parts.append("uncontrolled")
        case nil: break
        }
        return parts.joined(separator: ", ")
    }

    /// The level of evidence this design supports.
    public var evidence: EvidenceLevel { EvidenceLevel(design: self) }
}
