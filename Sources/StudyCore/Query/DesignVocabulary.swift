/// The words `design:` understands, and which studies each one selects.
public enum DesignVocabulary {
    /// Words describing a design beyond its kind: randomization, blinding and control.
    static func keywords(of design: StudyDesign) -> [String] {
        var words = design.kind.keywords + [design.kind.rawValue]
        if design.randomized == true { words += ["randomized", "randomised"] }
        if let blinding = design.blinding { words += [blinding.rawValue, blinding.rawValue.replacing("-", with: "")] }
        if let control = design.control {
            words.append(control.rawValue)
            if control == .placebo || control == .active || control == .doseComparison { words.append("controlled") }
            if control == .none { words.append("uncontrolled") }
        }
        return words
    }

    private static let allKeywords: Set<String> = {
        var words = Set(DesignKind.allCases.flatMap { $0.keywords + [$0.rawValue] })
        words.formUnion(StudyDesign.Blinding.allCases.flatMap { [$0.rawValue, $0.rawValue.replacing("-", with: "")] })
        words.formUnion(StudyDesign.Control.allCases.map(\.rawValue))
        words.formUnion(["randomized", "randomised", "controlled", "uncontrolled"])
        return words
    }()

    /// Whether `word` is a prefix of some design keyword.
    static func knows(_ word: String) -> Bool { allKeywords.contains { $0.hasPrefix(word) } }

    /// Whether a design matches a folded `design:` value (a prefix of one of its keywords).
    static func matches(_ design: StudyDesign, _ word: String) -> Bool {
        keywords(of: design).contains { $0.hasPrefix(word) }
    }
}
