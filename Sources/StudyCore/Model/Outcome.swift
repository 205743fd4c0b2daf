/// The study's outcome measure and result, with its key figures.
public struct Outcome: Sendable, Equatable {
    /// A figure quoted exactly as its source gives it, carrying its own source.
    public struct Figure: Sendable, Equatable {
        public var label: String
        /// The value exactly as written in the source ("71.4%", "55 of 68").
        public var value: String
        public var source: SourceRef
        public var attribution: Provenance.Attribution
        public var note: String?

        /// "71.4% acute response": the value, then the label when there is one.
        public var text: String { label.isEmpty ? value : "\(value) \(label)" }

        /// Creates a figure.
        public init(label: String, value: String, source: SourceRef,
                    attribution: Provenance.Attribution = .direct, note: String? = nil) {
            self.label = label
            self.value = value
            self.source = source
            self.attribution = attribution
            self.note = note
        }
    }

    public var measure: String?
    /// The result in the curator's words.
    public var result: String?
    public var direction: EffectDirection
    public var figures: [Figure]
    public var source: SourceRef
    /// Cautions the curator states on the seed's own result (shared citations come from attribution).
    public var caveats: [StrengthMark]

    /// Creates an outcome.
    public init(measure: String? = nil, result: String? = nil, direction: EffectDirection,
                figures: [Figure] = [], source: SourceRef, caveats: [StrengthMark] = []) {
        self.caveats = caveats
        self.measure = measure
        self.result = result
        self.direction = direction
        self.figures = figures
        self.source = source
    }
}
