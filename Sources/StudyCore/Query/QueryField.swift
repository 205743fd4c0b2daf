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
    /// An imported record's abstract.
    case abstract
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
        case .abstract: ["abstract", "ab"]
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

    /// The field name a misspelling most likely meant: within two edits (one for short names), else nil.
    public static func nearest(to name: String) -> String? {
        let typed = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for field in allCases {
            for candidate in field.names {
                let distance = editDistance(typed, Array(candidate))
                let allowed = candidate.count <= 4 ? 1 : 2
                if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
            }
        }
        return best?.name
    }

    /// Levenshtein distance with transpositions counted once (`desing` → `design` is 1).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var rows = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[a.count][b.count]
    }

    /// A one-line list for error messages and help.
    public static var summary: String { allCases.map { $0.names[0] }.joined(separator: " ") }
}
