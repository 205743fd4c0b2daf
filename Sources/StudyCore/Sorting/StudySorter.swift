/// Sorts studies by a `SortSpec`. Ties fall to the next key, then to the id, so order is stable.
///
/// A value the source does not report sorts last whether the key is ascending or descending.
public enum StudySorter {
    /// The studies in the spec's order.
    public static func sorted(_ studies: [Study], by spec: SortSpec) -> [Study] {
        order(studies, by: spec).map { studies[$0] }
    }

    /// The same order for indexed studies.
    public static func sorted(_ entries: [IndexedStudy], by spec: SortSpec) -> [IndexedStudy] {
        order(entries.map(\.study), by: spec).map { entries[$0] }
    }

    /// Positions of the studies in sorted order. Keys are computed once per study and the sort
    /// moves small integers, not the large study values.
    static func order(_ studies: [Study], by spec: SortSpec) -> [Int] {
        let keys = studies.map { study in spec.terms.map { components(of: study, for: $0.key) } }
        return studies.indices.sorted { lhs, rhs in
            for (index, term) in spec.terms.enumerated() {
                switch compare(keys[lhs][index], keys[rhs][index], descending: term.descending) {
                case .some(true): return true
                case .some(false): return false
                case nil: continue
                }
            }
            return studies[lhs].id < studies[rhs].id
        }
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
        case .id:
            return [.text(study.id)]
        }
    }

    /// true: lhs first; false: rhs first; nil: equal. Missing components sort last in both directions.
    private static func compare(_ lhs: [Component?], _ rhs: [Component?], descending: Bool) -> Bool? {
        for (left, right) in zip(lhs, rhs) {
            switch (left, right) {
            case (nil, nil): continue
            case (nil, _): return false
            case (_, nil): return true
            case (let left?, let right?):
                if left == right { continue }
                return descending ? right < left : left < right
            }
        }
        return nil
    }
}
