// libFuzzer entry, differential: the filter the browser runs on every keystroke (a SearchIndex
// over the catalog's text buffers, and narrowing: filtering the previous result when the new
// query only narrows the old one) must find exactly the studies the plain matcher finds.
// Built and run by scripts/fuzz.
//
// Input: 3 bytes seed the generated studies, 1 byte of options (bits 0-1: index pieces - 1;
// bit 2: only some studies in scope), then queries, one per line. Each line is reached from
// the one before as in the browser's filter box: Backspace back to a common beginning, then
// typing one scalar at a time; every text on the way that parses is checked. Study texts mix
// accented, non-ASCII, differently cased and canonically equivalent text with words of the
// queries themselves (cased, accented, decomposed or cut differently), so queries match some
// studies and not others.

import Foundation
@testable import StudyCore

/// The texts the filter box holds while `old` is edited into `new` as the browser's keys do it:
/// Backspace drops the last character (grapheme) until what is left begins `new`, then the
/// rest is typed one Unicode scalar at a time. Over 96 steps only every so many are kept, and
/// always the turn between deleting and typing, and the last.
private func edits(from old: String, to new: String) -> [String] {
    var steps: [String] = []
    var current = old
    while !new.unicodeScalars.starts(with: current.unicodeScalars) {
        current = String(current.dropLast())
        steps.append(current)
    }
    let turn = steps.count - 1
    let scalars = Array(new.unicodeScalars)
    var length = current.unicodeScalars.count
    while length < scalars.count {
        length += 1
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<length])
        steps.append(String(view))
    }
    guard steps.count > 96 else { return steps }
    let every = (steps.count + 95) / 96
    return steps.indices.filter { $0 % every == 0 || $0 == turn || $0 == steps.count - 1 }.map { steps[$0] }
}

/// Runs so far (see the 20,000-position check).
nonisolated(unsafe) private var runs = 0

@_cdecl("LLVMFuzzerTestOneInput")
public func filterFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard bytes.count >= 4 else { return 0 }
    let options = bytes[3]
    var random = Generator(state: UInt64(bytes[0]) << 16 | UInt64(bytes[1]) << 8 | UInt64(bytes[2]))
    let text = String(decoding: bytes[4...], as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16).map(String.init)

    // The dataset, and the catalog's index of it in 1 to 4 pieces (Catalog indexes in chunks).
    let fragments = Fragments(text)
    let studies = (0..<random.below(13)).map { makeStudy($0, &random, fragments) }
    let plain = studies.map(IndexedStudy.init)
    var cuts = (0..<Int(options & 3)).map { _ in random.below(studies.count + 1) }.sorted()
    cuts = [0] + cuts + [studies.count]
    var entries: [IndexedStudy] = []
    var pieces: [(buffer: [UInt8], ranges: [Range<Int>])] = []
    for (start, end) in zip(cuts, cuts.dropFirst()) {
        let indexed = IndexedStudy.index(studies[start..<end])
        entries += indexed.entries
        pieces.append((indexed.buffer, indexed.ranges))
    }
    let index = SearchIndex(pieces)
    // A tab's studies in sort order: some of them, in any order.
    var scope = random.shuffled(Array(studies.indices))
    if options & 4 != 0 { scope = scope.filter { _ in random.below(3) != 0 } }

    let check = Checker(studies: studies, plain: plain, entries: entries)
    // The browser starts with the empty query, every study of the tab shown.
    var rows = scope
    var filteredBy = StudyQuery()
    var typed = ""
    for line in lines {
        for queryText in edits(from: typed, to: line) {
            // A query that does not parse leaves the rows and the query they were found with.
            guard let query = try? StudyQuery(queryText) else { continue }
            let narrowed = query.narrows(filteredBy)
            let candidates = narrowed ? rows : scope
            let found = query.filter(entries, positions: candidates, index: index)
            let expected = check.expected(query, scope)
            if found != expected {
                check.fail(query, found: found, expected: expected,
                           how: narrowed ? "narrowed from \(filteredBy.text.debugDescription) (rows \(rows))" : "from the whole scope \(scope)")
            }
            rows = found
            filteredBy = query
        }
        typed = line
        guard let query = try? StudyQuery(line) else { continue }
        check.whole(query, scope: scope, index: index)
    }
    // Over 20,000 positions the filter splits across cores: positions repeat to get there.
    // That costs 0.1 to 1 s under AddressSanitizer, so only every 64th run does it (the first
    // too, so that replaying a saved input alone does it).
    defer { runs += 1 }
    if runs % 64 == 0, !scope.isEmpty, let last = lines.last, let query = try? StudyQuery(last) {
        let big = Array(repeating: scope, count: 20_000 / scope.count + 1).flatMap { $0 }
        let expected = check.expected(query, big)
        let found = query.filter(entries, positions: big, index: index)
        if found != expected { check.fail(query, found: found, expected: expected, how: "over \(big.count) repeated positions, with the index") }
        let unindexed = query.filter(entries, positions: big, index: nil)
        if unindexed != expected { check.fail(query, found: unindexed, expected: expected, how: "over \(big.count) repeated positions, without the index") }
    }
    return 0
}

