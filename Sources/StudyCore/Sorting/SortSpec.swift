/// One or more sort keys, each ascending or descending.
///
/// Written `dose`, `year:desc`, `-year` (descending) or `dose,outcome:desc`.
public struct SortSpec: Sendable, Equatable, CustomStringConvertible {
    /// One key and its direction.
    public struct Term: Sendable, Equatable {
        public var key: SortKey
        public var descending: Bool

        /// Creates a term.
        public init(_ key: SortKey, descending: Bool = false) {
            self.key = key
            self.descending = descending
        }
    }

    public var terms: [Term]

    /// Creates a spec from terms.
    public init(_ terms: [Term]) { self.terms = terms }

    /// The order used when none is asked for: indication, then study.
    public static let standard = SortSpec([Term(.indication), Term(.study)])

    /// Parses the written form; the error names the bad part and lists the keys.
    public init(parsing text: String) throws(SortSpecError) {
        var terms: [Term] = []
        for rawPart in text.split(separator: ",", omittingEmptySubsequences: false) {
            var part = String(rawPart).trimmingWhitespace()
            guard !part.isEmpty else { throw SortSpecError(message: "an empty sort key in '\(text)'") }
            var descending = false
            if part.hasPrefix("-") { descending = true; part = part.dropFirst() }
            if part.hasPrefix("+") { part = part.dropFirst() }
            let pieces = part.split(separator: ":", maxSplits: 1)
            if pieces.count == 2 {
                switch pieces[1].lowercased() {
                case "asc", "ascending": break
                case "desc", "descending": descending.toggle()
                default: throw SortSpecError(message: "'\(pieces[1])' is not a direction; write \(pieces[0]):asc or \(pieces[0]):desc")
                }
            }
            guard let name = pieces.first, let key = SortKey.named(String(name)) else {
                throw SortSpecError(message: "unknown sort key '\(part)'; keys are: \(SortKey.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            terms.append(Term(key, descending: descending))
        }
        self.terms = terms
    }

    public var description: String {
        terms.map { $0.key.rawValue + ($0.descending ? ":desc" : "") }.joined(separator: ",")
    }
}

/// Why a sort specification cannot be read.
public struct SortSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
