/// The one table of key bindings; the help overlay is generated from it.
public enum Keymap {
    /// One binding: keys, the contexts where they work, the action and what help says.
    public struct Binding: Sendable {
        public let keys: [Key]
        public let contexts: Set<KeyContext>
        public let action: Action
        public let help: String
    }

    static let browsing: Set<KeyContext> = [.indications, .table, .details]
    static let lists: Set<KeyContext> = [.indications, .table]

    /// Every binding, in the order help lists them.
    public static let bindings: [Binding] = [
        Binding(keys: [.up, .character("k")], contexts: browsing, action: .moveUp, help: "move up (details: scroll)"),
        Binding(keys: [.down, .character("j")], contexts: browsing, action: .moveDown, help: "move down (details: scroll)"),
        Binding(keys: [.left, .character("h")], contexts: [.indications], action: .moveUp, help: "previous indication"),
        Binding(keys: [.right, .character("l")], contexts: [.indications], action: .moveDown, help: "next indication"),
        Binding(keys: [.pageUp, .control("b")], contexts: browsing.union([.overlay]), action: .pageUp, help: "page up"),
        Binding(keys: [.pageDown, .control("f")], contexts: browsing.union([.overlay]), action: .pageDown, help: "page down"),
        Binding(keys: [.home, .character("g")], contexts: browsing, action: .moveToTop, help: "first row"),
        Binding(keys: [.end, .character("G")], contexts: browsing, action: .moveToBottom, help: "last row"),
        Binding(keys: [.tab], contexts: browsing, action: .nextPane, help: "next pane"),
        Binding(keys: [.backTab], contexts: browsing, action: .previousPane, help: "previous pane"),
        Binding(keys: [.enter], contexts: lists, action: .open, help: "open: indication → its studies; study → details"),
        Binding(keys: [.escape, .backspace], contexts: browsing, action: .back, help: "back: close details, else clear the filter"),
        Binding(keys: [.character("n"), .character("]")], contexts: [.details], action: .nextStudy, help: "details: the next study"),
        Binding(keys: [.character("p"), .character("[")], contexts: [.details], action: .previousStudy, help: "details: the previous study"),
        Binding(keys: [.character("/")], contexts: browsing, action: .startFilter, help: "filter (query language; see the end of this help)"),
        Binding(keys: [.character("s"), .character(">")], contexts: browsing, action: .nextSortColumn, help: "sort by the next column"),
        Binding(keys: [.character("<")], contexts: browsing, action: .previousSortColumn, help: "sort by the previous column"),
        Binding(keys: [.character("S"), .character("r")], contexts: browsing, action: .reverseSort, help: "reverse the sort"),
        Binding(keys: [.character(" ")], contexts: [.table, .details], action: .toggleMark, help: "mark or unmark the study for comparison"),
        Binding(keys: [.character("C")], contexts: browsing, action: .compareMarked, help: "compare the marked studies side by side"),
        Binding(keys: [.character("y")], contexts: [.table, .details], action: .copyCitation, help: "copy the citation and a one-line summary (OSC 52, works over SSH)"),
        Binding(keys: [.character("e")], contexts: browsing, action: .startExport, help: "export the view (marked studies if any) to .md, .csv or .json"),
        Binding(keys: [.character("v")], contexts: browsing, action: .toggleSourceView, help: "values: seed + own records (\u{2020}) or seed only"),
        Binding(keys: [.character("i")], contexts: browsing, action: .showSummary, help: "summary of the indication's evidence"),
        Binding(keys: [.character("f")], contexts: browsing.union([.overlay]), action: .showFindings,
                help: "summary of findings and forest plots (from the summary too; again to close)"),
        Binding(keys: [.character("w")], contexts: [.overlay], action: .toggleFindingsWords, help: "findings: what each row means per 1,000 people"),
        Binding(keys: [.character("y")], contexts: [.overlay], action: .copyOverlay, help: "copy the summary or findings (OSC 52)"),
        Binding(keys: [.character("e")], contexts: [.overlay], action: .startExport, help: "findings: export them to .md, .csv or .json"),
        Binding(keys: [.character("c")], contexts: browsing, action: .showContext, help: "context card of the indication"),
        Binding(keys: [.character("?"), .function(1)], contexts: browsing, action: .showHelp, help: "this help"),
        Binding(keys: [.character("q")], contexts: browsing, action: .quit, help: "quit"),
        Binding(keys: [.control("c")], contexts: Set(KeyContext.allCases), action: .quit, help: "quit at once"),
        Binding(keys: [.control("l")], contexts: Set(KeyContext.allCases), action: .repaint, help: "repaint the screen"),
        // Only while an export is being written, and then before the key's other binding there:
        // in a view, the filter or a prompt, Esc keeps its meaning, so closing help loses no export.
        Binding(keys: [.escape], contexts: browsing, action: .cancelJob,
                help: "while an export is being written: cancel it (nothing is written)"),
        Binding(keys: [.enter], contexts: [.filter], action: .acceptFilter, help: "keep the filter and go back to the table"),
        Binding(keys: [.escape], contexts: [.filter], action: .cancelFilter, help: "clear the filter"),
        Binding(keys: [.backspace, .control("h")], contexts: [.filter], action: .deleteFilterBackward, help: "delete the last character"),
        Binding(keys: [.control("u")], contexts: [.filter], action: .clearFilterLine, help: "delete the whole line"),
        Binding(keys: [.enter], contexts: [.exportPath], action: .acceptExport, help: "write the file"),
        Binding(keys: [.escape], contexts: [.exportPath], action: .cancelExport, help: "cancel"),
        Binding(keys: [.backspace, .control("h")], contexts: [.exportPath], action: .deleteExportBackward,
                help: "delete the last character (the whole suggested name while it is selected)"),
        Binding(keys: [.control("u")], contexts: [.exportPath], action: .clearExportLine, help: "delete the whole path"),
        Binding(keys: [.end, .right], contexts: [.exportPath], action: .keepExportSuggestion, help: "keep the suggested name and type after it"),
        Binding(keys: [.control("w")], contexts: [.exportPath], action: .deleteExportWord, help: "delete the last word (back to a / . - _ or space)"),
        Binding(keys: [.character("y")], contexts: [.confirmOverwrite], action: .confirmOverwrite, help: "overwrite the existing file"),
        Binding(keys: [.up], contexts: [.overlay], action: .moveUp, help: "scroll up"),
        Binding(keys: [.home, .character("g")], contexts: [.overlay], action: .moveToTop, help: "to the top"),
        Binding(keys: [.end, .character("G")], contexts: [.overlay], action: .moveToBottom, help: "to the end"),
        Binding(keys: [.down], contexts: [.overlay], action: .moveDown, help: "scroll down"),
        Binding(keys: [.escape, .character("q"), .character("?"), .enter, .character("c"), .character("i"), .character("C")], contexts: [.overlay], action: .closeOverlay, help: "close"),
    ]

