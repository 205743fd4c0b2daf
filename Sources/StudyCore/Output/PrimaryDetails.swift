/// The structured values of a study's own record as labelled detail lines, each saying where it was seen.
enum PrimaryDetails {
    static func structured(_ primary: PrimaryRecord, glyphs: Glyphs) -> [StudyDetails.Field] {
        var fields: [StudyDetails.Field] = []
        func add(_ label: String, _ value: String, seenOn: String? = nil) {
            let place = seenOn.map { " (seen on \($0))" } ?? ""
            fields.append(StudyDetails.Field(label: label, value: value + place))
        }
        if let design = primary.design {
            let level = design.evidence.longLabel
            add("Own design", "\(design.label); \(level). \(design.description)", seenOn: primary.designSeenOn)
        }
        if let size = primary.sampleSize {
            add("Own sample size", size.detailed + (size.note.map { ". \($0)" } ?? ""), seenOn: size.seenOn)
        }
        for dose in primary.doses {
            add("Own dose", DoseText.detailed(dose, glyphs: glyphs) + (dose.note.map { ". \($0)" } ?? ""))
        }
        if let comparator = primary.comparator {
            let doses = comparator.doses.map { "; " + DoseText.detailed($0, glyphs: glyphs, showArm: $0.arm != comparator.label) }.joined()
            add("Own comparator", comparator.label + doses)
        }
        if !primary.outcomes.isEmpty { add("Own outcomes", primary.outcomes.joined(separator: "; ")) }
        if let direction = primary.direction { add("Own direction", "\(glyphs.symbol(for: direction)) \(direction.name)") }
        for estimate in primary.estimates {
            var text = "\(estimate.label): \(estimate.reported) [\(estimate.measure.label)"
            if let level = estimate.level { text += ", \(JSONWriter.format(level))% interval" }
            text += "]"
            if let note = estimate.note { text += ". \(note)" }
            add("Own estimate", text, seenOn: estimate.seenOn)
        }
        if !primary.caveats.isEmpty {
            add("Own marks", primary.caveats.map { "\($0.letter): \($0.name)" }.joined(separator: "; "))
        }
        for inconsistency in primary.inconsistencies {
            add("Inconsistent", "\(glyphs.differs) the record's own figures disagree, kept as written: \(inconsistency)")
        }
        for overlap in primary.overlaps {
            let other = overlap.study.map { "\($0) (\(overlap.stated ? "named by the record" : "inferred, not named by the record"))" }
                ?? "a report the record does not name"
            add("Shares participants", "\(overlap.participants) with \(other); summaries count them once" + (overlap.note.map { ". \($0)" } ?? ""))
        }
        return fields
    }
}
