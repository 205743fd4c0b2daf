/// How many participants, in total and per arm, as the source gives them.
public struct SampleSize: Sendable, Equatable {
    /// One arm's label and count (count nil when not given).
    public struct Arm: Sendable, Equatable {
        public var label: String
        public var count: Int?

        /// Creates an arm.
        public init(label: String, count: Int?) {
            self.label = label
            self.count = count
        }
    }

    /// The total the source states; nil when it states none.
    public var total: Int?
    public var arms: [Arm]
    public var source: SourceRef
    public var note: String?

    /// Creates a sample size.
    public init(total: Int?, arms: [Arm] = [], source: SourceRef, note: String? = nil) {
        self.total = total
        self.arms = arms
        self.source = source
        self.note = note
    }

    /// The sum of the arms, when every arm has a count.
    public var armSum: Int? {
        guard !arms.isEmpty else { return nil }
        var sum = 0
        for arm in arms {
            guard let count = arm.count else { return nil }
            sum += count
        }
        return sum
    }

    /// The number used for sorting and `n` filters: the stated total, else the sum of the arms.
    public var effectiveTotal: Int? { total ?? armSum }

    /// Compact text: "34", "18+30" (no total stated), or nil when nothing is reported.
    public var compact: String? {
        if let total { return "\(total)" }
        if armSum != nil { return arms.compactMap { $0.count.map(String.init) }.joined(separator: "+") }
        return nil
    }

    /// Text for details: "34 (ketamine 17, placebo 17)".
    public var detailed: String? {
        let armText = arms.map { "\($0.label) \($0.count.map(String.init) ?? "not reported")" }.joined(separator: ", ")
        switch (total, arms.isEmpty) {
        case (let total?, true): return "\(total)"
        case (let total?, false): return "\(total) (\(armText))"
        case (nil, false): return "total not stated; \(armText)"
        case (nil, true): return nil
        }
    }
}
