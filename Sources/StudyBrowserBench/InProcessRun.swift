import BrowserCore
import StudyCore

/// Load, index, first frame, filter keystrokes, sorts and a frame's render, timed inside this
/// process with the same code the browser runs.
struct InProcessRun {
    var load: [Double] = []
    var index: [Double] = []
    var firstFrame: [Double] = []
    var keystrokes: [Double] = []
    var doseSort: [Double] = []
    var outcomeSort: [Double] = []
    var render: [Double] = []
    var studies = 0
    var matching = 0
    /// The last run's catalog, for the overlay run.
    var catalog: Catalog?

    /// The query typed one character at a time (10 characters).
    static let query = "refractory"

    static func run(paths: [String], repeats: Int) -> InProcessRun {
        var result = InProcessRun()
        for _ in 0..<repeats {
            var loaded = Dataset()
            result.load.append(Measure.time { loaded = DatasetLoader.load(paths: paths).dataset })
            result.studies = loaded.studies.count
            var catalog: Catalog?
            result.index.append(Measure.time { catalog = Catalog(loaded) })
            guard let catalog else { continue }
            result.catalog = catalog
            var state: BrowserState?
            result.firstFrame.append(Measure.time {
                let start = BrowserState(catalog: catalog, size: Size(width: 120, height: 40))
                _ = BrowserView.render(start)
                state = start
            })
            guard var typing = state else { continue }
            for length in 1...query.count {
                result.keystrokes.append(Measure.time {
                    typing.setFilterText(String(query.prefix(length)))
                    _ = BrowserView.render(typing)
                })
            }
            result.matching = typing.rows.count
            // Sorting as the browser does it: the whole tab re-sorted and the filter re-applied.
            guard var sorting = state else { continue }
            result.doseSort.append(Measure.time { sorting.setSort(TableSort(column: .dose, descending: false)) })
            result.outcomeSort.append(Measure.time { sorting.setSort(TableSort(column: .outcome, descending: false)) })
            result.render.append(Measure.time { _ = BrowserView.render(sorting) })
        }
        return result
    }
}
