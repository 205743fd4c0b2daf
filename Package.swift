// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "study-browser",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "study-browser", targets: ["StudyBrowserCLI"]),
        .library(name: "StudyCore", targets: ["StudyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Model, loading, validation, query engine and text output formats: no terminal I/O.
        .target(name: "StudyCore"),
        // Writes Data/*.json into a Swift source file so the binary carries its own dataset.
        .executableTarget(name: "EmbedData", path: "Sources/EmbedData"),
        .plugin(
            name: "EmbedDataPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedData"]
        ),
        .target(
            name: "BundledData",
            plugins: ["EmbedDataPlugin"]
        ),
        // The browser as pure values: state, keymap, reducer and views drawing into a screen buffer.
        .target(name: "BrowserCore", dependencies: ["StudyCore"]),
        .executableTarget(
            name: "StudyBrowserCLI",
            dependencies: [
                "StudyCore",
                "BrowserCore",
                "BundledData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore"], exclude: ["Fixtures"]),
        .testTarget(name: "BrowserCoreTests", dependencies: ["BrowserCore", "StudyCore"], exclude: ["Goldens"]),
        .testTarget(
            name: "StudyBrowserCLITests",
            dependencies: ["StudyBrowserCLI", "StudyCore"]
        ),
    ]
)
