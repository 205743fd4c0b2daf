/// A primary record as a JSON object in the data-file layout, structured values included.
enum PrimaryJSON {
    static func value(_ record: PrimaryRecord, dose: (Dose) -> JSONValue) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("status", .string(record.status.rawValue)), ("source", .string(record.source.description)),
            ("seenOn", text(record.seenOn)), ("confidence", text(record.confidence?.rawValue)),
            ("citation", text(record.citation)),
            ("identifiers", .array(record.identifiers.map { object([("kind", .string($0.kind.rawValue)), ("value", .string($0.value)), ("note", text($0.note))]) })),
            ("summary", text(record.summary)),
            ("figures", .array(record.figures.map { object([("label", .string($0.label)), ("value", .string($0.value))]) })),
            ("differences", .array(record.differences.map { object([("topic", .string($0.topic)), ("seed", .string($0.seed)), ("primary", .string($0.primary))]) })),
            ("note", text(record.note)),
        ]
        if let design = record.design {
            members.append(("design", object([
                ("kind", .string(design.kind.rawValue)), ("randomized", design.randomized.map(JSONValue.bool) ?? .null),
                ("blinding", text(design.blinding?.rawValue)), ("control", text(design.control?.rawValue)),
                ("description", .string(design.description)), ("gradedDownFor", text(design.gradedDownFor)),
                ("source", .string(design.source.description)), ("seenOn", text(record.designSeenOn)),
            ])))
        }
        if let size = record.sampleSize {
            members.append(("sampleSize", object([
                ("enrolled", integer(size.enrolled)), ("randomized", integer(size.randomized)), ("analysed", integer(size.analysed)),
                ("arms", .array(size.arms.map { object([("label", .string($0.label)), ("n", integer($0.count))]) })),
                ("note", text(size.note)), ("seenOn", text(size.seenOn)),
            ])))
        }
        if !record.doses.isEmpty { members.append(("doses", .array(record.doses.map(dose)))) }
        if let comparator = record.comparator {
            members.append(("comparator", object([("label", .string(comparator.label)), ("doses", .array(comparator.doses.map(dose)))])))
        }
        if !record.outcomes.isEmpty { members.append(("outcomes", .array(record.outcomes.map(JSONValue.string)))) }
        if let direction = record.direction { members.append(("direction", .string(direction.rawValue))) }
        if !record.estimates.isEmpty { members.append(("estimates", .array(record.estimates.map(estimate)))) }
        if !record.caveats.isEmpty { members.append(("caveats", .array(record.caveats.map { .string($0.rawValue) }))) }
        if !record.inconsistencies.isEmpty { members.append(("inconsistencies", .array(record.inconsistencies.map(JSONValue.string)))) }
        if !record.overlaps.isEmpty {
            members.append(("overlaps", .array(record.overlaps.map {
                object([("study", text($0.study)), ("participants", integer($0.participants)), ("stated", .bool($0.stated)), ("note", text($0.note))])
            })))
        }
        return object(members)
    }

    static func estimate(_ estimate: EffectEstimate) -> JSONValue {
        object([
            ("outcome", .string(estimate.outcome)), ("comparison", text(estimate.comparison)), ("timepoint", text(estimate.timepoint)),
            ("measure", .string(estimate.measure.rawValue)), ("point", number(estimate.point)),
            ("low", number(estimate.low)), ("high", number(estimate.high)), ("level", number(estimate.level)),
            ("sd", number(estimate.spread)), ("events", integer(estimate.events)), ("total", integer(estimate.total)),
            ("participants", integer(estimate.participants)), ("studies", integer(estimate.studies)),
            ("reported", .string(estimate.reported)), ("seenOn", text(estimate.seenOn)), ("note", text(estimate.note)),
        ])
    }

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    private static func integer(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
    private static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
}
