import Foundation
import StudyCore
import SyntheticStudies
#if canImport(Glibc)
import Glibc
#endif

// study-browser-bench: figures for BENCHMARKS.md, printed as Markdown tables of medians.
//
//   swift build -c release            (builds study-browser and study-browser-bench)
//   .build/release/study-browser-bench [--sizes 30,10000,100000,500000] [--repeat 3] [--seed 1]
//       [--terminal] [--visidata N] [--import N] [--cache DIR]
//   .build/release/study-browser-bench generate N [--seed 1] --out DIR
//
// 30 stands for the bundled data (run from the package folder). Other sizes are synthetic
// studies, generated once into the cache folder (default $TMPDIR/study-browser-bench).
// --terminal also runs the release study-browser binary on a pseudo-terminal for each size;
// --visidata N compares with VisiData (`vd`, pip install visidata) at N studies.
// --import N times `study-browser import` of N generated MEDLINE records (default 30000; 0 skips).

// The allocator as the program sets it up, so in-process figures match the binary's.
AllocatorTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("study-browser-bench: \(message)\n".utf8))
    exit(status)
}
let seed = option("--seed").flatMap(UInt64.init) ?? 1
let cache = option("--cache") ?? ((ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/study-browser-bench")

if arguments.first == "generate" {
    guard arguments.count > 1, let count = Int(arguments[1]), count >= 0, let folder = option("--out") else {
        fail("usage: study-browser-bench generate N [--seed S] --out DIR", status: 64)
    }
    do { try BenchData.generate(count: count, seed: seed, into: folder) } catch { fail("\(error)", status: 73) }
    exit(0)
}

let sizes = (option("--sizes") ?? "30,10000,100000,500000").split(separator: ",").compactMap { Int($0) }
let repeats = max(1, option("--repeat").flatMap(Int.init) ?? 3)
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("study-browser").path
let format = Measure.format

func withWorst(_ values: [Double]) -> String { "\(format(Measure.median(values))) (\(format(values.max() ?? .nan)))" }

print("# study-browser-bench: seed \(seed), \(repeats) runs each; medians in ms, worst in brackets")
print("")
print("## In process (release build, the browser's own code)")
print("")
print("| studies | data MB | load (read, parse, check) | index | first frame 120x40 | filter keystroke + frame | sort by dose | sort by outcome | one frame 120x40 |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
var filterRows: [String] = []
var indexRows: [String] = []
var dataPaths: [Int: [String]] = [:]
var overlayRuns: [(studies: Int, run: OverlayRun)] = []
for size in sizes {
    let paths: [String]
    do { paths = try BenchData.paths(size: size, seed: seed, cache: cache) } catch { fail("cannot generate \(size) studies: \(error)") }
    dataPaths[size] = paths
    let run = InProcessRun.run(paths: paths, repeats: repeats)
    print("| \(run.studies) | \(Measure.megabytes(BenchData.bytes(paths))) | \(withWorst(run.load)) | \(format(Measure.median(run.index))) | "
        + "\(format(Measure.median(run.firstFrame))) | \(withWorst(run.keystrokes)) | \(withWorst(run.doseSort)) | "
        + "\(withWorst(run.outcomeSort)) | \(format(Measure.median(run.render))) |")
    if let catalog = run.catalog { overlayRuns.append((run.studies, OverlayRun.run(catalog: catalog, repeats: repeats))) }
    func share(_ count: Int) -> String { run.studies == 0 ? "" : String(format: "%.2f%%", Double(count) * 100 / Double(run.studies)) }
    filterRows.append("| \(run.studies) | `\(InProcessRun.query)` | \(run.matching) (\(share(run.matching))) | \(withWorst(run.keystrokes)) |")
    filterRows.append("| \(run.studies) | `\(SyntheticStudies.commonWord)` (common) | \(run.commonMatching) (\(share(run.commonMatching))) | \(withWorst(run.commonKeystrokes)) |")
    filterRows.append("| \(run.studies) | `\(SyntheticStudies.rareWord)` (rare) | \(run.rareMatching) (\(share(run.rareMatching))) | \(withWorst(run.rareKeystrokes)) |")
    indexRows.append("| \(run.studies) | \(Measure.megabytes(run.indexBytes)) | \(format(Measure.median(run.load) + Measure.median(run.index))) | "
        + "\(format(Measure.median(run.indexWrite))) | \(withWorst(run.warmLoad)) |")
    if arguments.contains("--verbose") {
        FileHandle.standardError.write(Data("\(size): keystrokes \(run.keystrokes.map(format).joined(separator: " ")); \(run.matching) match\n".utf8))
    }
}

print("")
print("## Filter keystrokes by word (each keystroke of typing the word, with its frame)")
print("")
print("| studies | word | studies it keeps | keystroke + frame |")
print("|---:|---|---:|---:|")
filterRows.forEach { print($0) }
print("")
print("## The derived index, in process: cold (load, check, index, write) and warm (open and check the index, restore the catalog; studies are decoded as they are drawn)")
print("")
print("| studies | index MB | cold: load + index | writing the index | warm: load + restore |")
print("|---:|---:|---:|---:|---:|")
indexRows.forEach { print($0) }
print("")
print("## Overlays and details: open, then each key inside (keymap, reducer and a 120x40 frame)")
print("")
print("| studies | view | open (key to frame) | text built beside the loop | key inside: median (worst) |")
print("|---:|---|---:|---:|---:|")
for (studies, run) in overlayRuns {
    for row in run.rows {
        let aside = row.aside.isEmpty ? "at once" : format(Measure.median(row.aside))
        print("| \(studies) | \(row.name) | \(format(Measure.median(row.open))) | \(aside) | \(withWorst(row.keys)) |")
    }
}

if arguments.contains("--terminal") {
    guard FileManager.default.isExecutableFile(atPath: binary) else { fail("\(binary) is missing: run swift build -c release first") }
    print("")
    print("## The release binary on a 120x40 pseudo-terminal (TERM=xterm-256color)")
    print("")
    print("| studies | index | start to first frame | start to table | bytes, start to table | bytes, one row down | bytes, filter keystroke | keystroke to screen | bytes, resize to 100x30 | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    let indexFolder = "\(cache)/indexes-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: indexFolder) }
    for size in sizes {
        guard let paths = dataPaths[size] else { continue }
        let studies = size == 30 ? DatasetLoader.load(paths: paths).dataset.studies.count : size
        let folder = "\(indexFolder)/\(size)"
        let clear = { try? FileManager.default.removeItem(atPath: folder) }
        // Embedded data has no index; --data files run without one, building one, and reusing one.
        let modes: [(name: String, extra: [String], prepare: () -> Void)] = size == 30
            ? [("embedded", [], {})]
            : [("none (--no-index)", ["--no-index"], {}), ("cold: built on this start", ["--index-dir", folder], { _ = clear() }),
               ("warm: reused", ["--index-dir", folder], {})]
        var builtIndex: Date?
        for mode in modes {
            do {
                let run = try TerminalRun.run(binary: binary, paths: paths, studies: studies, repeats: repeats, extra: mode.extra, prepare: mode.prepare)
                // The index must really have been built by the cold starts and read by the warm
                // ones, or their rows would measure something else (CI relies on this check).
                if mode.extra.contains("--index-dir") {
                    let indexes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".sbindex") }
                    guard indexes.count == 1 else { fail("terminal run at \(size), index \(mode.name): \(indexes.count) index files in \(folder), not 1") }
                    let written = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + indexes[0]))?[.modificationDate] as? Date
                    if mode.name.hasPrefix("cold") {
                        builtIndex = written
                    } else if written == nil || written != builtIndex {
                        fail("terminal run at \(size), index \(mode.name): the index was rewritten, not reused")
                    }
                }
                print("| \(studies) | \(mode.name) | \(format(Measure.median(run.firstFrame))) | \(withWorst(run.tableReady)) | "
                    + "\(format(Measure.median(run.startBytes))) | \(format(Measure.median(run.rowBytes))) | \(format(Measure.median(run.keystrokeBytes))) | "
                    + "\(withWorst(run.keystrokeLatency)) | \(format(Measure.median(run.resizeBytes))) | \(format(Measure.median(run.peakMegabytes))) |")
            } catch {
                fail("terminal run at \(size), index \(mode.name): \(error)")
            }
        }
    }
}

