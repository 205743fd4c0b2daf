/// The search index and every study's tagged spans as an index section, so a warm start reads
/// them instead of folding every study's text again.
extension SearchIndex {
    /// Writes the folded texts (by piece, as the catalog built them), each study's place in
    /// them, the spans field queries search, and the grams when built.
    public func encode(entries: [IndexedStudy], into writer: inout BinaryWriter) {
        writer.write(UInt32(buffers.count))
        for piece in buffers { writer.write(bytes: piece) }
        writer.write(array: buffer)
        writer.write(array: start)
        writer.write(array: end)
        var spanCounts: [UInt32] = [], fields: [UInt8] = [], starts: [UInt32] = [], ends: [UInt32] = []
        spanCounts.reserveCapacity(entries.count)
        for entry in entries {
            spanCounts.append(UInt32(entry.haystack.spans.count))
            for span in entry.haystack.spans {
                fields.append(span.field)
                starts.append(span.start)
                ends.append(span.end)
            }
        }
        writer.write(array: spanCounts)
        writer.write(array: fields)
        writer.write(array: starts)
        writer.write(array: ends)
        writer.write(UInt8(grams == nil ? 0 : 1))
        if let grams {
            writer.write(array: grams.ranks)
            writer.write(array: grams.keys)
            writer.write(array: grams.kinds)
            writer.write(array: grams.offsets)
            writer.write(array: grams.lengths)
            writer.write(array: grams.bitmaps)
            writer.write(array: grams.lists)
        }
    }

    /// Reads what `encode` wrote for these studies, in the same order; every offset is checked.
    public static func decode(_ reader: inout BinaryReader, studies: [Study]) throws(IndexFileError) -> (entries: [IndexedStudy], index: SearchIndex) {
        let pieceCount = Int(try reader.read(UInt32.self))
        guard pieceCount <= 256 else { throw .damaged("the search text has \(pieceCount) pieces") }
        var buffers: [[UInt8]] = []
        // Never an empty piece, as when built: filtering needs an address for every piece.
        for _ in 0..<pieceCount {
            let bytes = try reader.readBytes()
            buffers.append(bytes.isEmpty ? [0] : bytes)
        }
        let piece = try reader.readArray(of: UInt8.self)
        let start = try reader.readArray(of: UInt32.self)
        let end = try reader.readArray(of: UInt32.self)
        let spanCounts = try reader.readArray(of: UInt32.self)
        let fields = try reader.readArray(of: UInt8.self)
        let starts = try reader.readArray(of: UInt32.self)
        let ends = try reader.readArray(of: UInt32.self)
        let count = studies.count
        var grams: GramIndex?
        if try reader.read(UInt8.self) == 1 {
            grams = try GramIndex(count: count, ranks: try reader.readArray(of: UInt8.self), keys: try reader.readArray(of: UInt32.self), kinds: try reader.readArray(of: UInt8.self),
                                  offsets: try reader.readArray(of: UInt32.self), lengths: try reader.readArray(of: UInt32.self),
                                  bitmaps: try reader.readArray(of: UInt64.self), lists: try reader.readArray(of: UInt32.self))
        }
        guard piece.count == count, start.count == count, end.count == count, spanCounts.count == count,
              fields.count == starts.count, starts.count == ends.count else { throw .damaged("the search text does not fit the studies") }
        var spanStart = [Int](repeating: 0, count: count + 1)
        for index in 0..<count { spanStart[index + 1] = spanStart[index] + Int(spanCounts[index]) }
        guard spanStart[count] == fields.count else { throw .damaged("the search spans do not fit the studies") }
        for index in 0..<count {
            let number = Int(piece[index])
            guard number < buffers.count, start[index] <= end[index], Int(end[index]) <= buffers[number].count else {
                throw .damaged("a study's search text lies outside its piece")
            }
            let length = end[index] - start[index]
            for span in spanStart[index]..<spanStart[index + 1] where starts[span] > ends[span] || ends[span] > length {
                throw .damaged("a search span lies outside its study's text")
            }
        }
        let frozenBuffers = buffers
        let spanOffsets = spanStart
        let chunkCount = count < 2_000 ? 1 : 8
        let size = (count + chunkCount - 1) / max(1, chunkCount)
        let parts = Parallel.map(chunkCount) { chunk -> [IndexedStudy] in
            let range = min(chunk * size, count)..<min((chunk + 1) * size, count)
            return range.map { index in
                let spans = (spanOffsets[index]..<spanOffsets[index + 1]).map { FoldedText.Span(field: fields[$0], start: starts[$0], end: ends[$0]) }
                let text = frozenBuffers[Int(piece[index])][Int(start[index])..<Int(end[index])]
                return IndexedStudy(studies[index], haystack: FoldedText(bytes: text, spans: spans))
            }
        }
        return (parts.flatMap { $0 }, SearchIndex(buffers: frozenBuffers, buffer: piece, start: start, end: end, grams: grams))
    }
}
