import StudyCore

/// Marked studies side by side: one column per study, one row per field, cells wrapped.
public enum CompareText {
    /// " †" after a value from the study's own record.
    static func mark(_ study: Study, _ field: PrimaryFields, _ glyphs: Glyphs) -> String {
        study.fromPrimary.contains(field) ? " \(glyphs.primary)" : ""
    }

    /// The fields compared, in order, with how to read each from a study.
    static let fields: [(label: String, value: @Sendable (Study, Glyphs) -> String)] = [
        ("Study", { study, glyphs in study.shortLabel + (study.primaryDiffers ? " \(glyphs.differs)" : "") }),
        ("Indication", { study, _ in study.indication.name }),
        ("Condition", { study, _ in study.condition ?? StudyDetails.notReported }),
        ("Design", { study, glyphs in study.design.label + mark(study, .design, glyphs) }),
        ("N", { study, glyphs in study.sampleSize.detailed.map { $0 + mark(study, .n, glyphs) } ?? StudyDetails.notReported }),
        ("Route", { study, glyphs in
            study.routes.isEmpty ? StudyDetails.notReported : study.routes.map(\.name).joined(separator: ", ") + mark(study, .route, glyphs) }),
        ("Dose", { study, glyphs in
            study.doses.isEmpty ? StudyDetails.notReported
                : study.doses.map { DoseText.detailed($0, glyphs: glyphs) }.joined(separator: "; ") + mark(study, .dose, glyphs) }),
        ("Comparator", { study, glyphs in
            guard let comparator = study.comparator else { return StudyDetails.notReported }
            return ([comparator.label] + comparator.doses.map { DoseText.detailed($0, glyphs: glyphs, showArm: false) }).joined(separator: "; ")
                + mark(study, .comparator, glyphs) }),
        ("Outcome", { study, glyphs in
            // The same order as the table's Outcome cell: symbol, marks, direction, †.
            var text = glyphs.symbol(for: study.outcome.direction)
            let marks = StrengthMark.compact(StrengthMarks.of(study))
            if !marks.isEmpty { text += " " + marks }
            text += " \(study.outcome.direction.name)" + mark(study, .outcome, glyphs)
            if let result = study.outcome.result { text += ". " + result }
            for figure in study.outcome.figures { text += " \(figure.text)." }
            return text }),
        ("Adverse effects", { study, _ in study.adverseEffects ?? StudyDetails.notReported }),
        ("Level", { study, glyphs in study.evidence.longLabel + mark(study, .design, glyphs) }),
        ("Flags", { study, glyphs in
            var flags: [String] = []
            if study.primaryDiffers {
                flags.append("\(glyphs.differs) own record differs: " + (study.primary?.differences.map(\.topic).joined(separator: ", ") ?? ""))
            }
            if study.hasSharedAttribution { flags.append("figures rest on a shared citation") }
            return flags.isEmpty ? "none" : flags.joined(separator: "; ") }),
    ]

    /// Columns narrower than this are not drawn; the view says how many did not fit.
    static let minimumColumn = 16

    /// The comparison as lines of `width` columns.
    public static func lines(_ studies: [Study], width: Int, glyphs: Glyphs) -> [String] {
        guard !studies.isEmpty else { return ["Nothing marked."] }
        let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
        let fitting = max(1, min(studies.count, (width - labelWidth) / (minimumColumn + 1)))
        let shown = Array(studies.prefix(fitting))
        let columnWidth = max(8, (width - labelWidth) / shown.count - 1)
        var lines: [String] = []
        if shown.count < studies.count {
            lines.append("\(studies.count - shown.count) more marked do not fit this width; widen the terminal or unmark some.")
        }
        for field in fields {
            let cells = shown.map { TableFormatter.wrap(glyphs.adapt(InertText.make(field.value($0, glyphs))), width: columnWidth) }
            let height = cells.map(\.count).max() ?? 1
            for row in 0..<height {
                var line = String(((row == 0 ? field.label : "") + String(repeating: " ", count: labelWidth)).prefix(labelWidth))
                for (index, cell) in cells.enumerated() {
                    let text = row < cell.count ? cell[row] : ""
                    line += DisplayWidth.pad(text, to: columnWidth, ellipsis: glyphs.ellipsis)
                    if index < cells.count - 1 { line += glyphs.bar }
                }
                lines.append(line)
            }
        }
        return lines
    }
}