/// The plain matcher's answers, and the report on a mismatch.
private struct Checker {
    let studies: [Study]
    /// Each study indexed on its own (`IndexedStudy.init`), matched one by one.
    let plain: [IndexedStudy]
    /// The same studies indexed in shared buffers, as the catalog does.
    let entries: [IndexedStudy]

    /// The positions of `scope` the plain matcher keeps, in scope order.
    func expected(_ query: StudyQuery, _ scope: [Int]) -> [Int] {
        let matching = Set(query.filter(plain).map(ObjectIdentifier.init))
        return scope.filter { matching.contains(ObjectIdentifier(plain[$0])) }
    }

    /// The checks made once per whole line: every way of filtering agrees.
    func whole(_ query: StudyQuery, scope: [Int], index: SearchIndex) {
        let expected = expected(query, scope)
        let unindexed = query.filter(entries, positions: scope, index: nil)
        if unindexed != expected { fail(query, found: unindexed, expected: expected, how: "without the index") }
        let shared = entries.indices.filter { query.matches(entries[$0]) }
        let own = plain.indices.filter { query.matches(plain[$0]) }
        if shared != own { fail(query, found: shared, expected: own, how: "matching studies indexed in shared buffers one by one") }
    }

    func fail(_ query: StudyQuery, found: [Int], expected: [Int], how: String) -> Never {
        let differing = Set(found).symmetricDifference(expected).sorted()
        var report = "filter: query \(query.text.debugDescription) (\(query.expression)) \(how)\n"
        report += "  indexed filter: \(found)\n  plain matcher:  \(expected)\n"
        for position in differing {
            report += "  study \(position) \(studies[position].id.debugDescription):\n"
            report += "    own text:    \(String(decoding: plain[position].haystack.bytes, as: UTF8.self).debugDescription)\n"
            report += "    shared text: \(String(decoding: entries[position].haystack.bytes, as: UTF8.self).debugDescription)\n"
        }
        fatalError(report)
    }
}

// MARK: Generated studies

/// SplitMix64, as SyntheticStudies uses.
private struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func chance(_ inEvery: Int) -> Bool { below(inEvery) == 0 }
    mutating func pick<Element>(_ choices: [Element]) -> Element { choices[below(choices.count)] }
    mutating func maybe<Element>(_ make: (inout Generator) -> Element) -> Element? { chance(3) ? nil : make(&self) }

    mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var elements = elements
        for index in elements.indices.reversed() where index > 0 { elements.swapAt(index, below(index + 1)) }
        return elements
    }
}

