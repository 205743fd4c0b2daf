/// Participants of an indication's studies counted by source, never twice, with disputes apart.
public struct ParticipantCount: Sendable, Equatable {
    /// A seed count that the study's own record does not give.
    public struct Dispute: Sendable, Equatable {
        public let study: Study
        public let seed: Int
        /// The seed's count as the table shows it ("18+30").
        public let seedText: String
        /// The own record's counts ("30 randomized, 18 analysed").
        public let primary: String
    }

    /// Participants a study shares with another, and how many were taken off the total for it.
    public struct Overlap: Sendable, Equatable {
        public let study: Study
        public let overlap: SampleOverlap
        /// The other study's short label, when the dataset holds it.
        public let otherLabel: String?
        /// Participants taken off the total (0 when the other study gives no count here).
        public let subtracted: Int
    }

    /// Participants from the seed's counts, and how many studies they come from.
    public let seed: Int
    public let seedStudies: Int
    /// Participants from own-record counts (seed silent), and how many studies.
    public let primary: Int
    public let primaryStudies: Int
    /// Participants counted twice across studies, taken off once.
    public let shared: Int
    public let disputes: [Dispute]
    public let overlaps: [Overlap]
    /// Studies that give no count at all.
    public let uncounted: Int

    /// The headline: undisputed counts, shared participants counted once.
    public var total: Int { seed + primary - shared }
    /// Studies in the headline.
    public var counted: Int { seedStudies + primaryStudies }

    /// Counts `studies` as shown (best-sourced or seed-only).
    public init(_ studies: [Study]) {
        var seed = 0, seedStudies = 0, primary = 0, primaryStudies = 0, uncounted = 0
        var disputes: [Dispute] = []
        var counts: [String: Int] = [:]
        for study in studies {
            guard let count = study.sampleSize.effectiveTotal else {
                uncounted += 1
                continue
            }
            if let own = study.disputedCount {
                let stated = [(own.enrolled, "enrolled"), (own.randomized, "randomized"), (own.analysed, "analysed")]
                    .compactMap { value, word in value.map { "\($0) \(word)" } }.joined(separator: ", ")
                disputes.append(Dispute(study: study, seed: count, seedText: study.sampleSize.compact ?? "\(count)", primary: stated))
                continue
            }
            counts[study.id] = count
            if study.fromPrimary.contains(.n) {
                primary += count
                primaryStudies += 1
            } else {
                seed += count
                seedStudies += 1
            }
        }
        var shared = 0
        var overlaps: [Overlap] = []
        var pairs: Set<[String]> = []
        let labels = Dictionary(studies.map { ($0.id, $0.shortLabel) }, uniquingKeysWith: { first, _ in first })
        for study in studies where !study.ownRecordHidden {
            for overlap in study.primary?.overlaps ?? [] {
                var subtracted = 0
                if let other = overlap.study, let mine = counts[study.id], let theirs = counts[other],
                   pairs.insert([study.id, other].sorted()).inserted {
                    subtracted = min(overlap.participants, mine, theirs)
                    shared += subtracted
                }
                overlaps.append(Overlap(study: study, overlap: overlap, otherLabel: overlap.study.flatMap { labels[$0] }, subtracted: subtracted))
            }
        }
        self.seed = seed
        self.seedStudies = seedStudies
        self.primary = primary
        self.primaryStudies = primaryStudies
        self.shared = shared
        self.disputes = disputes
        self.overlaps = overlaps
        self.uncounted = uncounted
    }
}
