import StudyCore

/// The text of the open overlay, wrapped to its box: built once when the overlay opens or what
/// it shows changes, and kept with the state, so a key in the overlay only reads its length.
public struct OverlayContent: Sendable, Equatable {
    /// Everything the text depends on; the text is rebuilt only when one of these changes.
    struct Inputs: Sendable, Equatable {
        let overlay: Overlay
        let indication: Indication?
        let allTab: Bool
        let width: Int
        let view: SourceView
        let words: Bool
        let marked: [String]
        let glyphs: Glyphs
    }

    /// The lines, in order.
    public let lines: [ContentLine]
    let inputs: Inputs?
    /// True while the text is being built beside the UI loop; `lines` say so meanwhile.
    public private(set) var pending = false

    /// No overlay open.
    static let empty = OverlayContent(lines: [], inputs: nil)

    /// Whether building the text for `inputs` takes long enough to be done beside the UI loop:
    /// a summary lists and counts every study of the data (about 1.3 s at 100,000), and the
    /// findings walk every study for own-record estimates (60 ms at 100,000, more than a frame).
    static func buildsAside(_ inputs: Inputs, state: BrowserState) -> Bool {
        (inputs.overlay == .summary || inputs.overlay == .findings) && state.catalog.studyCount >= state.indexAsideFrom
    }

    /// What the overlay shows while its text is built.
    static func placeholder(_ inputs: Inputs, studies: Int) -> OverlayContent {
        let doing = inputs.overlay == .findings ? "Gathering the findings of" : "Summarising"
        let text = inputs.glyphs.adapt("\(doing) \(studies) studies… (keys still work; Esc closes)")
        var content = OverlayContent(lines: [ContentLine(text: text, heading: false)],
                                     inputs: inputs)
        content.pending = true
        return content
    }

    /// What the state's overlay needs, or nil when nothing is open.
    static func inputs(of state: BrowserState) -> Inputs? {
        guard let overlay = state.overlay else { return nil }
        // The overview is about every indication: the selected study's does not change it.
        let overview = overlay == .summary && state.indication == nil
        return Inputs(overlay: overlay, indication: overview ? nil : state.contextIndication, allTab: state.indication == nil,
                      width: OverlayGeometry(size: state.size).contentWidth, view: state.catalog.view,
                      words: overlay == .findings && state.findingsWords, marked: overlay == .compare ? state.marked : [],
                      glyphs: state.glyphs)
    }

    /// Builds the text for `inputs` from the state's data.
    static func build(_ inputs: Inputs, state: BrowserState) -> OverlayContent {
        let width = inputs.width
        let glyphs = inputs.glyphs
        let catalog = state.catalog
        let plain = { (lines: [String]) in lines.map { ContentLine(text: $0, heading: false) } }
        let lines: [ContentLine]
        switch inputs.overlay {
        case .help: lines = HelpText.lines(width: width, glyphs: glyphs)
        case .context:
            lines = inputs.indication.map { ContextCardText.lines(for: $0, catalog: catalog, width: width, glyphs: glyphs) } ?? []
        case .compare: lines = plain(CompareText.lines(state.markedStudies, width: width, glyphs: glyphs))
        case .summary where inputs.allTab:
            lines = plain(SummaryText.overview(Indication.present(in: catalog.dataset.studies).map { IndicationSummary(indication: $0, dataset: catalog.dataset, view: catalog.view) },
                                               width: width, glyphs: glyphs))
        case .summary:
            lines = inputs.indication.map { indication in
                plain(SummaryText.lines(IndicationSummary(indication: indication, dataset: catalog.dataset, view: catalog.view), width: width,
                                        glyphs: glyphs, named: false))
            } ?? []
        case .findings:
            // Findings read the data as loaded: their rows carry their own sources, whatever the table's view.
            lines = inputs.indication.map { indication in
                plain(FindingsText.lines(IndicationFindings(indication: indication, dataset: catalog.loaded), width: width,
                                         glyphs: glyphs, words: inputs.words))
            } ?? []
        }
        return OverlayContent(lines: lines, inputs: inputs)
    }
}

/// A request to build an overlay's text beside the UI loop.
public struct OverlayRequest: Sendable, Equatable {
    let inputs: OverlayContent.Inputs

    /// Builds the text from a copy of the state taken when the request was made.
    public func build(from state: BrowserState) -> OverlayContent { OverlayContent.build(inputs, state: state) }
}
