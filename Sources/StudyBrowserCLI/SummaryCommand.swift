import ArgumentParser
import StudyCore

/// `study-browser summary`: the evidence per indication at a glance.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise the evidence per indication: designs, participants, directions, best level, bottom line.",
        discussion: """
        Participants add up each study's stated total, else the sum of its arms: the seed's count \
        where it gives one, else the count in the study's own record, and the two are shown apart. \
        Participants two records share are counted once; a count the own record disputes is listed \
        with both figures, outside the total. Studies that give no number are counted apart, never estimated.
        """
    )

    /// Formats for summaries.
    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, json
    }

    @OptionGroup var data: DataOptions

    @Option(name: [.customShort("i"), .long], help: ArgumentHelp("Only this indication (default: all five).", valueName: "indication"))
    var indication: String?

    @Option(help: "Output format: table, markdown or json.")
    var format: SummaryFormat = .table

    @Flag(help: "Count the seed documents' values only, leaving out the studies' own records.")
    var seedOnly = false

    @OptionGroup var layout: LayoutOptions

    mutating func run() throws {
        let chosen = try StudySelection(indication: indication, filter: nil, sort: nil).indication
        let dataset = try data.loadOrExit()
        let indications = chosen.map { [$0] } ?? Indication.present(in: dataset.studies)
        let view: SourceView = seedOnly ? .seedOnly : .best
        let summaries = indications.map { IndicationSummary(indication: $0, dataset: dataset, view: view) }
        switch format {
        case .table:
            let width = layout.resolvedWidth == 0 ? 100 : layout.resolvedWidth
            Console.write(document: summaries.map { SummaryText.lines($0, width: width, glyphs: layout.glyphs, allStatements: true).joined(separator: "\n") }
                .joined(separator: "\n\n") + "\n\n" + TableFormatter.wrap("Participants add each study's stated total, else the sum of its arms, as the sources give them. "
                    + TableFormatter.legend(glyphs: layout.glyphs, view: view), width: width).joined(separator: "\n") + "\n")
        case .markdown:
            Console.write(document: summaries.map { SummaryText.markdown($0, glyphs: layout.glyphs) }.joined(separator: "\n"))
        case .json:
            let value: JSONValue = summaries.count == 1 ? SummaryText.json(summaries[0]) : .array(summaries.map(SummaryText.json))
            Console.write(document: JSONWriter.string(value) + "\n")
        }
    }
}
