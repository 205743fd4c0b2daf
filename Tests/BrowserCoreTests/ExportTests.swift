import InMemoryTerminal
import Testing
@testable import BrowserCore
@testable import StudyCore

@Suite("Export from the browser")
struct ExportTests {
    /// A stand-in for the file system: remembers requests and which paths exist.
    final class Files: @unchecked Sendable {
        var existing: Set<String> = []
        var written: [ExportRequest] = []

        func export(_ request: ExportRequest) -> BrowserSession.ExportOutcome {
            if existing.contains(request.path) && !request.overwrite { return .exists }
            existing.insert(request.path)
            written.append(request)
            return .written("Wrote \(request.studies.count) studies to \(request.path) (\(request.format.rawValue)).")
        }
    }

    static func run(_ keys: [Key], files: Files) -> InMemoryTerminal {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), keys: keys + [.character("q")])
        // Inline: each export's outcome is in before the next scripted key, as a person would wait for it.
        _ = BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: terminal, jobs: .inline) { request, _ in files.export(request) }
        return terminal
    }

    static func pathKeys(_ path: String) -> [Key] {
        [.character("e"), .control("h")] + Array(repeating: Key.backspace, count: 30) + Fixture.type(path) + [.enter]
    }

    @Test("e writes the filtered, sorted view; the status line shows the path")
    func view() throws {
        let files = Files()
        let terminal = Self.run([.character("/")] + Fixture.type("design:rct") + [.enter] + Self.pathKeys("out.md"), files: files)
        let request = try #require(files.written.first)
        #expect(request.format == .markdown && request.path == "out.md" && !request.overwrite)
        #expect(request.studies.map(\.id) == ["alpha-2018", "bravo-2013"])
        #expect(request.description.contains("filter 'design:rct'"))
        #expect(terminal.frames.last?.rowText(22).contains("Wrote 2 studies to out.md (markdown).") == true)
    }

    @Test("marked studies are exported when any are marked")
    func marked() throws {
        let files = Files()
        _ = Self.run([.down, .character(" ")] + Self.pathKeys("m.json"), files: files)
        #expect(files.written.first?.studies.map(\.id) == ["charlie-2016"])
        #expect(files.written.first?.format == .json)
    }

    @Test("an existing file is replaced only after y; any other key keeps it")
    func overwrite() throws {
        let files = Files()
        files.existing = ["v.csv"]
        let declined = Self.run(Self.pathKeys("v.csv") + [.character("n")], files: files)
        #expect(files.written.isEmpty)
        #expect(declined.frames.last?.rowText(22).contains("Not written: v.csv was left as it was.") == true)
        _ = Self.run(Self.pathKeys("v.csv") + [.character("y")], files: files)
        #expect(files.written.count == 1 && files.written[0].overwrite)
    }

    @Test("a path without a known extension is refused, and Esc cancels")
    func badPath() {
        let files = Files()
        let terminal = Self.run(Self.pathKeys("notes.txt") + [.escape], files: files)
        #expect(files.written.isEmpty)
        #expect(terminal.frames.contains { $0.rowText(22).contains("Name a file ending in .md, .csv or .json.") })
    }
}
