import Foundation
import Testing
@testable import StudyBrowserCLI

/// Gzip unpacking for imports: whole, multi-member and padded files read; truncated, corrupt,
/// foreign and oversized ones refused with a reason.
@Suite("Gunzip")
struct GunzipTests {
    static let packed: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("StudyCoreTests/Fixtures/import/pubmed.xml.gz")
        return (try? Data(contentsOf: url)).map(Array.init) ?? []
    }()
    static let plain: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("StudyCoreTests/Fixtures/import/pubmed.xml")
        return (try? Data(contentsOf: url)).map(Array.init) ?? []
    }()

    @Test("a gzip file unpacks to the file that was packed; members are joined; trailing zeros are padding")
    func unpacks() throws {
        #expect(Gunzip.isGzip(Self.packed) && !Gunzip.isGzip(Self.plain))
        #expect(try Gunzip.unpack(Self.packed) == Self.plain)
        #expect(try Gunzip.unpack(Self.packed + Self.packed) == Self.plain + Self.plain)
        #expect(try Gunzip.unpack(Self.packed + [0, 0, 0, 0]) == Self.plain)
    }

    static let refusals: [(name: String, bytes: [UInt8], says: String)] = [
        ("truncated", Array(packed.prefix(packed.count / 2)), "ends early"),
        ("only the magic number", [0x1F, 0x8B], "ends early"),
        ("corrupt", packed.enumerated().map { $0.offset == 40 ? $0.element ^ 0xFF : $0.element }, "corrupt gzip data"),
        ("not gzip", Array("PMID- 1\n".utf8), "not gzip data"),
        ("junk after a member", packed + Array("junk".utf8), "unexpected bytes after gzip member 1"),
    ]

    @Test("bad gzip data is refused with a reason", arguments: refusals.indices)
    func refuses(_ index: Int) {
        let case_ = Self.refusals[index]
        #expect(throws: Gunzip.Failure.self, "\(case_.name)") { try Gunzip.unpack(case_.bytes) }
        do {
            _ = try Gunzip.unpack(case_.bytes)
        } catch {
            #expect(error.description.contains(case_.says), "\(case_.name): \(error)")
        }
    }

    @Test("output past the limit is refused, so a small file cannot unpack to gigabytes")
    func limit() {
        do {
            _ = try Gunzip.unpack(Self.packed, limit: 1_000)
            Issue.record("unpacked past the limit")
        } catch {
            #expect(error.description.contains("unpacks to more than"))
        }
    }
}
