#if canImport(Glibc)
import Glibc
#endif
import SyntheticStudies
import Testing
@testable import StudyCore

@Suite("Display width")
struct DisplayWidthTests {
    #if canImport(Glibc)
    /// `body` run with this thread's LC_CTYPE set to C.UTF-8, as ncurses sees it in a UTF-8
    /// locale; the thread's previous locale is restored after.
    static func inUTF8Locale<T>(_ body: () throws -> T) throws -> T {
        let utf8 = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil), "the C.UTF-8 locale is not available")
        defer { freelocale(utf8) }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        return try body()
    }

    /// glibc's `wcwidth`, looked up at run time: Glibc's module leaves it out, as wchar.h
    /// declares it only for X/Open.
    static func wcwidthFunction() throws -> @convention(c) (wchar_t) -> Int32 {
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth"), "wcwidth is not in the C library")
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }

    @Test("every Unicode scalar has the width glibc's wcwidth gives it")
    func agreesWithWcwidth() throws {
        let wcwidth = try Self.wcwidthFunction()
        let disagreements = try Self.inUTF8Locale { () -> [String] in
            var disagreements: [String] = []
            for value in UInt32(0)...0x10FFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
                let expected = Int(wcwidth(wchar_t(bitPattern: value)))
                let actual = DisplayWidth.of(scalar)
                if actual != expected {
                    disagreements.append("U+\(String(value, radix: 16, uppercase: true)): \(actual), wcwidth \(expected)")
                }
            }
            return disagreements
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, the first: \(disagreements.prefix(20).joined(separator: "; "))")
    }
    #endif

    /// Text, its columns, and its column clusters' widths.
    static let cases: [(name: String, text: String, width: Int, clusters: [Int])] = [
        ("ASCII", "abc", 3, [1, 1, 1]),
        ("Hangul filler", "\u{3164}", 2, [2]),
        ("Thai SARA AM", "\u{E33}", 1, [1]),
        ("Devanagari conjunct KSSA", "\u{915}\u{94D}\u{937}", 2, [1, 1]),
        ("Tangut", "\u{17000}", 2, [2]),
        ("enclosed ideograph", "\u{1F200}", 2, [2]),
        ("skin-tone emoji", "👍🏽", 4, [2, 2]),
        ("VS16 emoji", "❤️", 1, [1]),
        ("CJK", "漢字", 4, [2, 2]),
        ("combining acute", "e\u{301}", 1, [1]),
        ("decomposed Hangul syllable", "\u{1100}\u{1161}", 2, [2]),
        ("regional indicators", "🇩🇪", 2, [1, 1]),
        ("mark without a base", "\u{301}x", 1, [1]),
        ("C0 and DEL", "a\u{7}\u{7F}b", 2, [1, 1]),
        ("NUL (wcwidth 0)", "\u{0}", 0, []),
    ]

    @Test("widths and clusters of awkward scripts", arguments: cases.indices)
    func widths(_ index: Int) {
        let item = Self.cases[index]
        #expect(DisplayWidth.of(item.text) == item.width, "\(item.name)")
        let clusters = DisplayWidth.clusters(item.text)
        #expect(clusters.map(\.width) == item.clusters, "\(item.name)")
        #expect(Array(DisplayWidth.Clusters(item.text)).map(\.width) == item.clusters, "\(item.name)")
        #expect(item.text.reduce(0) { $0 + DisplayWidth.of($1) } == item.width, "\(item.name)")
        // Each cluster is its base and the zero-width scalars after it.
        for cluster in clusters {
            let scalars = Array(cluster.text.unicodeScalars)
            #expect(scalars.first.map(DisplayWidth.of) == cluster.width, "\(item.name)")
            #expect(scalars.dropFirst().allSatisfy { DisplayWidth.of($0) == 0 }, "\(item.name)")
        }
    }

    @Test("single scalars: the ASCII fast path, Latin, controls and unprintable code points")
    func scalars() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x20)) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x7E)) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)) == -1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x7F)) == -1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x85)) == -1)
        #expect(DisplayWidth.of("ü" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{FE0F}" as Unicode.Scalar) == 0)
        #expect(!DisplayWidth.isPrintable("\u{378}"))
        #expect(!DisplayWidth.isPrintable("\u{10FFFF}"))
        #expect(DisplayWidth.isPrintable("漢"))
    }

    @Test("whatever glibc cannot print is escaped before it reaches a terminal")
    func unprintableIsEscaped() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !DisplayWidth.isPrintable(scalar) else { continue }
            if !InertText.needsEscape(scalar) {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)) is unprintable but not escaped")
                return
            }
        }
        // Assigned in Swift's newer Unicode, unknown to glibc 2.36's.
        #expect(InertText.make("a\u{1F7D9}b") == "a\\u{1F7D9}b")
    }

    @Test("a cell keeps at most four zero-width scalars after its base")
    func markLimit() {
        let clusters = DisplayWidth.clusters("a" + String(repeating: "\u{301}", count: 6) + "b")
        #expect(clusters.map(\.width) == [1, 1])
        #expect(clusters.first?.text.unicodeScalars.count == 1 + DisplayWidth.combiningPerCell)
        #expect(DisplayWidth.clusters("").isEmpty)
        #expect(DisplayWidth.clusters("\u{301}\u{302}").isEmpty)
    }

    @Test("truncate and pad cut between column clusters")
    func truncateAndPad() {
        #expect(DisplayWidth.truncate("👍🏽👍🏽", to: 5, ellipsis: "…") == "👍🏽…")
        #expect(DisplayWidth.truncate("👍🏽👍🏽", to: 4, ellipsis: "…") == "👍…")
        #expect(DisplayWidth.truncate("\u{3164}\u{3164}", to: 3, ellipsis: "…") == "\u{3164}…")
        #expect(DisplayWidth.truncate("\u{E33}\u{E33}\u{E33}", to: 2, ellipsis: "…") == "\u{E33}…")
        #expect(DisplayWidth.truncate("\u{915}\u{94D}\u{937}\u{915}", to: 2, ellipsis: "…") == "\u{915}\u{94D}…")
        #expect(DisplayWidth.truncate("\u{17000}\u{1F200}", to: 3, ellipsis: "…") == "\u{17000}…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2, ellipsis: "…") == "e\u{301}…")
        #expect(DisplayWidth.truncate("❤️❤️❤️", to: 3, ellipsis: "…") == "❤️❤️❤️")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "…") == "abc…")
        #expect(DisplayWidth.truncate("abcdef", to: 2, ellipsis: "...") == "..")
        #expect(DisplayWidth.truncate("abc", to: 0, ellipsis: "…") == "")
        #expect(DisplayWidth.pad("❤️", to: 3, ellipsis: "…") == "❤️  ")
        #expect(DisplayWidth.pad("\u{3164}", to: 3, ellipsis: "…") == "\u{3164} ")
        #expect(DisplayWidth.pad("👍🏽x", to: 4, ellipsis: "…") == "👍… ")
        for text in ["👍🏽👍🏽x", "漢字かな", "\u{915}\u{94D}\u{937}abc", "\u{E33}\u{3164}\u{17000}"] {
            for width in 1...10 {
                #expect(DisplayWidth.of(DisplayWidth.pad(text, to: width, ellipsis: "…")) == width, "\(text) at \(width)")
            }
        }
    }

    /// The wrap the brief describes, written plainly: each word cut into lines of clusters, the
    /// last piece joined to the line before when it fits.
    static func referenceWrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ") {
            var pieces: [(text: String, width: Int)] = [("", 0)]
            for cluster in DisplayWidth.clusters(String(word)) {
                if pieces[pieces.count - 1].width + cluster.width > width { pieces.append(("", 0)) }
                pieces[pieces.count - 1].text += cluster.text
                pieces[pieces.count - 1].width += cluster.width
            }
            if pieces.count > 1 {
                if !current.isEmpty { lines.append(current) }
                lines += pieces.dropLast().map(\.text)
                current = ""
                currentWidth = 0
            }
            let last = pieces[pieces.count - 1]
            if current.isEmpty {
                (current, currentWidth) = last
            } else if currentWidth + 1 + last.width <= width {
                current += " " + last.text
                currentWidth += 1 + last.width
            } else {
                lines.append(current)
                (current, currentWidth) = last
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Characters of every width, none with more marks than a cell keeps.
    static let mixed: [String] = ["a", "b", "漢", "e\u{301}", "👍🏽", "\u{E33}", "\u{915}\u{94D}\u{937}", "❤️", "\u{3164}", "z", "0"]

    @Test("a 65,000-character word wraps like the reference, every character kept", arguments: [20, 80, 200])
    func longWord(_ width: Int) {
        var random = SplitMix64(state: UInt64(width))
        var word = ""
        for _ in 0..<65_000 { word += Self.mixed[Int(random.next() % UInt64(Self.mixed.count))] }
        let lines = TableFormatter.wrap(word, width: width)
        #expect(lines == Self.referenceWrap(word, width: width))
        #expect(lines.joined() == word)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(lines.dropLast().allSatisfy { DisplayWidth.of($0) >= width - 1 })
    }

    @Test("a 65,000-byte field with spaces wraps like the reference, every word kept", arguments: [20, 80, 200])
    func longField(_ width: Int) {
        var random = SplitMix64(state: 7 + UInt64(width))
        var words: [String] = []
        var bytes = 0
        while bytes < 65_000 {
            // Mostly short words, now and then one longer than the line.
            let length = random.next() % 10 == 0 ? Int(random.next() % 300) + 1 : Int(random.next() % 12) + 1
            var word = ""
            for _ in 0..<length { word += Self.mixed[Int(random.next() % UInt64(Self.mixed.count))] }
            words.append(word)
            bytes += word.utf8.count + 1
        }
        let field = words.joined(separator: " ")
        let lines = TableFormatter.wrap(field, width: width)
        #expect(lines == Self.referenceWrap(field, width: width))
        #expect(lines.joined().filter { $0 != " " } == field.filter { $0 != " " })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        // Ordinary text keeps its words whole and one space between them.
        #expect(TableFormatter.wrap("the quick brown fox jumps over the lazy dog", width: 16) == ["the quick brown", "fox jumps over", "the lazy dog"])
        #expect(TableFormatter.wrap("indented lines after the first one", width: 16, indent: 2) == ["indented lines", "  after the", "  first one"])
    }

    @Test("ASCII glyphs put one ? per column for characters without a stand-in")
    func asciiAdapt() {
        #expect(Glyphs.ascii.adapt("Müller 東京") == "M?ller ????")
        #expect(Glyphs.ascii.adapt("Mu\u{308}ller") == "M?ller")
        #expect(Glyphs.ascii.adapt("a\u{301}\u{200B}b – ≥") == "?b - >=")
        #expect(Glyphs.ascii.adapt("👍🏽") == "????")
        #expect(Glyphs.unicode.adapt("Müller 東京") == "Müller 東京")
        for text in ["Müller 東京", "\u{915}\u{94D}\u{937}\u{E33}", "❤️ 👍🏽 \u{3164}"] {
            #expect(DisplayWidth.of(Glyphs.ascii.adapt(text)) == DisplayWidth.of(text), "\(text)")
        }
    }
}
