// libFuzzer entry for the query language: any text must parse or give a QueryError, and a
// parsed query must evaluate on every study without a trap. Built and run by scripts/fuzz.

@testable import StudyCore

private let entries: [IndexedStudy] = {
    let files = [DataFile(name: "q.json", bytes: Array(queryFuzzerData.utf8))]
    return DatasetLoader.load(files).dataset.studies.map(IndexedStudy.init)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func queryFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let query = try? StudyQuery(text) {
        _ = query.filter(entries)
    }
    if let spec = try? SortSpec(parsing: text) {
        _ = StudySorter.sorted(entries.map(\.study), by: spec)
    }
    return 0
}
