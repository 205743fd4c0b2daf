import ArgumentParser
import StudyCore

/// `study-browser export`: every study with every field.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every study with every field, in the standard order.",
        discussion: """
        json: an array of objects in the data-file layout, with null for "not reported" and a \
        derived "evidence" object. Where a seed gives no value, the study's own record's is used and \
        named in "shownFromPrimary" (CSV: shown_from_primary); --seed-only leaves those values out. csv: RFC 4180, one row per study; empty numeric cells and \
        "not reported" text cells mean the source is silent. markdown: a section per study.
        """
    )

    /// Formats that carry every field.
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case json
        case csv
        case markdown
    }

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: json, csv or markdown.")
    var format: ExportFormat

    @Flag(help: "Use ASCII symbols only in Markdown.")
    var ascii = false

    @Flag(help: "The seed documents' values only: no value is filled from a study's own record (the primary block is still written).")
    var seedOnly = false

    mutating func run() throws {
        let dataset = try data.loadOrExit()
        let studies = StudySorter.sorted(BestSourced.studies(dataset.studies, view: seedOnly ? .seedOnly : .best), by: .standard)
        switch format {
        case .json: Console.write(document: StudyJSON.array(studies))
        case .csv: Console.write(document: StudyCSV.full(studies))
        case .markdown:
            Console.write(document: "# Ketamine studies (\(studies.count))\n\n"
                + StudyMarkdown.sections(studies, sources: dataset.sources, glyphs: ascii ? .ascii : .unicode))
        }
    }
}
