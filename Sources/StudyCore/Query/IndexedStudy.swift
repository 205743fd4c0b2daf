/// A study with its text folded once, so that queries do not fold on every keystroke.
///
/// A class, so that handing one to the matcher costs one reference count, not one per field.
public final class IndexedStudy: Sendable {
    public let study: Study
    /// Every text field, folded, separated by a unit separator so phrases cannot span fields.
    let haystack: FoldedText
    let fields: [QueryField: FoldedText]
    let designWords: [String]
    let sources: [SourceRef]

    /// Folds a study's text for matching.
    public init(_ study: Study) {
        self.study = study
        let citation = study.citation
        var fields: [QueryField: FoldedText] = [:]
        func set(_ field: QueryField, _ parts: [String?]) {
            fields[field] = FoldedText(parts)
        }
        set(.condition, [study.condition])
        set(.author, [citation.firstAuthor, citation.reference])
        set(.title, [citation.title])
        set(.journal, [citation.journal])
        set(.setting, [study.setting])
        set(.population, [study.population])
        set(.comparator, [study.comparator?.label])
        set(.result, [study.outcome.measure, study.outcome.result] + study.outcome.figures.flatMap { [$0.label, $0.value] })
        set(.id, [study.id])
        self.fields = fields

        var parts: [String?] = [
            study.id, study.indication.rawValue, study.indication.name, study.condition,
            citation.reference, citation.firstAuthor, citation.year.map(String.init), citation.title, citation.journal,
            study.design.kind.name, study.design.label, study.design.description,
            study.setting, study.population, study.comparator?.label,
            study.outcome.measure, study.outcome.result, study.outcome.direction.name,
            study.adverseEffects, study.notes,
        ]
        for dose in study.doses + (study.comparator?.doses ?? []) {
            parts += [dose.arm, dose.route?.name, dose.route?.shortName, dose.regimen, dose.reported, DoseText.amount(dose, glyphs: .unicode)]
        }
        for figure in study.outcome.figures { parts += [figure.label, figure.value] }
        if let primary = study.primary {
            parts += [primary.summary, primary.citation, primary.note] + primary.identifiers.map(\.value)
            for figure in primary.figures { parts += [figure.label, figure.value] }
        }
        haystack = FoldedText(parts)
        designWords = DesignVocabulary.keywords(of: study.design)
        sources = DatasetValidator.sourceReferences(of: study).map(\.1)
    }
}
