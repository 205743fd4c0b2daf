/// What the browser session needs from a terminal: its size, drawing a screen, and input.
///
/// ncurses is one implementation; `InMemoryTerminal` (used by tests) is the other.
public protocol TerminalDevice: AnyObject {
    /// The current size in columns and rows.
    var size: Size { get }
    /// Shows a screen; `fullRepaint` redraws every cell instead of only the changed ones.
    func draw(_ screen: ScreenBuffer, fullRepaint: Bool)
    /// Writes bytes to the terminal as they are, after the current frame (OSC 52 and the like).
    func send(_ bytes: String)
    /// Waits a short while for input.
    func nextInput() -> TerminalInput
    /// Waits at most this many milliseconds for input (the loading screen polls faster).
    func nextInput(waitingAtMost milliseconds: Int32) -> TerminalInput
}

extension TerminalDevice {
    /// Devices without a clock answer at once either way (the in-memory terminal has its own,
    /// which waits when its script says nothing arrives).
    public func nextInput(waitingAtMost milliseconds: Int32) -> TerminalInput { nextInput() }
}

/// One result of waiting for input.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    /// Nothing arrived in time; the session just waits again.
    case idle
    /// The screen must be redrawn in full (the process was resumed after Ctrl-Z).
    case repaint
    /// The terminal went away (end of input, hang-up, read error).
    case closed
    /// A termination signal arrived (SIGINT, SIGTERM, SIGHUP, SIGQUIT, …), by number.
    case signal(Int32)
    /// Something the user should be told on the status line (keyboard bytes that were not UTF-8).
    case notice(String)
}
