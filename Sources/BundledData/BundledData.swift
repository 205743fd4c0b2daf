#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The dataset compiled into the binary from the package's `Data/` folder.
public enum BundledData {
    /// Each bundled file's name and exact bytes, in name order.
    public static var files: [(name: String, bytes: Data)] {
        EmbeddedDataFiles.files.compactMap { file in
            Data(base64Encoded: file.base64).map { (name: file.name, bytes: $0) }
        }
    }
}