if let visiDataSize = option("--visidata").flatMap(Int.init) {
    guard let paths = try? BenchData.paths(size: visiDataSize, seed: seed, cache: cache) else { fail("cannot generate \(visiDataSize) studies") }
    let folder = "\(cache)/\(visiDataSize)-seed\(seed)-visidata"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    print("")
    print("## study-browser and VisiData, whole processes, \(visiDataSize) studies")
    print("")
    print("| task | study-browser ms | VisiData ms | study-browser command | VisiData command |")
    print("|---|---:|---:|---|---|")
    do {
        for row in try VisiDataRun.run(binary: binary, paths: paths, folder: folder, repeats: repeats, word: SyntheticStudies.commonWord) {
            print("| \(row.task) | \(format(row.studyBrowser)) | \(format(row.visiData)) | `\(row.studyBrowserCommand)` | `\(row.visiDataCommand)` |")
        }
    } catch {
        fail("VisiData comparison: \(error)")
    }
}

let importRecords = option("--import").flatMap(Int.init) ?? 30_000
if importRecords > 0 {
    guard FileManager.default.isExecutableFile(atPath: binary) else { fail("\(binary) is missing: run swift build -c release first") }
    print("")
    print("## study-browser import of generated MEDLINE records, whole process (read, check, map, write)")
    print("")
    print("| records | input MB | imported | import: median (worst) | command |")
    print("|---:|---:|---:|---:|---|")
    do {
        let run = try ImportBenchRun.run(binary: binary, records: importRecords, seed: seed, cache: cache, repeats: repeats)
        print("| \(importRecords) | \(Measure.megabytes(run.inputBytes)) | \(run.imported) | \(withWorst(run.milliseconds)) | "
            + "`study-browser import medline-\(importRecords)-seed\(seed).nbib --out imported.json` |")
    } catch {
        fail("import run: \(error)")
    }
}
