import ArgumentParser
import StudyCore

/// `study-browser findings`: summary-of-findings rows and text forest plots per indication.
struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Summary of findings and a text forest plot for each indication.",
        discussion: """
        Pooled rows come from systematic reviews in the data (for depression, a Cochrane review \
        outside the seed documents, about unipolar major depression); each gives participants, \
        studies, the relative effect with its interval, the risks without and with ketamine where \
        the review gives them, and certainty as the review states it. Single-study estimates come \
        from the studies' own records (†). A plot never mixes measures or comparisons: ratios on a \
        log scale, differences on a linear one; ◀ ▶ (< >) mark intervals that run past the axis. \
        A plot needs a width: without one (output piped, or --width 0) findings use 100 columns.
        """
    )

    /// Formats for findings.
    enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, json
    }

    @OptionGroup var data: DataOptions

    @Option(name: [.customShort("i"), .long], help: ArgumentHelp("Only this indication (default: all five).", valueName: "indication"))
    var indication: String?

    @Option(help: "Output format: table, markdown or json.")
    var format: FindingsFormat = .table

    @Flag(help: "Add what each row means per 1,000 people, where the source gives an assumed risk.")
    var words = false

    @OptionGroup var layout: LayoutOptions

    mutating func run() throws {
        let chosen = try StudySelection(indication: indication, filter: nil, sort: nil).indication
        let dataset = try data.loadOrExit()
        let indications = chosen.map { [$0] } ?? Indication.present(in: dataset.studies)
        let all = indications.map { IndicationFindings(indication: $0, dataset: dataset) }
        switch format {
        case .table:
            let width = layout.resolvedWidth == 0 ? 100 : layout.resolvedWidth
            Console.write(document: all.map { findings in
                ([findings.indication.name + ": summary of findings"]
                    + FindingsText.lines(findings, width: width, glyphs: layout.glyphs, words: words)).joined(separator: "\n")
            }.joined(separator: "\n\n") + "\n")
        case .markdown:
            let width = layout.resolvedWidth == 0 ? 100 : layout.resolvedWidth
            Console.write(document: all.map { FindingsText.markdown($0, glyphs: layout.glyphs, width: width, words: words) }.joined(separator: "\n"))
        case .json:
            let value: JSONValue = all.count == 1 ? FindingsText.json(all[0]) : .array(all.map(FindingsText.json))
            Console.write(document: JSONWriter.string(value) + "\n")
        }
    }
}
