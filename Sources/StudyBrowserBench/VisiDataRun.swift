import Foundation

/// The same tasks in study-browser and in VisiData, each a whole process from start to exit:
/// load the studies and write them as CSV, filter for a word, sort by dose.
///
/// VisiData reads the studies as the CSV that `study-browser export --format csv` writes
/// (every field); study-browser reads its JSON data files. VisiData runs in batch mode
/// (`vd -b -p script.vdj -o out.csv`), replaying a command log, so no screen is drawn by either.
enum VisiDataRun {
    struct Row {
        let task: String
        let studyBrowser: Double
        let visiData: Double
        let studyBrowserCommand: String
        let visiDataCommand: String
    }

    static func run(binary: String, paths: [String], folder: String, repeats: Int, word: String) throws -> [Row] {
        let csv = "\(folder)/studies.csv"
        if !FileManager.default.fileExists(atPath: csv) {
            let exported = Measure.wholeProcess(binary, ["export", "--format", "csv"] + paths.flatMap { ["--data", $0] }, stdout: csv)
            guard exported.status == 0 else { throw PseudoTerminalProcess.Failure(description: "export to \(csv) failed") }
        }
        let sheet = "studies"
        let open = #"{"sheet": "", "col": "", "row": "", "longname": "open-file", "input": "\#(csv)", "keystrokes": "o"}"#
        let filter = #"{"sheet": "\#(sheet)", "col": "", "row": "", "longname": "select-cols-regex", "input": "refractory", "keystrokes": "g|"}"#
            + "\n" + #"{"sheet": "\#(sheet)", "col": "", "row": "", "longname": "dup-selected", "input": "", "keystrokes": "\""}"#
        let sort = #"{"sheet": "\#(sheet)", "col": "dose_low", "row": "", "longname": "sort-asc", "input": "", "keystrokes": "["}"#
        let common = #"{"sheet": "\#(sheet)", "col": "", "row": "", "longname": "select-cols-regex", "input": "\#(word)", "keystrokes": "g|"}"#
            + "\n" + #"{"sheet": "\#(sheet)", "col": "", "row": "", "longname": "dup-selected", "input": "", "keystrokes": "\""}"#
        let sortSelected = #"{"sheet": "\#(sheet)_selectedref", "col": "dose_low", "row": "", "longname": "sort-asc", "input": "", "keystrokes": "["}"#
        let scripts = [("open", open), ("filter", open + "\n" + filter), ("sort", open + "\n" + sort),
                       ("filter + sort", open + "\n" + common + "\n" + sortSelected)]
        // study-browser reads its data through a derived index built once beforehand (warm);
        // `export` has no index and parses and checks everything.
        let data = paths.flatMap { ["--data", $0] } + ["--index-dir", "\(folder)/index"]
        _ = Measure.wholeProcess(binary, ["index"] + paths + ["--index-dir", "\(folder)/index"])
        let ours: [String: [String]] = [
            "open": ["export", "--format", "csv"] + paths.flatMap { ["--data", $0] },
            "filter": ["list", "--filter", "refractory", "--format", "csv"] + data,
            "sort": ["list", "--sort", "dose", "--format", "csv"] + data,
            "filter + sort": ["list", "--filter", word, "--sort", "dose", "--format", "csv"] + data,
        ]
        var rows: [Row] = []
        for (task, script) in scripts {
            let scriptPath = "\(folder)/\(task.replacing(" + ", with: "-")).vdj"
            try ("#!vd -p\n" + script + "\n").write(toFile: scriptPath, atomically: true, encoding: .utf8)
            let vdArguments = ["-b", "-p", scriptPath, "-o", "\(folder)/vd-\(task.replacing(" + ", with: "-")).csv"]
            let arguments = ours[task] ?? []
            var mine: [Double] = [], theirs: [Double] = []
            for _ in 0..<repeats {
                mine.append(Measure.wholeProcess(binary, arguments, stdout: "\(folder)/sb-\(task.replacing(" + ", with: "-")).csv").milliseconds)
                theirs.append(Measure.wholeProcess("vd", vdArguments).milliseconds)
            }
            rows.append(Row(task: task, studyBrowser: Measure.median(mine), visiData: Measure.median(theirs),
                            studyBrowserCommand: "study-browser " + arguments.joined(separator: " ") + " > out.csv",
                            visiDataCommand: "vd " + vdArguments.joined(separator: " ")))
        }
        return rows
    }
}
