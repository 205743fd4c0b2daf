// A reader for the XML that PubMed exports (PubmedArticleSet), written over bytes so importing
// needs neither FoundationXML nor libxml2 (neither is on every Linux host, and libxml2 would
// expand entities and fetch the DTD the export names). Like the JSON parser it is strict, gives
// line and column for every error, checks UTF-8 once up front and limits nesting.
//
// Read: elements, attributes, text, CDATA, the five predefined entities and character
// references. Skipped: the XML declaration, processing instructions, comments and the DOCTYPE
// (its internal subset included). Any other entity is an error, since its value would live in
// a DTD that is not read.

/// One attribute: its name as written and its value with references decoded.
public struct XMLAttribute: Sendable, Equatable {
    /// The name as written, prefix included (namespaces are not interpreted).
    public let name: String
    /// The value, references decoded and literal tabs and line breaks made spaces as XML requires.
    public let value: String

    /// An attribute with this name and value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An element: its name, attributes in document order, content, and the line it starts on.
public struct XMLElement: Sendable, Equatable {
    /// The name as written, prefix included (namespaces are not interpreted).
    public let name: String
    /// The attributes in the order written.
    public let attributes: [XMLAttribute]
    /// Elements and text in document order; adjacent text (CDATA included) is one node, never empty.
    public let children: [XMLNode]
    /// 1-based line of the start tag's `<` (part of equality, like every other field).
    public let line: Int

    /// An element made of these parts.
    public init(name: String, attributes: [XMLAttribute], children: [XMLNode], line: Int) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of the attribute called `name`, or nil when there is none.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element called `name`, or nil when there is none.
    public func child(_ name: String) -> XMLElement? {
        for case .element(let element) in children where element.name == name {
            return element
        }
        return nil
    }

    /// The child elements called `name`, in document order.
    public func children(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for case .element(let element) in children where element.name == name {
            found.append(element)
        }
        return found
    }

    /// All text inside the element, nested elements' included, in document order.
    public var text: String {
        // One text child is the common case (a PMID, a plain title): no concatenation.
        if children.count == 1, case .text(let only) = children[0] { return only }
        var result = ""
        // A stack rather than recursion, so a tree built by hand as deep as it likes is safe.
        var pending: [ArraySlice<XMLNode>] = [children[...]]
        while var rest = pending.popLast() {
            guard let node = rest.popFirst() else { continue }
            pending.append(rest)
            switch node {
            case .text(let piece): result += piece
            case .element(let element): pending.append(element.children[...])
            }
        }
        return result
    }

