/// A column the study list can be sorted by.
public enum SortKey: String, CaseIterable, Sendable {
    case study
    case year
    case indication
    case design
    case n
    case route
    case dose
    case outcome
    case level
    case evidence
    case id

    /// What the order means, for help texts.
    public var explanation: String {
        switch self {
        case .study: "first author, then year"
        case .year: "publication year"
        case .indication: "indication in the order migraine, epilepsy, SUD, TRD, chronic pain"
        case .design: "design, strongest first: meta-analysis, RCT, RCT crossover, controlled trial, cohort, retrospective, case series, case report, observational, review"
        case .n: "sample size: the stated total, else the sum of the arms"
        case .route: "route of the first ketamine dose"
        case .dose: "dose dimension (mg, mg/kg, mg/kg/h, mg/kg/d, mg/d), then low bound, then high bound; never across dimensions"
        case .outcome: "effect direction (benefit, mixed, no benefit), then level of evidence, then larger sample first"
        case .level: "level of evidence, 1 (strongest) first"
        case .evidence: "strength of evidence: level (1 first), then more participants, then direction (benefit, mixed, no benefit); the Level column sorts this way"
        case .id: "record id"
        }
    }

    /// Accepts a key name or a few synonyms (`author`, `size`, `evidence`, `direction`).
    public static func named(_ name: String) -> SortKey? {
        let lowered = name.lowercased()
        if let key = SortKey(rawValue: lowered) { return key }
        switch lowered {
        case "author", "first-author": return .study
        case "size", "sample", "participants": return .n
        case "loe": return .level
        case "strength": return .evidence
        case "direction", "dir", "effect", "result": return .outcome
        case "ind": return .indication
        default: return nil
        }
    }
}
