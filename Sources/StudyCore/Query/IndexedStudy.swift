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
        /// Every study's folded text, one after another.
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

    /// Folds studies' texts into one buffer, without making their entries. Each study's parts
    /// are handed over one by one, never gathered in arrays (a million studies' arrays of parts
    /// cost seconds to make and free).
    public static func fold(_ studies: ArraySlice<Study>) -> Folded {
        var folded = Folded()
        // Room for every text at the rate of the first few, so the buffer is not grown by
        // doubling into fresh pages (a first page is dear here: BENCHMARKS.md).
        var sampled = 0
        for study in studies.prefix(64) { visitParts(of: study) { _, part in sampled += (part?.utf8.count ?? 0) + 1 } }
        // At most 256 MiB, in case the first studies (with abstracts, say) are much longer than the rest.
        folded.buffer.reserveCapacity(min(sampled / max(1, min(64, studies.count)) * studies.count * 9 / 8 + 64, 256 << 20))
        folded.ranges.reserveCapacity(studies.count)
        folded.spanCounts.reserveCapacity(studies.count)
        for study in studies {
            let start = folded.buffer.count
            var first = true, spanCount: UInt32 = 0
            visitParts(of: study) { field, part in
                guard let part, let span = FoldedText.appendPart(field, part, to: &folded.buffer, textStart: start, first: &first) else { return }
                folded.fields.append(span.field)
                folded.starts.append(span.start)
                folded.ends.append(span.end)
                spanCount += 1
            }
            folded.ranges.append(start..<folded.buffer.count)
            folded.spanCounts.append(spanCount)
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
        var parts: [(QueryField?, String?)] = []
        visitParts(of: study) { parts.append(($0, $1)) }
        return parts
    }

    /// Hands `part` every text of a study in order (nil where a field is not reported), tagged
    /// with the field a query can name it by.
    private static func visitParts(of study: Study, _ part: (QueryField?, String?) -> Void) {
        part(.id, study.id)
        part(nil, study.indication.rawValue)
        part(nil, study.indication.name)
        part(.condition, study.condition)
        let citation = study.citation
        part(.author, citation.reference)
        part(.author, citation.firstAuthor)
        part(nil, citation.year.map(String.init))
        part(.title, citation.title)
        part(.journal, citation.journal)
        let design = study.design
        part(nil, design.kind.name)
        part(nil, design.label)
        part(nil, design.description)
        part(.setting, study.setting)
        part(.population, study.population)
        let comparator = study.comparator
        part(.comparator, comparator?.label)
        let outcome = study.outcome
        part(.result, outcome.measure)
        part(.result, outcome.result)
        part(nil, outcome.direction.name)
        part(nil, study.adverseEffects)
        part(nil, study.notes)
        for doses in [study.doses, comparator?.doses ?? []] {
            for dose in doses {
                part(nil, dose.arm)
                part(nil, dose.route?.name)
                part(nil, dose.route?.shortName)
                part(nil, dose.regimen)
                part(nil, dose.reported)
                part(nil, DoseText.amount(dose, glyphs: .unicode))
            }
        }
        for figure in outcome.figures {
            part(.result, figure.label)
            part(.result, figure.value)
        }
        if let record = study.record {
            for section in record.abstract { part(.abstract, section.text) }
            for text in record.identifiers.map(\.value) + record.publicationTypes + record.headings + [record.source.description, record.status] {
                part(nil, text)
            }
        }
        if let primary = study.primary {
            for text in [primary.summary, primary.citation, primary.note] + primary.identifiers.map(\.value) { part(nil, text) }
            for figure in primary.figures {
                part(nil, figure.label)
                part(nil, figure.value)
            }
        }
    }
}
