import ArgumentParser
import StudyCore

/// The `study-browser` command: browse and export the curated ketamine evidence.
@main
struct StudyBrowserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study-browser",
        abstract: "Browse the clinical evidence on ketamine by indication, from the terminal or from scripts.",
        discussion: """
        With no subcommand, opens the interactive browser when standard input and output are a \
        terminal, and prints the study list otherwise.

        Every figure is shown as its source gives it; "not reported" (n.r.) means the source is \
        silent. Levels of evidence follow \(EvidenceLevel.scheme), derived from each study's design.

        Exit status: 0 success; 1 no such study; 64 bad usage or query; 65 invalid data; \
        66 data file or folder cannot be opened.
        """,
        version: VersionText.version,
        subcommands: [BrowseCommand.self, ListCommand.self, ShowCommand.self, SummaryCommand.self, ExportCommand.self,
                      ValidateCommand.self, QueryHelpCommand.self],
        defaultSubcommand: BrowseCommand.self
    )

    /// `--version` alone prints the embedded data's date and size too; the data is loaded
    /// only then, not on every run. Everything else goes to the argument parser.
    static func main() {
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            Console.write(VersionText.full())
            return
        }
        main(nil)
    }
}
