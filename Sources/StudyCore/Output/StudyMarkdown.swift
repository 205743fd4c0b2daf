/// Studies as Markdown: a table for lists, a section per study for details and exports.
public enum StudyMarkdown {
    /// A pipe table of the list columns, with the legend under it.
    public static func table(_ studies: [Study], columns: [StudyColumn], glyphs: Glyphs = .unicode, view: SourceView = .best) -> String {
        tableHead(columns) + studies.map { tableRow($0, columns: columns, glyphs: glyphs) }.joined() + tableLegend(glyphs: glyphs, view: view)
    }

    /// The table's header and rule lines.
    public static func tableHead(_ columns: [StudyColumn]) -> String {
        "| " + columns.map(\.header).joined(separator: " | ") + " |\n" + "|" + columns.map { _ in "---" }.joined(separator: "|") + "|\n"
    }

    /// One study's table line.
    public static func tableRow(_ study: Study, columns: [StudyColumn], glyphs: Glyphs = .unicode) -> String {
        "| " + columns.map { escape($0.cell(study, glyphs: glyphs)) }.joined(separator: " | ") + " |\n"
    }

    /// The blank line and legend after the table.
    public static func tableLegend(glyphs: Glyphs = .unicode, view: SourceView = .best) -> String {
        // A blank line between the legend's paragraphs, or Markdown runs them together.
        "\n" + TableFormatter.legend(glyphs: glyphs, view: view).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n\n") + "\n"
    }

    /// One section per study with every field as a two-column table.
    public static func sections(_ studies: [Study], sources: [SourceDocument], glyphs: Glyphs = .unicode) -> String {
        studies.map { section($0, sources: sources, glyphs: glyphs) }.joined(separator: "\n")
    }

    /// A study's heading and field table.
    public static func section(_ study: Study, sources: [SourceDocument], glyphs: Glyphs = .unicode) -> String {
        var lines = ["## \(escape(glyphs.adapt(InertText.make(study.shortLabel)))) (`\(study.id)`)", "",
                     "| Field | Value |", "|---|---|"]
        for field in StudyDetails.fields(of: study, sources: sources, glyphs: glyphs) {
            lines.append("| \(escape(field.label)) | \(escape(field.value)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes characters that would break a table cell or start Markdown/HTML markup.
    public static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": output += "\\\(character)"
            case "\n", "\r", "\r\n": output += " "
            default: output.append(character)
            }
        }
        return output
    }
}
