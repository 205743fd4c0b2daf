import StudyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A catalog as a derived index file, and back: everything `Catalog.init` works out from the
/// studies (folded search text, sort values, tabs, dose dimensions, column widths) is written
/// once, so a later start with the same data reads it instead of working it out again.
///
/// The data files stay the one source of truth: the index holds a snapshot of what they said
/// when it was built (`DataSnapshot`), used only while they are unchanged (`DataFingerprint`).
public enum CatalogIndex {
    /// Section tags.
    static let metaTag: UInt32 = 1, searchTag: UInt32 = 2, sortTag: UInt32 = 3, tabsTag: UInt32 = 4, dataTag: UInt32 = 5, orderTag: UInt32 = 6
    static let recordsTag: UInt32 = 7, gramsTag: UInt32 = 8

    /// What the index was built from and for.
    public struct Header: Sendable, Equatable {
        /// The program that wrote it: another build may fold or measure differently.
        public var program: String
        public var view: SourceView
        public var fingerprint: DataFingerprint
        public var studyCount: Int
        /// A hash of every study id in order, to catch a reordering the fingerprint allows.
        public var idsHash: UInt64
    }

    /// The bytes of an index for a catalog built from files with this fingerprint.
    /// `snapshot` is the data and records sections (`DataSnapshot.encode`); without one the
    /// index holds only the catalog, and a start must still read the data files.
    public static func bytes(of catalog: Catalog, fingerprint: DataFingerprint, program: String,
                             snapshot: (data: [UInt8], records: [UInt8])? = nil) -> [UInt8] {
        var all = sections(of: catalog, fingerprint: fingerprint, program: program, data: snapshot?.data) + [gramsSection(of: catalog)]
        if let snapshot { all.append((recordsTag, [SectionPart(snapshot.records)])) }
        return IndexFile.bytes(sections: all.map { ($0.tag, $0.parts.flatMap(\.bytes)) })
    }

    /// How writing an index went.
    public enum WriteOutcome: Sendable, Equatable {
        /// Every section and the header were written.
        case written
        /// The system refused a write (or the caller stopped it: `ECANCELED`).
        case failed(Int32)
        /// The data cannot be indexed (its studies could not be matched to their files).
        case refused(IndexFileError)
    }

    /// Writes the index of the catalog `make` works out (with or without grams) to `descriptor`
    /// (an empty file), and gives that catalog with its grams. The work is arranged so the one
    /// thread that writes is busy while both cores work: every study's record streams to the
    /// file while `make` runs, and the catalog's sections are written while its grams are
    /// worked out; the grams follow, and the header goes in front. Nothing is held twice: at
    /// 1,000,000 studies the records are a gigabyte encoded a few megabytes at a time into one
    /// buffer. `proceed` is asked between pieces; when it says no the write stops (`ECANCELED`).
    public static func write(to descriptor: Int32, dataset: Dataset, collector: DataSnapshot.Collector, fingerprint: DataFingerprint,
                             program: String, proceed: @escaping @Sendable () -> Bool,
                             making make: () -> Catalog) -> (catalog: Catalog, outcome: WriteOutcome) {
        let (made, streamed) = Parallel.beside({ records(of: dataset, collector: collector, to: descriptor, proceed: proceed) }, while: make)
        let (catalog, wrote) = Parallel.beside({
            sections(after: streamed, of: made, collector: collector, fingerprint: fingerprint, program: program, proceed: proceed)
        }, while: { made.withGrams() })
        return (catalog, finish(wrote, grams: catalog, proceed: proceed))
    }

    /// Writes the index of a catalog already worked out (a first start's, shown before its file
    /// is written) and gives it with its grams: the records and then the catalog's sections
    /// stream to the file from one thread while the grams are worked out on the others.
    public static func write(to descriptor: Int32, dataset: Dataset, collector: DataSnapshot.Collector, fingerprint: DataFingerprint,
                             program: String, proceed: @escaping @Sendable () -> Bool,
                             catalog made: Catalog) -> (catalog: Catalog, outcome: WriteOutcome) {
        let (catalog, wrote) = Parallel.beside({
            let streamed = records(of: dataset, collector: collector, to: descriptor, proceed: proceed)
            return sections(after: streamed, of: made, collector: collector, fingerprint: fingerprint, program: program, proceed: proceed)
        }, while: { made.withGrams() })
        return (catalog, finish(wrote, grams: catalog, proceed: proceed))
    }

