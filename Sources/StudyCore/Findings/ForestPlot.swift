/// A text forest plot of one group (one comparison, one measure): a row per estimate with its
/// label, participants, estimate and interval, then the axis; the line of no effect, a square per
/// point (a diamond for a pooled estimate), whiskers, and arrows where an interval runs off the axis.
public enum ForestPlot {
    /// The symbols a plot uses.
    struct Symbols {
        let single, pooled, whisker, noEffect, left, right, rule, tick: Character

        static let unicode = Symbols(single: "■", pooled: "◆", whisker: "─", noEffect: "│", left: "◀", right: "▶", rule: "─", tick: "┴")
        static let ascii = Symbols(single: "x", pooled: "@", whisker: "-", noEffect: "|", left: "<", right: ">", rule: "-", tick: "+")
    }

    static func symbols(_ glyphs: Glyphs) -> Symbols { glyphs == .ascii ? .ascii : .unicode }

    /// Columns for the label, participants and estimate; the axis gets the rest (at least 15).
    static let participantsWidth = 9

    /// The plot's lines, each at most `width` columns (readable from 80).
    public static func lines(_ group: IndicationFindings.Group, width: Int, glyphs: Glyphs) -> [String] {
        let symbols = symbols(glyphs)
        let estimates = group.rows.map { estimateText($0.estimate, glyphs: glyphs) }
        let estimateWidth = min(24, estimates.map(DisplayWidth.of).max() ?? 10)
        // A time point all rows share goes in the title, so the labels stay short.
        let shared = Set(group.rows.map { $0.estimate.timepoint ?? "" }).count == 1 ? group.rows.first?.estimate.timepoint : nil
        let labels = group.rows.map { row in
            glyphs.adapt(InertText.make(shared.map { row.label.replacingSuffix(" at \($0)").replacingSuffix(", \($0)") } ?? row.label))
        }
        let room = width - participantsWidth - estimateWidth - 3
        let labelWidth = max(8, min(labels.map(DisplayWidth.of).max() ?? 8, room - 20))
        // One column is kept free after the axis, so a line of no effect at its end never meets a border.
        let axisWidth = max(15, room - labelWidth - 1)
        let axis = ForestAxis(measure: group.measure, estimates: group.rows.map(\.estimate), width: axisWidth)
        let scale = axis.logarithmic ? "log scale" : "linear scale"
        let title = "\(capitalized(group.comparison)): \(measureName(group.measure)), \(scale)" + (shared.map { ", at \($0)" } ?? "")
        var lines = TableFormatter.wrap(glyphs.adapt(InertText.make(title)), width: width)
        let header = DisplayWidth.pad("Estimate", to: labelWidth, ellipsis: glyphs.ellipsis) + " "
            + String(repeating: " ", count: participantsWidth - 1) + "N "
            + DisplayWidth.pad("value [interval]", to: estimateWidth, ellipsis: glyphs.ellipsis) + " "
        lines.append(header)
        for (index, row) in group.rows.enumerated() {
            let label = DisplayWidth.pad(labels[index], to: labelWidth, ellipsis: glyphs.ellipsis)
            let count = row.participants.map { "\($0)" + (row.studies.map { " (\($0))" } ?? "") } ?? "n.r."
            let participants = String(repeating: " ", count: max(0, participantsWidth - DisplayWidth.of(count))) + count
            let estimate = DisplayWidth.pad(estimates[index], to: estimateWidth, ellipsis: glyphs.ellipsis)
            lines.append(label + " " + participants + " " + estimate + " " + String(axisRow(row, axis: axis, symbols: symbols)))
        }
        let lead = String(repeating: " ", count: labelWidth + participantsWidth + estimateWidth + 3)
        lines.append(lead + String(ruleRow(axis, symbols: symbols)))
        lines.append(lead + tickLabels(axis, unicodeMinus: glyphs != .ascii))
        let noEffect = "\(symbols.noEffect) no effect (\(group.measure.label) \(axis.logarithmic ? "1" : "0"))"
        lines += TableFormatter.wrap(glyphs.adapt("\(symbols.single) one study  \(symbols.pooled) pooled  \(noEffect)  "
            + "\(symbols.left)\(symbols.right) beyond the axis"), width: width)
        return lines
    }

