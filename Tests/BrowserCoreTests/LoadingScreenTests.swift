import InMemoryTerminal
import StudyCore
import Testing
@testable import BrowserCore

@Suite("Loading screen")
struct LoadingScreenTests {
    @Test("shows the stage and percentage, redraws only when they change, and hands over when done")
    func progressThenDone() {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), script: [.idle, .idle, .idle, .idle])
        let progress = LoadProgress()
        progress.update("parsing studies.json", 0.25)
        var checks = 0
        let ending = BrowserSession.showLoading(on: terminal, progress: progress, glyphs: .unicode) {
            checks += 1
            if checks == 3 { progress.update("parsing studies.json", 0.5) }
            return checks > 4
        }
        #expect(ending == nil)
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames[0].goldenText.contains("Loading the data │ parsing studies.json 25%"))
        #expect(terminal.lastScreenText.contains("parsing studies.json 50%"))
        #expect(terminal.lastScreenText.contains("q quits"))
    }

    @Test("q, a signal or a closed terminal end the wait with the matching ending")
    func endings() {
        let cases: [(TerminalInput, BrowserSession.Ending)] = [
            (.key(.character("q")), .quit), (.signal(2), .signal(2)), (.closed, .terminalClosed),
        ]
        for (input, expected) in cases {
            let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), script: [.key(.down), input])
            let ending = BrowserSession.showLoading(on: terminal, progress: LoadProgress(), glyphs: .ascii) { false }
            #expect(ending == expected)
        }
    }

    @Test("every size down to one cell renders without breaking the screen", arguments: [Size(width: 1, height: 1), Size(width: 10, height: 3), Size(width: 200, height: 60)])
    func sizes(size: Size) {
        let screen = LoadingView.render(size: size, progress: .init(stage: "indexing 100000 studies", fraction: 1), glyphs: .ascii)
        #expect(screen.size == size)
        #expect(screen.layoutViolation() == nil)
    }
}
