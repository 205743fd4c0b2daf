/// The five indications the dataset covers, and `unassigned` for imported records whose
/// conditions and headings map to none of them.
public enum Indication: String, CaseIterable, Sendable, Comparable {
    case migraine
    case epilepsy
    case sud
    case trd
    case chronicPain = "chronic-pain"
    /// Imported records the mapping table could not place; never used by curated records.
    case unassigned

    /// The five curated indications, without `unassigned`.
    public static let curated: [Indication] = [.migraine, .epilepsy, .sud, .trd, .chronicPain]

    /// The curated indications, and `unassigned` when any of `studies` has it: what lists of
    /// every indication (overview, summaries, findings) go through.
    public static func present(in studies: [Study]) -> [Indication] {
        curated + (studies.contains { $0.indication == .unassigned } ? [.unassigned] : [])
    }

    /// Human name, as shown in tables and panes.
    public var name: String {
        switch self {
        case .migraine: "Migraine"
        case .epilepsy: "Epilepsy / status epilepticus"
        case .sud: "Substance use disorder"
        case .trd: "Treatment-resistant depression"
        case .chronicPain: "Chronic pain"
        case .unassigned: "Unassigned (imported)"
        }
    }

    /// A short label for narrow columns.
    public var shortName: String {
        switch self {
        case .migraine: "Migr"
        case .epilepsy: "Epil"
        case .sud: "SUD"
        case .trd: "TRD"
        case .chronicPain: "Pain"
        case .unassigned: "None"
        }
    }

    /// Words a user may type for this indication (codes, names and common abbreviations).
    public var searchTerms: [String] {
        switch self {
        case .migraine: ["migraine", "headache"]
        case .epilepsy: ["epilepsy", "seizure", "status epilepticus", "se"]
        case .sud: ["sud", "substance use disorder", "substance", "addiction"]
        case .trd: ["trd", "treatment-resistant depression", "depression"]
        case .chronicPain: ["chronic-pain", "chronic pain", "pain"]
        case .unassigned: ["unassigned"]
        }
    }

    /// The indication a user's word names: a code, or a prefix of one of its search terms.
    public static func matching(_ word: String) -> Indication? {
        let folded = SearchText.fold(word)
        guard !folded.isEmpty else { return nil }
        if let exact = Indication(rawValue: folded) { return exact }
        let hits = allCases.filter { indication in
            indication.searchTerms.contains { $0 == folded } || indication.name.lowercased() == folded
        }
        if hits.count == 1 { return hits[0] }
        let prefixHits = allCases.filter { $0.searchTerms.contains { $0.hasPrefix(folded) } }
        return prefixHits.count == 1 ? prefixHits[0] : nil
    }

    public static func < (lhs: Indication, rhs: Indication) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