    /// The element reached by taking the first child with each name in turn, or nil.
    public func path(_ names: String...) -> XMLElement? {
        var current = self
        for name in names {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }
}

/// A piece of element content: a nested element or a run of text.
public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// Why bytes are not XML this reader accepts, and where (1-based line and column).
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words.
    public let message: String
    /// 1-based line of the offending character; CRLF, LF and a lone CR each end a line.
    public let line: Int
    /// 1-based column, in characters, of the offending character.
    public let column: Int

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Reads UTF-8 XML documents of the kind PubMed exports into a tree.
public enum XMLReader {
    /// Parses one document and returns its root element; nesting past `maximumDepth` is an error.
    ///
    /// The limit also bounds the recursion that comparing or freeing the tree takes, so it
    /// should stay in the hundreds: PubMed's own markup nests fewer than 10 deep.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = 256) throws(XMLError) -> XMLElement {
        let result: Result<XMLElement, XMLError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = XMLByteParser(bytes: buffer, maximumDepth: maximumDepth)
            do throws(XMLError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// An element whose end tag has not been read yet.
private struct OpenElement {
    let name: String
    /// Where the name lies in the input, so the end tag is matched byte for byte.
    let nameRange: Range<Int>
    let attributes: [XMLAttribute]
    let line: Int
    var children: [XMLNode] = []

    func finished() -> XMLElement {
        XMLElement(name: name, attributes: attributes, children: children, line: line)
    }
}

private struct XMLByteParser {
    // A buffer pointer valid for the duration of `parse`, as in JSONParser: array subscripts
    // with bounds checks and retain/release would cost a large share of a 150 MB import.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var index = 0
    /// Where the document starts: just past a byte-order mark, which is therefore no column.
    private var documentStart = 0

    /// Lines are counted lazily, up to the last start tag asked about, so each byte is looked
    /// at once however many elements there are.
    private var linesCountedTo = 0
    private var lineAtCounted = 1

    // Text of the element being read, held back until an element or end tag ends it, so text
    // split by comments, CDATA or references becomes one node. Mostly it is one undecoded run
    // of the input, made into a String straight from its bytes; `scratch` takes over when a
    // second run, a reference or a line end to normalise comes along.
    private var pendingStart = 0
    private var pendingEnd = 0
    private var pendingInScratch = false
    private var scratch: [UInt8] = []
    /// Attribute values that need decoding, reused from value to value.
    private var valueScratch: [UInt8] = []

    /// Element and attribute names by a hash of their bytes: a 30,000-record file repeats a few
    /// dozen names millions of times, and sharing one String each saves the allocations.
    private var names: [UInt64: String] = [:]
    private static let namesKept = 4096

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    // MARK: Document

    mutating func parseDocument() throws(XMLError) -> XMLElement {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { documentStart = 3 }
        index = documentStart
        linesCountedTo = documentStart
        try validate()
        var stack: [OpenElement] = []
        var root: XMLElement?
        var sawDoctype = false
        while true {
            if stack.isEmpty {
                // Before or after the root: only whitespace and markup that holds no content.
                skipWhitespace()
                guard index < bytes.count else { break }
                guard bytes[index] == UInt8(ascii: "<") else {
                    if let root { throw error("text after the root element <\(root.name)>", at: index) }
                    throw error("text before the root element", at: index)
                }
                switch byteAt(index + 1) {
                case UInt8(ascii: "?"):
                    try skipProcessingInstruction()
                case UInt8(ascii: "!"):
                    if hasPrefix("<!--", at: index) {
                        try skipComment()
                    } else if hasPrefix("<!DOCTYPE", at: index) {
                        if let root { throw error("a DOCTYPE after the root element <\(root.name)>", at: index) }
                        if sawDoctype { throw error("a second DOCTYPE; a document has at most one", at: index) }
                        sawDoctype = true
                        try skipDoctype()
                    } else if hasPrefix("<![CDATA[", at: index) {
                        throw error("a CDATA section outside the root element", at: index)
                    } else {
                        throw error("expected '<!--' or '<!DOCTYPE' after '<!'", at: index)
                    }
                case UInt8(ascii: "/"):
                    if let root { throw error("an end tag after the root element <\(root.name)> was closed", at: index) }
                    throw error("an end tag before the root element", at: index)
                default:
                    if let root {
                        throw error("a second element after the root element <\(root.name)>; a document has one root element", at: index)
                    }
                    let (open, selfClosing) = try parseStartTag(depth: 1)
                    if selfClosing { root = open.finished() } else { stack.append(open) }
                }
                continue
            }

            // Inside the element on top of the stack.
            guard index < bytes.count else {
                let innermost = stack[stack.count - 1]
                throw error("element <\(innermost.name)> opened on line \(innermost.line) is not closed at the end of the input", at: index)
            }
            guard bytes[index] == UInt8(ascii: "<") else {
                try readText()
                continue
            }
            switch byteAt(index + 1) {
            case UInt8(ascii: "/"):
                flushText(into: &stack)
                let innermost = stack.count - 1
                try readEndTag(closing: stack[innermost].name, nameRange: stack[innermost].nameRange, line: stack[innermost].line)
                let element = stack.removeLast().finished()
                if stack.isEmpty {
                    root = element
                } else {
                    stack[stack.count - 1].children.append(.element(element))
                }
            case UInt8(ascii: "!"):
                if hasPrefix("<!--", at: index) {
                    try skipComment()
                } else if hasPrefix("<![CDATA[", at: index) {
                    try readCDATA()
                } else if hasPrefix("<!DOCTYPE", at: index) {
                    throw error("a DOCTYPE inside an element; it belongs before the root element", at: index)
                } else {
                    throw error("expected '<!--' or '<![CDATA[' after '<!'", at: index)
                }
            case UInt8(ascii: "?"):
                try skipProcessingInstruction()
            default:
                flushText(into: &stack)
                let (open, selfClosing) = try parseStartTag(depth: stack.count + 1)
                if selfClosing {
                    stack[stack.count - 1].children.append(.element(open.finished()))
                } else {
                    stack.append(open)
                }
            }
        }
        guard let root else { throw error("the document holds no root element", at: index) }
        return root
    }

    /// Checks the whole input is UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
    /// U+10FFFF) holding only characters XML 1.0 allows, so strings can later be made from byte
    /// ranges without repair and no later step has to look for control characters.
    private func validate() throws(XMLError) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var offset = documentStart
        while offset < count {
            // Eight bytes at a time while they are ASCII and none is below 0x20 (the second test
            // is the "has a byte less than n" bit trick, exact once the high bits are clear).
            if offset + 8 <= count {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0,
                   (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                    offset += 8
                    continue
                }
            }
            let lead = base[offset]
            if lead < 0x80 {
                if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D {
                    throw error("the control character U+\(Self.hex(UInt32(lead), width: 4)) is not allowed in XML", at: offset)
                }
                offset += 1
                continue
            }
            guard let length = UTF8Sequence.length(at: offset, in: base, count: count) else { throw invalidUTF8(at: offset) }
            let second = base[offset + 1]
            // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
            if lead == 0xEF && second == 0xBF && base[offset + 2] >= 0xBE {
                let value: UInt32 = base[offset + 2] == 0xBE ? 0xFFFE : 0xFFFF
                throw error("the noncharacter U+\(Self.hex(value, width: 4)) is not allowed in XML", at: offset)
            }
            offset += length
        }
    }

    private func invalidUTF8(at offset: Int) -> XMLError {
        error("invalid UTF-8 byte 0x\(Self.hex(UInt32(bytes[offset]), width: 2)) at byte offset \(offset); XML files must be UTF-8", at: offset)
    }

    // MARK: Tags

    /// Reads a start tag at `<`; `depth` is the nesting it opens at (the root's is 1).
    private mutating func parseStartTag(depth: Int) throws(XMLError) -> (open: OpenElement, selfClosing: Bool) {
        let tagStart = index
        index += 1
        let nameRange = try parseName(kind: "an element name", expected: "expected an element name after '<'",
                                      hint: "; write '&lt;' for a '<' in text")
        let elementName = internedString(nameRange)
        // Checked before going deeper, so hostile input is refused without building anything.
        guard depth <= maximumDepth else {
            throw error("element <\(elementName)> is nested deeper than \(maximumDepth) elements", at: tagStart)
        }
        let line = lineNumber(at: tagStart)
        var attributes: [XMLAttribute] = []
        // A linear look-up suits the few attributes elements have; a set takes over for many.
        var seen: Set<String>?
        while true {
            let spaced = skipWhitespace()
            guard index < bytes.count else {
                throw error("the start tag <\(elementName)> is not closed with '>'", at: tagStart)
            }
            switch bytes[index] {
            case UInt8(ascii: ">"):
                index += 1
                return (OpenElement(name: elementName, nameRange: nameRange, attributes: attributes, line: line), false)
            case UInt8(ascii: "/"):
                guard byteAt(index + 1) == UInt8(ascii: ">") else {
                    throw error("expected '>' after '/' in the start tag <\(elementName)>, found \(describe(at: index + 1))", at: index)
                }
                index += 2
                return (OpenElement(name: elementName, nameRange: nameRange, attributes: attributes, line: line), true)
            default:
                break
            }
            // XML wants whitespace before each attribute, also right after a quoted value.
            guard spaced else {
                throw error("expected a space, '>' or '/>' in the start tag <\(elementName)>, found \(describe(at: index))", at: index)
            }
            let attributeStart = index
            let attributeName = internedString(try parseName(
                kind: "an attribute name", expected: "expected an attribute name, '>' or '/>' in the start tag <\(elementName)>"))
            let duplicate: Bool
            if attributes.count < 32 {
                duplicate = attributes.contains { $0.name == attributeName }
            } else {
                if seen == nil { seen = Set(attributes.map(\.name)) }
                duplicate = seen?.insert(attributeName).inserted == false
            }
            if duplicate {
                throw error("duplicate attribute '\(attributeName)' in <\(elementName)>", at: attributeStart)
            }
            skipWhitespace()
            guard byteAt(index) == UInt8(ascii: "=") else {
                throw error("expected '=' after attribute name '\(attributeName)', found \(describe(at: index))", at: index)
            }
            index += 1
            skipWhitespace()
            guard byteAt(index) == UInt8(ascii: "\"") || byteAt(index) == UInt8(ascii: "'") else {
                throw error("expected the value of attribute '\(attributeName)' in single or double quotes, found \(describe(at: index))", at: index)
            }
            let value = try parseAttributeValue(of: attributeName)
            attributes.append(XMLAttribute(name: attributeName, value: value))
        }
    }

    /// Reads an attribute value from its opening quote to its closing one.
    private mutating func parseAttributeValue(of attributeName: String) throws(XMLError) -> String {
        let quote = bytes[index]
        let opening = index
        index += 1
        let valueStart = index
        // Fast path: most values hold nothing to decode, so they are made straight from their bytes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                let value = string(valueStart..<index)
                index += 1
                return value
            }
            if byte == UInt8(ascii: "<") {
                throw error("'<' is not allowed in an attribute value; write '&lt;'", at: index)
            }
            if byte == UInt8(ascii: "&") || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
            index += 1
        }
        valueScratch.removeAll(keepingCapacity: true)
        valueScratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[valueStart..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case quote:
                index += 1
                return String(decoding: valueScratch, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw error("'<' is not allowed in an attribute value; write '&lt;'", at: index)
            case UInt8(ascii: "&"):
                // A reference's character is kept as it is, even a tab or line break (XML 1.0 §3.3.3).
                let scalar = try readReference()
                if let encoded = UTF8.encode(scalar) { valueScratch.append(contentsOf: encoded) }
            case 0x09, 0x0A:
                valueScratch.append(0x20)
                index += 1
            case 0x0D:
                // CRLF is one line end, so one space.
                valueScratch.append(0x20)
                index += 1
                if byteAt(index) == 0x0A { index += 1 }
            default:
                valueScratch.append(byte)
                index += 1
            }
        }
        throw error("the value of attribute '\(attributeName)' is not closed with \(quote == UInt8(ascii: "\"") ? "'\"'" : "\"'\"")", at: opening)
    }

