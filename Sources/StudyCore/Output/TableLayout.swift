/// Fits columns into a width: each column starts at its natural width; columns then give up
/// width in `shrinkOrder` (each down to its minimum) until the row fits.
public enum TableLayout {
    /// Space between columns.
    public static let gap = 2

    /// Widths for columns with these natural and minimum widths; `width` 0 means unlimited.
    /// `shrinkOrder` lists column indices, first to shrink first; `width` 0 means unlimited.
    public static func widths(natural: [Int], minimum: [Int], shrinkOrder: [Int], width: Int) -> [Int] {
        var widths = natural
        guard width > 0 else { return widths }
        var excess = widths.reduce(0, +) + gap * max(0, natural.count - 1) - width
        for index in shrinkOrder where excess > 0 && widths[index] > minimum[index] {
            let cut = min(excess, widths[index] - minimum[index])
            widths[index] -= cut
            excess -= cut
        }
        return widths
    }
}
