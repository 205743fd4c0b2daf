import ArgumentParser
import BrowserCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StudyCore

/// `study-browser list`: the studies, filtered and sorted, as a table, CSV, JSON or Markdown.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List studies, filtered and sorted.",
        discussion: """
        Sort keys: \(SortKey.allCases.map(\.rawValue).joined(separator: ", ")). Several keys are \
        separated by commas; add :desc (or put - in front, as --sort=-year) to reverse one. \
        Values the source does not report sort last either way.

        dose: \(SortKey.dose.explanation).

        outcome: \(SortKey.outcome.explanation).

        evidence: \(SortKey.evidence.explanation).

        Values come from the seed documents where they give one, else from the study's own record \
        (abstract or publisher page), marked † (# in ASCII) in tables, with shown_from_primary in \
        CSV and shownFromPrimary in JSON. --seed-only shows the seed's values alone.

        The filter uses the query language; `study-browser query-help` explains it.
        """
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var index: IndexOptions

    @OptionGroup var choice: SelectionOptions

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @OptionGroup var layout: LayoutOptions

    mutating func run() throws {
        let selection = try choice.selection()
        guard !data.paths.isEmpty else {
            Self.printStudies(selection: selection, dataset: try data.loadOrExit(), format: format, layout: layout)
            return
        }
        let outcome = index.load(paths: data.paths, view: selection.view, environment: ProcessInfo.processInfo.environment)
        if let note = outcome.note { Console.error("study-browser: \(note)") }
        // With a catalog the dataset is never read (a lazy catalog would decode every study for it).
        if let catalog = outcome.catalog, outcome.problems.isEmpty {
            Self.printStudies(selection: selection, dataset: Dataset(), catalog: catalog, format: format, layout: layout)
            return
        }
        let dataset = try DataOptions.datasetOrExit(([], []), (outcome.dataset, outcome.problems))
        Self.printStudies(selection: selection, dataset: dataset, catalog: outcome.catalog, format: format, layout: layout)
    }

    /// Prints the selected studies in a format (also the browser's fallback without a terminal).
    /// With a catalog for the selection's view, filtering and sorting go through its index, and
    /// `dataset` is not read.
    static func printStudies(selection: StudySelection, dataset: Dataset, catalog: Catalog? = nil, format: OutputFormat, layout: LayoutOptions) {
        let studies = catalog.map { selection.apply(to: $0) } ?? selection.apply(to: dataset)
        let columns = StudyColumn.allCases.filter { $0 != .indication || selection.indication == nil }
        switch format {
        case .table:
            let glyphs = layout.glyphs
            let scope = catalog.map { $0.count(selection.indication) } ?? selection.scopeCount(in: dataset)
            let footer = "\(studies.count) of \(scope) studies\(selection.summary). "
                + TableFormatter.legend(glyphs: glyphs, view: selection.view)
            Console.write(document: TableFormatter.studies(studies, columns: columns, width: layout.resolvedWidth, glyphs: glyphs,
                                                 sort: selection.sort, footer: footer) + "\n")
        case .csv: Console.write(document: StudyCSV.summary(studies))
        case .json: Console.write(document: StudyJSON.array(studies))
        case .markdown: Console.write(document: StudyMarkdown.table(studies, columns: columns, glyphs: layout.glyphs, view: selection.view))
        }
    }
}
