import ArgumentParser
import StudyCore

/// `--no-index` and `--index-dir`: whether and where `--data` files get a derived index.
struct IndexOptions: ParsableArguments {
    @Flag(name: .customLong("no-index"), help: "Load --data files without the derived index: parse and check them in full, as on a first start, and write no index.")
    var disabled = false

    @Option(name: .customLong("index-dir"), help: ArgumentHelp(
        "Where derived indexes are kept (default: $XDG_CACHE_HOME/study-browser, else ~/.cache/study-browser). Naming a folder indexes data of any size, not only 1 MiB or more.",
        valueName: "folder"))
    var folder: String?

    /// The store to load through, or nil when indexes are off or there is nowhere to keep one.
    func store(environment: [String: String]) -> IndexStore? {
        guard !disabled, let folder = folder ?? IndexStore.defaultFolder(environment: environment) else { return nil }
        // A folder named on purpose is a request for an index, whatever the data's size.
        return IndexStore(folder: folder, always: self.folder != nil)
    }

    /// Loads `paths` through the index when there is one to use, else the plain way.
    /// With `writeLater` an index that has to be built comes back unwritten (`Outcome.pending`).
    func load(paths: [String], view: SourceView, environment: [String: String], progress: LoadProgress? = nil,
              writeLater: Bool = false) -> IndexStore.Outcome {
        guard let store = store(environment: environment) else { return IndexStore.plain(paths: paths, view: view, progress: progress) }
        return store.load(paths: paths, view: view, progress: progress, writeLater: writeLater)
    }
}