    /// Reads an end tag at `</`, which must close the element whose name lies at `nameRange`.
    private mutating func readEndTag(closing openName: String, nameRange: Range<Int>, line: Int) throws(XMLError) {
        let tagStart = index
        index += 2
        let range = try parseName(kind: "an element name", expected: "expected an element name after '</'")
        guard sameBytes(range, nameRange) else {
            throw error("end tag </\(string(range))> does not match <\(openName)> opened on line \(line)", at: tagStart)
        }
        skipWhitespace()
        guard byteAt(index) == UInt8(ascii: ">") else {
            throw error("expected '>' to close the end tag </\(openName)>, found \(describe(at: index))", at: index)
        }
        index += 1
    }

    /// Reads a name at `index`. `kind` names it in the error for a bad first character,
    /// `expected` (plus `hint`) is the error when no name is there at all.
    private mutating func parseName(kind: String, expected: String, hint: String = "") throws(XMLError) -> Range<Int> {
        let start = index
        let end = nameEnd(from: start)
        guard end > start else {
            if nameEnd(from: start, continuing: true) > start {
                throw error("\(kind) must start with a letter, '_' or ':', not \(describe(at: start))", at: start)
            }
            throw error("\(expected), found \(describe(at: start))\(hint)", at: start)
        }
        index = end
        return start..<end
    }

