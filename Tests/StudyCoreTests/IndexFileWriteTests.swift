import Foundation
import SyntheticStudies
import Testing
@testable import StudyCore

/// An index written straight from its parts is the file `IndexFile.bytes` would build, and reads back.
@Suite("Index files written from parts")
struct IndexFileWriteTests {
    @Test("a hash fed in pieces equals the hash of the whole, wherever the pieces break", arguments: 0..<30)
    func hashInPieces(seed: UInt64) {
        var random = SplitMix64(state: seed)
        let whole = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var parts: [[UInt8]] = []
        var rest = whole[...]
        while !rest.isEmpty || random.next() % 3 == 0 {
            let size = Int(random.next() % 70)
            parts.append(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
            if parts.count > 400 { break }
        }
        parts.append(Array(rest))
        #expect(ContentHash.of(parts: parts.map(SectionPart.init)) == ContentHash.of(whole))
    }

    @Test("sections written from parts make the same bytes as sections built whole, and open with every checksum right")
    func writtenEqualsBuilt() throws {
        var random = SplitMix64(state: 7)
        let sections: [(tag: UInt32, parts: [[UInt8]])] = (0..<5).map { tag in
            (UInt32(tag + 1), (0..<Int(random.next() % 4)).map { _ in
                (0..<Int(random.next() % 5_000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            })
        }
        let built = IndexFile.bytes(sections: sections.map { ($0.tag, Array($0.parts.joined())) })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-parts-\(UUID().uuidString).sbindex").path
        defer { unlink(path) }
        try AtomicFile.write(to: path, overwrite: false, durable: false) {
            IndexFile.write(sections: sections.map { ($0.tag, $0.parts.map(SectionPart.init)) }, to: $0)
        }
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == built)
        let opened = try IndexFile(path: path)
        for section in sections {
            let bytes = try opened.section(section.tag)
            #expect(Array(bytes) == Array(section.parts.joined()))
        }
    }

    @Test("a section written in parts holds the bytes one writer would write, aligned arrays included", arguments: 0..<12)
    func sectionInParts(seed: UInt64) {
        var random = SplitMix64(state: seed)
        var section = SectionWriter()
        var whole = BinaryWriter()
        // Large arrays (a mebibyte or more) become parts of their own; small ones stay in the tail.
        func length() -> Int { random.next() % 4 == 0 ? (1 << 18) + Int(random.next() % 1_000) : Int(random.next() % 40) }
        for _ in 0..<Int(6 + random.next() % 10) {
            switch random.next() % 6 {
            case 0:
                let value = UInt8(truncatingIfNeeded: random.next())
                section.write(value)
                whole.write(value)
            case 1:
                let text = String(repeating: "x", count: Int(random.next() % 9))
                section.write(string: text)
                whole.write(string: text)
            case 2:
                let values = (0..<length()).map { _ in UInt32(truncatingIfNeeded: random.next()) }
                section.write(array: values)
                whole.write(array: values)
            case 3:
                let values = (0..<length() * 4).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                section.write(alignedArray: values)
                whole.write(alignedArray: values)
            case 4:
                let values = (0..<length() / 2).map { _ in random.next() }
                section.write(alignedArray: MappedArray(values))
                whole.write(alignedArray: values)
            default:
                let value = UInt32(truncatingIfNeeded: random.next())
                section.write(value)
                whole.write(value)
            }
        }
        let parts = section.finish()
        #expect(parts.flatMap(\.bytes) == whole.bytes)
        #expect(ContentHash.of(parts: parts) == ContentHash.of(whole.bytes))
    }
}
