import Testing
@testable import StudyCore

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses values and keeps member order")
    func parsesValues() throws {
        let value = try JSONParser.parse(Array(#"{"b": [1, 2.5, -3e2, true, false, null], "a": "x\"\u00e9\ud83d\ude00"}"#.utf8))
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .array([.number(1), .number(2.5), .number(-300), .bool(true), .bool(false), .null]))
        #expect(object["a"] == .string("x\"é😀"))
    }

    @Test("skips a UTF-8 byte-order mark")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    @Test("accepts CRLF line ends")
    func crlf() throws {
        #expect(try JSONParser.parse(Array("{\r\n\"a\": 1\r\n}".utf8)) == .object(JSONObject([("a", .number(1))])))
    }

    /// Malformed input, the message fragment expected, and where.
    static let malformed: [(input: String, message: String, line: Int, column: Int)] = [
        ("", "holds no JSON value", 1, 1),
        ("   \n ", "holds no JSON value", 2, 2),
        ("{\"a\": 1", "expected ',' or '}'", 1, 8),
        ("{\"a\": 1,}", "expected a key", 1, 9),
        ("[1, 2,]", "expected a JSON value", 1, 7),
        ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\"", 1, 10),
        ("{\n  \"a\": tru\n}", "expected a JSON value", 2, 8),
        ("[01]", "must not start with 0", 1, 2),
        ("[1e999]", "too large", 1, 2),
        ("[NaN]", "expected a JSON value", 1, 2),
        ("[Infinity]", "expected a JSON value", 1, 2),
        ("[\"a\tb\"]", "raw control character", 1, 4),
        ("[\"\\q\"]", "unknown escape", 1, 3),
        ("[\"\\ud800\"]", "half of a surrogate pair", 1, 3),
        ("[\"abc", "not closed", 1, 2),
        ("[1] [2]", "after the end", 1, 5),
        ("{'a': 1}", "expected a key in double quotes", 1, 2),
        ("[\"Ångström\", x]", "expected a JSON value", 1, 14),
    ]

    @Test("reports malformed JSON with line and column", arguments: malformed)
    func malformedInput(_ example: (input: String, message: String, line: Int, column: Int)) {
        #expect {
            try JSONParser.parse(Array(example.input.utf8))
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.message.contains(example.message) && error.line == example.line && error.column == example.column
        }
    }

    @Test("rejects invalid UTF-8 and names the byte")
    func invalidUTF8() {
        #expect(throws: JSONSyntaxError(message: "invalid UTF-8 byte 0xFF; data files must be UTF-8", line: 2, column: 4)) {
            try JSONParser.parse(Array("[\n\"ab".utf8) + [0xFF] + Array("\"]".utf8))
        }
    }

    @Test("refuses nesting deeper than the limit without exhausting the stack")
    func deepNesting() throws {
        let shallow = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try JSONParser.parse(Array(shallow.utf8))
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }

    @Test("writer output parses back to the same value, with controls escaped")
    func roundTrip() throws {
        let value = JSONValue.object(JSONObject([
            ("text", .string("tab\there \u{1B}[31m red \u{9B} \u{2028} \"q\" \\")),
            ("numbers", .array([.number(0.12), .number(25), .number(-1.83), .number(1e20)])),
            ("nested", .object(JSONObject([("null", .null), ("flag", .bool(true))]))),
        ]))
        let text = JSONWriter.string(value)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0 == "\t" })
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
    }
}
