/// What the study compared ketamine with, and its doses.
public struct Comparator: Sendable, Equatable {
    /// "placebo", "midazolam", "none (uncontrolled)".
    public var label: String
    public var doses: [Dose]

    /// Creates a comparator.
    public init(label: String, doses: [Dose] = []) {
        self.label = label
        self.doses = doses
    }
}
