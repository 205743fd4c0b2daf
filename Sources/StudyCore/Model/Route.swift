/// How ketamine (or a comparator) was given.
public enum Route: String, CaseIterable, Sendable {
    case iv
    case im
    case intranasal
    case oral
    case subcutaneous
    case sublingual

    /// Label for tables.
    public var shortName: String {
        switch self {
        case .iv: "IV"
        case .im: "IM"
        case .intranasal: "IN"
        case .oral: "oral"
        case .subcutaneous: "SC"
        case .sublingual: "SL"
        }
    }

    /// Full name.
    public var name: String {
        switch self {
        case .iv: "intravenous"
        case .im: "intramuscular"
        case .intranasal: "intranasal"
        case .oral: "oral"
        case .subcutaneous: "subcutaneous"
        case .sublingual: "sublingual"
        }
    }

    /// The route a user's word names (code, short name or a prefix of the full name).
    public static func matching(_ word: String) -> Route? {
        let found = candidates(word)
        return found.count == 1 ? found[0] : nil
    }

    /// Every route the word could name: one exact match, or all whose full name starts with it.
    public static func candidates(_ word: String) -> [Route] {
        let folded = SearchText.fold(word)
        guard !folded.isEmpty else { return [] }
        if let exact = allCases.first(where: { $0.rawValue == folded || $0.shortName.lowercased() == folded }) {
            return [exact]
        }
        return allCases.filter { $0.name.hasPrefix(folded) }
    }
}
