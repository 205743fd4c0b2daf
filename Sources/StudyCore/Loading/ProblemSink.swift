/// Collects the problems of one file while its records are decoded.
final class ProblemSink {
    let file: String
    private(set) var problems: [DataProblem] = []

    init(file: String) { self.file = file }

    func report(record: String?, field: String?, _ message: String) {
        problems.append(DataProblem(file: file, record: record, field: field, message: message))
    }
}
