import Synchronization

/// The checked data as an index section: each file's records other than studies as the file's
/// own JSON (with its studies array emptied, decoded by the data-file decoder as before), and
/// every study as a binary record (`StudyCoding`), so a warm start parses no JSON.
public enum DataSnapshot {
    /// What a cold load keeps of each file as it is read, to write the snapshot afterwards.
    public final class Collector: Sendable {
        struct File: Sendable {
            let name: String
            /// The file with its studies array emptied.
            let rest: [UInt8]
            /// Each study element's JSON when it may hold an own record (`"primary"`), else nil.
            let slices: [[UInt8]?]
        }

        private let collected = Mutex<(files: [File], problem: String?)>(([], nil))

        /// An empty collector.
        public init() {}

        /// Keeps what the snapshot needs of a file just read (called before it is decoded).
        public func inspect(_ file: DataFile) {
            inspect(file, studies: JSONStructure.array(under: "studies", in: file.bytes))
        }

        /// The same, with the file's studies array already found (nil: it has none the quick scan finds).
        func inspect(_ file: DataFile, studies layout: JSONStructure.ArrayLayout?) {
            let bytes = file.bytes
            let rest: [UInt8]
            var slices: [[UInt8]?] = []
            if let layout {
                rest = Array(bytes[..<layout.start]) + Array("[]".utf8) + Array(bytes[layout.end...])
                let holders = Self.elements(of: layout, in: bytes, holding: Array("\"primary\"".utf8))
                slices = layout.elements.indices.map { holders.contains($0) ? Array(bytes[layout.elements[$0]]) : nil }
            } else {
                // Without a studies array the whole file is the rest (a file whose array the quick
                // scan cannot find but that holds studies is caught when counts differ), copied at
                // its own size: the bytes may be a reused buffer, larger than the file and handed
                // on to the next file read.
                rest = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                    _ = buffer.initialize(fromContentsOf: bytes)
                    count = bytes.count
                }
            }
            collected.withLock { $0.files.append(File(name: file.name, rest: rest, slices: slices)) }
        }

        var files: [File] { collected.withLock { $0.files } }

