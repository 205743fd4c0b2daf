import Foundation
import StudyCore
import SyntheticStudies

/// `study-browser import` of generated MEDLINE records, as a whole process from start to exit:
/// read, detect, parse, check scope and duplicates against the bundled data, map, write the file.
struct ImportBenchRun {
    var milliseconds: [Double] = []
    var inputBytes = 0
    var imported = 0

    static func run(binary: String, records: Int, seed: UInt64, cache: String, repeats: Int) throws -> ImportBenchRun {
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let input = "\(cache)/medline-\(records)-seed\(seed).nbib"
        if !FileManager.default.fileExists(atPath: input) {
            try AtomicFile.write(TerminalText(document: SyntheticMedline.text(count: records, seed: seed)), to: input, overwrite: true)
        }
        let output = "\(cache)/medline-\(records)-seed\(seed)-imported.json"
        var result = ImportBenchRun()
        result.inputBytes = (try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        for _ in 0..<repeats {
            let run = Measure.wholeProcess(binary, ["import", input, "--out", output])
            guard run.status == 0 else { throw PseudoTerminalProcess.Failure(description: "import exited with \(run.status)") }
            result.milliseconds.append(run.milliseconds)
        }
        result.imported = DatasetLoader.load(paths: [output]).dataset.studies.count
        return result
    }
}
