/// Turns one data file's bytes into records, reporting every problem it finds.
public enum DataFileDecoder {
    /// The value of a data file's `format` field.
    public static let formatIdentifier = "study-browser-data/1"

    /// Decodes a file; records with problems are left out of the returned dataset.
    /// `progress`, if given, hears the stage and how far it has come. Files of `parallelBytes`
    /// or more have their studies decoded in `parallelChunks` pieces on every core (the
    /// differential fuzzer sets both to reach that path with small files).
    public static func decode(_ bytes: [UInt8], file: String, progress: LoadProgress? = nil,
                              parallelBytes: Int = parallelBytes, parallelChunks: Int = parallelChunks)
        -> (dataset: Dataset, problems: [DataProblem]) {
        let layout = bytes.count >= parallelBytes ? JSONStructure.array(under: "studies", in: bytes) : nil
        return decode(bytes, file: file, progress: progress, studies: layout, parallelBytes: parallelBytes, parallelChunks: parallelChunks)
    }

    /// The same, with the studies array already found by `JSONStructure` (nil: not found, or
    /// the file is too small to be decoded in pieces).
    static func decode(_ bytes: [UInt8], file: String, progress: LoadProgress? = nil, studies layout: JSONStructure.ArrayLayout?,
                       parallelBytes: Int = parallelBytes, parallelChunks: Int = parallelChunks)
        -> (dataset: Dataset, problems: [DataProblem]) {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if bytes.isEmpty {
            return (Dataset(), [DataProblem(file: file, message: "empty file")])
        }
        if bytes.count >= parallelBytes, let layout,
           layout.elements.count >= 2 * parallelChunks,
           let decoded = decodeInParallel(bytes, file: file, name: name, layout: layout, chunks: parallelChunks, progress: progress) {
            return decoded
        }
        // Records are decoded as the parser finishes each one (see JSONParser's streaming):
        // a tree of the whole file is never built.
        let recordSink = ProblemSink(file: file)
        var streamed = Dataset()
        let root: JSONValue
        do {
            progress?.update("loading \(name)", 0)
            root = try JSONParser.parse(bytes, progress: progress.map { progress in { progress.update("loading \(name)", $0) } },
                                        streaming: ["sources", "indications", "reviews", "studies"]) { key, position, value in
                streamed.add(decodeElement(key, position, value, sink: recordSink, file: file))
            }
        } catch {
            return (Dataset(), [DataProblem(file: file, line: error.line, column: error.column, message: error.message)])
        }
        return finish(root, streamed, recordProblems: recordSink.problems, file: file)
    }

    /// Files this large have their studies parsed and decoded on every core.
    public static let parallelBytes = 4 << 20
    /// How many pieces the studies are cut into (more than cores, so uneven pieces even out).
    public static let parallelChunks = 8

    /// One record of the root object's arrays, decoded; nil when it has a problem.
    private static func decodeElement(_ key: String, _ position: Int, _ value: JSONValue, sink: ProblemSink, file: String) -> DecodedRecord? {
        let element = FieldReader.Element(value: value, arrayPath: key, offset: position)
        switch key {
        case "sources": return decodeRecord(element, sink: sink, idKey: "id") { decodeSource($0, origin: file) }.map(DecodedRecord.source)
        case "indications":
            return decodeRecord(element, sink: sink, idKey: "indication") { decodeContext($0, origin: file) }.map(DecodedRecord.context)
        case "reviews":
            return decodeRecord(element, sink: sink, idKey: "id") { ReviewDecoder.decode($0, origin: file) }.map(DecodedRecord.review)
        default: return decodeRecord(element, sink: sink, idKey: "id") { decodeStudy($0, origin: file) }.map(DecodedRecord.study)
        }
    }

