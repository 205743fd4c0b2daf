/// What a dose figure measures. Figures of different dimensions are never compared.
///
/// The order of the cases is the dose sort order: single doses (flat, then per kilogram), then
/// infusion rates, then daily amounts (per kilogram, then flat).
public enum DoseDimension: String, CaseIterable, Sendable, Comparable {
    case flat
    case perKilogram = "per-kg"
    case perKilogramPerHour = "per-kg-per-hour"
    case perKilogramPerDay = "per-kg-per-day"
    case perDay = "per-day"

    /// The canonical unit in which doses of this dimension are stored and shown.
    public var unit: String {
        switch self {
        case .flat: "mg"
        case .perKilogram: "mg/kg"
        case .perKilogramPerHour: "mg/kg/h"
        case .perKilogramPerDay: "mg/kg/d"
        case .perDay: "mg/d"
        }
    }

    /// What the dimension means, for help and details.
    public var name: String {
        switch self {
        case .flat: "flat dose (mg)"
        case .perKilogram: "weight-based dose (mg/kg)"
        case .perKilogramPerHour: "weight-based infusion rate (mg/kg/h)"
        case .perKilogramPerDay: "weight-based daily amount (mg/kg/d)"
        case .perDay: "flat daily amount (mg/d)"
        }
    }

    /// The dimension whose canonical unit is exactly `unit` (as stored in data files).
    public init?(unit: String) {
        guard let match = Self.allCases.first(where: { $0.unit == unit }) else { return nil }
        self = match
    }

    public static func < (lhs: DoseDimension, rhs: DoseDimension) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
