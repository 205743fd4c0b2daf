/// The record a study was imported from (PubMed, a reference manager's RIS file, or
/// ClinicalTrials.gov): which record, its identifiers, its abstract by section, and how it was
/// classified. Curated studies have none.
public struct ImportedRecord: Sendable, Equatable {
    /// The formats a record can come from.
    public enum Format: String, CaseIterable, Sendable {
        case medline
        case pubmedXML = "pubmed-xml"
        case ris
        case ctgov

        /// The name a person knows the format by.
        public var name: String {
            switch self {
            case .medline: "PubMed/MEDLINE text"
            case .pubmedXML: "PubMed XML"
            case .ris: "RIS"
            case .ctgov: "ClinicalTrials.gov"
            }
        }
    }

    /// One part of an abstract: "METHODS" and its text; no label for an unstructured abstract.
    public struct Section: Sendable, Equatable {
        public var label: String?
        public var text: String

        /// Creates a section.
        public init(label: String?, text: String) {
            self.label = label
            self.text = text
        }
    }

    /// The source record every imported value names: `pubmed:29768149`, `ctgov:NCT04567890`.
    public var source: SourceRef
    public var format: Format
    public var identifiers: [PrimaryRecord.Identifier]
    /// The abstract (or a registry's brief summary), in order; empty when the record has none.
    public var abstract: [Section]
    /// Publication types, or the registry's study type and phases, as the record gives them.
    public var publicationTypes: [String]
    /// MeSH headings, keywords and conditions, as the record gives them.
    public var headings: [String]
    /// The registry's overall status (RECRUITING, COMPLETED, …); nil for bibliographic records.
    public var status: String?
    /// The day the record was imported (YYYY-MM-DD).
    public var importedOn: String

    /// Creates a record.
    public init(source: SourceRef, format: Format, identifiers: [PrimaryRecord.Identifier] = [], abstract: [Section] = [],
                publicationTypes: [String] = [], headings: [String] = [], status: String? = nil, importedOn: String) {
        self.source = source
        self.format = format
        self.identifiers = identifiers
        self.abstract = abstract
        self.publicationTypes = publicationTypes
        self.headings = headings
        self.status = status
        self.importedOn = importedOn
    }

    /// The abstract as one text: "METHODS: …  RESULTS: …".
    public var abstractText: String {
        abstract.map { ($0.label.map { "\($0): " } ?? "") + $0.text }.joined(separator: "  ")
    }
}
