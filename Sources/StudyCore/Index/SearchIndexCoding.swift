/// The search index and every study's tagged spans as an index section, so a warm start reads
/// them instead of folding every study's text again.
extension SearchIndex {
    /// The section of the folded texts (by piece, as the catalog built them), each study's place
    /// in them and the spans field queries search. The texts, most of it, are parts of their
    /// own, written from where they lie. The grams are a section of their own (`encodeGrams`),
    /// so the texts can be written while the grams are still being worked out.
    public func encodeParts(spans: Spans) -> [SectionPart] {
        var section = SectionWriter()
        section.write(UInt32(buffers.count))
        for piece in buffers { section.write(alignedArray: piece) }
        section.write(array: buffer)
        section.write(array: start)
        section.write(array: end)
        let spanCounts = zip(spans.offsets, spans.offsets.dropFirst()).map { UInt32($1 - $0) }
        let fields = spans.fields, starts = spans.starts, ends = spans.ends
        section.write(array: spanCounts)
        section.write(alignedArray: fields)
        section.write(alignedArray: starts)
        section.write(alignedArray: ends)
        return section.finish()
    }

    /// The section of the grams, when built (else a mark that there are none).
    public func encodeGrams() -> [SectionPart] {
        var section = SectionWriter()
        section.write(UInt8(grams == nil ? 0 : 1))
        if let grams {
            section.write(array: grams.ranks)
            section.write(array: grams.keys)
            section.write(array: grams.kinds)
            section.write(array: grams.offsets)
            section.write(array: grams.lengths)
            section.write(alignedArray: grams.bitmaps)
            section.write(alignedArray: grams.lists)
        }
        return section.finish()
    }

    /// Reads what `encodeGrams` wrote for `count` studies: the grams, or nil when none were built.
    /// With `file` (the index the reader reads), the bitmaps and lists are used in place.
    public static func decodeGrams(_ reader: inout BinaryReader, count: Int, in file: IndexFile?) throws(IndexFileError) -> GramIndex? {
        let owner = file?.mapping
        guard try reader.read(UInt8.self) == 1 else { return nil }
        return try GramIndex(count: count, ranks: try reader.readArray(of: UInt8.self), keys: try reader.readArray(of: UInt32.self),
                             kinds: try reader.readArray(of: UInt8.self), offsets: try reader.readArray(of: UInt32.self),
                             lengths: try reader.readArray(of: UInt32.self), bitmaps: try reader.readMappedArray(of: UInt64.self, owner: owner),
                             lists: try reader.readMappedArray(of: UInt32.self, owner: owner))
    }

    /// Reads what `encodeParts` wrote for `count` studies, without the studies: the index (with
    /// `grams`, read from their own section), and the spans to make their entries with when a
    /// query needs them (`Spans.entries`). With `file` (the index the reader reads), the texts
    /// and spans are used in place, not copied.
    public static func decode(_ reader: inout BinaryReader, count: Int, grams: GramIndex?, in file: IndexFile?) throws(IndexFileError)
        -> (index: SearchIndex, spans: Spans) {
        let owner = file?.mapping
        let pieceCount = Int(try reader.read(UInt32.self))
        guard pieceCount <= 256 else { throw .damaged("the search text has \(pieceCount) pieces") }
        var buffers: [MappedArray<UInt8>] = []
        // Never an empty piece, as when built: filtering needs an address for every piece.
        for _ in 0..<pieceCount {
            let bytes = try reader.readMappedArray(of: UInt8.self, owner: owner)
            buffers.append(bytes.isEmpty ? MappedArray([0]) : bytes)
        }
        let piece = try reader.readArray(of: UInt8.self)
        let start = try reader.readArray(of: UInt32.self)
        let end = try reader.readArray(of: UInt32.self)
        let spanCounts = try reader.readArray(of: UInt32.self)
        let fields = try reader.readMappedArray(of: UInt8.self, owner: owner)
        let starts = try reader.readMappedArray(of: UInt32.self, owner: owner)
        let ends = try reader.readMappedArray(of: UInt32.self, owner: owner)
        guard piece.count == count, start.count == count, end.count == count, spanCounts.count == count,
              fields.count == starts.count, starts.count == ends.count else { throw .damaged("the search text does not fit the studies") }
        var spanStart = [Int](repeating: 0, count: count + 1)
        for index in 0..<count { spanStart[index + 1] = spanStart[index] + Int(spanCounts[index]) }
        guard spanStart[count] == fields.count else { throw .damaged("the search spans do not fit the studies") }
        // Spans are checked when entries are made from them (`Spans.entries`), so a start reads none of them.
        for index in 0..<count {
            let number = Int(piece[index])
            guard number < buffers.count, start[index] <= end[index], Int(end[index]) <= buffers[number].count else {
                throw .damaged("a study's search text lies outside its piece")
            }
        }
        let index = SearchIndex(buffers: buffers, buffer: piece, start: start, end: end, grams: grams)
        return (index, Spans(offsets: spanStart, fields: fields, starts: starts, ends: ends))
    }

    /// Where each study's tagged parts lie in its folded text, as folded (`IndexedStudy.fold`)
    /// or read from an index (checked there).
    public struct Spans: Sendable {
        let offsets: [Int]
        let fields: MappedArray<UInt8>
        let starts: MappedArray<UInt32>
        let ends: MappedArray<UInt32>

        init(offsets: [Int], fields: MappedArray<UInt8>, starts: MappedArray<UInt32>, ends: MappedArray<UInt32>) {
            self.offsets = offsets
            self.fields = fields
            self.starts = starts
            self.ends = ends
        }

        /// The spans of pieces folded one after another, in study order.
        public init(joining pieces: [IndexedStudy.Folded]) {
            var offsets = [0]
            offsets.reserveCapacity(pieces.reduce(1) { $0 + $1.spanCounts.count })
            for piece in pieces {
                for count in piece.spanCounts { offsets.append((offsets.last ?? 0) + Int(count)) }
            }
            self.offsets = offsets
            fields = MappedArray(pieces.count == 1 ? pieces[0].fields : pieces.flatMap(\.fields))
            starts = MappedArray(pieces.count == 1 ? pieces[0].starts : pieces.flatMap(\.starts))
            ends = MappedArray(pieces.count == 1 ? pieces[0].ends : pieces.flatMap(\.ends))
        }

        /// The entries of these studies (the ones the index was read for, in order), made on every core.
        public func entries(_ studies: [Study], index: SearchIndex) -> [IndexedStudy] {
            let count = studies.count
            guard offsets.count == count + 1, index.count == count else { return studies.map(IndexedStudy.init) }
            let ranges = Parallel.ranges(count, chunks: count < 2_000 ? 1 : 8)
            let parts = Parallel.map(ranges.count) { chunk -> [IndexedStudy] in
                ranges[chunk].map { position in
                    let text = index.text(at: position)
                    // A span outside its text (an index damaged past its checksum) is left out, never read.
                    let spans = (offsets[position]..<offsets[position + 1]).compactMap { span -> FoldedText.Span? in
                        guard starts[span] <= ends[span], Int(ends[span]) <= text.count else { return nil }
                        return FoldedText.Span(field: fields[span], start: starts[span], end: ends[span])
                    }
                    return IndexedStudy(studies[position], haystack: FoldedText(bytes: text[...], spans: spans))
                }
            }
            return parts.flatMap { $0 }
        }
    }
}
