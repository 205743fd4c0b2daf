import BrowserCore
import StudyCore

/// Writes the browser's current view to a file for the session (the I/O the pure core asks for).
enum ViewExporter {
    static func export(_ request: ExportRequest, sources: [SourceDocument]) -> BrowserSession.ExportOutcome {
        let text: String
        switch request.format {
        case .markdown:
            text = "# Ketamine studies: \(StudyMarkdown.escape(InertText.make(request.description)))\n\n"
                + StudyMarkdown.table(request.studies, columns: StudyColumn.allCases) + "\n"
                + StudyMarkdown.sections(request.studies, sources: sources)
        case .csv: text = StudyCSV.full(request.studies)
        case .json: text = StudyJSON.array(request.studies)
        }
        do {
            try AtomicFile.write(TerminalText(document: text), to: request.path, overwrite: request.overwrite)
            return .written("Wrote \(request.studies.count) stud\(request.studies.count == 1 ? "y" : "ies") to \(request.path) (\(request.format.rawValue)).")
        } catch {
            if case .exists = error { return .exists }
            return .failed("Not written: \(error).")
        }
    }
}
