/// A strict RFC 8259 parser that reports line and column, rejects duplicate keys and limits nesting.
///
/// Written here rather than using `JSONSerialization` because validation needs positions,
/// duplicate-key detection and predictable behaviour on hostile input (no recursion blow-up).
public struct JSONParser {
    /// Deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 64

    // The parser reads through a buffer pointer valid for the duration of `parse`: array
    // subscripts with their bounds checks and retain/release cost a third of the load time
    // at 100,000 studies.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Scratch space for strings that hold escapes, reused across strings.
    private var scratch: [UInt8] = []
    /// Told the fraction of bytes parsed, about every megabyte.
    private let progress: ((Double) -> Void)?
    private var nextReport = 0
    private static let reportInterval = 1 << 20

    /// Arrays of the root object handed out element by element instead of kept in the tree.
    private let streamedKeys: Set<String>
    private let streamedElement: ((String, Int, JSONValue) -> Void)?
    /// Arrays of the root object passed over unparsed (their elements are parsed elsewhere):
    /// key → the array's `[` offset and the offset just past its `]`.
    private var skippedArrays: [String: (start: Int, end: Int)] = [:]

    private init(bytes: UnsafeBufferPointer<UInt8>, progress: ((Double) -> Void)?,
                 streamedKeys: Set<String> = [], streamedElement: ((String, Int, JSONValue) -> Void)? = nil) {
        self.bytes = bytes
        self.progress = progress
        self.streamedKeys = streamedKeys
        self.streamedElement = streamedElement
        nextReport = progress == nil ? Int.max : Self.reportInterval
    }

