/// The indication summary as text lines (terminal and `summary --format table`), Markdown and JSON.
public enum SummaryText {
    /// Lines wrapped to `width`; made to fit one 80x24 screen for every bundled indication.
    /// `named` puts the indication's name in the first line (the browser shows it in the title).
    /// `allStatements` prints every status and bottom-line statement (the browser shows the first of each).
    public static func lines(_ summary: IndicationSummary, width: Int, glyphs: Glyphs, named: Bool = true,
                             allStatements: Bool = false) -> [String] {
        let labelWidth = 13
        var lines: [String] = []
        func field(_ label: String, _ value: String) {
            let wrapped = TableFormatter.wrap(glyphs.adapt(InertText.make(value)), width: max(20, width - labelWidth))
            for (index, line) in wrapped.enumerated() {
                let lead = index == 0 ? String((label + String(repeating: " ", count: labelWidth)).prefix(labelWidth)) : String(repeating: " ", count: labelWidth)
                lines.append(lead + line)
            }
        }
        let dot = glyphs == .unicode ? " · " : ", "
        let name = named ? "\(summary.indication.name): " : ""
        lines += TableFormatter.wrap(glyphs.adapt("\(name)\(summary.studies.count) studies; participants \(participantsText(summary, glyphs: glyphs))"), width: width)
        field("Designs", designsText(summary, separator: dot))
        field("Direction", summary.directionCounts.filter { $0.count > 0 }
            .map { "\(glyphs.symbol(for: $0.direction)) \($0.direction.name) \($0.count)" }.joined(separator: dot))
        field("Best level", bestLevelText(summary, glyphs: glyphs))
        for note in countingNotes(summary, glyphs: glyphs) { field("Counting", note) }
        if summary.flagged > 0 {
            field("Cross-check", "\(summary.flagged) stud\(summary.flagged == 1 ? "y's" : "ies'") own record\(summary.flagged == 1 ? "" : "s") differ\(summary.flagged == 1 ? "s" : "") from the seed (\(glyphs.differs))")
        }
        for regulatory in allStatements ? summary.regulatory : Array(summary.regulatory.prefix(1)) {
            field("Status", "\(regulatory.text) [\(regulatory.source.humanDescription)]")
        }
        for bottom in allStatements ? summary.bottomLine : Array(summary.bottomLine.prefix(1)) {
            field("Bottom line", "\(kindPrefix(bottom.kind))\(bottom.text) [\(bottom.source.humanDescription)]")
        }
        // The table's own header row introduces the studies, randomized trials first.
        let columns: [StudyColumn] = [.study, .design, .n, .outcome, .level]
        let table = TableFormatter.studies(summary.studies, columns: columns, width: width - 2, glyphs: glyphs)
        lines += table.split(separator: "\n").enumerated().filter { $0.offset != 1 }.map { "  " + $0.element }
        return lines
    }

