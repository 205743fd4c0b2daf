/// Splits a dose-sorted list into runs of one dose dimension, so that figures on different
/// scales are shown apart and never read as one ordered series.
public enum DoseGroups {
    /// A run of studies whose sort dose has the same dimension (nil: no dose amount reported).
    public struct Group: Sendable, Equatable {
        public let dimension: DoseDimension?
        public let studies: [Study]

        /// Heading text: "mg/kg/h: weight-based infusion rate" or "dose not reported".
        public var title: String { DoseGroups.title(for: dimension) }
    }

    /// Heading text for a dimension (nil: no dose amount reported).
    public static func title(for dimension: DoseDimension?) -> String {
        guard let dimension else { return "dose amount not reported" }
        return dimension.name
    }

    /// Consecutive runs of equal dimension, in the list's order.
    public static func groups(_ studies: [Study]) -> [Group] {
        var groups: [Group] = []
        var current: [Study] = []
        var dimension: DoseDimension?
        for study in studies {
            let next = study.sortDose?.dimension
            if !current.isEmpty && next != dimension {
                groups.append(Group(dimension: dimension, studies: current))
                current = []
            }
            dimension = next
            current.append(study)
        }
        if !current.isEmpty { groups.append(Group(dimension: dimension, studies: current)) }
        return groups
    }
}