/// Texts chosen to tell folding apart: case, accents, canonically equivalent forms, ligatures,
/// wide forms, other scripts, typographic dashes and quotes, controls, query syntax.
private let vocabulary: [String] = [
    "ketamine", "Ketamine", "KETAMINE", "randomized", "Randomised", "placebo-controlled", "double-blind", "status epilepticus",
    "Status Epilepticus", "refractory", "intranasal", "infusion", "migraine with aura", "chronic pain", "emergency department",
    "Müller", "MÜLLER", "Mu\u{308}ller", "Ångström", "A\u{30A}ngstro\u{308}m", "Østergaard", "Ó Súilleabháin", "Nguyễn",
    "García-Márquez", "Šimková", "café", "naïve", "Œdème", "œuvre", "straße", "STRASSE", "ẞ", "İstanbul", "ıstanbul", "ǅemal",
    "ﬁnal", "ﬀ", "ＡＢＣ ｋｅｔａｍｉｎｅ", "Σίσυφος", "ΣΊΣΥΦΟΣ", "ς", "한국", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}",
    "日本語", "Ⅻ", "①", "😀", "👩‍⚕️", "🇦🇨", "0.12–0.42", "0.12-0.42", "0.12−0.42", "≥ 5 mg", ">= 5 mg", "≤", "“quoted”",
    "\"quoted\"", "don’t", "don't", "a\u{200B}b", "\u{202E}rtl", "x\u{1F}y", "tab\there", "line\nbreak", "0.5 mg/kg",
    "1 mg/kg/h", "IV", "iv", "oral", "(a|b)", "!not", "author:smith", "n>=20", "dose<0.5mg/kg", "", " ", "e", "é", "e\u{301}",
    "E\u{301}", "É", "ǽ", "ﬃ", "Å", "Å", "ῼ", "ﬆ", "µg", "μg", "ǈ", "ŉ", "İ", "\u{0301}",
]

/// Words of the queries, to put into studies so that queries match.
private struct Fragments {
    var words: [String] = []

    init(_ text: String) {
        var current = ""
        func flush() {
            if !current.isEmpty, words.count < 64 { words.append(current) }
            current = ""
        }
        var inQuotes = false
        var phrase = ""
        for character in text {
            if character == "\"" {
                if inQuotes, !phrase.isEmpty, words.count < 64 { words.append(phrase) }
                inQuotes.toggle()
                phrase = ""
            } else if inQuotes {
                phrase.append(character)
            }
            if character.isWhitespace || "()|!\"".contains(character) { flush() } else { current.append(character) }
        }
        flush()
        // The values of field terms (author:smith gives smith).
        for word in words {
            if let operatorIndex = word.firstIndex(where: { ":=<>".contains($0) }) {
                let value = word[word.index(after: operatorIndex)...].drop { $0 == "=" }
                if !value.isEmpty, words.count < 96 { words.append(String(value)) }
            }
        }
    }

    /// A word in some other form that folding should (or should not) make equal.
    func variant(_ random: inout Generator) -> String? {
        guard !words.isEmpty else { return nil }
        let word = random.pick(words)
        switch random.below(10) {
        case 0: return word.uppercased()
        case 1: return word.capitalized
        case 2: return word.decomposedStringWithCanonicalMapping
        case 3: return word.precomposedStringWithCanonicalMapping
        case 4:
            // An accent on the first letter.
            guard let first = word.unicodeScalars.first else { return word }
            var view = String.UnicodeScalarView([first, "\u{301}"])
            view.append(contentsOf: word.unicodeScalars.dropFirst())
            return String(view)
        case 5:
            let scalars = Array(word.unicodeScalars)
            let from = random.below(scalars.count + 1)
            let to = from + random.below(scalars.count - from + 1)
            return String(String.UnicodeScalarView(scalars[from..<to]))
        case 6: return word.lowercased() + random.pick(["s", "e", "\u{308}", "-", "'"])
        default: return word
        }
    }
}

/// A text for a field: a word of the vocabulary, one of the queries' words in some form (one
/// field in `rate`; none when `rate` is 0), or two or three of these joined.
private func text(_ random: inout Generator, _ fragments: Fragments, rate: Int) -> String {
    func one(_ random: inout Generator) -> String {
        if rate > 0, random.chance(rate), let variant = fragments.variant(&random) { return variant }
        return random.pick(vocabulary)
    }
    guard random.chance(4) else { return one(&random) }
    let count = 2 + random.below(2)
    return (0..<count).map { _ in one(&random) }.joined(separator: random.pick([" ", "", "-", " / ", ", "]))
}

