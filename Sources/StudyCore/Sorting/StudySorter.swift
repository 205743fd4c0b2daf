/// Sorts studies by a `SortSpec`. Ties fall to the next key, then to the id, so order is stable.
///
/// A value the source does not report sorts last whether the key is ascending or descending.
public enum StudySorter {
    /// The studies in the spec's order.
    public static func sorted(_ studies: [Study], by spec: SortSpec) -> [Study] {
        order(studies, by: spec).map { studies[$0] }
    }

    /// Positions of the studies in sorted order. The browser keeps a `SortTable` for every
    /// key instead of building one per sort.
    static func order(_ studies: [Study], by spec: SortSpec) -> [Int] {
        SortTable(studies, keys: spec.terms.map(\.key)).order(Array(studies.indices), by: spec)
    }

    /// A sort value: comparable components, nil for "not reported".
    enum Component: Comparable {
        case number(Double)
        case text(String)
    }

    /// The ordered components a key compares; a nil first component means the value is missing.
    static func components(of study: Study, for key: SortKey) -> [Component?] {
        switch key {
        case .study:
            return [study.citation.firstAuthor.map { .text(SearchText.fold($0)) },
                    study.citation.year.map { .number(Double($0)) }]
        case .year:
            return [study.citation.year.map { .number(Double($0)) }]
        case .indication:
            return [.number(Double(Indication.allCases.firstIndex(of: study.indication) ?? 0))]
        case .design:
            let rank = study.design.kind == .notReported ? nil : DesignKind.allCases.firstIndex(of: study.design.kind)
            return [rank.map { .number(Double($0)) }]
        case .n:
            return [study.sampleSize.effectiveTotal.map { .number(Double($0)) }]
        case .route:
            return [study.routes.first.map { .text($0.shortName.lowercased()) }]
        case .dose:
            guard let dose = study.sortDose, let dimension = dose.dimension, let low = dose.low, let high = dose.high
            else { return [nil] }
            let rank = Double(DoseDimension.allCases.firstIndex(of: dimension) ?? 0)
            return [.number(rank), .number(low), .number(high)]
        case .outcome:
            guard let rank = study.outcome.direction.sortRank else { return [nil] }
            let size = study.sampleSize.effectiveTotal
            return [.number(Double(rank)),
                    study.evidence.level.map { .number(Double($0)) },
                    size.map { .number(-Double($0)) }]
        case .level:
            return [study.evidence.level.map { .number(Double($0)) }]
        case .evidence:
            return [study.evidence.level.map { .number(Double($0)) },
                    study.sampleSize.effectiveTotal.map { .number(-Double($0)) },
                    study.outcome.direction.sortRank.map { .number(Double($0)) }]
        case .id:
            return [.text(study.id)]
        }
    }
}
