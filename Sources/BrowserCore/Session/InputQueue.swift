/// The session's view of a device's input: inputs read ahead while joining a paste are kept
/// and handed out next, so nothing typed is lost or reordered.
struct InputQueue {
    private let device: TerminalDevice
    private var waiting: [TerminalInput] = []

    /// The most text joined into one action; the rest follows in the next.
    static let maximumJoined = 1 << 16

    init(device: TerminalDevice) { self.device = device }

    /// The next input: one read ahead, else the device's.
    mutating func next() -> TerminalInput {
        waiting.isEmpty ? device.nextInput() : waiting.removeFirst()
    }

    /// The next input, waiting at most this long for one (the session polls work it runs).
    mutating func next(waitingAtMost milliseconds: Int32) -> TerminalInput {
        waiting.isEmpty ? device.nextInput(waitingAtMost: milliseconds) : waiting.removeFirst()
    }

    /// `action` with the text of any typing keys already waiting appended to it (for the filter
    /// and export lines); other actions, and the first input that is not such a key, are left.
    mutating func joiningWaitingText(to action: Action, in context: KeyContext) -> Action {
        guard var text = Self.typedText(action) else { return action }
        var count = text.count
        var notice: TerminalInput?
        while waiting.isEmpty, count < Self.maximumJoined {
            let more = device.nextInput(waitingAtMost: 0)
            // A notice about the keys (Latin-1) waits until the text is in; one is enough.
            if case .notice = more {
                notice = more
                continue
            }
            guard case .key(let key) = more, let next = Keymap.action(for: key, in: context),
                  let typed = Self.typedText(next) else {
                if more != .idle { waiting.append(more) }
                break
            }
            text += typed
            count += typed.count
        }
        if let notice { waiting.insert(notice, at: 0) }
        switch action {
        case .insertExportText: return .insertExportText(text)
        default: return .insertFilterText(text)
        }
    }

    private static func typedText(_ action: Action) -> String? {
        switch action {
        case .insertFilterText(let text), .insertExportText(let text): text
        default: nil
        }
    }
}
