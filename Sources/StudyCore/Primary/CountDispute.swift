extension Study {
    /// The own record's counts when they dispute the seed's: the seed gives a count and the own
    /// record states counts, none of them the seed's (Afridi 2013: 18+30 against 30 randomized).
    /// Nil when there is no dispute, when the count is the own record's, or in the seed-only view.
    public var disputedCount: PrimarySampleSize? {
        guard !fromPrimary.contains(.n), !ownRecordHidden, let count = sampleSize.effectiveTotal,
              let own = primary?.sampleSize, !own.statedCounts.isEmpty, !own.statedCounts.contains(count)
        else { return nil }
        return own
    }
}
