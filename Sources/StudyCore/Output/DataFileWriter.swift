/// Writes records in the data-file format (`study-browser-data/1`) that the loader reads.
public enum DataFileWriter {
    /// A whole data file: sources, indication records and studies (empty arrays left out);
    /// `expectedBytes`, when known, is reserved up front.
    public static func json(studies: [Study], sources: [SourceDocument] = [], contexts: [IndicationContext] = [],
                            checked: String? = nil, expectedBytes: Int = 0) -> String {
        var members: [(key: String, value: JSONValue)] = [("format", .string(DataFileDecoder.formatIdentifier))]
        if let checked { members.append(("checked", .string(checked))) }
        if !sources.isEmpty { members.append(("sources", .array(sources.map(source)))) }
        if !contexts.isEmpty { members.append(("indications", .array(contexts.map(context)))) }
        if !studies.isEmpty { members.append(("studies", .array(studies.map { StudyJSON.value($0, derived: false) }))) }
        var output = ""
        output.reserveCapacity(expectedBytes)
        JSONWriter.append(.object(JSONObject(members)), to: &output)
        output += "\n"
        return output
    }

    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    private static func source(_ source: SourceDocument) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(source.id)), ("file", text(source.file)), ("title", .string(source.title)),
            ("publisher", text(source.publisher)), ("date", text(source.date)), ("kind", .string(source.kind.rawValue)),
            ("note", text(source.note)),
        ]
        if !source.unlinkedReferences.isEmpty {
            members.append(("unlinkedReferences", .array(source.unlinkedReferences.map {
                .object(JSONObject([("reference", .number(Double($0.reference))), ("reason", .string($0.reason))]))
            })))
        }
        if !source.references.isEmpty {
            members.append(("references", .array(source.references.keys.sorted().map { number in
                .object(JSONObject([("number", .number(Double(number))), ("reference", .string(source.references[number] ?? ""))]))
            })))
        }
        return .object(JSONObject(members))
    }

    private static func context(_ context: IndicationContext) -> JSONValue {
        .object(JSONObject([
            ("indication", .string(context.indication.rawValue)),
            ("statements", .array(context.statements.map {
                .object(JSONObject([("topic", .string($0.topic.rawValue)), ("kind", .string($0.kind.rawValue)),
                                    ("source", .string($0.source.description)), ("text", .string($0.text))]))
            })),
        ]))
    }
}
