import Foundation
import Testing

/// The README's "Add your own studies" walk-through, typed into a shell in tmux as written:
/// import the fixture, validate it with the bundled data, browse both, find the study, open it.
@Suite("Import walk-through in tmux", .serialized)
struct ImportWalkThroughTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is not installed: sudo apt-get install -y tmux")
    }

    @Test("import → validate → browse → /abstract:midazolam → details, key for key as the README says")
    func walkThrough() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tmux = try TmuxSession(width: 100, height: 30, interactiveShell: true)
        // The package folder as the README's commands see it, without writing mine.json into the checkout.
        let work = tmux.folder.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for name in ["Data", "Tests"] {
            try FileManager.default.createSymbolicLink(at: work.appendingPathComponent(name), withDestinationURL: package.appendingPathComponent(name))
        }
        let bin = BinaryRunner.binary.deletingLastPathComponent().path
        try tmux.type("cd '\(work.path)' && export PATH='\(bin)':$PATH LANG=C.UTF-8 TERM=xterm-256color && clear")
        try tmux.press("Enter")

        try tmux.type("study-browser import Tests/StudyCoreTests/Fixtures/import/pubmed.nbib --out mine.json")
        try tmux.press("Enter")
        var screen = try tmux.waitFor("imported 2, duplicates 1, off-topic 1, refused 0, warnings 0 → mine.json")
        #expect(screen.contains("(PMID 23365053): duplicate of afridi-2013"), "\(screen)")
        try tmux.type("study-browser validate Data mine.json")
        try tmux.press("Enter")
        try tmux.waitFor("valid: 27 studies")
        try tmux.type("study-browser --data Data --data mine.json")
        try tmux.press("Enter")
        try tmux.waitFor("27 of 27 studies")

        try tmux.press("/")
        try tmux.type("abstract:midazolam")
        try tmux.press("Enter")
        screen = try tmux.waitFor("1 of 27 studies", "Okonkwo-Reyes 2021")
        try tmux.press("Enter")
        // The line waited for, not only expected: a capture can fall mid-frame, before the lines below are drawn.
        screen = try tmux.waitFor("Details: study 1 of 1", "Sample size            not reported [pubmed:90000001]", "From the record's publication type")
        // Further down: the record, its identifiers and the abstract by section.
        try tmux.press("End")
        // The frame's last line too: the header changes first, and a capture can fall mid-frame.
        screen = try tmux.waitForScreen("details scrolled to the end") {
            $0.contains("Details: study 1 of 1") && !$0.contains("lines 1-25") && $0.contains("Abstract: conclusions")
        }
        #expect(screen.contains("Identifiers            PMID 90000001; DOI 10.9999/fake.2021.001; Registry NCT09000001"), "\(screen)")
        #expect(screen.contains("Abstract: methods") && screen.contains("Abstract: conclusions"), "\(screen)")
        try tmux.press("q")
        try tmux.waitForScreen("the shell prompt after quitting") { $0.split(separator: "\n").last?.hasPrefix("$") ?? false }
    }
}
