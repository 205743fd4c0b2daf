import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StudyCore

/// `study-browser index PATH…`: builds the derived index of data files ahead of the first start.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the derived index of data files now, so the first browse of them starts fast.",
        discussion: """
        The browser and list build an index by themselves the first time they load --data files \
        of 1 MiB or more (of any size when --index-dir names a folder), and reuse it while the files are unchanged (same sizes and content \
        hashes); this command builds one for data of any size. The data files stay the source \
        of truth: an index that is out of date, damaged, truncated or written by another build \
        is rebuilt, never trusted. Indexes live in $XDG_CACHE_HOME/study-browser (else \
        ~/.cache/study-browser) unless --index-dir names another folder; deleting them is always safe. \
        While it works, the stage it has reached is shown on standard error when that is a terminal.

        Exit status: 0 built or already up to date; 65 invalid data (nothing is indexed); 66 a \
        path cannot be opened; 73 no index could be written (no folder for it, a failed write, or \
        data the index cannot hold; the message says which).
        """
    )

    @Argument(help: ArgumentHelp("Data files or folders of *.json files.", valueName: "path"))
    var paths: [String]

    @Option(name: .customLong("index-dir"), help: ArgumentHelp(
        "Where derived indexes are kept (default: $XDG_CACHE_HOME/study-browser, else ~/.cache/study-browser).",
        valueName: "folder"))
    var folder: String?

    @Flag(help: "Index the seed-only view (what --seed-only shows) instead of the best-sourced one.")
    var seedOnly = false

    mutating func run() throws {
        guard !paths.isEmpty else { throw Console.usageError("name the data files or folders to index") }
        guard let folder = folder ?? IndexStore.defaultFolder(environment: ProcessInfo.processInfo.environment) else {
            Console.error("study-browser: neither XDG_CACHE_HOME nor HOME is set; name a folder with --index-dir")
            throw ExitCode(73)
        }
        let store = IndexStore(folder: folder, always: true)
        // The stage on standard error while it works, when that is a terminal (a million studies take half a minute).
        let line = ProgressLine()
        let outcome = store.load(paths: paths, view: seedOnly ? .seedOnly : .best, progress: line.progress)
        line.finish()
        guard outcome.problems.isEmpty else {
            _ = try DataOptions.datasetOrExit(([], []), (outcome.dataset, outcome.problems))
            return
        }
        if outcome.reused {
            let located = DataFileReader.locate(paths)
            Console.write("up to date: \(store.path(for: located.paths, view: seedOnly ? .seedOnly : .best)) (\(outcome.catalog?.studyCount ?? outcome.dataset.studies.count) studies)\n")
        } else if let note = outcome.note {
            Console.write("\(note)\n")
        }
        // The process ends here, the studies still held: letting go of a million of them one
        // by one took two seconds more, and the kernel frees the whole process at once.
        withExtendedLifetime(outcome) { Console.end(status: outcome.unsaved ? 73 : 0) }
    }
}