    /// The studies parsed and decoded in pieces on every core, the rest of the file as usual.
    /// Nil when any piece meets a syntax error: the caller then parses the file from the start,
    /// so the message is exactly the one a plain parse gives.
    private static func decodeInParallel(_ bytes: [UInt8], file: String, name: String, layout: JSONStructure.ArrayLayout,
                                         chunks parallelChunks: Int, progress: LoadProgress?) -> (dataset: Dataset, problems: [DataProblem])? {
        // One sink per array, so problems can be put in file order whatever order the arrays are in.
        let sinks = ["sources": ProblemSink(file: file), "indications": ProblemSink(file: file), "reviews": ProblemSink(file: file)]
        var streamed = Dataset()
        let root: JSONValue
        do {
            progress?.update("loading \(name)", 0)
            root = try JSONParser.parse(bytes, streaming: ["sources", "indications", "reviews"],
                                        skipping: ["studies": (layout.start, layout.end)]) { key, position, value in
                guard let sink = sinks[key] else { return }
                streamed.add(decodeElement(key, position, value, sink: sink, file: file))
            }
        } catch {
            return nil
        }
        let elements = layout.elements
        let size = (elements.count + parallelChunks - 1) / parallelChunks
        let pieces = Parallel.map(parallelChunks) { piece -> (studies: [Study], problems: [DataProblem])? in
            let sink = ProblemSink(file: file)
            var studies: [Study] = []
            let range = min(piece * size, elements.count)..<min((piece + 1) * size, elements.count)
            studies.reserveCapacity(range.count)
            for position in range {
                if position % 4096 == 0 { progress?.advance("loading \(name)", by: 4096, of: elements.count) }
                // Elements of the root object's array: two containers deep.
                guard let value = try? JSONParser.parseElement(bytes, range: elements[position], depth: 2) else { return nil }
                let element = FieldReader.Element(value: value, arrayPath: "studies", offset: position)
                if let study = decodeRecord(element, sink: sink, idKey: "id", { decodeStudy($0, origin: file) }) { studies.append(study) }
            }
            return (studies, sink.problems)
        }
        var studyProblems: [DataProblem] = []
        for piece in pieces {
            guard let piece else { return nil }
            streamed.studies += piece.studies
            studyProblems += piece.problems
        }
        let arrays: [String]
        if case .object(let object) = root { arrays = object.keys } else { arrays = [] }
        let problems = arrays.flatMap { key in key == "studies" ? studyProblems : (sinks[key]?.problems ?? []) }
        return finish(root, streamed, recordProblems: problems, file: file)
    }

    /// The file-level checks, after the records: format, date, what the file holds.
    private static func finish(_ root: JSONValue, _ streamed: Dataset, recordProblems: [DataProblem],
                               file: String) -> (dataset: Dataset, problems: [DataProblem]) {
        let sink = ProblemSink(file: file)
        guard case .object(let object) = root else {
            sink.report(record: nil, field: nil, "expected a JSON object with \"format\", \"sources\", \"indications\" and/or \"studies\", found \(root.kindDescription)")
            return (Dataset(), sink.problems)
        }
        let top = FieldReader(object, sink: sink, record: nil)
        if let format = top.text("format", nullable: false), format != formatIdentifier {
            top.report("format", "unknown format \"\(format)\"; this version reads \"\(formatIdentifier)\"")
        }
        let checked = top.optionalText("checked")
        if let checked, !isISODate(checked) { top.report("checked", "expected a date as YYYY-MM-DD, found \"\(checked)\"") }
        // The format problem first, then the records' problems in file order, then the rest.
        let formatProblems = sink.problems.count
        var dataset = streamed
        dataset.checked = checked
        // Arrays were streamed; these calls report a key holding something other than an array.
        if top.has("sources") {
            dataset.sources += decodeRecords(top, key: "sources", sink: sink, idKey: "id") { decodeSource($0, origin: file) }
        }
        if top.has("indications") {
            dataset.contexts += decodeRecords(top, key: "indications", sink: sink, idKey: "indication") {
                decodeContext($0, origin: file)
            }
        }
        if top.has("reviews") {
            dataset.reviews += decodeRecords(top, key: "reviews", sink: sink, idKey: "id") { ReviewDecoder.decode($0, origin: file) }
        }
        if top.has("studies") {
            dataset.studies += decodeRecords(top, key: "studies", sink: sink, idKey: "id") { decodeStudy($0, origin: file) }
        }
        if !top.has("sources") && !top.has("indications") && !top.has("studies") && !top.has("reviews") {
            top.report(nil, "the file holds no \"sources\", \"indications\", \"reviews\" or \"studies\"")
        }
        top.finish()
        let problems = Array(sink.problems[..<formatProblems]) + recordProblems + Array(sink.problems[formatProblems...])
        return (dataset, problems)
    }

