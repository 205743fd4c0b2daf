/// A study with its text folded once, so that queries do not fold on every keystroke.
///
/// A class, so that handing one to the matcher costs one reference count, not one per field.
public final class IndexedStudy: Sendable {
    public let study: Study
    /// Every text field, folded, separated by a unit separator so phrases cannot span fields.
    let haystack: FoldedText
    let designWords: [String]
    let sources: [SourceRef]

    /// Folds a study's text for matching. Parts that a field query can name (author:, title:,
    /// …) are tagged, so those queries search their spans of the one folded text instead of
    /// copies of their own.
    public convenience init(_ study: Study) {
        self.init(study, haystack: FoldedText(tagged: Self.parts(of: study)))
    }

    init(_ study: Study, haystack: FoldedText) {
        self.study = study
        self.haystack = haystack
        designWords = DesignVocabulary.keywords(of: study.design)
        var sources: [SourceRef] = []
        DatasetValidator.visitSourceReferences(of: study) { _, reference in sources.append(reference) }
        self.sources = sources
    }

    /// Indexes studies with their folded texts in one buffer, for `SearchIndex`.
    public static func index(_ studies: ArraySlice<Study>) -> (entries: [IndexedStudy], buffer: [UInt8], ranges: [Range<Int>]) {
        // Every part first, so the buffer is allocated once at about its size: grown by doubling,
        // it touched up to twice its size in fresh pages, and a first page is dear here (BENCHMARKS.md).
        let texts = studies.map(parts(of:))
        var buffer: [UInt8] = []
        buffer.reserveCapacity(texts.reduce(0) { total, parts in parts.reduce(total) { $0 + ($1.1?.utf8.count ?? 0) + 1 } })
        let pending = texts.map { FoldedText.append($0, to: &buffer) }
        let entries = zip(studies, pending).map { IndexedStudy($0, haystack: FoldedText($1, in: buffer)) }
        return (entries, buffer, pending.map { $0.range })
    }

    /// Every text of a study, folded for matching; parts a field query names are tagged.
    private static func parts(of study: Study) -> [(QueryField?, String?)] {
        let citation = study.citation
        var parts: [(QueryField?, String?)] = [
            (.id, study.id), (nil, study.indication.rawValue), (nil, study.indication.name), (.condition, study.condition),
            (.author, citation.reference), (.author, citation.firstAuthor), (nil, citation.year.map(String.init)),
            (.title, citation.title), (.journal, citation.journal),
            (nil, study.design.kind.name), (nil, study.design.label), (nil, study.design.description),
            (.setting, study.setting), (.population, study.population), (.comparator, study.comparator?.label),
            (.result, study.outcome.measure), (.result, study.outcome.result), (nil, study.outcome.direction.name),
            (nil, study.adverseEffects), (nil, study.notes),
        ]
        for dose in study.doses + (study.comparator?.doses ?? []) {
            parts += [dose.arm, dose.route?.name, dose.route?.shortName, dose.regimen, dose.reported,
                      DoseText.amount(dose, glyphs: .unicode)].map { (nil, $0) }
        }
        for figure in study.outcome.figures { parts += [(.result, figure.label), (.result, figure.value)] }
        if let record = study.record {
            parts += record.abstract.map { (.abstract, $0.text) }
            parts += (record.identifiers.map(\.value) + record.publicationTypes + record.headings + [record.source.description, record.status])
                .map { (nil, $0) }
        }
        if let primary = study.primary {
            parts += ([primary.summary, primary.citation, primary.note] + primary.identifiers.map(\.value)).map { (nil, $0) }
            for figure in primary.figures { parts += [(nil, figure.label), (nil, figure.value)] }
        }
        return parts
    }
}
