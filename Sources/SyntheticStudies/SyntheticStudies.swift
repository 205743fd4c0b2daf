import StudyCore

/// Deterministic synthetic studies for benchmarks: the same seed gives the same studies, with
/// field distributions like the curated data (indications, designs, dose dimensions and ranges,
/// text lengths, non-ASCII names). Not evidence: every record names a "synthetic" source.
public enum SyntheticStudies {
    /// The source document every synthetic record cites.
    public static let source = SourceDocument(id: "synthetic", title: "Synthetic benchmark data (not evidence)",
                                              publisher: "study-browser benchmarks", kind: .education)

    /// `count` studies from `seed`.
    public static func make(count: Int, seed: UInt64) -> [Study] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { index in study(index, &random) }
    }

    /// A whole data file of `count` studies.
    public static func dataFile(count: Int, seed: UInt64) -> String {
        DataFileWriter.json(studies: make(count: count, seed: seed), sources: [source])
    }

    /// The same `count` studies as `make(count:seed:)`, as data files of at most `perFile`
    /// studies each (a loader limits one file's size); the first file also holds the source.
    /// `write` gets each file's number, from 0, and text.
    public static func dataFiles(count: Int, perFile: Int, seed: UInt64, write: (Int, String) throws -> Void) rethrows {
        var random = SplitMix64(state: seed)
        var start = 0
        var number = 0
        repeat {
            let end = min(count, start + max(1, perFile))
            let studies = (start..<end).map { index in study(index, &random) }
            try write(number, DataFileWriter.json(studies: studies, sources: number == 0 ? [source] : []))
            start = end
            number += 1
        } while start < count
    }

    static let authors = ["Afridi", "Ångström", "Müller", "Østergaard", "Ó Súilleabháin", "Nguyễn", "Kowalczyk", "Dubois",
                          "García-Márquez", "Šimková", "Smith", "Tanaka", "Okafor", "Lindqvist", "Papadopoulos", "Zhang"]
    static let words = ["ketamine", "randomized", "infusion", "refractory", "intranasal", "placebo", "controlled", "trial",
                        "chronic", "acute", "pain", "depression", "migraine", "seizure", "status", "epilepticus", "cocaine",
                        "alcohol", "outcomes", "emergency", "department", "patients", "single", "repeated", "dose", "safety"]
    static let conditions: [Indication: [String]] = [
        .migraine: ["chronic migraine", "migraine with aura", "refractory migraine", "cluster headache"],
        .epilepsy: ["refractory status epilepticus", "super-refractory status epilepticus", "paediatric seizures"],
        .sud: ["alcohol use disorder", "cocaine use disorder", "opioid use disorder"],
        .trd: ["treatment-resistant depression", "bipolar depression", "suicidal ideation"],
        .chronicPain: ["neuropathic pain", "complex regional pain syndrome", "fibromyalgia", "cancer pain"],
    ]

    static func study(_ index: Int, _ random: inout SplitMix64) -> Study {
        let indication = pick(random: &random, [(Indication.migraine, 25), (.epilepsy, 15), (.sud, 20), (.trd, 25), (.chronicPain, 15)])
        let kind = pick(random: &random, [(DesignKind.rctParallel, 25), (.rctCrossover, 8), (.controlledTrial, 5), (.cohort, 7),
                                          (.retrospectiveReview, 15), (.caseSeries, 15), (.caseReport, 5), (.observational, 5),
                                          (.systematicReview, 5), (.narrativeReview, 5), (.notReported, 5)])
        let author = authors[Int(random.next() % UInt64(authors.count))]
        let year = 1990 + Int(random.next() % 36)
        let source = SourceRef(document: source.id, references: [index + 1])
        let randomized = kind.isRandomizedTrial
        let design = StudyDesign(kind: kind, randomized: randomized ? true : (kind == .notReported ? nil : false),
                                 control: randomized ? .placebo : StudyDesign.Control.none, description: sentence(&random, 6...14), source: source)
        var total: Int? = random.next() % 10 == 0 ? nil : sampleSize(kind, &random)
        var arms: [SampleSize.Arm] = []
        if randomized, let size = total, size > 1 {
            arms = [.init(label: "ketamine", count: size / 2), .init(label: "placebo", count: size - size / 2)]
            if random.next() % 4 == 0 { total = nil }
        }
        let doses = (0..<Int(random.next() % 3)).map { _ in dose(&random, source: source) }
        let direction = pick(random: &random, [(EffectDirection.benefit, 45), (.mixed, 20), (.noBenefit, 15), (.notReported, 20)])
        let figures = (0..<Int(random.next() % 3)).map { _ in
            Outcome.Figure(label: sentence(&random, 2...5), value: "\(random.next() % 100)%", source: source)
        }
        let names = conditions[indication] ?? []
        return Study(
            id: "syn-\(index)", indication: indication, condition: names[Int(random.next() % UInt64(names.count))],
            citation: Citation(firstAuthor: author, year: year, title: sentence(&random, 8...20).capitalizedFirst,
                               journal: "Synthetic J", volume: "\(1 + random.next() % 90)", pages: "\(1 + random.next() % 900)"),
            design: design, setting: random.next() % 3 == 0 ? nil : "outpatient clinic",
            population: random.next() % 2 == 0 ? nil : "adults with \(names.first ?? "the condition")",
            sampleSize: SampleSize(total: total, arms: arms, source: source), doses: doses,
            comparator: randomized ? Comparator(label: "placebo") : nil,
            outcome: Outcome(measure: sentence(&random, 2...6), result: sentence(&random, 10...30), direction: direction,
                             figures: figures, source: source),
            adverseEffects: random.next() % 2 == 0 ? nil : sentence(&random, 4...12),
            provenance: [Provenance(source: source, attribution: .direct)]
        )
    }

    static func sampleSize(_ kind: DesignKind, _ random: inout SplitMix64) -> Int {
        switch kind {
        case .caseReport: 1
        case .caseSeries: 3 + Int(random.next() % 58)
        case .systematicReview: 100 + Int(random.next() % 2900)
        case .rctParallel, .rctCrossover, .controlledTrial: 20 + Int(random.next() % 381)
        default: 10 + Int(random.next() % 791)
        }
    }

    static func dose(_ random: inout SplitMix64, source: SourceRef) -> Dose {
        let dimension = pick(random: &random, [(DoseDimension.perKilogram, 40), (.perKilogramPerHour, 25), (.flat, 15),
                                               (.perKilogramPerDay, 10), (.perDay, 10)])
        let route = pick(random: &random, [(Route.iv, 60), (.intranasal, 15), (.oral, 10), (.im, 10), (.subcutaneous, 5)])
        if random.next() % 10 == 0 { return Dose(arm: "ketamine", route: route, source: source) }
        let scale: Double = switch dimension {
        case .flat: 100
        case .perKilogram: 1
        case .perKilogramPerHour: 0.6
        case .perKilogramPerDay: 8
        case .perDay: 2000
        }
        let low = (Double(random.next() % 1000) / 1000 * scale * 100).rounded() / 100 + 0.01
        let high = random.next() % 10 < 3 ? low + (Double(random.next() % 1000) / 1000 * scale * 100).rounded() / 100 : low
        return Dose(arm: "ketamine", route: route, low: low, high: high, dimension: dimension, basis: .notStated,
                    reported: "\(low)\(high == low ? "" : " to \(high)") \(dimension.unit)", source: source)
    }

    /// Every word text is drawn from: the clinical words above first, then 20,000 made-up words
    /// ("bacedi"), drawn with Zipf's law (the r-th word about 1/r as often as the first), as
    /// words in real abstracts are. A word near rank 200 is in a few percent of studies, one
    /// near rank 15,000 in a few hundredths of a percent: filters narrow as real ones do.
    static let vocabulary: [String] = {
        let syllables = ["ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti", "vo", "zu", "an", "er", "is", "ol", "um"]
        let made = (0..<20_000).map { index -> String in
            var value = index, word = ""
            for _ in 0..<(index < 8_000 ? 3 : 4) {
                word += syllables[value % syllables.count]
                value /= syllables.count
            }
            return word
        }
        return words + made
    }()

    /// A word in a few percent of studies, for the benchmark's common query.
    public static var commonWord: String { vocabulary[200] }
    /// A word in a few hundredths of a percent of studies, for the benchmark's rare query.
    public static var rareWord: String { vocabulary[15_000] }

    /// Running totals of 1/rank, to draw ranks by Zipf's law with a binary search.
    private static let zipfTotals: [Double] = {
        var total = 0.0
        return vocabulary.indices.map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }()

    static func word(_ random: inout SplitMix64) -> String {
        let target = Double(random.next() >> 11) / Double(1 << 53) * (zipfTotals.last ?? 1)
        var low = 0, high = zipfTotals.count - 1
        while low < high {
            let middle = (low + high) / 2
            if zipfTotals[middle] < target { low = middle + 1 } else { high = middle }
        }
        return vocabulary[low]
    }

    static func sentence(_ random: inout SplitMix64, _ length: ClosedRange<Int>) -> String {
        let count = length.lowerBound + Int(random.next() % UInt64(length.count))
        return (0..<count).map { _ in word(&random) }.joined(separator: " ")
    }

    static func pick<Value>(random: inout SplitMix64, _ weighted: [(Value, Int)]) -> Value {
        let total = weighted.reduce(0) { $0 + $1.1 }
        var roll = Int(random.next() % UInt64(total))
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted[0].0
    }
}

/// SplitMix64: small, fast, and the same on every platform.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
