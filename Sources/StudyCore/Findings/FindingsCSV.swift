/// Summary-of-findings rows and single-study estimates as CSV, one row per estimate.
public enum FindingsCSV {
    /// RFC 4180 text; numbers are left empty where the source gives none.
    public static func csv(_ findings: IndicationFindings) -> String {
        let header = ["indication", "source", "outside_seeds", "comparison", "outcome", "timepoint", "participants", "studies",
                      "measure", "point", "low", "high", "level", "effect_as_reported", "risks_as_reported", "certainty", "population", "note"]
        func number(_ value: Double?) -> String { value.map(JSONWriter.format) ?? "" }
        var rows: [[String]] = []
        for review in findings.reviews {
            for finding in review.findings {
                let effect = finding.effect
                rows.append([findings.indication.rawValue, review.id, findings.outside.contains(review.id) ? "yes" : "no", finding.comparison, finding.outcome, finding.timepoint ?? "",
                             finding.participants.map(String.init) ?? "", finding.studies.map(String.init) ?? "", effect.measure.rawValue,
                             number(effect.point), number(effect.low), number(effect.high), number(effect.level), effect.reported,
                             finding.risksReported ?? "", finding.certainty.name, review.population, review.note ?? ""])
            }
        }
        for group in findings.groups {
            for row in group.rows where row.finding == nil {
                let effect = row.estimate
                rows.append([findings.indication.rawValue, row.source, "no", group.comparison, effect.outcome, effect.timepoint ?? "",
                             row.participants.map(String.init) ?? "", "", effect.measure.rawValue, number(effect.point), number(effect.low),
                             number(effect.high), number(effect.level), effect.reported, "", "", "", effect.note ?? ""])
            }
        }
        let numeric: Set<Int> = [6, 7, 9, 10, 11, 12]
        return CSVWriter.csv([header] + rows, numericColumns: numeric)
    }
}
