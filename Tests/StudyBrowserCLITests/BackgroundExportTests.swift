import BrowserCore
import Foundation
import InMemoryTerminal
import SyntheticStudies
import Testing
@testable import StudyBrowserCLI
@testable import StudyCore

/// Exports run beside the UI loop: the real exporter, the real session, 100,000 studies.
@Suite("Exports beside the UI loop", .serialized)
struct BackgroundExportTests {
    static let large = Catalog(Dataset(studies: SyntheticStudies.make(count: 100_000, seed: 1)))

    /// A new empty folder; the export's file and any temporary file would appear in it.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-export-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(_ keys: [TerminalInput], size: Size = Size(width: 80, height: 24)) -> (state: BrowserState, terminal: InMemoryTerminal, ending: BrowserSession.Ending) {
        let terminal = InMemoryTerminal(size: size, script: keys)
        let dataset = large.loaded
        let result = BrowserSession.run(BrowserState(catalog: large, size: size), on: terminal) { request, control in
            ViewExporter.export(request, dataset: dataset, control: control)
        }
        return (result.state, terminal, result.ending)
    }

    static func exportKeys(_ path: String) -> [TerminalInput] {
        ([.character("e")] + path.map { Key.character($0) } + [.enter]).map(TerminalInput.key)
    }

    @Test("a 100,000-study export runs while keys are answered; Esc cancels it and leaves no file")
    func cancel() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("all.json").path
        // Esc in the overview closes it (the export goes on); Esc in the table then cancels the export.
        let keys = Self.exportKeys(path) + [.key(.down), .key(.down), .key(.character("i")), .key(.escape), .key(.escape)]
            + Array(repeating: .idle, count: 20) + [.key(.character("q"))]
        let (state, terminal, ending) = Self.run(keys)
        #expect(ending == .quit)
        // Keys after Enter were answered while the export ran: the selection moved, the summary
        // opened, and the status line said what was being written.
        // The status line runs on into the hint row when the message is long.
        func status(_ frame: ScreenBuffer) -> String { frame.rowText(22) + frame.rowText(23) }
        let during = terminal.frames.filter { status($0).contains("Export ") && status($0).contains("%, Esc") }
        #expect(during.contains { $0.rowText(1).contains("All indications: overview") }, "the summary opened while writing")
        #expect(during.contains { status($0).contains("Esc in table cancels") }, "in a view, the status line says where Esc cancels")
        #expect(state.selection == 2, "both moves were answered")
        // The first Esc closed the overview and the export went on; the second, in the table, cancelled it.
        let closed = try #require(terminal.frames.firstIndex { !$0.rowText(1).contains("overview") && status($0).contains(", Esc cancels:") })
        #expect(terminal.frames[closed...].contains { status($0).contains("Cancelling the export") || status($0).contains("Export cancelled") })
        #expect(state.runningExport == nil && state.overlay == nil)
        #expect(terminal.frames.contains { status($0).contains("Export cancelled: nothing was written to") }, "\(terminal.lastScreenText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no file and no temporary file")
    }

    @Test("a signal while exporting ends the session at once and leaves no file")
    func signal() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (state, _, ending) = Self.run(Self.exportKeys(folder.appendingPathComponent("all.csv").path) + [.signal(15)])
        #expect(ending == .signal(15))
        #expect(state.runningExport == nil && state.message?.hasPrefix("Export cancelled") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("left to finish, the export is written whole, its progress reaches 100%, and the message names the absolute path")
    func finishes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("all.csv").path
        let control = JobControl()
        let request = ExportRequest(path: path, format: .csv, overwrite: false, studies: Self.large.loaded.studies, description: "all")
        let outcome = ViewExporter.export(request, dataset: Self.large.loaded, control: control)
        #expect(outcome == .written("Wrote 100000 studies to \(path) (csv)."))
        #expect(control.progress == 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("id,indication,") && text.split(separator: "\r\n").count == 100_001)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["all.csv"])
    }
}
