import Foundation
import Testing
@testable import StudyCore

/// The four import formats read from fixtures written to their public specifications
/// (Fixtures/import/README.md lists every record and what should become of it).
@Suite("Import readers")
struct ImportReaderTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Tests/StudyCoreTests/Fixtures/import/\(name)")))
    }

    @Test("MEDLINE: continuation lines joined, repeated tags kept, structured abstract split, ids and trial numbers read")
    func medline() throws {
        let (records, problems) = MedlineReader.read(try Self.bytes("pubmed.nbib"), file: "pubmed.nbib")
        #expect(problems.isEmpty, "\(problems)")
        #expect(records.map(\.pmid) == ["90000001", "90000002", "90000003", "23365053"])
        let first = try #require(records.first)
        #expect(first.line == 2 && first.authors.count >= 2 && first.firstAuthorSurname != nil)
        #expect(first.title?.contains("  ") == false && first.title?.contains("\n") == false)
        #expect(first.abstract.map(\.label).prefix(2) == ["BACKGROUND", "METHODS"])
        #expect(first.publicationTypes.contains("Randomized Controlled Trial") && first.doi == "10.9999/fake.2021.001")
        #expect(first.registryIDs == ["NCT09000001"] && first.year == 2021)
        #expect(first.headings.contains { $0.hasPrefix("Depressive Disorder, Treatment-Resistant") })
    }

    @Test("MEDLINE: a line that is not a tag and a PMID that is not a number refuse their records only, with line and tag")
    func medlineBad() throws {
        let (records, problems) = MedlineReader.read(try Self.bytes("pubmed-bad.nbib"), file: "pubmed-bad.nbib")
        #expect(records.map(\.pmid) == ["90000011"])
        #expect(problems.count == 2)
        #expect(problems.contains { $0.line == 31 && $0.description.contains("not a MEDLINE line") }, "\(problems)")
        #expect(problems.contains { $0.tag == "PMID" && $0.description.contains("\"abc\" is not a PubMed id") }, "\(problems)")
    }

    @Test("PubMed XML: labelled abstract sections, entities, inline markup, ids from ArticleIdList and DataBankList, not from references")
    func pubmedXML() throws {
        let (records, problems) = PubMedXMLReader.read(try Self.bytes("pubmed.xml"), file: "pubmed.xml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(records.map(\.pmid) == ["90000021", "90000022", "30429927"])
        let first = try #require(records.first)
        #expect(first.abstract.count == 4 && first.abstract.allSatisfy { $0.label != nil })
        #expect(first.registryIDs == ["NCT09000021"] && first.doi != nil && first.pmcid != nil)
        #expect(first.abstract.contains { $0.text.contains("≥") || $0.text.contains("&") || $0.text.contains("<") })
        #expect(records[1].year != nil)
    }

    @Test("PubMed XML: an article without a PMID is refused alone; a file that is not well-formed is refused whole with its line")
    func pubmedXMLBad() throws {
        let (records, problems) = PubMedXMLReader.read(try Self.bytes("pubmed-bad.xml"), file: "pubmed-bad.xml")
        #expect(records.map(\.pmid) == ["90000051"])
        #expect(problems.count == 1 && problems[0].tag == "PMID")
        let broken = PubMedXMLReader.read(try Self.bytes("pubmed-broken.xml"), file: "pubmed-broken.xml")
        #expect(broken.records.isEmpty && broken.problems.count == 1 && broken.problems[0].line == 16, "\(broken.problems)")
    }

    @Test("RIS: a BOM, CRLF, blank lines between records, repeated AU and KW; AN is not a PMID without a PubMed database")
    func ris() throws {
        let (records, problems) = RISReader.read(try Self.bytes("library.ris"), file: "library.ris")
        #expect(problems.isEmpty, "\(problems)")
        #expect(records.count == 4)
        let first = try #require(records.first)
        #expect(first.authors.count == 3 && first.pmid == nil && first.doi == "10.9999/fake.2020.031" && first.year == 2020)
        #expect(first.pages?.contains("-") == true && first.headings.contains("ketamine"))
        #expect(records[3].doi == "10.1176/appi.ajp.2021.21030277")
    }

    @Test("RIS: a line that is not a tag line and a record without ER refuse those records only")
    func risBad() throws {
        let (records, problems) = RISReader.read(try Self.bytes("library-bad.ris"), file: "library-bad.ris")
        #expect(records.count == 1)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.line == 19 })
        #expect(problems.contains { $0.tag == "ER" })
    }

    @Test("ClinicalTrials.gov: one study, an array and a page envelope; design fields and ACTUAL vs ESTIMATED enrollment kept")
    func ctgov() throws {
        let single = ClinicalTrialsReader.read(try Self.bytes("ctgov-study.json"), file: "ctgov-study.json")
        #expect(single.problems.isEmpty && single.records.count == 1)
        let study = try #require(single.records.first)
        #expect(study.registryIDs.first == "NCT09000041" && study.allocation == "RANDOMIZED" && study.masking == "QUADRUPLE")
        #expect(study.enrollment == 60 && study.enrollmentType == "ESTIMATED" && study.interventions.count == 2)
        let page = ClinicalTrialsReader.read(try Self.bytes("ctgov-page.json"), file: "ctgov-page.json")
        #expect(page.problems.isEmpty && page.records.count == 4)
        #expect(ClinicalTrialsReader.read(try Self.bytes("ctgov-array.json"), file: "a.json").records.count == 2)
        let bad = ClinicalTrialsReader.read(try Self.bytes("ctgov-bad.json"), file: "ctgov-bad.json")
        #expect(bad.records.count == 1 && bad.problems.count == 2, "\(bad.problems)")
        #expect(bad.problems.contains { $0.record == 2 && $0.tag?.hasSuffix("enrollmentInfo.count") == true })
    }

    @Test("mapped records: sourced to their record, conservative design and dose, planned enrollment not counted, valid data")
    func mapped() throws {
        let page = ClinicalTrialsReader.read(try Self.bytes("ctgov-study.json"), file: "ctgov-study.json").records
            + MedlineReader.read(try Self.bytes("pubmed.nbib"), file: "pubmed.nbib").records
        let mapped = page.filter(ImportScope.isAboutKetamine).map { RecordMapper.map($0, indication: nil, importedOn: "2026-12-04") }
        #expect(mapped.count == 4, "the statin record is off-topic; duplicates are found later, against the loaded data")
        let trial = try #require(mapped.first?.study)
        #expect(trial.id == "nct09000041" && trial.indication == .trd && trial.design.kind == .rctParallel && trial.design.blinding == .doubleBlind)
        #expect(trial.sampleSize.total == nil && trial.sampleSize.note?.contains("Estimated enrollment 60") == true)
        #expect(trial.doses.first?.low == 0.5 && trial.doses.first?.dimension == .perKilogram && trial.doses.first?.route == .iv)
        #expect(trial.comparator?.label.contains("Midazolam") == true)
        #expect(trial.shortLabel.hasPrefix("NCT09000041 "), "a registry record is labelled by its number, not [unnamed]")
        #expect(trial.provenance.first?.source.document == "ctgov:NCT09000041" && trial.record?.format == .ctgov)
        let text = DataFileWriter.json(studies: mapped.map(\.study), sources: mapped.map(\.source))
        let loaded = DatasetLoader.load([DataFile(name: "imported.json", bytes: Array(text.utf8))])
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.dataset.studies.map(\.id) == mapped.map(\.study.id))
    }
}

/// Abstract labels in any language whose capitals are letters, not only A to Z.
@Suite("Abstract sections")
struct AbstractSectionsTests {
    @Test("labels with accented capitals split like ASCII ones; a lower-case word before a label does not")
    func accentedLabels() {
        let sections = AbstractSections.split("OBJETIVO: x. MÉTODOS: y. CONCLUSIÓN: z.")
        #expect(sections.map(\.label) == ["OBJETIVO", "MÉTODOS", "CONCLUSIÓN"])
        #expect(sections.map(\.text) == ["x.", "y.", "z."])
        #expect(AbstractSections.split("Le café METHODS: non.").count == 1)
    }
}
