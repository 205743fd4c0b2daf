/// Studies as JSON objects: every stored field (null = not reported) plus derived evidence.
public enum StudyJSON {
    /// A JSON array of the studies.
    public static func array(_ studies: [Study]) -> String {
        JSONWriter.string(.array(studies.map { value($0) })) + "\n"
    }

    /// One study as a JSON object in the data-file layout; `derived` adds the indication's name,
    /// the evidence level and each dose's dimension (exports), which data files leave out.
    public static func value(_ study: Study, derived: Bool = true) -> JSONValue {
        let citation = study.citation
        let design = study.design
        let evidence = study.evidence
        let dose = { (dose: Dose) in Self.dose(dose, derived: derived) }
        var members: [(String, JSONValue)] = [
            ("id", .string(study.id)),
            ("indication", .string(study.indication.rawValue)),
            ("indicationName", .string(study.indication.name)),
            ("condition", text(study.condition)),
            ("citation", object([
                ("reference", text(citation.reference)), ("firstAuthor", text(citation.firstAuthor)),
                ("year", integer(citation.year)), ("title", text(citation.title)), ("journal", text(citation.journal)),
                ("volume", text(citation.volume)), ("issue", text(citation.issue)), ("pages", text(citation.pages)),
                ("note", text(citation.note)), ("source", text(citation.source?.description)),
            ])),
            ("design", object([
                ("kind", .string(design.kind.rawValue)), ("randomized", design.randomized.map(JSONValue.bool) ?? .null),
                ("blinding", text(design.blinding?.rawValue)), ("control", text(design.control?.rawValue)),
                ("description", .string(design.description)), ("gradedDownFor", text(design.gradedDownFor)),
                ("source", .string(design.source.description)),
            ])),
            ("evidence", object([
                ("scheme", .string(EvidenceLevel.scheme)), ("level", integer(evidence.level)),
                ("baseLevel", integer(evidence.baseLevel)), ("gradedDownFor", text(evidence.gradedDownFor)),
                ("label", .string(evidence.longLabel)),
            ])),
            ("setting", text(study.setting)),
            ("population", text(study.population)),
            ("sampleSize", object([
                ("total", integer(study.sampleSize.total)),
                ("arms", .array(study.sampleSize.arms.map { object([("label", .string($0.label)), ("n", integer($0.count))]) })),
                ("source", .string(study.sampleSize.source.description)), ("note", text(study.sampleSize.note)),
            ])),
            ("doses", .array(study.doses.map(dose))),
            ("comparator", study.comparator.map { comparator in
                object([("label", .string(comparator.label)), ("doses", .array(comparator.doses.map(dose)))])
            } ?? .null),
            ("outcome", object([
                ("measure", text(study.outcome.measure)), ("result", text(study.outcome.result)),
                ("direction", .string(study.outcome.direction.rawValue)),
                ("figures", .array(study.outcome.figures.map { figure in
                    object([("label", .string(figure.label)), ("value", .string(figure.value)),
                            ("source", .string(figure.source.description)),
                            ("attribution", .string(figure.attribution.rawValue)), ("note", text(figure.note))])
                })),
                ("source", .string(study.outcome.source.description)),
                ("caveats", .array(study.outcome.caveats.map { .string($0.rawValue) })),
            ])),
            ("adverseEffects", text(study.adverseEffects)),
            ("notes", text(study.notes)),
            ("primary", study.primary.map { PrimaryJSON.value($0, dose: dose) } ?? .null),
            ("record", study.record.map(record) ?? .null),
            ("provenance", .array(study.provenance.map { entry in
                object([("source", .string(entry.source.description)),
                        ("attribution", .string(entry.attribution.rawValue)), ("note", text(entry.note))])
            })),
        ]
        if derived {
            // Which shown values came from the study's own record, and the marks on its result.
            members.append(("shownFromPrimary", .array(study.fromPrimary.names.map(JSONValue.string))))
            members.append(("strengthMarks", .array(StrengthMarks.of(study).map { .string($0.rawValue) })))
        } else {
            members.removeAll { $0.0 == "indicationName" || $0.0 == "evidence" }
            if study.primary == nil { members.removeAll { $0.0 == "primary" } }
            if study.record == nil { members.removeAll { $0.0 == "record" } }
        }
        return object(members)
    }

    /// An imported study's record block, as the data file holds it.
    static func record(_ record: ImportedRecord) -> JSONValue {
        object([
            ("source", .string(record.source.description)), ("format", .string(record.format.rawValue)),
            ("identifiers", .array(record.identifiers.map { identifier in
                object([("kind", .string(identifier.kind.rawValue)), ("value", .string(identifier.value))]
                       + (identifier.note.map { [("note", JSONValue.string($0))] } ?? []))
            })),
            ("abstract", .array(record.abstract.map { object([("label", text($0.label)), ("text", .string($0.text))]) })),
            ("publicationTypes", .array(record.publicationTypes.map(JSONValue.string))),
            ("headings", .array(record.headings.map(JSONValue.string))),
            ("status", text(record.status)), ("importedOn", .string(record.importedOn)),
        ])
    }

    private static func dose(_ dose: Dose, derived: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("arm", text(dose.arm)), ("route", text(dose.route?.rawValue)),
            ("low", dose.low.map(JSONValue.number) ?? .null), ("high", dose.high.map(JSONValue.number) ?? .null),
            ("unit", text(dose.dimension?.unit)), ("dimension", text(dose.dimension?.rawValue)),
            ("regimen", text(dose.regimen)), ("basis", .string(dose.basis.rawValue)),
            ("reported", text(dose.reported)), ("source", .string(dose.source.description)), ("note", text(dose.note)),
        ]
        if !derived { members.removeAll { $0.0 == "dimension" } }
        return object(members)
    }

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    private static func integer(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
}
