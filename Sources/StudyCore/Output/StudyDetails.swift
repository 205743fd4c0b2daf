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
        let citation = study.citation
        // What the study is and found comes first: that is what is read aloud in a meeting.
        add("Indication", study.indication.name)
        add("Condition", study.condition)
        add("Design", study.design.label)
        add("Level of evidence", study.evidence.longLabel + "; scheme: \(EvidenceLevel.scheme)")
        var size = study.sampleSize.detailed ?? notReported
        if let note = study.sampleSize.note { size += ". \(note)" }
        add("Sample size", size + " [\(study.sampleSize.source.humanDescription)]")
        add("Setting", study.setting)
        add("Population", study.population)
        if study.doses.isEmpty {
            add("Dose", nil)
        } else {
            for dose in study.doses {
                var text = DoseText.detailed(dose, glyphs: glyphs) + " [\(dose.source.humanDescription)]"
                if let note = dose.note { text += ". \(note)" }
                add("Dose", text)
            }
        }
        if let comparator = study.comparator {
            var text = comparator.label
            for dose in comparator.doses {
                text += "; " + DoseText.detailed(dose, glyphs: glyphs, showArm: dose.arm != comparator.label)
                if let note = dose.note { text += ". \(note)" }
            }
            add("Comparator", text)
        } else {
            add("Comparator", nil)
        }
        add("Outcome measure", study.outcome.measure)
        add("Effect direction", "\(glyphs.symbol(for: study.outcome.direction)) \(study.outcome.direction.name)")
        add("Result", study.outcome.result.map { $0 + " [\(study.outcome.source.humanDescription)]" })
        if study.outcome.figures.isEmpty {
            add("Key figure", nil)
        } else {
            for figure in study.outcome.figures {
                var text = "\(figure.value) \(figure.label)"
                if let note = figure.note { text += " (\(note))" }
                text += " [\(figure.source.humanDescription); \(figure.attribution.name)]"
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
        return fields.map { Field(label: $0.label, value: glyphs.adapt(InertText.make($0.value))) }
    }
}
