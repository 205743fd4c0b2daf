#if canImport(Glibc)
import Glibc
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif

/// A forest plot's horizontal axis: a log scale for ratios, a linear one for differences, always
/// holding every point and the line of no effect; intervals beyond it are cut and marked.
public struct ForestAxis: Sendable, Equatable {
    public let logarithmic: Bool
    /// The axis ends, in the measure's own units.
    public let low: Double
    public let high: Double
    /// Columns the axis takes.
    public let width: Int
    /// Labelled positions: the ends and the line of no effect (and decades on a log scale).
    public let ticks: [Double]

    /// The axis for a set of estimates of one measure, `width` columns wide (at least 11).
    public init(measure: EffectEstimate.Measure, estimates: [EffectEstimate], width: Int) {
        self.width = max(11, width)
        logarithmic = measure.isRatio
        let points = estimates.compactMap(\.point)
        if logarithmic {
            // Whole decades around every point and 1, at least 0.1 to 10.
            let logs = points.filter { $0 > 0 }.map { log10($0) }
            let lower = min(-1, (logs.min() ?? 0).rounded(.down))
            let upper = max(1, (logs.max() ?? 0).rounded(.up))
            low = pow(10, lower)
            high = pow(10, upper)
            ticks = stride(from: lower, through: upper, by: 1).map { pow(10, $0) }
        } else {
            // The points and 0, widened for the intervals by at most the points' own span on each side.
            let core = (min(0, points.min() ?? 0), max(0, points.max() ?? 0))
            let span = max(core.1 - core.0, 1e-9)
            let lows = estimates.compactMap(\.low), highs = estimates.compactMap(\.high)
            let wanted = (min(core.0, lows.min() ?? core.0), max(core.1, highs.max() ?? core.1))
            let limited = (max(wanted.0, core.0 - span), min(wanted.1, core.1 + span))
            let step = Self.niceStep((limited.1 - limited.0) / 4)
            // Whole steps from one end to the other, so a value can be read between them (labels that
            // would touch are left out when drawn); multiples of the step keep 0 exact.
            let first = Int((limited.0 / step).rounded(.down)), last = Int((limited.1 / step).rounded(.up))
            low = Double(first) * step
            high = Double(last) * step
            ticks = (first...max(first, last)).map { Double($0) * step }
        }
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, log10(raw).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= raw * (1 - 1e-9) { return factor * power }
        return 10 * power
    }

    /// The value of no effect: 1 for ratios, 0 for differences.
    public var noEffect: Double { logarithmic ? 1 : 0 }

    /// The column of a value, rounded to the nearest; nil when it lies beyond the axis.
    public func column(_ value: Double) -> Int? {
        guard let fraction = fraction(value), fraction >= -1e-9, fraction <= 1 + 1e-9 else { return nil }
        return Int((fraction * Double(width - 1)).rounded())
    }

    /// Where a value lies from 0 (the low end) to 1 (the high end); below 0 or above 1 off the axis.
    func fraction(_ value: Double) -> Double? {
        if logarithmic {
            guard value > 0 else { return -.infinity }
            return (log10(value) - log10(low)) / (log10(high) - log10(low))
        }
        return (value - low) / (high - low)
    }
}
