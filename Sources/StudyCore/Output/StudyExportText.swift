/// A study export (Markdown, CSV or JSON) built a batch of studies at a time, so a long one can
/// say how far it is and stop when asked; the text is the same as the one-piece writers give.
public enum StudyExportText {
    /// The document formats.
    public enum Format: String, Sendable {
        case markdown, csv, json
    }

    /// Studies per batch: small enough that a stop is honoured within a few milliseconds.
    static let batchSize = 250

    /// The whole document, or nil if `proceed` (asked before each batch with the fraction done,
    /// 0 to 1) answered false. `title` heads a Markdown document.
    public static func build(_ studies: [Study], format: Format, title: String, sources: [SourceDocument],
                             proceed: (Double) -> Bool) -> String? {
        // Markdown goes over the studies twice (table rows, then sections); both passes count.
        let passes = format == .markdown ? 2 : 1
        let total = max(1, studies.count * passes)
        var done = 0
        var text = ""
        func pass(_ piece: (ArraySlice<Study>) -> String) -> Bool {
            var start = studies.startIndex
            while start < studies.endIndex {
                guard proceed(Double(done) / Double(total)) else { return false }
                let end = min(start + batchSize, studies.endIndex)
                text += piece(studies[start..<end])
                done += end - start
                start = end
            }
            return proceed(Double(done) / Double(total))
        }
        switch format {
        case .markdown:
            let columns = StudyColumn.allCases
            text = "# Ketamine studies: \(StudyMarkdown.escape(InertText.make(title)))\n\n" + StudyMarkdown.tableHead(columns)
            guard pass({ $0.map { StudyMarkdown.tableRow($0, columns: columns) }.joined() }) else { return nil }
            text += StudyMarkdown.tableLegend() + "\n"
            var first = true
            guard pass({ batch in
                let sections = batch.map { StudyMarkdown.section($0, sources: sources) }.joined(separator: "\n")
                defer { first = false }
                return (first ? "" : "\n") + sections
            }) else { return nil }
        case .csv:
            text = StudyCSV.fullHeader()
            guard pass({ StudyCSV.fullRows(Array($0)) }) else { return nil }
        case .json:
            guard !studies.isEmpty else { return proceed(1) ? "[]\n" : nil }
            text = "[\n"
            var first = true
            guard pass({ batch in
                let elements = batch.map { "  " + JSONWriter.string(StudyJSON.value($0), indent: 1) }.joined(separator: ",\n")
                defer { first = false }
                return (first ? "" : ",\n") + elements
            }) else { return nil }
            text += "\n]\n"
        }
        return text
    }
}