    /// A record of any kind, as the parser hands them over.
    fileprivate enum DecodedRecord {
        case source(SourceDocument)
        case context(IndicationContext)
        case review(Review)
        case study(Study)
    }

    /// Decodes one record; nil when it is not an object or added a problem.
    private static func decodeRecord<Record>(_ element: FieldReader.Element, sink: ProblemSink, idKey: String,
                                             _ decode: (FieldReader) -> Record?) -> Record? {
        guard case .object(let object) = element.value else {
            sink.report(record: element.path, field: nil, "expected an object, found \(element.value.kindDescription)")
            return nil
        }
        let label: String
        if case .string(let id)? = object[idKey], !id.isEmpty, id.count <= 80 { label = id } else { label = element.path }
        let before = sink.problems.count
        let reader = FieldReader(object, sink: sink, record: label)
        let record = decode(reader)
        reader.finish()
        return sink.problems.count == before ? record : nil
    }

    /// Decodes an array of records; a record is kept only if it added no problem.
    private static func decodeRecords<Record>(
        _ top: FieldReader, key: String, sink: ProblemSink, idKey: String, _ decode: (FieldReader) -> Record?
    ) -> [Record] {
        guard let elements = top.array(key) else { return [] }
        return elements.compactMap { decodeRecord($0, sink: sink, idKey: idKey, decode) }
    }

    // MARK: Sources

    private static func decodeSource(_ reader: FieldReader, origin: String) -> SourceDocument? {
        let id = reader.text("id", nullable: false)
        if let id, SourceRef(parsing: id) == nil || id.contains("#") {
            reader.report("id", "a source id may hold letters, digits, '-', '_' and '.' only")
        }
        let file = reader.text("file")
        let title = reader.text("title", nullable: false)
        let publisher = reader.text("publisher")
        let date = reader.text("date")
        if let date, !isISODate(date) { reader.report("date", "expected a date as YYYY-MM-DD, found \"\(date)\"") }
        let kind = reader.choice("kind", SourceDocument.Kind.self)
        let note = reader.optionalText("note")
        var unlinked: [SourceDocument.UnlinkedReference] = []
        for entry in reader.objects("unlinkedReferences", required: false) ?? [] {
            let number = entry.integer("reference", nullable: false)
            if let number, number < 1 { entry.report("reference", "reference numbers start at 1") }
            let reason = entry.text("reason", nullable: false)
            entry.finish()
            if let number, let reason { unlinked.append(.init(reference: number, reason: reason)) }
        }
        var references: [Int: String] = [:]
        for entry in reader.objects("references", required: false) ?? [] {
            let number = entry.integer("number", nullable: false)
            let text = entry.text("reference", nullable: false)
            entry.finish()
            guard let number, let text else { continue }
            if number < 1 {
                entry.report("number", "reference numbers start at 1")
            } else if references[number] != nil {
                entry.report("number", "reference \(number) is listed twice")
            } else {
                references[number] = text
            }
        }
        guard let id, let title, let kind else { return nil }
        return SourceDocument(id: id, file: file, title: title, publisher: publisher, date: date, kind: kind,
                              note: note, unlinkedReferences: unlinked, references: references, origin: origin)
    }

    private static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    // MARK: Indication context

