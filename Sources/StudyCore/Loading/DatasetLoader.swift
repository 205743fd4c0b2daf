/// Loads data files into one dataset and checks it as a whole.
public enum DatasetLoader {
    /// Decodes and validates files. Problems are listed in file order; the dataset keeps
    /// only records without problems. `progress`, if given, hears each stage as it goes.
    public static func load(_ files: [DataFile], progress: LoadProgress? = nil) -> (dataset: Dataset, problems: [DataProblem]) {
        var dataset = Dataset()
        var problems: [DataProblem] = []
        for file in files {
            add(DataFileDecoder.decode(file.bytes, file: file.name, progress: progress), to: &dataset, problems: &problems)
        }
        return finish(dataset, problems, fileNames: files.map(\.name), progress: progress)
    }

    /// Reads paths (files or folders) and loads them, one file at a time so that only one
    /// file's bytes are in memory at once.
    /// `inspect` sees each file's bytes as read, before they are decoded (the derived index
    /// fingerprints them), and `collector` keeps what an index's snapshot needs of them.
    public static func load(paths: [String], progress: LoadProgress? = nil, collector: DataSnapshot.Collector? = nil,
                            inspect: ((DataFile) -> Void)? = nil) -> (dataset: Dataset, problems: [DataProblem]) {
        let located = DataFileReader.locate(paths)
        var readProblems = located.problems
        var dataset = Dataset()
        var problems: [DataProblem] = []
        var names: [String] = []
        // Each file's bytes, once decoded, are the next file's buffer (see `readFile(_:reusing:)`).
        var spare: [UInt8] = []
        for path in located.paths {
            progress?.update("reading \(path.split(separator: "/").last.map(String.init) ?? path)", nil)
            switch DataFileReader.readFile(path, reusing: &spare) {
            case .success(let file):
                inspect?(file)
                // The studies array is found once, for the collector and the decoder both.
                let layout = collector != nil || file.bytes.count >= DataFileDecoder.parallelBytes
                    ? JSONStructure.array(under: "studies", in: file.bytes) : nil
                collector?.inspect(file, studies: layout)
                names.append(file.name)
                add(DataFileDecoder.decode(file.bytes, file: file.name, progress: progress, studies: layout), to: &dataset, problems: &problems)
                spare = file.bytes
            case .failure(let problem):
                readProblems.append(problem)
            }
        }
        spare = []
        let loaded = finish(dataset, problems, fileNames: names, progress: progress)
        return (loaded.dataset, readProblems + loaded.problems)
    }

    private static func add(_ decoded: (dataset: Dataset, problems: [DataProblem]), to dataset: inout Dataset,
                            problems: inout [DataProblem]) {
        dataset.sources += decoded.dataset.sources
        dataset.contexts += decoded.dataset.contexts
        dataset.reviews += decoded.dataset.reviews
        dataset.studies += decoded.dataset.studies
        if let checked = decoded.dataset.checked, checked > (dataset.checked ?? "") { dataset.checked = checked }
        problems += decoded.problems
    }

    /// The checks across files, and the "no studies at all" problem.
    private static func finish(_ dataset: Dataset, _ decodeProblems: [DataProblem], fileNames: [String],
                               progress: LoadProgress?) -> (dataset: Dataset, problems: [DataProblem]) {
        var problems = decodeProblems
        progress?.update("checking ids and sources", nil)
        problems += DatasetValidator.problems(in: dataset)
        if !fileNames.isEmpty && dataset.studies.isEmpty && problems.isEmpty {
            problems.append(DataProblem(file: fileNames.joined(separator: ", "),
                                        message: "no studies: the data holds no \"studies\" records"))
        }
        return (dataset, problems)
    }
}
