/// Loads data files into one dataset and checks it as a whole.
public enum DatasetLoader {
    /// Decodes and validates files. Problems are listed in file order; the dataset keeps
    /// only records without problems.
    /// `progress`, if given, hears each stage as it goes.
    public static func load(_ files: [DataFile], progress: LoadProgress? = nil) -> (dataset: Dataset, problems: [DataProblem]) {
        var dataset = Dataset()
        var problems: [DataProblem] = []
        for file in files {
            let decoded = DataFileDecoder.decode(file.bytes, file: file.name, progress: progress)
            dataset.sources += decoded.dataset.sources
            dataset.contexts += decoded.dataset.contexts
            dataset.studies += decoded.dataset.studies
            problems += decoded.problems
        }
        progress?.update("checking ids and sources", nil)
        problems += DatasetValidator.problems(in: dataset)
        if files.isEmpty == false && dataset.studies.isEmpty && problems.isEmpty {
            problems.append(DataProblem(file: files.map(\.name).joined(separator: ", "),
                                        message: "no studies: the data holds no \"studies\" records"))
        }
        return (dataset, problems)
    }

    /// Reads paths (files or folders) and loads them.
    public static func load(paths: [String]) -> (dataset: Dataset, problems: [DataProblem]) {
        let read = DataFileReader.files(at: paths)
        let loaded = load(read.files)
        return (loaded.dataset, read.problems + loaded.problems)
    }
}
