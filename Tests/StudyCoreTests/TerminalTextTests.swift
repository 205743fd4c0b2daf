import Testing
@testable import StudyCore

@Suite("Terminal text: the one way out")
struct TerminalTextTests {
    @Test("interpolated values are made inert; the program's own words are kept")
    func interpolation() {
        let name = "evil\u{1B}]0;title\u{07}.json"
        let text: TerminalText = "cannot open \(name): \(42) problems\n"
        #expect(text.string == "cannot open evil\\u{1B}]0;title\\u{7}.json: 42 problems\n")
    }

    @Test("outside text keeps its line breaks and loses its controls")
    func outside() {
        #expect(TerminalText(outside: "Error: '\u{1B}[6n'\nUsage: x").string == "Error: '\\u{1B}[6n'\nUsage: x")
    }

    @Test("the guard escapes C0, DEL, C1 and bidi controls in documents and keeps line ends", arguments: [
        ("plain\n", "plain\n"), ("crlf\r\n", "crlf\r\n"), ("lone\rcr", "lone\\u{D}cr"), ("tab\there", "tab\\u{9}here"),
        ("del\u{7F}", "del\\u{7F}"), ("c1\u{9B}31m", "c1\\u{9B}31m"), ("rtl\u{202E}x\u{2066}y\u{200F}z\u{061C}", "rtl\\u{202E}x\\u{2066}y\\u{200F}z\\u{61C}"),
        ("accents é ü 東京 ≥", "accents é ü 東京 ≥"),
    ])
    func guardDocument(_ pair: (input: String, output: String)) {
        #expect(OutputGuard.clean(pair.input) == pair.output)
    }
}
