import StudyCore

/// The indication tabs: All, the five indications and, with imported studies no indication fits, Unassigned; each with its study count.
enum TabsView {
    static func name(_ indication: Indication?) -> String {
        switch indication {
        case nil: "All"
        case .migraine?: "Migraine"
        case .epilepsy?: "Epilepsy/SE"
        case .sud?: "SUD"
        case .trd?: "TRD"
        case .chronicPain?: "Chronic pain"
        case .unassigned?: "Unassigned"
        }
    }

    static func draw(_ state: BrowserState, into screen: inout ScreenBuffer, y: Int, width: Int) {
        var x = 0
        for (index, indication) in state.catalog.tabs.enumerated() {
            let label = " \(name(indication)) \(state.catalog.count(indication)) "
            let active = index == state.catalog.tabs.firstIndex(of: state.indication)
            let role: Role = active ? (state.focus == .indications ? .tabActiveFocused : .tabActive) : .tab
            x += screen.write(active && state.focus == .indications ? "[\(label)]" : label, x: x, y: y,
                              width: width - x, role: role, ellipsis: state.glyphs.ellipsis)
            x += screen.write(" ", x: x, y: y, width: width - x, role: .normal)
        }
    }
}
