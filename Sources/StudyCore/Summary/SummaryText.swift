/// The indication summary as text lines (terminal and `summary --format table`), Markdown and JSON.
public enum SummaryText {
    /// Lines wrapped to `width`; made to fit one 80x24 screen for every bundled indication.
    /// `named` puts the indication's name in the first line (the browser shows it in the title).
    public static func lines(_ summary: IndicationSummary, width: Int, glyphs: Glyphs, named: Bool = true) -> [String] {
        let labelWidth = 13
        var lines: [String] = []
        func field(_ label: String, _ value: String) {
            let wrapped = TableFormatter.wrap(glyphs.adapt(InertText.make(value)), width: max(20, width - labelWidth))
            for (index, line) in wrapped.enumerated() {
                let lead = index == 0 ? label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) : String(repeating: " ", count: labelWidth)
                lines.append(lead + line)
            }
        }
        let dot = glyphs == .unicode ? " · " : ", "
        let name = named ? "\(summary.indication.name): " : ""
        lines += TableFormatter.wrap("\(name)\(summary.studies.count) studies; participants \(participantsText(summary))", width: width)
        field("Designs", designsText(summary, separator: dot))
        field("Direction", summary.directionCounts.filter { $0.count > 0 }
            .map { "\(glyphs.symbol(for: $0.direction)) \($0.direction.name) \($0.count)" }.joined(separator: dot))
        field("Best level", bestLevelText(summary, glyphs: glyphs))
        if summary.flagged > 0 {
            field("Cross-check", "\(summary.flagged) stud\(summary.flagged == 1 ? "y's" : "ies'") own abstract\(summary.flagged == 1 ? "" : "s") differ\(summary.flagged == 1 ? "s" : "") from the seed (\(glyphs.differs))")
        }
        if let regulatory = summary.regulatory.first {
            field("Status", "\(regulatory.text) [\(regulatory.source.humanDescription)]")
        }
        if let bottom = summary.bottomLine.first {
            field("Bottom line", "\(kindPrefix(bottom.kind))\(bottom.text) [\(bottom.source.humanDescription)]")
        }
        // The table's own header row introduces the studies, randomized trials first.
        let columns: [StudyColumn] = [.study, .design, .n, .outcome, .level]
        let table = TableFormatter.studies(summary.studies, columns: columns, width: width - 2, glyphs: glyphs)
        lines += table.split(separator: "\n").enumerated().filter { $0.offset != 1 }.map { "  " + $0.element }
        return lines
    }

    /// "Claim: " or "Digest: " before statements that are not the source's own findings.
    public static func kindPrefix(_ kind: IndicationContext.Statement.Kind) -> String {
        switch kind {
        case .statement: ""
        case .claim: "Claim: "
        case .summary: "Digest: "
        }
    }

    /// "165 in 4 studies (1 gives none)"; participants add stated totals, else the sums of the arms.
    static func participantsText(_ summary: IndicationSummary) -> String {
        guard summary.studiesWithCount > 0 else {
            return "not reported by \(summary.studiesWithoutCount == 1 ? "the one study" : "any of the \(summary.studiesWithoutCount) studies")"
        }
        var text = "\(summary.participants) in \(summary.studiesWithCount) stud\(summary.studiesWithCount == 1 ? "y" : "ies")"
        if summary.studiesWithoutCount > 0 {
            text += " (\(summary.studiesWithoutCount) give\(summary.studiesWithoutCount == 1 ? "s" : "") none)"
        }
        return text
    }

    static func designsText(_ summary: IndicationSummary, separator: String) -> String {
        summary.designCounts.map { "\($0.kind == .notReported ? "not reported" : $0.kind.shortName) \($0.count)" }.joined(separator: separator)
    }

    static func bestLevelText(_ summary: IndicationSummary, glyphs: Glyphs) -> String {
        guard let level = summary.bestLevel else { return "none graded (reviews or designs not reported)" }
        let names = summary.bestLevelStudies.map { $0.shortLabel + " (\($0.design.kind.shortName)\($0.evidence.gradedDownFor == nil ? "" : ", graded down"))" }
        return "\(level): " + names.joined(separator: ", ")
    }

    /// Markdown for notes and minutes.
    public static func markdown(_ summary: IndicationSummary, glyphs: Glyphs = .unicode) -> String {
        func escape(_ text: String) -> String { StudyMarkdown.escape(glyphs.adapt(InertText.make(text))) }
        var lines = ["## \(summary.indication.name)", "",
                     "- **Studies:** \(summary.studies.count) (\(designsText(summary, separator: ", ")))",
                     "- **Participants:** \(escape(participantsText(summary))); stated totals, else the sum of the arms, as the sources give them",
                     "- **Direction:** " + summary.directionCounts.map { "\($0.direction.name) \($0.count)" }.joined(separator: ", "),
                     "- **Best level:** \(escape(bestLevelText(summary, glyphs: glyphs)))"]
        if summary.flagged > 0 { lines.append("- **Cross-check:** \(summary.flagged) differ from their own abstracts") }
        for statement in summary.regulatory { lines.append("- **Status:** \(escape(statement.text)) [\(statement.source.humanDescription)]") }
        for statement in summary.bottomLine {
            let kind = statement.kind == .statement ? "" : " (\(statement.kind.rawValue))"
            lines.append("- **Bottom line\(kind):** \(escape(statement.text)) [\(statement.source.humanDescription)]")
        }
        lines.append("")
        lines.append(StudyMarkdown.table(summary.studies, columns: [.study, .design, .n, .route, .dose, .outcome, .level], glyphs: glyphs))
        return lines.joined(separator: "\n")
    }

    /// JSON object with the counts, the study ids in order, and the statements.
    public static func json(_ summary: IndicationSummary) -> JSONValue {
        func statements(_ list: [IndicationContext.Statement]) -> JSONValue {
            .array(list.map { .object(JSONObject([("kind", .string($0.kind.rawValue)), ("source", .string($0.source.description)), ("text", .string($0.text))])) })
        }
        return .object(JSONObject([
            ("indication", .string(summary.indication.rawValue)),
            ("studies", .number(Double(summary.studies.count))),
            ("designs", .object(JSONObject(summary.designCounts.map { ($0.kind.rawValue, JSONValue.number(Double($0.count))) }))),
            ("participants", .number(Double(summary.participants))),
            ("studiesWithParticipantCount", .number(Double(summary.studiesWithCount))),
            ("studiesWithoutParticipantCount", .number(Double(summary.studiesWithoutCount))),
            ("directions", .object(JSONObject(summary.directionCounts.map { ($0.direction.rawValue, JSONValue.number(Double($0.count))) }))),
            ("bestLevel", summary.bestLevel.map { .number(Double($0)) } ?? .null),
            ("bestLevelStudies", .array(summary.bestLevelStudies.map { .string($0.id) })),
            ("levelScheme", .string(EvidenceLevel.scheme)),
            ("flaggedByPrimaryCheck", .number(Double(summary.flagged))),
            ("studyOrder", .array(summary.studies.map { .string($0.id) })),
            ("regulatory", statements(summary.regulatory)),
            ("bottomLine", statements(summary.bottomLine)),
        ]))
    }
}
