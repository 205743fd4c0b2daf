/// Recognises and checks field terms such as `route:iv`, `n>=20` and `dose<0.5mg/kg`.
enum FieldTermParser {
    /// The term a word spells, nil when the word is plain text, or an error when it names a
    /// field wrongly. `column` is where the word starts.
    static func parse(_ word: String, column: Int) throws(QueryError) -> FieldTerm? {
        let characters = Array(word)
        var nameEnd = 0
        while nameEnd < characters.count, characters[nameEnd].isASCII, characters[nameEnd].isLetter { nameEnd += 1 }
        guard nameEnd > 0, nameEnd < characters.count else { return nil }
        let operatorText: String
        switch characters[nameEnd] {
        case ":": operatorText = ":"
        case "=": operatorText = "="
        case "<", ">":
            let next = nameEnd + 1 < characters.count ? characters[nameEnd + 1] : " "
            operatorText = next == "=" ? "\(characters[nameEnd])=" : "\(characters[nameEnd])"
        default: return nil
        }
        let name = String(characters[..<nameEnd])
        let value = String(characters[(nameEnd + operatorText.count)...])
        let valueColumn = column + nameEnd + operatorText.count
        guard let field = QueryField.named(name) else {
            if let near = QueryField.nearest(to: name) {
                throw QueryError("unknown field '\(name)'; did you mean '\(near)'? (to search for the text itself, put it in quotes)", column: column)
            }
            throw QueryError("unknown field '\(name)'; fields are: \(QueryField.summary) (to search for the text itself, put it in quotes)", column: column)
        }
        guard !value.isEmpty else {
            throw QueryError("'\(name)\(operatorText)' needs a value, for example \(example(field))", column: valueColumn)
        }
        let comparison = operatorText == ":" ? Comparison.equal : Comparison(rawValue: operatorText) ?? .equal
        let ordered = operatorText != ":" && operatorText != "="
        if ordered && !field.isNumeric {
            throw QueryError("'\(name)' takes ':' (contains) or '=' (equals), not '\(operatorText)'", column: column + nameEnd)
        }
        switch field {
        case .n, .year, .level:
            guard let number = Double(value), number.isFinite else {
                throw QueryError("'\(name)\(operatorText)' needs a number, found '\(value)'", column: valueColumn)
            }
            return .number(field, comparison, number)
        case .dose:
            return try doseTerm(value, comparison: comparison, colon: operatorText == ":", column: valueColumn)
        case .indication:
            guard let indication = Indication.matching(value) else {
                throw QueryError("unknown indication '\(value)'; use one of: \(Indication.allCases.map(\.rawValue).joined(separator: ", "))", column: valueColumn)
            }
            return .indication(indication)
        case .route:
            let routes = Route.candidates(value)
            if routes.count > 1 {
                throw QueryError("'\(value)' could be \(routes.map(\.name).joined(separator: ", ")); type more of it", column: valueColumn)
            }
            guard let route = routes.first else {
                throw QueryError("unknown route '\(value)'; use one of: \(Route.allCases.map(\.rawValue).joined(separator: ", "))", column: valueColumn)
            }
            return .route(route)
        case .direction:
            let folded = SearchText.fold(value)
            guard let direction = EffectDirection.allCases.first(where: { $0.queryWords.contains(folded) }) else {
                throw QueryError("unknown direction '\(value)'; use benefit, mixed, no-benefit or nr", column: valueColumn)
            }
            return .direction(direction)
        case .design:
            let folded = SearchText.fold(value)
            guard DesignVocabulary.knows(folded) else {
                throw QueryError("unknown design '\(value)'; try rct, crossover, randomized, placebo, double-blind, meta-analysis, review, retrospective, series or observational", column: valueColumn)
            }
            return .design(folded)
        case .source:
            if name.lowercased() == "ref" {
                guard let number = Int(value), number > 0 else {
                    throw QueryError("'ref:' needs a reference number, found '\(value)'", column: valueColumn)
                }
                return .source("", number)
            }
            guard let reference = SourceRef(parsing: value), reference.references.count <= 1 else {
                throw QueryError("'\(name):' needs a source id, optionally with one reference number: src:seed-002#16", column: valueColumn)
            }
            return .source(SearchText.fold(reference.document), reference.references.first)
        case .primary:
            guard let check = PrimaryCheck(rawValue: SearchText.fold(value)) else {
                throw QueryError("unknown primary check '\(value)'; use differs, found, not-found or none", column: valueColumn)
            }
            return .primary(check)
        case .from:
            guard let source = ValueSource(word: SearchText.fold(value)) else {
                let fields = PrimaryFields.named.map(\.name).joined(separator: ", ")
                throw QueryError("unknown value source '\(value)'; use primary, seed, or a field: \(fields)", column: valueColumn)
            }
            return .from(source)
        case .mark:
            guard let mark = Self.mark(SearchText.fold(value)) else {
                throw QueryError("unknown mark '\(value)'; use shared, lab, within or disputed (S, L, W, D)", column: valueColumn)
            }
            return .mark(mark)
        case .condition, .author, .title, .abstract, .journal, .setting, .population, .comparator, .result, .id:
            return .text(field, SearchText.fold(value), exact: operatorText == "=")
        }
    }

    private static func doseTerm(_ value: String, comparison: Comparison, colon: Bool, column: Int) throws(QueryError) -> FieldTerm {
        if colon, let unit = DoseQuantity.parseUnit(value) {
            return .doseDimension(unit.dimension)
        }
        if let quantity = DoseQuantity(parsing: value) {
            return .dose(comparison, quantity)
        }
        let units = DoseDimension.allCases.map(\.unit).joined(separator: ", ")
        if Double(value) != nil {
            throw QueryError("a dose needs a unit, such as dose<0.5mg/kg (units: \(units))", column: column)
        }
        throw QueryError("cannot read the dose '\(value)'; write a number and a unit such as 0.5mg/kg (units: \(units); also g, mcg, /hr, /min, /day)", column: column)
    }

    private static func example(_ field: QueryField) -> String {
        switch field {
        case .indication: "ind:migraine"
        case .condition: "cond:aura"
        case .design: "design:rct"
        case .route: "route:iv"
        case .direction: "dir:benefit"
        case .level: "level<=2"
        case .n: "n>=20"
        case .year: "year>=2010"
        case .dose: "dose<0.5mg/kg"
        case .author: "author:etchison"
        case .title: "title:randomized"
        case .abstract: "abstract:placebo"
        case .journal: "journal:neurology"
        case .setting: "setting:emergency"
        case .population: "pop:pediatric"
        case .comparator: "comp:placebo"
        case .result: "result:seizure"
        case .id: "id:etchison-2018"
        case .source: "src:seed-002#16"
        case .primary: "primary:differs"
        case .from: "from:primary"
        case .mark: "mark:lab"
        }
    }

    /// The strength mark a typed word names: its letter, a word, or its data name.
    static func mark(_ word: String) -> StrengthMark? {
        switch word {
        case "s", "shared", "shared-citation", "citation": .sharedCitation
        case "l", "lab", "laboratory", "surrogate": .surrogate
        case "w", "within", "within-subject", "baseline": .withinSubject
        case "d", "disputed", "dispute": .disputed
        default: nil
        }
    }
}
