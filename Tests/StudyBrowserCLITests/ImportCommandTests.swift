import Foundation
import Testing

/// `study-browser import` through the built binary, on the fixtures in all four formats.
@Suite("Import command")
struct ImportCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("StudyCoreTests/Fixtures/import").path
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data").path

    @Test("import → validate → list: duplicates of bundled studies reported and left out, off-topic skipped, the rest listed")
    func roundTrip() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sb-import-\(UUID().uuidString.prefix(8)).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let files = ["pubmed.nbib", "library.ris", "ctgov-page.json", "pubmed.xml", "ctgov-study.json"].map { "\(Self.fixtures)/\($0)" }
        let imported = try BinaryRunner.run(["import"] + files + ["--out", out])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.error.contains("(PMID 23365053): duplicate of afridi-2013 (same PMID); not imported"))
        #expect(imported.error.contains("duplicate of grabski-2022 (same DOI)") && imported.error.contains("duplicate of etchison-2018 (same registry number)"))
        #expect(imported.error.contains("(PMID 90000003): never mentions ketamine or esketamine"))
        #expect(imported.error.contains("imported 10, duplicates 4, off-topic 2, refused 0"), "\(imported.error)")
        let valid = try BinaryRunner.run(["validate", Self.data, out])
        #expect(valid.status == 0 && valid.output.contains("valid: 35 studies"), "\(valid.output)\(valid.error)")
        let listed = try BinaryRunner.run(["list", "--data", Self.data, "--data", out, "--filter", "id:nct09000041", "--format", "json"])
        #expect(listed.status == 0 && listed.output.contains("\"ctgov:NCT09000041\"") && listed.output.contains("Estimated enrollment 60"))
        #expect(!listed.output.contains("afridi"))
    }

    @Test("bad records are refused with file, line and tag; the rest are written; exit 65")
    func refused() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sb-import-\(UUID().uuidString.prefix(8)).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let files = ["pubmed-bad.nbib", "library-bad.ris", "ctgov-bad.json", "pubmed-broken.xml"].map { "\(Self.fixtures)/\($0)" }
        let result = try BinaryRunner.run(["import"] + files + ["--out", out])
        #expect(result.status == 65)
        #expect(result.error.contains("pubmed-bad.nbib:31: ") && result.error.contains("PMID: \"abc\" is not a PubMed id"), "\(result.error)")
        #expect(result.error.contains("pubmed-broken.xml:16: not well-formed XML"))
        #expect(result.error.contains("refused 7"), "\(result.error)")
        let valid = try BinaryRunner.run(["validate", out])
        #expect(valid.status == 0 && valid.output.contains("valid: 3 studies"), "\(valid.output)")
        let unknown = try BinaryRunner.run(["import", "--format", "bibtex", files[0]])
        #expect(unknown.status == 64)
    }
}
