/// Fits columns into a width: each column starts at its natural width; the `balanced` columns
/// (long free text) then give up width evenly, widest first, down to their minimums, and after
/// them the columns in `shrinkOrder`, until the row fits.
public enum TableLayout {
    /// Space between columns.
    public static let gap = 2

    /// Widths for columns with these natural and minimum widths; `width` 0 means unlimited.
    /// Column indices in `balanced` and `shrinkOrder`; `width` 0 means unlimited.
    public static func widths(natural: [Int], minimum: [Int], balanced: [Int], shrinkOrder: [Int], width: Int,
                              gap: Int = TableLayout.gap) -> [Int] {
        var widths = natural
        guard width > 0 else { return widths }
        var excess = widths.reduce(0, +) + gap * max(0, natural.count - 1) - width
        while excess > 0, let widest = balanced.filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
            excess -= 1
        }
        for index in shrinkOrder where excess > 0 && widths[index] > minimum[index] {
            let cut = min(excess, widths[index] - minimum[index])
            widths[index] -= cut
            excess -= cut
        }
        return widths
    }
}
