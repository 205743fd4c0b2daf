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

    /// Positions of the studies in sorted order.
    ///
    /// Keys are computed once per study into flat columns of numbers (texts become their rank
    /// among the column's texts, missing values NaN), so the sort compares doubles and moves
    /// integers: at 100,000 studies this is what keeps a sort within a frame or two.
    static func order(_ studies: [Study], by spec: SortSpec) -> [Int] {
        order(studies, positions: Array(studies.indices), by: spec)
    }

    /// Some of the studies (by position) in the spec's order.
    public static func order(_ all: [Study], positions: [Int], by spec: SortSpec) -> [Int] {
        let studies = positions.map { all[$0] }
        var columns: [[Double]] = []
        var descending: [Bool] = []
        for term in spec.terms {
            let keys = studies.map { components(of: $0, for: term.key) }
            let width = keys.map(\.count).max() ?? 0
            for component in 0..<width {
                columns.append(numericColumn(keys.map { $0.indices.contains(component) ? $0[component] : nil }))
                descending.append(term.descending)
            }
        }
        let ids = studies.map(\.id)
        return studies.indices.sorted { lhs, rhs in
            for (column, values) in columns.enumerated() {
                let left = values[lhs], right = values[rhs]
                if left.isNaN {
                    if right.isNaN { continue }
                    return false
                }
                if right.isNaN { return true }
                if left == right { continue }
                return descending[column] ? right < left : left < right
            }
            return ids[lhs] < ids[rhs]
        }.map { positions[$0] }
    }

    /// One component for every study as a number: texts are replaced by their rank in sorted
    /// order, so comparing ranks orders exactly as comparing the texts would.
    private static func numericColumn(_ values: [Component?]) -> [Double] {
        var texts: [String] = []
        for case .text(let text)? in values { texts.append(text) }
        var rank: [String: Double] = [:]
        if !texts.isEmpty {
            for (position, text) in Set(texts).sorted().enumerated() { rank[text] = Double(position) }
        }
        return values.map { value in
            switch value {
            case nil: .nan
            case .number(let number)?: number
            case .text(let text)?: rank[text] ?? .nan
            }
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
}
