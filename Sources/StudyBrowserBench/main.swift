import BrowserCore
import Foundation
import StudyCore
import SyntheticStudies
#if canImport(Glibc)
import Glibc
#endif

// study-browser-bench: timings on synthetic data, printed as medians over repeated runs.
//   study-browser-bench [--sizes 30,10000,100000,500000] [--repeat 5] [--seed 1]
//   study-browser-bench generate N [--seed 1] > studies.json
// Build and run in release: swift run -c release study-browser-bench

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let seed = option("--seed").flatMap(UInt64.init) ?? 1

if arguments.first == "generate" {
    guard arguments.count > 1, let count = Int(arguments[1]), count >= 0 else {
        FileHandle.standardError.write(Data("usage: study-browser-bench generate N [--seed S]\n".utf8))
        exit(64)
    }
    FileHandle.standardOutput.write(Data(SyntheticStudies.dataFile(count: count, seed: seed).utf8))
    exit(0)
}

let sizes = (option("--sizes") ?? "30,10000,100000,500000").split(separator: ",").compactMap { Int($0) }
let repeats = max(1, option("--repeat").flatMap(Int.init) ?? 5)
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func measure(_ body: () -> Void) -> Double { milliseconds(clock.measure(body)) }
func format(_ value: Double) -> String { value < 10 ? String(format: "%.2f", value) : String(format: "%.0f", value) }
func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let query = "refractory"
print("# study-browser-bench: seed \(seed), \(repeats) runs each, medians in ms (worst in brackets)")
print("")
print("| studies | file MB | load: parse + validate | load: index | first frame 120x40 | filter keystroke (10 chars) | sort by dose | sort by outcome | render 120x40 | peak RSS MB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for size in sizes {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("study-browser-bench-\(size)-\(seed).json").path
    let text = size == 30 ? nil : SyntheticStudies.dataFile(count: size, seed: seed)
    let paths: [String]
    if let text {
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else {
            FileHandle.standardError.write(Data("cannot write \(file)\n".utf8))
            exit(73)
        }
        paths = [file]
    } else {
        // 30 stands for the bundled data: the real Data/ folder when run from the package.
        paths = ["Data"]
    }
    let bytes = DataFileReader.files(at: paths).files.reduce(0) { $0 + $1.bytes.count }
    var parse: [Double] = [], index: [Double] = [], firstFrame: [Double] = []
    var keystrokes: [Double] = [], doseSort: [Double] = [], outcomeSort: [Double] = [], render: [Double] = []
    var loaded = Dataset()
    for _ in 0..<repeats {
        parse.append(measure { loaded = DatasetLoader.load(paths: paths).dataset })
        var catalog: Catalog?
        index.append(measure { catalog = Catalog(loaded) })
        guard let catalog else { continue }
        var state: BrowserState?
        firstFrame.append(measure {
            let start = BrowserState(catalog: catalog, size: Size(width: 120, height: 40))
            _ = BrowserView.render(start)
            state = start
        })
        guard var typing = state else { continue }
        var typed: [Double] = []
        for length in 1...query.count {
            typed.append(measure { typing.setFilterText(String(query.prefix(length))) })
        }
        if arguments.contains("--verbose") {
            FileHandle.standardError.write(Data("keystrokes at \(size): \(typed.map(format).joined(separator: " ")) ms; \(typing.rows.count) rows match\n".utf8))
        }
        keystrokes += typed
        doseSort.append(measure { _ = StudySorter.order(loaded.studies, positions: Array(loaded.studies.indices), by: SortSpec([.init(.dose)])) })
        outcomeSort.append(measure { _ = StudySorter.order(loaded.studies, positions: Array(loaded.studies.indices), by: SortSpec([.init(.outcome)])) })
        render.append(measure { _ = BrowserView.render(typing) })
    }
    let studies = loaded.studies.count
    print("| \(studies) | \(String(format: "%.1f", Double(bytes) / 1_048_576)) | \(format(median(parse))) | \(format(median(index))) | "
        + "\(format(median(firstFrame))) | \(format(median(keystrokes))) (\(format(keystrokes.max() ?? 0))) | "
        + "\(format(median(doseSort))) | \(format(median(outcomeSort))) | \(format(median(render))) | \(String(format: "%.0f", peakResidentMegabytes())) |")
    if text != nil { try? FileManager.default.removeItem(atPath: file) }
}
