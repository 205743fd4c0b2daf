/// One line of an overlay's text; headings are drawn in the title role.
public struct ContentLine: Sendable, Equatable {
    public let text: String
    public let heading: Bool
}