    /// All indications on one screen: a block of three lines each (studies and designs, participants,
    /// best level and directions), for the All tab's `i`.
    public static func overview(_ summaries: [IndicationSummary], width: Int, glyphs: Glyphs) -> [String] {
        var lines: [String] = []
        for summary in summaries {
            let trials = summary.studies.filter(\.design.kind.isRandomizedTrial)
            let own = trials.filter { $0.fromPrimary.contains(.design) }.count
            let randomized = "\(trials.count)" + (own > 0 ? " (\(own)\(glyphs.primary) by own records)" : "")
            let directions = summary.directionCounts.filter { $0.count > 0 }
                .map { "\(glyphs.symbol(for: $0.direction))\($0.count)" }.joined(separator: " ")
            let level = summary.bestLevel.map { "best level \($0)" } ?? "no level graded"
            lines += TableFormatter.wrap(glyphs.adapt("\(summary.indication.name): \(summary.studies.count) studies, \(randomized) randomized; "
                                                      + "\(level); \(directions)"), width: width)
            lines += TableFormatter.wrap(glyphs.adapt("participants \(participantsText(summary, glyphs: glyphs))"), width: width - 2)
                .map { "  " + $0 }
        }
        lines.append("")
        lines += TableFormatter.wrap(glyphs.adapt("Directions: + benefit, ± mixed, − no benefit, ? not reported. A tab, then i, gives one indication's summary; f its findings."), width: width)
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

    /// "253 in 5 studies (seed 8 in 1; own records† 245 in 4); 2 give none; 1 disputed, not added".
    static func participantsText(_ summary: IndicationSummary, glyphs: Glyphs) -> String {
        let count = summary.count
        func studies(_ number: Int) -> String { "\(number) stud\(number == 1 ? "y" : "ies")" }
        var text: String
        if count.counted == 0 {
            text = count.uncounted == 0 && !count.disputes.isEmpty ? "none undisputed"
                : "not reported by \(count.uncounted == 1 ? "the one study" : "any of the \(count.uncounted) studies")"
        } else {
            text = "\(count.total) in \(studies(count.counted))"
            switch (count.seedStudies, count.primaryStudies) {
            case (_, 0): text += " (by the seed)"
            case (0, _): text += " (by own records\(glyphs.primary))"
            default: text += " (seed \(count.seed) in \(count.seedStudies); own records\(glyphs.primary) \(count.primary) in \(count.primaryStudies))"
            }
            if count.shared > 0 { text += ", \(count.shared) shared counted once" }
            if count.uncounted > 0 { text += "; \(count.uncounted) give\(count.uncounted == 1 ? "s" : "") none" }
        }
        if !count.disputes.isEmpty { text += "; \(count.disputes.count) disputed, not added" }
        return text
    }

    /// One sentence per overlap and per disputed count, so the headline can be checked by hand.
    static func countingNotes(_ summary: IndicationSummary, glyphs: Glyphs) -> [String] {
        var notes: [String] = []
        for overlap in summary.count.overlaps {
            let shared = overlap.overlap.participants
            let other = overlap.otherLabel.map { "\($0) (\(overlap.overlap.stated ? "named by the record" : "inferred; the record names no report"))" }
                ?? "an earlier report the record does not name"
            let effect = overlap.subtracted > 0 ? "counted once (\(overlap.subtracted) taken off)"
                : "that report gives no count here, so nothing is taken off"
            notes.append("\(overlap.study.shortLabel)'s count includes \(shared) participants of \(other): \(effect)")
        }
        for dispute in summary.count.disputes {
            notes.append("Disputed, not added: \(dispute.study.shortLabel) \(dispute.seedText) by the seed; its own record: \(dispute.primary)")
        }
        return notes
    }

    static func designsText(_ summary: IndicationSummary, separator: String) -> String {
        summary.designCounts.map { "\($0.kind == .notReported ? "not reported" : $0.kind.shortName) \($0.count)" }.joined(separator: separator)
    }

    static func bestLevelText(_ summary: IndicationSummary, glyphs: Glyphs) -> String {
        guard let level = summary.bestLevel else { return "none graded (reviews or designs not reported)" }
        let names = summary.bestLevelStudies.map { study -> String in
            var basis = study.design.kind.shortName + (study.fromPrimary.contains(.design) ? glyphs.primary : "")
            if study.evidence.gradedDownFor != nil { basis += ", graded down" }
            switch (study.fromPrimary.contains(.design), study.fromPrimary.contains(.outcome)) {
            case (true, true): basis += "; design and result by its own record"
            case (true, false): basis += "; design by its own record"
            case (false, true): basis += "; result by its own record"
            case (false, false): break
            }
            // A level says how a study was run, not what it found: say so when nothing was found,
            // and name the cautions on what was.
            if study.outcome.figures.isEmpty && study.outcome.direction == .notReported {
                basis += "; no result recorded"
            } else if case let marks = StrengthMark.compact(StrengthMarks.of(study)), !marks.isEmpty {
                basis += "; result marked \(marks)"
            }
            return study.shortLabel + " (\(basis))"
        }
        return "\(level): " + names.joined(separator: ", ")
    }

    /// Markdown for notes and minutes.
    public static func markdown(_ summary: IndicationSummary, glyphs: Glyphs = .unicode) -> String {
        func escape(_ text: String) -> String { StudyMarkdown.escape(glyphs.adapt(InertText.make(text))) }
        var lines = ["## \(summary.indication.name)", "",
                     "- **Studies:** \(summary.studies.count) (\(designsText(summary, separator: ", ")))",
                     "- **Participants:** \(escape(participantsText(summary, glyphs: glyphs))); stated totals, else the sum of the arms, as the sources give them",
                     "- **Direction:** " + summary.directionCounts.map { "\($0.direction.name) \($0.count)" }.joined(separator: ", "),
                     "- **Best level:** \(escape(bestLevelText(summary, glyphs: glyphs)))"]
        for note in countingNotes(summary, glyphs: glyphs) { lines.append("- **Counting:** \(escape(note))") }
        if summary.flagged > 0 { lines.append("- **Cross-check:** \(summary.flagged) differ from their own records") }
        for statement in summary.regulatory { lines.append("- **Status:** \(escape(statement.text)) [\(statement.source.humanDescription)]") }
        for statement in summary.bottomLine {
            let kind = statement.kind == .statement ? "" : " (\(statement.kind.rawValue))"
            lines.append("- **Bottom line\(kind):** \(escape(statement.text)) [\(statement.source.humanDescription)]")
        }
        lines.append("")
        lines.append(StudyMarkdown.table(summary.studies, columns: [.study, .design, .n, .route, .dose, .outcome, .level], glyphs: glyphs, view: summary.view))
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
            ("participantsBySource", .object(JSONObject([
                ("seed", .number(Double(summary.count.seed))), ("seedStudies", .number(Double(summary.count.seedStudies))),
                ("primary", .number(Double(summary.count.primary))), ("primaryStudies", .number(Double(summary.count.primaryStudies))),
                ("sharedCountedOnce", .number(Double(summary.count.shared))),
            ]))),
            ("overlaps", .array(summary.count.overlaps.map { overlap in
                .object(JSONObject([("study", .string(overlap.study.id)), ("sharesWith", overlap.overlap.study.map(JSONValue.string) ?? .null),
                                    ("participants", .number(Double(overlap.overlap.participants))), ("stated", .bool(overlap.overlap.stated)),
                                    ("subtracted", .number(Double(overlap.subtracted)))]))
            })),
            ("disputedCounts", .array(summary.count.disputes.map { dispute in
                .object(JSONObject([("study", .string(dispute.study.id)), ("seed", .number(Double(dispute.seed))), ("primary", .string(dispute.primary))]))
            })),
            ("view", .string(summary.view.rawValue)),
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
