/// How many took part by a study's own record: enrolled, randomized and analysed are kept apart,
/// since records state different ones.
public struct PrimarySampleSize: Sendable, Equatable {
    public var enrolled: Int?
    public var randomized: Int?
    public var analysed: Int?
    /// Counts per arm, as the record gives them.
    public var arms: [SampleSize.Arm]
    public var note: String?
    /// Where the counts were seen, when it differs from the record's own `seenOn`.
    public var seenOn: String?

    /// Creates a sample size.
    public init(enrolled: Int? = nil, randomized: Int? = nil, analysed: Int? = nil, arms: [SampleSize.Arm] = [],
                note: String? = nil, seenOn: String? = nil) {
        self.enrolled = enrolled
        self.randomized = randomized
        self.analysed = analysed
        self.arms = arms
        self.note = note
        self.seenOn = seenOn
    }

    /// The count a table shows: randomized, else enrolled, else analysed.
    public var headline: Int? { randomized ?? enrolled ?? analysed }

    /// Which count `headline` is: "randomized", "enrolled" or "analysed".
    public var headlineKind: String? {
        if randomized != nil { return "randomized" }
        if enrolled != nil { return "enrolled" }
        return analysed != nil ? "analysed" : nil
    }

    /// Every stated count, so a seed total can be checked against each.
    public var statedCounts: [Int] { [enrolled, randomized, analysed].compactMap { $0 } }

    /// "59 enrolled, 53 analysed (repeated sessions 26, single session 27)".
    public var detailed: String {
        var parts: [String] = []
        if let enrolled { parts.append("\(enrolled) enrolled") }
        if let randomized { parts.append("\(randomized) randomized") }
        if let analysed { parts.append("\(analysed) analysed") }
        var text = parts.joined(separator: ", ")
        if !arms.isEmpty {
            text += " (" + arms.map { "\($0.label) \($0.count.map(String.init) ?? "not reported")" }.joined(separator: ", ") + ")"
        }
        return text
    }
}
