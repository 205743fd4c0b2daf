/// An import from start to end: files read in their formats, records outside ketamine left out
/// (unless kept), duplicates of each other or of the data already held reported and not
/// imported twice, the rest mapped to studies. Pure: the command does the file I/O.
public struct ImportRun: Sendable {
    /// The formats a file can be read as; `nil` in `run` detects it.
    public typealias Format = ImportedRecord.Format

    /// One input file.
    public struct Input: Sendable {
        public var name: String
        public var bytes: [UInt8]

        /// Creates an input.
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public private(set) var studies: [Study] = []
    public private(set) var sources: [SourceDocument] = []
    /// "pubmed.nbib line 169 (PMID 23365053): duplicate of afridi-2013 (same PMID)".
    public private(set) var duplicates: [String] = []
    /// Records that never mention ketamine or esketamine.
    public private(set) var offTopic: [String] = []
    public private(set) var problems: [ImportProblem] = []
    public private(set) var warnings: [String] = []

    /// Reads, filters, de-duplicates and maps; `against` is the data already held (bundled by default).
    public static func run(_ inputs: [Input], format: Format?, indication: Indication?, against: Dataset, keepAll: Bool,
                           importedOn: String) -> ImportRun {
        var run = ImportRun()
        var seen = DuplicateIndex(against)
        for input in inputs {
            let detected = detect(input)
            if input.bytes.allSatisfy({ [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                run.problems.append(ImportProblem(file: input.name, message: "the file is empty"))
                continue
            }
            // A named format that the first bytes contradict would refuse every line one by one.
            if let format, let detected, format != detected {
                run.problems.append(ImportProblem(file: input.name, message: "this looks like \(detected.name), not \(format.name); "
                    + "name --format \(detected.rawValue) or leave --format out; file refused"))
                continue
            }
            guard let chosen = format ?? detected else {
                run.problems.append(ImportProblem(file: input.name, message: "cannot tell the format (MEDLINE, PubMed XML, RIS or "
                    + "ClinicalTrials.gov JSON); name it with --format"))
                continue
            }
            let read: (records: [RawRecord], problems: [ImportProblem]) = switch chosen {
            case .medline: MedlineReader.read(input.bytes, file: input.name)
            case .pubmedXML: PubMedXMLReader.read(input.bytes, file: input.name)
            case .ris: RISReader.read(input.bytes, file: input.name)
            case .ctgov: ClinicalTrialsReader.read(input.bytes, file: input.name)
            }
            run.problems += read.problems
            for record in read.records {
                if !keepAll && !ImportScope.isAboutKetamine(record) {
                    run.offTopic.append("\(record.position) (\(record.label)): never mentions ketamine or esketamine; skipped (--keep-all keeps it)")
                    continue
                }
                if let match = seen.match(record) {
                    run.duplicates.append("\(record.position) (\(record.label)): duplicate of \(match); not imported")
                    continue
                }
                let mapped = RecordMapper.map(record, indication: indication, importedOn: importedOn)
                seen.add(record, as: mapped.study.id)
                run.studies.append(mapped.study)
                run.sources.append(mapped.source)
                run.warnings += mapped.warnings
            }
        }
        return run
    }

    /// The format a file's first bytes show.
    public static func detect(_ input: Input) -> Format? {
        let text = input.bytes.prefix(4096).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        guard let first = text.first else { return nil }
        if first == UInt8(ascii: "<") { return .pubmedXML }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .ctgov }
        let head = String(decoding: text, as: UTF8.self)
        if head.hasPrefix("TY  -") { return .ris }
        if head.hasPrefix("PMID-") { return .medline }
        return nil
    }
}

/// The identifiers and titles already held or imported, for finding duplicates.
struct DuplicateIndex {
    private var keys: [String: String] = [:]

    init(_ dataset: Dataset) {
        for study in dataset.studies {
            let identifiers = (study.primary?.identifiers ?? []) + (study.record?.identifiers ?? [])
            for identifier in identifiers { keys[Self.key(identifier.kind, identifier.value)] = study.id }
            if let title = study.citation.title, let year = study.citation.year { keys[Self.titleKey(title, year)] = study.id }
        }
    }

    /// "afridi-2013 (same PMID)", or nil when the record is new.
    func match(_ record: RawRecord) -> String? {
        var candidates: [(String, String)] = []
        if let pmid = record.pmid { candidates.append((Self.key(.pmid, pmid), "same PMID")) }
        if let doi = record.doi { candidates.append((Self.key(.doi, doi), "same DOI")) }
        candidates += record.registryIDs.map { (Self.key(.registry, $0), "same registry number") }
        if let title = record.title, let year = record.year { candidates.append((Self.titleKey(title, year), "same title and year")) }
        for (key, why) in candidates { if let id = keys[key] { return "\(id) (\(why))" } }
        return nil
    }

    mutating func add(_ record: RawRecord, as id: String) {
        if let pmid = record.pmid { keys[Self.key(.pmid, pmid)] = id }
        if let doi = record.doi { keys[Self.key(.doi, doi)] = id }
        for registry in record.registryIDs { keys[Self.key(.registry, registry)] = id }
        if let title = record.title, let year = record.year { keys[Self.titleKey(title, year)] = id }
    }

    private static func key(_ kind: PrimaryRecord.Identifier.Kind, _ value: String) -> String {
        "\(kind.rawValue):\(value.trimmingSpaces.lowercased())"
    }

    /// Words of the folded title, and the year: punctuation, case and accents aside.
    private static func titleKey(_ title: String, _ year: Int) -> String {
        "title:" + FoldedWords.joined(SearchText.fold(title)) + " \(year)"
    }
}
