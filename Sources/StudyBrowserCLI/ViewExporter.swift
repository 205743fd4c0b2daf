import BrowserCore
import Foundation
import StudyCore

/// Writes the browser's current view to a file for the session (the I/O the pure core asks for).
enum ViewExporter {
    /// Writes the request's studies, or an indication's findings, from the data as loaded.
    static func export(_ request: ExportRequest, dataset: Dataset) -> BrowserSession.ExportOutcome {
        let text: String
        let what: String
        if let indication = request.findings {
            let findings = IndicationFindings(indication: indication, dataset: dataset)
            switch request.format {
            case .markdown: text = FindingsText.markdown(findings, words: request.words)
            case .csv: text = FindingsCSV.csv(findings)
            case .json: text = JSONWriter.string(FindingsText.json(findings)) + "\n"
            }
            what = "the \(indication.name) findings"
        } else {
            switch request.format {
            case .markdown:
                text = "# Ketamine studies: \(StudyMarkdown.escape(InertText.make(request.description)))\n\n"
                    + StudyMarkdown.table(request.studies, columns: StudyColumn.allCases) + "\n"
                    + StudyMarkdown.sections(request.studies, sources: dataset.sources)
            case .csv: text = StudyCSV.full(request.studies)
            case .json: text = StudyJSON.array(request.studies)
            }
            what = "\(request.studies.count) stud\(request.studies.count == 1 ? "y" : "ies")"
        }
        do {
            try AtomicFile.write(TerminalText(document: text), to: request.path, overwrite: request.overwrite)
            // The absolute path, so the room knows where the file went whatever the working folder.
            let absolute = request.path.hasPrefix("/") ? request.path
                : URL(fileURLWithPath: request.path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardized.path
            return .written("Wrote \(what) to \(absolute) (\(request.format.rawValue)).")
        } catch {
            if case .exists = error { return .exists }
            return .failed("Not written: \(error).")
        }
    }
}
