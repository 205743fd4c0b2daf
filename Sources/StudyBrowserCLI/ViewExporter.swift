import BrowserCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StudyCore

/// Writes the browser's current view to a file for the session (the I/O the pure core asks for).
enum ViewExporter {
    /// Writes the request's studies, or an indication's findings, from the data as loaded,
    /// reporting progress to `control` and stopping, with no file left, when it is cancelled.
    static func export(_ request: ExportRequest, dataset: Dataset, control: JobControl = JobControl()) -> BrowserSession.ExportOutcome {
        export(request, sources: dataset.sources, findingsData: { dataset }, control: control)
    }

    /// The same from a catalog: a list of studies needs only its sources; findings need every
    /// study, which a catalog that decodes them as drawn then decodes (once).
    static func export(_ request: ExportRequest, catalog: Catalog, control: JobControl = JobControl()) -> BrowserSession.ExportOutcome {
        export(request, sources: catalog.sources, findingsData: { catalog.loaded }, control: control)
    }

    private static func export(_ request: ExportRequest, sources: [SourceDocument], findingsData: () -> Dataset,
                               control: JobControl) -> BrowserSession.ExportOutcome {
        // Asked before the work, not after it: an existing file is a question for the user now.
        if !request.overwrite && FileManager.default.fileExists(atPath: request.path) { return .exists }
        let text: String
        let what: String
        if let indication = request.findings {
            let findings = IndicationFindings(indication: indication, dataset: findingsData())
            switch request.format {
            case .markdown: text = FindingsText.markdown(findings, words: request.words)
            case .csv: text = FindingsCSV.csv(findings)
            case .json: text = JSONWriter.string(FindingsText.json(findings)) + "\n"
            }
            what = "the \(indication.name) findings"
        } else {
            let format: StudyExportText.Format = switch request.format {
            case .markdown: .markdown
            case .csv: .csv
            case .json: .json
            }
            guard let built = StudyExportText.build(request.studies, format: format, title: request.description, sources: sources,
                                                    proceed: control.report) else { return .cancelled }
            text = built
            what = "\(request.studies.count) stud\(request.studies.count == 1 ? "y" : "ies")"
        }
        // The last moment to stop: from here the file is written whole.
        if control.isCancelled { return .cancelled }
        do {
            try AtomicFile.write(TerminalText(document: text), to: request.path, overwrite: request.overwrite) { !control.isCancelled }
            // The absolute path, so the room knows where the file went whatever the working folder.
            let absolute = request.path.hasPrefix("/") ? request.path
                : URL(fileURLWithPath: request.path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardized.path
            return .written("Wrote \(what) to \(absolute) (\(request.format.rawValue)).")
        } catch {
            if case .exists = error { return .exists }
            if case .cancelled = error { return .cancelled }
            return .failed("Not written: \(error).")
        }
    }
}
