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

    /// Each phrase's indication, keyed by the phrase; phrases are looked up as runs of words.
    private static let byPhrase: [String: Indication] = {
        var table: [String: Indication] = [:]
        for (indication, list) in phrases { for phrase in list { table[phrase] = indication } }
        return table
    }()
    private static let longestPhrase = phrases.flatMap(\.phrases).map { $0.split(separator: " ").count }.max() ?? 1

    /// The indication and, when unassigned, why.
    public static func indication(for headings: [String]) -> (indication: Indication, reason: String?) {
        // Every run of up to `longestPhrase` words of every heading, looked up: the same whole-word
        // matches as searching each heading for each phrase, in one pass.
        var found = Set<Indication>()
        for heading in headings {
            let words = FoldedWords.split(SearchText.fold(heading))
            for start in words.indices {
                for length in 1...min(longestPhrase, words.count - start) {
                    if let indication = byPhrase[words[start..<(start + length)].joined(separator: " ")] { found.insert(indication) }
                }
            }
        }
        let hits = phrases.map(\.indication).filter(found.contains)
        switch hits.count {
        case 1: return (hits[0], nil)
        case 0: return (.unassigned, headings.isEmpty ? "the record gives no conditions or headings"
                                                      : "no condition or heading maps to an indication")
        default: return (.unassigned, "conditions and headings map to several indications (\(hits.map(\.rawValue).joined(separator: ", ")))")
        }
    }
}
