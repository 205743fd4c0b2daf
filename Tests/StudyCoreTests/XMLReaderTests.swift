import Testing
@testable import StudyCore

@Suite("XML reader")
struct XMLReaderTests {
    /// Well-formed input and its tree as `render` writes it.
    static let wellFormed: [(input: String, expected: String)] = [
        ("<a/>", "a()"),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>x</a>\n", #"a("x")"#),
        (#"<?xml version="1.0" ?>\#n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\#n<PubmedArticleSet></PubmedArticleSet>\#n"#,
         "PubmedArticleSet()"),
        // An internal subset whose literals, comment and processing instruction hold ']' and '>'.
        (#"<!DOCTYPE a [\#n  <!ELEMENT a (#PCDATA)>\#n  <!ATTLIST a b CDATA "x]>y">\#n  <!ENTITY e 'it"s'>\#n  <!-- ] > ' " -->\#n  <?pi ]> ?>\#n]>\#n<a b="1">t</a>"#,
         #"a[b="1"]("t")"#),
        (#"<!-- first -->\#n<!DOCTYPE a SYSTEM "a.dtd">\#n<a/>"#, "a()"),
        // Comments anywhere, "--" inside one, an empty one; text around them is one node.
        (#"<!-- head --><a>x<!-- in -- side -->y<!---->z</a><!-- tail -->\#n"#, #"a("xyz")"#),
        (#"<?xml-stylesheet href="s.xsl"?><a><?pi data?>x<?empty?></a><?after?>"#, #"a("x")"#),
        (#"<a><![CDATA[x < y && ]] z > w]]></a>"#, #"a("x < y && ]] z > w")"#),
        // CDATA joins the text around it; "]]]]><![CDATA[>" is how "]]>" is written in CDATA.
        (#"<a>1<![CDATA[<2>]]>3<![CDATA[]]]]><![CDATA[>]]></a>"#, #"a("1<2>3]]>")"#),
        (#"<a><![CDATA[]]></a>"#, "a()"),
        (#"<a>&#65;&#x42;&#x1F600;&#233;&#xe9;&#9;</a>"#, #"a("AB😀éé\t")"#),
        (#"<a t="&lt;&gt;&amp;&quot;&apos;" u='&#34;&#x27;'>&lt;&gt;&amp;&quot;&apos;</a>"#,
         #"a[t="<>&\"'" u="\"'"]("<>&\"'")"#),
        (#"<ArticleTitle>Ketamine in <i>status epilepticus</i>: CO<sub>2</sub> and m<sup>2</sup>.</ArticleTitle>"#,
         #"ArticleTitle("Ketamine in " i("status epilepticus") ": CO" sub("2") " and m" sup("2") ".")"#),
        (#"<a><b x="1" /><c/><d></d></a>"#, #"a(b[x="1"]() c() d())"#),
        (#"<a x='say "hi"' y="it's"/>"#, #"a[x="say \"hi\"" y="it's"]()"#),
        ("<a>\r\n1\r2\n3\r\n</a>", #"a("\n1\n2\n3\n")"#),
        // Literal whitespace in a value becomes spaces (CRLF one space); referenced stays as is.
        ("<a x=\"1\r\n2\t3\n4\r5\" y=\"&#10;&#9;&#13;\"/>", #"a[x="1 2 3 4 5" y="\n\t\r"]()"#),
        ("<a><![CDATA[1\r\n2\r3]]></a>", #"a("1\n2\n3")"#),
        ("\u{FEFF}<a/>", "a()"),
        ("<a>\n  <b/>\n</a>", #"a("\n  " b() "\n")"#),
        (#"<ns:a-b.c_d é="1" _x="2"><Straße/></ns:a-b.c_d>"#, #"ns:a-b.c_d[é="1" _x="2"](Straße())"#),
        ("<a\n  x = \"1\"\t\n></a >", #"a[x="1"]()"#),
        (#"<a>x > y ]> z</a>"#, #"a("x > y ]> z")"#),
        ("<a/>\n<!-- c -->\n<?pi?>\n", "a()"),
        ("<a>Müller – 😀 \u{85}</a>", "a(\"Müller – 😀 \u{85}\")"),
    ]

    @Test("reads well-formed documents", arguments: wellFormed)
    func wellFormedInput(_ example: (input: String, expected: String)) throws {
        let root = try XMLReader.parse(Array(example.input.utf8))
        #expect(Self.render(root) == example.expected)
    }

    /// Malformed input, the start of the message expected, and where.
    static let malformed: [(input: String, message: String, line: Int, column: Int)] = [
        ("", "the document holds no root element", 1, 1),
        ("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n", "the document holds no root element", 3, 1),
        ("x<a/>", "text before the root element", 1, 1),
        ("<a/>x", "text after the root element <a>", 1, 5),
        ("<a/>\n<b/>", "a second element after the root element <a>", 2, 1),
        ("<r>\n\n<a>x</b></a></r>", "end tag </b> does not match <a> opened on line 3", 3, 5),
        ("<a>\r\n<b>\r</c></b></a>", "end tag </c> does not match <b> opened on line 2", 3, 1),
        ("<a>\n<b>text", "element <b> opened on line 2 is not closed at the end of the input", 2, 8),
        ("<a x=\"1<2\"/>", "'<' is not allowed in an attribute value", 1, 8),
        ("<a x=\"&amp;<\"/>", "'<' is not allowed in an attribute value", 1, 12),
        ("<a x \"1\"/>", "expected '=' after attribute name 'x'", 1, 6),
        ("<a x=1/>", "expected the value of attribute 'x' in single or double quotes", 1, 6),
        ("<a x=\"1\" x='2'/>", "duplicate attribute 'x' in <a>", 1, 10),
        ("<a x=\"1\"y=\"2\"/>", "expected a space, '>' or '/>' in the start tag <a>", 1, 9),
        ("<a x=\"1\"", "the start tag <a> is not closed", 1, 1),
        ("<a x=\"1/>", "the value of attribute 'x' is not closed", 1, 6),
        ("<a/ >", "expected '>' after '/' in the start tag <a>", 1, 3),
        ("<a>< b/></a>", "expected an element name after '<', found a space", 1, 5),
        ("<", "expected an element name after '<', found the end of the input", 1, 2),
        ("<1a/>", "an element name must start with a letter, '_' or ':', not '1'", 1, 2),
        ("<a -x=\"1\"/>", "an attribute name must start with a letter", 1, 4),
        ("<a></>", "expected an element name after '</'", 1, 6),
        ("<a></a x>", "expected '>' to close the end tag </a>", 1, 8),
        ("</a>", "an end tag before the root element", 1, 1),
        ("<a>&nbsp;</a>", "unknown entity '&nbsp;' (only the five predefined entities and character references are read)", 1, 4),
        ("<a x=\"&bogus;\"/>", "unknown entity '&bogus;'", 1, 7),
        ("<a>é&bad;</a>", "unknown entity '&bad;'", 1, 5),
        ("<a>fish & chips</a>", "'&' must start an entity or character reference", 1, 9),
        ("<a>&#0;</a>", "character reference &#0; names U+0000, which XML does not allow", 1, 4),
        ("<a>&#1;</a>", "character reference &#1; names U+0001", 1, 4),
        ("<a>&#xFFFE;</a>", "character reference &#xFFFE; names U+FFFE", 1, 4),
        ("<a>&#xD800;</a>", "character reference &#xD800; names a surrogate", 1, 4),
        ("<a>&#x110000;</a>", "character reference &#x110000; is beyond U+10FFFF", 1, 4),
        ("<a>&#999999999999999999999999999999;</a>", "character reference &#999999999999999999…; is beyond U+10FFFF", 1, 4),
        ("<a>&#65</a>", "a character reference '&#' needs decimal digits", 1, 4),
        ("<a>&#X41;</a>", "a character reference '&#' needs decimal digits", 1, 4),
        ("<a>&#x;</a>", "a character reference '&#x' needs hexadecimal digits", 1, 4),
        ("<a>\u{1}</a>", "the control character U+0001 is not allowed in XML", 1, 4),
        ("<a>x]]>y</a>", "']]>' is not allowed in text", 1, 5),
        ("<a><!-- x</a>", "a comment is not closed", 1, 4),
        ("<a><![CDATA[x</a>", "a CDATA section is not closed", 1, 4),
        ("<a><?pi x</a>", "a processing instruction is not closed", 1, 4),
        ("<?  ?><a/>", "expected a processing instruction target after '<?'", 1, 3),
        ("\n<?xml version=\"1.0\"?><a/>", "the XML declaration '<?xml …?>' is only allowed at the very start", 2, 1),
        ("<!DOCTYPE a [ <!ELEMENT a ANY> <a/>", "the DOCTYPE is not closed", 1, 1),
        ("<!DOCTYPE a SYSTEM \"a.dtd><a/>", "a quoted literal in the DOCTYPE is not closed", 1, 20),
        ("<!DOCTYPEa><a/>", "expected a space after '<!DOCTYPE'", 1, 10),
        ("<!DOCTYPE a><!DOCTYPE a><a/>", "a second DOCTYPE", 1, 13),
        ("<a/><!DOCTYPE a>", "a DOCTYPE after the root element <a>", 1, 5),
        ("<a><!DOCTYPE a></a>", "a DOCTYPE inside an element", 1, 4),
        ("<![CDATA[x]]><a/>", "a CDATA section outside the root element", 1, 1),
        ("<a><!foo></a>", "expected '<!--' or '<![CDATA[' after '<!'", 1, 4),
    ]

    @Test("reports malformed XML with line and column", arguments: malformed)
    func malformedInput(_ example: (input: String, message: String, line: Int, column: Int)) throws {
        let error = try #require(Self.failure(Array(example.input.utf8)))
        #expect(error.message.hasPrefix(example.message), "\(error)")
        #expect(error.line == example.line, "\(error)")
        #expect(error.column == example.column, "\(error)")
    }

    @Test("rejects invalid UTF-8 and XML noncharacters, naming the byte and its offset")
    func invalidUTF8() throws {
        let cases: [(bytes: [UInt8], message: String, line: Int, column: Int)] = [
            (Array("<a>\nab".utf8) + [0xFF] + Array("</a>".utf8),
             "invalid UTF-8 byte 0xFF at byte offset 6; XML files must be UTF-8", 2, 3),
            (Array("<a>é".utf8) + [0xC3], "invalid UTF-8 byte 0xC3 at byte offset 5; XML files must be UTF-8", 1, 5),
            ([0xC0, 0x80], "invalid UTF-8 byte 0xC0 at byte offset 0; XML files must be UTF-8", 1, 1),
            (Array("<a>".utf8) + [0xED, 0xA0, 0x80] + Array("</a>".utf8),
             "invalid UTF-8 byte 0xED at byte offset 3; XML files must be UTF-8", 1, 4),
            (Array("<a>".utf8) + [0xEF, 0xBF, 0xBF] + Array("</a>".utf8), "the noncharacter U+FFFF is not allowed in XML", 1, 4),
        ]
        for example in cases {
            let error = try #require(Self.failure(example.bytes))
            #expect(error == XMLError(message: example.message, line: example.line, column: example.column))
        }
    }

    @Test("describes an error as line, column and message")
    func errorDescription() {
        #expect(XMLError(message: "text after the root element <a>", line: 2, column: 3).description
                == "line 2, column 3: text after the root element <a>")
    }

    @Test("attribute, child, children, path and text")
    func helpers() throws {
        let root = try XMLReader.parse(Array(#"<r k="v"><AbstractText>a <i>b</i> c</AbstractText><x>1</x><x>2</x><y><z>deep</z></y></r>"#.utf8))
        #expect(root.attribute("k") == "v")
        #expect(root.attribute("missing") == nil)
        #expect(root.child("AbstractText")?.text == "a b c")
        #expect(root.children("x").map(\.text) == ["1", "2"])
        #expect(root.child("x")?.text == "1")
        #expect(root.children("missing").isEmpty)
        #expect(root.path("y", "z")?.text == "deep")
        #expect(root.path("y", "missing") == nil)
        #expect(root.path() == root)
        #expect(root.text == "a b c12deep")
    }

    @Test("records each start tag's line, CRLF and a lone CR each ending one line")
    func lines() throws {
        let root = try XMLReader.parse(Array("<a>\r\n<b/>\r<c/>\n\n<d\n/></a>".utf8))
        #expect(root.line == 1)
        #expect(root.child("b")?.line == 2)
        #expect(root.child("c")?.line == 3)
        #expect(root.child("d")?.line == 5)
    }

    static let pubmed = """
    <?xml version="1.0" ?>
    <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
    <PubmedArticleSet>
    <PubmedArticle>
        <MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">
            <PMID Version="1">31234567</PMID>
            <Article PubModel="Print-Electronic">
                <Journal>
                    <Title>Annals of Emergency Medicine</Title>
                </Journal>
                <ArticleTitle>Intranasal ketamine <i>versus</i> placebo for migraine with aura: a randomized trial of 0.4&#8211;0.7 mg/kg.</ArticleTitle>
                <Abstract>
                    <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Ketamine blocks <i>N</i>-methyl-D-aspartate receptors &amp; may shorten aura.</AbstractText>
                    <AbstractText Label="RESULTS" NlmCategory="RESULTS">Pain fell by 2.5 points (95% CI 1.1 to 3.9; <i>p</i> &lt; 0.01) in 30 patients.</AbstractText>
                </Abstract>
                <AuthorList CompleteYN="Y">
                    <Author ValidYN="Y">
                        <LastName>Müller</LastName>
                        <ForeName>Anna</ForeName>
                        <Initials>A</Initials>
                    </Author>
                    <Author ValidYN="Y">
                        <LastName>O'Brien</LastName>
                        <ForeName>Sean P</ForeName>
                        <Initials>SP</Initials>
                    </Author>
                </AuthorList>
                <PublicationTypeList>
                    <PublicationType UI="D016449">Randomized Controlled Trial</PublicationType>
                    <PublicationType UI="D016428">Journal Article</PublicationType>
                </PublicationTypeList>
            </Article>
        </MedlineCitation>
        <PubmedData>
            <ArticleIdList>
                <ArticleId IdType="pubmed">31234567</ArticleId>
                <ArticleId IdType="doi">10.1016/j.annemergmed.2019.01.001</ArticleId>
            </ArticleIdList>
        </PubmedData>
    </PubmedArticle>
    </PubmedArticleSet>
    """

    @Test("reads a PubmedArticleSet through path, children and text")
    func pubmedArticleSet() throws {
        let root = try XMLReader.parse(Array(Self.pubmed.utf8))
        #expect(root.name == "PubmedArticleSet")
        let articles = root.children("PubmedArticle")
        #expect(articles.count == 1)
        let article = try #require(articles.first)

        let pmid = try #require(article.path("MedlineCitation", "PMID"))
        #expect(pmid.text == "31234567")
        #expect(pmid.attribute("Version") == "1")
        #expect(pmid.line == 6)

        let journal = article.path("MedlineCitation", "Article", "Journal", "Title")?.text
        #expect(journal == "Annals of Emergency Medicine")
        let title = article.path("MedlineCitation", "Article", "ArticleTitle")?.text
        #expect(title == "Intranasal ketamine versus placebo for migraine with aura: a randomized trial of 0.4–0.7 mg/kg.")

        let abstract = try #require(article.path("MedlineCitation", "Article", "Abstract"))
        let sections = abstract.children("AbstractText")
        let labels = sections.map { $0.attribute("Label") }
        #expect(labels == ["BACKGROUND", "RESULTS"])
        let texts = sections.map(\.text)
        #expect(texts == [
            "Ketamine blocks N-methyl-D-aspartate receptors & may shorten aura.",
            "Pain fell by 2.5 points (95% CI 1.1 to 3.9; p < 0.01) in 30 patients.",
        ])

        let authors = article.path("MedlineCitation", "Article", "AuthorList")?.children("Author") ?? []
        let lastNames = authors.map { $0.child("LastName")?.text }
        let initials = authors.map { $0.child("Initials")?.text }
        #expect(lastNames == ["Müller", "O'Brien"])
        #expect(initials == ["A", "SP"])

        let types = article.path("MedlineCitation", "Article", "PublicationTypeList")?.children("PublicationType") ?? []
        #expect(types.map(\.text) == ["Randomized Controlled Trial", "Journal Article"])
        #expect(types.map { $0.attribute("UI") } == ["D016449", "D016428"])

        let ids = article.path("PubmedData", "ArticleIdList")?.children("ArticleId") ?? []
        let doi = ids.first { $0.attribute("IdType") == "doi" }?.text
        #expect(doi == "10.1016/j.annemergmed.2019.01.001")
        #expect(article.path("MedlineCitation", "Nope") == nil)
    }

    @Test("refuses nesting deeper than the limit, at the element that goes too deep")
    func depth() throws {
        let shallow = String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)
        var element = try XMLReader.parse(Array(shallow.utf8))
        var levels = 1
        while let inner = element.child("a") {
            element = inner
            levels += 1
        }
        #expect(levels == 200)

        let atLimit = String(repeating: "<a>", count: 256) + String(repeating: "</a>", count: 256)
        #expect(Self.failure(Array(atLimit.utf8)) == nil)

        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let error = try #require(Self.failure(Array(deep.utf8)))
        #expect(error == XMLError(message: "element <a> is nested deeper than 256 elements", line: 1, column: 256 * 3 + 1))

        let nested = Array("<a><b><c/></b></a>".utf8)
        #expect(Self.failure(nested, maximumDepth: 2)?.message == "element <c> is nested deeper than 2 elements")
        #expect(Self.failure(nested, maximumDepth: 3) == nil)

        // Far deeper input is refused, not a stack overflow.
        let hostile = String(repeating: "<a>", count: 100_000)
        #expect(Self.failure(Array(hostile.utf8))?.message == "element <a> is nested deeper than 256 elements")
    }

    @Test("reads a text node of over a megabyte, plain and with references and CRLF")
    func largeText() throws {
        let body = String(repeating: "abcdefghij", count: 110_000)
        let root = try XMLReader.parse(Array(("<a>" + body + "</a>").utf8))
        #expect(root.children.count == 1)
        #expect(root.text.utf8.count == body.utf8.count)
        #expect(root.text == body)

        let escaped = String(repeating: "a &amp; b\r\n", count: 100_000)
        let decoded = try XMLReader.parse(Array(("<a>" + escaped + "</a>").utf8))
        #expect(decoded.children.count == 1)
        #expect(decoded.text == String(repeating: "a & b\n", count: 100_000))
    }

    // MARK: Helpers

    /// The error parsing `bytes` gives, or nil when it parses.
    static func failure(_ bytes: [UInt8], maximumDepth: Int = 256) -> XMLError? {
        do throws(XMLError) {
            _ = try XMLReader.parse(bytes, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }

    /// The tree on one line: name[attribute="value" …](children …), text quoted.
    static func render(_ element: XMLElement) -> String {
        var out = element.name
        if !element.attributes.isEmpty {
            out += "[" + element.attributes.map { "\($0.name)=\(quoted($0.value))" }.joined(separator: " ") + "]"
        }
        let children: [String] = element.children.map { node in
            switch node {
            case .text(let text): return quoted(text)
            case .element(let child): return render(child)
            }
        }
        return out + "(" + children.joined(separator: " ") + ")"
    }

    /// Text in double quotes with `\`, `"`, LF, CR and tab escaped, everything else as is.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
