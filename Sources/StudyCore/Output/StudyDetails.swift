/// Every field of a study as labelled text, in reading order; "not reported" where the source is silent.
///
/// The single source of the details view, `show` and the Markdown export, so they cannot disagree.
public enum StudyDetails {
    /// Written wherever a source gives nothing.
    public static let notReported = "not reported"

    /// One labelled field.
    public struct Field: Sendable, Equatable {
        public let label: String
        public let value: String
    }

    /// The study's fields. `sources` resolves document ids to titles where available.
    public static func fields(of study: Study, sources: [SourceDocument] = [], glyphs: Glyphs = .unicode) -> [Field] {
        var fields: [Field] = []
        func add(_ label: String, _ value: String?) { fields.append(Field(label: label, value: value ?? notReported)) }
        // A value filled from the own record says so where it is read, not only in the legend.
        func origin(_ field: PrimaryFields) -> String {
            study.fromPrimary.contains(field) ? " \(glyphs.primary) from the study's own record; the seed gives none" : ""
        }
        let citation = study.citation
        // What the study is and found comes first: that is what is read aloud in a meeting.
        add("Indication", study.indication.name)
        add("Condition", study.condition)
        if let primary = study.primary, primary.differs {
            let topics = primary.differences.map(\.topic).joined(separator: "; ")
            add("Cross-check", "\(glyphs.differs) the study's own record differs from the seed on: \(topics). Both values are under \"Differs\" below.")
        }
        add("Design", study.design.label + origin(.design))
        add("Level of evidence", study.evidence.longLabel + "; scheme: \(EvidenceLevel.scheme)" + origin(.design))
        var size = study.sampleSize.detailed ?? notReported
        if let note = study.sampleSize.note { size += ". \(note)" }
        add("Sample size", size + " [\(study.sampleSize.source.humanDescription)]" + origin(.n))
        add("Setting", study.setting)
        add("Population", study.population)
        if study.doses.isEmpty {
            add("Dose", nil)
        } else {
            for dose in study.doses {
                var text = DoseText.detailed(dose, glyphs: glyphs) + " [\(dose.source.humanDescription)]"
                if let note = dose.note { text += ". \(note)" }
                let own = study.fromPrimary.contains(.dose) && study.primary?.doses.contains(dose) == true
                add("Dose", text + (own ? origin(.dose) : ""))
            }
        }
        if let comparator = study.comparator {
            var text = comparator.label
            for dose in comparator.doses {
                text += "; " + DoseText.detailed(dose, glyphs: glyphs, showArm: dose.arm != comparator.label)
                if let note = dose.note { text += ". \(note)" }
            }
            add("Comparator", text + origin(.comparator))
        } else {
            add("Comparator", nil)
        }
        add("Outcome measure", study.outcome.measure.map { $0 + origin(.outcome) })
        add("Effect direction", "\(glyphs.symbol(for: study.outcome.direction)) \(study.outcome.direction.name)" + origin(.outcome))
        let marks = StrengthMarks.of(study)
        if !marks.isEmpty { add("Strength marks", marks.map { "\($0.letter): \($0.name)" }.joined(separator: "; ")) }
        add("Result", study.outcome.result.map { $0 + " [\(study.outcome.source.humanDescription)]" + origin(.outcome) })
        if study.outcome.figures.isEmpty {
            add("Key figure", nil)
        } else {
            for figure in study.outcome.figures {
                var text = figure.text
                if let note = figure.note { text += " (\(note))" }
                // An own-record figure is the record's own; citation attribution is about the seed.
                text += study.fromPrimary.contains(.outcome) ? " [\(figure.source.humanDescription)]" + origin(.outcome)
                    : " [\(figure.source.humanDescription); \(figure.attribution.name)]"
                add("Key figure", text)
            }
        }
        add("Adverse effects", study.adverseEffects)
        if let notes = study.notes { add("Notes", notes) }
        add("Design details", study.design.description + " [\(study.design.source.humanDescription)]")
        add("Randomized", study.design.randomized.map { $0 ? "yes" : "no" })
        add("First author", citation.firstAuthor)
        add("Year", citation.year.map(String.init))
        add("Title", citation.title)
        add("Journal", citation.formatted)
        add("Reference as listed", citation.reference)
        if let note = citation.note { add("Citation note", note) }
        add("Id", study.id)
        for entry in study.provenance {
            var text = "\(entry.source.humanDescription)"
            if let document = sources.first(where: { $0.id == entry.source.document }) {
                text += " (\"\(document.title)\")"
            }
            text += ": \(entry.attribution.name)"
            if let note = entry.note { text += ". \(note)" }
            add("Source", text)
        }
        if let record = study.record {
            addRecord(record, to: &fields)
        } else {
            addPrimary(study.primary, seedSource: study.provenance.first?.source, glyphs: glyphs, to: &fields)
        }
        return fields.map { Field(label: $0.label, value: glyphs.adapt(InertText.make($0.value))) }
    }

