/// Checks that need the whole dataset: unique ids, defined sources, one context per indication.
public enum DatasetValidator {
    /// Every cross-record problem, in record order.
    public static func problems(in dataset: Dataset) -> [DataProblem] {
        var problems: [DataProblem] = []

        var sourceOrigins: [String: SourceDocument] = [:]
        for source in dataset.sources {
            if let first = sourceOrigins[source.id] {
                problems.append(DataProblem(file: source.origin, record: source.id, field: "id",
                                            message: "duplicate source id; also defined in \(first.origin)"))
            } else {
                sourceOrigins[source.id] = source
            }
        }

        var studyOrigins: [String: String] = [:]
        for study in dataset.studies {
            if let first = studyOrigins[study.id] {
                problems.append(DataProblem(file: study.origin, record: study.id, field: "id",
                                            message: "duplicate id; also used in \(first)"))
            } else {
                studyOrigins[study.id] = study.origin
            }
            for (field, reference) in sourceReferences(of: study) where sourceOrigins[reference.document] == nil {
                problems.append(DataProblem(file: study.origin, record: study.id, field: field,
                                            message: undefinedSourceMessage(reference)))
            }
            if let message = ReferenceListCheck.problem(with: study, sources: sourceOrigins) {
                problems.append(DataProblem(file: study.origin, record: study.id, field: message.field, message: message.text))
            }
            for (index, overlap) in (study.primary?.overlaps ?? []).enumerated() {
                if let other = overlap.study, dataset.study(id: other) == nil {
                    problems.append(DataProblem(file: study.origin, record: study.id, field: "primary.overlaps[\(index)].study",
                                                message: "no study with id \"\(other)\" is loaded"))
                }
            }
        }

        var reviewOrigins: [String: String] = [:]
        for review in dataset.reviews {
            if let first = reviewOrigins[review.id] ?? studyOrigins[review.id] {
                problems.append(DataProblem(file: review.origin, record: review.id, field: "id", message: "duplicate id; also used in \(first)"))
            } else {
                reviewOrigins[review.id] = review.origin
            }
            if sourceOrigins[review.source.document] == nil {
                problems.append(DataProblem(file: review.origin, record: review.id, field: "source", message: undefinedSourceMessage(review.source)))
            }
        }

        var contextOrigins: [Indication: String] = [:]
        for context in dataset.contexts {
            if let first = contextOrigins[context.indication] {
                problems.append(DataProblem(file: context.origin, record: context.indication.rawValue,
                                            field: "indication", message: "a second context record for this indication; the first is in \(first)"))
            } else {
                contextOrigins[context.indication] = context.origin
            }
            for (position, statement) in context.statements.enumerated() {
                let field = "statements[\(position)]"
                guard let source = sourceOrigins[statement.source.document] else {
                    problems.append(DataProblem(file: context.origin, record: context.indication.rawValue,
                                                field: field + ".source", message: undefinedSourceMessage(statement.source)))
                    continue
                }
                if source.kind == .promotional && statement.kind != .claim {
                    problems.append(DataProblem(file: context.origin, record: context.indication.rawValue,
                                                field: field + ".kind", message: "\(source.id) is promotional, so its statements must have kind \"claim\""))
                }
            }
        }
        return problems
    }

    private static func undefinedSourceMessage(_ reference: SourceRef) -> String {
        "source \"\(reference.document)\" is not defined by the loaded data (the bundled sources are in Data/sources.json; load that file too)"
    }

    /// Every source reference in a study, with its field path.
    static func sourceReferences(of study: Study) -> [(String, SourceRef)] {
        var references: [(String, SourceRef)] = [
            ("design.source", study.design.source),
            ("sampleSize.source", study.sampleSize.source),
            ("outcome.source", study.outcome.source),
        ]
        for (index, dose) in study.doses.enumerated() { references.append(("doses[\(index)].source", dose.source)) }
        for (index, dose) in (study.comparator?.doses ?? []).enumerated() {
            references.append(("comparator.doses[\(index)].source", dose.source))
        }
        for (index, figure) in study.outcome.figures.enumerated() {
            references.append(("outcome.figures[\(index)].source", figure.source))
        }
        for (index, entry) in study.provenance.enumerated() {
            references.append(("provenance[\(index)].source", entry.source))
        }
        if let primary = study.primary {
            references.append(("primary.source", primary.source))
            if let design = primary.design { references.append(("primary.design.source", design.source)) }
            for (index, dose) in primary.doses.enumerated() { references.append(("primary.doses[\(index)].source", dose.source)) }
            for (index, dose) in (primary.comparator?.doses ?? []).enumerated() {
                references.append(("primary.comparator.doses[\(index)].source", dose.source))
            }
        }
        if let source = study.citation.source { references.append(("citation.source", source)) }
        return references
    }
}
