/// Serialises `JSONValue`s as indented UTF-8 text with members in their stored order.
public enum JSONWriter {
    /// The value as pretty-printed JSON (two-space indent), without a trailing newline.
    public static func string(_ value: JSONValue) -> String { string(value, indent: 0) }

    /// The value as it is written nested `indent` levels deep (its first line not indented), so
    /// a long array can be written an element at a time and still read as one document.
    public static func string(_ value: JSONValue, indent: Int) -> String {
        var output = ""
        write(value, indent: indent, into: &output)
        return output
    }

    /// Appends the value as pretty-printed JSON to `output`; with capacity reserved beforehand a
    /// large document is written without the copies and fresh pages of repeated growth.
    public static func append(_ value: JSONValue, to output: inout String) {
        write(value, indent: 0, into: &output)
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += format(number)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty { output += "[]"; return }
            output += "[\n"
            for (position, element) in elements.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                write(element, indent: indent + 1, into: &output)
                output += position == elements.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: "  ", count: indent) + "]"
        case .object(let object):
            if object.members.isEmpty { output += "{}"; return }
            output += "{\n"
            for (position, member) in object.members.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                writeString(member.key, into: &output)
                output += ": "
                write(member.value, indent: indent + 1, into: &output)
                output += position == object.members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// Integers print without a fraction; other numbers in Swift's shortest round-trip form.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Escapes quotes, backslashes, every C0/C1 control, DEL, and invisible format characters
    /// (bidi overrides, zero-width characters), so a hostile string cannot reach a terminal raw
    /// through `cat` and cannot hide or reorder text.
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        // Printable ASCII without quote or backslash, most text, goes in whole: no scalar needs
        // its Unicode category looked up.
        let isPlain = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") }
        // Native strings are contiguous UTF-8: scanning the buffer beats the view's iterator by far.
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(isPlain) }) ?? text.utf8.allSatisfy(isPlain) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where InertText.needsEscape(scalar):
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
