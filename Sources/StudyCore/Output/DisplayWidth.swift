/// Terminal column widths of text, exactly as the C library's `wcwidth` gives them, because
/// ncurses moves the cursor by `wcwidth`: any other guess misaligns the browser's rows.
///
/// Text is laid out in column clusters: one scalar one or two columns wide followed by the
/// zero-width scalars after it (combining marks, variation selectors). Text is only ever cut
/// between clusters.
public enum DisplayWidth {
    /// Zero-width scalars one cell keeps after its base: ncurses stores at most CCHARW_MAX (5)
    /// characters in a cell, so a sixth would be lost or spill; further ones are dropped.
    public static let combiningPerCell = 4

    /// Columns one scalar takes, as glibc's `wcwidth` says: -1 (not printable), 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        width(scalar.value)
    }

    /// Whether the C library can print the scalar (its `wcwidth` is not -1).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        width(scalar.value) != -1
    }

    /// Columns a string occupies: the sum of its scalars' widths, unprintable ones counting 0.
    public static func of(_ text: String) -> Int {
        if let count = printableASCIICount(text) { return count }
        return width(of: text.unicodeScalars)
    }

    /// Columns one grapheme cluster occupies, summed over its scalars as ncurses does
    /// (so 👍🏽 takes 4: `wcwidth` gives the hand and the skin tone 2 each).
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars { width += max(0, of(scalar)) }
        return width
    }

    /// The column clusters of `text` in order, each with its width (1 or 2); scalars that take
    /// no column and have no base before them, and marks beyond `combiningPerCell`, are dropped.
    public static func clusters(_ text: String) -> [(text: String, width: Int)] {
        if let count = printableASCIICount(text) {
            // One cluster per byte: no scalar decoding or table look-up for the common cell.
            var result: [(text: String, width: Int)] = []
            result.reserveCapacity(count)
            for byte in text.utf8 { result.append((String(Character(Unicode.Scalar(byte))), 1)) }
            return result
        }
        return Array(Clusters(text))
    }

    /// The column clusters of a text, produced one at a time (see `clusters(_:)`).
    public struct Clusters: Sequence {
        let text: String

        /// The clusters of `text`.
        public init(_ text: String) { self.text = text }

        /// An iterator over the clusters.
        public func makeIterator() -> Iterator { Iterator(scalars: text.unicodeScalars.makeIterator()) }

        /// Reads a cluster's base, then its zero-width scalars up to the next base.
        public struct Iterator: IteratorProtocol {
            var scalars: String.UnicodeScalarView.Iterator
            /// The next cluster's base, already read while collecting the previous one's marks.
            var pending: (scalar: Unicode.Scalar, width: Int)?

            /// The next cluster, or nil at the end of the text.
            public mutating func next() -> (text: String, width: Int)? {
                var base = pending
                pending = nil
                while base == nil {
                    guard let scalar = scalars.next() else { return nil }
                    let width = DisplayWidth.of(scalar)
                    if width > 0 { base = (scalar, width) }
                }
                guard let base else { return nil }
                var text = String()
                text.unicodeScalars.append(base.scalar)
                var marks = 0
                while let scalar = scalars.next() {
                    let width = DisplayWidth.of(scalar)
                    if width > 0 {
                        pending = (scalar, width)
                        break
                    }
                    if width == 0, marks < combiningPerCell {
                        text.unicodeScalars.append(scalar)
                        marks += 1
                    }
                }
                return (text, base.width)
            }
        }
    }

    /// `text` cut to at most `width` columns, ending with `ellipsis` when anything was cut.
    /// The cut falls before a cluster's base, so a base keeps its marks.
    public static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let ascii = printableASCIICount(text)
        guard (ascii ?? self.width(of: text.unicodeScalars)) > width else { return text }
        let room = width - of(ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        if ascii != nil {
            let end = text.utf8.index(text.utf8.startIndex, offsetBy: room)
            return String(text[..<end]) + ellipsis
        }
        let scalars = text.unicodeScalars
        let end = cut(scalars[...], columns: room).end
        return String(Substring(scalars[..<end])) + ellipsis
    }

    /// `text` padded with spaces on the right to exactly `width` columns (truncating first).
    public static func pad(_ text: String, to width: Int, ellipsis: String) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// Where `scalars` must be cut to take at most `columns` columns: before the first base
    /// that does not fit (its end if all fit), and the columns taken before that point.
    static func cut(_ scalars: Substring.UnicodeScalarView, columns: Int) -> (end: String.Index, used: Int) {
        var used = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let width = of(scalars[index])
            if width > 0 {
                if used + width > columns { return (index, used) }
                used += width
            }
            scalars.formIndex(after: &index)
        }
        return (index, used)
    }

    /// Columns of a run of scalars, unprintable ones counting 0.
    static func width<Scalars: Sequence<Unicode.Scalar>>(of scalars: Scalars) -> Int {
        var width = 0
        for scalar in scalars { width += max(0, of(scalar)) }
        return width
    }

    /// The length of `text` if it is only printable ASCII (each byte one column), else nil.
    static func printableASCIICount<Text: StringProtocol>(_ text: Text) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte &- 0x20 < 0x5F else { return nil }
            count += 1
        }
        return count
    }

    /// The first scalar above the C1 controls whose width is not 1: everything from U+00A0 up
    /// to it (Latin-1, Latin Extended: most accented names) is 1 without a search.
    static let plainLatinEnd: UInt32 = {
        var index = 0
        while index + 2 < ranges.count, ranges[index + 1] < 0xA0 { index += 3 }
        // A range reaching over U+00A0 (not so in glibc 2.36) leaves no fast path.
        return index + 2 < ranges.count ? UInt32(max(0xA0, ranges[index])) : 0xA0
    }()

    /// `wcwidth` of a scalar value: a fast path for ASCII and Latin, a binary search of the
    /// generated table otherwise (scalars not in it are one column).
    static func width(_ value: UInt32) -> Int {
        // Printable ASCII is 1, the C0 controls -1, but NUL 0 as glibc has it (InertText
        // escapes it as a control all the same).
        if value < 0x7F { return value >= 0x20 ? 1 : (value == 0 ? 0 : -1) }
        if value >= 0xA0, value < plainLatinEnd { return 1 }
        return ranges.withUnsafeBufferPointer { table in
            var low = 0
            var high = table.count / 3
            let key = Int32(bitPattern: value)
            while low < high {
                let middle = (low + high) / 2
                if key < table[middle * 3] {
                    high = middle
                } else if key > table[middle * 3 + 1] {
                    low = middle + 1
                } else {
                    return Int(table[middle * 3 + 2])
                }
            }
            return 1
        }
    }
}
