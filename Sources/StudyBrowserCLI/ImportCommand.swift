import ArgumentParser
import Foundation
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
        Exit status: 0 all read; 65 a record or file was refused (the file is still written with the rest); \
        66 an input cannot be opened. Gzipped PubMed XML is not read yet: gunzip it first.
        """
    )

    @Argument(help: ArgumentHelp("Files to import.", valueName: "file"))
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
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.error("study-browser: cannot open \(file)")
                throw ExitCode(66)
            }
            let bytes = Array(data)
            if bytes.starts(with: [0x1F, 0x8B]) {
                Console.error("study-browser: \(file) is gzipped, which import does not read yet; gunzip it first")
                throw ExitCode(65)
            }
            inputs.append(ImportRun.Input(name: file, bytes: bytes))
        }
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
        let result = ImportRun.run(inputs, format: chosen, indication: forced.flatMap { $0 }, against: existing, keepAll: keepAll, importedOn: today)
        for line in result.duplicates + result.offTopic + result.warnings { Console.error("\(line)") }
        for problem in result.problems { Console.error("\(problem)") }
        let text = DataFileWriter.json(studies: result.studies, sources: result.sources)
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
        Console.error("imported \(result.studies.count), duplicates \(result.duplicates.count), off-topic \(result.offTopic.count), "
            + "refused \(result.problems.count), warnings \(result.warnings.count)" + (out == "-" ? "" : " → \(out)"))
        if !result.problems.isEmpty { throw ExitCode(65) }
    }
}