    /// An imported study's record: where it came from, its identifiers, classification and abstract.
    private static func addRecord(_ record: ImportedRecord, to fields: inout [Field]) {
        fields.append(Field(label: "Imported from", value: "\(record.format.name) record \(record.source.description) on \(record.importedOn); "
            + "every value above is the record's own, and what it does not give is not reported"))
        if !record.identifiers.isEmpty {
            fields.append(Field(label: "Identifiers", value: record.identifiers.map { "\($0.kind.label) \($0.value)" }.joined(separator: "; ")))
        }
        if let status = record.status { fields.append(Field(label: "Registry status", value: status)) }
        if !record.publicationTypes.isEmpty {
            fields.append(Field(label: "Publication type", value: record.publicationTypes.joined(separator: "; ")))
        }
        if !record.headings.isEmpty { fields.append(Field(label: "Headings", value: record.headings.joined(separator: "; "))) }
        if record.abstract.isEmpty {
            fields.append(Field(label: "Abstract", value: notReported))
        }
        for section in record.abstract {
            fields.append(Field(label: section.label.map { "Abstract: \($0.lowercased())" } ?? "Abstract", value: section.text))
        }
    }

    /// The cross-check against the study's own abstract: identifiers, figures, and every
    /// difference with the seed's value and the primary value side by side.
    private static func addPrimary(_ primary: PrimaryRecord?, seedSource: SourceRef?, glyphs: Glyphs, to fields: inout [Field]) {
        guard let primary else {
            fields.append(Field(label: "Primary record", value: "not checked"))
            return
        }
        let source = primary.source.humanDescription
        guard primary.status == .found else {
            fields.append(Field(label: "Primary record", value: "not found [\(source)]" + (primary.note.map { ". \($0)" } ?? "")))
            return
        }
        var found = "found on \(primary.seenOn ?? notReported); confidence: \(primary.confidence?.rawValue ?? notReported) [\(source)]"
        if let citation = primary.citation { found += "; \(citation)" }
        fields.append(Field(label: "Primary record", value: found))
        if !primary.identifiers.isEmpty {
            let identifiers = primary.identifiers.map { "\($0.kind.label) \($0.value)" + ($0.note.map { " (\($0))" } ?? "") }
            fields.append(Field(label: "Identifiers", value: identifiers.joined(separator: "; ")))
        }
        if let summary = primary.summary { fields.append(Field(label: "Primary says", value: summary)) }
        fields += PrimaryDetails.structured(primary, glyphs: glyphs)
        for figure in primary.figures {
            fields.append(Field(label: "Primary figure", value: "\(figure.label): \(figure.value)"))
        }
        let seed = seedSource?.humanDescription ?? "seed"
        for difference in primary.differences {
            fields.append(Field(label: "Differs", value: "\(difference.topic): seed [\(seed)] says \(difference.seed); "
                + "primary [\(source)] says \(difference.primary)"))
        }
        if let note = primary.note { fields.append(Field(label: "Primary note", value: note)) }
    }
}
