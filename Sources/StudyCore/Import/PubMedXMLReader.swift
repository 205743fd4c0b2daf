/// Reads PubMed XML (`PubmedArticleSet`, as PubMed's "Save as XML" and E-utilities `efetch`
/// give it): one record per `PubmedArticle`. A file that is not well-formed is refused whole
/// (its tree cannot be trusted past the error); an article without a PMID refuses that article.
/// `PubmedBookArticle` records are reported and skipped.
public enum PubMedXMLReader {
    /// The records of a file, and a problem for each record that cannot be read.
    public static func read(_ bytes: [UInt8], file: String) -> (records: [RawRecord], problems: [ImportProblem]) {
        let root: XMLElement
        do {
            root = try XMLReader.parse(bytes)
        } catch {
            return ([], [ImportProblem(file: file, line: error.line, message: "not well-formed XML: \(error.message) (column \(error.column)); file refused")])
        }
        guard root.name == "PubmedArticleSet" else {
            return ([], [ImportProblem(file: file, line: root.line, tag: root.name,
                                       message: "expected a PubmedArticleSet (PubMed's XML), found <\(InertText.make(root.name))>; file refused")])
        }
        var records: [RawRecord] = []
        var problems: [ImportProblem] = []
        var index = 0
        for case .element(let element) in root.children {
            index += 1
            switch element.name {
            case "PubmedArticle":
                switch record(element, file: file, index: index) {
                case .success(let record): records.append(record)
                case .failure(let problem): problems.append(problem)
                }
            case "PubmedBookArticle":
                problems.append(ImportProblem(file: file, line: element.line, tag: "PubmedBookArticle",
                                              message: "a book record; only journal articles are read; record refused"))
            default:
                index -= 1
            }
        }
        return (records, problems)
    }

    private static func record(_ article: XMLElement, file: String, index: Int) -> Result<RawRecord, ImportProblem> {
        guard let citation = article.child("MedlineCitation") else {
            return .failure(ImportProblem(file: file, line: article.line, tag: "MedlineCitation", message: "the article has no MedlineCitation; record refused"))
        }
        guard let pmidElement = citation.child("PMID") else {
            return .failure(ImportProblem(file: file, line: article.line, tag: "PMID", message: "the article has no PMID; record refused"))
        }
        let pmid = pmidElement.text.trimmingSpaces
        guard !pmid.isEmpty, pmid.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), pmid.utf8.count <= 12 else {
            return .failure(ImportProblem(file: file, line: pmidElement.line, tag: "PMID",
                                          message: "\"\(InertText.make(pmid))\" is not a PubMed id (digits only); record refused"))
        }
        var record = RawRecord(format: .pubmedXML, file: file, index: index, line: article.line)
        record.pmid = pmid
        let details = citation.child("Article")
        record.title = details?.child("ArticleTitle").map { $0.text.collapsingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
        let journal = details?.child("Journal")
        record.journal = journal?.child("Title")?.text.collapsingSpaces ?? journal?.child("ISOAbbreviation")?.text.collapsingSpaces
        let issue = journal?.child("JournalIssue")
        record.volume = issue?.child("Volume")?.text.trimmingSpaces
        record.issue = issue?.child("Issue")?.text.trimmingSpaces
        let date = issue?.child("PubDate")
        record.year = (date?.child("Year")?.text ?? date?.child("MedlineDate")?.text).flatMap(RecordText.year(in:))
        record.pages = details?.path("Pagination", "MedlinePgn")?.text.trimmingSpaces
        for section in details?.child("Abstract")?.children("AbstractText") ?? [] {
            let text = section.text.collapsingSpaces
            guard !text.isEmpty else { continue }
            record.abstract.append(.init(label: section.attribute("Label"), text: text))
        }
        for author in details?.child("AuthorList")?.children("Author") ?? [] {
            if let last = author.child("LastName")?.text.trimmingSpaces {
                if record.firstAuthorSurname == nil { record.firstAuthorSurname = last }
                record.authors.append(last + (author.child("Initials").map { " " + $0.text.trimmingSpaces } ?? ""))
            } else if let collective = author.child("CollectiveName")?.text.collapsingSpaces {
                record.authors.append(collective)
            }
        }
        record.publicationTypes = details?.child("PublicationTypeList")?.children("PublicationType").map { $0.text.trimmingSpaces } ?? []
        for heading in citation.child("MeshHeadingList")?.children("MeshHeading") ?? [] {
            if let descriptor = heading.child("DescriptorName")?.text.trimmingSpaces { record.headings.append(descriptor) }
        }
        for list in citation.children("KeywordList") {
            record.headings += list.children("Keyword").map { $0.text.collapsingSpaces }.filter { !$0.isEmpty }
        }
        for bank in details?.child("DataBankList")?.children("DataBank") ?? [] {
            for number in bank.child("AccessionNumberList")?.children("AccessionNumber") ?? [] {
                for id in RecordText.registryIDs(in: number.text) where !record.registryIDs.contains(id) { record.registryIDs.append(id) }
            }
        }
        for location in details?.children("ELocationID") ?? [] where location.attribute("EIdType") == "doi" {
            record.doi = record.doi ?? RecordText.doi(location.text)
        }
        // The article's own ids; ids inside ReferenceList belong to the works it cites.
        for id in article.path("PubmedData", "ArticleIdList")?.children("ArticleId") ?? [] {
            let value = id.text.trimmingSpaces
            switch id.attribute("IdType") {
            case "doi": record.doi = record.doi ?? RecordText.doi(value)
            case "pmc": record.pmcid = record.pmcid ?? value
            default: break
            }
        }
        return .success(record)
    }
}

extension String {
    /// Runs of spaces and line ends as one space, trimmed (XML text is laid out over lines).
    var collapsingSpaces: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
