// libFuzzer entry, differential: the parallel decoder that large data files take must give
// exactly what the serial, front-to-back parse of the same bytes gives: the same studies,
// sources, contexts and date, and the same problems in the same order. The decoder's
// parallelBytes and parallelChunks parameters force the parallel path on small inputs.
// Built and run by scripts/fuzz.

@testable import StudyCore

@_cdecl("LLVMFuzzerTestOneInput")
public func decoderFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The parallel path is only tried when the scan finds a "studies" array with at least two
    // elements per piece; pick a piece count it allows (1 to 8, varied by the input).
    guard let layout = JSONStructure.array(under: "studies", in: bytes), layout.elements.count >= 2 else {
        return 0
    }
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes.prefix(64) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    let most = min(8, layout.elements.count / 2)
    let chunks = 1 + Int(hash % UInt64(most))

    let serial = DataFileDecoder.decode(bytes, file: "fuzz.json", parallelBytes: .max)
    let parallel = DataFileDecoder.decode(bytes, file: "fuzz.json", progress: LoadProgress(),
                                          parallelBytes: 0, parallelChunks: chunks)

    let serialProblems = serial.problems.map(\.description)
    let parallelProblems = parallel.problems.map(\.description)
    var differences: [String] = []
    if serialProblems != parallelProblems {
        differences.append("problems differ:\n  serial:   \(serialProblems)\n  parallel: \(parallelProblems)")
    } else if serial.problems != parallel.problems {
        differences.append("problems differ in kind or location fields:\n  serial:   \(serial.problems)\n  parallel: \(parallel.problems)")
    }
    let serialJSON = StudyJSON.array(serial.dataset.studies)
    let parallelJSON = StudyJSON.array(parallel.dataset.studies)
    if serialJSON != parallelJSON {
        differences.append("studies differ:\n  serial:   \(serial.dataset.studies.map(\.id))\n  parallel: \(parallel.dataset.studies.map(\.id))")
    } else if serial.dataset.studies != parallel.dataset.studies {
        differences.append("studies differ in fields the JSON export leaves out (ids \(serial.dataset.studies.map(\.id)))")
    }
    if serial.dataset.sources != parallel.dataset.sources {
        differences.append("sources differ:\n  serial:   \(serial.dataset.sources.map(\.id))\n  parallel: \(parallel.dataset.sources.map(\.id))")
    }
    if serial.dataset.contexts != parallel.dataset.contexts {
        differences.append("indication contexts differ:\n  serial:   \(serial.dataset.contexts.map(\.indication))\n  parallel: \(parallel.dataset.contexts.map(\.indication))")
    }
    if serial.dataset.checked != parallel.dataset.checked {
        differences.append("checked differs: serial \(serial.dataset.checked ?? "nil"), parallel \(parallel.dataset.checked ?? "nil")")
    }
    if serial.dataset != parallel.dataset && differences.isEmpty {
        differences.append("the datasets differ")
    }
    if !differences.isEmpty {
        fatalError("decoder: the parallel decode (\(chunks) pieces, \(layout.elements.count) studies) differs from the serial one:\n"
                   + differences.joined(separator: "\n"))
    }
    return 0
}
