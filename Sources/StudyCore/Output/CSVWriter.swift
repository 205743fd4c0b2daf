/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
public enum CSVWriter {
    /// The rows as one CSV text, ending with CRLF.
    public static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted if needed, with quotes doubled.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

private extension String {
    func replacingQuotes() -> String {
        var output = ""
        for character in self {
            if character == "\"" { output += "\"\"" } else { output.append(character) }
        }
        return output
    }
}
