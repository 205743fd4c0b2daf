import ArgumentParser
import StudyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error, and tells what kind of terminal is attached.
enum Console {
    /// Writes text to standard output as is.
    static func write(_ text: String) { writeOrExit(STDOUT_FILENO, text) }

    /// Writes a line to standard error.
    static func error(_ line: String) { writeOrExit(STDERR_FILENO, line + "\n") }

    private static func writeOrExit(_ descriptor: Int32, _ text: String) {
        guard let failure = DescriptorWriter.writeAll(descriptor, text) else { return }
        // The reader went away (a pipe into `head`): stop quietly, as other tools do.
        exit(failure == EPIPE ? 0 : 74)
    }

    /// Prints a usage problem to standard error and returns the exit (64, EX_USAGE) to throw.
    static func usageError(_ message: String) -> ExitCode {
        error("study-browser: " + message)
        return ExitCode(64)
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
