import InMemoryTerminal
import Testing
@testable import BrowserCore

@Suite("Browser session on the in-memory terminal")
struct SessionTests {
    @Test("draws once at start and once per key that changed something; q ends the session")
    func quits() {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), keys: [.down, .character("x"), .character("q")])
        let result = BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: terminal)
        #expect(result.ending == .quit)
        #expect(terminal.frames.count == 2)
        #expect(terminal.fullRepaints == 1)
        #expect(result.state.selection == 1)
    }

    @Test("Ctrl-L asks the backend for a full repaint")
    func repaint() {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), keys: [.control("l"), .character("q")])
        _ = BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: terminal)
        #expect(terminal.fullRepaints == 2)
    }

    @Test("a resize redraws at the new size")
    func resize() {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), keys: [.resize(Size(width: 120, height: 40)), .character("q")])
        _ = BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: terminal)
        #expect(terminal.frames.last?.size == Size(width: 120, height: 40))
    }

    @Test("the session starts at the terminal's real size")
    func startsAtDeviceSize() {
        let terminal = InMemoryTerminal(size: Size(width: 100, height: 30), keys: [.character("q")])
        _ = BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: terminal)
        #expect(terminal.frames.first?.size == Size(width: 100, height: 30))
    }

    @Test("a resume after Ctrl-Z repaints every cell")
    func resume() {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), script: [.repaint, .key(.character("q"))])
        _ = BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: terminal)
        #expect(terminal.fullRepaints == 2)
    }

    @Test("end of input and signals end the session with their reason")
    func endings() {
        let closed = InMemoryTerminal(size: Size(width: 80, height: 24), keys: [.down])
        #expect(BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: closed).ending == .terminalClosed)
        let signalled = InMemoryTerminal(size: Size(width: 80, height: 24), script: [.idle, .signal(15)])
        #expect(BrowserSession.run(Fixture.state(Size(width: 80, height: 24)), on: signalled).ending == .signal(15))
    }
}
