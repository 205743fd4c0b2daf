import StudyCore

/// The loaded data, indexed once for filtering: what every browser state shares.
public struct Catalog: Sendable {
    public let dataset: Dataset
    public let entries: [IndexedStudy]

    /// Indexes a dataset.
    public init(_ dataset: Dataset) {
        self.dataset = dataset
        entries = dataset.studies.map(IndexedStudy.init)
    }

    /// Tabs in order: All, then each indication.
    public static let tabs: [Indication?] = [nil] + Indication.allCases.map { Optional($0) }

    /// Number of studies under a tab.
    public func count(_ indication: Indication?) -> Int {
        indication.map(dataset.count(of:)) ?? dataset.studies.count
    }
}