    /// After the records: the catalog's sections but the grams, unless the records could not be written.
    private static func sections(after streamed: (writer: IndexFile.Writer, offsets: Result<[UInt64]?, IndexFileError>), of catalog: Catalog,
                                 collector: DataSnapshot.Collector, fingerprint: DataFingerprint, program: String,
                                 proceed: () -> Bool) -> (writer: IndexFile.Writer, outcome: WriteOutcome) {
        var writer = streamed.writer
        switch streamed.offsets {
        case .failure(let error): return (writer, .refused(error))
        case .success(nil): return (writer, .failed(writer.failure ?? ECANCELED))
        case .success(let offsets?):
            let data = DataSnapshot.rest(collector, offsets: offsets)
            let outcome = append(sections(of: catalog, fingerprint: fingerprint, program: program, data: data), to: &writer, proceed: proceed)
            return (writer, outcome)
        }
    }

    /// Begins the file and streams every study's record into it.
    private static func records(of dataset: Dataset, collector: DataSnapshot.Collector, to descriptor: Int32,
                                proceed: () -> Bool) -> (writer: IndexFile.Writer, offsets: Result<[UInt64]?, IndexFileError>) {
        var writer = IndexFile.Writer(descriptor: descriptor, sectionCount: sectionsWithData.count)
        writer.begin(recordsTag)
        let offsets = DataSnapshot.streamRecords(dataset, collector: collector) { bytes in proceed() && writer.append(bytes) == nil }
        return (writer, offsets)
    }

    /// After the other sections: the grams, then the header.
    private static func finish(_ wrote: (writer: IndexFile.Writer, outcome: WriteOutcome), grams catalog: Catalog,
                               proceed: () -> Bool) -> WriteOutcome {
        guard wrote.outcome == .written else { return wrote.outcome }
        var writer = wrote.writer
        let outcome = append([gramsSection(of: catalog)], to: &writer, proceed: proceed)
        guard outcome == .written else { return outcome }
        return writer.finish().map(WriteOutcome.failed) ?? .written
    }

    /// Writes whole sections, asking `proceed` before each part.
    private static func append(_ sections: [(tag: UInt32, parts: [SectionPart])], to writer: inout IndexFile.Writer,
                               proceed: () -> Bool) -> WriteOutcome {
        for section in sections {
            writer.begin(section.tag)
            for part in section.parts {
                guard proceed() else { return .failed(ECANCELED) }
                var failure: Int32?
                part.withUnsafeBytes { failure = writer.append($0) }
                if let failure { return .failed(failure) }
            }
        }
        return .written
    }

    /// The section of a catalog's grams (a mark alone when it has none).
    static func gramsSection(of catalog: Catalog) -> (tag: UInt32, parts: [SectionPart]) {
        (gramsTag, catalog.searchIndex.encodeGrams())
    }

    /// The sections of an index that holds its data, in the order `write` writes them.
    static let sectionsWithData: [UInt32] = [recordsTag, metaTag, searchTag, sortTag, tabsTag, orderTag, dataTag, gramsTag]

