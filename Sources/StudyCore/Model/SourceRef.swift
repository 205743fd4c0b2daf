/// Where a fact comes from: a source document and, optionally, reference numbers in its list.
///
/// Written in data files as `seed-002`, `seed-002#16` or `seed-002#23,24`.
public struct SourceRef: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The id of a `SourceDocument`.
    public var document: String
    /// Reference numbers within that document's reference list; empty for its own text.
    public var references: [Int]

    /// Creates a reference to a document and its reference numbers.
    public init(document: String, references: [Int] = []) {
        self.document = document
        self.references = references
    }

    /// Parses `document#n[,n…]`; nil when malformed.
    public init?(parsing text: String) {
        // Byte by byte: every study carries several references, so this runs on every load.
        let bytes = Array(text.utf8)
        let hash = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        guard hash > 0, bytes[..<hash].allSatisfy(Self.isIdentifierByte) else { return nil }
        var references: [Int] = []
        if hash < bytes.count {
            var number = 0
            var digits = 0
            for byte in bytes[(hash + 1)...] {
                if byte == UInt8(ascii: ",") {
                    guard digits > 0, number > 0 else { return nil }
                    references.append(number)
                    number = 0
                    digits = 0
                } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    digits += 1
                    guard digits <= 9 else { return nil }
                    number = number * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    return nil
                }
            }
            guard digits > 0, number > 0 else { return nil }
            references.append(number)
        }
        self.init(document: String(decoding: bytes[..<hash], as: UTF8.self), references: references)
    }

    /// ASCII letters, digits, '-', '_', '.' and ':' (imported records: `pubmed:29768149`):
    /// compared as bytes, since every study is parsed.
    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
            true
        default:
            false
        }
    }

    public var description: String {
        references.isEmpty ? document : document + "#" + references.map(String.init).joined(separator: ",")
    }

    /// Human form: "seed-002, ref. 16" or "seed-002, refs. 23 and 24".
    public var humanDescription: String {
        switch references.count {
        case 0: document
        case 1: "\(document), ref. \(references[0])"
        default:
            "\(document), refs. " + references.dropLast().map(String.init).joined(separator: ", ")
                + " and \(references[references.count - 1])"
        }
    }
}
