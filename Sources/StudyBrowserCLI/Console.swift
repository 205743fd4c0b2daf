import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error, and tells what kind of terminal is attached.
enum Console {
    /// Writes text to standard output as is.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in writeAll(STDOUT_FILENO, buffer) }
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { buffer in writeAll(STDERR_FILENO, buffer) }
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                // The reader went away (a pipe into `head`): stop quietly, as other tools do.
                exit(errno == EPIPE ? 0 : 74)
            }
            remaining -= written
            base += written
        }
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
