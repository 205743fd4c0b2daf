/// A field that a query term such as `route:iv` or `n>=20` can name.
public enum QueryField: String, CaseIterable, Sendable {
    case indication
    case condition
    case design
    case route
    case direction
    case level
    case n
    case year
    case dose
    case author
    case title
    case journal
    case setting
    case population
    case comparator
    case result
    case id
    case source
    case primary
    case from
    case mark

    /// Names a user may type for the field.
    public var names: [String] {
        switch self {
        case .indication: ["ind", "indication"]
        case .condition: ["cond", "condition"]
        case .design: ["design"]
        case .route: ["route"]
        case .direction: ["dir", "direction", "effect"]
        case .level: ["level", "loe"]
        case .n: ["n"]
        case .year: ["year"]
        case .dose: ["dose"]
        case .author: ["author"]
        case .title: ["title"]
        case .journal: ["journal"]
        case .setting: ["setting"]
        case .population: ["pop", "population"]
        case .comparator: ["comp", "comparator"]
        case .result: ["result", "outcome"]
        case .id: ["id"]
        case .source: ["src", "source", "ref"]
        case .primary: ["primary", "check"]
        case .from: ["from"]
        case .mark: ["mark", "caveat"]
        }
    }

    /// Whether the field compares numbers (`<`, `<=`, `>`, `>=`, `=`, `:`).
    public var isNumeric: Bool { self == .n || self == .year || self == .level || self == .dose }

    /// The field a typed name refers to.
    public static func named(_ name: String) -> QueryField? {
        let lowered = name.lowercased()
        return allCases.first { $0.names.contains(lowered) }
    }

    /// A one-line list for error messages and help.
    public static var summary: String { allCases.map { $0.names[0] }.joined(separator: " ") }
}
