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
        #expect(ContentHash.of(parts: parts) == ContentHash.of(whole))
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
        try AtomicFile.write(to: path, overwrite: false, durable: false) { IndexFile.write(sections: sections, to: $0) }
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == built)
        let opened = try IndexFile(path: path)
        for section in sections {
            let bytes = try opened.section(section.tag)
            #expect(Array(bytes) == Array(section.parts.joined()))
        }
    }
}
