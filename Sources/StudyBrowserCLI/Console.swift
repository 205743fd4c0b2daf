import ArgumentParser
import StudyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error, and tells what kind of terminal is attached.
enum Console {
    /// Ends the process now, with `status`: what it still holds is freed by the kernel at once.
    static func end(status: Int32) -> Never { exit(status) }

    /// Writes text to standard output. Only `TerminalText` is accepted, so nothing from
    /// outside reaches the terminal without being made inert.
    static func write(_ text: TerminalText) { writeOrExit(STDOUT_FILENO, text.string) }

    /// Writes a formatter's whole document (table, CSV, JSON, Markdown) to standard output.
    static func write(document: String) { write(TerminalText(document: document)) }

    /// Writes a line to standard error.
    static func error(_ line: TerminalText) { writeOrExit(STDERR_FILENO, line.string + "\n") }

    private static func writeOrExit(_ descriptor: Int32, _ text: String) {
        guard let failure = DescriptorWriter.writeAll(descriptor, text) else { return }
        // The reader went away (a pipe into `head`): stop quietly, as other tools do.
        if failure == EPIPE { exit(0) }
        // A full disk or a closed descriptor: say so where it can still be read, exit 74 (EX_IOERR).
        if descriptor != STDERR_FILENO {
            let reason = String(cString: strerror(failure)).lowercased()
            DescriptorWriter.writeAll(STDERR_FILENO, "study-browser: cannot write the output: \(reason)\n")
        }
        exit(74)
    }

    /// Prints a usage problem to standard error and returns the exit (64, EX_USAGE) to throw.
    static func usageError(_ message: TerminalText) -> ExitCode {
        error("study-browser: " + message)
        return ExitCode(64)
    }

    /// Writes `line` over the last one on standard error (a terminal) and gives the columns it
    /// took: a carriage return, the line cut to one column less than the terminal's width (so it
    /// never wraps), and spaces over what is left of the line before; nil clears the line.
    /// Best effort: a progress line that cannot be written is not worth stopping the work for.
    static func rewrite(_ line: TerminalText?, over previous: Int) -> Int {
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        let text = line.map { DisplayWidth.truncate($0.string, to: columns - 1, ellipsis: "") } ?? ""
        let width = DisplayWidth.of(text)
        // Spaces only up to the edge of a terminal that may have narrowed since: more would wrap,
        // and the carriage return could not reach the line they left.
        let blanks = max(0, min(previous, columns - 1) - width)
        // The carriage return is the program's own control byte, written as such.
        DescriptorWriter.writeAll(STDERR_FILENO, "\r" + text + String(repeating: " ", count: blanks) + (line == nil ? "\r" : ""))
        return width
    }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns available for table output: the terminal's width, else `COLUMNS`, else 0 (no limit).
    static func outputWidth(environment: [String: String]) -> Int {
        if outputIsTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return outputIsTerminal ? 80 : 0
    }

    /// Whether the locale asks for UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as setlocale reads them).
    static func localeIsUTF8(environment: [String: String]) -> Bool {
        let value = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lowered = value.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
