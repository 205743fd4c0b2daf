import BrowserCore
import StudyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads data files through their derived index: reused while the files are unchanged, built
/// (or rebuilt, with the reason) otherwise. The data files stay the one source of truth; an
/// index that is missing, stale, damaged or of another version is never trusted, only replaced.
///
/// One index file per set of data files and view, in the cache folder; a lock file beside it
/// makes sessions that start together wait for the first one's build and then share it.
struct IndexStore {
    /// Where index files live.
    let folder: String
    /// Build an index even for small data (the `index` command).
    var always = false

    /// Data smaller than this is loaded without an index unless one exists or is asked for:
    /// it loads in a few tens of milliseconds anyway, and the cache should not fill with
    /// indexes of scratch files.
    static let automaticBytes = 1 << 20

    /// What a load through the index gave.
    struct Outcome {
        /// The data: as read, or (for a catalog that decodes studies as drawn) every study decoded
        /// when first asked for, so callers with a catalog should ask it instead.
        var dataset: Dataset { plain ?? catalog?.loaded ?? Dataset() }
        /// The data as read, when it was read up front.
        private var plain: Dataset?
        var problems: [DataProblem]
        /// The catalog, when it came from or went into an index (nil for a plain load).
        var catalog: Catalog?
        /// What happened to the index, for the user, when it was built or rebuilt or could not be used.
        var note: String?
        /// Whether the catalog came from an existing index.
        var reused = false
        /// Whether an index was wanted but none could be written (the note says why).
        var unsaved = false
        /// The index file still to be written, when the load was asked to leave it for later
        /// (the note then says it is being written).
        var pending: PendingIndexWrite?

        init(dataset: Dataset?, problems: [DataProblem], catalog: Catalog? = nil, note: String? = nil, reused: Bool = false, unsaved: Bool = false) {
            plain = dataset
            self.problems = problems
            self.catalog = catalog
            self.note = note
            self.reused = reused
            self.unsaved = unsaved
        }
    }

