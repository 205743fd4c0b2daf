import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BrowserCore
import StudyCore

/// The manual page, generated from the keymap, the query language's help and the commands, so it
/// cannot drift from what the program does; `docs/study-browser.1` is this text, checked by a test.
enum ManPage {
    static func roff() -> String {
        var lines = [
            ".TH STUDY-BROWSER 1 \"\(VersionText.version)\" \"study-browser\" \"User Commands\"",
            ".SH NAME", "study-browser \\- browse the clinical evidence on ketamine by indication",
            ".SH SYNOPSIS", ".B study-browser", "[\\fIcommand\\fR] [\\fIoptions\\fR]",
            ".SH DESCRIPTION",
            escape("Without a command, opens the interactive browser when standard input and output are a terminal, "
                   + "and prints the study list otherwise. Values come from the seed documents where they give one, "
                   + "else from the study's own record, marked \u{2020} (# in ASCII)."),
            ".SH COMMANDS",
        ]
        for (name, about) in commands {
            lines += [".TP", ".B \(name)", escape(about)]
        }
        lines.append(".SH KEYS")
        var sections: [(title: String, contexts: Set<KeyContext>, bindings: [Keymap.Binding])] = []
        for binding in Keymap.bindings {
            if let index = sections.firstIndex(where: { $0.contexts == binding.contexts }) {
                sections[index].bindings.append(binding)
            } else {
                sections.append((HelpText.sectionTitle(binding.contexts), binding.contexts, [binding]))
            }
        }
        for section in sections {
            lines += [".SS \(escape(section.title))"]
            for binding in section.bindings {
                lines += [".TP", ".B \(escape(binding.keys.map(\.label).joined(separator: " ")))", escape(binding.help)]
            }
        }
        lines += [".SH FILTER QUERIES", ".nf"]
        lines += QueryHelpText.text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
        lines += [".fi", ".SH ENVIRONMENT"]
        for (name, about) in environment {
            lines += [".TP", ".B \(name)", escape(about)]
        }
        lines += [".SH EXAMPLES", ".nf"]
        lines += examples.map(escape)
        lines += [".fi", ".SH EXIT STATUS",
                  escape("0 success; 1 no study with that id; 64 bad usage, filter or sort key; 65 invalid data; "
                         + "66 a data path cannot be opened; 74 the output cannot be written; 128 + n after signal n."),
                  ".SH SEE ALSO", escape("study-browser query-help; the README, which has the data format and a meeting walk-through.")]
        return lines.joined(separator: "\n") + "\n"
    }

    static let commands: [(String, String)] = [
        ("browse", "the interactive browser (the default on a terminal); -i, -f, -s, --seed-only set where it starts, --print prints that screen"),
        ("list", "the studies, filtered and sorted, as a table, CSV, JSON or Markdown"),
        ("show ID", "every field of one study, with its sources"),
        ("summary", "each indication's evidence at a glance: designs, participants by source, directions, best level"),
        ("findings", "summary of findings and text forest plots per indication"),
        ("export", "every study with every field, as JSON, CSV or Markdown"),
        ("validate [PATH...]", "check data files; every problem as file:record:field; exit 65 when any"),
        ("query-help", "the filter query language"),
        ("man", "this manual page, as roff (study-browser man | man -l -)"),
    ]

    static let environment: [(String, String)] = [
        ("NO_COLOR", "set to anything: no colours; every meaning is also a symbol or a word"),
        ("COLUMNS", "the width for tables when output is not a terminal (at most 1000); --width overrides it"),
        ("ESCDELAY", "milliseconds to wait after Esc for the rest of an escape sequence (ncurses; 25 by default here)"),
        ("TERM", "the terminal type; unset, dumb or unknown prints the list instead of opening the browser"),
        ("LANG, LC_ALL", "a locale that is not UTF-8 gets ASCII symbols"),
        ("HOME", "what ~ means in an export path"),
    ]

    static let examples = [
        "study-browser -i migraine -f 'design:rct' -s dose",
        "study-browser list -i sud --sort evidence",
        "study-browser list -f 'from:primary !mark:lab' --format csv",
        "study-browser summary -i trd --format markdown",
        "study-browser findings -i trd --words",
        "study-browser validate my-studies.json Data/sources.json",
    ]

    /// Roff-safe text: backslashes doubled, a leading dot or quote guarded, and made inert.
    static func escape(_ text: String) -> String {
        var line = InertText.make(text).replacing("\\", with: "\\e")
        if line.hasPrefix(".") || line.hasPrefix("'") { line = "\\&" + line }
        return line.replacing("-", with: "\\-")
    }
}

/// `study-browser man`: the manual page as roff.
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "man", abstract: "Print the manual page (roff): study-browser man | man -l -")

    mutating func run() throws {
        Console.write(document: ManPage.roff())
    }
}
