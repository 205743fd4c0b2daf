import Foundation
import BrowserCore

/// A terminal held in memory: it replays scripted input and keeps every frame drawn.
///
/// The stand-in for ncurses in tests, in the way swift-nio's `NIOEmbedded` stands in for sockets.
public final class InMemoryTerminal: TerminalDevice {
    public private(set) var size: Size
    /// Every screen drawn, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// Everything sent to the terminal raw (OSC 52 sequences), oldest first.
    public private(set) var sent: [String] = []
    /// How many draws asked for a full repaint.
    public private(set) var fullRepaints = 0
    private var script: [TerminalInput]

    /// A terminal of a size that will deliver `script` and then report that it closed.
    public init(size: Size, script: [TerminalInput]) {
        self.size = size
        self.script = script
    }

    /// Convenience: a script of keys followed by closing.
    public convenience init(size: Size, keys: [Key]) {
        self.init(size: size, script: keys.map(TerminalInput.key))
    }

    public func draw(_ screen: ScreenBuffer, fullRepaint: Bool) {
        frames.append(screen)
        if fullRepaint { fullRepaints += 1 }
    }

    public func send(_ bytes: String) { sent.append(bytes) }

    public func nextInput() -> TerminalInput {
        guard !script.isEmpty else { return .closed }
        let input = script.removeFirst()
        if case .key(.resize(let newSize)) = input { size = newSize }
        return input
    }

    /// A scripted `.idle` is a real wait when the session asks for one (it does while work runs
    /// beside it): nothing arrives for that long, as from a person who stops typing.
    public func nextInput(waitingAtMost milliseconds: Int32) -> TerminalInput {
        if script.first == .idle { usleep(useconds_t(max(0, milliseconds)) * 1000) }
        return nextInput()
    }

    /// The last frame as golden text, or "" before the first draw.
    public var lastScreenText: String { frames.last?.goldenText ?? "" }
}
