import ArgumentParser
import StudyCore

/// `study-browser validate [PATH…]`: checks data files and reports every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check data files against the schema and for consistency; report every problem.",
        discussion: """
        With no paths, checks the bundled data. Each problem is printed as \
        file:record:field: message (JSON syntax errors as file:line:column: message). \
        Exit status: 0 valid; 65 invalid data; 66 a path cannot be opened or holds no data files.
        """
    )

    @Argument(help: ArgumentHelp("Data files or folders of *.json files.", valueName: "path"))
    var paths: [String] = []

    mutating func run() throws {
        let read = paths.isEmpty ? (files: DataOptions.bundledFiles(), problems: []) : DataFileReader.files(at: paths)
        let loaded = DatasetLoader.load(read.files)
        let problems = read.problems + loaded.problems
        for problem in problems { Console.write("\(problem)\n") }
        let dataset = loaded.dataset
        if problems.isEmpty {
            let studies = dataset.studies.count == 1 ? "1 study" : "\(dataset.studies.count) studies"
            let reviews = dataset.reviews.isEmpty ? "" : "\(dataset.reviews.count) review\(dataset.reviews.count == 1 ? "" : "s") with \(dataset.reviews.reduce(0) { $0 + $1.findings.count }) summary-of-findings rows, "
            Console.write("valid: \(studies), \(reviews)\(dataset.contexts.count) indication records and \(dataset.sources.count) source\(dataset.sources.count == 1 ? "" : "s") in \(read.files.count) file\(read.files.count == 1 ? "" : "s")\n")
            return
        }
        Console.error("study-browser: \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        throw ExitCode(problems.exitStatus)
    }
}
