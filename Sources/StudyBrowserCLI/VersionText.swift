import StudyCore

/// What `study-browser --version` prints: the program's version and the embedded data's.
enum VersionText {
    /// The program's version (semantic versioning).
    static let version = "1.0.0"

    /// Version, then the embedded data's checked date and size: the admin of a shared host can
    /// tell which evidence the installed binary carries without opening it.
    static func full() -> String {
        let loaded = DatasetLoader.load(DataOptions.bundledFiles())
        let dataset = loaded.dataset
        let date = dataset.checked ?? "date not given"
        var text = "study-browser \(version)\n"
        text += "embedded data: checked \(date); \(dataset.studies.count) studies, "
        if !dataset.reviews.isEmpty { text += "\(dataset.reviews.count) review\(dataset.reviews.count == 1 ? "" : "s"), " }
        text += "\(dataset.contexts.count) indication records, \(dataset.sources.count) sources"
        if !loaded.problems.isEmpty { text += " (\(loaded.problems.count) problems: run study-browser validate)" }
        return text + "\n"
    }
}
