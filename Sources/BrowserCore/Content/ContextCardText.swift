import StudyCore

/// The context card of an indication: what the source documents say about it, by topic.
enum ContextCardText {
    /// The card's lines, wrapped to `width`; topic headings are marked.
    static func lines(for indication: Indication, catalog: Catalog, width: Int, glyphs: Glyphs) -> [ContentLine] {
        let dataset = catalog.documents
        var lines: [ContentLine] = TableFormatter.wrap("\(catalog.count(indication)) studies in this dataset. Statements below are "
            + "what the source documents say; \"Claim\" marks assertions without data or from a promotional source; "
            + "\"Digest\" marks this dataset's own summary of the studies a source reports.", width: width)
            .map { ContentLine(text: $0, heading: false) }
        guard let context = dataset.context(for: indication) else {
            return lines + [ContentLine(text: "", heading: false), ContentLine(text: "No context record for this indication in the loaded data.", heading: false)]
        }
        for topic in IndicationContext.Statement.Topic.allCases {
            let statements = context.statements(about: topic)
            guard !statements.isEmpty else { continue }
            lines.append(ContentLine(text: "", heading: false))
            lines.append(ContentLine(text: topic.heading, heading: true))
            for statement in statements {
                let prefix = SummaryText.kindPrefix(statement.kind)
                let source = dataset.source(id: statement.source.document).map { "\(statement.source.humanDescription), \($0.kind.rawValue)" }
                    ?? statement.source.humanDescription
                let text = "\(glyphs.adapt("•")) \(prefix)\(InertText.make(statement.text)) [\(source)]"
                lines += TableFormatter.wrap(glyphs.adapt(text), width: width, indent: 2).map { ContentLine(text: $0, heading: false) }
            }
        }
        // The context points to pooled evidence, which sits outside the seed documents.
        let reviews = dataset.reviews.filter { $0.indications.contains(indication) }
        if !reviews.isEmpty {
            lines.append(ContentLine(text: "", heading: false))
            lines.append(ContentLine(text: "Pooled evidence (outside the seed documents)", heading: true))
            for review in reviews {
                let text = "\(glyphs.adapt("•")) \(IndicationFindings.shortName(review)): \(review.findings.count) summary-of-findings rows; "
                    + "population: \(review.population). f shows them with forest plots."
                lines += TableFormatter.wrap(glyphs.adapt(InertText.make(text)), width: width, indent: 2).map { ContentLine(text: $0, heading: false) }
            }
        }
        return lines
    }
}
