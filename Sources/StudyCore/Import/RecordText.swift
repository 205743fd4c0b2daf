/// Small readings shared by the import formats: a year in a date, NCT numbers in a text, a
/// bracketed suffix. Each reads only what the text states.
enum RecordText {
    /// The first four-digit year from 1800 to 2199 in a text ("2021 Mar", "2019 Jan-Feb", "2018/05/02/").
    static func year(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var index = 0
        while index + 4 <= bytes.count {
            let digits = bytes[index..<(index + 4)]
            let before = index == 0 || !(bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39)
            let after = index + 4 == bytes.count || !(bytes[index + 4] >= 0x30 && bytes[index + 4] <= 0x39)
            if before, after, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               let year = Int(String(decoding: digits, as: UTF8.self)), (1800...2199).contains(year) {
                return year
            }
            index += 1
        }
        return nil
    }

    /// ClinicalTrials.gov numbers in a text: "NCT" and eight digits.
    static func registryIDs(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var ids: [String] = []
        var index = 0
        while index + 11 <= bytes.count {
            let prefix = bytes[index..<(index + 3)].map { $0 & 0xDF }
            if prefix == Array("NCT".utf8), bytes[(index + 3)..<(index + 11)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               index + 11 == bytes.count || !(bytes[index + 11] >= 0x30 && bytes[index + 11] <= 0x39) {
                ids.append("NCT" + String(decoding: bytes[(index + 3)..<(index + 11)], as: UTF8.self))
                index += 11
            } else {
                index += 1
            }
        }
        return ids
    }

    /// "10.1000/x [doi]" without " [doi]".
    static func dropBracketSuffix(_ text: String) -> String {
        guard let open = text.lastIndex(of: "[") else { return text }
        return String(text[..<open]).trimmingSpaces
    }

    /// A DOI as written in a field or a doi.org link, without the resolver.
    static func doi(_ text: String) -> String? {
        var value = text.trimmingSpaces
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"] where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
        }
        return value.hasPrefix("10.") && value.contains("/") ? value : nil
    }

    /// A PMID in a PubMed link ("https://pubmed.ncbi.nlm.nih.gov/29768149/").
    static func pmid(inLink text: String) -> String? {
        guard let range = text.firstRange(of: "pubmed.ncbi.nlm.nih.gov/") ?? text.firstRange(of: "ncbi.nlm.nih.gov/pubmed/") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }
}