        /// The positions of the array's elements that hold `needle` whole: one pass over the
        /// array with the filter's search (`FoldedText.firstPosition`), rather than a search of
        /// each element (most hold none).
        static func elements(of layout: JSONStructure.ArrayLayout, in bytes: [UInt8], holding needle: [UInt8]) -> Set<Int> {
            var holders = Set<Int>()
            let elements = layout.elements
            bytes.withUnsafeBytes { haystack in
                needle.withUnsafeBufferPointer { key in
                    guard let base = haystack.baseAddress, let keyBase = key.baseAddress, !needle.isEmpty else { return }
                    // Quotes are JSON's commonest byte: a quoted key is anchored on its rarest letter.
                    let quoted = needle.count > 2 && needle.first == UInt8(ascii: "\"") && needle.last == UInt8(ascii: "\"")
                    let anchor = quoted ? 1 + FoldedText.anchor(of: UnsafeBufferPointer(rebasing: key[1..<(needle.count - 1)])) : FoldedText.anchor(of: key)
                    var from = layout.start
                    var element = 0
                    while from < layout.end,
                          let found = FoldedText.firstPosition(of: keyBase, needle.count, anchor: anchor, in: base + from, layout.end - from) {
                        let position = from + found
                        from = position + 1
                        // Elements are in file order, so the search only moves forward through them.
                        while element < elements.count && elements[element].upperBound <= position { element += 1 }
                        if element < elements.count, elements[element].contains(position), position + needle.count <= elements[element].upperBound {
                            holders.insert(element)
                        }
                    }
                }
            }
            return holders
        }
    }

    /// The data section and the records section for a dataset loaded with `collector` watching,
    /// in memory; nil (with the reason) when the files and the studies do not line up, and the
    /// data is then not indexed.
    public static func encode(_ dataset: Dataset, collector: Collector) -> Result<(data: [UInt8], records: [UInt8]), IndexFileError> {
        var records: [UInt8] = []
        return streamRecords(dataset, collector: collector) { chunk in
            records += chunk
            return true
        }.map { offsets in (rest(collector, offsets: offsets ?? []), records) }
    }

    /// Encodes every study's record, a few thousand at a time into one buffer used again, and
    /// hands each stretch to `emit` as it is done: the records section (every record, one after
    /// another, to the section's end), written to the index file as it is made, so a first build
    /// never holds the records in memory (a gigabyte of fresh pages at 1,000,000 studies). Gives
    /// where each record starts, or nil when `emit` said stop; fails when the files and the
    /// studies do not line up, before anything is emitted.
    public static func streamRecords(_ dataset: Dataset, collector: Collector, stretch: Int = streamedBytes,
                                     emit: (UnsafeRawBufferPointer) -> Bool) -> Result<[UInt64]?, IndexFileError> {
        let files = collector.files
        let slices = files.flatMap(\.slices)
        let studies = dataset.studies
        // Each study must be the element its file held at that place, or a snapshot could hand
        // one file's record to another's study.
        var position = 0
        for file in files {
            guard position + file.slices.count <= studies.count,
                  studies[position..<(position + file.slices.count)].allSatisfy({ $0.origin == file.name }) else { break }
            position += file.slices.count
        }
        guard slices.count == studies.count, position == studies.count else {
            return .failure(.damaged("the studies could not be matched to their files"))
        }
        // An own record is written as its JSON, which must have been found in its file.
        guard zip(studies, slices).allSatisfy({ $0.primary == nil || $1 != nil }) else {
            return .failure(.damaged("an own record was not found in its file"))
        }
        var offsets: [UInt64] = []
        offsets.reserveCapacity(studies.count)
        var records = BinaryWriter()
        var emitted: UInt64 = 0
        for (index, study) in studies.enumerated() {
            offsets.append(emitted + UInt64(records.bytes.count))
            if study.primary != nil {
                // An own record is decoded from its JSON: the study's own element (found, as checked above).
                guard let slice = slices[index] else { return .failure(.damaged("an own record was not found in its file")) }
                records.write(UInt8(1))
                records.write(text: study.origin)
                records.write(bytes: slice)
            } else {
                records.write(UInt8(0))
                StudyCoding.write(study, into: &records)
            }
            if records.bytes.count >= stretch || index == studies.count - 1 {
                emitted += UInt64(records.bytes.count)
                guard records.bytes.withUnsafeBytes(emit) else { return .success(nil) }
                records.removeAll()
            }
        }
        return .success(offsets)
    }

    /// About how much of the records is encoded before it is handed on.
    public static let streamedBytes = 4 << 20

    /// The data section: each file's records other than studies, then where each study's
    /// record starts in the records section.
    public static func rest(_ collector: Collector, offsets: [UInt64]) -> [UInt8] {
        let files = collector.files
        var writer = BinaryWriter()
        writer.write(count: files.count)
        for file in files {
            writer.write(text: file.name)
            writer.write(bytes: file.rest)
        }
        writer.write(array: offsets)
        return writer.bytes
    }

    /// The dataset back from its two sections, studies decoded on every core.
    public static func decode(_ reader: inout BinaryReader, records: UnsafeRawBufferPointer) throws(IndexFileError) -> Dataset {
        let opened = try open(&reader, records: records)
        var dataset = opened.rest
        dataset.studies = try decodeAll(offsets: opened.offsets, records: opened.records)
        return dataset
    }

    /// The data section's records other than studies as a dataset without studies, and where
    /// each study's record lies in `records` (the records section, read in place: it is most of
    /// the index, and a copy would double the pages touched), without decoding any study: what
    /// a lazy catalog starts from.
    public static func open(_ reader: inout BinaryReader, records: UnsafeRawBufferPointer) throws(IndexFileError)
        -> (rest: Dataset, offsets: [UInt64], records: UnsafeRawBufferPointer) {
        var dataset = Dataset()
        let fileCount = try reader.readCount()
        for _ in 0..<fileCount {
            let name = try reader.readText()
            let rest = try reader.readBytes()
            let decoded = DataFileDecoder.decode(rest, file: name)
            guard decoded.problems.isEmpty, decoded.dataset.studies.isEmpty else { throw .damaged("a file's records no longer decode") }
            dataset.sources += decoded.dataset.sources
            dataset.contexts += decoded.dataset.contexts
            dataset.reviews += decoded.dataset.reviews
            if let checked = decoded.dataset.checked, checked > (dataset.checked ?? "") { dataset.checked = checked }
        }
        let offsets = try reader.readArray(of: UInt64.self)
        guard (offsets.first ?? 0) == 0, !offsets.isEmpty || records.isEmpty, offsets.allSatisfy({ $0 < UInt64(records.count) }), zip(offsets, offsets.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .damaged("the study offsets")
        }
        return (dataset, offsets, records)
    }

    /// One study's record (offsets and records as `open` gives them, checked there).
    public static func study(at position: Int, offsets: [UInt64], records: UnsafeRawBufferPointer) throws(IndexFileError) -> Study {
        guard offsets.indices.contains(position) else { throw .damaged("no study at position \(position)") }
        let end = position + 1 < offsets.count ? Int(offsets[position + 1]) : records.count
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: records[Int(offsets[position])..<end]))
        let study = try readStudy(&reader)
        guard reader.isAtEnd else { throw .damaged("a study record has bytes left over") }
        return study
    }

    /// Every study, decoded on every core.
    public static func decodeAll(offsets: [UInt64], records bytes: UnsafeRawBufferPointer) throws(IndexFileError) -> [Study] {
        let records = Records(bytes: bytes)
        let count = offsets.count
        let ranges = Parallel.ranges(count, chunks: count < 2_000 ? 1 : 16)
        let parts = Parallel.map(ranges.count) { chunk -> Result<[Study], IndexFileError> in
            let range = ranges[chunk]
            guard !range.isEmpty else { return .success([]) }
            let end = range.upperBound < count ? Int(offsets[range.upperBound]) : records.bytes.count
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: records.bytes[Int(offsets[range.lowerBound])..<end]))
            var studies: [Study] = []
            studies.reserveCapacity(range.count)
            do throws(IndexFileError) {
                for _ in range { studies.append(try readStudy(&reader)) }
                guard reader.isAtEnd else { throw .damaged("a study record has bytes left over") }
            } catch {
                return .failure(error)
            }
            return .success(studies)
        }
        var studies: [Study] = []
        studies.reserveCapacity(count)
        for part in parts {
            switch part {
            case .success(let decoded): studies += decoded
            case .failure(let error): throw error
            }
        }
        return studies
    }

    /// The records' bytes, handed to the decoding threads, which only read them while the
    /// index that holds them is open (for the whole of `decodeAll`).
    private struct Records: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }

    private static func readStudy(_ reader: inout BinaryReader) throws(IndexFileError) -> Study {
        guard try reader.read(UInt8.self) == 1 else { return try StudyCoding.read(&reader) }
        let origin = try reader.readText()
        let slice = try reader.readBytes()
        let document = Array(#"{"format": "\#(DataFileDecoder.formatIdentifier)", "studies": ["#.utf8) + slice + Array("]}".utf8)
        let decoded = DataFileDecoder.decode(document, file: origin)
        guard decoded.problems.isEmpty, decoded.dataset.studies.count == 1, let study = decoded.dataset.studies.first else {
            throw .damaged("a study with an own record no longer decodes")
        }
        return study
    }
}