    /// The index's sections but the records and the grams, in parts for `IndexFile.Writer`
    /// (`data` is the data section, `DataSnapshot.rest`; without it the index holds only the catalog).
    public static func sections(of catalog: Catalog, fingerprint: DataFingerprint, program: String,
                                data: [UInt8]?) -> [(tag: UInt32, parts: [SectionPart])] {
        var meta = BinaryWriter()
        meta.write(string: program)
        meta.write(string: catalog.view.rawValue)
        fingerprint.encode(into: &meta)
        meta.write(UInt64(catalog.studyCount))
        meta.write(idsHash(catalog.loaded.studies))
        meta.write(UInt8(catalog.hasPrimaryRecords ? 1 : 0))
        meta.write(UInt8(catalog.viewsCanDiffer ? 1 : 0))
        meta.write(array: catalog.counts.map { UInt64($0) })
        for widths in [catalog.unicodeWidths, catalog.asciiWidths] {
            meta.write(UInt32(widths.count))
            for tab in widths { meta.write(array: tab.map { UInt32(clamping: $0) }) }
        }
        var tabs = BinaryWriter()
        tabs.write(array: catalog.tabOfStudy)
        tabs.write(array: catalog.doseDimensions.map { dimension in
            dimension.flatMap { DoseDimension.allCases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0
        })
        var order = SectionWriter()
        order.write(alignedArray: catalog.standardOrder)
        var sections = [(metaTag, [SectionPart(meta.bytes)]), (searchTag, catalog.searchIndex.encodeParts(spans: catalog.store.spans)),
                        (sortTag, catalog.sortTable.encodeParts()), (tabsTag, [SectionPart(tabs.bytes)]), (orderTag, order.finish())]
        if let data { sections.append((dataTag, [SectionPart(data)])) }
        return sections.map { (tag: $0.0, parts: $0.1) }
    }

    /// The data as the index's snapshot holds it.
    public static func dataset(from file: IndexFile) throws(IndexFileError) -> Dataset {
        let records = try file.section(recordsTag)
        return try file.read(dataTag) { (reader: inout BinaryReader) throws(IndexFileError) in try DataSnapshot.decode(&reader, records: records) }
    }

    /// The header of an opened index.
    public static func header(of file: IndexFile) throws(IndexFileError) -> Header {
        var reader = BinaryReader(try file.section(metaTag))
        let program = try reader.readString()
        guard let view = SourceView(rawValue: try reader.readString()) else { throw .damaged("an unknown view") }
        let fingerprint = try DataFingerprint(decoding: &reader)
        let count = try reader.read(UInt64.self)
        guard count <= 100_000_000 else { throw .damaged("\(count) studies") }
        return Header(program: program, view: view, fingerprint: fingerprint, studyCount: Int(count), idsHash: try reader.read(UInt64.self))
    }

    /// The catalog of `loaded` (decoded from the files the header names, unchanged) from the index.
    /// Throws when the index does not fit the studies; the caller then builds the catalog anew.
    public static func catalog(from file: IndexFile, loaded: Dataset) throws(IndexFileError) -> Catalog {
        let header = try header(of: file)
        guard header.studyCount == loaded.studies.count, header.idsHash == idsHash(loaded.studies) else {
            throw .damaged("its studies are not the data's studies")
        }
        var dataset = loaded
        let viewsCanDiffer = Catalog.viewsDiffer(loaded.studies)
        if viewsCanDiffer { dataset.studies = BestSourced.studies(loaded.studies, view: header.view) }
        let studies = dataset.studies
        let parts = try Parts(file, count: studies.count)
        let store = StudyStore(dataset: dataset, loaded: loaded, spans: parts.spans)
        return parts.catalog(store, view: header.view, viewsCanDiffer: viewsCanDiffer)
    }

    /// The catalog straight from the index, its studies decoded only as they are drawn or
    /// needed (`StudyStore`): nil for data with own records, whose two views the index's one
    /// set of records cannot both show; the caller then decodes them all (`dataset(from:)`).
    public static func lazyCatalog(from file: IndexFile) throws(IndexFileError) -> Catalog? {
        let header = try header(of: file)
        let parts = try Parts(file, count: header.studyCount)
        guard !parts.viewsCanDiffer else { return nil }
        let recordBytes = try file.section(recordsTag)
        let (rest, offsets, records) = try file.read(dataTag) { (reader: inout BinaryReader) throws(IndexFileError) in
            try DataSnapshot.open(&reader, records: recordBytes)
        }
        guard offsets.count == header.studyCount else { throw .damaged("its studies are not the catalog's") }
        let store = StudyStore(records: StudyRecords(file: file, offsets: offsets, records: records), rest: rest, spans: parts.spans)
        return parts.catalog(store, view: header.view, viewsCanDiffer: false)
    }

    /// Everything of a catalog the index holds besides the studies, read and checked.
    private struct Parts {
        var hasPrimaryRecords: Bool
        var viewsCanDiffer: Bool
        var counts: [Int]
        var widthSets: [[[Int]]] = []
        var index: SearchIndex
        var spans: SearchIndex.Spans
        var sortTable: SortTable
        var tabs: [UInt8]
        var dimensions: [UInt8]
        var standardOrder: MappedArray<UInt32>

        init(_ file: IndexFile, count: Int) throws(IndexFileError) {
            var reader = BinaryReader(try file.section(metaTag))
            _ = try reader.readString()
            _ = try reader.readString()
            _ = try DataFingerprint(decoding: &reader)
            _ = try reader.read(UInt64.self)
            _ = try reader.read(UInt64.self)
            hasPrimaryRecords = try reader.read(UInt8.self) == 1
            viewsCanDiffer = try reader.read(UInt8.self) == 1
            counts = try reader.readArray(of: UInt64.self).map { Int(clamping: $0) }
            guard counts.count == Catalog.allTabs.count, counts.allSatisfy({ $0 <= count }) else { throw .damaged("the tab counts") }
            for _ in 0..<2 {
                let tabCount = try reader.read(UInt32.self)
                guard tabCount == UInt32(Catalog.allTabs.count) else { throw .damaged("the column widths") }
                var tabs: [[Int]] = []
                for _ in 0..<tabCount {
                    let widths = try reader.readArray(of: UInt32.self).map { Int($0) }
                    // The catalog never measures wider; a wider width is damage.
                    guard widths.count == StudyColumn.allCases.count, widths.allSatisfy({ $0 <= Catalog.widestColumn }) else {
                        throw .damaged("the column widths")
                    }
                    tabs.append(widths)
                }
                widthSets.append(tabs)
            }
            guard reader.isAtEnd else { throw .damaged("the header has bytes left over") }
            let grams = try file.read(gramsTag) { (reader: inout BinaryReader) throws(IndexFileError) in
                try SearchIndex.decodeGrams(&reader, count: count, in: file)
            }
            (index, spans) = try file.read(searchTag) { (reader: inout BinaryReader) throws(IndexFileError) in
                try SearchIndex.decode(&reader, count: count, grams: grams, in: file)
            }
            sortTable = try file.read(sortTag) { (reader: inout BinaryReader) throws(IndexFileError) in try SortTable(decoding: &reader, count: count) }
            (tabs, dimensions) = try file.read(tabsTag) { (reader: inout BinaryReader) throws(IndexFileError) in
                (try reader.readArray(of: UInt8.self), try reader.readArray(of: UInt8.self))
            }
            guard tabs.count == count, dimensions.count == count,
                  tabs.allSatisfy({ Int($0) < Catalog.allTabs.count }), dimensions.allSatisfy({ Int($0) <= DoseDimension.allCases.count }) else {
                throw .damaged("the tabs or dose dimensions do not fit the studies")
            }
            standardOrder = try file.read(orderTag) { (reader: inout BinaryReader) throws(IndexFileError) in
                try reader.readMappedArray(of: UInt32.self, owner: file.mapping)
            }
            // Every position once: the order stands for the studies themselves.
            var seen = [UInt64](repeating: 0, count: (count + 63) / 64)
            let isPermutation = standardOrder.count == count && standardOrder.withUnsafeBufferPointer { order in
                order.allSatisfy { position in
                    let index = Int(position)
                    guard index < count, seen[index >> 6] & (1 << UInt64(index & 63)) == 0 else { return false }
                    seen[index >> 6] |= 1 << UInt64(index & 63)
                    return true
                }
            }
            guard isPermutation else { throw .damaged("the standard order does not fit the studies") }
        }

        /// The catalog of these parts with these studies.
        func catalog(_ store: StudyStore, view: SourceView, viewsCanDiffer: Bool) -> Catalog {
            Catalog(restoring: store, view: view, hasPrimaryRecords: hasPrimaryRecords, viewsCanDiffer: viewsCanDiffer,
                    searchIndex: index, tabOfStudy: tabs, doseDimensions: dimensions.map { $0 == 0 ? nil : DoseDimension.allCases[Int($0) - 1] },
                    counts: counts, sortTable: sortTable, standardOrder: standardOrder, unicodeWidths: widthSets[0], asciiWidths: widthSets[1])
        }
    }

    /// A hash of every study id in order.
    static func idsHash(_ studies: [Study]) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(studies.count * 16)
        for study in studies {
            bytes.append(contentsOf: study.id.utf8)
            bytes.append(0x0A)
        }
        return ContentHash.of(bytes)
    }
}

extension Catalog {
    /// A catalog from parts read out of an index.
    init(restoring store: StudyStore, view: SourceView, hasPrimaryRecords: Bool, viewsCanDiffer: Bool,
         searchIndex: SearchIndex, tabOfStudy: [UInt8], doseDimensions: [DoseDimension?], counts: [Int],
         sortTable: SortTable, standardOrder: MappedArray<UInt32>, unicodeWidths: [[Int]], asciiWidths: [[Int]]) {
        self.store = store
        self.view = view
        self.hasPrimaryRecords = hasPrimaryRecords
        self.viewsCanDiffer = viewsCanDiffer
        self.searchIndex = searchIndex
        self.tabOfStudy = tabOfStudy
        self.doseDimensions = doseDimensions
        self.counts = counts
        self.sortTable = sortTable
        self.standardOrder = standardOrder
        self.unicodeWidths = unicodeWidths
        self.asciiWidths = asciiWidths
    }
}
