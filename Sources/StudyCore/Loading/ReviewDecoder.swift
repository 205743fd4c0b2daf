/// Reads a pooled-evidence record (`reviews` in a data file): a review and its summary-of-findings rows.
enum ReviewDecoder {
    static func decode(_ reader: FieldReader, origin: String) -> Review? {
        let id = reader.text("id", nullable: false)
        if let id, !DataFileDecoder.isValidStudyID(id) {
            reader.report("id", "an id is lowercase letters and digits in hyphen-separated parts, like cochrane-2021-ketamine")
        }
        var indications: [Indication] = []
        for element in reader.array("indications") ?? [] {
            guard case .string(let raw) = element.value, let indication = Indication(rawValue: raw) else {
                let allowed = Indication.allCases.map(\.rawValue).joined(separator: ", ")
                reader.sink.report(record: reader.record, field: element.path, "expected one of: \(allowed)")
                continue
            }
            indications.append(indication)
        }
        if reader.has("indications") && indications.isEmpty { reader.report("indications", "name at least one indication") }
        let citation = reader.text("citation", nullable: false)
        let identifiers = PrimaryRecordDecoder.decodeIdentifiers(reader)
        let seenOn = reader.text("seenOn", nullable: false)
        let searchDate = reader.text("searchDate")
        if let searchDate, !isPartialDate(searchDate) {
            reader.report("searchDate", "expected YYYY-MM or YYYY-MM-DD, found \"\(searchDate)\"")
        }
        let population = reader.text("population", nullable: false)
        let source = reader.sourceRef("source")
        let note = reader.optionalText("note")
        let findingReaders = reader.objects("findings") ?? []
        if reader.has("findings") && findingReaders.isEmpty { reader.report("findings", "a review needs at least one summary-of-findings row") }
        let findings = findingReaders.compactMap(decodeFinding)
        guard let id, let citation, let seenOn, let population, let source, findings.count == findingReaders.count else { return nil }
        return Review(id: id, indications: indications, citation: citation, identifiers: identifiers, seenOn: seenOn,
                      searchDate: searchDate, population: population, source: source, findings: findings, note: note, origin: origin)
    }

    private static func decodeFinding(_ reader: FieldReader) -> Review.Finding? {
        defer { reader.finish() }
        let comparison = reader.text("comparison", nullable: false)
        let outcome = reader.text("outcome", nullable: false)
        let timepoint = reader.text("timepoint")
        let participants = reader.integer("participants")
        let studies = reader.integer("studies")
        for (key, value) in [("participants", participants), ("studies", studies)] {
            if let value, value < 1 { reader.report(key, "a count of \(value); use null when the source gives none") }
        }
        let effect = reader.object("effect").flatMap { PrimaryRecordDecoder.decodeEstimate($0, outcome: outcome ?? "") }
        let assumedRisk = reader.number("assumedRisk")
        var riskWith: Double?, riskWithLow: Double?, riskWithHigh: Double?
        if let risk = reader.object("riskWith", nullable: true) {
            riskWith = risk.number("point", nullable: false)
            riskWithLow = risk.number("low")
            riskWithHigh = risk.number("high")
            risk.finish()
            if let point = riskWith, let low = riskWithLow, let high = riskWithHigh, !(low <= point && point <= high) {
                risk.report("point", "\(JSONWriter.format(point)) lies outside its interval \(JSONWriter.format(low)) to \(JSONWriter.format(high))")
            }
            if (riskWithLow == nil) != (riskWithHigh == nil) { risk.report(riskWithLow == nil ? "low" : "high", "low and high go together") }
        }
        for (key, value) in [("assumedRisk", assumedRisk), ("riskWith", riskWith), ("riskWith.low", riskWithLow), ("riskWith.high", riskWithHigh)] {
            if let value, !(0...100).contains(value) { reader.report(key, "a risk is a percentage from 0 to 100, found \(JSONWriter.format(value))") }
        }
        if (assumedRisk == nil) != (riskWith == nil) {
            reader.report(assumedRisk == nil ? "assumedRisk" : "riskWith", "an assumed risk and the risk with the intervention go together")
        }
        let risksReported = reader.text("risksReported")
        if assumedRisk != nil && risksReported == nil { reader.report("risksReported", "give the risks as the source writes them") }
        if assumedRisk == nil && risksReported != nil { reader.report("risksReported", "risks as written without an assumed risk") }
        let certainty = reader.choice("certainty", Certainty.self)
        let footnote = reader.text("footnote")
        guard let comparison, let outcome, let effect, let certainty else { return nil }
        return Review.Finding(comparison: comparison, outcome: outcome, timepoint: timepoint, participants: participants, studies: studies,
                              effect: effect, assumedRisk: assumedRisk, riskWith: riskWith, riskWithLow: riskWithLow,
                              riskWithHigh: riskWithHigh, risksReported: risksReported, certainty: certainty, footnote: footnote)
    }

    /// YYYY-MM or YYYY-MM-DD.
    private static func isPartialDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = parts.map(\.count)
        return (lengths == [4, 2] || lengths == [4, 2, 2]) && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
