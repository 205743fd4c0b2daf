/// Something wrong with one record of an import file: where (file, line or record, tag) and what.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let record: Int?
    /// The format's tag or field: `PMID`, `ER`, `protocolSection.identificationModule.nctId`.
    public let tag: String?
    public let message: String

    /// Creates a problem.
    public init(file: String, line: Int? = nil, record: Int? = nil, tag: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.record = record
        self.tag = tag
        self.message = message
    }

    /// "pubmed.nbib:7: PMID: …" (a line) or "trials.json: record 2: nctId: …".
    public var description: String {
        var text = file
        if let line { text += ":\(line)" } else if let record { text += ": record \(record)" }
        if let tag { text += ": \(tag)" }
        return text + ": " + message
    }
}
