/// One study or review from the curated dataset. `nil` fields mean "not reported by the source".
public struct Study: Sendable, Equatable, Identifiable {
    /// Stable id such as `etchison-2018`.
    public var id: String
    public var indication: Indication
    /// Narrower condition ("migraine with prolonged aura").
    public var condition: String?
    public var citation: Citation
    public var design: StudyDesign
    public var setting: String?
    public var population: String?
    public var sampleSize: SampleSize
    /// Ketamine doses, one per arm, phase or route; empty when none is reported.
    public var doses: [Dose]
    public var comparator: Comparator?
    public var outcome: Outcome
    public var adverseEffects: String?
    public var notes: String?
    public var provenance: [Provenance]
    /// What the study's own record shows, when it was looked up; nil when not checked.
    public var primary: PrimaryRecord? {
        get { primaryStorage.first }
        set { primaryStorage = newValue.map { [$0] } ?? [] }
    }
    /// Held out of line: a structured record is several hundred bytes, and every study is copied
    /// into the index and the rows, so keeping it inline cost about 0.5 s of load at 100,000.
    private var primaryStorage: [PrimaryRecord] = []
    /// The record the study was imported from; nil for curated studies.
    public var record: ImportedRecord? {
        get { recordStorage.first }
        set { recordStorage = newValue.map { [$0] } ?? [] }
    }
    /// Out of line, like `primaryStorage`: an abstract is kilobytes, and studies are copied often.
    private var recordStorage: [ImportedRecord] = []
    /// Values filled from `primary` because the seed gives none; empty as the seed reads.
    public var fromPrimary: PrimaryFields = []
    /// True in the seed-only view: nothing from the own record is shown, not even beside a seed value.
    public var ownRecordHidden = false
    /// The data file the record was read from (for messages); empty for records built in code.
    public var origin: String

    /// Creates a study.
    public init(id: String, indication: Indication, condition: String? = nil, citation: Citation,
                design: StudyDesign, setting: String? = nil, population: String? = nil,
                sampleSize: SampleSize, doses: [Dose] = [], comparator: Comparator? = nil,
                outcome: Outcome, adverseEffects: String? = nil, notes: String? = nil,
                provenance: [Provenance], primary: PrimaryRecord? = nil, record: ImportedRecord? = nil, origin: String = "") {
        self.id = id
        self.indication = indication
        self.condition = condition
        self.citation = citation
        self.design = design
        self.setting = setting
        self.population = population
        self.sampleSize = sampleSize
        self.doses = doses
        self.comparator = comparator
        self.outcome = outcome
        self.adverseEffects = adverseEffects
        self.notes = notes
        self.provenance = provenance
        self.primaryStorage = primary.map { [$0] } ?? []
        self.recordStorage = record.map { [$0] } ?? []
        self.origin = origin
    }

    /// Level of evidence derived from the design.
    public var evidence: EvidenceLevel { design.evidence }

    /// The dose that places the study in the dose order: the first dose with an amount.
    public var sortDose: Dose? { doses.first { $0.hasAmount } }

    /// Distinct routes of the ketamine doses, in record order; the own record's when filled from it.
    public var routes: [Route] {
        var seen: [Route] = []
        var source = doses
        if fromPrimary.contains(.route) {
            // The seed gives no route, so the own record's is shown (marked).
            source = primary?.doses ?? []
        } else if fromPrimary.contains(.dose), let own = primary?.doses {
            // Amounts from the own record, routes only from the seed's entries: the seed's route wins.
            source = doses.filter { !own.contains($0) }
        }
        for route in source.compactMap(\.route) where !seen.contains(route) { seen.append(route) }
        return seen
    }

    /// "Etchison 2018", "Borsato n.d.", "[unnamed] 2019".
    public var shortLabel: String {
        // A registry record has no authors; its NCT number is what people know it by.
        let name = citation.firstAuthor ?? (record?.format == .ctgov ? record?.identifiers.first { $0.kind == .registry }?.value : nil)
        return "\(name ?? "[unnamed]") \(citation.year.map(String.init) ?? "n.d.")"
    }

    /// True when the study's primary record disagrees with the seed.
    public var primaryDiffers: Bool { primary?.differs == true }

    /// True when any figure or the record as a whole rests on a citation shared with other studies.
    public var hasSharedAttribution: Bool {
        provenance.contains { $0.attribution == .sharedCitation }
            || outcome.figures.contains { $0.attribution == .sharedCitation }
    }
}
