/// A compiled query that tells whether a study matches.
public struct StudyQuery: Sendable {
    /// The query text as typed.
    public let text: String
    public let expression: QueryExpression

    /// The empty query, which matches every study.
    public init() {
        text = ""
        expression = .all
    }

    /// Parses `text`; throws a `QueryError` that says what is wrong and at which column.
    public init(_ text: String) throws(QueryError) {
        self.text = text
        expression = try QueryParser.parse(text)
    }

    /// Whether the study matches the query.
    public func matches(_ entry: IndexedStudy) -> Bool { Self.evaluate(expression, entry) }

    /// The studies that match, in their given order.
    public func filter(_ entries: [IndexedStudy]) -> [IndexedStudy] { entries.filter(matches) }

    /// The positions (into `entries`) that match, in the order given.
    ///
    /// Large lists are split across the cores: every keystroke in the browser runs this over
    /// the whole tab.
    /// With a search index for the same entries, plain words are matched straight in it.
    /// Positions are positions of `entries`: one outside them is never kept by a query that
    /// tests studies, and an empty query gives back every position as given.
    public func filter(_ entries: [IndexedStudy], positions: [Int], index: SearchIndex? = nil) -> [Int] {
        filter(count: entries.count, positions: positions, index: index) { entries }
    }

    /// The same over `count` studies, with their entries made only when this query needs them:
    /// plain words with a search index never do, so a catalog that decodes studies as they are
    /// drawn filters without decoding any.
    public func filter(count: Int, positions: [Int], index: SearchIndex?, entries: () -> [IndexedStudy]) -> [Int] {
        if case .all = expression { return positions }
        // Plain words, the common case while typing, skip the expression walk per study.
        let needles: [[UInt8]]? = Self.plainWords(expression)?.map { Array($0.utf8) }
        if let needles, let index, index.count == count { return index.filter(positions, needles: needles) }
        let entries = entries()
        if let needles { return StorageOrder.filter(positions, count: entries.count) { entries[$0].haystack.containsAll(needles) } }
        return StorageOrder.filter(positions, count: entries.count) { matches(entries[$0]) }
    }

    /// Whether every study this query matches is sure to match `other` too, so filtering
    /// `other`'s result gives the same answer as filtering everything. True when both are
    /// plain words (all of them required) and each of `other`'s words lies inside one of
    /// these: typing more of a word, or another word, only narrows.
    public func narrows(_ other: StudyQuery) -> Bool {
        guard let mine = Self.plainWords(expression), let theirs = Self.plainWords(other.expression) else { return false }
        let myBytes = mine.map { Array($0.utf8) }
        return theirs.allSatisfy { word in
            let needle = Array(word.utf8)
            return myBytes.contains { Self.bytes($0, contain: needle) }
        }
    }

    /// Containment on UTF-8 bytes, as the matcher compares folded text (Foundation's
    /// `String.contains` differs on NUL and can trap on it).
    private static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// The words of a query made only of words joined by AND; nil for anything else.
    private static func plainWords(_ expression: QueryExpression) -> [String]? {
        switch expression {
        case .all: return []
        case .text(let needle): return [needle]
        case .and(let terms):
            var words: [String] = []
            for term in terms {
                guard let inner = plainWords(term) else { return nil }
                words += inner
            }
            return words
        default: return nil
        }
    }

    private static func evaluate(_ expression: QueryExpression, _ entry: IndexedStudy) -> Bool {
        switch expression {
        case .all: return true
        case .text(let needle): return entry.haystack.contains(needle)
        case .not(let inner): return !evaluate(inner, entry)
        case .and(let terms): return terms.allSatisfy { evaluate($0, entry) }
        case .or(let options): return options.contains { evaluate($0, entry) }
        case .field(let term): return matches(term, entry)
        }
    }

    private static func matches(_ term: FieldTerm, _ entry: IndexedStudy) -> Bool {
        let study = entry.study
        switch term {
        case .indication(let indication):
            return study.indication == indication
        case .design(let word):
            return entry.designWords.contains { $0.hasPrefix(word) }
        case .route(let route):
            return study.routes.contains(route)
        case .direction(let direction):
            return study.outcome.direction == direction
        case .number(let field, let comparison, let value):
            let actual: Int?
            switch field {
            case .n: actual = study.sampleSize.effectiveTotal
            case .year: actual = study.citation.year
            default: actual = study.evidence.level
            }
            guard let actual else { return false }
            return comparison.holds(Double(actual), value)
        case .dose(let comparison, let quantity):
            return study.doses.contains { $0.satisfies(comparison, quantity) }
        case .doseDimension(let dimension):
            return study.doses.contains { $0.dimension == dimension }
        case .text(let field, let needle, let exact):
            return entry.haystack.field(field, matches: needle, exact: exact)
        case .primary(let check):
            switch check {
            case .differs: return study.primaryDiffers
            case .found: return study.primary?.status == .found
            case .notFound: return study.primary?.status == .notFound
            case .none: return study.primary == nil
            }
        case .from(let source):
            switch source {
            case .anyPrimary: return !study.fromPrimary.isEmpty
            case .seedOnly: return study.fromPrimary.isEmpty
            case .field(let field): return study.fromPrimary.contains(field)
            }
        case .mark(let mark):
            return StrengthMarks.of(study).contains(mark)
        case .source(let document, let reference):
            return entry.sources.contains { source in
                (document.isEmpty || SearchText.fold(source.document) == document)
                    && (reference.map { source.references.contains($0) } ?? true)
            }
        }
    }
}
