import ArgumentParser
import BundledData
import StudyCore

/// `--data PATH`, repeatable: the data to load instead of the bundled set.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "A data file or a folder of *.json files to load instead of the bundled data (repeatable).",
        valueName: "path"))
    var paths: [String] = []

    /// The files to read: the given paths, or the dataset compiled into the binary.
    func files() -> (files: [DataFile], problems: [DataProblem]) {
        if paths.isEmpty { return (Self.bundledFiles(), []) }
        return DataFileReader.files(at: paths)
    }

    /// The bundled data files, named as in the source tree.
    static func bundledFiles() -> [DataFile] {
        BundledData.files.map { DataFile(name: "Data/\($0.name) (bundled)", bytes: [UInt8]($0.bytes)) }
    }

    /// Loads the dataset; on any problem prints them all to standard error and exits 65 or 66.
    func loadOrExit() throws -> Dataset {
        let read = files()
        return try Self.datasetOrExit(read, DatasetLoader.load(read.files))
    }

    /// The loaded dataset, or every problem printed to standard error and an exit of 65 or 66.
    static func datasetOrExit(_ read: (files: [DataFile], problems: [DataProblem]),
                              _ loaded: (dataset: Dataset, problems: [DataProblem])) throws -> Dataset {
        let problems = read.problems + loaded.problems
        guard problems.isEmpty else {
            for problem in problems { Console.error("\(problem)") }
            Console.error("study-browser: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the data; nothing shown. `study-browser validate` checks data files.")
            throw ExitCode(problems.exitStatus)
        }
        return loaded.dataset
    }
}
