/// Every study's folded search text in a few large buffers, found by offset.
///
/// A keystroke's filter reads each candidate's text straight from these buffers: no study
/// object, reference count or array header in the way, which is what a filter over 100,000
/// studies spends its time on otherwise.
public struct SearchIndex: Sendable {
    let buffers: [MappedArray<UInt8>]
    /// Per study position: which buffer, and where in it.
    let buffer: [UInt8]
    let start: [UInt32]
    let end: [UInt32]
    /// Which studies hold each byte and pair of bytes, to skip the texts that cannot match.
    private(set) var grams: GramIndex?

    /// An index restored from its parts (`SearchIndexCoding`), checked there.
    init(buffers: [MappedArray<UInt8>], buffer: [UInt8], start: [UInt32], end: [UInt32], grams: GramIndex?) {
        self.buffers = buffers
        self.buffer = buffer
        self.start = start
        self.end = end
        self.grams = grams
    }

    /// The index of pieces made by `IndexedStudy.index`, in study order; with `grams`, also
    /// which studies hold each byte and pair of bytes (worth it from a few thousand studies).
    public init(_ pieces: [(buffer: [UInt8], ranges: [Range<Int>])], grams: Bool = true) {
        // Never empty, so each has an address (an empty piece's studies have empty ranges).
        buffers = pieces.map { MappedArray($0.buffer.isEmpty ? [0] : $0.buffer) }
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
        if grams { self.grams = buildGrams() }
    }

    /// Whether both indexes hold the same texts in the same places (one was made from the other).
    public func sameTexts(as other: SearchIndex) -> Bool {
        buffers.count == other.buffers.count && buffer == other.buffer && start == other.start && end == other.end
            && zip(buffers, other.buffers).allSatisfy { mine, theirs in
                mine.withUnsafeBufferPointer { mine in theirs.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress && $0.count == mine.count } }
            }
    }

    /// Whether the index has its grams.
    public var hasGrams: Bool { grams != nil }

    /// The same index with its grams, built now if it has none.
    public func withGrams() -> SearchIndex {
        guard grams == nil else { return self }
        var built = self
        built.grams = buildGrams()
        return built
    }

    /// Whether the index covers this many studies (it is built for one catalog).
    public var count: Int { start.count }

    /// A copy of a study's folded text (positions and offsets checked when the index was built or read).
    func text(at position: Int) -> [UInt8] {
        buffers[Int(buffer[position])].withUnsafeBufferPointer { Array($0[Int(start[position])..<Int(end[position])]) }
    }

    /// The positions whose text holds every needle, in the order given, on every core (visited
    /// in storage order: `StorageOrder`).
    func filter(_ positions: [Int], needles: [[UInt8]]) -> [Int] {
        // The needles in one buffer, each with its rarest byte chosen once for all studies.
        let words = needles.filter { !$0.isEmpty }
        guard !words.isEmpty else { return positions }
        // The scan reads these without bounds checks; both inits make them as long as `start`.
        guard buffer.count == count, end.count == count else { return [] }
        let joined = Array(words.joined())
        var offset = 0
        let specs: [Needle] = words.map { word in
            defer { offset += word.count }
            return Needle(start: offset, count: word.count, anchor: word.withUnsafeBufferPointer(FoldedText.anchor))
        }
        return withBases(from: 0, []) { bases in
            buffer.withUnsafeBufferPointer { piece in
                start.withUnsafeBufferPointer { start in
                    end.withUnsafeBufferPointer { end in
                        bases.withUnsafeBufferPointer { bases in
                            specs.withUnsafeBufferPointer { specs in
                                joined.withUnsafeBufferPointer { needleBytes in
                                    let scan = Scan(piece: piece, start: start, end: end, bases: bases, specs: specs, needles: needleBytes)
                                    let narrow = grams.map { grams in { (wanted: inout [UInt64]) in grams.narrow(&wanted, needles: words) } }
                                    return StorageOrder.filter(positions, count: count, narrow: narrow) { scan.matches($0) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One needle's place in the joined needle bytes, and its rarest byte.
    private struct Needle {
        let start: Int
        let count: Int
        let anchor: Int
    }

    /// Everything one keystroke's scan reads, as raw buffers that the filter keeps alive while
    /// the scan's threads read them. With arrays, every study cost a retain and a release of
    /// each shared array, on two threads counting on the same objects.
    private struct Scan: @unchecked Sendable {
        let piece: UnsafeBufferPointer<UInt8>
        let start: UnsafeBufferPointer<UInt32>
        let end: UnsafeBufferPointer<UInt32>
        let bases: UnsafeBufferPointer<UnsafeRawPointer>
        let specs: UnsafeBufferPointer<Needle>
        let needles: UnsafeBufferPointer<UInt8>

        /// Whether the text at `position` (inside the index) holds every needle.
        func matches(_ position: Int) -> Bool {
            guard let needleBase = needles.baseAddress else { return false }
            let number = Int(piece[position])
            guard number < bases.count else { return false }
            let from = Int(start[position])
            let text = bases[number] + from
            let count = Int(end[position]) - from
            for spec in specs where !FoldedText.find(needleBase + spec.start, spec.count, anchor: spec.anchor, in: text, count) {
                return false
            }
            return true
        }
    }

    /// The gram index of these texts.
    private func buildGrams() -> GramIndex? {
        guard buffer.count == count, end.count == count else { return nil }
        return withBases(from: 0, []) { bases in
            buffer.withUnsafeBufferPointer { piece in
                start.withUnsafeBufferPointer { start in
                    end.withUnsafeBufferPointer { end in
                        bases.withUnsafeBufferPointer { bases in
                            let texts = Texts(piece: piece, start: start, end: end, bases: bases)
                            return GramIndex.build(count: count) { texts.text(at: $0) }
                        }
                    }
                }
            }
        }
    }

    /// The texts by position, as raw buffers the gram build's threads share while
    /// `buildGrams` keeps them alive.
    private struct Texts: @unchecked Sendable {
        let piece: UnsafeBufferPointer<UInt8>
        let start: UnsafeBufferPointer<UInt32>
        let end: UnsafeBufferPointer<UInt32>
        let bases: UnsafeBufferPointer<UnsafeRawPointer>

        func text(at position: Int) -> UnsafeBufferPointer<UInt8> {
            let number = Int(piece[position])
            guard number < bases.count else { return UnsafeBufferPointer(start: nil, count: 0) }
            let from = Int(start[position])
            return UnsafeBufferPointer(start: (bases[number] + from).assumingMemoryBound(to: UInt8.self), count: Int(end[position]) - from)
        }
    }

    /// Runs `body` with the base address of every buffer (valid only inside it).
    private func withBases<Result>(from index: Int, _ bases: [UnsafeRawPointer], _ body: ([UnsafeRawPointer]) -> Result) -> Result {
        guard index < buffers.count else { return body(bases) }
        return buffers[index].withUnsafeBufferPointer { bytes in
            // Buffers are never empty (see init), so there is always an address.
            guard let base = bytes.baseAddress else { return body(bases) }
            return withBases(from: index + 1, bases + [UnsafeRawPointer(base)], body)
        }
    }
}
