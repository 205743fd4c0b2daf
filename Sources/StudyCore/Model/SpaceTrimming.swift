extension StringProtocol {
    /// The text without leading and trailing tabs and space separators (Unicode Zs), as
    /// Foundation's `.whitespaces` trims: line breaks are kept.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }),
              let last = scalars.lastIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// A tab or a space separator (Unicode Zs): what Foundation's `CharacterSet.whitespaces` holds.
    var isSpaceOrTab: Bool { self == "\t" || properties.generalCategory == .spaceSeparator }
}
