import BrowserCore
import CNcursesw

/// How each role looks: colours on the terminal's default background, or attributes only.
///
/// Colours carry meaning only together with a symbol or text, so monochrome loses nothing.
struct Theme {
    /// Whether colours are used (the terminal has them and NO_COLOR is not set).
    let usesColor: Bool
    private var attributes: [Role: attr_t] = [:]

    init(usesColor: Bool) {
        self.usesColor = usesColor
        let bold = shim_a_bold(), reverse = shim_a_reverse(), underline = shim_a_underline(), dim = shim_a_dim()
        let colors: [(Role, Int16)] = [
            (.benefit, Int16(COLOR_GREEN)), (.mixed, Int16(COLOR_YELLOW)), (.noBenefit, Int16(COLOR_RED)),
            (.headerSorted, Int16(COLOR_CYAN)), (.groupHeading, Int16(COLOR_MAGENTA)), (.statusError, Int16(COLOR_RED)),
            (.warning, Int16(COLOR_RED)), (.label, Int16(COLOR_CYAN)), (.tabActiveFocused, Int16(COLOR_CYAN)),
            (.fromPrimary, Int16(COLOR_BLUE)),
        ]
        var pairs: [Role: attr_t] = [:]
        if usesColor {
            for (index, entry) in colors.enumerated() {
                let pair = Int16(index + 1)
                // -1: the terminal's own background, so the browser never paints a block of colour.
                init_pair(pair, entry.1, -1)
                pairs[entry.0] = shim_color_pair(pair)
            }
        }
        let base: [Role: attr_t] = [
            .normal: shim_a_normal(), .title: reverse | bold, .heading: bold, .tab: shim_a_normal(), .tabActive: bold | underline,
            .tabActiveFocused: reverse | bold, .header: bold | underline, .headerSorted: bold | underline,
            .selection: reverse | bold, .selectionUnfocused: underline | bold, .groupHeading: bold,
            .benefit: shim_a_normal(), .mixed: shim_a_normal(), .noBenefit: shim_a_normal(), .notReported: dim,
            .dim: dim, .label: bold, .status: reverse, .statusError: reverse | bold, .hint: dim,
            .filterInput: bold, .overlay: shim_a_normal(), .overlayTitle: bold, .warning: bold,
            .fromPrimary: underline,
        ]
        for role in Role.allCases {
            attributes[role] = (base[role] ?? shim_a_normal()) | (pairs[role] ?? 0)
        }
    }

    func attribute(_ role: Role) -> attr_t { attributes[role] ?? shim_a_normal() }
}
