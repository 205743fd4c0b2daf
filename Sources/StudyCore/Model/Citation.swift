/// The bibliographic facts a source gives for a study; nil where it gives none.
public struct Citation: Sendable, Equatable {
    /// The reference-list entry exactly as printed.
    public var reference: String?
    /// The one numbered entry of a source's reference list that `reference` is, when there is one.
    public var source: SourceRef?
    /// Surname of the first author as the source gives it; nil when no author is named.
    public var firstAuthor: String?
    public var year: Int?
    public var title: String?
    public var journal: String?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    /// How the curator read incomplete or odd bibliographic data.
    public var note: String?

    /// Creates a citation.
    public init(reference: String? = nil, firstAuthor: String? = nil, year: Int? = nil, title: String? = nil,
                journal: String? = nil, volume: String? = nil, issue: String? = nil, pages: String? = nil,
                note: String? = nil, source: SourceRef? = nil) {
        self.reference = reference
        self.source = source
        self.firstAuthor = firstAuthor
        self.year = year
        self.title = title
        self.journal = journal
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.note = note
    }

    /// Journal, year, volume(issue):pages as far as known: "West J Emerg Med 2018;19(6):952-960";
    /// nil when the source names no journal.
    public var formatted: String? {
        guard var text = journal else { return nil }
        if let year { text += " \(year)" }
        if let volume {
            text += (year == nil ? " " : ";") + volume
            if let issue { text += "(\(issue))" }
        }
        if let pages { text += ":" + pages }
        return text
    }
}
