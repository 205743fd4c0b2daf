/// A column of the study table: its header, how narrow it may get, and each study's cell text.
public enum StudyColumn: String, CaseIterable, Sendable {
    case study
    case indication
    case design
    case n
    case route
    case dose
    case outcome
    case level

    /// Header text.
    public var header: String {
        switch self {
        case .study: "Study"
        case .indication: "Ind."
        case .design: "Design"
        case .n: "N"
        case .route: "Route"
        case .dose: "Dose"
        case .outcome: "Outcome"
        case .level: "Level"
        }
    }

    /// Narrowest useful width in columns.
    public var minimumWidth: Int {
        switch self {
        case .study: 16
        case .indication: 5
        case .design: 11
        case .n: 4
        case .route: 5
        case .dose: 10
        case .outcome: 14
        case .level: 5
        }
    }

    /// Long free-text columns, which share the first cuts when a table is too wide.
    public static let balanced: [StudyColumn] = [.outcome, .dose]
    /// Which columns give up width next, in order: the study's name last, so a row stays identifiable.
    /// N and Level are not in it: key figures are never cut.
    public static let shrinkOrder: [StudyColumn] = [.design, .route, .indication, .study]
    /// Whole columns left out, in order, when even the narrowest widths do not fit.
    public static let dropOrder: [StudyColumn] = [.route, .indication, .dose, .design, .outcome]

    /// Widths for these columns within `width`, shrinking the free-text columns first.
    public static func widths(_ columns: [StudyColumn], natural: [Int], width: Int, gap: Int = TableLayout.gap) -> [Int] {
        TableLayout.widths(
            natural: natural, minimum: columns.map(\.minimumWidth),
            balanced: balanced.compactMap { columns.firstIndex(of: $0) },
            shrinkOrder: shrinkOrder.compactMap { columns.firstIndex(of: $0) }, width: width, gap: gap)
    }

    /// The sort key behind the column, so headers can mark the sorted one.
    public var sortKey: SortKey {
        switch self {
        case .study: .study
        case .indication: .indication
        case .design: .design
        case .n: .n
        case .route: .route
        case .dose: .dose
        case .outcome: .outcome
        case .level: .evidence
        }
    }

    /// The field of the study behind the column, when the value can come from an own record.
    public var primaryField: PrimaryFields? {
        switch self {
        case .design, .level: .design
        case .n: .n
        case .route: .route
        case .dose: .dose
        case .outcome: .outcome
        case .study, .indication: nil
        }
    }

    /// Whether the study's cell in this column shows a value from its own record.
    public func showsPrimary(_ study: Study) -> Bool {
        primaryField.map { study.fromPrimary.contains($0) } ?? false
    }

    /// The cell text for a study, made inert; "n.r." where the source reports nothing, and the
    /// primary mark (†) after a value from the study's own record.
    public func cell(_ study: Study, glyphs: Glyphs) -> String {
        let text: String
        let mark = showsPrimary(study) ? glyphs.primary : ""
        switch self {
        case .study: text = study.shortLabel + (study.primaryDiffers ? " \(glyphs.differs)" : "")
        case .indication: text = study.indication.shortName
        case .design: text = study.design.kind.shortName + mark
        case .n: text = study.sampleSize.compact.map { $0 + mark + (study.disputedCount == nil ? "" : glyphs.differs) } ?? "n.r."
        case .route: text = study.routes.isEmpty ? "n.r." : study.routes.map(\.shortName).joined(separator: "/") + mark
        case .dose: text = DoseText.amounts(study.doses, glyphs: glyphs).map { $0 + mark } ?? "n.r."
        case .outcome: text = Self.outcomeSummary(study, glyphs: glyphs)
        case .level: text = Self.levelText(study, glyphs: glyphs)
        }
        return glyphs.adapt(InertText.make(text))
    }

    /// The cell cut to `width` columns, keeping a trailing † or ≠: a cut cell loses its text's end,
    /// never the mark that says where the value came from.
    public static func fitted(_ text: String, width: Int, glyphs: Glyphs) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        for mark in [glyphs.primary, glyphs.differs] where text.hasSuffix(mark) {
            let markWidth = DisplayWidth.of(mark)
            guard width > markWidth + 1 else { break }
            let body = String(text.dropLast(mark.count))
            return DisplayWidth.truncate(body, to: width - markWidth, ellipsis: glyphs.ellipsis) + mark
        }
        return DisplayWidth.truncate(text, to: width, ellipsis: glyphs.ellipsis)
    }

    /// "2", "2†" (design from the own record), "3/2†" (the own record's design would grade
    /// differently; the seed's level leads), "?" or "n.g.".
    public static func levelText(_ study: Study, glyphs: Glyphs) -> String {
        let shown = study.evidence.shortLabel(glyphs)
        if study.fromPrimary.contains(.design) { return shown + glyphs.primary }
        if !study.ownRecordHidden, let own = study.primary?.design?.evidence, own.level != nil, own.level != study.evidence.level {
            return shown + "/" + own.shortLabel(glyphs) + glyphs.primary
        }
        return shown
    }

    /// "± mixed: 71.4% acute response", "+ [SLD] benefit: 67% …", "± mixed†: +10.1% …", "? not reported".
    /// Marks come before the direction's word, so a narrow column cuts the figure, never a mark.
    public static func outcomeSummary(_ study: Study, glyphs: Glyphs) -> String {
        let direction = study.outcome.direction
        var text = glyphs.symbol(for: direction)
        let marks = StrengthMark.compact(StrengthMarks.of(study))
        if !marks.isEmpty { text += " " + marks }
        text += " " + direction.name
        if study.fromPrimary.contains(.outcome) { text += glyphs.primary }
        if let figure = study.outcome.figures.first {
            text += ": \(figure.text)"
        }
        return text
    }
}
