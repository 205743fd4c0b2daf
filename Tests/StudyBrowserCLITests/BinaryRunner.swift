import Foundation

/// Runs the built `study-browser` binary and captures what it prints.
enum BinaryRunner {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// The binary next to the test bundle (SwiftPM builds both into the same folder), or the
    /// one `STUDY_BROWSER_BINARY` names: CI runs the SSH and concurrency tests against the
    /// release binary that way.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["STUDY_BROWSER_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" || folder.pathExtension == "xctest" {
            folder = Bundle.main.bundleURL.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("study-browser")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs with a fixed, UTF-8, non-terminal environment unless `environment` overrides it.
    /// With `shell`, runs that command line with /bin/sh instead (for redirections).
    static func run(_ arguments: [String], environment: [String: String] = [:], shell: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = shell == nil ? binary : URL(fileURLWithPath: "/bin/sh")
        process.arguments = shell.map { ["-c", $0] } ?? arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        var base = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        base.merge(environment) { _, new in new }
        process.environment = base
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: outData, as: UTF8.self),
                      error: String(decoding: errData, as: UTF8.self))
    }

    /// A temporary file holding `text`.
    static func temporaryFile(_ text: String, name: String = "data.json") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
