/// Text that may be written to a terminal, a standard stream or an exported file.
///
/// The only ways to make one make outside text inert: string literals are the program's own
/// words, every interpolated value passes through `InertText`, and whole documents built by the
/// formatters pass through `OutputGuard`. A message cannot forget to escape a file name, a key
/// or a record id, because `Console` and `AtomicFile` accept nothing else.
public struct TerminalText: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The safe text.
    public let string: String

    public var description: String { string }

    /// The program's own words.
    public init(stringLiteral literal: String) {
        string = OutputGuard.clean(literal)
    }

    /// A message with interpolated values, each made inert.
    public init(stringInterpolation: StringInterpolation) {
        string = stringInterpolation.output
    }

    /// Text from outside (a value, a file name, another library's message), made inert line by line.
    public init(outside text: String) {
        string = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { InertText.make(String($0)) }.joined(separator: "\n")
    }

    /// A whole document from a formatter (table, CSV, Markdown, JSON, help): line ends kept, any
    /// control, DEL or bidi control that reached it written as a visible escape.
    public init(document: String) {
        string = OutputGuard.clean(document)
    }

    /// This text followed by another.
    public static func + (left: TerminalText, right: TerminalText) -> TerminalText {
        TerminalText(trusted: left.string + right.string)
    }

    private init(trusted: String) { string = trusted }

    /// Builds the text: literals as written, values made inert.
    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { output += OutputGuard.clean(literal) }

        /// Text that is already safe.
        public mutating func appendInterpolation(_ text: TerminalText) { output += text.string }

        /// Any value from outside: its description made inert (one line).
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            output += InertText.make(value.description)
        }

        /// Text from outside, made inert.
        public mutating func appendInterpolation(_ value: String) { output += InertText.make(value) }

        /// An error's description, made inert.
        public mutating func appendInterpolation(_ error: any Error) { output += InertText.make(String(describing: error)) }
    }
}
