/// Reads RIS, as reference managers export it: `TY  - ` opens a record and `ER  - ` closes it;
/// every line between is a two-character tag, two spaces, a hyphen, a space and the value; tags
/// repeat (`AU`, `KW`). Tags the import does not map are read and ignored. A line that is not a
/// tag line, or a record the file ends inside, refuses that record only.
public enum RISReader {
    /// The records of a file, and a problem for each record that cannot be read.
    public static func read(_ bytes: [UInt8], file: String) -> (records: [RawRecord], problems: [ImportProblem]) {
        let lines = TextLines(bytes)
        var records: [RawRecord] = []
        var problems: [ImportProblem] = []
        var fields: [(tag: String, value: String, line: Int)] = []
        var start: Int?
        var broken: ImportProblem?
        var index = 0
        for line in lines.ranges.indices {
            if lines.isBlank(line) { continue }
            guard String(validating: lines[line], as: UTF8.self) != nil else {
                if start != nil, broken == nil {
                    broken = ImportProblem(file: file, line: line + 1, message: "not UTF-8 text; export the records again as UTF-8")
                }
                continue
            }
            guard let tag = tag(of: lines[line]) else {
                let shown = InertText.make(String(lines.text(line).prefix(40)))
                let problem = ImportProblem(file: file, line: line + 1, message: "\"\(shown)\" is not a RIS line (two characters, two spaces, \"- \")"
                    + (start == nil ? " outside any record" : "; record refused"))
                if start == nil { problems.append(problem) } else if broken == nil { broken = problem }
                continue
            }
            let value = lines.text(line, from: 6).trimmingSpaces
            if tag == "TY" {
                if let open = start {
                    index += 1
                    problems.append(ImportProblem(file: file, line: open + 1, tag: "ER",
                                                  message: "the record has no ER line before the next TY on line \(line + 1); record refused"))
                }
                start = line
                fields = [(tag, value, line + 1)]
                broken = nil
            } else if tag == "ER" {
                guard let open = start else {
                    problems.append(ImportProblem(file: file, line: line + 1, tag: "ER", message: "ER without a TY opening its record"))
                    continue
                }
                index += 1
                if let broken {
                    problems.append(broken)
                } else {
                    records.append(record(fields, file: file, index: index, line: open + 1))
                }
                start = nil
                fields = []
                broken = nil
            } else if start == nil {
                problems.append(ImportProblem(file: file, line: line + 1, tag: tag, message: "a tag outside any record (records open with TY)"))
            } else {
                fields.append((tag, value, line + 1))
            }
        }
        if let open = start {
            problems.append(ImportProblem(file: file, line: open + 1, tag: "ER", message: "the file ends inside this record (no ER line); record refused"))
        }
        return (records, problems)
    }

    private static func record(_ fields: [(tag: String, value: String, line: Int)], file: String, index: Int, line: Int) -> RawRecord {
        var record = RawRecord(format: .ris, file: file, index: index, line: line)
        var startPage: String?
        var endPage: String?
        var abstract = ""
        var database: String?
        var accession: String?
        for field in fields where !field.value.isEmpty {
            switch field.tag {
            case "TY": record.publicationTypes.append(typeName(field.value))
            case "AU", "A1": record.authors.append(field.value)
            case "TI", "T1": if record.title == nil { record.title = field.value }
            case "T2", "JO", "JF", "JA", "J2": if record.journal == nil { record.journal = field.value }
            case "VL": record.volume = field.value
            case "IS": record.issue = field.value
            case "SP": startPage = field.value
            case "EP": endPage = field.value
            case "PY", "Y1", "DA": if record.year == nil { record.year = RecordText.year(in: field.value) }
            case "DO": if record.doi == nil { record.doi = RecordText.doi(field.value) }
            case "AB", "N2": abstract += (abstract.isEmpty ? "" : " ") + field.value
            case "KW": record.headings.append(field.value)
            case "DB", "DP": database = (database.map { $0 + " " } ?? "") + field.value
            case "AN": accession = field.value
            case "UR", "L2":
                if record.pmid == nil, let pmid = RecordText.pmid(inLink: field.value) { record.pmid = pmid }
                if record.doi == nil, field.value.contains("doi.org/"), let doi = RecordText.doi(field.value) { record.doi = doi }
            default: break
            }
            for id in RecordText.registryIDs(in: field.value) where ["AN", "UR", "N1", "C1", "ID"].contains(field.tag) && !record.registryIDs.contains(id) {
                record.registryIDs.append(id)
            }
        }
        // An accession number is a PMID only when the record says its database is PubMed.
        if record.pmid == nil, let accession, accession.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
           let database, ["pubmed", "medline", "nlm"].contains(where: { database.lowercased().contains($0) }) {
            record.pmid = accession
        }
        record.pages = startPage.map { start in endPage.map { "\(start)-\($0)" } ?? start }
        if let first = record.authors.first {
            record.firstAuthorSurname = first.split(separator: ",").first.map { String($0).trimmingSpaces }
        }
        record.abstract = AbstractSections.split(abstract)
        return record
    }

    /// RIS reference types by name ("JOUR" is "Journal Article").
    private static func typeName(_ code: String) -> String {
        switch code.uppercased() {
        case "JOUR": "Journal Article"
        case "BOOK": "Book"
        case "CHAP": "Book Section"
        case "CONF", "CPAPER": "Conference Proceeding"
        case "THES": "Thesis"
        case "RPRT": "Report"
        default: code
        }
    }

    private static func tag(of bytes: ArraySlice<UInt8>) -> String? {
        let start = bytes.startIndex
        guard bytes.count >= 5, bytes[start + 2] == 0x20, bytes[start + 3] == 0x20, bytes[start + 4] == UInt8(ascii: "-"),
              bytes.count == 5 || bytes[start + 5] == 0x20 else { return nil }
        let tag = bytes[start..<(start + 2)]
        guard tag.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
        return String(decoding: tag, as: UTF8.self)
    }
}