    private static func decodeContext(_ reader: FieldReader, origin: String) -> IndicationContext? {
        let indication = reader.choice("indication", Indication.self)
        var statements: [IndicationContext.Statement] = []
        let entries = reader.objects("statements") ?? []
        if entries.isEmpty { reader.report("statements", "an indication record needs at least one statement") }
        for entry in entries {
            let topic = entry.choice("topic", IndicationContext.Statement.Topic.self)
            let kind = entry.choice("kind", IndicationContext.Statement.Kind.self)
            let source = entry.sourceRef("source")
            let text = entry.text("text", nullable: false)
            entry.finish()
            if let topic, let kind, let source, let text {
                statements.append(.init(topic: topic, kind: kind, source: source, text: text))
            }
        }
        guard let indication else { return nil }
        return IndicationContext(indication: indication, statements: statements, origin: origin)
    }

    // MARK: Studies

    /// The most years before or after today a publication year may be.
    static let plausibleYears = 1900...2100

    private static func decodeStudy(_ reader: FieldReader, origin: String) -> Study? {
        let id = reader.text("id", nullable: false)
        if let id, !isValidStudyID(id) {
            reader.report("id", "an id is lowercase letters and digits in hyphen-separated parts, like etchison-2018")
        }
        let indication = reader.choice("indication", Indication.self)
        let condition = reader.text("condition")
        let citation = reader.object("citation").flatMap(decodeCitation)
        let design = reader.object("design").flatMap { decodeDesign($0) }
        let setting = reader.text("setting")
        let population = reader.text("population")
        let sampleSize = reader.object("sampleSize").flatMap(decodeSampleSize)
        let doses = (reader.objects("doses") ?? []).map(decodeDose)
        let comparator = reader.object("comparator", nullable: true).flatMap(decodeComparator)
        let outcome = reader.object("outcome").flatMap(decodeOutcome)
        let adverseEffects = reader.text("adverseEffects")
        let notes = reader.optionalText("notes")
        let provenanceReaders = reader.objects("provenance") ?? []
        if reader.has("provenance") && provenanceReaders.isEmpty {
            reader.report("provenance", "every study needs at least one provenance entry")
        }
        let provenance = provenanceReaders.map(decodeProvenance)
        let primary = reader.has("primary") ? reader.object("primary", nullable: true).flatMap(PrimaryRecordDecoder.decode) : nil
        let record = reader.has("record") ? reader.object("record", nullable: true).flatMap(decodeImportedRecord) : nil
        guard let id, let indication, let citation, let design, let sampleSize, let outcome else { return nil }
        return Study(
            id: id, indication: indication, condition: condition, citation: citation, design: design,
            setting: setting, population: population, sampleSize: sampleSize, doses: doses.compactMap { $0 },
            comparator: comparator, outcome: outcome, adverseEffects: adverseEffects, notes: notes,
            provenance: provenance.compactMap { $0 }, primary: primary, record: record, origin: origin
        )
    }

    /// The optional `record` block of an imported study.
    private static func decodeImportedRecord(_ reader: FieldReader) -> ImportedRecord? {
        let source = reader.sourceRef("source")
        let format = reader.choice("format", ImportedRecord.Format.self)
        let identifiers = PrimaryRecordDecoder.decodeIdentifiers(reader)
        var abstract: [ImportedRecord.Section] = []
        for section in reader.objects("abstract") ?? [] {
            let label = section.text("label")
            if let text = section.text("text", nullable: false) { abstract.append(.init(label: label, text: text)) }
            section.finish()
        }
        let publicationTypes = PrimaryRecordDecoder.texts(reader, "publicationTypes")
        let headings = PrimaryRecordDecoder.texts(reader, "headings")
        let status = reader.text("status")
        let importedOn = reader.text("importedOn", nullable: false)
        if let importedOn, !isISODate(importedOn) { reader.report("importedOn", "a date is YYYY-MM-DD") }
        reader.finish()
        guard let source, let format, let importedOn else { return nil }
        return ImportedRecord(source: source, format: format, identifiers: identifiers, abstract: abstract,
                              publicationTypes: publicationTypes, headings: headings, status: status, importedOn: importedOn)
    }

