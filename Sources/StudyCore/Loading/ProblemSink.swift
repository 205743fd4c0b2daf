#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// The reference read last, looked at before the table: the field before usually wrote the
    /// same text, and comparing its bytes costs less than hashing them (a million studies
    /// spent a second in the table's hashing).
    private var last: (raw: String, parsed: SourceRef)?

    init(file: String) { self.file = file }

    func report(record: String?, field: String?, _ message: String) {
        problems.append(DataProblem(file: file, record: record, field: field, message: message))
    }

    /// `SourceRef(parsing:)`, shared with earlier records that wrote the same text.
    func sourceRef(parsing raw: String) -> SourceRef? {
        if let last, Self.sameBytes(last.raw, raw) { return last.parsed }
        // Only ASCII texts are looked up: `String` equality is canonical, so "syn\u{212A}#1" (a
        // Kelvin sign) would find "synK#1", though only the second is a valid reference.
        guard raw.isAllASCII else { return SourceRef(parsing: raw) }
        if let known = sourceRefs[raw] {
            last = (raw, known)
            return known
        }
        guard let parsed = SourceRef(parsing: raw) else { return nil }
        last = (raw, parsed)
        if sourceRefs.count >= Self.sharedLimit { sourceRefs.removeAll(keepingCapacity: true) }
        sourceRefs[raw] = parsed
        return parsed
    }

    /// Whether two texts are the same bytes (not `==`, which holds for canonically equal
    /// spellings, different references as the table's note says).
    private static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                guard one.count == other.count else { return false }
                guard let oneBase = one.baseAddress, let otherBase = other.baseAddress else { return one.isEmpty }
                return memcmp(oneBase, otherBase, one.count) == 0
            }
        }
    }
}
