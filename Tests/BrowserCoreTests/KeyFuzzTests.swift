import Foundation
import Testing
@testable import BrowserCore
@testable import StudyCore

/// Random keys and sizes through keymap, reducer and render, with invariants after every step.
///
/// Runs `FUZZ_STEPS` steps from `FUZZ_SEED` (default 1): by default 2,000 in a debug build, so
/// `swift test` stays quick, and 100,000 in a release build, which `scripts/test` (and so CI)
/// runs. A long run: `FUZZ_STEPS=10000000 swift test -c release -Xswiftc -enable-testing --filter KeyFuzzTests`.
@Suite("Key and size fuzzing")
struct KeyFuzzTests {
    /// SplitMix64: small, fast and the same on every platform, so a seed reproduces a run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let namedKeys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .delete, .tab, .backTab,
    ]

    static func randomKey(_ random: inout Generator) -> Key {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<30: return namedKeys.randomElement(using: &random) ?? .down
        case 30..<55:
            // Keys the keymap knows, so the fuzzer reaches every mode often.
            let bound = "jkhlgGsSr<>/?cq ".map { Key.character($0) }
            return bound.randomElement(using: &random) ?? .down
        case 55..<70:
            let scalar = Unicode.Scalar(UInt32.random(in: 0x20...0x7E, using: &random)) ?? "x"
            return .character(Character(scalar))
        case 70..<76:
            let wide: [Character] = ["漢", "é", "Å", "😀", "\u{301}", "ß", "–", "≥", "👍🏽", "❤️", "\u{3164}", "\u{E33}", "\u{17000}", "\u{1F200}"]
            return .character(wide.randomElement(using: &random) ?? "x")
        case 76..<84: return .control(Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &random))))
        case 84..<88: return .function(Int.random(in: 1...12, using: &random))
        case 88..<91: return .unknown(Int.random(in: 0...0x7FFF, using: &random))
        default:
            let width = Int.random(in: 0...100, using: &random) < 20 ? Int.random(in: 1...20, using: &random) : Int.random(in: 1...400, using: &random)
            let height = Int.random(in: 0...100, using: &random) < 20 ? Int.random(in: 1...8, using: &random) : Int.random(in: 1...150, using: &random)
            return .resize(Size(width: width, height: height))
        }
    }

    @Test("invariants hold after every step")
    func fuzz() throws {
        let environment = ProcessInfo.processInfo.environment
        // SwiftPM does not define DEBUG for debug builds; ask the runtime how it was compiled.
        let defaultSteps = _isDebugAssertConfiguration() ? 2_000 : 100_000
        let steps = environment["FUZZ_STEPS"].flatMap(Int.init) ?? defaultSteps
        let started = Date()
        let seed = environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        var random = Generator(state: seed)
        var state = BrowserState(catalog: ScreenInvariantTests.awkward, size: Size(width: 80, height: 24))
        var quits = 0
        for step in 0..<steps {
            let key = Self.randomKey(&random)
            if let action = Keymap.action(for: key, in: state.keyContext) {
                if BrowserReducer.reduce(&state, action) == .quit {
                    // Quitting ends a real session; here the fuzzer carries on from a fresh start
                    // at the same size, so the run keeps covering every mode.
                    quits += 1
                    state = BrowserState(catalog: ScreenInvariantTests.awkward, size: state.size)
                }
            }
            if let problem = Self.violation(in: state) {
                Issue.record("seed \(seed), step \(step), key \(key.label): \(problem)")
                return
            }
        }
        #expect(quits > 0)
        print("key fuzz: \(steps) steps from seed \(seed) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, \(quits) quits")
    }

    @Test("every size from 1x1 to 400x150 renders within the invariants")
    func everySize() {
        // Every size in a release build (scripts/test, CI); every 7th width and height in debug.
        let stride = _isDebugAssertConfiguration() ? 7 : 1
        var state = BrowserState(catalog: ScreenInvariantTests.awkward, size: Size(width: 80, height: 24))
        BrowserReducer.reduce(&state, .moveDown)
        BrowserReducer.reduce(&state, .nextSortColumn)
        var checked = 0
        for width in Swift.stride(from: 1, through: 400, by: stride) {
            for height in Swift.stride(from: 1, through: 150, by: stride) {
                BrowserReducer.reduce(&state, .resize(Size(width: width, height: height)))
                if let problem = Self.violation(in: state) {
                    Issue.record("\(width)x\(height): \(problem)")
                    return
                }
                checked += 1
            }
        }
        print("every size: \(checked) sizes checked")
    }

    /// The table's lines worked out independently of `TableLines`: study rows, with a heading
    /// before each run of one dose dimension when sorted by dose.
    static func expectedLines(_ state: BrowserState) -> [TableLine] {
        guard state.sort.column == .dose else { return state.rows.indices.map(TableLine.study) }
        var lines: [TableLine] = []
        var index = 0
        for group in DoseGroups.groups(Array(state.rows)) {
            lines.append(.heading(group.title))
            for _ in group.studies {
                lines.append(.study(index))
                index += 1
            }
        }
        return lines
    }

    /// The first broken invariant, or nil.
    static func violation(in state: BrowserState) -> String? {
        let layout = Layout(size: state.size)
        if state.rows.isEmpty {
            if state.selection != 0 { return "selection \(state.selection) with no rows" }
        } else if !state.rows.indices.contains(state.selection) {
            return "selection \(state.selection) outside \(state.rows.count) rows"
        }
        let lines = expectedLines(state)
        if state.lines.all != lines { return "table lines \(state.lines.all.count) differ from the dose groups' \(lines.count)" }
        if state.scroll < 0 || state.scroll > max(0, lines.count - layout.bodyHeight) {
            return "scroll \(state.scroll) outside 0...\(max(0, lines.count - layout.bodyHeight))"
        }
        if !state.rows.isEmpty, let line = lines.firstIndex(of: .study(state.selection)),
           !(state.scroll...(state.scroll + layout.bodyHeight - 1)).contains(line) {
            return "selected line \(line) not within the \(layout.bodyHeight) lines from \(state.scroll)"
        }
        if state.detailScroll < 0 || state.overlayScroll < 0 { return "negative scroll offset" }
        let screen = BrowserView.render(state)
        if screen.size != state.size { return "screen \(screen.size) for state size \(state.size)" }
        if screen.cells.count != state.size.width * state.size.height { return "cell count" }
        if let problem = screen.layoutViolation() { return problem }
        for cell in screen.cells where cell.text.utf8.count > 1 || (cell.text.utf8.first.map { $0 < 0x20 || $0 == 0x7F } ?? false) {
            if cell.text.unicodeScalars.contains(where: InertText.needsEscape) { return "a control or format character reached a cell" }
        }
        return nil
    }
}
