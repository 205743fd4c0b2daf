/// One dose figure of one arm or route, structured for sorting and kept as the source wrote it.
public struct Dose: Sendable, Equatable {
    /// Whether the figure is the planned protocol dose, an observed statistic, or unstated.
    public enum Basis: String, CaseIterable, Sendable {
        case protocolDose = "protocol"
        case observed
        case notStated = "not-stated"
    }

    /// Which arm or phase the dose belongs to ("ketamine", "oral phase").
    public var arm: String?
    /// Route, when the source gives one.
    public var route: Route?
    /// Lowest amount (equal to `high` for a single value); nil when no amount is reported.
    public var low: Double?
    /// Highest amount.
    public var high: Double?
    /// What the amounts measure; nil only when no amount is reported.
    public var dimension: DoseDimension?
    /// How often or how long ("3 doses within 48 h").
    public var regimen: String?
    /// Whether the figure is a protocol dose or an observation.
    public var basis: Basis
    /// The dose text exactly as the source wrote it.
    public var reported: String?
    /// Where the figure comes from.
    public var source: SourceRef
    /// A curator's remark on reading the figure.
    public var note: String?

    /// Creates a dose; `low` and `high` are equal for a single value.
    public init(arm: String? = nil, route: Route? = nil, low: Double? = nil, high: Double? = nil,
                dimension: DoseDimension? = nil, regimen: String? = nil, basis: Basis = .notStated,
                reported: String? = nil, source: SourceRef, note: String? = nil) {
        self.arm = arm
        self.route = route
        self.low = low
        self.high = high
        self.dimension = dimension
        self.regimen = regimen
        self.basis = basis
        self.reported = reported
        self.source = source
        self.note = note
    }

    /// True when an amount with a dimension is present, so the dose can be sorted and compared.
    public var hasAmount: Bool { low != nil && high != nil && dimension != nil }

    /// Whether any value in this dose's range satisfies `comparison` against a quantity of the
    /// same dimension. Doses of another dimension never match.
    public func satisfies(_ comparison: Comparison, _ quantity: DoseQuantity) -> Bool {
        guard let low, let high, dimension == quantity.dimension else { return false }
        let value = quantity.value
        switch comparison {
        case .equal: return low - 1e-9 <= value && value <= high + 1e-9
        case .less: return low < value - 1e-9
        case .lessOrEqual: return low <= value + 1e-9
        case .greater: return high > value + 1e-9
        case .greaterOrEqual: return high >= value - 1e-9
        }
    }
}
