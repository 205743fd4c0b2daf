/// The summary of findings as text lines (browser and `findings --format table`), Markdown and JSON.
public enum FindingsText {
    /// Lines wrapped to `width`: each review's rows by comparison with their plots, then the
    /// single-study estimates from own records. `words` adds what each row means per 1,000.
    public static func lines(_ findings: IndicationFindings, width: Int, glyphs: Glyphs, words: Bool = false) -> [String] {
        var lines: [String] = []
        func text(_ value: String, indent: Int = 0) {
            let wrapped = TableFormatter.wrap(glyphs.adapt(InertText.make(value)), width: max(20, width - indent))
            lines += wrapped.map { String(repeating: " ", count: indent) + $0 }
        }
        let rule = glyphs.rule + glyphs.rule
        for review in findings.reviews {
            let name = IndicationFindings.shortName(review)
            let outside = findings.outside.contains(review.id)
            text("\(name)\(outside ? ", outside the seed documents" : "")" + (review.searchDate.map { " (searched to \($0))" } ?? "")
                 + ". Population: \(review.population).")
            for comparison in comparisons(review) {
                lines.append("")
                text("\(rule) \(capitalized(comparison)) \(rule) \(name)\(outside ? ", outside the seeds" : "") \(rule)")
                for finding in review.findings where finding.comparison == comparison {
                    let count = [finding.participants.map { "\($0) participants" }, finding.studies.map { "\($0) RCT\($0 == 1 ? "" : "s")" }]
                        .compactMap { $0 }.joined(separator: ", ")
                    text("\(capitalized(finding.outcome))\(finding.timepoint.map { " at \($0)" } ?? ""): \(count.isEmpty ? "participants not reported" : count)")
                    var effect = "\(finding.effect.reported); \(finding.certainty.symbols(glyphs)) \(finding.certainty.name)"
                    if let risks = finding.risksReported { effect += "; \(comparator(comparison)) → ketamine: \(risks)" }
                    text(effect + " [\(name)]", indent: 2)
                    if words, let plain = PlainWords.perThousand(finding, glyphs: glyphs) { text(plain, indent: 4) }
                    if let footnote = finding.footnote { text("Note: \(footnote)", indent: 4) }
                }
                if !words && review.findings.contains(where: { $0.comparison == comparison && $0.assumedRisk != nil }) {
                    text("(w: what each row with risks means per 1,000 people)", indent: 2)
                }
                for group in findings.groups where group.comparison == comparison && group.rows.contains(where: { $0.source.hasPrefix(name) }) {
                    lines.append("")
                    lines += ForestPlot.lines(group, width: width, glyphs: glyphs)
                }
            }
            lines.append("")
            text("Source: \(review.citation)" + review.identifiers.map { "; \($0.kind.label) \($0.value)" }.joined()
                 + "; seen on \(review.seenOn).")
            text("Certainty is the review's own (GRADE), never worked out here: "
                 + Certainty.allCases.map { "\($0.symbols(glyphs)) \($0.name)" }.joined(separator: ", ") + ".")
            if let note = review.note { text(note) }
            lines.append("")
        }
        let single = findings.groups.filter { group in group.rows.allSatisfy { $0.finding == nil } }
        if !single.isEmpty {
            text("\(rule) Estimates from the studies' own records\(glyphs.primary) \(rule)")
            text("Each from one study's own record (abstract, publisher page or a secondary page; see its details): one trial's "
                 + "estimate, or a meta-analysis's pooled one where marked pooled. The seed documents give none of these intervals.")
            for group in single {
                lines.append("")
                lines += ForestPlot.lines(group, width: width, glyphs: glyphs)
                for row in group.rows { text("\(row.label): \(row.estimate.reported) [\(row.source)\(glyphs.primary)]", indent: 2) }
            }
        }
        if findings.reviews.isEmpty && single.isEmpty {
            text("No effect estimates with intervals for \(findings.indication.name): the seed documents give none, "
                 + "and no review or study record in the data has one.")
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// "placebo" from "ketamine vs placebo": whom the assumed risk describes.
    static func comparator(_ comparison: String) -> String {
        PlainWords.sides(comparison)?.1 ?? "comparison"
    }

    /// The review's comparisons in the order its rows give them.
    static func comparisons(_ review: Review) -> [String] {
        review.findings.map(\.comparison).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    static func capitalized(_ text: String) -> String { ForestPlot.capitalized(text) }

    /// Markdown: a pipe table per comparison, the plots in code blocks, and the sources.
    public static func markdown(_ findings: IndicationFindings, glyphs: Glyphs = .unicode, width: Int = 100, words: Bool = false) -> String {
        func escape(_ text: String) -> String { StudyMarkdown.escape(glyphs.adapt(InertText.make(text))) }
        var lines = ["## \(findings.indication.name): summary of findings", ""]
        for review in findings.reviews {
            let name = IndicationFindings.shortName(review)
            let outside = findings.outside.contains(review.id) ? " from **outside the seed documents**" : ""
            lines.append("Pooled evidence\(outside): \(escape(name)), \(escape(review.citation))"
                         + review.identifiers.map { "; \($0.kind.label) \(escape($0.value))" }.joined()
                         + (review.searchDate.map { "; searched to \(escape($0))" } ?? "") + "; seen on \(escape(review.seenOn)). "
                         + "Population: \(escape(review.population)).")
            lines.append("")
            lines.append("Certainty is the review's own (GRADE), never worked out here: "
                         + Certainty.allCases.map { "\($0.symbols(glyphs)) \($0.name)" }.joined(separator: ", ") + "."
                         + (review.note.map { " " + escape($0) } ?? ""))
            lines.append("")
            for comparison in comparisons(review) {
                lines += ["### \(escape(capitalized(comparison)))", "",
                          "| Outcome | Participants (studies) | Relative effect | \(escape(capitalized(comparator(comparison)))) \(glyphs.adapt("→")) ketamine | Certainty | Source |",
                          "|---|---|---|---|---|---|"]
                for finding in review.findings where finding.comparison == comparison {
                    let risks = finding.risksReported ?? "—"
                    lines.append("| \(escape(capitalized(finding.outcome) + (finding.timepoint.map { " at \($0)" } ?? ""))) | "
                                 + "\(finding.participants.map(String.init) ?? "n.r.") (\(finding.studies.map(String.init) ?? "n.r.")) | "
                                 + "\(escape(finding.effect.reported)) | \(escape(risks)) | \(finding.certainty.symbols(glyphs)) \(finding.certainty.name) | \(escape(name)) |")
                }
                lines.append("")
                if words {
                    for finding in review.findings where finding.comparison == comparison {
                        if let plain = PlainWords.perThousand(finding, glyphs: glyphs) { lines.append("- \(escape(capitalized(finding.outcome))): \(escape(plain))") }
                    }
                    lines.append("")
                }
                for group in findings.groups where group.comparison == comparison && group.rows.contains(where: { $0.source.hasPrefix(name) }) {
                    lines += ["```"] + ForestPlot.lines(group, width: width, glyphs: glyphs).map { glyphs.adapt(InertText.make($0)) } + ["```", ""]
                }
            }
        }
        let single = findings.groups.filter { group in group.rows.allSatisfy { $0.finding == nil } }
        if !single.isEmpty {
            lines += ["### Estimates from the studies' own records", "",
                      "Each from one study's own record (\(glyphs.primary)), not from the seed documents, which give none of these intervals.", ""]
            for group in single {
                lines += ["```"] + ForestPlot.lines(group, width: width, glyphs: glyphs).map { glyphs.adapt(InertText.make($0)) } + ["```", ""]
                for row in group.rows { lines.append("- \(escape(row.label)): \(escape(row.estimate.reported)) [\(escape(row.source))\(glyphs.primary)]") }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: every review with every row as the source gives it, and the single-study estimates.
    public static func json(_ findings: IndicationFindings) -> JSONValue {
        func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members.map { (key: $0.0, value: $0.1) })) }
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        func integer(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let reviews = findings.reviews.map { review in
            object([
                ("id", .string(review.id)), ("citation", .string(review.citation)), ("outsideSeeds", .bool(findings.outside.contains(review.id))),
                ("source", .string(review.source.description)), ("seenOn", .string(review.seenOn)), ("searchDate", text(review.searchDate)),
                ("population", .string(review.population)),
                ("identifiers", .array(review.identifiers.map { object([("kind", .string($0.kind.rawValue)), ("value", .string($0.value))]) })),
                ("findings", .array(review.findings.map { finding in
                    object([
                        ("comparison", .string(finding.comparison)), ("outcome", .string(finding.outcome)), ("timepoint", text(finding.timepoint)),
                        ("participants", integer(finding.participants)), ("studies", integer(finding.studies)),
                        ("effect", PrimaryJSON.estimate(finding.effect)), ("assumedRisk", number(finding.assumedRisk)),
                        ("riskWith", finding.riskWith.map { object([("point", .number($0)), ("low", number(finding.riskWithLow)), ("high", number(finding.riskWithHigh))]) } ?? .null),
                        ("risksReported", text(finding.risksReported)),
                        ("perThousand", text(PlainWords.perThousand(finding, glyphs: .unicode))),
                        ("certainty", .string(finding.certainty.rawValue)), ("footnote", text(finding.footnote)),
                    ])
                })),
                ("note", text(review.note)),
            ])
        }
        let single = findings.groups.flatMap { group in group.rows.filter { $0.finding == nil }.map { (group, $0) } }
        return object([
            ("indication", .string(findings.indication.rawValue)),
            ("reviews", .array(reviews)),
            ("singleStudyEstimates", .array(single.map { group, row in
                object([("label", .string(row.label)), ("comparison", .string(group.comparison)), ("source", .string(row.source)),
                        ("participants", integer(row.participants)), ("pooled", .bool(row.pooled)), ("estimate", PrimaryJSON.estimate(row.estimate))])
            })),
        ])
    }
}
