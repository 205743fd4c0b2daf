import StudyCore

/// A request to write the current view to a file.
public struct ExportRequest: Sendable, Equatable {
    /// The file formats, chosen by the path's extension.
    public enum Format: String, Sendable, Equatable {
        case markdown, csv, json

        /// The format a path's extension names: .md/.markdown, .csv or .json.
        public init?(path: String) {
            let lowered = path.lowercased()
            if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { self = .markdown }
            else if lowered.hasSuffix(".csv") { self = .csv }
            else if lowered.hasSuffix(".json") { self = .json }
            else { return nil }
        }
    }

    public let path: String
    public let format: Format
    public let overwrite: Bool
    /// The studies, in view order (the marked ones if any are marked).
    public let studies: [Study]
    /// What the view was: "Migraine; filter 'design:rct'; sorted by Dose ↑; 2 studies".
    public let description: String
    /// Set when the findings of an indication are exported instead of studies.
    public let findings: Indication?
    /// Whether findings are exported with their per-1,000 wording (as the view showed them).
    public let words: Bool

    /// Creates a request.
    public init(path: String, format: Format, overwrite: Bool, studies: [Study], description: String, findings: Indication? = nil,
                words: Bool = false) {
        self.words = words
        self.path = path
        self.format = format
        self.overwrite = overwrite
        self.studies = studies
        self.description = description
        self.findings = findings
    }
}