    static func isValidStudyID(_ id: String) -> Bool {
        // Bytes, not characters: this runs once per study on every load.
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= 80 else { return false }
        var previous = UInt8(ascii: "-")
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    private static func decodeCitation(_ reader: FieldReader) -> Citation? {
        defer { reader.finish() }
        let year = reader.integer("year")
        if let year, !plausibleYears.contains(year) {
            reader.report("year", "\(year) is not a plausible publication year")
        }
        let reference = reader.text("reference")
        // Optional, so older files still load; `validate` asks for it where a reference list exists.
        var source: SourceRef?
        if let raw = reader.text("source", required: false) {
            source = SourceRef(parsing: raw)
            if source?.references.count != 1 {
                reader.report("source", "\"\(raw)\" does not name one reference; write the reference this text is, like seed-002#24")
                source = nil
            }
        }
        if source != nil && reference == nil {
            reader.report("source", "a reference number without the reference text")
        }
        return Citation(
            reference: reference, firstAuthor: reader.text("firstAuthor"), year: year,
            title: reader.text("title"), journal: reader.text("journal"), volume: reader.text("volume"),
            issue: reader.text("issue"), pages: reader.text("pages"), note: reader.optionalText("note"),
            source: source
        )
    }

    static func decodeDesign(_ reader: FieldReader, defaultSource: SourceRef? = nil) -> StudyDesign? {
        defer { reader.finish() }
        let kind = reader.choice("kind", DesignKind.self)
        let randomized = reader.flag("randomized")
        let blinding = reader.choice("blinding", StudyDesign.Blinding.self, nullable: true)
        let control = reader.choice("control", StudyDesign.Control.self, nullable: true)
        let description = reader.text("description", nullable: false)
        let gradedDownFor = defaultSource == nil || reader.has("gradedDownFor") ? reader.text("gradedDownFor") : nil
        // A primary record's design is sourced to the record unless it says otherwise.
        let source = defaultSource != nil && !reader.has("source") ? defaultSource : reader.sourceRef("source")
        if let kind {
            if kind.isRandomizedTrial && randomized == false {
                reader.report("randomized", "false contradicts kind \"\(kind.rawValue)\", a randomized trial")
            }
            if randomized == true && !kind.isRandomizedTrial && kind != .systematicReview {
                reader.report("randomized", "true, but kind \"\(kind.rawValue)\" is not a randomized trial; use rct-parallel or rct-crossover")
            }
        }
        guard let kind, let description, let source else { return nil }
        return StudyDesign(kind: kind, randomized: randomized, blinding: blinding, control: control,
                           description: description, gradedDownFor: gradedDownFor, source: source)
    }

    private static func decodeSampleSize(_ reader: FieldReader) -> SampleSize? {
        defer { reader.finish() }
        let total = reader.integer("total")
        if let total, total < 1 {
            reader.report("total", total < 0 ? "negative sample size \(total)" : "a sample size of 0; use null when not reported")
        }
        let arms = decodeArms(reader, required: true)
        let source = reader.sourceRef("source")
        let note = reader.optionalText("note")
        let size = source.map { SampleSize(total: total, arms: arms, source: $0, note: note) }
        if let total, let sum = size?.armSum, sum != total {
            reader.report("arms", "the arms add up to \(sum) but the total is \(total)")
        }
        return size
    }

    /// A sample size's `arms`: `label` and `n` (null when not given, never negative).
    static func decodeArms(_ reader: FieldReader, required: Bool) -> [SampleSize.Arm] {
        var arms: [SampleSize.Arm] = []
        for arm in reader.objects("arms", required: required) ?? [] {
            let label = arm.text("label", nullable: false)
            let count = arm.integer("n")
            if let count, count < 0 { arm.report("n", "negative count \(count)") }
            arm.finish()
            if let label { arms.append(.init(label: label, count: count)) }
        }
        return arms
    }

    static func decodeDose(_ reader: FieldReader) -> Dose? {
        defer { reader.finish() }
        let arm = reader.text("arm")
        let route = reader.choice("route", Route.self, nullable: true)
        let value = reader.number("value", required: false)
        let low = reader.number("low", required: false)
        let high = reader.number("high", required: false)
        let unitText = reader.text("unit")
        let regimen = reader.text("regimen")
        let basis = reader.choice("basis", Dose.Basis.self)
        let reported = reader.text("reported")
        let source = reader.sourceRef("source")
        let note = reader.optionalText("note")

        var bounds: (low: Double, high: Double)?
        var valid = true
        switch (value, low, high) {
        case (nil, nil, nil): bounds = nil
        case (let value?, nil, nil): bounds = (value, value)
        case (nil, let low?, let high?): bounds = (low, high)
        case (_?, _, _):
            reader.report("value", "give either value or low and high, not both")
            valid = false
        case (nil, _, _):
            reader.report(low == nil ? "low" : "high", "low and high go together; for a single figure use value")
            valid = false
        }
        if let bounds {
            if bounds.low < 0 || bounds.high < 0 {
                reader.report(value != nil ? "value" : "low", "a dose cannot be negative")
                valid = false
            }
            if bounds.low > bounds.high {
                reader.report("low", "low (\(JSONWriter.format(bounds.low))) is greater than high (\(JSONWriter.format(bounds.high)))")
                valid = false
            }
        }
        var dimension: DoseDimension?
        if let unitText {
            dimension = DoseDimension(unit: unitText)
            if dimension == nil {
                let units = DoseDimension.allCases.map(\.unit).joined(separator: ", ")
                reader.report("unit", "unknown unit \"\(unitText)\"; expected one of: \(units)")
                valid = false
            }
        }
        if bounds != nil && unitText == nil {
            reader.report("unit", "an amount needs a unit")
            valid = false
        }
        if bounds == nil && unitText != nil {
            reader.report("unit", "a unit without an amount; give value, or low and high")
            valid = false
        }
        guard valid, let basis, let source else { return nil }
        return Dose(arm: arm, route: route, low: bounds?.low, high: bounds?.high, dimension: dimension,
                    regimen: regimen, basis: basis, reported: reported, source: source, note: note)
    }

    static func decodeComparator(_ reader: FieldReader) -> Comparator? {
        defer { reader.finish() }
        let label = reader.text("label", nullable: false)
        let doses = (reader.objects("doses") ?? []).map(decodeDose)
        guard let label else { return nil }
        return Comparator(label: label, doses: doses.compactMap { $0 })
    }

    private static func decodeOutcome(_ reader: FieldReader) -> Outcome? {
        defer { reader.finish() }
        let measure = reader.text("measure")
        let result = reader.text("result")
        let direction = reader.choice("direction", EffectDirection.self)
        var figures: [Outcome.Figure] = []
        for figure in reader.objects("figures") ?? [] {
            let label = figure.text("label", nullable: false)
            let value = figure.text("value", nullable: false)
            let source = figure.sourceRef("source")
            let attribution = figure.choice("attribution", Provenance.Attribution.self)
            let note = figure.optionalText("note")
            figure.finish()
            if let label, let value, let source, let attribution {
                figures.append(.init(label: label, value: value, source: source, attribution: attribution, note: note))
            }
        }
        let source = reader.sourceRef("source")
        let caveats = PrimaryRecordDecoder.caveats(reader)
        guard let direction, let source else { return nil }
        return Outcome(measure: measure, result: result, direction: direction, figures: figures, source: source, caveats: caveats)
    }

    private static func decodeProvenance(_ reader: FieldReader) -> Provenance? {
        defer { reader.finish() }
        let source = reader.sourceRef("source")
        let attribution = reader.choice("attribution", Provenance.Attribution.self)
        let note = reader.optionalText("note")
        guard let source, let attribution else { return nil }
        return Provenance(source: source, attribution: attribution, note: note)
    }
}

private extension Dataset {
    /// Adds a decoded record to its list.
    mutating func add(_ record: DataFileDecoder.DecodedRecord?) {
        switch record {
        case .source(let source)?: sources.append(source)
        case .context(let context)?: contexts.append(context)
        case .review(let review)?: reviews.append(review)
        case .study(let study)?: studies.append(study)
        case nil: break
        }
    }
}
