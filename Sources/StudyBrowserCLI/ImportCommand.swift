import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore

/// `study-browser import FILE…`: PubMed, RIS and ClinicalTrials.gov records into one data file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn PubMed (MEDLINE text or XML), RIS or ClinicalTrials.gov records into a data file.",
        discussion: """
        Every imported value names its record (pubmed:PMID, ctgov:NCT…); anything a record does not \
        state is not reported. Records that never mention ketamine or esketamine are skipped unless \
        --keep-all; records already in the data given with --against (the bundled data by default), \
        or earlier in the input, are reported as duplicates and not imported. A record that cannot \
        be read is refused with its file, line or record number and tag; the rest still import. \
        When nothing is left to import, nothing is written. \
        Exit status: 0 all read; 65 a record or file was refused (the file is still written with the rest); \
        66 an input cannot be opened. Gzipped files (PubMed's .xml.gz) are unpacked as they are read; \
        - reads standard input.
        """
    )

    @Argument(help: ArgumentHelp("Files to import (gzipped or not); - for standard input.", valueName: "file"))
    var files: [String]

    @Option(help: "auto, medline, pubmed-xml, ris or ctgov.")
    var format = "auto"

    @Option(name: [.short, .customLong("indication")], help: "Put every record under this indication instead of the mapping table.")
    var indication: String?

    @Option(help: ArgumentHelp("Where to write the data file; - for standard output.", valueName: "path"))
    var out = "-"

    @Option(help: ArgumentHelp("Data to find duplicates in (repeatable); the bundled data when not given.", valueName: "path"))
    var against: [String] = []

    @Flag(help: "Keep records that never mention ketamine or esketamine.")
    var keepAll = false

    mutating func run() throws {
        let chosen: ImportedRecord.Format?
        if format == "auto" {
            chosen = nil
        } else {
            guard let named = ImportedRecord.Format(rawValue: format) else {
                throw Console.usageError("unknown format '\(format)'; use auto, medline, pubmed-xml, ris or ctgov")
            }
            chosen = named
        }
        let forced = try indication.map { try StudySelection(indication: $0, filter: nil, sort: nil).indication }
        let read = against.isEmpty ? (files: DataOptions.bundledFiles(), problems: []) : DataFileReader.files(at: against)
        let existing = try DataOptions.datasetOrExit(read, DatasetLoader.load(read.files))
        var inputs: [ImportRun.Input] = []
        var unreadable: [ImportProblem] = []
        for file in files {
            let name = file == "-" ? "standard input" : file
            guard let bytes = Self.contents(of: file) else {
                Console.error("study-browser: cannot open \(name): \(Self.whyUnreadable(file))")
                throw ExitCode(66)
            }
            guard Gunzip.isGzip(bytes) else {
                inputs.append(ImportRun.Input(name: name, bytes: bytes))
                continue
            }
            do {
                inputs.append(ImportRun.Input(name: name, bytes: try Gunzip.unpack(bytes)))
            } catch {
                unreadable.append(ImportProblem(file: name, message: "\(error); nothing in it was imported"))
            }
        }
        let today = Self.todayInUTC()
        let result = ImportRun.run(inputs, format: chosen, indication: forced.flatMap { $0 }, against: existing, keepAll: keepAll, importedOn: today)
        for line in result.duplicates + result.offTopic + result.warnings { Console.error("\(line)") }
        let problems = unreadable + result.problems
        Self.report(problems)
        let counts = "imported \(result.studies.count), duplicates \(result.duplicates.count), off-topic \(result.offTopic.count), "
            + "refused \(problems.count), warnings \(result.warnings.count)"
        // A data file with no studies is not valid data; an earlier file at --out is kept as it was.
        guard !result.studies.isEmpty else {
            Console.error("\(counts); nothing to write" + (out == "-" ? "" : ", \(out) left as it was"))
            if problems.isEmpty { return }
            throw ExitCode(65)
        }
        // Imported data files run to about twice their input (pretty-printed, with every field named).
        // Sized by what is imported, not read: a large export yielding a few studies reserves little.
        let inputBytes = inputs.reduce(0) { $0 + $1.bytes.count }
        let expected = min(inputBytes * 2, result.studies.count * 8_192) + 4_096
        let text = DataFileWriter.json(studies: result.studies, sources: result.sources, expectedBytes: expected)
        if out == "-" {
            Console.write(document: text)
        } else {
            do {
                try AtomicFile.write(TerminalText(document: text), to: out, overwrite: true)
            } catch {
                Console.error("study-browser: \(error)")
                throw ExitCode(74)
            }
        }
        Console.error("\(counts)" + (out == "-" ? "" : " → \(out)"))
        if !problems.isEmpty { throw ExitCode(65) }
    }

    /// Problems on standard error, at most `shownPerFile` for each file so one wrong file
    /// cannot bury the rest; the closing count still counts them all.
    static func report(_ problems: [ImportProblem], shownPerFile: Int = 20) {
        var shown: [String: Int] = [:]
        var hidden: [(file: String, count: Int)] = []
        for problem in problems {
            let count = shown[problem.file, default: 0]
            shown[problem.file] = count + 1
            if count < shownPerFile {
                Console.error("\(problem)")
            } else if let last = hidden.indices.last, hidden[last].file == problem.file {
                hidden[last].count += 1
            } else {
                hidden.append((problem.file, 1))
            }
        }
        for (file, count) in hidden {
            Console.error("\(file): \(count) more \(count == 1 ? "problem" : "problems") not shown")
        }
    }

    /// Today's date in UTC as YYYY-MM-DD, for `imported`.
    private static func todayInUTC() -> String {
        var now = time(nil)
        var parts = tm()
        guard gmtime_r(&now, &parts) != nil else { return "1970-01-01" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }

    /// A file's bytes, or standard input's for `-`; nil when it cannot be read.
    private static func contents(of file: String) -> [UInt8]? {
        if file == "-" { return readToEnd(STDIN_FILENO) }
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        return readToEnd(descriptor)
    }

    /// Everything left to read from a descriptor; nil on a read error.
    private static func readToEnd(_ descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Why `contents(of:)` gave nothing, in the words `ls` would use.
    private static func whyUnreadable(_ file: String) -> String {
        if file == "-" { return "standard input could not be read" }
        var info = stat()
        guard stat(file, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? "no such file" : "permission denied or not readable" }
        return (info.st_mode & S_IFMT) == S_IFDIR ? "it is a folder; name the files in it" : "permission denied or not readable"
    }
}
