import Synchronization

/// The studies of a derived index, decoded one at a time as they are drawn, or all at once
/// (and kept) when something needs every study: a warm start then decodes only the rows on
/// screen.
public final class StudyRecords: Sendable {
    /// Keeps the mapping that `records` points into alive.
    private let file: IndexFile
    private let offsets: [UInt64]
    private let records: Bytes
    private let decoded = Mutex<[Study]?>(nil)
    /// Held while every study is decoded, so two callers (an overlay beside the loop and a field
    /// query) never decode them twice at once; `decoded` stays free for rows meanwhile.
    private let decoding = Mutex(())

    /// The records of a data section that `DataSnapshot.open` read from `file`.
    public init(file: IndexFile, offsets: [UInt64], records: UnsafeRawBufferPointer) {
        self.file = file
        self.offsets = offsets
        self.records = Bytes(pointer: records)
    }

    /// Number of studies.
    public var count: Int { offsets.count }

    /// The study at a position (0..<count). A record that cannot be read (which the checksums
    /// and the program check make a bug, not damage) is shown as such, never as a crash.
    public func study(at position: Int) -> Study {
        if let all = decoded.withLock({ $0 }), all.indices.contains(position) { return all[position] }
        do throws(IndexFileError) {
            return try DataSnapshot.study(at: position, offsets: offsets, records: records.pointer)
        } catch {
            return Self.unreadable(position, error)
        }
    }

    /// The position of the study with this id: each record's id is read, not the whole record.
    public func position(ofID id: String) -> Int? {
        if let all = decoded.withLock({ $0 }) { return all.firstIndex { $0.id == id } }
        return offsets.indices.first { position in
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: records.pointer[Int(offsets[position])...]))
            // A binary record starts with 0 and the id; one kept as JSON (1) is decoded.
            guard let kind = try? reader.read(UInt8.self) else { return false }
            if kind == 0 { return (try? reader.readText()) == id }
            return study(at: position).id == id
        }
    }

    /// Every study, decoded once on every core and kept; nil when a record cannot be read.
    public func all() -> Result<[Study], IndexFileError> {
        decoding.withLock { _ in
            if let all = decoded.withLock({ $0 }) { return .success(all) }
            do throws(IndexFileError) {
                let studies = try DataSnapshot.decodeAll(offsets: offsets, records: records.pointer)
                decoded.withLock { $0 = studies }
                return .success(studies)
            } catch {
                return .failure(error)
            }
        }
    }

    /// Whether every study has been decoded and kept.
    public var isDecoded: Bool { decoded.withLock { $0 != nil } }

    /// A study standing for a record that could not be read: its row says so.
    static func unreadable(_ position: Int, _ error: IndexFileError) -> Study {
        let index = SourceRef(document: "index")
        let note = "This study's record in the derived index could not be read (\(error)); delete the index file to have it rebuilt."
        return Study(id: "unreadable-\(position + 1)", indication: .unassigned, citation: Citation(note: note),
                     design: StudyDesign(kind: .notReported, description: "record unreadable", source: index),
                     sampleSize: SampleSize(total: nil, source: index), outcome: Outcome(direction: .notReported, source: index),
                     notes: note, provenance: [], origin: "index")
    }

    /// The records' bytes, read only, while `file` keeps them mapped.
    private struct Bytes: @unchecked Sendable {
        let pointer: UnsafeRawBufferPointer
    }
}