    /// What the hint line offers in each context, as actions and a word; the keys are read from
    /// the bindings, so rebinding a key changes the hint line as it changes help and the man page.
    static let hintActions: [KeyContext: [(actions: [Action], label: String)]] = [
        .table: [([.moveUp, .moveDown], "move"), ([.open], "open"), ([.startFilter], "filter"), ([.showSummary], "summary"),
                 ([.showFindings], "findings"), ([.showHelp], "help"), ([.quit], "quit")],
        .details: [([.moveUp, .moveDown], "scroll"), ([.nextStudy, .previousStudy], "next/previous"), ([.back], "back"),
                   ([.startFilter], "filter"), ([.showHelp], "help"), ([.quit], "quit")],
        .indications: [([.moveUp, .moveDown], "indication"), ([.open], "studies"), ([.nextPane], "pane"), ([.startFilter], "filter"),
                       ([.showHelp], "help"), ([.quit], "quit")],
    ]

    /// The hint line's text for a context: "↑↓ move  Enter open  / filter …", from the bindings.
    public static func hints(for context: KeyContext) -> String {
        (hintActions[context] ?? []).compactMap { entry -> String? in
            // The most specific binding wins (← → on the tabs, not ↑ ↓ of every list).
            let labels = entry.actions.compactMap { action in
                bindings.filter { $0.action == action && $0.contexts.contains(context) }
                    .min { $0.contexts.count < $1.contexts.count }?.keys.first?.label
            }
            guard labels.count == entry.actions.count else { return nil }
            let arrows = labels.allSatisfy { ["↑", "↓", "←", "→"].contains($0) }
            return labels.joined(separator: arrows ? "" : " ") + " " + entry.label
        }.joined(separator: "  ")
    }

    private static let table: [KeyContext: [Key: Action]] = {
        var table: [KeyContext: [Key: Action]] = [:]
        for binding in bindings where binding.action != .cancelJob {
            for context in binding.contexts {
                for key in binding.keys where table[context]?[key] == nil {
                    table[context, default: [:]][key] = binding.action
                }
            }
        }
        return table
    }()

    private static let whileExporting: [KeyContext: [Key: Action]] = {
        var table: [KeyContext: [Key: Action]] = [:]
        for binding in bindings where binding.action == .cancelJob {
            for context in binding.contexts {
                for key in binding.keys { table[context, default: [:]][key] = binding.action }
            }
        }
        return table
    }()

    /// Whether Esc cancels a running export in a context.
    public static func escapeCancelsExport(in context: KeyContext) -> Bool { whileExporting[context]?[.escape] != nil }

    /// The action a key triggers in a context; in the filter line, printable text is typed.
    /// While an export is being written, its keys (Esc) act on it first.
    public static func action(for key: Key, in context: KeyContext, exporting: Bool = false) -> Action? {
        if case .resize(let size) = key { return .resize(size) }
        if exporting, let action = whileExporting[context]?[key] { return action }
        if let action = table[context]?[key] { return action }
        if context == .filter, case .character(let character) = key, !character.isNewline {
            return .insertFilterText(String(character))
        }
        if context == .exportPath, case .character(let character) = key, !character.isNewline {
            return .insertExportText(String(character))
        }
        // Anything but y answers the overwrite question with no.
        if context == .confirmOverwrite { return .declineOverwrite }
        return nil
    }
}
