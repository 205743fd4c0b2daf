/// Studies as CSV rows: a short form matching the table, and a full form with every field.
///
/// Numeric cells are empty when not reported; text cells say "not reported".
public enum StudyCSV {
    /// The columns `list` shows, untruncated, plus the id and machine-friendly numbers.
    public static func summary(_ studies: [Study]) -> String {
        let header = ["id", "study", "indication", "design", "n", "route", "dose", "dose_dimension",
                      "dose_low", "dose_high", "direction", "key_figure", "evidence_level",
                      "shown_from_primary", "strength_marks"]
        let rows = studies.map { study -> [String] in
            let dose = study.sortDose
            return [
                study.id, study.shortLabel, study.indication.rawValue, study.design.kind.name,
                number(study.sampleSize.effectiveTotal), study.routes.map(\.rawValue).joined(separator: "/").orNotReported,
                DoseText.compact(study.doses, glyphs: .unicode) ?? StudyDetails.notReported,
                dose?.dimension?.unit ?? "", dose?.low.map(DoseText.format) ?? "", dose?.high.map(DoseText.format) ?? "",
                study.outcome.direction.rawValue,
                study.outcome.figures.first.map(\.text) ?? StudyDetails.notReported,
                study.evidence.level.map(String.init) ?? "",
                study.fromPrimary.names.joined(separator: " "), StrengthMarks.of(study).map(\.rawValue).joined(separator: " "),
            ]
        }
        return CSVWriter.csv([header] + rows, numericColumns: columns(["n", "dose_low", "dose_high", "evidence_level"], of: header))
    }

    /// Every field, one row per study; lists are joined with " | ".
    public static func full(_ studies: [Study]) -> String {
        fullHeader() + fullRows(studies)
    }

    /// The header line of `full`.
    public static func fullHeader() -> String { CSVWriter.csv([fullColumns]) }

    /// Lines of `full` for some studies, without the header: a long export is written in pieces.
    public static func fullRows(_ studies: [Study]) -> String {
        CSVWriter.dataRows(studies.map(fullRow), numericColumns: columns(numeric, of: fullColumns))
    }

    private static let numeric = ["year", "evidence_level", "n_total", "n_for_sorting", "dose_low", "dose_high"]

    private static let fullColumns = [
        "id", "indication", "condition", "first_author", "year", "title", "journal", "volume", "issue", "pages",
        "reference", "citation_note", "design_kind", "design", "randomized", "blinding", "control",
        "design_description", "graded_down_for", "evidence_level", "evidence_label", "evidence_scheme",
        "setting", "population", "n_total", "n_arms", "n_for_sorting", "sample_size_note", "doses",
        "dose_dimension", "dose_low", "dose_high", "routes", "comparator", "comparator_doses",
        "outcome_measure", "result", "direction", "key_figures", "adverse_effects", "notes", "provenance",
        "primary_status", "primary_confidence", "primary_identifiers", "primary_summary", "primary_differences",
        "shown_from_primary", "strength_marks", "primary_estimates",
    ]

    private static func fullRow(_ study: Study) -> [String] {
        let citation = study.citation
        let design = study.design
        let dose = study.sortDose
        return [
            study.id, study.indication.rawValue, text(study.condition), text(citation.firstAuthor),
            number(citation.year), text(citation.title), text(citation.journal), text(citation.volume),
            text(citation.issue), text(citation.pages), text(citation.reference), citation.note ?? "",
            design.kind.rawValue, design.label, design.randomized.map { $0 ? "yes" : "no" } ?? StudyDetails.notReported,
            text(design.blinding?.rawValue), text(design.control?.rawValue), design.description,
            design.gradedDownFor ?? "", number(study.evidence.level), study.evidence.longLabel, EvidenceLevel.scheme,
            text(study.setting), text(study.population), number(study.sampleSize.total),
            study.sampleSize.arms.map { "\($0.label) \($0.count.map(String.init) ?? StudyDetails.notReported)" }.joined(separator: " | "),
            number(study.sampleSize.effectiveTotal), study.sampleSize.note ?? "",
            study.doses.map { DoseText.detailed($0, glyphs: .unicode) }.joined(separator: " | ").orNotReported,
            dose?.dimension?.unit ?? "", dose?.low.map(DoseText.format) ?? "", dose?.high.map(DoseText.format) ?? "",
            study.routes.map(\.rawValue).joined(separator: "/").orNotReported,
            text(study.comparator?.label),
            (study.comparator?.doses ?? []).map { DoseText.detailed($0, glyphs: .unicode) }.joined(separator: " | "),
            text(study.outcome.measure), text(study.outcome.result), study.outcome.direction.rawValue,
            study.outcome.figures.map { "\($0.text) [\($0.source); \($0.attribution.rawValue)]" }
                .joined(separator: " | ").orNotReported,
            text(study.adverseEffects), study.notes ?? "",
            study.provenance.map { "\($0.source) (\($0.attribution.rawValue))" + ($0.note.map { ": \($0)" } ?? "") }
                .joined(separator: " | "),
            study.primary?.status.rawValue ?? "not checked", study.primary?.confidence?.rawValue ?? "",
            (study.primary?.identifiers ?? []).map { "\($0.kind.label) \($0.value)" }.joined(separator: " | "),
            study.primary?.summary ?? "",
            (study.primary?.differences ?? []).map { "\($0.topic): seed \($0.seed); primary \($0.primary)" }.joined(separator: " | "),
            study.fromPrimary.names.joined(separator: " "), StrengthMarks.of(study).map(\.rawValue).joined(separator: " "),
            (study.primary?.estimates ?? []).map { "\($0.label): \($0.reported)" }.joined(separator: " | "),
        ]
    }

    /// Positions of the named columns, which hold numbers this writer formats itself.
    private static func columns(_ names: [String], of header: [String]) -> Set<Int> {
        Set(names.compactMap { header.firstIndex(of: $0) })
    }

    private static func text(_ value: String?) -> String { value ?? StudyDetails.notReported }
    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
}

private extension String {
    var orNotReported: String { isEmpty ? StudyDetails.notReported : self }
}
