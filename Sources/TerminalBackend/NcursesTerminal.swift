import BrowserCore
import CNcursesw
import CTerminalSignals
import StudyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ncurses terminal: the only code that talks to curses. Starts curses, draws screen
/// buffers with `erase` + `refresh` (so only changes travel over SSH), reads keys, and always
/// restores the terminal in `close()`.
public final class NcursesTerminal: TerminalDevice {
    /// Why curses could not start.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    private let screen: OpaquePointer
    private let theme: Theme
    private var closed = false
    private var emptyReads = 0
    /// Keyboard bytes are decoded here, not by curses, so bytes that are not UTF-8 become
    /// Latin-1 characters with a notice instead of an error that looks like end of input.
    private var keyboard = KeyboardBytes()
    /// Inputs decoded but not yet handed out (a byte can complete several characters).
    private var decoded: [TerminalInput] = []

    /// Starts curses on the process's terminal (or on /dev/null for a smoke test).
    /// - Parameters:
    ///   - environment: the process environment (TERM, NO_COLOR, ESCDELAY).
    ///   - headless: draw to /dev/null instead of the terminal, for tests without a tty.
    public init(environment: [String: String], headless: Bool = false) throws {
        setlocale(LC_ALL, "")
        // The shell's mode, saved before curses changes it, for the signal handlers.
        if !headless { terminal_signals_save_mode(STDOUT_FILENO) }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            throw StartError(description: "TERM is \(term.isEmpty ? "not set" : "\"dumb\""), so the terminal cannot be driven")
        }
        // The default one-second Esc delay makes Esc feel broken; 25 ms unless the user chose.
        if environment["ESCDELAY"] == nil { set_escdelay(25) }
        let started = term.withCString { headless ? shim_newterm_devnull($0) : shim_newterm_stdio($0) }
        guard let started else {
            throw StartError(description: "the terminal type \"\(term)\" is unknown to this system's terminfo")
        }
        screen = started
        set_term(screen)
        let usesColor = has_colors() && (environment["NO_COLOR"] ?? "").isEmpty && !headless
        if usesColor {
            start_color()
            use_default_colors()
        }
        theme = Theme(usesColor: usesColor)
        cbreak()
        noecho()
        nonl()
        keypad(shim_stdscr(), true)
        curs_set(0)
        if !headless {
            shim_disable_flow_control(STDOUT_FILENO)
            // CAN first: it ends any escape sequence a signal interrupted half-written.
            var restore = [CChar](repeating: 0, count: 512)
            restore[0] = 0x18
            let length = 1 + restore.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { shim_restore_sequence($0 + 1, buffer.count - 1) } ?? 0
            }
            terminal_signals_save_restore_bytes(restore, length)
            terminal_signals_install()
        }
    }

    deinit { close() }

    public var size: Size { Size(width: Int(shim_cols()), height: Int(shim_lines())) }

    public func draw(_ buffer: ScreenBuffer, fullRepaint: Bool) {
        guard !closed else { return }
        erase()
        for y in 0..<buffer.size.height {
            for run in buffer.runs(row: y) {
                attrset(Int32(bitPattern: theme.attribute(run.role)))
                _ = mvaddstr(Int32(y), Int32(run.x), run.text)
            }
        }
        attrset(Int32(bitPattern: shim_a_normal()))
        if fullRepaint { redrawwin(shim_stdscr()) }
        refresh()
    }

    public func send(_ bytes: String) {
        guard !closed else { return }
        refresh()
        DescriptorWriter.writeAll(STDOUT_FILENO, bytes)
    }

    public func nextInput() -> TerminalInput { nextInput(waitingAtMost: 500) }

    public func nextInput(waitingAtMost milliseconds: Int32) -> TerminalInput {
        let signal = terminal_signals_take()
        if signal != 0 { return .signal(signal) }
        if terminal_signals_take_continued() != 0 { return .repaint }
        // Keys curses already holds come first; only then wait on the file descriptor.
        nodelay(shim_stdscr(), true)
        if let input = readInput() { return input }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        let pending = terminal_signals_take()
        if pending != 0 { return .signal(pending) }
        if terminal_signals_take_continued() != 0 { return .repaint }
        if ready < 0 { return errno == EINTR ? (readInput() ?? .idle) : .closed }
        if ready == 0 { return .idle }
        // A hung-up terminal also reports POLLIN; nothing it holds matters any more.
        if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .closed }
        if let input = readInput() {
            emptyReads = 0
            return input
        }
        // Readable but nothing to read, again and again: the input has ended.
        emptyReads += 1
        return emptyReads >= 3 ? .closed : .idle
    }

    /// The next key or notice curses holds, or nil when it holds none. Bytes are read one at a
    /// time (`wgetch`) and decoded by `KeyboardBytes`; function keys come decoded by curses.
    private func readInput() -> TerminalInput? {
        while decoded.isEmpty {
            var code = wgetch(shim_stdscr())
            if code == ERR && keyboard.isWaiting {
                // The rest of a character may still be on its way (a slow link): wait briefly.
                var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                var ready = poll(&descriptor, 1, 50)
                if ready < 0 && errno == EINTR { ready = poll(&descriptor, 1, 50) }
                if ready > 0 { code = wgetch(shim_stdscr()) }
                if code == ERR { queue(keyboard.flush()) }
            }
            if code == ERR { break }
            if code > 0xFF {
                queue(keyboard.flush())
                decoded.append(.key(KeyDecoder.function(code, size: size)))
            } else if code == 27 && !keyboard.isWaiting {
                readEscape()
            } else {
                queue(keyboard.feed(UInt8(code)))
            }
        }
        return decoded.isEmpty ? nil : decoded.removeFirst()
    }

    /// After an ESC: a key sequence curses did not know (the terminfo entry lacks it) is read
    /// whole, as the key or, if it names none, as nothing; anything else is Esc and typed keys.
    private func readEscape() {
        var following: [UInt8] = []
        // The bytes of a sequence arrive together; curses has them or they are on the descriptor.
        while following.count < EscapeSequence.maximumLength {
            let next = wgetch(shim_stdscr())
            guard next != ERR else { break }
            // Only "[" or "O" can start a key sequence, and a second ESC starts its own: stop
            // there, so what follows is read as the keys it is.
            if next == 27 || (following.isEmpty && next != 0x5B && next != 0x4F) {
                ungetch(next)
                break
            }
            if next > 0xFF {
                // A key curses decoded: Esc came on its own before it.
                queue(keyboard.feed(27) + following.flatMap { keyboard.feed($0) })
                decoded.append(.key(KeyDecoder.function(next, size: size)))
                return
            }
            following.append(UInt8(next))
            if EscapeSequence.decode(following) != nil { break }
        }
        guard let (key, length) = EscapeSequence.decode(following) else {
            queue(keyboard.feed(27) + following.flatMap { keyboard.feed($0) })
            return
        }
        if let key { decoded.append(.key(key)) }
        queue(following.dropFirst(length).flatMap { keyboard.feed($0) })
    }

    private func queue(_ characters: [KeyboardBytes.Decoded]) {
        for character in characters { decoded.append(.key(KeyDecoder.character(character.scalar.value))) }
        if characters.contains(where: \.notUTF8) { decoded.append(.notice(KeyboardBytes.notice)) }
    }

    /// Ends curses and gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        curs_set(1)
        endwin()
        delscreen(screen)
        terminal_signals_uninstall()
        // A signal that came after the session's last look is not lost: the terminal is back,
        // so the process can end as that signal asks.
        let late = terminal_signals_take()
        if late != 0 { exit(128 + late) }
    }
}
