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

    @Test("gzipped PubMed XML imports the same records as the plain file; - reads standard input")
    func gzipAndStandardInput() throws {
        let plain = try BinaryRunner.run(["import", "\(Self.fixtures)/pubmed.xml"])
        let packed = try BinaryRunner.run(["import", "\(Self.fixtures)/pubmed.xml.gz"])
        #expect(plain.status == 0 && packed.status == 0, "\(packed.error)")
        #expect(packed.error.contains("imported 2, duplicates 1"), "\(packed.error)")
        #expect(packed.output.replacingOccurrences(of: "pubmed.xml.gz", with: "pubmed.xml") == plain.output)
        let piped = try BinaryRunner.run([], shell: "'\(BinaryRunner.binary.path)' import - < '\(Self.fixtures)/pubmed.nbib'")
        #expect(piped.status == 0 && piped.error.contains("standard input line 169 (PMID 23365053): duplicate of afridi-2013"), "\(piped.error)")
    }

    /// One case per class of bad input: what is run, the exit status, what stderr says, and how
    /// many studies the written file holds (nil: no file may be written).
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let files: [(name: String, bytes: [UInt8])]
        let options: [String]
        let status: Int32
        let says: String
        let written: Int?
        var testDescription: String { name }
    }

    static let good = (name: "good.nbib", bytes: (try? Array(Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/pubmed.nbib")))) ?? [])
    static let packed = (try? Array(Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/pubmed.xml.gz")))) ?? []

    static let badInputs: [BadInput] = [
        BadInput(name: "missing file", files: [good], options: ["absent.nbib"], status: 66, says: "cannot open absent.nbib: no such file", written: nil),
        BadInput(name: "a folder", files: [good], options: ["."], status: 66, says: "cannot open .: it is a folder", written: nil),
        BadInput(name: "empty file", files: [good, ("empty.txt", [])], options: [], status: 65, says: "empty.txt: the file is empty", written: 2),
        BadInput(name: "unknown content", files: [good, ("notes.txt", Array("Dear colleague,\n".utf8))], options: [], status: 65,
                 says: "notes.txt: cannot tell the format", written: 2),
        BadInput(name: "format named wrongly", files: [good], options: ["--format", "ris"], status: 65,
                 says: "good.nbib: this looks like PubMed/MEDLINE text, not RIS; name --format medline", written: nil),
        BadInput(name: "truncated gzip", files: [good, ("cut.xml.gz", Array(packed.prefix(packed.count / 2)))], options: [], status: 65,
                 says: "cut.xml.gz: the gzip data ends early (the file is truncated); nothing in it was imported", written: 2),
        BadInput(name: "corrupt gzip", files: [("bad.xml.gz", packed.enumerated().map { $0.offset == 40 ? $0.element ^ 0xFF : $0.element })],
                 options: [], status: 65, says: "bad.xml.gz: corrupt gzip data", written: nil),
        BadInput(name: "not UTF-8", files: [("latin1.nbib", Array("PMID- 1\nTI  - Ketamine und K".utf8) + [0xF6, 0x0A])], options: [], status: 65,
                 says: "latin1.nbib:2: not UTF-8 text", written: nil),
        BadInput(name: "unknown format name", files: [good], options: ["--format", "bibtex"], status: 64, says: "unknown format 'bibtex'", written: nil),
        BadInput(name: "unknown indication", files: [good], options: ["-i", "gout"], status: 64, says: "unknown indication 'gout'", written: nil),
        BadInput(name: "output folder missing", files: [good], options: ["--out", "no/such/folder/out.json"], status: 74,
                 says: "cannot write no/such/folder/out.json", written: nil),
        BadInput(name: "terminal controls in a file name", files: [("x\u{1B}[2Jy.txt", Array("?".utf8))], options: [], status: 65,
                 says: "x\\u{1B}[2Jy.txt: cannot tell the format", written: nil),
    ]

    @Test("each class of bad input gets its message and exit status; the good records are still written", arguments: badInputs)
    func badInput(_ case_: BadInput) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-import-bad-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in case_.files { try Data(file.bytes).write(to: folder.appendingPathComponent(file.name)) }
        let names = case_.files.map { "'\($0.name)'" }.joined(separator: " ")
        let options = case_.options.map { "'\($0)'" }.joined(separator: " ")
        let writesOut = !case_.options.contains("--out")
        let command = "cd '\(folder.path)' && '\(BinaryRunner.binary.path)' import \(names) \(options)" + (writesOut ? " --out out.json" : "")
        let result = try BinaryRunner.run([], shell: command)
        #expect(result.status == case_.status, "\(result.error)")
        #expect(result.error.contains(case_.says), "\(result.error)")
        #expect(!result.error.contains("\u{1B}"), "a raw escape reached the terminal")
        let out = folder.appendingPathComponent("out.json").path
        if let written = case_.written {
            let valid = try BinaryRunner.run(["validate", out])
            #expect(valid.status == 0 && valid.output.contains("valid: \(written) stud"), "\(valid.output)\(valid.error)")
        } else {
            #expect(!FileManager.default.fileExists(atPath: out), "nothing may be written")
        }
    }
}
