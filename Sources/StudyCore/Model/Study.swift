/// One study or review from the curated dataset. `nil` fields mean "not reported by the source".
///
/// The fields live in one shared, copy-on-write box: studies are copied wherever an array of
/// them is walked (`map`, `for … in`), and a copy of the fields inline retained and released
/// every text in them: at 100,000 studies that was about a fifth of a first start's work.
public struct Study: Sendable, Equatable, Identifiable {
    /// Every stored value; compared field by field, as the struct was before the box.
    private struct Fields: Sendable, Equatable {
        var id: String
        var indication: Indication
        var condition: String?
        var citation: Citation
        var design: StudyDesign
        var setting: String?
        var population: String?
        var sampleSize: SampleSize
        var doses: [Dose]
        var comparator: Comparator?
        var outcome: Outcome
        var adverseEffects: String?
        var notes: String?
        var provenance: [Provenance]
        /// Held out of line (`primary`): a structured record is several hundred bytes.
        var primaryStorage: [PrimaryRecord]
        /// Out of line, like `primaryStorage` (`record`): an abstract is kilobytes.
        var recordStorage: [ImportedRecord]
        var fromPrimary: PrimaryFields
        var ownRecordHidden: Bool
        var origin: String
    }

    /// The box: shared by copies, replaced by a private one before any change.
    private final class Box: @unchecked Sendable {
        // Changed only through `Study.update`, when this study holds the only reference.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Changes the fields, first taking a private box if this one is shared.
    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    public static func == (lhs: Study, rhs: Study) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// Stable id such as `etchison-2018`.
    public var id: String {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    public var indication: Indication {
        get { box.fields.indication }
        set { update { $0.indication = newValue } }
    }
    /// Narrower condition ("migraine with prolonged aura").
    public var condition: String? {
        get { box.fields.condition }
        set { update { $0.condition = newValue } }
    }
    public var citation: Citation {
        get { box.fields.citation }
        set { update { $0.citation = newValue } }
    }
    public var design: StudyDesign {
        get { box.fields.design }
        set { update { $0.design = newValue } }
    }
    public var setting: String? {
        get { box.fields.setting }
        set { update { $0.setting = newValue } }
    }
    public var population: String? {
        get { box.fields.population }
        set { update { $0.population = newValue } }
    }
    public var sampleSize: SampleSize {
        get { box.fields.sampleSize }
        set { update { $0.sampleSize = newValue } }
    }
    /// Ketamine doses, one per arm, phase or route; empty when none is reported.
    public var doses: [Dose] {
        get { box.fields.doses }
        set { update { $0.doses = newValue } }
    }
    public var comparator: Comparator? {
        get { box.fields.comparator }
        set { update { $0.comparator = newValue } }
    }
    public var outcome: Outcome {
        get { box.fields.outcome }
        set { update { $0.outcome = newValue } }
    }
    public var adverseEffects: String? {
        get { box.fields.adverseEffects }
        set { update { $0.adverseEffects = newValue } }
    }
    public var notes: String? {
        get { box.fields.notes }
        set { update { $0.notes = newValue } }
    }
    public var provenance: [Provenance] {
        get { box.fields.provenance }
        set { update { $0.provenance = newValue } }
    }
    /// What the study's own record shows, when it was looked up; nil when not checked.
    public var primary: PrimaryRecord? {
        get { box.fields.primaryStorage.first }
        set { update { $0.primaryStorage = newValue.map { [$0] } ?? [] } }
    }
    /// The record the study was imported from; nil for curated studies.
    public var record: ImportedRecord? {
        get { box.fields.recordStorage.first }
        set { update { $0.recordStorage = newValue.map { [$0] } ?? [] } }
    }
    /// Values filled from `primary` because the seed gives none; empty as the seed reads.
    public var fromPrimary: PrimaryFields {
        get { box.fields.fromPrimary }
        set { update { $0.fromPrimary = newValue } }
    }
    /// True in the seed-only view: nothing from the own record is shown, not even beside a seed value.
    public var ownRecordHidden: Bool {
        get { box.fields.ownRecordHidden }
        set { update { $0.ownRecordHidden = newValue } }
    }
    /// The data file the record was read from (for messages); empty for records built in code.
    public var origin: String {
        get { box.fields.origin }
        set { update { $0.origin = newValue } }
    }

    /// Creates a study.
    public init(id: String, indication: Indication, condition: String? = nil, citation: Citation,
                design: StudyDesign, setting: String? = nil, population: String? = nil,
                sampleSize: SampleSize, doses: [Dose] = [], comparator: Comparator? = nil,
                outcome: Outcome, adverseEffects: String? = nil, notes: String? = nil,
                provenance: [Provenance], primary: PrimaryRecord? = nil, record: ImportedRecord? = nil, origin: String = "") {
        box = Box(Fields(id: id, indication: indication, condition: condition, citation: citation, design: design,
                         setting: setting, population: population, sampleSize: sampleSize, doses: doses,
                         comparator: comparator, outcome: outcome, adverseEffects: adverseEffects, notes: notes,
                         provenance: provenance, primaryStorage: primary.map { [$0] } ?? [],
                         recordStorage: record.map { [$0] } ?? [], fromPrimary: [], ownRecordHidden: false, origin: origin))
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

extension Study: CustomReflectable {
    /// The fields, as `dump` and test failures showed them before the box.
    public var customMirror: Mirror { Mirror(reflecting: box.fields) }
}
