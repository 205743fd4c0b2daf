import ArgumentParser
import BrowserCore
import StudyCore

/// The indication, filter and sort a command was asked for, checked before any data is read.
struct StudySelection {
    let indication: Indication?
    let query: StudyQuery
    let sort: SortSpec
    /// Best-sourced values (seed, else the own record, marked) or the seed's alone.
    let view: SourceView

    /// Checks the options; a bad value is a usage error (exit 64) naming what is wrong.
    init(indication: String?, filter: String?, sort: String?, view: SourceView = .best) throws {
        self.view = view
        if let indication {
            guard let match = Indication.matching(indication) else {
                throw Console.usageError("unknown indication '\(indication)'; use one of: \(Indication.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.indication = match
        } else {
            self.indication = nil
        }
        do {
            query = try StudyQuery(filter ?? "")
        } catch {
            let (shown, caret) = Self.excerpt(of: filter ?? "", around: error.column)
            throw Console.usageError("bad filter at column \(error.column): \(error.message)\n  \(shown)\n  \(String(repeating: " ", count: caret))^\n`study-browser query-help` explains the query language.")
        }
        if let sort {
            do {
                self.sort = try SortSpec(parsing: sort)
            } catch {
                throw Console.usageError("bad --sort: \(error.message)")
            }
        } else {
            self.sort = .standard
        }
    }

    /// The part of a long query around a column (at most 60 characters, cut ends marked with
    /// "..."), and how many columns the caret under that column is indented once made inert.
    static func excerpt(of query: String, around column: Int) -> (text: String, caret: Int) {
        let characters = Array(query)
        let start = max(0, min(column - 31, characters.count - 60))
        let end = min(characters.count, start + 60)
        let lead = start > 0 ? "..." : ""
        let text = lead + InertText.make(String(characters[start..<end])) + (end < characters.count ? "..." : "")
        let before = InertText.make(String(characters[start..<min(end, max(start, column - 1))]))
        return (text, DisplayWidth.of(lead + before))
    }

    /// A query as footers show it: inert, and at most 200 characters (a pasted wall of text
    /// would otherwise make the footer the longest line of the output).
    static func shortened(_ query: String) -> String {
        guard query.count > 200 else { return InertText.make(query) }
        return InertText.make(String(query.prefix(200))) + "... (\(query.count) characters)"
    }

    /// The matching studies in order.
    func apply(to dataset: Dataset) -> [Study] {
        let scoped = BestSourced.studies(dataset.studies.filter { indication == nil || $0.indication == indication }, view: view)
        let matching = query.filter(scoped.map(IndexedStudy.init)).map(\.study)
        return StudySorter.sorted(matching, by: sort)
    }

    /// The matching studies in order, through a catalog built for this selection's view.
    func apply(to catalog: Catalog) -> [Study] {
        catalog.positions(indication: indication, matching: query, sortedBy: sort).map(catalog.study(at:))
    }

    /// How many studies the indication alone allows.
    func scopeCount(in dataset: Dataset) -> Int {
        indication.map(dataset.count(of:)) ?? dataset.studies.count
    }

    /// ", migraine, filter 'x', sorted by dose" for footers.
    var summary: String {
        var parts: [String] = []
        if let indication { parts.append(indication.name) }
        if !query.text.isEmpty { parts.append("filter '\(Self.shortened(query.text))'") }
        parts.append("sorted by \(sort)")
        if view == .seedOnly { parts.append("seed values only") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}
