import ArgumentParser
import StudyCore

/// `study-browser query-help`: the query language, with examples.
struct QueryHelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query-help",
        abstract: "Explain the filter query language."
    )

    mutating func run() {
        Console.write(document: QueryHelpText.text + "\n")
    }
}