    /// `$XDG_CACHE_HOME/study-browser`, else `~/.cache/study-browser`; nil without either.
    static func defaultFolder(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/study-browser" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/study-browser" }
        return nil
    }

    /// The index file for these data files in this view.
    func path(for files: [String], view: SourceView) -> String {
        let key = files.map(Self.absolute).joined(separator: "\n") + "\n" + view.rawValue
        let hash = ContentHash.of(Array(key.utf8))
        let hex = String(hash, radix: 16)
        return folder + "/" + String(repeating: "0", count: 16 - hex.count) + hex + ".sbindex"
    }

    /// Loads `paths` for `view`, through the index where it can. With `writeLater`, an index
    /// that has to be built is handed back unwritten (`Outcome.pending`), for the caller to
    /// write once the data is on screen; otherwise it is written before this returns.
    func load(paths: [String], view: SourceView, progress: LoadProgress?, writeLater: Bool = false) -> Outcome {
        let located = DataFileReader.locate(paths)
        guard located.problems.isEmpty, !located.paths.isEmpty else { return Self.plain(paths: paths, view: view, progress: progress) }
        let indexPath = path(for: located.paths, view: view)
        guard always || located.bytes >= Self.automaticBytes || access(indexPath, F_OK) == 0 else {
            return Self.plain(paths: paths, view: view, progress: progress)
        }
        guard Self.makeFolder(folder) else {
            let reason = Self.reason()
            var outcome = Self.plain(paths: paths, view: view, progress: progress)
            outcome.note = "cannot create the index folder \(folder) (\(reason)); loaded without an index"
            outcome.unsaved = true
            return outcome
        }
        let lock = open(indexPath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        // The lock is released when the descriptor closes, after the index is read or written.
        defer { if lock >= 0 { close(lock) } }
        // Sessions reading an index share the lock; only a build takes it alone, so warm starts
        // never queue behind one another.
        if lock >= 0 { Self.acquire(lock, LOCK_SH, progress: progress) }
        var attempt = reuse(files: located.paths, view: view, indexPath: indexPath, progress: progress)
        if lock >= 0, attempt.outcome == nil {
            flock(lock, LOCK_UN)
            Self.acquire(lock, LOCK_EX, progress: progress)
            // Another session may have built it while this one waited: then it is read under a
            // shared lock again, so sessions that queued behind one build read it side by side.
            let stale = Self.staleness(files: located.paths, view: view, indexPath: indexPath)
            guard stale.current else {
                return build(paths: paths, view: view, indexPath: indexPath, stale: stale.reason, progress: progress, lock: lock, writeLater: writeLater)
            }
            flock(lock, LOCK_SH)
            attempt = reuse(files: located.paths, view: view, indexPath: indexPath, progress: progress)
        }
        if let outcome = attempt.outcome { return outcome }
        if lock >= 0 {
            // Built under the lock held alone, as above, so no reader sees the old file go.
            flock(lock, LOCK_UN)
            Self.acquire(lock, LOCK_EX, progress: progress)
        }
        return build(paths: paths, view: view, indexPath: indexPath, stale: attempt.stale, progress: progress, lock: lock, writeLater: writeLater)
    }

    /// Takes the lock, saying so when another session holds it.
    private static func acquire(_ lock: Int32, _ operation: Int32, progress: LoadProgress?) {
        guard flock(lock, operation | LOCK_NB) != 0 else { return }
        progress?.update("waiting for another session to finish the index", nil)
        while flock(lock, operation) != 0 && errno == EINTR {}
    }

    /// Whether the index is current for these files, and if not why (nil reason: there is none).
    private static func staleness(files: [String], view: SourceView, indexPath: String) -> (current: Bool, reason: String?) {
        do throws(IndexFileError) {
            let header = try CatalogIndex.header(of: try IndexFile(path: indexPath))
            if header.program != program { return (false, "was written by another build of study-browser") }
            if header.view != view { return (false, "is for another view") }
            if let change = change(since: header.fingerprint, files: files) { return (false, "is out of date (\(change))") }
            return (true, nil)
        } catch {
            return (false, access(indexPath, F_OK) == 0 ? "\(error)" : nil)
        }
    }

    /// The data and catalog from the index when it is current; otherwise why it is not (nil
    /// when there is no index).
    private func reuse(files: [String], view: SourceView, indexPath: String, progress: LoadProgress?) -> (outcome: Outcome?, stale: String?) {
        let program = Self.program
        do throws(IndexFileError) {
            let index = try IndexFile(path: indexPath)
            let header = try CatalogIndex.header(of: index)
            if header.program != program { return (nil, "was written by another build of study-browser") }
            if header.view != view { return (nil, "is for another view") }
            if let change = Self.change(since: header.fingerprint, files: files) { return (nil, "is out of date (\(change))") }
            progress?.update("reading the index", nil)
            // Studies are decoded as they are drawn, unless own records give the data two views.
            if let catalog = try CatalogIndex.lazyCatalog(from: index) {
                return (Outcome(dataset: nil, problems: [], catalog: catalog, reused: true), nil)
            }
            let dataset = try CatalogIndex.dataset(from: index)
            let catalog = try CatalogIndex.catalog(from: index, loaded: dataset)
            return (Outcome(dataset: dataset, problems: [], catalog: catalog, reused: true), nil)
        } catch {
            return (nil, access(indexPath, F_OK) == 0 ? "\(error)" : nil)
        }
    }

    /// Loads the data files the ordinary way and works out their index; writes it now, or
    /// hands it back unwritten (holding the lock) with `writeLater`.
    private func build(paths: [String], view: SourceView, indexPath: String, stale: String?, progress: LoadProgress?,
                       lock: Int32, writeLater: Bool) -> Outcome {
        let program = Self.program
        var entries: [DataFingerprint.Entry] = []
        let collector = DataSnapshot.Collector()
        let started = Self.now()
        let loaded = DatasetLoader.load(paths: paths, progress: progress, collector: collector) { file in
            entries.append(DataFingerprint.Entry(file))
        }
        guard loaded.problems.isEmpty else { return Outcome(dataset: loaded.dataset, problems: loaded.problems) }
        progress?.update("indexing \(loaded.dataset.studies.count) studies", nil)
        let fingerprint = DataFingerprint(files: entries)
        let dataset = loaded.dataset
        guard writeLater else {
            // Worked out and written at once: the studies' records stream to the file while the
            // catalog is worked out, and its sections while its grams are.
            let written = Self.write(.toMake { Catalog(dataset, view: view, gramsLater: true) }, dataset: dataset, collector: collector,
                                     fingerprint: fingerprint, program: program, to: indexPath, stale: stale, started: started, control: JobControl())
            var outcome = Outcome(dataset: dataset, problems: [], catalog: written.catalog ?? Catalog(dataset, view: view))
            (outcome.note, outcome.unsaved) = (written.note, written.unsaved)
            return outcome
        }
        // The grams only speed up keystrokes: a table shown first waits for none, and they are
        // built for the file with the rest of the write.
        let catalog = Catalog(dataset, view: view, gramsLater: true)
        let write = PendingIndexWrite(lock: lock, studyCount: catalog.studyCount) { control in
            Self.write(.shown(catalog), dataset: dataset, collector: collector, fingerprint: fingerprint, program: program,
                       to: indexPath, stale: stale, started: started, control: control)
        }
        var outcome = Outcome(dataset: dataset, problems: [], catalog: catalog)
        outcome.pending = write
        // What happens first and the path last: a narrow terminal cuts the end of a long note.
        outcome.note = stale.map { "rebuilding the index beside the table: \(indexPath) \($0)" }
            ?? "indexing \(catalog.studyCount) studies beside the table, into \(indexPath)"
        return outcome
    }

    /// The catalog an index is written for.
    private enum CatalogSource {
        /// Already worked out (a first start shows it before the file is written).
        case shown(Catalog)
        /// To be worked out while the studies' records are written.
        case toMake(() -> Catalog)

        /// The catalog, worked out now if need be.
        func made() -> Catalog {
            switch self {
            case .shown(let catalog): catalog
            case .toMake(let make): make()
            }
        }
    }

    /// Writes the index of the catalog `source` gives; what happened, for the user, and the
    /// catalog with its grams. Cancelled through `control`, it stops between pieces and leaves
    /// no file (nor a catalog).
    private static func write(_ source: CatalogSource, dataset: Dataset, collector: DataSnapshot.Collector, fingerprint: DataFingerprint,
                              program: String, to indexPath: String, stale: String?, started: Double,
                              control: JobControl) -> PendingIndexWrite.Result {
        let stopped: PendingIndexWrite.Result = ("the index was not finished before the program ended; the next start indexes again", true, nil)
        guard !control.isCancelled else { return stopped }
        var built: Catalog?
        var refusal: IndexFileError?
        do throws(AtomicFile.Failure) {
            // A new file, not one that keeps the old index's owner and mode: those may be why it
            // was refused. Sessions look at the index only under the lock, so none sees the gap.
            unlink(indexPath)
            // Private: it holds the data, whoever may read the data files, and an index others
            // may write is refused (whatever the umask would have allowed).
            try AtomicFile.write(to: indexPath, overwrite: true, durable: false, mode: 0o600, commit: { !control.isCancelled }) { descriptor in
                let proceed: @Sendable () -> Bool = { !control.isCancelled }
                let written = switch source {
                case .shown(let catalog):
                    CatalogIndex.write(to: descriptor, dataset: dataset, collector: collector, fingerprint: fingerprint, program: program,
                                       proceed: proceed, catalog: catalog)
                case .toMake(let make):
                    CatalogIndex.write(to: descriptor, dataset: dataset, collector: collector, fingerprint: fingerprint, program: program,
                                       proceed: proceed, making: make)
                }
                built = written.catalog
                switch written.outcome {
                case .written: return nil
                case .failed(let code): return code
                case .refused(let error):
                    refusal = error
                    return ECANCELED
                }
            }
        } catch {
            if control.isCancelled { return stopped }
            if let refusal { return ("these files were not indexed: \(refusal)", true, built) }
            // No file could even be begun: the catalog is still wanted.
            return ("could not save the index (\(error)); the next start indexes again", true, built ?? source.made().withGrams())
        }
        let what = stale.map { "the index \(indexPath) \($0); rebuilt it" } ?? "indexed \(built?.studyCount ?? dataset.studies.count) studies into \(indexPath)"
        return (what + " in \(format(now() - started)) s; later starts with the same data reuse it", false, built)
    }

    /// What changed in the data files since an index was built, in a few words; nil when
    /// nothing did. Files whose status is as recorded are not read; others are hashed.
    private static func change(since fingerprint: DataFingerprint, files: [String]) -> String? {
        let recorded = fingerprint.files.map(\.path)
        if recorded != files {
            if let new = files.first(where: { !recorded.contains($0) }) { return "\(new) is new" }
            if let gone = recorded.first(where: { !files.contains($0) }) { return "\(gone) is no longer read" }
            return "the files are read in another order"
        }
        for entry in fingerprint.files where !entry.unchangedOnDisk {
            guard case .success(let file) = DataFileReader.readFile(entry.path) else { return "\(entry.path) cannot be read" }
            let now = DataFingerprint.Entry(file)
            if now.size != entry.size || now.hash != entry.hash { return "\(entry.path) changed" }
        }
        return nil
    }

    /// The data loaded and checked the ordinary way, without an index (and without a catalog,
    /// which not every command needs).
    static func plain(paths: [String], view: SourceView, progress: LoadProgress?) -> Outcome {
        let loaded = DatasetLoader.load(paths: paths, progress: progress)
        return Outcome(dataset: loaded.dataset, problems: loaded.problems)
    }

    /// This build of the program: its version and its executable's size and time, so a new
    /// build (which may fold or measure differently) never reads an older build's index.
    static let program: String = {
        #if os(Linux)
        let executable = "/proc/self/exe"
        #else
        let executable = CommandLine.arguments.first ?? ""
        #endif
        let build = FileStatus(path: executable).map { "\($0.size)-\($0.modified ?? 0)" } ?? "unknown-build"
        return "study-browser \(VersionText.version) \(build) format \(IndexFile.formatVersion)"
    }()

    private static func makeFolder(_ folder: String) -> Bool {
        var info = stat()
        if stat(folder, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        // A relative folder is made from the working folder, not from the root.
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST { return false }
        }
        return stat(folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func reason() -> String { String(cString: strerror(errno)).lowercased() }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func format(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
