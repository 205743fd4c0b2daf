/// A catalog indexed beside the UI loop for another source view, handed to the reducer in an
/// action. Compared by identity: two indexings are two results, whatever they hold.
public final class IndexedView: Sendable, Equatable {
    /// The catalog, ready to show.
    public let catalog: Catalog

    /// Wraps a catalog built off the UI loop.
    public init(_ catalog: Catalog) { self.catalog = catalog }

    public static func == (left: IndexedView, right: IndexedView) -> Bool { left === right }
}