    /// Parses one JSON document, handing each element of the root object's arrays named in
    /// `keys` to `element` (key, position, value) as soon as it is parsed; those arrays are
    /// left empty in the returned tree. A data file's records are then decoded one at a time
    /// and their trees freed at once, instead of a tree of the whole file being built first.
    /// `skipping` names arrays of the root object, with where they start and end, that are
    /// passed over unparsed and left empty in the tree (their elements are parsed with
    /// `parseElement`, on several cores).
    public static func parse(_ bytes: [UInt8], progress: ((Double) -> Void)? = nil, streaming keys: Set<String>,
                             skipping: [String: (start: Int, end: Int)] = [:],
                             element: (String, Int, JSONValue) -> Void) throws(JSONSyntaxError) -> JSONValue {
        try withoutActuallyEscaping(element) { element throws(JSONSyntaxError) -> JSONValue in
            let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
                var parser = JSONParser(bytes: buffer, progress: progress, streamedKeys: keys, streamedElement: element)
                parser.skippedArrays = skipping
                do throws(JSONSyntaxError) {
                    return .success(try parser.parseDocument())
                } catch {
                    return .failure(error)
                }
            }
            return try result.get()
        }
    }

    /// 2^53 − 1: the largest integer a double holds exactly, so the largest a data file may give.
    public static let largestExactInteger: Double = 9_007_199_254_740_991

    /// Parses one JSON document. A UTF-8 byte-order mark at the start is skipped.
    /// `progress`, if given, is told the fraction of the bytes parsed as parsing goes.
    public static func parse(_ bytes: [UInt8], progress: ((Double) -> Void)? = nil) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, progress: progress)
            do throws(JSONSyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses the one value that fills `range` of a document (whitespace around it allowed),
    /// nested `depth` containers deep. Positions in errors are positions in the whole document.
    /// The document must already have passed `parse` (which checks its UTF-8).
    public static func parseElement(_ bytes: [UInt8], range: Range<Int>, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), progress: nil)
            parser.index = range.lowerBound
            parser.depth = depth
            do throws(JSONSyntaxError) {
                parser.skipWhitespace()
                let value = try parser.parseValue()
                parser.skipWhitespace()
                guard parser.index == range.upperBound else {
                    throw parser.error("unexpected \(parser.describeByte(at: parser.index)) after a value", at: parser.index)
                }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        try validateUTF8()
        skipWhitespace()
        guard index < bytes.count else {
            throw error("the file holds no JSON value", at: index)
        }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describeByte(at: index)) after the end of the JSON value", at: index)
        }
        return value
    }

    /// Checks the whole file is UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
    /// past U+10FFFF) so strings can later be made from byte ranges without repair.
    private func validateUTF8() throws(JSONSyntaxError) {
        var offset = index
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        while offset < count {
            // Eight ASCII bytes at a time: data files are mostly ASCII.
            if offset + 8 <= count {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { offset += 8; continue }
            }
            let lead = base[offset]
            if lead < 0x80 { offset += 1; continue }
            guard let length = UTF8Sequence.length(at: offset, in: base, count: count) else { throw invalidUTF8(at: offset) }
            offset += length
        }
    }

    private func invalidUTF8(at offset: Int) -> JSONSyntaxError {
        error("invalid UTF-8 byte 0x\(String(bytes[offset], radix: 16, uppercase: true)); data files must be UTF-8", at: offset)
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("the JSON ends too early", at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("expected a JSON value, found \(describeByte(at: index))", at: index)
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("arrays and objects are nested more than \(Self.maximumDepth) deep", at: index)
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        // Records have a few dozen keys at most: a linear look-up beats hashing every key;
        // a set takes over for unusually wide objects.
        var seen: Set<String>?
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; return .object(JSONObject()) }
        if index >= nextReport {
            nextReport = index + Self.reportInterval
            progress?(Double(index) / Double(max(1, bytes.count)))
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw error("expected a key in double quotes, found \(describeByte(at: index))", at: index)
            }
            let keyStart = index
            let key = try parseString()
            let duplicate: Bool
            if members.count < 32 {
                duplicate = members.contains { $0.key == key }
            } else {
                if seen == nil { seen = Set(members.map(\.key)) }
                duplicate = seen?.insert(key).inserted == false
            }
            if duplicate {
                throw error("duplicate key \"\(key)\" in one object", at: keyStart)
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else {
                throw error("expected ':' after key \"\(key)\", found \(describeByte(at: index))", at: index)
            }
            index += 1
            skipWhitespace()
            if depth == 1, let skipped = skippedArrays[key], index == skipped.start, skipped.end <= bytes.count {
                index = skipped.end
                members.append((key, .array([])))
            } else if depth == 1, let streamedElement, peek(UInt8(ascii: "[")), streamedKeys.contains(key) {
                try parseStreamedArray(key, streamedElement)
                members.append((key, .array([])))
            } else {
                members.append((key, try parseValue()))
            }
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "}")) { index += 1; break }
            throw error("expected ',' or '}' in an object, found \(describeByte(at: index))", at: index)
        }
        return .object(JSONObject(uniqueMembers: members))
    }

    /// An array whose elements go to `element` one by one rather than into the tree.
    private mutating func parseStreamedArray(_ key: String, _ element: (String, Int, JSONValue) -> Void) throws(JSONSyntaxError) {
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; return }
        var position = 0
        while true {
            skipWhitespace()
            element(key, position, try parseValue())
            position += 1
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; break }
            throw error("expected ',' or ']' in an array, found \(describeByte(at: index))", at: index)
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; return .array([]) }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; break }
            throw error("expected ',' or ']' in an array, found \(describeByte(at: index))", at: index)
        }
        return .array(elements)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        let runStart = index
        // Fast path: most strings hold no escape, so they are made straight from their bytes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = string(from: runStart, to: index)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        guard index < bytes.count else { throw error("a string is not closed", at: start) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        while true {
            guard index < bytes.count else { throw error("a string is not closed", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte < 0x20 {
                throw error("a raw control character (0x\(String(byte, radix: 16, uppercase: true))) inside a string; write it as an escape such as \\n", at: index)
            }
            if byte == UInt8(ascii: "\\") {
                let scalar = try parseEscape()
                if let encoded = UTF8.encode(scalar) { scratch.append(contentsOf: encoded) }
                continue
            }
            scratch.append(byte)
            index += 1
        }
    }

    private func string(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < bytes.count else { throw error("a string ends inside an escape", at: start) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("a \\u escape holds half of a surrogate pair", at: start)
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw error("a \\u escape holds an invalid surrogate pair", at: start) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw error("a \\u escape holds a lone surrogate", at: start)
            }
            return scalar
        default:
            throw error("unknown escape \\\(describeByte(at: index - 1, quoted: false)) in a string", at: start)
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
                throw error("a \\u escape needs four hexadecimal digits", at: index)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number must not start with 0", at: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits after '.'", at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits in its exponent", at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("the number \(text) is too large", at: start)
        }
        // Numbers are doubles: past 2^53 integers are no longer exact, and a tiny value would
        // silently become 0 (a dose of 1e-400 mg read as 0 mg). Both are refused in the file's
        // own words.
        // Spelled as an integer or a decimal ("9007199254740993.0"); an exponent says the writer
        // knew the value was approximate.
        if value.magnitude > JSONParser.largestExactInteger, !text.contains(where: { $0 == "e" || $0 == "E" }) {
            throw error("the number \(text) is larger than \(Int(JSONParser.largestExactInteger)), the largest read exactly", at: start)
        }
        if value == 0, text.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) }) {
            throw error("the number \(text) is too small to be told from 0", at: start)
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let start = index
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw error("expected a JSON value, found \(describeByte(at: start))", at: start)
            }
            index += 1
        }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func describeByte(at offset: Int, quoted: Bool = true) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F {
            let character = String(UnicodeScalar(byte))
            return quoted ? "'\(character)'" : character
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        // Columns count characters, as editors do, not bytes.
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return JSONSyntaxError(message: message, line: line, column: column)
    }
}
