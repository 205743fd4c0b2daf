/// Which of a study's shown values were filled from its own record because the seed gives none.
public struct PrimaryFields: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    /// Creates a set from its raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let design = PrimaryFields(rawValue: 1 << 0)
    public static let n = PrimaryFields(rawValue: 1 << 1)
    public static let route = PrimaryFields(rawValue: 1 << 2)
    public static let dose = PrimaryFields(rawValue: 1 << 3)
    public static let comparator = PrimaryFields(rawValue: 1 << 4)
    public static let outcome = PrimaryFields(rawValue: 1 << 5)

    /// Each field with the name the `from:` query term, exports and help use.
    public static let named: [(name: String, field: PrimaryFields)] = [
        ("design", .design), ("n", .n), ("route", .route), ("dose", .dose), ("comparator", .comparator), ("outcome", .outcome),
    ]

    /// "design n dose", in a fixed order; empty when none.
    public var names: [String] { Self.named.filter { contains($0.field) }.map(\.name) }
}
