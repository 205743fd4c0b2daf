import Foundation
import Testing
@testable import StudyCore

/// The real binary, run as a script would run it.
@Suite("Command line")
struct CommandLineTests {
    @Test("validate passes on the bundled data and counts it")
    func validateBundled() throws {
        let result = try BinaryRunner.run(["validate"])
        #expect(result.status == 0)
        #expect(result.output == "valid: 25 studies, 1 review with 8 summary-of-findings rows, 5 indication records and 5 sources in 6 files\n")
    }

    @Test("--version names the program's version and the embedded data's date and size")
    func version() throws {
        let result = try BinaryRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == "study-browser 1.0.0\nembedded data: checked 2026-12-04; 25 studies, 1 review, 5 indication records, 5 sources\n")
        #expect(try BinaryRunner.run(["--help"]).output.contains("--version"))
    }

    @Test("a data file's checked date must be a date")
    func checkedDate() throws {
        let file = try BinaryRunner.temporaryFile(#"{"format": "study-browser-data/1", "checked": "last week", "sources": []}"#, name: "dated.json")
        let result = try BinaryRunner.run(["validate", file])
        #expect(result.status == 65)
        #expect(result.output.contains("dated.json:checked: expected a date as YYYY-MM-DD, found \"last week\""), "\(result.output)")
    }

    @Test("validate on a broken file exits 65 and names file, record and field")
    func validateBroken() throws {
        let sources = BinaryRunner.packageRoot.appendingPathComponent("Data/sources.json").path
        var text = try String(contentsOfFile: BinaryRunner.packageRoot.appendingPathComponent("Data/migraine.json").path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"total\": 34", with: "\"total\": 35")
        text = text.replacingOccurrences(of: "\"unit\": \"mg/kg\"", with: "\"unit\": \"mg/kg/hr\"")
        let broken = try BinaryRunner.temporaryFile(text, name: "migraine.json")
        let result = try BinaryRunner.run(["validate", sources, broken])
        #expect(result.status == 65)
        #expect(result.output.contains("\(broken):etchison-2018:sampleSize.arms: the arms add up to 34 but the total is 35"))
        #expect(result.output.contains("\(broken):etchison-2018:doses[0].unit: unknown unit \"mg/kg/hr\""))
        #expect(result.error.contains("problems found"))
    }

    @Test("a study citing the wrong line of its source's reference list fails validation")
    func referenceMismatch() throws {
        let root = BinaryRunner.packageRoot
        let sources = root.appendingPathComponent("Data/sources.json").path
        var text = try String(contentsOfFile: root.appendingPathComponent("Data/substance-use.json").path, encoding: .utf8)
        // The mistake the check exists for: dakwar-2017 carrying reference 23's text.
        // The texts come from the reference list itself (this file must not repeat the seed's words).
        let list = try #require(DatasetLoader.load(paths: [sources]).dataset.source(id: "seed-002")?.references)
        let reference24 = "\"reference\": \"\(try #require(list[24]))\""
        let reference23 = "\"reference\": \"\(try #require(list[23]))\""
        try #require(text.contains(reference24))
        text = text.replacingOccurrences(of: reference24, with: reference23)
        let planted = try BinaryRunner.temporaryFile(text, name: "substance-use.json")
        let result = try BinaryRunner.run(["validate", sources, planted])
        #expect(result.status == 65)
        #expect(result.output.contains("\(planted):dakwar-2017:citation.reference: does not match reference 24 of seed-002 as listed"), "\(result.output)")
        #expect(result.output.contains("that text is reference 23"))
        #expect(result.error.contains("1 problem found"), "\(result.error)")
    }

    @Test("validate on a path that does not exist exits 66")
    func validateMissing() throws {
        let result = try BinaryRunner.run(["validate", "/nonexistent/data.json"])
        #expect(result.status == 66)
        #expect(result.output.contains("/nonexistent/data.json: cannot open: no such file or directory"))
    }

    @Test("list refuses invalid data with exit 65, problems on standard error, nothing on standard output")
    func listInvalidData() throws {
        let path = try BinaryRunner.temporaryFile("{\"format\": \"study-browser-data/1\", \"studies\": [")
        let result = try BinaryRunner.run(["list", "--data", path])
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("\(path):1:48: the JSON ends too early"))
    }

    @Test("list --indication migraine --sort dose: documented order, original dose text")
    func migraineByDose() throws {
        let result = try BinaryRunner.run(["list", "--indication", "migraine", "--sort", "dose", "--width", "0"])
        #expect(result.status == 0)
        let rows = result.output.split(separator: "\n").map(String.init)
        let order = ["Afridi 2013", "Etchison 2018", "Lauritsen 2016", "Nicolodi 1995", "Pomeroy 2017"]
        let positions = order.map { name in rows.firstIndex { $0.hasPrefix(name) } ?? -1 }
        #expect(positions == positions.sorted() && !positions.contains(-1), "\(rows)")
        #expect(result.output.contains("0.12–0.42 mg/kg/h"))
        #expect(result.output.contains("▸ weight-based infusion rate (mg/kg/h)"))
        let csv = try BinaryRunner.run(["list", "-i", "migraine", "--sort", "dose", "--format", "csv"])
        #expect(csv.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }
            == ["afridi-2013", "etchison-2018", "lauritsen-2016", "nicolodi-1995", "pomeroy-2017"])
        let json = try BinaryRunner.run(["list", "-i", "migraine", "--sort", "dose", "--format", "json"])
        #expect(json.output.contains("\"reported\": \"0.12 to 0.42mg/kg/h\""))
    }

    @Test("with no subcommand, the list is printed")
    func defaultList() throws {
        let result = try BinaryRunner.run(["--width", "0"])
        #expect(result.status == 0)
        #expect(result.output.contains("25 of 25 studies"))
    }

    @Test("the table fits COLUMNS and marks truncation")
    func tableWidth() throws {
        let result = try BinaryRunner.run(["list"], environment: ["COLUMNS": "70"])
        for line in result.output.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 70, "\(line)") }
        #expect(result.output.contains("…"))
    }

    @Test("a non-UTF-8 locale gets ASCII symbols")
    func asciiLocale() throws {
        let result = try BinaryRunner.run(["list", "-i", "migraine", "--width", "0"], environment: ["LANG": "C"])
        #expect(result.output.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(result.output.contains("0.12-0.42 mg/kg/h"))
    }

    @Test("a bad filter is a usage error that points at the column")
    func badFilter() throws {
        let result = try BinaryRunner.run(["list", "--filter", "design:rct rout:iv"])
        #expect(result.status == 64)
        #expect(result.error.hasPrefix("study-browser: bad filter at column 12: unknown field 'rout'"))
        #expect(result.error.contains("           ^"))
    }

    @Test("a bad sort key or indication is a usage error")
    func badOptions() throws {
        #expect(try BinaryRunner.run(["list", "--sort", "colour"]).status == 64)
        #expect(try BinaryRunner.run(["list", "--indication", "cardiology"]).status == 64)
        #expect(try BinaryRunner.run(["list", "--format", "xml"]).status == 64)
    }

    @Test("filtering selects the randomized migraine trials")
    func filter() throws {
        let result = try BinaryRunner.run(["list", "-i", "migraine", "-f", "design:rct", "--format", "csv"])
        #expect(result.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] } == ["afridi-2013", "etchison-2018"])
    }

    @Test("show prints every field; an unknown id exits 1 with a suggestion")
    func show() throws {
        let result = try BinaryRunner.run(["show", "etchison-2018", "--width", "100"])
        #expect(result.status == 0)
        for text in ["Etchison", "34 (ketamine 17, placebo 17)", "0.2 mg/kg intravenous", "Level 2", "seed-002, ref. 16",
                     "Low-dose ketamine does not improve migraine"] {
            #expect(result.output.contains(text), "\(text)")
        }
        let missing = try BinaryRunner.run(["show", "etchison"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("did you mean: etchison-2018"))
    }

    @Test("export --format json lists every study with every figure as the seeds give it")
    func exportJSON() throws {
        let result = try BinaryRunner.run(["export", "--format", "json"])
        #expect(result.status == 0)
        guard case .array(let items) = try JSONParser.parse(Array(result.output.utf8)) else {
            Issue.record("not an array"); return
        }
        let ids = items.compactMap { item -> String? in
            if case .object(let object) = item, case .string(let id)? = object["id"] { return id }
            return nil
        }
        let expected = ["hocking-2003", "chronic-pain-meta-2019", "blonk-nd", "borsato-nd", "alkhachroum-nd", "jacobwitz-nd",
                        "afridi-2013", "pomeroy-2017", "lauritsen-2016", "nicolodi-1995", "etchison-2018",
                        "kolp-2006", "krupitsky-1992", "grabski-2022", "krupitsky-2002", "krupitsky-2007", "dakwar-2014", "dakwar-2017",
                        "berman-2000", "vande-voort-2016", "zarate-2006", "yavi-2022", "phillips-2019", "aan-het-rot-2010", "murrough-2013"]
        #expect(Set(ids) == Set(expected))
        #expect(ids.count == expected.count)
        for figure in ["\"value\": \"71.4%\"", "\"value\": \"55 of 68\"", "\"value\": \"43 of 68\"", "\"value\": \"67%\"", "\"total\": 77"] {
            #expect(result.output.contains(figure), "\(figure)")
        }
    }

    @Test("summary in every format")
    func summary() throws {
        let table = try BinaryRunner.run(["summary", "-i", "migraine", "--width", "80"])
        #expect(table.status == 0)
        #expect(table.output.hasPrefix("Migraine: 5 studies; participants 117 in 3 studies (by the seed); 1 gives none;\n1 disputed, not added"))
        #expect(table.output.contains("Counting     Disputed, not added: Afridi 2013 18+30 by the seed; its own record:"))
        // Every status and bottom-line statement, not only the first of each.
        #expect(table.output.components(separatedBy: "\nStatus ").count - 1 >= 2, "\(table.output)")
        let all = try BinaryRunner.run(["summary", "--width", "100"])
        for indication in ["Migraine:", "Epilepsy / status epilepticus:", "Substance use disorder:", "Treatment-resistant depression:", "Chronic pain:"] {
            #expect(all.output.contains(indication))
        }
        let markdown = try BinaryRunner.run(["summary", "-i", "trd", "--format", "markdown"])
        #expect(markdown.output.hasPrefix("## Treatment-resistant depression"))
        let json = try BinaryRunner.run(["summary", "-i", "sud", "--format", "json"])
        guard case .object(let object) = try JSONParser.parse(Array(json.output.utf8)) else { Issue.record("not an object"); return }
        #expect(object["participants"] == .number(253))
        #expect(object["participantsBySource"] == .object(JSONObject([
            ("seed", .number(8)), ("seedStudies", .number(1)), ("primary", .number(245)), ("primaryStudies", .number(4)),
            ("sharedCountedOnce", .number(0)),
        ])))
        #expect(object["bestLevelStudies"] == .array([.string("grabski-2022"), .string("krupitsky-2002"), .string("krupitsky-2007"), .string("dakwar-2017")]))
        let seedOnly = try BinaryRunner.run(["summary", "-i", "sud", "--format", "json", "--seed-only"])
        guard case .object(let seedObject) = try JSONParser.parse(Array(seedOnly.output.utf8)) else { Issue.record("not an object"); return }
        #expect(seedObject["participants"] == .number(8) && seedObject["bestLevelStudies"] == .array([.string("dakwar-2017")]))
        let trd = try BinaryRunner.run(["summary", "-i", "trd", "--format", "json"])
        guard case .object(let trdObject) = try JSONParser.parse(Array(trd.output.utf8)) else { Issue.record("not an object"); return }
        #expect(trdObject["participants"] == .number(72))
        #expect(trdObject["overlaps"] == .array([.object(JSONObject([
            ("study", .string("murrough-2013")), ("sharesWith", .string("aan-het-rot-2010")), ("participants", .number(10)),
            ("stated", .bool(false)), ("subtracted", .number(0)),
        ]))]))
        let trdMarkdown = try BinaryRunner.run(["summary", "-i", "trd", "--format", "markdown"])
        #expect(trdMarkdown.output.contains("- **Participants:** 72 in 3 studies (seed 7 in 1; own records† 65 in 2)"))
        #expect(trdMarkdown.output.contains("- **Counting:** Murrough 2013's count includes 10 participants of aan het Rot 2010"))
        #expect(try BinaryRunner.run(["summary", "-i", "cardiology"]).status == 64)
    }

    /// The Cochrane rows exactly as PRIMARY-SOURCES.md gives them: comparison, outcome, participants,
    /// trials, the relative effect as written, the risks as written, and the certainty.
    static let cochraneRows: [(String, String, Int, Int, String, String, String)] = [
        ("ketamine vs placebo", "response", 185, 7, "OR 3.94 (1.54 to 10.10)", "8.8% → 27.4% (12.9 to 49.2)", "very-low"),
        ("ketamine vs placebo", "remission", 75, 3, "OR 5.60 (1.07 to 29.46)", "2.4% → 12.0% (2.5 to 41.8)", "very-low"),
        ("ketamine vs placebo", "depression score", 231, 8, "SMD 0.87 lower (1.26 to 0.48 lower)", "", "very-low"),
        ("ketamine vs placebo", "total dropouts", 201, 6, "OR 1.25 (0.19 to 8.28)", "34.0% → 39.1% (8.9 to 81)", "very-low"),
        ("ketamine vs midazolam", "response", 296, 4, "OR 2.48 (1.00 to 6.18)", "25.9% → 46.5% (25.9 to 68.4)", "very-low"),
        ("ketamine vs midazolam", "remission", 122, 2, "OR 2.21 (0.67 to 7.32)", "18.0% → 32.7% (12.8 to 61.6)", "low"),
        ("ketamine vs midazolam", "depression score", 297, 4, "SMD 0.49 lower (0.87 to 0.10 lower)", "", "very-low"),
        ("ketamine vs midazolam", "total dropouts", 72, 1, "OR 0.33 (0.05 to 2.09)", "12.0% → 4.3% (0.7 to 22.2)", "low"),
    ]

    @Test("findings -i trd --format json carries every Cochrane row as the notes give it, labelled outside the seeds")
    func findingsJSON() throws {
        let result = try BinaryRunner.run(["findings", "-i", "trd", "--format", "json"])
        #expect(result.status == 0)
        guard case .object(let object) = try JSONParser.parse(Array(result.output.utf8)),
              case .array(let reviews)? = object["reviews"], case .object(let review)? = reviews.first,
              case .array(let rows)? = review["findings"] else { Issue.record("no review rows: \(result.output)"); return }
        #expect(review["outsideSeeds"] == .bool(true))
        guard case .string(let population)? = review["population"] else { Issue.record("no population"); return }
        #expect(population.contains("unipolar major depressive disorder, not only treatment-resistant"))
        #expect(rows.count == Self.cochraneRows.count)
        for (row, expected) in zip(rows, Self.cochraneRows) {
            guard case .object(let fields) = row, case .object(let effect)? = fields["effect"] else { Issue.record("bad row"); continue }
            #expect(fields["comparison"] == .string(expected.0) && fields["outcome"] == .string(expected.1))
            #expect(fields["participants"] == .number(Double(expected.2)) && fields["studies"] == .number(Double(expected.3)))
            #expect(effect["reported"] == .string(expected.4) && effect["level"] == .number(95))
            #expect(fields["risksReported"] == (expected.5.isEmpty ? .null : .string(expected.5)))
            #expect(fields["certainty"] == .string(expected.6))
            #expect(fields["timepoint"] == .string("24 h"))
        }
        let table = try BinaryRunner.run(["findings", "-i", "trd", "--width", "80", "--words"])
        #expect(table.status == 0 && table.output.contains("outside the seed documents"))
        #expect(table.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let wide = try BinaryRunner.run(["findings", "-i", "trd", "--width", "200", "--words"])
        #expect(wide.output.contains("of 1,000 people like those in the trials, about 274 (129 to 492) with ketamine rather than 88 with placebo respond"))
        let markdown = try BinaryRunner.run(["findings", "-i", "trd", "--format", "markdown"])
        #expect(markdown.output.contains("| Response at 24 h | 185 (7) | OR 3.94 (1.54 to 10.10) | 8.8% → 27.4% (12.9 to 49.2) | ⊕◯◯◯ very low |"))
        #expect(markdown.output.contains("DOI 10.1002/14651858.CD011612.pub3") && markdown.output.contains("never worked out here"))
        let ascii = try BinaryRunner.run(["findings", "-i", "trd", "--width", "80"], environment: ["LANG": "C"])
        let allASCII = ascii.output.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII, "LANG=C gets ASCII only")
        let bad = try BinaryRunner.run(["findings", "-i", "nowhere"])
        #expect(bad.status == 64)
    }

    @Test("the manual page is generated from the keymap and the query help, and docs/study-browser.1 is that page")
    func manPage() throws {
        let result = try BinaryRunner.run(["man"])
        #expect(result.status == 0)
        let file = try String(contentsOfFile: BinaryRunner.packageRoot.appendingPathComponent("docs/study-browser.1").path, encoding: .utf8)
        #expect(result.output == file, "docs/study-browser.1 is stale: regenerate it with study-browser man > docs/study-browser.1")
        for text in ["\\-\\-seed\\-only", "NO_COLOR", "COLUMNS", "ESCDELAY", "TERM", "from:primary", ".SH EXAMPLES", "Ctrl\\-W"] {
            #expect(result.output.contains(text), "\(text)")
        }
    }

    @Test("export as CSV and Markdown covers every study")
    func exportOther() throws {
        let csv = try BinaryRunner.run(["export", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.output.hasSuffix("\r\n"))
        let markdown = try BinaryRunner.run(["export", "--format", "markdown"])
        #expect(markdown.output.components(separatedBy: "\n## ").count == 26)
    }

    @Test("output piped into a reader that stops early ends quietly")
    func pipeClosed() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(BinaryRunner.binary.path)' export --format markdown | head -n 1 >/dev/null; echo \"${PIPESTATUS:-done}\""]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(errors.isEmpty, "\(errors)")
    }
}
