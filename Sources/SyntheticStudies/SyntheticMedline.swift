/// PubMed MEDLINE-format text for the import benchmark: records shaped like a PubMed export
/// (wrapped titles and structured abstracts on continuation lines, several authors, publication
/// types, MeSH headings, DOIs and some trial numbers). About one record in twenty never mentions
/// ketamine and one in fifty repeats an earlier PMID, so the scope and duplicate checks work too.
public enum SyntheticMedline {
    static let conditions = [
        ("Migraine Disorders", "migraine"), ("Status Epilepticus", "refractory status epilepticus"),
        ("Depressive Disorder, Treatment-Resistant", "treatment-resistant depression"),
        ("Alcoholism", "alcohol use disorder"), ("Chronic Pain", "chronic pain"), ("Postoperative Pain", "pain after surgery"),
    ]
    static let types = [["Randomized Controlled Trial"], ["Clinical Trial", "Multicenter Study"], ["Observational Study"],
                        ["Case Reports"], ["Review"], ["Meta-Analysis", "Systematic Review"]]

    /// `count` records, the same for the same seed.
    public static func text(count: Int, seed: UInt64) -> String {
        var random = SplitMix64(state: seed)
        var text = ""
        text.reserveCapacity(count * 2_400)
        for index in 0..<count {
            text += record(index, &random)
        }
        return text
    }

    static func record(_ index: Int, _ random: inout SplitMix64) -> String {
        let repeats = index > 50 && random.next() % 50 == 0
        let pmid = 40_000_000 + (repeats ? index / 2 : index)
        let (heading, condition) = conditions[Int(random.next() % UInt64(conditions.count))]
        let drug = random.next() % 20 == 0 ? "lidocaine" : (random.next() % 5 == 0 ? "esketamine" : "ketamine")
        let year = 1990 + Int(random.next() % 36)
        let design = types[Int(random.next() % UInt64(types.count))]
        var lines = ["", "PMID- \(pmid)", "OWN - NLM", "STAT- MEDLINE", "DP  - \(year) Mar"]
        lines += wrapped("TI  - ", "\(SyntheticStudies.sentence(&random, 6...12).capitalizedFirst) with \(drug) in \(condition): "
            + "\(SyntheticStudies.sentence(&random, 4...8)).")
        lines.append("LID - 10.9999/bench.\(pmid) [doi]")
        let abstract = "BACKGROUND: \(SyntheticStudies.sentence(&random, 20...40)) \(condition). METHODS: We gave \(drug) "
            + "\(SyntheticStudies.sentence(&random, 30...60)). RESULTS: \(SyntheticStudies.sentence(&random, 40...80)). "
            + "CONCLUSIONS: \(SyntheticStudies.sentence(&random, 15...30))."
        lines += wrapped("AB  - ", abstract)
        for author in 0..<(1 + Int(random.next() % 6)) {
            let family = SyntheticStudies.sentence(&random, 1...1).capitalizedFirst
            lines += ["FAU - \(family), Ann\(author)", "AU  - \(family) A"]
            lines += wrapped("AD  - ", "Department of \(SyntheticStudies.sentence(&random, 2...4)), Nowhere University, Nowhereland.")
        }
        lines.append("LA  - eng")
        if random.next() % 4 == 0 { lines.append("SI  - ClinicalTrials.gov/NCT\(String(10_000_000 + index))") }
        lines += (["Journal Article"] + design).map { "PT  - \($0)" }
        lines += ["TA  - J Bench Med", "JT  - Journal of benchmark medicine", "MH  - Humans", "MH  - \(heading)/drug therapy"]
        if drug != "lidocaine" { lines.append("MH  - Ketamine/administration & dosage") }
        lines += ["OT  - \(condition)", "EDAT- \(year)/03/01 06:00", "PST - ppublish", "SO  - J Bench Med. \(year);\(index % 90):1-9."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A field over lines of at most 88 characters, continued with six spaces, as PubMed writes them.
    static func wrapped(_ tag: String, _ value: String) -> [String] {
        var lines: [String] = []
        var line = tag
        for word in value.split(separator: " ") {
            if line.count + word.count + 1 > 88 && line.count > 6 {
                lines.append(line)
                line = "      "
            }
            line += (line.hasSuffix(" ") ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }
}
