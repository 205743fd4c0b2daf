/// A number with a unit typed by a user, converted to a dimension's canonical unit.
///
/// Accepts mass `g`, `mg`, `mcg`/`µg`/`ug`, optionally `/kg`, then optionally a time base
/// `/h` (`/hr`), `/min`, `/d` (`/day`) or `/dose`: `0.5mg/kg`, `500mcg/kg`, `2g/day`, `0.3mg/kg/hr`.
public struct DoseQuantity: Sendable, Equatable {
    /// The amount in the dimension's canonical unit.
    public let value: Double
    /// What the amount measures.
    public let dimension: DoseDimension

    /// Parses a unit alone (`mg/kg/h`) into its dimension and the factor to the canonical unit.
    public static func parseUnit(_ text: String) -> (dimension: DoseDimension, factor: Double)? {
        var parts = SearchText.fold(text).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let mass = parts.first else { return nil }
        let massFactor: Double
        switch mass {
        case "g": massFactor = 1000
        case "mg": massFactor = 1
        case "mcg", "µg", "μg", "ug": massFactor = 0.001
        default: return nil
        }
        parts.removeFirst()
        var perKilogram = false
        if parts.first == "kg" { perKilogram = true; parts.removeFirst() }
        var timeFactor = 1.0
        var time: String?
        if let base = parts.first {
            switch base {
            case "h", "hr", "hour": time = "h"
            case "min": time = "h"; timeFactor = 60
            case "d", "day": time = "d"
            case "dose": time = nil
            default: return nil
            }
            parts.removeFirst()
        }
        guard parts.isEmpty else { return nil }
        let dimension: DoseDimension
        switch (perKilogram, time) {
        case (false, nil): dimension = .flat
        case (true, nil): dimension = .perKilogram
        case (true, "h"): dimension = .perKilogramPerHour
        case (true, _): dimension = .perKilogramPerDay
        case (false, "d"): dimension = .perDay
        default: return nil
        }
        return (dimension, massFactor * timeFactor)
    }

    /// Parses `0.5mg/kg` (a space before the unit is allowed).
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        guard let unitStart = trimmed.firstIndex(where: { !($0.isNumber || $0 == ".") }) else { return nil }
        guard let number = Double(trimmed[..<unitStart]), number.isFinite,
              let unit = Self.parseUnit(String(trimmed[unitStart...]).trimmingSpaces())
        else { return nil }
        value = number * unit.factor
        dimension = unit.dimension
    }
}
