/// A study's citation and a one-line evidence summary, for pasting into minutes.
public enum CitationText {
    /// "Reference. — Design; N; dose; result. Level. [source]", made inert.
    public static func forClipboard(_ study: Study, glyphs: Glyphs = .unicode) -> String {
        let citation = study.citation.reference ?? [study.shortLabel, study.citation.title, study.citation.formatted].compactMap { $0 }.joined(separator: ". ")
        var parts = [study.design.label]
        parts.append("N " + (study.sampleSize.detailed ?? StudyDetails.notReported))
        parts.append("dose " + (DoseText.compact(study.doses, glyphs: glyphs) ?? StudyDetails.notReported))
        var result = study.outcome.direction.name
        if let figure = study.outcome.figures.first { result += ", \(figure.text)" }
        if let text = study.outcome.result { result += ": " + text }
        parts.append("result " + result)
        var line = citation + " — " + parts.joined(separator: "; ") + ". " + study.evidence.longLabel + " (\(EvidenceLevel.scheme))."
        if study.primaryDiffers { line += " Its own record differs from the seed on: " + (study.primary?.differences.map(\.topic).joined(separator: ", ") ?? "") + "." }
        line += " [\(study.provenance.map(\.source.humanDescription).joined(separator: "; "))]"
        return glyphs.adapt(InertText.make(line))
    }
}
