/// A parsed query: the tree that `StudyMatcher` evaluates.
public indirect enum QueryExpression: Sendable, Equatable {
    /// Matches every study (the empty query).
    case all
    /// Folded substring over every text field (a word or a quoted phrase).
    case text(String)
    /// A field compared with a value.
    case field(FieldTerm)
    case not(QueryExpression)
    case and([QueryExpression])
    case or([QueryExpression])
}

/// `field op value`, already checked and converted.
public enum FieldTerm: Sendable, Equatable {
    case indication(Indication)
    case design(String)
    case route(Route)
    case direction(EffectDirection)
    case number(QueryField, Comparison, Double)
    case dose(Comparison, DoseQuantity)
    case doseDimension(DoseDimension)
    /// Folded substring (`:`) or folded equality (`=`) on a text field.
    case text(QueryField, String, exact: Bool)
    /// A source document id and, optionally, a reference number (`src:seed-002#16`).
    case source(String, Int?)
    /// The primary cross-check: `primary:differs`, `found`, `not-found` or `none`.
    case primary(PrimaryCheck)
    /// Where shown values came from: `from:primary`, `from:seed`, or one field (`from:n`).
    case from(ValueSource)
    /// A caution on the shown outcome: `mark:shared`, `lab`, `within`, `disputed`.
    case mark(StrengthMark)
}

/// What `from:` selects.
public enum ValueSource: Sendable, Equatable {
    /// Any shown value is from the study's own record.
    case anyPrimary
    /// Every shown value is the seed's.
    case seedOnly
    /// This field is shown from the own record.
    case field(PrimaryFields)

    /// The value a user types, folded; nil when unknown.
    public init?(word: String) {
        switch word {
        case "primary", "own", "record", "abstract": self = .anyPrimary
        case "seed": self = .seedOnly
        default:
            guard let field = PrimaryFields.named.first(where: { $0.name == word })?.field else { return nil }
            self = .field(field)
        }
    }
}

/// What `primary:` selects.
public enum PrimaryCheck: String, CaseIterable, Sendable {
    /// The study's own abstract disagrees with the seed.
    case differs
    /// A primary record was found.
    case found
    /// It was looked for and not found.
    case notFound = "not-found"
    /// It was not looked up.
    case none
}
