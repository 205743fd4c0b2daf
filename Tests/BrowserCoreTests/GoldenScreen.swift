import Foundation
import Testing
@testable import BrowserCore
@testable import StudyCore

/// Compares rendered screens with files in `Goldens/`; `RECORD_SNAPSHOTS=1` rewrites the files
/// and still fails, so a re-recording is always looked at before it is committed.
enum GoldenScreen {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func assertMatches(_ screen: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertMatches(text: screen.goldenText, named: name, sourceLocation: sourceLocation)
    }

    /// The same for plain text output (a plot wider than any overlay).
    static func assertMatches(text actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name).txt; look at it, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden \(name).txt; run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = firstDifference.map { "line \($0.offset + 1):\n  expected \($0.element.1)\n  actual   \($0.element.0)" }
                ?? "line count \(expectedLines.count) → \(actualLines.count)"
            Issue.record("screen \(name) differs from its golden, \(detail)\n\(actual)", sourceLocation: sourceLocation)
        }
    }
}

/// Browser states on the fixture data, driven by keys as a user would.
enum Fixture {
    static let catalog: Catalog = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("StudyCoreTests/Fixtures/fixture.json").path
        let loaded = DatasetLoader.load(paths: [path])
        precondition(loaded.problems.isEmpty, "\(loaded.problems)")
        return Catalog(loaded.dataset)
    }()

    static func state(_ size: Size, glyphs: Glyphs = .unicode) -> BrowserState {
        BrowserState(catalog: catalog, size: size, glyphs: glyphs)
    }

    /// Presses keys through the keymap and reducer; returns the effects.
    @discardableResult
    static func press(_ keys: [Key], on state: inout BrowserState) -> [Effect] {
        keys.compactMap { key in
            Keymap.action(for: key, in: state.keyContext, exporting: state.escapeCancelsExport).map { BrowserReducer.reduce(&state, $0) }
        }
    }

    static func type(_ text: String) -> [Key] { text.map { Key.character($0) } }
}
