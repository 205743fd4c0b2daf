// libFuzzer entry for the XML reader: any bytes must give a tree or an XMLError with a position
// inside the input, never a trap. A tree must also be in the reader's normal form (no empty
// text node, no two text nodes side by side, lines never going back), and written out again
// with everything that could be misread escaped, it must read back as the same tree (lines
// aside: the copy has no comments, declarations or line breaks inside tags).
// Built and run by scripts/fuzz.

@testable import StudyCore

@_cdecl("LLVMFuzzerTestOneInput")
public func xmlFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let root: XMLElement
    do throws(XMLError) {
        root = try XMLReader.parse(bytes)
    } catch {
        // CRLF, LF and a lone CR each end a line, as the reader counts them.
        var lines = 1
        for (offset, byte) in bytes.enumerated()
        where byte == 0x0A || (byte == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A)) {
            lines += 1
        }
        if error.line < 1 || error.line > lines || error.column < 1 || error.message.isEmpty {
            fatalError("xml: an error outside the input (\(lines) lines): \(error)")
        }
        _ = error.description
        return 0
    }

    var lastLine = 0
    if let problem = normalFormProblem(root, lastLine: &lastLine) {
        fatalError("xml: \(problem)")
    }

    var written: [UInt8] = []
    writeXML(root, into: &written)
    let reread: XMLElement
    do throws(XMLError) {
        reread = try XMLReader.parse(written)
    } catch {
        fatalError("xml: the tree written back out does not parse: \(error)\n  written: \(String(decoding: written, as: UTF8.self))")
    }
    if !sameIgnoringLines(root, reread) {
        fatalError("xml: the tree written back out reads differently\n  written: \(String(decoding: written, as: UTF8.self))")
    }
    _ = root.text
    return 0
}

/// What breaks the reader's normal form in `element`, or nil; lines are checked in document order.
private func normalFormProblem(_ element: XMLElement, lastLine: inout Int) -> String? {
    if element.line < 1 || element.line < lastLine {
        return "<\(element.name)> is on line \(element.line), after an element on line \(lastLine)"
    }
    lastLine = element.line
    var previousWasText = false
    for child in element.children {
        switch child {
        case .text(let text):
            if text.isEmpty { return "an empty text node in <\(element.name)>" }
            if previousWasText { return "two text nodes side by side in <\(element.name)>" }
            previousWasText = true
        case .element(let nested):
            previousWasText = false
            if let problem = normalFormProblem(nested, lastLine: &lastLine) { return problem }
        }
    }
    return nil
}

/// Writes `element` as XML: text and values escaped so nothing is read back differently.
private func writeXML(_ element: XMLElement, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "<"))
    out.append(contentsOf: element.name.utf8)
    for attribute in element.attributes {
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: attribute.name.utf8)
        out.append(contentsOf: "=\"".utf8)
        escape(attribute.value, inAttribute: true, into: &out)
        out.append(UInt8(ascii: "\""))
    }
    if element.children.isEmpty {
        out.append(contentsOf: "/>".utf8)
        return
    }
    out.append(UInt8(ascii: ">"))
    for child in element.children {
        switch child {
        case .text(let text): escape(text, inAttribute: false, into: &out)
        case .element(let nested): writeXML(nested, into: &out)
        }
    }
    out.append(contentsOf: "</".utf8)
    out.append(contentsOf: element.name.utf8)
    out.append(UInt8(ascii: ">"))
}

private func escape(_ text: String, inAttribute: Bool, into out: inout [UInt8]) {
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        // Always escaped, so "]]>" never appears in text.
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\"") where inAttribute: out.append(contentsOf: "&quot;".utf8)
        // A literal CR would come back as LF, and in a value a literal tab or LF as a space.
        case 0x0D: out.append(contentsOf: "&#13;".utf8)
        case 0x09 where inAttribute: out.append(contentsOf: "&#9;".utf8)
        case 0x0A where inAttribute: out.append(contentsOf: "&#10;".utf8)
        default: out.append(byte)
        }
    }
}

/// Whether two trees are equal in all but their elements' lines.
private func sameIgnoringLines(_ first: XMLElement, _ second: XMLElement) -> Bool {
    guard first.name == second.name, first.attributes == second.attributes,
          first.children.count == second.children.count else { return false }
    for (left, right) in zip(first.children, second.children) {
        switch (left, right) {
        case (.text(let leftText), .text(let rightText)):
            if leftText != rightText { return false }
        case (.element(let leftElement), .element(let rightElement)):
            if !sameIgnoringLines(leftElement, rightElement) { return false }
        default:
            return false
        }
    }
    return true
}
