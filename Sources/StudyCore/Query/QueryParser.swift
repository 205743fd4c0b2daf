/// Parses the query language into a `QueryExpression`.
///
/// Grammar (juxtaposition is AND; `|` binds tighter than AND; `!` tightest):
///
///     query       := alternation*
///     alternation := unary ("|" unary)*
///     unary       := "!" unary | primary
///     primary     := word | "phrase" | field-term | "(" query ")"
///     field-term  := name (":" | "=" | "<" | "<=" | ">" | ">=") value
public enum QueryParser {
    /// How deeply parentheses may nest. The parser and the evaluator recurse once per level, so
    /// a pasted wall of `(` must be refused with a message, not overflow the stack.
    public static let maximumDepth = 64

    /// Parses a query; the empty or blank query is `.all`.
    public static func parse(_ query: String) throws(QueryError) -> QueryExpression {
        var parser = Parser(tokens: try QueryLexer.tokens(query), end: query.count + 1)
        let expression = try parser.sequence(closing: nil)
        return expression
    }

    private struct Parser {
        let tokens: [QueryToken]
        let end: Int
        var position = 0
        var depth = 0

        var current: QueryToken? { position < tokens.count ? tokens[position] : nil }

        mutating func sequence(closing open: Int?) throws(QueryError) -> QueryExpression {
            var terms: [QueryExpression] = []
            while let token = current {
                if case .close(let column) = token {
                    guard open != nil else { throw QueryError("')' without a matching '('", column: column) }
                    break
                }
                if case .or(let column) = token {
                    throw QueryError("'|' needs a term before it", column: column)
                }
                terms.append(try alternation())
            }
            if let open {
                guard case .close? = current else { throw QueryError("'(' is never closed", column: open) }
                guard !terms.isEmpty else { throw QueryError("empty parentheses", column: open) }
                position += 1
            }
            switch terms.count {
            case 0: return .all
            case 1: return terms[0]
            default: return .and(terms)
            }
        }

        mutating func alternation() throws(QueryError) -> QueryExpression {
            var options = [try unary()]
            while case .or(let column)? = current {
                position += 1
                switch current {
                case nil, .or?, .close?:
                    throw QueryError("'|' needs a term after it", column: column)
                default:
                    options.append(try unary())
                }
            }
            return options.count == 1 ? options[0] : .or(options)
        }

        /// `!` before a term; a run of them is read in a loop (`!!a` is `a`), so no number of
        /// them can exhaust the stack.
        mutating func unary() throws(QueryError) -> QueryExpression {
            var negations = 0
            while case .not(let column)? = current {
                position += 1
                switch current {
                case nil, .or?, .close?:
                    throw QueryError("'!' needs a term after it", column: column)
                default:
                    negations += 1
                }
            }
            let term = try primary()
            return negations % 2 == 1 ? .not(term) : term
        }

        mutating func primary() throws(QueryError) -> QueryExpression {
            guard let token = current else { throw QueryError("the query ends too early", column: end) }
            position += 1
            switch token {
            case .open(let column):
                guard depth < QueryParser.maximumDepth else {
                    throw QueryError("parentheses nest more than \(QueryParser.maximumDepth) levels deep", column: column)
                }
                depth += 1
                defer { depth -= 1 }
                return try sequence(closing: column)
            case .phrase(let text, _):
                return .text(SearchText.fold(text))
            case .word(let text, let column):
                if let term = try FieldTermParser.parse(text, column: column) {
                    return .field(term)
                }
                return .text(SearchText.fold(text))
            case .close(let column):
                throw QueryError("')' without a matching '('", column: column)
            case .or(let column):
                throw QueryError("'|' needs a term before it", column: column)
            case .not(let column):
                throw QueryError("'!' needs a term after it", column: column)
            }
        }
    }
}