private func makeStudy(_ position: Int, _ random: inout Generator, _ fragments: Fragments) -> Study {
    // Studies differ in how often they hold the queries' words, so that a query matches some
    // studies and not others (a study has about 40 texts).
    let rate = random.pick([0, 0, 40, 20, 8, 3])
    func words(_ random: inout Generator) -> String { text(&random, fragments, rate: rate) }
    let source = SourceRef(document: random.pick(["synthetic", "seed-002", "Seed.Doc", "ÜBER"]),
                           references: random.chance(2) ? [1 + random.below(20)] : [])
    func dose(_ random: inout Generator) -> Dose {
        let low = random.chance(3) ? nil : Double(random.below(2000)) / random.pick([1.0, 10, 100, 1000])
        let high = low.map { $0 + (random.chance(2) ? 0 : Double(random.below(100)) / 10) }
        return Dose(arm: random.maybe(words), route: random.maybe { $0.pick(Route.allCases) }, low: low, high: high,
                    dimension: low == nil ? nil : random.pick(DoseDimension.allCases), regimen: random.maybe(words),
                    basis: random.pick(Dose.Basis.allCases), reported: random.maybe(words), source: source, note: random.maybe(words))
    }
    let arms = (0..<random.below(3)).map { _ in SampleSize.Arm(label: words(&random), count: random.maybe { $0.below(300) }) }
    let primary: PrimaryRecord? = random.maybe { random in
        PrimaryRecord(
            status: random.pick(PrimaryRecord.Status.allCases), source: source, seenOn: random.maybe(words),
            confidence: random.maybe { $0.pick(PrimaryRecord.Confidence.allCases) }, citation: random.maybe(words),
            identifiers: (0..<random.below(2)).map { _ in .init(kind: random.pick(PrimaryRecord.Identifier.Kind.allCases), value: words(&random)) },
            summary: random.maybe(words),
            figures: (0..<random.below(2)).map { _ in .init(label: words(&random), value: words(&random)) },
            differences: (0..<random.below(2)).map { _ in .init(topic: words(&random), seed: words(&random), primary: words(&random)) },
            note: random.maybe(words))
    }
    return Study(
        id: random.chance(4) ? words(&random) : "s\(position)-\(random.pick(["a", "ketamine", "müller", "2018"]))",
        indication: random.pick(Indication.allCases), condition: random.maybe(words),
        citation: Citation(reference: random.maybe(words), firstAuthor: random.maybe(words),
                           year: random.maybe { $0.chance(8) ? $0.pick([0, -1, 99_999]) : 1900 + $0.below(201) },
                           title: random.maybe(words), journal: random.maybe(words), volume: random.maybe(words),
                           issue: random.maybe(words), pages: random.maybe(words), note: random.maybe(words)),
        design: StudyDesign(kind: random.pick(DesignKind.allCases), randomized: random.maybe { $0.chance(2) },
                            blinding: random.maybe { $0.pick(StudyDesign.Blinding.allCases) },
                            control: random.maybe { $0.pick(StudyDesign.Control.allCases) }, description: words(&random),
                            gradedDownFor: random.maybe(words), source: source),
        setting: random.maybe(words), population: random.maybe(words),
        sampleSize: SampleSize(total: random.maybe { $0.below(600) }, arms: arms, source: source, note: random.maybe(words)),
        doses: (0..<random.below(4)).map { _ in dose(&random) },
        comparator: random.maybe { random in Comparator(label: words(&random), doses: (0..<random.below(2)).map { _ in dose(&random) }) },
        outcome: Outcome(measure: random.maybe(words), result: random.maybe(words), direction: random.pick(EffectDirection.allCases),
                         figures: (0..<random.below(3)).map { _ in
                             Outcome.Figure(label: words(&random), value: words(&random), source: source,
                                            attribution: random.pick(Provenance.Attribution.allCases))
                         },
                         source: source),
        adverseEffects: random.maybe(words), notes: random.maybe(words),
        provenance: [Provenance(source: source, attribution: random.pick(Provenance.Attribution.allCases))],
        primary: primary
    )
}
