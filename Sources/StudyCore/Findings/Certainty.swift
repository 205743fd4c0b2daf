/// GRADE certainty of a body of evidence for one outcome, exactly as the source states it.
public enum Certainty: String, CaseIterable, Sendable {
    case high
    case moderate
    case low
    case veryLow = "very-low"

    /// "high", "moderate", "low", "very low".
    public var name: String { self == .veryLow ? "very low" : rawValue }

    /// How many of four circles are filled.
    public var filled: Int {
        switch self {
        case .high: 4
        case .moderate: 3
        case .low: 2
        case .veryLow: 1
        }
    }

    /// ⊕⊕◯◯ in Unicode, ++oo in ASCII: GRADE's familiar four symbols.
    public func symbols(_ glyphs: Glyphs) -> String {
        let (on, off) = glyphs == .ascii ? ("+", "o") : ("⊕", "◯")
        return String(repeating: on, count: filled) + String(repeating: off, count: 4 - filled)
    }
}
