/// Reads a study's `primary` block: what its own record shows, free text and structured values.
enum PrimaryRecordDecoder {
    static func decode(_ reader: FieldReader) -> PrimaryRecord? {
        defer { reader.finish() }
        let status = reader.choice("status", PrimaryRecord.Status.self)
        let source = reader.sourceRef("source")
        let seenOn = reader.optionalText("seenOn")
        let confidence = reader.has("confidence") ? reader.choice("confidence", PrimaryRecord.Confidence.self, nullable: true) : nil
        let citation = reader.optionalText("citation")
        let summary = reader.optionalText("summary")
        let note = reader.optionalText("note")
        let identifiers = decodeIdentifiers(reader)
        var figures: [PrimaryRecord.Figure] = []
        for entry in reader.objects("figures", required: false) ?? [] {
            let label = entry.text("label", nullable: false)
            let value = entry.text("value", nullable: false)
            entry.finish()
            if let label, let value { figures.append(.init(label: label, value: value)) }
        }
        var differences: [PrimaryRecord.Difference] = []
        for entry in reader.objects("differences", required: false) ?? [] {
            let topic = entry.text("topic", nullable: false)
            let seed = entry.text("seed", nullable: false)
            let primary = entry.text("primary", nullable: false)
            entry.finish()
            if let topic, let seed, let primary { differences.append(.init(topic: topic, seed: seed, primary: primary)) }
        }
        var design: StudyDesign?
        var designSeenOn: String?
        if reader.has("design"), let designReader = reader.object("design", nullable: true) {
            designSeenOn = designReader.optionalText("seenOn")
            design = DataFileDecoder.decodeDesign(designReader, defaultSource: source)
        }
        let sampleSize = reader.has("sampleSize") ? reader.object("sampleSize", nullable: true).flatMap(decodeSampleSize) : nil
        let doses = (reader.objects("doses", required: false) ?? []).compactMap(DataFileDecoder.decodeDose)
        let comparator = reader.has("comparator") ? reader.object("comparator", nullable: true).flatMap(DataFileDecoder.decodeComparator) : nil
        let outcomes = texts(reader, "outcomes")
        let direction = reader.has("direction") ? reader.choice("direction", EffectDirection.self, nullable: true) : nil
        let estimates = (reader.objects("estimates", required: false) ?? []).compactMap { decodeEstimate($0) }
        let caveats = caveats(reader)
        let inconsistencies = texts(reader, "inconsistencies")
        let overlaps = (reader.objects("overlaps", required: false) ?? []).compactMap(decodeOverlap)
        let structured = design != nil || sampleSize != nil || !doses.isEmpty || comparator != nil || !outcomes.isEmpty
            || direction != nil || !estimates.isEmpty || !caveats.isEmpty || !inconsistencies.isEmpty || !overlaps.isEmpty
        if status == .found {
            if seenOn == nil { reader.report("seenOn", "a found primary record says where it was seen") }
            if confidence == nil { reader.report("confidence", "a found primary record gives its confidence: full-text, abstract or secondary") }
            if summary == nil { reader.report("summary", "a found primary record needs a summary") }
        }
        if status == .notFound && (summary != nil || !figures.isEmpty || !differences.isEmpty || structured) {
            reader.report("status", "\"not-found\" records cannot have a summary, figures, differences or structured values")
        }
        guard let status, let source else { return nil }
        return PrimaryRecord(
            status: status, source: source, seenOn: seenOn, confidence: confidence, citation: citation,
            identifiers: identifiers, summary: summary, figures: figures, differences: differences, note: note,
            design: design, designSeenOn: designSeenOn, sampleSize: sampleSize, doses: doses, comparator: comparator,
            outcomes: outcomes, direction: direction, estimates: estimates, caveats: caveats,
            inconsistencies: inconsistencies, overlaps: overlaps)
    }

    /// The optional `caveats` list of an outcome or primary block.
    static func caveats(_ reader: FieldReader) -> [StrengthMark] {
        var marks: [StrengthMark] = []
        for element in reader.array("caveats", required: false) ?? [] {
            guard case .string(let raw) = element.value, let mark = StrengthMark(rawValue: raw), StrengthMark.curated.contains(mark) else {
                let allowed = StrengthMark.curated.map(\.rawValue).joined(separator: ", ")
                reader.sink.report(record: reader.record, field: element.path,
                                   "expected one of: \(allowed) (shared citations are read from attribution)")
                continue
            }
            if marks.contains(mark) {
                reader.sink.report(record: reader.record, field: element.path, "\"\(raw)\" is listed twice")
            } else {
                marks.append(mark)
            }
        }
        return marks
    }

    static func texts(_ reader: FieldReader, _ key: String) -> [String] {
        (reader.array(key, required: false) ?? []).compactMap { element in
            guard case .string(let text) = element.value, !text.isBlank else {
                reader.sink.report(record: reader.record, field: element.path, "expected a non-empty string, found \(element.value.kindDescription)")
                return nil
            }
            return text
        }
    }

