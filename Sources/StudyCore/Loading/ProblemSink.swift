/// Collects the problems of one file while its records are decoded, on one thread, and keeps
/// the source references they share.
final class ProblemSink {
    let file: String
    private(set) var problems: [DataProblem] = []
    /// Source references read lately, by their text. One citation is repeated field after field
    /// (and, in curated data, record after record); sharing it keeps one array of reference
    /// numbers instead of one per field, memory a first start pays for at a million studies.
    /// Emptied when full, so it holds what nearby records wrote and never grows without bound.
    private var sourceRefs: [String: SourceRef] = [:]
    private static let sharedLimit = 4_096

    init(file: String) { self.file = file }

    func report(record: String?, field: String?, _ message: String) {
        problems.append(DataProblem(file: file, record: record, field: field, message: message))
    }

    /// `SourceRef(parsing:)`, shared with earlier records that wrote the same text.
    func sourceRef(parsing raw: String) -> SourceRef? {
        // Only ASCII texts are looked up: `String` equality is canonical, so "syn\u{212A}#1" (a
        // Kelvin sign) would find "synK#1", though only the second is a valid reference.
        guard raw.isAllASCII else { return SourceRef(parsing: raw) }
        if let known = sourceRefs[raw] { return known }
        guard let parsed = SourceRef(parsing: raw) else { return nil }
        if sourceRefs.count >= Self.sharedLimit { sourceRefs.removeAll(keepingCapacity: true) }
        sourceRefs[raw] = parsed
        return parsed
    }
}
