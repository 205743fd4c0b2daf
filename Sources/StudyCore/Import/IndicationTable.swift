/// Which indication an imported record belongs to, from its conditions, MeSH headings and
/// keywords only (never its title or abstract): each indication has a list of phrases, and a
/// record is placed where exactly one indication's phrases appear. None, or more than one, is
/// `unassigned`, with the reason. The README prints this table.
public enum IndicationTable {
    /// Phrases per indication, matched as whole words in the folded text of each heading.
    public static let phrases: [(indication: Indication, phrases: [String])] = [
        (.migraine, ["migraine", "headache", "migraine disorders", "cluster headache"]),
        (.epilepsy, ["epilepsy", "status epilepticus", "seizures", "seizure"]),
        (.sud, ["substance related disorders", "substance use disorder", "substance use disorders", "alcoholism",
                "alcohol use disorder", "alcohol drinking", "alcohol dependence", "cocaine related disorders",
                "cocaine use disorder", "opioid related disorders", "opioid use disorder", "heroin dependence",
                "amphetamine related disorders", "tobacco use disorder", "addiction", "substance withdrawal syndrome"]),
        (.trd, ["depressive disorder treatment resistant", "treatment resistant depression", "depressive disorder major",
                "major depressive disorder", "depressive disorder", "depression", "bipolar depression"]),
        (.chronicPain, ["chronic pain", "neuralgia", "neuropathic pain", "fibromyalgia", "complex regional pain syndromes",
                        "complex regional pain syndrome", "cancer pain", "pain intractable", "low back pain", "phantom limb"]),
    ]

    /// The indication and, when unassigned, why.
    public static func indication(for headings: [String]) -> (indication: Indication, reason: String?) {
        let folded = headings.map { " " + words(SearchText.fold($0)) + " " }
        let hits = phrases.filter { entry in entry.phrases.contains { phrase in folded.contains { $0.contains(" " + phrase + " ") } } }
            .map(\.indication)
        switch hits.count {
        case 1: return (hits[0], nil)
        case 0: return (.unassigned, headings.isEmpty ? "the record gives no conditions or headings"
                                                      : "no condition or heading maps to an indication")
        default: return (.unassigned, "conditions and headings map to several indications (\(hits.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    /// Letters and digits in words, everything else one space ("Depressive Disorder, Treatment-Resistant/drug therapy").
    private static func words(_ text: String) -> String {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }
}
