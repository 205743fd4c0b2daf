import ArgumentParser
import StudyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        66 data file or folder cannot be opened; 74 the output cannot be written.
        """,
        version: VersionText.version,
        subcommands: [BrowseCommand.self, ListCommand.self, ShowCommand.self, SummaryCommand.self, FindingsCommand.self, ExportCommand.self, ImportCommand.self, IndexCommand.self, ManCommand.self,
                      ValidateCommand.self, QueryHelpCommand.self],
        defaultSubcommand: BrowseCommand.self
    )

    /// `--version` alone prints the embedded data's date and size too; the data is loaded
    /// only then, not on every run. Everything else goes to the argument parser, whose help and
    /// messages are written by `Console` (made inert; a failed write exits 74), not by `print`.
    static func main() {
        AllocatorTuning.apply()
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            Console.write(document: VersionText.full())
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if !text.isEmpty {
                // Help and --version are answers, written to standard output; the rest are problems.
                if code == .success {
                    Console.write(TerminalText(outside: text) + "\n")
                } else {
                    Console.error(TerminalText(outside: text))
                }
            }
            #if canImport(Glibc)
            Glibc.exit(code.rawValue)
            #else
            Darwin.exit(code.rawValue)
            #endif
        }
    }
}
