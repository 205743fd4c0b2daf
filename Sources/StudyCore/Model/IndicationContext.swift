/// What the sources say about an indication as a whole: status, candidates, safety, bottom line.
public struct IndicationContext: Sendable, Equatable {
    /// One sourced statement about the indication.
    public struct Statement: Sendable, Equatable {
        /// What the statement is about.
        public enum Topic: String, CaseIterable, Sendable {
            case regulatory
            case candidates
            case safety
            case contraindications
            case mechanism
            case practice
            case benefits
            case bottomLine = "bottom-line"

            /// Heading for the context card.
            public var heading: String {
                switch self {
                case .regulatory: "Regulatory status"
                case .candidates: "Who it is considered for"
                case .safety: "Safety"
                case .contraindications: "Contraindications"
                case .mechanism: "Mechanism"
                case .practice: "Practice notes"
                case .benefits: "Claimed benefits"
                case .bottomLine: "Bottom line"
                }
            }
        }

        /// How much weight the statement carries.
        public enum Kind: String, CaseIterable, Sendable {
            /// What the source itself states.
            case statement
            /// An assertion without supporting data, or from a promotional source.
            case claim
            /// This dataset's own digest of the studies a source reports.
            case summary
        }

        public var topic: Topic
        public var kind: Kind
        public var source: SourceRef
        public var text: String

        /// Creates a statement.
        public init(topic: Topic, kind: Kind, source: SourceRef, text: String) {
            self.topic = topic
            self.kind = kind
            self.source = source
            self.text = text
        }
    }

    public var indication: Indication
    public var statements: [Statement]
    public var origin: String

    /// Creates a context record.
    public init(indication: Indication, statements: [Statement], origin: String = "") {
        self.indication = indication
        self.statements = statements
        self.origin = origin
    }

    /// Statements on one topic, in record order.
    public func statements(about topic: Statement.Topic) -> [Statement] {
        statements.filter { $0.topic == topic }
    }
}
