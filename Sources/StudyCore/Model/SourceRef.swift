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
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let document = String(parts[0])
        guard !document.isEmpty, document.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
        else { return nil }
        var references: [Int] = []
        if parts.count == 2 {
            for piece in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = Int(piece), number > 0 else { return nil }
                references.append(number)
            }
        }
        self.init(document: document, references: references)
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
