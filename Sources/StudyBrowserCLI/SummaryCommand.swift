import ArgumentParser
import StudyCore

/// `study-browser summary`: the evidence per indication at a glance.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise the evidence per indication: designs, participants, directions, best level, bottom line.",
        discussion: """
        Participants add up each study's stated total, else the sum of its arms, as the seed gives \
        them; studies that give no number are counted apart, never estimated.
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

    @OptionGroup var layout: LayoutOptions

    mutating func run() throws {
        let chosen = try StudySelection(indication: indication, filter: nil, sort: nil).indication
        let indications = chosen.map { [$0] } ?? Indication.allCases
        let dataset = try data.loadOrExit()
        let summaries = indications.map { IndicationSummary(indication: $0, dataset: dataset) }
        switch format {
        case .table:
            let width = layout.resolvedWidth == 0 ? 100 : layout.resolvedWidth
            Console.write(document: summaries.map { SummaryText.lines($0, width: width, glyphs: layout.glyphs).joined(separator: "\n") }
                .joined(separator: "\n\n") + "\n\n" + TableFormatter.wrap("Participants add each study's stated total, else the sum of its arms, as the sources give them. "
                    + TableFormatter.legend(glyphs: layout.glyphs), width: width).joined(separator: "\n") + "\n")
        case .markdown:
            Console.write(document: summaries.map { SummaryText.markdown($0, glyphs: layout.glyphs) }.joined(separator: "\n"))
        case .json:
            let value: JSONValue = summaries.count == 1 ? SummaryText.json(summaries[0]) : .array(summaries.map(SummaryText.json))
            Console.write(document: JSONWriter.string(value) + "\n")
        }
    }
}
