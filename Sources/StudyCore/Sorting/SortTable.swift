/// Every study's sort values, worked out once as columns of numbers, so a sort compares
/// doubles by position and never touches the study records.
///
/// Texts become their rank among the column's texts, so comparing ranks orders exactly as
/// comparing the texts; a value the source does not report is NaN and sorts last either way.
public struct SortTable: Sendable {
    /// For each key, its components (a key such as dose has several), each a column by position.
    private let columns: [SortKey: [[Double]]]
    /// Each study's rank by id: the final tie-break, so the order is total and stable.
    private let idRank: [Int32]

    /// The values of `keys` (all by default) for every study, on every core: first each core
    /// reads its own stretch of studies for every key (two cores reading the same studies
    /// passed each study's reference count back and forth between them), then each key's
    /// texts are ranked, one key per task.
    public init(_ studies: [Study], keys: [SortKey] = SortKey.allCases) {
        // The id ranks are the id key's column; they are worked out once even when the id key
        // is not asked for.
        let tasks = keys.contains(.id) ? keys : keys + [.id]
        let stretches = Parallel.ranges(studies.count, chunks: studies.count < 2_000 ? 1 : 16)
        let pieces = Parallel.map(stretches.count) { stretch in Self.components(studies[stretches[stretch]], keys: tasks) }
        let built = Parallel.map(tasks.count) { task in
            // A component no study of a stretch has is missing for each of them.
            let width = pieces.reduce(0) { max($0, $1[task].count) }
            return (0..<width).map { component in
                Self.numericColumn(pieces.indices.flatMap { stretch in
                    let piece = pieces[stretch][task]
                    return piece.indices.contains(component) ? piece[component] : Array(repeating: nil, count: stretches[stretch].count)
                })
            }
        }
        var columns: [SortKey: [[Double]]] = [:]
        for (index, key) in tasks.enumerated() { columns[key] = built[index] }
        idRank = (columns[.id]?.first ?? []).map { $0.isNaN ? 0 : Int32($0) }
        if !keys.contains(.id) { columns[.id] = nil }
        self.columns = columns
    }

    /// The section of every key's columns and the id ranks, for a derived index (each column a part of its own).
    public func encodeParts() -> [SectionPart] {
        var section = SectionWriter()
        let keys = SortKey.allCases.filter { columns[$0] != nil }
        section.write(UInt32(keys.count))
        for key in keys {
            section.write(string: key.rawValue)
            let components = columns[key] ?? []
            section.write(UInt32(components.count))
            for column in components { section.write(array: column) }
        }
        section.write(array: idRank)
        return section.finish()
    }

    /// Reads what `encodeParts` wrote for `count` studies; every column must have one value per study.
    public init(decoding reader: inout BinaryReader, count: Int) throws(IndexFileError) {
        var columns: [SortKey: [[Double]]] = [:]
        let keyCount = try reader.read(UInt32.self)
        guard keyCount <= UInt32(SortKey.allCases.count) else { throw .damaged("the sort table has \(keyCount) keys") }
        for _ in 0..<keyCount {
            guard let key = SortKey(rawValue: try reader.readString()) else { throw .damaged("an unknown sort key") }
            let componentCount = try reader.read(UInt32.self)
            guard componentCount <= 16 else { throw .damaged("a sort key with \(componentCount) parts") }
            var components: [[Double]] = []
            for _ in 0..<componentCount {
                let column = try reader.readArray(of: Double.self)
                guard column.count == count else { throw .damaged("a sort column does not fit the studies") }
                components.append(column)
            }
            columns[key] = components
        }
        idRank = try reader.readArray(of: Int32.self)
        guard idRank.count == count else { throw .damaged("the id ranks do not fit the studies") }
        self.columns = columns
    }

    /// The positions in the spec's order (keys missing from the table are skipped).
    public func order(_ positions: [Int], by spec: SortSpec) -> [Int] {
        var keyColumns: [[Double]] = []
        var descending: [Bool] = []
        for term in spec.terms {
            for column in columns[term.key] ?? [] {
                keyColumns.append(column)
                descending.append(term.descending)
            }
        }
        let ranks = idRank
        return positions.sorted { lhs, rhs in
            for (index, values) in keyColumns.enumerated() {
                let left = values[lhs], right = values[rhs]
                if left.isNaN {
                    if right.isNaN { continue }
                    return false
                }
                if right.isNaN { return true }
                if left == right { continue }
                return descending[index] ? right < left : left < right
            }
            return ranks[lhs] < ranks[rhs]
        }
    }

    /// Each key's components for a stretch of studies, by key and then by component (a study
    /// with fewer components than another has nil for the rest). Every key of a study is read
    /// while the study is at hand: a pass over all studies for each key met each study's texts
    /// in memory again, a cache miss for every reference count taken.
    private static func components(_ studies: ArraySlice<Study>, keys: [SortKey]) -> [[[StudySorter.Component?]]] {
        var columns = [[[StudySorter.Component?]]](repeating: [], count: keys.count)
        // Folding a name can go through Foundation; names repeat, so each is folded once.
        var folded: [String: String] = [:]
        for (index, study) in studies.enumerated() {
            for (task, key) in keys.enumerated() {
                let values: [StudySorter.Component?]
                if key == .study {
                    let citation = study.citation
                    let author = citation.firstAuthor.map { name -> StudySorter.Component in
                        if let known = folded[name] { return .text(known) }
                        let text = SearchText.fold(name)
                        folded[name] = text
                        return .text(text)
                    }
                    values = [author, citation.year.map { .number(Double($0)) }]
                } else {
                    values = StudySorter.components(of: study, for: key)
                }
                for (component, value) in values.enumerated() {
                    if component == columns[task].count {
                        columns[task].append([StudySorter.Component?](repeating: nil, count: index))
                        columns[task][component].reserveCapacity(studies.count)
                    }
                    columns[task][component].append(value)
                }
                for component in columns[task].indices where columns[task][component].count == index { columns[task][component].append(nil) }
            }
        }
        return columns
    }

    /// One component for every study as a number; texts replaced by their rank in sorted order.
    static func numericColumn(_ values: [StudySorter.Component?]) -> [Double] {
        var column = values.map { value -> Double in
            if case .number(let number)? = value { return number }
            return .nan
        }
        var texts: [(text: String, position: Int)] = []
        for (position, value) in values.enumerated() {
            if case .text(let text)? = value { texts.append((text, position)) }
        }
        if texts.allSatisfy({ $0.text.isAllASCII }) {
            // ASCII texts (ids, most names) in one sort, ranked in one walk: equal texts are
            // neighbours, so they share a rank, as they do among the sorted distinct texts. The
            // general way below hashes each text three times (a set, the ranks, a lookup).
            texts.sort { $0.text < $1.text }
            var rank = -1.0
            for (index, entry) in texts.enumerated() {
                if index == 0 || entry.text != texts[index - 1].text { rank += 1 }
                column[entry.position] = rank
            }
            return column
        }
        // Other texts by their distinct values: the standard library's `<` does not always keep
        // canonically equal spellings ("ü", "u" + U+0308) together, so one sort could part them.
        var rank: [String: Double] = [:]
        for (position, text) in Set(texts.map(\.text)).sorted().enumerated() { rank[text] = Double(position) }
        for entry in texts { column[entry.position] = rank[entry.text] ?? .nan }
        return column
    }
}
