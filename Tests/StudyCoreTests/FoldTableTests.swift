import Foundation
import Testing
@testable import StudyCore

/// The binary folds text from a generated table instead of ICU; these tests hold the table to
/// Foundation's own folding, so a new toolchain's Unicode data cannot drift unnoticed.
@Suite("Fold table")
struct FoldTableTests {
    private static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The dashes and quotes the folding unifies after the table, as `SearchText` does.
    private static let unified: [String: String] = [
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2265}": ">", "\u{2264}": "<",
    ]

    private static func expected(_ text: String) -> String {
        String(foundationFold(text).unicodeScalars.map { unified[String($0)] ?? String($0) }.joined())
    }

    @Test("every scalar folds on its own as Foundation folds it")
    func everyScalar() {
        var differing: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if SearchText.fold(text) != Self.expected(text) { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "regenerate with scripts/generate-fold-table.swift; differing: \(differing.prefix(20))")
    }

    @Test("names and words with accents fold as Foundation folds them", arguments: [
        "Ångström", "Zürich-Müller", "Gałązka", "Ødegård", "Þórsdóttir", "Çelik", "Straße", "ÆSIR", "Dvořák",
        "e\u{301}tude", "Cafe\u{301} a\u{308}\u{301}", "Σίσυφος ΣΑΣ", "Достоевский", "Йошкар-Ола", "İstanbul",
        "Nguyễn Thị Minh Khai", "ﬁnal", "ǅemal", "ΐ", "1–2 mg·kg⁻¹", "“quoted” ‘single’ — dash",
    ])
    func realisticText(text: String) {
        #expect(SearchText.fold(text) == Self.expected(text))
    }

    @Test("a lone combining accent at the start is kept, as Foundation keeps it")
    func loneAccent() {
        #expect(SearchText.fold("\u{301}") == Self.expected("\u{301}"))
    }
}
