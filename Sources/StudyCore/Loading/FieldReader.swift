/// Reads typed fields from one JSON object, reporting each problem with its path and carrying on.
///
/// Conventions of the data format: every field is required unless read with an `optional…`
/// accessor; `null` means "not reported by the source"; an empty string is an error (use null);
/// keys that no accessor read are reported as unknown by `finish()`.
final class FieldReader {
    private let object: JSONObject
    let sink: ProblemSink
    let record: String?
    private let path: String
    /// Which members an accessor has read, by position: `finish()` reports the others.
    private var read: [Bool]
    /// Where the next key is looked for first: just after the last one found. Decoders read
    /// fields in the order files write them, so a lookup is one comparison, not one per member
    /// before it (a million studies made that a second of string comparisons).
    private var next = 0

    /// Longest text a field may hold: far beyond any real citation or summary.
    static let maximumTextBytes = 65_536

    init(_ object: JSONObject, sink: ProblemSink, record: String?, path: String = "") {
        self.object = object
        self.sink = sink
        self.record = record
        self.path = path
        self.read = Array(repeating: false, count: object.members.count)
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func report(_ key: String?, _ message: String) {
        sink.report(record: record, field: key.map(fieldPath) ?? (path.isEmpty ? nil : path), message)
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// The raw value; reports a missing required key.
    private func value(_ key: String, required: Bool) -> JSONValue? {
        guard let position = position(of: key) else {
            if required { report(key, "missing field (write null if the source does not report it)") }
            return nil
        }
        read[position] = true
        return object.members[position].value
    }

    /// The member with this key, looked for from `next` on and then from the start.
    private func position(of key: String) -> Int? {
        let members = object.members
        let start = min(next, members.count)
        for position in start..<members.count where members[position].key == key {
            next = position + 1
            return position
        }
        for position in 0..<start where members[position].key == key {
            next = position + 1
            return position
        }
        return nil
    }

    private func typeMismatch(_ key: String, expected: String, found: JSONValue) {
        report(key, "expected \(expected), found \(found.kindDescription)")
    }

    // MARK: Strings

    /// A string that may be null; `required` says whether the key must be present.
    func text(_ key: String, required: Bool = true, nullable: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        switch value {
        case .null:
            if !nullable { report(key, "must not be null") }
            return nil
        case .string(let text):
            if text.utf8.count > Self.maximumTextBytes {
                report(key, "text of \(text.utf8.count) bytes; a field may hold at most \(Self.maximumTextBytes)")
                return nil
            }
            if text.isBlank {
                report(key, "empty text; use null when the source does not report it")
                return nil
            }
            return text
        default:
            typeMismatch(key, expected: nullable ? "a string or null" : "a string", found: value)
            return nil
        }
    }

    func optionalText(_ key: String) -> String? { text(key, required: false) }

    // MARK: Numbers and flags

    func number(_ key: String, required: Bool = true, nullable: Bool = true) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        switch value {
        case .null:
            if !nullable { report(key, "must not be null") }
            return nil
        case .number(let number): return number
        default:
            typeMismatch(key, expected: nullable ? "a number or null" : "a number", found: value)
            return nil
        }
    }

    func integer(_ key: String, required: Bool = true, nullable: Bool = true) -> Int? {
        guard let number = number(key, required: required, nullable: nullable) else { return nil }
        guard number == number.rounded(), abs(number) <= 1e9 else {
            report(key, "expected a whole number, found \(JSONWriter.format(number))")
            return nil
        }
        return Int(number)
    }

    func flag(_ key: String, nullable: Bool = true) -> Bool? {
        guard let value = value(key, required: true) else { return nil }
        switch value {
        case .null:
            if !nullable { report(key, "must not be null") }
            return nil
        case .bool(let flag): return flag
        default:
            typeMismatch(key, expected: nullable ? "true, false or null" : "true or false", found: value)
            return nil
        }
    }

    // MARK: Enumerations and references

    /// A string that must be one of an enumeration's raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _ type: Choice.Type, nullable: Bool = false
    ) -> Choice? where Choice.RawValue == String {
        guard let raw = text(key, nullable: nullable) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            report(key, "unknown value \"\(raw)\"; expected one of: \(allowed)")
            return nil
        }
        return choice
    }

    func sourceRef(_ key: String) -> SourceRef? {
        guard let raw = text(key, nullable: false) else { return nil }
        guard let reference = sink.sourceRef(parsing: raw) else {
            report(key, "\"\(raw)\" is not a source reference; write a source id, optionally with reference numbers: seed-002#16 or seed-002#23,24")
            return nil
        }
        return reference
    }

    // MARK: Containers

    /// A nested object (nil when null, missing or of another type).
    func object(_ key: String, nullable: Bool = false) -> FieldReader? {
        guard let value = value(key, required: true) else { return nil }
        switch value {
        case .null:
            if !nullable { report(key, "must not be null") }
            return nil
        case .object(let nested):
            return FieldReader(nested, sink: sink, record: record, path: fieldPath(key))
        default:
            typeMismatch(key, expected: nullable ? "an object or null" : "an object", found: value)
            return nil
        }
    }

    /// One element of an array field; its path is spelled out only when a message needs it.
    struct Element {
        let value: JSONValue
        let arrayPath: String
        let offset: Int
        var path: String { "\(arrayPath)[\(offset)]" }
    }

    /// Elements of an array with their positions.
    func array(_ key: String, required: Bool = true) -> [Element]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .array(let elements) = value else {
            typeMismatch(key, expected: "an array", found: value)
            return nil
        }
        let arrayPath = fieldPath(key)
        return elements.enumerated().map { Element(value: $0.element, arrayPath: arrayPath, offset: $0.offset) }
    }

    /// Readers for an array of objects; elements that are not objects are reported.
    func objects(_ key: String, required: Bool = true) -> [FieldReader]? {
        guard let elements = array(key, required: required) else { return nil }
        return elements.compactMap { element in
            guard case .object(let nested) = element.value else {
                sink.report(record: record, field: element.path, "expected an object, found \(element.value.kindDescription)")
                return nil
            }
            return FieldReader(nested, sink: sink, record: record, path: element.path)
        }
    }

    /// Reports every key that no accessor read.
    func finish() {
        for (position, member) in object.members.enumerated() where !read[position] {
            report(member.key, "unknown field")
        }
    }
}

extension String {
    /// True when the text is empty or only whitespace; decides on the first ASCII letter or
    /// digit without looking up Unicode properties.
    var isBlank: Bool {
        for byte in utf8 {
            if byte > 0x20 && byte < 0x7F { return false }
            if byte >= 0x80 { return trimmingWhitespace().isEmpty }
        }
        return true
    }

    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        return Substring(scalars[first...last])
    }
}
