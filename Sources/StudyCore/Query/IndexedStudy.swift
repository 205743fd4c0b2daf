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

    /// Studies' folded texts in one buffer, for `SearchIndex`, and where each tagged part lies
    /// (for `SearchIndex.Spans`, which makes entries only when a field query needs them).
    public struct Folded: Sendable {
        public internal(set) var buffer: [UInt8] = []
        /// Each study's text in `buffer`.
        public internal(set) var ranges: [Range<Int>] = []
        /// Each study's number of spans, then every span's field, start and end, study after study.
        var spanCounts: [UInt32] = []
        var fields: [UInt8] = []
        var starts: [UInt32] = []
        var ends: [UInt32] = []

        /// No studies.
        public init() {}
    }

    /// Folds studies' texts into one buffer, without making their entries.
    public static func fold(_ studies: ArraySlice<Study>) -> Folded {
        // Every part first, so the buffer is allocated once at about its size: grown by doubling,
        // it touched up to twice its size in fresh pages, and a first page is dear here (BENCHMARKS.md).
        let texts = studies.map(parts(of:))
        var folded = Folded()
        folded.buffer.reserveCapacity(texts.reduce(0) { total, parts in parts.reduce(total) { $0 + ($1.1?.utf8.count ?? 0) + 1 } })
        folded.ranges.reserveCapacity(texts.count)
        folded.spanCounts.reserveCapacity(texts.count)
        for parts in texts {
            let pending = FoldedText.append(parts, to: &folded.buffer)
            folded.ranges.append(pending.range)
            folded.spanCounts.append(UInt32(pending.spans.count))
            for span in pending.spans {
                folded.fields.append(span.field)
                folded.starts.append(span.start)
                folded.ends.append(span.end)
            }
        }
        return folded
    }

    /// Indexes studies with their folded texts in one buffer, for `SearchIndex`, entries made now.
    public static func index(_ studies: ArraySlice<Study>) -> (entries: [IndexedStudy], buffer: [UInt8], ranges: [Range<Int>]) {
        let folded = fold(studies)
        var next = 0
        let entries = zip(studies, zip(folded.ranges, folded.spanCounts)).map { study, placed in
            let spans = (next..<(next + Int(placed.1))).map { FoldedText.Span(field: folded.fields[$0], start: folded.starts[$0], end: folded.ends[$0]) }
            next += Int(placed.1)
            return IndexedStudy(study, haystack: FoldedText(bytes: folded.buffer[placed.0], spans: spans))
        }
        return (entries, folded.buffer, folded.ranges)
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
