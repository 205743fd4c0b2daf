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

    /// Reads paths (files or folders) and loads them a file at a time, reading the next file
    /// while one is decoded, so that at most two files' bytes are in memory at once.
    /// `inspect` sees each file's bytes as read, before they are decoded (the derived index
    /// fingerprints them), and `collector` keeps what an index's snapshot needs of them.
    public static func load(paths: [String], progress: LoadProgress? = nil, collector: DataSnapshot.Collector? = nil,
                            inspect: ((DataFile) -> Void)? = nil) -> (dataset: Dataset, problems: [DataProblem]) {
        let located = DataFileReader.locate(paths)
        var readProblems = located.problems
        var dataset = Dataset()
        var problems: [DataProblem] = []
        var names: [String] = []
        let paths = located.paths
        // The studies array is found once, for the collector and the decoder both.
        let wantsLayout = collector != nil
        // Each file's bytes, once decoded, are the buffer of the file after next (see
        // `readFile(_:reusing:)`): two buffers take turns.
        var spare: [UInt8] = []
        var next = paths.first.map { ReadFile.read($0, reusing: nil, layout: wantsLayout) }
        for (index, path) in paths.enumerated() {
            guard let read = next else { break }
            progress?.update("reading \(path.split(separator: "/").last.map(String.init) ?? path)", nil)
            let following = index + 1 < paths.count ? paths[index + 1] : nil
            // Moved into a box, so the thread that reads into it holds its only reference:
            // captured as an array, a second reference would make the read copy it whole.
            let buffer = Moved(spare)
            spare = []
            switch read.file {
            case .success(let file):
                inspect?(file)
                names.append(file.name)
                // What the snapshot keeps of this file, then reading and scanning the next one,
                // take one core for about a third of a second per 200 MB: beside the decoding,
                // they overlap it. The file goes over in a box the side empties, so no reference
                // to its bytes outlives the side's work.
                let current = collector == nil ? nil : Moved(file)
                let layout = read.layout
                let (decoded, ahead) = Parallel.beside({
                    if let collector, let file = current?.take() { collector.inspect(file, studies: layout) }
                    return following.map { ReadFile.read($0, reusing: buffer, layout: wantsLayout) }
                }, while: {
                    DataFileDecoder.decode(file.bytes, file: file.name, progress: progress, studies: layout)
                })
                add(decoded, to: &dataset, problems: &problems)
                next = ahead
                spare = file.bytes
            case .failure(let problem):
                readProblems.append(problem)
                next = following.map { ReadFile.read($0, reusing: buffer, layout: wantsLayout) }
            }
        }
        // Let go of before the checks, not after them.
        spare = []
        let loaded = finish(dataset, problems, fileNames: names, progress: progress)
        return (loaded.dataset, readProblems + loaded.problems)
    }

    /// A data file as read, with its studies array found when asked (for the collector) or when
    /// the file is large enough to decode in parallel.
    private struct ReadFile: Sendable {
        let file: Result<DataFile, DataProblem>
        let layout: JSONStructure.ArrayLayout?

        static func read(_ path: String, reusing spare: Moved<[UInt8]>?, layout wanted: Bool) -> ReadFile {
            var buffer = spare?.take() ?? []
            let file = DataFileReader.readFile(path, reusing: &buffer)
            guard case .success(let read) = file else { return ReadFile(file: file, layout: nil) }
            let layout = wanted || read.bytes.count >= DataFileDecoder.parallelBytes ? JSONStructure.array(under: "studies", in: read.bytes) : nil
            return ReadFile(file: file, layout: layout)
        }
    }

    /// A value handed to the thread that reads ahead, which takes it once: moved through a box,
    /// the taker holds its only reference (a file buffer captured as an array would have a
    /// second one, and reading into it would copy it whole).
    private final class Moved<Value>: @unchecked Sendable {
        private var value: Value?
        init(_ value: Value) { self.value = value }

        /// The value, leaving none behind.
        func take() -> Value? {
            defer { value = nil }
            return value
        }
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
