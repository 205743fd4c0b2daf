/// Reads PubMed's MEDLINE text format (`.nbib`, PubMed's "Save as PubMed" `.txt`): records
/// separated by blank lines; each line a tag of up to four characters padded to four, `- `,
/// then the value; a line starting with six spaces continues the one before it; tags repeat.
/// Tags the import does not map (`OWN`, `STAT`, `CRDT`, …) are read and ignored.
public enum MedlineReader {
    /// The records of a file, and a problem for each record that cannot be read (that record is
    /// refused; the others are not affected).
    public static func read(_ bytes: [UInt8], file: String) -> (records: [RawRecord], problems: [ImportProblem]) {
        let lines = TextLines(bytes)
        var records: [RawRecord] = []
        var problems: [ImportProblem] = []
        var line = 0
        var index = 0
        while line < lines.ranges.count {
            if lines.isBlank(line) { line += 1; continue }
            var end = line
            while end < lines.ranges.count, !lines.isBlank(end) { end += 1 }
            index += 1
            switch record(lines, from: line, to: end, file: file, index: index) {
            case .success(let record): records.append(record)
            case .failure(let problem): problems.append(problem)
            }
            line = end
        }
        return (records, problems)
    }

    /// One tag's value, with continuation lines joined by a space.
    private struct Field {
        let tag: String
        var value: String
        let line: Int
    }

    private static func record(_ lines: TextLines, from first: Int, to end: Int, file: String, index: Int) -> Result<RawRecord, ImportProblem> {
        var fields: [Field] = []
        for line in first..<end {
            let bytes = lines[line]
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return .failure(ImportProblem(file: file, line: line + 1, message: "not UTF-8 text; export the records again as UTF-8"))
            }
            if bytes.starts(with: [0x20, 0x20, 0x20, 0x20, 0x20, 0x20]), !fields.isEmpty {
                fields[fields.count - 1].value += " " + lines.text(line, from: 6).trimmingSpaces
            } else if let tag = tag(of: bytes) {
                fields.append(Field(tag: tag, value: lines.text(line, from: 6).trimmingSpaces, line: line + 1))
            } else {
                let shown = InertText.make(String(lines.text(line).prefix(40)))
                return .failure(ImportProblem(file: file, line: line + 1, message: "\"\(shown)\" is not a MEDLINE line (a tag of up to four "
                    + "characters padded to four, then \"- \"); record refused"))
            }
        }
        var record = RawRecord(format: .medline, file: file, index: index, line: first + 1)
        guard let pmid = fields.first(where: { $0.tag == "PMID" }) else {
            return .failure(ImportProblem(file: file, line: first + 1, tag: "PMID", message: "the record has no PMID line; record refused"))
        }
        guard !pmid.value.isEmpty, pmid.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), pmid.value.utf8.count <= 12 else {
            return .failure(ImportProblem(file: file, line: pmid.line, tag: "PMID",
                                          message: "\"\(InertText.make(pmid.value))\" is not a PubMed id (digits only); record refused"))
        }
        record.pmid = pmid.value
        var fullAuthors: [String] = []
        var shortAuthors: [String] = []
        var abstract = ""
        for field in fields where !field.value.isEmpty {
            switch field.tag {
            case "TI": record.title = record.title.map { $0 + " " + field.value } ?? field.value
            case "AB": abstract += (abstract.isEmpty ? "" : " ") + field.value
            case "FAU": fullAuthors.append(field.value)
            case "AU": shortAuthors.append(field.value)
            case "JT": record.journal = field.value
            case "TA": if record.journal == nil { record.journal = field.value }
            case "VI": record.volume = field.value
            case "IP": record.issue = field.value
            case "PG": record.pages = field.value
            case "DP": record.year = RecordText.year(in: field.value)
            case "LID", "AID":
                if field.value.hasSuffix("[doi]"), record.doi == nil { record.doi = RecordText.dropBracketSuffix(field.value) }
                if field.value.hasSuffix("[pmc]"), record.pmcid == nil { record.pmcid = RecordText.dropBracketSuffix(field.value) }
            case "PMC": record.pmcid = field.value
            case "PT": record.publicationTypes.append(field.value)
            case "MH", "OT": record.headings.append(field.value)
            case "SI":
                // "ClinicalTrials.gov/NCT01234567": the data bank, a slash, the accession number.
                for id in RecordText.registryIDs(in: field.value) where !record.registryIDs.contains(id) { record.registryIDs.append(id) }
            default: break
            }
        }
        record.authors = fullAuthors.isEmpty ? shortAuthors : fullAuthors
        if let first = fullAuthors.first {
            record.firstAuthorSurname = first.split(separator: ",").first.map { String($0).trimmingSpaces }
        } else if let first = shortAuthors.first {
            // "Afridi SK": the initials are the last word.
            let words = first.split(separator: " ")
            record.firstAuthorSurname = words.count > 1 ? words.dropLast().joined(separator: " ") : first
        }
        record.abstract = AbstractSections.split(abstract)
        return .success(record)
    }

    /// The tag of a tag line ("PMID", "TI", "FAU"), or nil when the line is not one.
    private static func tag(of bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count >= 5 else { return nil }
        let start = bytes.startIndex
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes.count == 5 || bytes[start + 5] == 0x20 else { return nil }
        let tag = bytes[start..<(start + 4)]
        let letters = tag.prefix { $0 != 0x20 }
        guard !letters.isEmpty, tag.dropFirst(letters.count).allSatisfy({ $0 == 0x20 }),
              letters.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
        return String(decoding: letters, as: UTF8.self)
    }
}
