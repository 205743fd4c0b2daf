import Foundation
import StudyCore
import SyntheticStudies

/// The data each benchmark size runs on: the bundled `Data/` folder for 30, else synthetic
/// files generated once into a cache folder and reused (generating 500,000 studies takes
/// longer than loading them).
enum BenchData {
    /// Studies per generated file: each file stays under the loader's 256 MiB limit.
    static let studiesPerFile = 100_000

    /// The paths to load for a size, generating the files when they are not cached yet.
    static func paths(size: Int, seed: UInt64, cache: String) throws -> [String] {
        if size == 30 { return ["Data"] }
        let folder = "\(cache)/\(size)-seed\(seed)"
        let marker = "\(folder)/.complete"
        if !FileManager.default.fileExists(atPath: marker) {
            try generate(count: size, seed: seed, into: folder)
            guard FileManager.default.createFile(atPath: marker, contents: Data()) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: marker])
            }
        }
        return [folder]
    }

    /// Writes `count` synthetic studies as data files into `folder` (created if missing).
    static func generate(count: Int, seed: UInt64, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try SyntheticStudies.dataFiles(count: count, perFile: studiesPerFile, seed: seed) { number, text in
            let path = "\(folder)/studies-\(String(format: "%03d", number)).json"
            try AtomicFile.write(TerminalText(document: text), to: path, overwrite: true)
        }
    }

    /// Total bytes of the data files behind the paths.
    static func bytes(_ paths: [String]) -> Int {
        DataFileReader.files(at: paths).files.reduce(0) { $0 + $1.bytes.count }
    }
}
