/// Dose figures as text: ranges stay ranges, units always shown, the source's wording kept.
public enum DoseText {
    /// "0.12–0.42 mg/kg/h", "25 mg", or nil when no amount is reported.
    public static func amount(_ dose: Dose, glyphs: Glyphs) -> String? {
        guard let low = dose.low, let high = dose.high, let dimension = dose.dimension else { return nil }
        let number = low == high ? format(low) : "\(format(low))\(glyphs.rangeDash)\(format(high))"
        return "\(number) \(dimension.unit)"
    }

    /// Compact form for tables: "0.2 mg/kg IV", "IV, dose n.r.", joined across doses with "; ".
    public static func compact(_ doses: [Dose], glyphs: Glyphs) -> String? {
        guard !doses.isEmpty else { return nil }
        return doses.map { dose in
            let route = dose.route?.shortName
            if let amount = amount(dose, glyphs: glyphs) {
                return [amount, route].compactMap { $0 }.joined(separator: " ")
            }
            return [route, "dose n.r."].compactMap { $0 }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// Amounts only, for a table that shows routes in a column of their own: "0.25–0.5 mg/kg/h; 500–2000 mg/d".
    public static func amounts(_ doses: [Dose], glyphs: Glyphs) -> String? {
        let amounts = doses.compactMap { amount($0, glyphs: glyphs) }
        return amounts.isEmpty ? nil : amounts.joined(separator: "; ")
    }

    /// Full sentence for details: structured amount, route, regimen, the source's text and basis.
    public static func detailed(_ dose: Dose, glyphs: Glyphs, showArm: Bool = true) -> String {
        var text = showArm ? dose.arm.map { "\($0): " } ?? "" : ""
        text += amount(dose, glyphs: glyphs) ?? "amount not reported"
        text += dose.route.map { " \($0.name)" } ?? ", route not reported"
        if let regimen = dose.regimen { text += " (\(regimen))" }
        if let reported = dose.reported { text += "; as reported: \"\(reported)\"" }
        switch dose.basis {
        case .protocolDose: text += "; protocol dose"
        case .observed: text += "; observed values"
        case .notStated: break
        }
        return text
    }

    /// Numbers without trailing zeros: 0.5, 25, 0.025.
    public static func format(_ value: Double) -> String { JSONWriter.format(value) }
}
