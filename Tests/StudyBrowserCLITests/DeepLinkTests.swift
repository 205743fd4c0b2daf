import Testing
import BrowserCore
@testable import StudyBrowserCLI
@testable import StudyCore

@Suite("Deep links")
struct DeepLinkTests {
    static let catalog = Catalog(DatasetLoader.load(DataOptions.bundledFiles()).dataset)

    func state(_ arguments: [String]) throws -> BrowserState {
        let command = try BrowseCommand.parse(arguments)
        let selection = try command.choice.selection()
        var state = BrowserState(catalog: Self.catalog, size: Size(width: 80, height: 24))
        try BrowseCommand.apply(selection, to: &state)
        return state
    }

    @Test("indication, filter and sort set the starting view")
    func parses() throws {
        let migraine = try state(["--indication", "migraine", "--filter", "design:rct", "--sort", "dose"])
        #expect(migraine.indication == .migraine)
        #expect(migraine.query.text == "design:rct")
        #expect(migraine.sort == TableSort(column: .dose))
        #expect(migraine.rows.map(\.id) == ["afridi-2013", "etchison-2018"])
        let short = try state(["-i", "pain", "-s", "outcome:desc"])
        #expect(short.indication == .chronicPain && short.sort == TableSort(column: .outcome, descending: true))
        let reversed = try state(["--sort=-n"])
        #expect(reversed.sort == TableSort(column: .n, descending: true))
    }

    @Test("a sort key with no column, a bad filter or an unknown indication is a usage error")
    func rejects() {
        #expect(throws: (any Error).self) { try state(["-s", "year"]) }
        #expect(throws: (any Error).self) { try state(["-f", "rout:iv"]) }
        #expect(throws: (any Error).self) { try state(["-i", "cardiology"]) }
    }
}
