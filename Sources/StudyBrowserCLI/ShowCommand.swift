import ArgumentParser
import StudyCore

/// `study-browser show ID`: every field of one study.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every field of one study, with its citation and sources."
    )

    @Argument(help: "The study's id, such as etchison-2018 (see `study-browser list --format csv`).")
    var id: String

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @OptionGroup var layout: LayoutOptions

    mutating func run() throws {
        let dataset = try data.loadOrExit()
        guard let study = dataset.study(id: id).map(BestSourced.resolve) else {
            let folded = SearchText.fold(id)
            let near = dataset.studies.map(\.id).filter { $0.contains(folded) || folded.contains($0.split(separator: "-").first.map(String.init) ?? "\u{0}") }
            Console.error("study-browser: no study with id '\(id)'"
                + (near.isEmpty ? "; `study-browser list --format csv` lists the ids" : "; did you mean: \(near.prefix(5).joined(separator: ", "))?"))
            throw ExitCode(1)
        }
        switch format {
        case .table:
            let fields = StudyDetails.fields(of: study, sources: dataset.sources, glyphs: layout.glyphs)
            Console.write(document: TableFormatter.details(fields, width: layout.resolvedWidth) + "\n")
        case .csv: Console.write(document: StudyCSV.full([study]))
        case .json: Console.write(document: JSONWriter.string(StudyJSON.value(study)) + "\n")
        case .markdown: Console.write(document: StudyMarkdown.section(study, sources: dataset.sources, glyphs: layout.glyphs))
        }
    }
}
