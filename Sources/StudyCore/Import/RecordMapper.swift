/// Turns a record as its file gives it into a study in the data-file format, conservatively:
/// every value is the record's own and names it as its source; what the format cannot say is
/// nil ("not reported"); nothing is read from free text except a registry intervention's amount
/// when it is unambiguous, and then the dose says so.
public enum RecordMapper {
    /// A study, the source document its values name, and anything worth a warning.
    public struct Mapped: Sendable {
        public var study: Study
        public var source: SourceDocument
        public var warnings: [String]
    }

    /// Maps a record; `indication` overrides the table (`--indication`).
    public static func map(_ record: RawRecord, indication forced: Indication?, importedOn: String) -> Mapped {
        let sourceID = sourceID(of: record)
        let source = SourceRef(document: sourceID)
        var warnings: [String] = []
        let headings = record.conditions + record.headings
        let placed = forced.map { ($0, nil as String?) } ?? IndicationTable.indication(for: headings)
        if let reason = placed.1 { warnings.append("\(record.position) (\(record.label)): unassigned: \(reason)") }

        let citation = Citation(firstAuthor: record.firstAuthorSurname, year: record.year, title: record.title, journal: record.journal,
                                volume: record.volume, issue: record.issue, pages: record.pages)
        let design = design(of: record, source: source)
        var sampleSize = SampleSize(total: nil, source: source)
        if let enrollment = record.enrollment {
            if record.enrollmentType == "ACTUAL" {
                sampleSize = SampleSize(total: enrollment, source: source, note: "Actual enrollment, as the registry gives it.")
            } else {
                // A planned number is not a sample: it is kept as a note and counted nowhere.
                sampleSize = SampleSize(total: nil, source: source,
                                        note: "Estimated enrollment \(enrollment) (\(record.enrollmentType ?? "type not given")): planned, not enrolled.")
            }
        }
        let (doses, comparator) = doses(of: record, source: source)
        let outcome = Outcome(measure: record.primaryOutcomes.isEmpty ? nil : record.primaryOutcomes.joined(separator: "; "),
                              result: nil, direction: .notReported, source: source)
        let identifiers = identifiers(of: record)
        let imported = ImportedRecord(source: source, format: record.format, identifiers: identifiers, abstract: record.abstract,
                                      publicationTypes: record.publicationTypes, headings: headings, status: record.status, importedOn: importedOn)
        let study = Study(
            id: studyID(of: record), indication: placed.0, condition: record.conditions.isEmpty ? nil : record.conditions.joined(separator: "; "),
            citation: citation, design: design, sampleSize: sampleSize, doses: doses, comparator: comparator, outcome: outcome,
            notes: placed.1.map { "Unassigned: \($0)." },
            provenance: [Provenance(source: source, attribution: .direct,
                                    note: "Imported from \(record.format.name) (\(record.position)) on \(importedOn).")],
            record: imported)
        let document = SourceDocument(id: sourceID, file: record.file, title: record.title ?? "(the record gives no title)",
                                      publisher: record.format == .ctgov ? "ClinicalTrials.gov" : record.journal, kind: .record,
                                      note: "\(record.format.name) record \(record.label), imported from \(record.position) on \(importedOn).")
        return Mapped(study: study, source: document, warnings: warnings)
    }

    /// `pubmed:29768149`, `ctgov:NCT04567890`, `doi:10.1000-x`, or `ris:FILE:N` for a record without an identifier.
    static func sourceID(of record: RawRecord) -> String {
        if record.format == .ctgov, let nct = record.registryIDs.first { return "ctgov:\(nct)" }
        if let pmid = record.pmid { return "pubmed:\(pmid)" }
        if let doi = record.doi { return "doi:" + slug(doi, keepCase: true) }
        return "\(record.format.rawValue):\(slug(record.file, keepCase: false)):\(record.index)"
    }

    /// `pmid-29768149`, `nct04567890`, `doi-10-1000-x`, or `ris-FILE-N`: lowercase, digits, hyphens.
    static func studyID(of record: RawRecord) -> String {
        if record.format == .ctgov, let nct = record.registryIDs.first { return nct.lowercased() }
        if let pmid = record.pmid { return "pmid-\(pmid)" }
        if let doi = record.doi { return String(("doi-" + slug(doi, keepCase: false)).prefix(80)).trimmingHyphens }
        return String("\(record.format.rawValue)-\(slug(record.file, keepCase: false))-\(record.index)".prefix(80)).trimmingHyphens
    }

    private static func identifiers(of record: RawRecord) -> [PrimaryRecord.Identifier] {
        var identifiers: [PrimaryRecord.Identifier] = []
        if let pmid = record.pmid { identifiers.append(.init(kind: .pmid, value: pmid)) }
        if let doi = record.doi { identifiers.append(.init(kind: .doi, value: doi)) }
        if let pmcid = record.pmcid { identifiers.append(.init(kind: .pmcid, value: pmcid)) }
        identifiers += record.registryIDs.map { .init(kind: .registry, value: $0) }
        return identifiers
    }

    // MARK: Design

