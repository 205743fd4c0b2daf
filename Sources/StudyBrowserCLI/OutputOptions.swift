import ArgumentParser
import BrowserCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import StudyCore

/// Output formats for lists and single studies.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case csv
    case json
    case markdown
}

/// `--width` and `--ascii`: how text tables are laid out.
struct LayoutOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Width of table output in columns; 0 for no limit. Default: the terminal's width, else $COLUMNS, else no limit. At most \(Layout.maximum.width): larger widths are taken as \(Layout.maximum.width).", valueName: "columns"))
    var width: Int?

    @Flag(help: "Use ASCII symbols only (the default when the locale is not UTF-8).")
    var ascii = false

    func validate() throws {
        if let width, width < 0 { throw ValidationError("--width must be 0 (no limit) or a positive number of columns") }
    }

    /// The width to lay tables out in, clamped to `Layout.maximum.width` (0 means no limit).
    var resolvedWidth: Int { min(width ?? Console.outputWidth(environment: ProcessInfo.processInfo.environment), Layout.maximum.width) }

    var glyphs: Glyphs {
        ascii || !Console.localeIsUTF8(environment: ProcessInfo.processInfo.environment) ? .ascii : .unicode
    }
}
