/// One record as an import file gives it, before it becomes a study: only what the record
/// states, each value as written; anything the format cannot say stays nil or empty.
public struct RawRecord: Sendable, Equatable {
    /// An intervention of a registry record.
    public struct Intervention: Sendable, Equatable {
        public var type: String?
        public var name: String
        public var description: String?
    }

    /// An arm group of a registry record.
    public struct Arm: Sendable, Equatable {
        public var label: String
        public var type: String?
        public var description: String?
        public var interventionNames: [String]
    }

    public var format: ImportedRecord.Format
    /// Where the record is: the file, its 1-based number in the file, and its first line in a text format.
    public var file: String
    public var index: Int
    public var line: Int?

    public var pmid: String?
    public var doi: String?
    public var pmcid: String?
    /// ClinicalTrials.gov numbers (NCT…), from data-bank, secondary-id and registry fields.
    public var registryIDs: [String] = []
    public var title: String?
    /// Authors as the record lists them ("Afridi SK", "Müller-Šimić, Anna").
    public var authors: [String] = []
    /// The first author's family name, where the format separates it.
    public var firstAuthorSurname: String?
    public var journal: String?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var year: Int?
    public var abstract: [ImportedRecord.Section] = []
    public var publicationTypes: [String] = []
    /// MeSH headings and keywords.
    public var headings: [String] = []
    /// A registry's conditions.
    public var conditions: [String] = []

    // Registry design, as ClinicalTrials.gov codes it.
    public var studyType: String?
    public var allocation: String?
    public var interventionModel: String?
    public var masking: String?
    public var phases: [String] = []
    public var enrollment: Int?
    /// ACTUAL or ESTIMATED.
    public var enrollmentType: String?
    public var interventions: [Intervention] = []
    public var arms: [Arm] = []
    public var primaryOutcomes: [String] = []
    public var status: String?
    /// The sponsor, for a registry record's label.
    public var sponsor: String?

    /// An empty record at a place in a file.
    public init(format: ImportedRecord.Format, file: String, index: Int, line: Int? = nil) {
        self.format = format
        self.file = file
        self.index = index
        self.line = line
    }

    /// "pubmed.nbib line 12" or "trials.json record 3", for messages.
    public var position: String {
        line.map { "\(file) line \($0)" } ?? "\(file) record \(index)"
    }

    /// "PMID 29768149", "NCT04567890", "DOI 10.…", or the title: what the record is, for messages.
    public var label: String {
        if let pmid { return "PMID \(pmid)" }
        if let registry = registryIDs.first, format == .ctgov { return registry }
        if let doi { return "DOI \(doi)" }
        if let title { return "\"\(title.count > 50 ? String(title.prefix(49)) + "…" : title)\"" }
        return "record \(index)"
    }
}