    /// The offset just past the name that starts at `start`, or `start` when none does there.
    /// With `continuing`, the first character may be one that can only follow a name's first.
    private func nameEnd(from start: Int, continuing: Bool = false) -> Int {
        var position = start
        var first = !continuing
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                let allowed: Bool
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "_"), UInt8(ascii: ":"):
                    allowed = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    allowed = !first
                default:
                    allowed = false
                }
                guard allowed else { break }
                position += 1
            } else {
                let (scalar, length) = decodedScalar(at: position)
                let allowed = first ? Self.isNameStart(scalar.value) : Self.isNameCharacter(scalar.value)
                guard allowed else { break }
                position += length
            }
            first = false
        }
        return position
    }

    /// XML 1.0 (fifth edition) NameStartChar, beyond ASCII.
    private static func isNameStart(_ value: UInt32) -> Bool {
        switch value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// XML 1.0 NameChar, beyond ASCII.
    private static func isNameCharacter(_ value: UInt32) -> Bool {
        isNameStart(value) || value == 0xB7 || (0x300...0x36F).contains(value) || (0x203F...0x2040).contains(value)
    }

    // MARK: Content

    /// Reads text up to the next `<` (or the end), decoding references and line ends.
    private mutating func readText() throws(XMLError) {
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            // Nothing above '>' needs a second look: letters and all non-ASCII bytes.
            if byte > UInt8(ascii: ">") {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                appendRaw(runStart..<index)
                return
            case UInt8(ascii: "&"):
                appendRaw(runStart..<index)
                appendScalar(try readReference())
                runStart = index
            case 0x0D:
                // CRLF becomes LF by dropping the CR; a lone CR becomes LF.
                appendRaw(runStart..<index)
                index += 1
                if byteAt(index) != 0x0A { appendScalar("\n") }
                runStart = index
            case UInt8(ascii: ">"):
                // "]]>" is only allowed to end a CDATA section. It cannot straddle two runs:
                // runs end only at '<', '&' and CR.
                if index - runStart >= 2, bytes[index - 1] == UInt8(ascii: "]"), bytes[index - 2] == UInt8(ascii: "]") {
                    throw error("']]>' is not allowed in text; write ']]&gt;'", at: index - 2)
                }
                index += 1
            default:
                index += 1
            }
        }
        appendRaw(runStart..<index)
    }

    /// Reads a CDATA section at `<![CDATA[` into the pending text, verbatim but for line ends,
    /// which XML normalises before parsing, so in CDATA too.
    private mutating func readCDATA() throws(XMLError) {
        let sectionStart = index
        index += 9
        guard let end = find("]]>", from: index) else {
            throw error("a CDATA section is not closed with ']]>'", at: sectionStart)
        }
        var runStart = index
        while index < end {
            if bytes[index] == 0x0D {
                appendRaw(runStart..<index)
                index += 1
                if byteAt(index) != 0x0A { appendScalar("\n") }
                runStart = index
            } else {
                index += 1
            }
        }
        appendRaw(runStart..<end)
        index = end + 3
    }

    /// Reads a reference at `&`: one of the five predefined entities or a character reference.
    private mutating func readReference() throws(XMLError) -> Unicode.Scalar {
        let ampersand = index
        index += 1
        if byteAt(index) == UInt8(ascii: "#") {
            index += 1
            let hexadecimal = byteAt(index) == UInt8(ascii: "x")
            if hexadecimal { index += 1 }
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.count, let digit = Self.digitValue(bytes[index], hexadecimal: hexadecimal) {
                // Capped so a long run of digits cannot overflow; past U+10FFFF is refused below.
                value = min(value * (hexadecimal ? 16 : 10) + digit, 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0, byteAt(index) == UInt8(ascii: ";") else {
                let kind = hexadecimal ? "'&#x' needs hexadecimal" : "'&#' needs decimal"
                throw error("a character reference \(kind) digits and a closing ';', as in &#233; or &#xE9;", at: ampersand)
            }
            index += 1
            let written = index - ampersand <= 24 ? string(ampersand..<index) : string(ampersand..<(ampersand + 20)) + "…;"
            guard value <= 0x10FFFF else {
                throw error("character reference \(written) is beyond U+10FFFF", at: ampersand)
            }
            guard !(0xD800...0xDFFF).contains(value) else {
                throw error("character reference \(written) names a surrogate (U+\(Self.hex(value, width: 4))), not a character", at: ampersand)
            }
            guard Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
                throw error("character reference \(written) names U+\(Self.hex(value, width: 4)), which XML does not allow", at: ampersand)
            }
            return scalar
        }
        let entityEnd = nameEnd(from: index)
        guard entityEnd > index, byteAt(entityEnd) == UInt8(ascii: ";") else {
            throw error("'&' must start an entity or character reference; write '&amp;' for a literal '&'", at: ampersand)
        }
        let entity = string(index..<entityEnd)
        index = entityEnd + 1
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            throw error("unknown entity '&\(entity);' (only the five predefined entities and character references are read)", at: ampersand)
        }
    }

    private static func digitValue(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hexadecimal: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hexadecimal: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// XML 1.0 Char: what a character reference may name.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    // MARK: Pending text

    private mutating func appendRaw(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if pendingInScratch {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        } else if pendingStart == pendingEnd {
            pendingStart = range.lowerBound
            pendingEnd = range.upperBound
        } else {
            moveToScratch()
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        moveToScratch()
        if let encoded = UTF8.encode(scalar) { scratch.append(contentsOf: encoded) }
    }

    private mutating func moveToScratch() {
        guard !pendingInScratch else { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pendingStart..<pendingEnd]))
        pendingStart = 0
        pendingEnd = 0
        pendingInScratch = true
    }

    /// Ends the pending text, adding it to the innermost open element if there is any.
    private mutating func flushText(into stack: inout [OpenElement]) {
        guard !stack.isEmpty else { return }
        if pendingInScratch {
            // Never empty: the scratch is only used once something has been appended.
            stack[stack.count - 1].children.append(.text(String(decoding: scratch, as: UTF8.self)))
            pendingInScratch = false
        } else if pendingStart < pendingEnd {
            stack[stack.count - 1].children.append(.text(string(pendingStart..<pendingEnd)))
            pendingStart = 0
            pendingEnd = 0
        }
    }

    // MARK: Skipped markup

    /// Skips a processing instruction at `<?`; the XML declaration is one, allowed only first.
    private mutating func skipProcessingInstruction() throws(XMLError) {
        let instructionStart = index
        index += 2
        let target = try parseName(kind: "a processing instruction target",
                                   expected: "expected a processing instruction target after '<?'")
        if target.count == 3, hasPrefix("xml", at: target.lowerBound), instructionStart != documentStart {
            throw error("the XML declaration '<?xml …?>' is only allowed at the very start of the file", at: instructionStart)
        }
        guard let end = find("?>", from: index) else {
            throw error("a processing instruction is not closed with '?>'", at: instructionStart)
        }
        guard end == index || Self.isWhitespace(bytes[index]) else {
            throw error("expected a space or '?>' after the processing instruction target, found \(describe(at: index))", at: index)
        }
        index = end + 2
    }

    /// Skips a comment at `<!--`.
    private mutating func skipComment() throws(XMLError) {
        let commentStart = index
        guard let end = find("-->", from: index + 4) else {
            throw error("a comment is not closed with '-->'", at: commentStart)
        }
        index = end + 3
    }

    /// Skips a DOCTYPE at `<!DOCTYPE`, its internal subset included. Its declarations are not
    /// read: quoted literals, comments and processing instructions are stepped over so a `]` or
    /// `>` inside them does not end it early.
    private mutating func skipDoctype() throws(XMLError) {
        let doctypeStart = index
        index += 9
        guard index < bytes.count, Self.isWhitespace(bytes[index]) else {
            throw error("expected a space after '<!DOCTYPE', found \(describe(at: index))", at: index)
        }
        var inSubset = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let close = find(byte, from: index + 1) else {
                    throw error("a quoted literal in the DOCTYPE is not closed", at: index)
                }
                index = close + 1
            case UInt8(ascii: "[") where !inSubset:
                inSubset = true
                index += 1
            case UInt8(ascii: "]") where inSubset:
                inSubset = false
                index += 1
            case UInt8(ascii: "<") where inSubset && hasPrefix("<!--", at: index):
                try skipComment()
            case UInt8(ascii: "<") where inSubset && hasPrefix("<?", at: index):
                guard let end = find("?>", from: index + 2) else {
                    throw error("a processing instruction is not closed with '?>'", at: index)
                }
                index = end + 2
            case UInt8(ascii: ">") where !inSubset:
                index += 1
                return
            default:
                index += 1
            }
        }
        throw error("the DOCTYPE is not closed with '>'", at: doctypeStart)
    }

    // MARK: Bytes

    /// The byte at `offset`, or 0 past the end (NUL never passes `validate`, so 0 means none).
    private func byteAt(_ offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    private func hasPrefix(_ pattern: String, at offset: Int) -> Bool {
        var position = offset
        for expected in pattern.utf8 {
            guard position < bytes.count, bytes[position] == expected else { return false }
            position += 1
        }
        return true
    }

    private func find(_ pattern: String, from offset: Int) -> Int? {
        guard let first = pattern.utf8.first else { return offset }
        var position = offset
        while let found = find(first, from: position) {
            if hasPrefix(pattern, at: found) { return found }
            position = found + 1
        }
        return nil
    }

    private func find(_ byte: UInt8, from offset: Int) -> Int? {
        var position = offset
        while position < bytes.count {
            if bytes[position] == byte { return position }
            position += 1
        }
        return nil
    }

    private func sameBytes(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        var offset = 0
        while offset < first.count {
            if bytes[first.lowerBound + offset] != bytes[second.lowerBound + offset] { return false }
            offset += 1
        }
        return true
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
        return index > start
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private mutating func internedString(_ range: Range<Int>) -> String {
        // Up to 15 UTF-8 bytes a String is stored inline, without an allocation to save.
        if range.count <= 15 { return string(range) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for position in range { hash = (hash ^ UInt64(bytes[position])) &* 0x100_0000_01B3 }
        if let known = names[hash] {
            let same = known.utf8.withContiguousStorageIfAvailable { stored in
                stored.count == range.count && stored.elementsEqual(UnsafeBufferPointer(rebasing: bytes[range]))
            }
            if same == true { return known }
            return string(range)
        }
        let made = string(range)
        if names.count < Self.namesKept { names[hash] = made }
        return made
    }

    /// The scalar whose UTF-8 starts at `offset` and its length in bytes (the input is valid UTF-8).
    private func decodedScalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[offset]
        var value: UInt32
        let length: Int
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC0...0xDF: value = UInt32(lead & 0x1F); length = 2
        case 0xE0...0xEF: value = UInt32(lead & 0x0F); length = 3
        default: value = UInt32(lead & 0x07); length = 4
        }
        guard offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for continuation in 1..<length {
            value = value << 6 | UInt32(bytes[offset + continuation] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    // MARK: Positions and messages

    /// The 1-based line of `offset`, counted on from the last offset asked about when it is later.
    private mutating func lineNumber(at offset: Int) -> Int {
        guard offset > linesCountedTo else { return lineAtCounted }
        var line = lineAtCounted
        var position = linesCountedTo
        while position < offset {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && byteAt(position + 1) != 0x0A) { line += 1 }
            position += 1
        }
        linesCountedTo = offset
        lineAtCounted = line
        return line
    }

    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the input" }
        let byte = bytes[offset]
        switch byte {
        case 0x20: return "a space"
        case 0x09: return "a tab"
        case 0x0A, 0x0D: return "a line break"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x00...0x7F: return "U+\(Self.hex(UInt32(byte), width: 4))"
        default:
            let scalar = decodedScalar(at: offset).scalar
            return "'\(Character(scalar))' (U+\(Self.hex(scalar.value, width: 4)))"
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private func error(_ message: String, at offset: Int) -> XMLError {
        let end = min(max(offset, documentStart), bytes.count)
        var line = 1
        var lineStart = documentStart
        var position = documentStart
        while position < end {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && byteAt(position + 1) != 0x0A) {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        // Columns count characters, as editors do, not bytes.
        let column = string(lineStart..<end).count + 1
        return XMLError(message: message, line: line, column: column)
    }
}
