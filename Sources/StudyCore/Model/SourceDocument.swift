/// A document the dataset was curated from, such as one of the seed documents.
public struct SourceDocument: Sendable, Equatable {
    /// What kind of document it is; statements from a promotional one are always claims.
    public enum Kind: String, CaseIterable, Sendable {
        case education
        case clinicGuide = "clinic-guide"
        case promotional
        case primary
        /// A systematic review outside the seed documents, with pooled findings.
        case review
        /// A bibliographic or registry record a study was imported from (PubMed, RIS, ClinicalTrials.gov).
        case record
    }

    /// A numbered reference that deliberately has no study record, with the reason.
    public struct UnlinkedReference: Sendable, Equatable {
        public var reference: Int
        public var reason: String

        /// Creates an entry.
        public init(reference: Int, reason: String) {
            self.reference = reference
            self.reason = reason
        }
    }

    public var id: String
    public var file: String?
    public var title: String
    public var publisher: String?
    /// ISO date (YYYY-MM-DD) when known.
    public var date: String?
    public var kind: Kind
    public var note: String?
    public var unlinkedReferences: [UnlinkedReference]
    /// The document's numbered reference list: number → entry exactly as listed; empty when it has none.
    public var references: [Int: String]
    /// The data file the record was read from (for messages).
    public var origin: String

    /// Creates a source document.
    public init(id: String, file: String? = nil, title: String, publisher: String? = nil, date: String? = nil,
                kind: Kind, note: String? = nil, unlinkedReferences: [UnlinkedReference] = [], references: [Int: String] = [:],
                origin: String = "") {
        self.references = references
        self.id = id
        self.file = file
        self.title = title
        self.publisher = publisher
        self.date = date
        self.kind = kind
        self.note = note
        self.unlinkedReferences = unlinkedReferences
        self.origin = origin
    }
}
