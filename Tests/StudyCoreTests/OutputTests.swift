import Testing
@testable import StudyCore
import SyntheticStudies

@Suite("Text output")
struct OutputTests {
    let studies = StudySorter.sorted(TestSupport.fixture.studies, by: .standard)

    @Test("every table line fits the width; cut cells end with an ellipsis", arguments: [40, 60, 80, 100, 120, 200])
    func tableFits(_ width: Int) {
        let table = TableFormatter.studies(studies, columns: StudyColumn.allCases, width: width, glyphs: .unicode,
                                           sort: .standard, footer: TableFormatter.legend(glyphs: .unicode))
        for line in table.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
        }
        if width <= 80 { #expect(table.contains("…") || table.contains("Too narrow for every column: left out")) }
        // Key figures are never cut: N and Level keep every value whole at any width.
        let rows = table.split(separator: "\n").dropFirst(2).prefix(studies.count)
        for (row, study) in zip(rows, studies) {
            let n = StudyColumn.n.cell(study, glyphs: .unicode), level = StudyColumn.level.cell(study, glyphs: .unicode)
            #expect(row.contains(n) && row.hasSuffix(level), "\(width): \(row)")
        }
    }

    @Test("an unlimited width cuts nothing")
    func unlimited() {
        let table = TableFormatter.studies(studies, columns: StudyColumn.allCases, width: 0, glyphs: .unicode)
        #expect(!table.contains("…"))
        #expect(table.contains("± mixed: 71.4% acute response"))
        #expect(table.contains("0.12–0.42 mg/kg/h"))
    }

    @Test("the header marks the sorted column and its direction")
    func sortMarker() throws {
        let table = TableFormatter.studies(studies, columns: StudyColumn.allCases, width: 0, glyphs: .ascii,
                                           sort: try SortSpec(parsing: "dose:desc"))
        #expect(table.split(separator: "\n")[0].contains("Dosev"))
    }

    @Test("sorting by dose puts a heading above each dose dimension")
    func doseHeadings() throws {
        let sorted = StudySorter.sorted(studies, by: try SortSpec(parsing: "dose"))
        let table = TableFormatter.studies(sorted, columns: StudyColumn.allCases, width: 0, glyphs: .unicode,
                                           sort: try SortSpec(parsing: "dose"))
        let headings = table.split(separator: "\n").filter { $0.hasPrefix("▸") }
        #expect(headings == ["▸ flat dose (mg)", "▸ weight-based dose (mg/kg)", "▸ weight-based infusion rate (mg/kg/h)", "▸ dose amount not reported"])
    }

    @Test("not reported is said, never left blank")
    func notReported() throws {
        let echo = try #require(TestSupport.fixture.study(id: "echo-1995"))
        let cells = StudyColumn.allCases.map { $0.cell(echo, glyphs: .unicode) }
        #expect(cells == ["Echo 1995", "Migr", "n.r.", "n.r.", "n.r.", "n.r.", "? not reported", "?"], "a design not reported is not assessable, which is not the same as not graded")
        let fields = StudyDetails.fields(of: echo)
        #expect(fields.first { $0.label == "Setting" }?.value == "not reported")
        #expect(fields.first { $0.label == "Level of evidence" }?.value.hasPrefix("not assessable: design not reported") == true)
    }

