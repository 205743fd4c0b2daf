/// Where each part of the screen goes for a size: shared by the reducer (paging, scrolling)
/// and the views (drawing), so both agree.
public struct Layout: Sendable, Equatable {
    /// Smallest usable screen.
    public static let minimum = Size(width: 50, height: 12)
    /// Largest screen drawn: a bigger terminal (or `--width`, `COLUMNS`) is drawn at this size,
    /// so a screen buffer never grows past half a million cells.
    public static let maximum = Size(width: 1000, height: 500)

    /// `size` within `maximum` (and never negative).
    public static func clamped(_ size: Size) -> Size {
        Size(width: max(0, min(size.width, maximum.width)), height: max(0, min(size.height, maximum.height)))
    }
    /// From this width on, details sit beside the table instead of covering it.
    public static let splitWidth = 150

    public let size: Size
    /// Whether the screen is large enough to draw the browser at all.
    public let fits: Bool
    /// Whether the details pane sits to the right of the table.
    public let split: Bool
    /// Columns of the table (the whole width, or the left part when split).
    public let tableWidth: Int
    /// First column and width of the details pane when split.
    public let detailsX: Int
    public let detailsWidth: Int
    /// Rows: 0 title, 1 tabs, 2 table header, body, then status and the key or filter line.
    public let bodyTop = 3
    public let bodyHeight: Int
    public var statusRow: Int { size.height - 2 }
    public var bottomRow: Int { size.height - 1 }

    /// The layout of a screen size.
    public init(size: Size) {
        self.size = size
        fits = size.width >= Self.minimum.width && size.height >= Self.minimum.height
        split = size.width >= Self.splitWidth
        tableWidth = split ? size.width * 11 / 20 : size.width
        detailsX = split ? tableWidth + 1 : 0
        detailsWidth = split ? size.width - tableWidth - 1 : size.width
        bodyHeight = max(1, size.height - 5)
    }

    /// Rows of the details pane, its title row included: beside the table when split, else
    /// everything between the tabs and the status line.
    public var detailsHeight: Int { max(1, statusRow - 2) }
    /// Lines of details visible under the pane's title row.
    public var detailsVisibleLines: Int { max(0, detailsHeight - 1) }
    /// Columns the details are wrapped to.
    public var detailsTextWidth: Int { split ? detailsWidth : size.width }
}