    /// One estimate's axis: whiskers for the interval, the point, no-effect line, and arrows.
    static func axisRow(_ row: IndicationFindings.Row, axis: ForestAxis, symbols: Symbols) -> [Character] {
        var cells = Array(repeating: Character(" "), count: axis.width)
        if let column = axis.column(axis.noEffect) { cells[column] = symbols.noEffect }
        let estimate = row.estimate
        if let low = estimate.low, let high = estimate.high {
            let from = axis.column(low) ?? 0
            let to = axis.column(high) ?? axis.width - 1
            // An interval that excludes no effect must not seem to touch it after rounding.
            var start = from, end = to
            if let zero = axis.column(axis.noEffect) {
                if Self.beyond(low, axis.noEffect, axis), start == zero { start = min(zero + 1, axis.width - 1) }
                if Self.beyond(axis.noEffect, high, axis), end == zero { end = max(zero - 1, 0) }
            }
            if start <= end {
                for column in start...end where cells[column] != symbols.noEffect { cells[column] = symbols.whisker }
            }
            if axis.column(low) == nil, (axis.fraction(low) ?? 0) < 0 { cells[0] = symbols.left }
            if axis.column(high) == nil, (axis.fraction(high) ?? 0) > 1 { cells[axis.width - 1] = symbols.right }
        }
        if let point = estimate.point, let column = axis.column(point) {
            cells[column] = row.pooled ? symbols.pooled : symbols.single
        }
        return cells
    }

    /// Whether `a` lies above `b` on the axis (both in the measure's units).
    static func beyond(_ a: Double, _ b: Double, _ axis: ForestAxis) -> Bool { a > b + 1e-12 }

    static func ruleRow(_ axis: ForestAxis, symbols: Symbols) -> [Character] {
        var cells = Array(repeating: symbols.rule, count: axis.width)
        for tick in axis.ticks { if let column = axis.column(tick) { cells[column] = symbols.tick } }
        return cells
    }

    /// Tick values under their columns, left to right, skipping one that would touch the last.
    static func tickLabels(_ axis: ForestAxis, unicodeMinus: Bool) -> String {
        var line = ""
        for tick in axis.ticks {
            guard let column = axis.column(tick) else { continue }
            let label = unicodeMinus ? format(tick).replacingMinus() : format(tick)
            let start = max(0, min(axis.width - label.count, column - label.count / 2))
            guard start >= line.count + (line.isEmpty ? 0 : 1) else { continue }
            // A label must not run into the next tick's place at the axis end.
            line += String(repeating: " ", count: start - line.count) + label
        }
        return line
    }

    /// "3.94 [1.54, 10.10]", with as many decimals as the source's own text uses.
    public static func estimateText(_ estimate: EffectEstimate, glyphs: Glyphs) -> String {
        let decimals = decimalsIn(estimate.reported)
        func number(_ value: Double) -> String {
            let text = fixed(value, decimals: decimals)
            return glyphs == .ascii ? text : text.replacingMinus()
        }
        guard let point = estimate.point else { return estimate.reported }
        var text = number(point)
        if let low = estimate.low, let high = estimate.high { text += " [\(number(low)), \(number(high))]" }
        return text
    }

    /// The most digits after a decimal point in the text (0 when none).
    static func decimalsIn(_ text: String) -> Int {
        var most = 0, current = 0, afterPoint = false, previousDigit = false
        for character in text {
            if character == ".", previousDigit { afterPoint = true; current = 0; previousDigit = false; continue }
            if character.isASCII && character.isNumber {
                if afterPoint { current += 1; most = max(most, current) }
                previousDigit = true
            } else {
                afterPoint = false
                previousDigit = false
            }
        }
        return min(most, 4)
    }

    /// A value with exactly `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        var text = (value < 0 && scaled > 0 ? "-" : "") + "\(whole)"
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "0.1", "1", "10", "-2", "0.5" for tick labels.
    static func format(_ value: Double) -> String { JSONWriter.format(value) }

    /// "odds ratio", "standardized mean difference", …
    public static func measureName(_ measure: EffectEstimate.Measure) -> String {
        switch measure {
        case .oddsRatio: "odds ratio"
        case .riskRatio: "risk ratio"
        case .meanDifference: "mean difference"
        case .standardizedMeanDifference: "standardized mean difference"
        case .percentageDifference: "difference in percentage points"
        case .proportion: "proportion"
        case .meanChange: "mean change"
        }
    }
}

private extension String {
    /// The text without `suffix` at its end, when it ends so.
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }

    /// Hyphen-minus as the minus sign, for Unicode output.
    func replacingMinus() -> String { hasPrefix("-") ? "−" + dropFirst() : self }
}