    private static func design(of record: RawRecord, source: SourceRef) -> StudyDesign {
        if record.format == .ctgov { return registryDesign(record, source: source) }
        let types = Set(record.publicationTypes.map { $0.lowercased() })
        let headings = Set(record.headings.map { $0.split(separator: "/").first.map { String($0).lowercased() } ?? "" })
        let kind: DesignKind
        if types.contains("meta-analysis") || types.contains("systematic review") {
            kind = .systematicReview
        } else if types.contains("randomized controlled trial") {
            kind = headings.contains("cross-over studies") ? .rctCrossover : .rctParallel
        } else if types.contains("controlled clinical trial") || types.contains("clinical trial") || types.contains(where: { $0.hasPrefix("clinical trial, phase") }) {
            kind = .controlledTrial
        } else if types.contains("observational study") {
            kind = .observational
        } else if types.contains("case reports") {
            kind = .caseReport
        } else if types.contains("review") {
            kind = .narrativeReview
        } else {
            kind = .notReported
        }
        var blinding: StudyDesign.Blinding?
        if headings.contains("double-blind method") { blinding = .doubleBlind } else if headings.contains("single-blind method") { blinding = .singleBlind }
        let named = record.publicationTypes.isEmpty ? "the record names no publication type"
            : "publication type: " + record.publicationTypes.joined(separator: "; ")
        let description = kind == .notReported
            ? "Not stated by the record (\(named)); read from publication types only, never the abstract."
            : "From the record's \(named)" + (blinding.map { "; MeSH: \($0.rawValue)" } ?? "") + "."
        return StudyDesign(kind: kind, randomized: kind.isRandomizedTrial ? true : nil, blinding: blinding, control: nil,
                           description: description, source: source)
    }

    private static func registryDesign(_ record: RawRecord, source: SourceRef) -> StudyDesign {
        let kind: DesignKind
        var randomized: Bool?
        switch (record.studyType, record.allocation, record.interventionModel) {
        case ("OBSERVATIONAL", _, _): kind = .observational
        case (_, "RANDOMIZED", "CROSSOVER"): kind = .rctCrossover; randomized = true
        case (_, "RANDOMIZED", _): kind = .rctParallel; randomized = true
        case (_, "NON_RANDOMIZED", _): kind = .controlledTrial; randomized = false
        case ("INTERVENTIONAL", _, "SINGLE_GROUP"): kind = .caseSeries
        default: kind = .notReported
        }
        let blinding: StudyDesign.Blinding? = switch record.masking {
        case "NONE": .openLabel
        case "SINGLE": .singleBlind
        case "DOUBLE", "TRIPLE", "QUADRUPLE": .doubleBlind
        default: nil
        }
        let armTypes = Set(record.arms.compactMap(\.type))
        let control: StudyDesign.Control? = armTypes.contains("PLACEBO_COMPARATOR") ? .placebo
            : armTypes.contains("ACTIVE_COMPARATOR") ? .active : armTypes.contains("NO_INTERVENTION") ? StudyDesign.Control.none : nil
        let parts = [record.studyType, record.allocation, record.interventionModel, record.masking.map { "masking \($0)" }]
            .compactMap { $0?.lowercased().replacingUnderscores } + record.phases.map { $0.lowercased().replacingUnderscores }
        return StudyDesign(kind: kind, randomized: randomized, blinding: blinding, control: control,
                           description: "From the registry record: " + (parts.isEmpty ? "no design fields" : parts.joined(separator: ", ")) + ".",
                           source: source)
    }

    // MARK: Doses

    /// Ketamine interventions as doses (text as written; an amount only when unambiguous), the others as the comparator.
    private static func doses(of record: RawRecord, source: SourceRef) -> ([Dose], Comparator?) {
        var doses: [Dose] = []
        var others: [String] = []
        for intervention in record.interventions {
            let text = [intervention.name, intervention.description].compactMap { $0 }.joined(separator: ": ")
            guard ImportScope.mentionsKetamine(text) else {
                others.append(text)
                continue
            }
            let arms = record.arms.filter { $0.interventionNames.contains { $0.hasSuffix(intervention.name) } }.map(\.label)
            let described = intervention.description ?? intervention.name
            var dose = Dose(arm: arms.isEmpty ? intervention.name : arms.joined(separator: "; "), route: ImportedDoseText.route(in: described),
                            reported: described, source: source)
            if let amount = ImportedDoseText.amount(in: described) {
                dose.low = amount.low
                dose.high = amount.high
                dose.dimension = amount.dimension
                dose.basis = .protocolDose
                dose.note = "Amount read from the registry's intervention text, as written there."
            }
            doses.append(dose)
        }
        return (doses, others.isEmpty ? nil : Comparator(label: others.joined(separator: "; ")))
    }

    private static func slug(_ text: String, keepCase: Bool) -> String {
        let mapped = (keepCase ? text : text.lowercased()).map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber) || (keepCase && character == ".") ? character : "-"
        }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }
}

extension String {
    var trimmingHyphens: String { split(separator: "-").joined(separator: "-") }
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
