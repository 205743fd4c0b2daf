import ArgumentParser
import StudyCore

/// `-i/--indication`, `-f/--filter`, `-s/--sort`: which studies, in what order (list and browse).
struct SelectionOptions: ParsableArguments {
    @Option(name: [.customShort("i"), .long], help: ArgumentHelp(
        "Only this indication: \(Indication.allCases.map(\.rawValue).joined(separator: ", ")) (or a name such as pain, depression).",
        valueName: "indication"))
    var indication: String?

    @Option(name: [.customShort("f"), .long], help: ArgumentHelp("A query such as 'design:rct dose<0.5mg/kg'.", valueName: "query"))
    var filter: String?

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("Sort keys, e.g. dose or outcome:desc,n.", valueName: "keys"))
    var sort: String?

    @Flag(help: "Show the seed documents' values only: hide values filled from the studies' own records (marked †).")
    var seedOnly = false

    /// The checked selection; a bad value is a usage error (exit 64).
    func selection() throws -> StudySelection {
        try StudySelection(indication: indication, filter: filter, sort: sort, view: seedOnly ? .seedOnly : .best)
    }
}
