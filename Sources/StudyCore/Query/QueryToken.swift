/// A lexical token of the query language, with its 1-based start column.
enum QueryToken: Equatable {
    /// A bare word, which may have quoted parts (`cond:"status epilepticus"`).
    case word(String, column: Int)
    /// A whole token written in double quotes.
    case phrase(String, column: Int)
    case not(column: Int)
    case or(column: Int)
    case open(column: Int)
    case close(column: Int)

    var column: Int {
        switch self {
        case .word(_, let column), .phrase(_, let column): column
        case .not(let column), .or(let column), .open(let column), .close(let column): column
        }
    }
}

/// Splits a query into tokens: words, "phrases", `!`, `|`, `(` and `)`.
enum QueryLexer {
    static func tokens(_ query: String) throws(QueryError) -> [QueryToken] {
        let characters = Array(query)
        var tokens: [QueryToken] = []
        var index = 0
        var atTokenStart = true
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace { index += 1; atTokenStart = true; continue }
            switch character {
            case "|": tokens.append(.or(column: column)); index += 1; atTokenStart = true; continue
            case "(": tokens.append(.open(column: column)); index += 1; atTokenStart = true; continue
            case ")": tokens.append(.close(column: column)); index += 1; atTokenStart = true; continue
            case "!" where atTokenStart: tokens.append(.not(column: column)); index += 1; continue
            default: break
            }
            if character == "\"" {
                let (text, next) = try quoted(characters, from: index)
                index = next
                if index < characters.count, !isBoundary(characters[index]) {
                    let (word, next) = try bare(characters, from: index, prefix: text)
                    index = next
                    tokens.append(.word(word, column: column))
                } else {
                    guard !text.isEmpty else { throw QueryError("empty quoted phrase", column: column) }
                    tokens.append(.phrase(text, column: column))
                }
            } else {
                var (word, next) = try bare(characters, from: index, prefix: "")
                // `dose<0.5 mg/kg`: a unit typed after a space belongs to the dose before it.
                if endsWithDoseNumber(word) {
                    var after = next
                    while after < characters.count, characters[after] == " " { after += 1 }
                    if after > next, after < characters.count, characters[after] != "\"", !isBoundary(characters[after]) {
                        let (unit, end) = try bare(characters, from: after, prefix: "")
                        if DoseQuantity(parsing: "1" + unit) != nil {
                            word += unit
                            next = end
                        }
                    }
                }
                index = next
                tokens.append(.word(word, column: column))
            }
            atTokenStart = false
        }
        return tokens
    }

    /// `dose<0.5`, `dose:2`: a dose term whose value is a bare number, waiting for its unit.
    private static func endsWithDoseNumber(_ word: String) -> Bool {
        let lowered = word.lowercased()
        guard lowered.hasPrefix("dose"), let last = lowered.last, last.isNumber || last == "." else { return false }
        let value = lowered.dropFirst(4).drop { "<>=:".contains($0) }
        return value.count < lowered.count - 4 && !value.isEmpty && value.allSatisfy { $0.isNumber || $0 == "." }
    }

    private static func isBoundary(_ character: Character) -> Bool {
        character.isWhitespace || character == "|" || character == "(" || character == ")"
    }

    /// Reads a bare word, taking in any quoted parts (`cond:"status epilepticus"`).
    private static func bare(_ characters: [Character], from start: Int, prefix: String) throws(QueryError) -> (String, Int) {
        var word = prefix
        var index = start
        while index < characters.count, !isBoundary(characters[index]) {
            if characters[index] == "\"" {
                let (text, next) = try quoted(characters, from: index)
                word += text
                index = next
            } else {
                word.append(characters[index])
                index += 1
            }
        }
        return (word, index)
    }

    /// Reads `"…"` starting at the opening quote; returns the text and the index after the closing quote.
    private static func quoted(_ characters: [Character], from start: Int) throws(QueryError) -> (String, Int) {
        var index = start + 1
        var text = ""
        while index < characters.count, characters[index] != "\"" {
            text.append(characters[index])
            index += 1
        }
        guard index < characters.count else {
            throw QueryError("the quoted phrase starting here is not closed", column: start + 1)
        }
        return (text, index + 1)
    }
}
