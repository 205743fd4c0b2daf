/// Checks that need the whole dataset: unique ids, defined sources, one context per indication.
public enum DatasetValidator {
    /// Each study id's file (the first study's, when repeated), and a problem for each study, by
    /// position, whose id an earlier study has.
    private static func repeatedIDs(_ studies: [Study]) -> (origins: [String: String], repeated: [Int: DataProblem]) {
        var origins: [String: String] = [:]
        origins.reserveCapacity(studies.count)
        var repeated: [Int: DataProblem] = [:]
        for (position, study) in studies.enumerated() {
            if let first = origins[study.id] {
                repeated[position] = DataProblem(file: study.origin, record: study.id, field: "id", message: "duplicate id; also used in \(first)")
            } else {
                origins[study.id] = study.origin
            }
        }
        return (origins, repeated)
    }

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

        let studies = dataset.studies
        // Overlaps name other studies; only own records hold them, so ids are gathered only then.
        let loadedIDs: Set<String> = Parallel.contains(studies) { $0.primary != nil } ? Set(studies.map(\.id)) : []
        let sources = sourceOrigins
        let ranges = Parallel.ranges(studies.count, chunks: studies.count < 2_000 ? 1 : 8)
        // A study's own checks run on every core; a repeated id needs the studies before it, so
        // it is found in one pass on a thread beside them (a second at 1,000,000 studies) and
        // put first among that study's problems.
        let (own, (studyOrigins, repeated)) = Parallel.beside({ repeatedIDs(studies) }, while: {
            Parallel.map(ranges.count) { chunk in
                ranges[chunk].map { position in ownProblems(of: studies[position], sources: sources, loadedIDs: loadedIDs) }
            }
        })
        for (position, found) in own.joined().enumerated() {
            if let problem = repeated[position] { problems.append(problem) }
            problems += found
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

    /// A study's problems that need only the sources and the loaded ids, in the order reported.
    private static func ownProblems(of study: Study, sources: [String: SourceDocument], loadedIDs: Set<String>) -> [DataProblem] {
        var problems: [DataProblem] = []
        visitSourceReferences(of: study) { field, reference in
            guard sources[reference.document] == nil else { return }
            problems.append(DataProblem(file: study.origin, record: study.id, field: field(), message: undefinedSourceMessage(reference)))
        }
        if let message = ReferenceListCheck.problem(with: study, sources: sources) {
            problems.append(DataProblem(file: study.origin, record: study.id, field: message.field, message: message.text))
        }
        for (index, overlap) in (study.primary?.overlaps ?? []).enumerated() {
            if let other = overlap.study, !loadedIDs.contains(other) {
                problems.append(DataProblem(file: study.origin, record: study.id, field: "primary.overlaps[\(index)].study",
                                            message: "no study with id \"\(other)\" is loaded"))
            }
        }
        return problems
    }

    private static func undefinedSourceMessage(_ reference: SourceRef) -> String {
        "source \"\(reference.document)\" is not defined by the loaded data (the bundled sources are in Data/sources.json; load that file too)"
    }

    /// Every source reference in a study, with its field path.
    static func sourceReferences(of study: Study) -> [(String, SourceRef)] {
        var references: [(String, SourceRef)] = []
        visitSourceReferences(of: study) { field, reference in references.append((field(), reference)) }
        return references
    }

    /// Shows `visit` every source reference in a study with its field path, which is only
    /// spelled out when asked for (a check of 100,000 studies finds almost every one defined).
    static func visitSourceReferences(of study: Study, _ visit: (_ field: () -> String, _ reference: SourceRef) -> Void) {
        visit({ "design.source" }, study.design.source)
        visit({ "sampleSize.source" }, study.sampleSize.source)
        visit({ "outcome.source" }, study.outcome.source)
        for (index, dose) in study.doses.enumerated() { visit({ "doses[\(index)].source" }, dose.source) }
        for (index, dose) in (study.comparator?.doses ?? []).enumerated() {
            visit({ "comparator.doses[\(index)].source" }, dose.source)
        }
        for (index, figure) in study.outcome.figures.enumerated() {
            visit({ "outcome.figures[\(index)].source" }, figure.source)
        }
        for (index, entry) in study.provenance.enumerated() {
            visit({ "provenance[\(index)].source" }, entry.source)
        }
        if let primary = study.primary {
            visit({ "primary.source" }, primary.source)
            if let design = primary.design { visit({ "primary.design.source" }, design.source) }
            for (index, dose) in primary.doses.enumerated() { visit({ "primary.doses[\(index)].source" }, dose.source) }
            for (index, dose) in (primary.comparator?.doses ?? []).enumerated() {
                visit({ "primary.comparator.doses[\(index)].source" }, dose.source)
            }
        }
        if let source = study.citation.source { visit({ "citation.source" }, source) }
    }
}
