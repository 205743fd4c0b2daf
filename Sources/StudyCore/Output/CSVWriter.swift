/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma or a quote. Control and
/// invisible format characters in data are written as visible `\u{…}` escapes (line breaks as
/// spaces), as in every other text output, so `cat` on an export is safe.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// `'`, so a spreadsheet shows it instead of running it as a formula (OWASP's advice for CSV
/// injection). The decision is made on the text alone: only cells the writer itself made from a
/// number (the columns named in `numericColumns`) are left as they are.
public enum CSVWriter {
    /// The rows as one CSV text, ending with CRLF; cells in `numericColumns` of rows after the
    /// header were written from numeric fields by the caller.
    public static func csv(_ rows: [[String]], numericColumns: Set<Int> = []) -> String {
        guard let header = rows.first else { return "" }
        return dataRows([header], numericColumns: []) + dataRows(Array(rows.dropFirst()), numericColumns: numericColumns)
    }

    /// Rows with no header among them (a later piece of a long document).
    public static func dataRows(_ rows: [[String]], numericColumns: Set<Int>) -> String {
        rows.map { cells in
            cells.enumerated().map { column, cell in
                field(cell, isNumber: numericColumns.contains(column))
            }.joined(separator: ",") + "\r\n"
        }.joined()
    }

    /// One field, quoted if needed, with quotes doubled; defused unless it is a number we wrote.
    public static func field(_ raw: String, isNumber: Bool = false) -> String {
        let inert = InertText.make(raw)
        let text = isNumber ? inert : defused(inert)
        // Bytes, not characters: every cell of an export passes here. A comma, quote or line
        // break is one byte in UTF-8 and never part of another character.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A })
        else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

extension CSVWriter {
    /// `text` with a leading `'` when a spreadsheet would read it as a formula.
    static func defused(_ text: String) -> String {
        guard let first = text.utf8.first, "=+-@\t\r".utf8.contains(first) else { return text }
        return "'" + text
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