    @Test("display width counts wide characters twice and combining marks not at all")
    func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.truncate("漢字漢字", to: 5, ellipsis: "…") == "漢字…")
        #expect(DisplayWidth.pad("漢", to: 4, ellipsis: "…") == "漢  ")
    }

    @Test("CSV follows RFC 4180")
    func csv() {
        #expect(CSVWriter.csv([["a", "b,c", "say \"hi\"", "two\nlines", ""]]) == "a,\"b,c\",\"say \"\"hi\"\"\",two lines,\r\n")
        #expect(CSVWriter.field("red\u{1B}[31m") == "red\\u{1B}[31m")
        let summary = StudyCSV.summary(Array(studies.prefix(2)))
        #expect(summary.hasPrefix("id,study,indication,design,n,route,dose,dose_dimension,dose_low,dose_high,direction,key_figure,evidence_level,shown_from_primary,strength_marks\r\n"))
        #expect(summary.components(separatedBy: "\r\n").count == 4)
    }

    @Test("CSV cells cannot start a spreadsheet formula; numbers stay numbers")
    func csvInjection() {
        #expect(CSVWriter.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVWriter.field("+1+1") == "'+1+1")
        #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.field("-cmd") == "'-cmd")
        #expect(CSVWriter.field("\tx") == " x") // made inert first: a tab becomes a space
        // Decided on the text: only a number the writer made itself is left alone.
        #expect(CSVWriter.field("-1.83", isNumber: true) == "-1.83")
        #expect(CSVWriter.field("-1.83") == "'-1.83")
        for cell in ["+nan(cmd)", "-inf", "+0x1p3", "-1e5", "+3"] {
            #expect(CSVWriter.field(cell) == "'" + cell)
        }
        #expect(CSVWriter.csv([["n", "note"], ["-2", "-2"]], numericColumns: [0]) == "n,note\r\n-2,'-2\r\n")
        #expect(CSVWriter.field("a=b") == "a=b")
    }

    @Test("full CSV has the same number of cells in every row")
    func fullCSV() {
        let rows = StudyCSV.full(studies).split(separator: "\r\n")
        #expect(rows.count == studies.count + 1)
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false).count
        #expect(header == 50)
    }

    @Test("JSON export keeps nulls for not reported and adds the derived level")
    func json() throws {
        let text = StudyJSON.array(studies)
        guard case .array(let objects) = try JSONParser.parse(Array(text.utf8)) else { Issue.record("not an array"); return }
        #expect(objects.count == studies.count)
        guard case .object(let golf)? = objects.first(where: { $0 == objects.first { if case .object(let o) = $0 { return o["id"] == .string("golf-2019") }; return false } })
        else { Issue.record("golf-2019 missing"); return }
        guard case .object(let evidence)? = golf["evidence"] else { Issue.record("no evidence"); return }
        #expect(evidence["level"] == .number(2))
        #expect(evidence["baseLevel"] == .number(1))
        #expect(golf["setting"] == .null)
    }

    @Test("control characters and escape sequences in data never reach the output raw")
    func inert() {
        let hostile = "Evil\u{1B}]52;c;bad\u{07} \u{1B}[2J\u{9B}31m\u{202E}desrever\u{200B}"
        let made = InertText.make(hostile)
        #expect(!made.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E || $0.value == 0x200B })
        #expect(made.contains("\\u{1B}"))
        var study = TestSupport.fixture.studies[0]
        study.condition = hostile
        study.citation.firstAuthor = hostile
        let outputs = [
            TableFormatter.studies([study], columns: StudyColumn.allCases, width: 0, glyphs: .unicode),
            TableFormatter.details(StudyDetails.fields(of: study), width: 80),
            StudyMarkdown.section(study, sources: []),
            StudyJSON.array([study]),
        ]
        for output in outputs {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 || $0.value == 0x202E })
        }
    }

    @Test("Markdown escapes table and markup characters")
    func markdown() {
        #expect(StudyMarkdown.escape("a|b *c* <d> [e](f)") == "a\\|b \\*c\\* \\<d\\> \\[e\\](f)")
    }

    @Test("ASCII glyphs replace Unicode symbols")
    func ascii() {
        #expect(Glyphs.ascii.adapt("0.12–0.42 mg/kg/h, ≥50% µg ± …") == "0.12-0.42 mg/kg/h, >=50% ug +/- ...")
        let table = TableFormatter.studies(studies, columns: StudyColumn.allCases, width: 80, glyphs: .ascii)
        #expect(table.unicodeScalars.allSatisfy { $0.isASCII || $0.properties.isAlphabetic })
    }

    @Test("details wrap under their label")
    func detailsWrap() throws {
        let study = try #require(TestSupport.fixture.study(id: "bravo-2013"))
        let text = TableFormatter.details(StudyDetails.fields(of: study), width: 60)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 60) }
        #expect(text.contains("Comparator"))
        #expect(text.contains("midazolam"))
    }
}

@Suite("Data file writer")
struct DataFileWriterTests {
    @Test("the bundled data written out and read back is the same data")
    func roundTrip() {
        let original = BundledDatasetTests.loaded.dataset
        let text = DataFileWriter.json(studies: original.studies, sources: original.sources, contexts: original.contexts,
                                       checked: original.checked)
        let reloaded = DatasetLoader.load([DataFile(name: "round-trip.json", bytes: Array(text.utf8))])
        #expect(reloaded.problems.map(\.description) == [])
        func bare(_ studies: [Study]) -> [Study] { studies.map { var study = $0; study.origin = ""; return study } }
        #expect(bare(reloaded.dataset.studies) == bare(original.studies))
        #expect(reloaded.dataset.contexts.map(\.statements) == original.contexts.map(\.statements))
        #expect(reloaded.dataset.sources.map(\.id) == original.sources.map(\.id))
    }
}

@Suite("Exports built in pieces")
struct StudyExportTextTests {
    static let studies = SyntheticStudies.make(count: 1_111, seed: 4)

    @Test("Markdown, CSV and JSON built a batch at a time are the one-piece writers' text, byte for byte", arguments: [0, 1, 250, 1_111])
    func samePieces(count: Int) throws {
        let studies = Array(Self.studies.prefix(count))
        let markdown = "# Ketamine studies: title\n\n" + StudyMarkdown.table(studies, columns: StudyColumn.allCases) + "\n"
            + StudyMarkdown.sections(studies, sources: [])
        #expect(StudyExportText.build(studies, format: .markdown, title: "title", sources: [], proceed: { _ in true }) == markdown)
        #expect(StudyExportText.build(studies, format: .csv, title: "", sources: [], proceed: { _ in true }) == StudyCSV.full(studies))
        #expect(StudyExportText.build(studies, format: .json, title: "", sources: [], proceed: { _ in true }) == StudyJSON.array(studies))
    }

    @Test("progress rises to 1; a stop is honoured before the next batch")
    func progressAndStop() {
        var seen: [Double] = []
        _ = StudyExportText.build(Self.studies, format: .json, title: "", sources: [], proceed: { seen.append($0); return true })
        #expect(seen.first == 0 && seen.last == 1 && seen == seen.sorted())
        var asked = 0
        let stopped = StudyExportText.build(Self.studies, format: .markdown, title: "", sources: [], proceed: { _ in asked += 1; return asked < 3 })
        #expect(stopped == nil && asked == 3)
    }
}
