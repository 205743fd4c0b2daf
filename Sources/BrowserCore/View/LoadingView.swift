import StudyCore

/// The screen shown while a large data set loads: the title, what is being done and how far.
public enum LoadingView {
    /// The status-line text for a progress reading, as shown (percent rounded down).
    public static func statusText(_ progress: LoadProgress.Snapshot, glyphs: Glyphs) -> String {
        let percent = progress.fraction.map { " \(Int($0 * 100))%" } ?? ""
        return " Loading the data \(glyphs.bar) \(progress.stage)\(percent)"
    }

    /// The loading screen at a size.
    public static func render(size: Size, progress: LoadProgress.Snapshot, glyphs: Glyphs) -> ScreenBuffer {
        var screen = ScreenBuffer(size: size)
        guard size.width > 0, size.height > 0 else { return screen }
        screen.fill(x: 0, y: 0, width: size.width, height: 1, role: .title)
        screen.write(" study-browser: ketamine evidence", x: 0, y: 0, width: size.width, role: .title, ellipsis: glyphs.ellipsis)
        if size.height >= 4 {
            let middle = size.height / 2
            let barWidth = max(0, min(40, size.width - 4))
            if let fraction = progress.fraction, barWidth > 0 {
                let done = Int(Double(barWidth) * fraction)
                let bar = String(repeating: "#", count: done) + String(repeating: ".", count: barWidth - done)
                screen.write("[" + bar + "]", x: max(0, (size.width - barWidth - 2) / 2), y: middle, width: size.width, role: .label)
            }
        }
        if size.height >= 2 {
            let statusRow = size.height - 2
            screen.fill(x: 0, y: statusRow, width: size.width, height: 1, role: .status)
            screen.write(statusText(progress, glyphs: glyphs), x: 0, y: statusRow, width: size.width, role: .status, ellipsis: glyphs.ellipsis)
        }
        screen.write(" q quits; the studies appear as soon as they are ready", x: 0, y: size.height - 1, width: size.width, role: .hint, ellipsis: glyphs.ellipsis)
        return screen
    }
}
