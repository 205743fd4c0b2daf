// libFuzzer entry for the data loader: any bytes must give problems or a dataset, never a trap.
// Built and run by scripts/fuzz, not by SwiftPM.

@testable import StudyCore

@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loaded = DatasetLoader.load([DataFile(name: "fuzz.json", bytes: bytes)])
    // Exercise the outputs on whatever loaded, as a user would next.
    for study in loaded.dataset.studies {
        _ = StudyDetails.fields(of: study)
        _ = TableFormatter.studies([study], columns: StudyColumn.allCases, width: 80, glyphs: .unicode)
        _ = StudyCSV.full([study])
        _ = StudyJSON.array([study])
    }
    for problem in loaded.problems { _ = problem.description }
    return 0
}
