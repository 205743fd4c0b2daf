/// What a cell shows, so a backend can choose its look (colour, bold, reverse) by meaning.
public enum Role: String, CaseIterable, Sendable {
    case normal
    case title
    case heading
    case tab
    case tabActive
    case tabActiveFocused
    case header
    case headerSorted
    case selection
    case selectionUnfocused
    case groupHeading
    case benefit
    case mixed
    case noBenefit
    case notReported
    case dim
    case label
    case status
    case statusError
    case hint
    case filterInput
    case overlay
    case overlayTitle
    case warning
    /// A value taken from the study's own record because the seed gives none.
    case fromPrimary
}