    /// The optional `identifiers` list of a primary block or a review.
    static func decodeIdentifiers(_ reader: FieldReader) -> [PrimaryRecord.Identifier] {
        var identifiers: [PrimaryRecord.Identifier] = []
        for entry in reader.objects("identifiers", required: false) ?? [] {
            let kind = entry.choice("kind", PrimaryRecord.Identifier.Kind.self)
            let value = entry.text("value", nullable: false)
            let note = entry.optionalText("note")
            entry.finish()
            if let kind, let value { identifiers.append(.init(kind: kind, value: value, note: note)) }
        }
        return identifiers
    }

    private static func decodeSampleSize(_ reader: FieldReader) -> PrimarySampleSize? {
        defer { reader.finish() }
        func count(_ key: String) -> Int? {
            guard reader.has(key), let value = reader.integer(key, required: false) else { return nil }
            if value < 1 { reader.report(key, value < 0 ? "negative count \(value)" : "a count of 0; leave it out when not reported") }
            return value < 1 ? nil : value
        }
        let enrolled = count("enrolled")
        let randomized = count("randomized")
        let analysed = count("analysed")
        let arms = DataFileDecoder.decodeArms(reader, required: false)
        let note = reader.optionalText("note")
        let seenOn = reader.optionalText("seenOn")
        if enrolled == nil && randomized == nil && analysed == nil && arms.isEmpty {
            reader.report(nil, "give at least one of enrolled, randomized, analysed or arms")
            return nil
        }
        if let enrolled, let randomized, randomized > enrolled {
            reader.report("randomized", "\(randomized) randomized is more than the \(enrolled) enrolled")
        }
        return PrimarySampleSize(enrolled: enrolled, randomized: randomized, analysed: analysed, arms: arms, note: note, seenOn: seenOn)
    }

    /// An estimate; `outcome` is given for a summary-of-findings effect, whose row names it.
    static func decodeEstimate(_ reader: FieldReader, outcome given: String? = nil) -> EffectEstimate? {
        defer { reader.finish() }
        let outcome = given ?? reader.text("outcome", nullable: false)
        let comparison = reader.text("comparison", required: false)
        let timepoint = reader.text("timepoint", required: false)
        let measure = reader.choice("measure", EffectEstimate.Measure.self)
        let point = reader.number("point", required: false)
        let low = reader.number("low", required: false)
        let high = reader.number("high", required: false)
        let level = reader.number("level", required: false)
        let spread = reader.number("sd", required: false)
        let events = reader.integer("events", required: false)
        let total = reader.integer("total", required: false)
        let participants = reader.integer("participants", required: false)
        let studies = reader.integer("studies", required: false)
        let reported = reader.text("reported", nullable: false)
        let seenOn = reader.optionalText("seenOn")
        let note = reader.optionalText("note")
        var valid = true
        func refuse(_ key: String, _ message: String) {
            reader.report(key, message)
            valid = false
        }
        if let measure {
            if measure == .proportion {
                if events == nil || total == nil { refuse(events == nil ? "events" : "total", "a proportion needs events and total") }
                if let events, let total, events < 0 || total < 1 || events > total { refuse("events", "\(events) of \(total) is not a proportion") }
            } else {
                if point == nil { refuse("point", "a \(measure.rawValue) estimate needs its point value") }
                if events != nil || total != nil { refuse(events != nil ? "events" : "total", "events and total belong to a proportion") }
            }
            if spread != nil && measure != .meanChange { refuse("sd", "a spread belongs to a mean change") }
            if measure.isRatio, let point, point <= 0 { refuse("point", "a ratio must be above 0") }
        }
        switch (low, high) {
        case (nil, nil):
            if level != nil { refuse("level", "an interval level without an interval") }
        case (let low?, let high?):
            if low > high { refuse("low", "low (\(JSONWriter.format(low))) is above high (\(JSONWriter.format(high)))") }
            if let point, point < low || point > high { refuse("point", "\(JSONWriter.format(point)) lies outside its interval") }
            if measure?.isRatio == true && low <= 0 { refuse("low", "a ratio's interval must stay above 0") }
            // 0.95 for 95% is the likely slip, so a level must read as a percentage.
            if let level, !(level >= 50 && level < 100) { refuse("level", "an interval level is a percentage such as 95, found \(JSONWriter.format(level))") }
        default:
            refuse(low == nil ? "low" : "high", "low and high go together")
        }
        for (key, value) in [("participants", participants), ("studies", studies)] {
            if let value, value < 1 { refuse(key, "a count of \(value); leave it out when the record gives none") }
        }
        guard valid, let outcome, let measure, let reported else { return nil }
        return EffectEstimate(outcome: outcome, comparison: comparison, timepoint: timepoint, measure: measure,
                              point: point, low: low, high: high, level: level, spread: spread, events: events,
                              total: total, participants: participants, studies: studies, reported: reported, seenOn: seenOn, note: note)
    }

    private static func decodeOverlap(_ reader: FieldReader) -> SampleOverlap? {
        defer { reader.finish() }
        let study = reader.text("study")
        if let study, !DataFileDecoder.isValidStudyID(study) { reader.report("study", "\"\(study)\" is not a study id") }
        let participants = reader.integer("participants", nullable: false)
        if let participants, participants < 1 { reader.report("participants", "an overlap shares at least one participant") }
        let stated = reader.flag("stated", nullable: false)
        let note = reader.optionalText("note")
        guard let participants, participants >= 1, let stated else { return nil }
        return SampleOverlap(study: study, participants: participants, stated: stated, note: note)
    }
}
