/// Every study's folded search text in a few large buffers, found by offset.
///
/// A keystroke's filter reads each candidate's text straight from these buffers: no study
/// object, reference count or array header in the way, which is what a filter over 100,000
/// studies spends its time on otherwise.
public struct SearchIndex: Sendable {
    let buffers: [[UInt8]]
    /// Per study position: which buffer, and where in it.
    let buffer: [UInt8]
    let start: [UInt32]
    let end: [UInt32]

    /// An index restored from its parts (`SearchIndexCoding`), checked there.
    init(buffers: [[UInt8]], buffer: [UInt8], start: [UInt32], end: [UInt32]) {
        self.buffers = buffers
        self.buffer = buffer
        self.start = start
        self.end = end
    }

    /// The index of pieces made by `IndexedStudy.index`, in study order.
    public init(_ pieces: [(buffer: [UInt8], ranges: [Range<Int>])]) {
        // Never empty, so each has an address (an empty piece's studies have empty ranges).
        buffers = pieces.map { $0.buffer.isEmpty ? [0] : $0.buffer }
        var buffer: [UInt8] = [], start: [UInt32] = [], end: [UInt32] = []
        for (number, piece) in pieces.enumerated() {
            for range in piece.ranges {
                buffer.append(UInt8(truncatingIfNeeded: number))
                start.append(UInt32(range.lowerBound))
                end.append(UInt32(range.upperBound))
            }
        }
        self.buffer = buffer
        self.start = start
        self.end = end
    }

    /// Whether the index covers this many studies (it is built for one catalog).
    public var count: Int { start.count }

    /// The positions whose text holds every needle, in the order given, on every core.
    func filter(_ positions: [Int], needles: [[UInt8]]) -> [Int] {
        // The needles in one buffer, each with its rarest byte chosen once for all studies.
        let words = needles.filter { !$0.isEmpty }
        guard !words.isEmpty else { return positions }
        let joined = Array(words.joined())
        var offset = 0
        let specs: [(start: Int, count: Int, anchor: Int)] = words.map { word in
            defer { offset += word.count }
            return (offset, word.count, word.withUnsafeBufferPointer(FoldedText.anchor))
        }
        return withBases(from: 0, []) { bases in
            let pointers = Pointers(bases: bases)
            let chunkCount = positions.count < 20_000 ? 1 : 8
            let size = (positions.count + chunkCount - 1) / chunkCount
            let parts = Parallel.map(chunkCount) { chunk in
                let range = min(chunk * size, positions.count)..<min((chunk + 1) * size, positions.count)
                return joined.withUnsafeBufferPointer { needleBytes -> [Int] in
                    guard let needleBase = needleBytes.baseAddress else { return [] }
                    return positions[range].filter { position in
                        let piece = Int(buffer[position])
                        guard piece < pointers.bases.count else { return false }
                        let from = Int(start[position])
                        let text = pointers.bases[piece] + from
                        let count = Int(end[position]) - from
                        for spec in specs where !FoldedText.find(needleBase + spec.start, spec.count, anchor: spec.anchor, in: text, count) {
                            return false
                        }
                        return true
                    }
                }
            }
            return chunkCount == 1 ? parts[0] : parts.flatMap { $0 }
        }
    }

    /// Runs `body` with the base address of every buffer (valid only inside it).
    private func withBases<Result>(from index: Int, _ bases: [UnsafeRawPointer], _ body: ([UnsafeRawPointer]) -> Result) -> Result {
        guard index < buffers.count else { return body(bases) }
        return buffers[index].withUnsafeBytes { bytes in
            // Buffers are never empty (see init), so there is always an address.
            guard let base = bytes.baseAddress else { return body(bases) }
            return withBases(from: index + 1, bases + [base], body)
        }
    }

    /// Buffer addresses handed to the filter's threads, which only read through them while
    /// `withBases` keeps the buffers alive.
    private struct Pointers: @unchecked Sendable {
        let bases: [UnsafeRawPointer]
    }
}
