// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "study-browser",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "study-browser", targets: ["StudyBrowserCLI"]),
        .executable(name: "study-browser-bench", targets: ["StudyBrowserBench"]),
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
        // ncursesw (Debian: libncurses-dev) through a module map and a small C shim; pkg-config is
        // not used because its -D flags are refused by SwiftPM with a warning on every build.
        // TerminalBackend is the only module that touches curses.
        .systemLibrary(name: "CNcursesw"),
        // Async-signal-safe handlers that restore the terminal on any signal that ends the process.
        .target(name: "CTerminalSignals"),
        // The system zlib (Debian: zlib1g-dev; zlib1g is on every Debian host) for gzipped PubMed
        // XML in `import`; only the CLI links it, so StudyCore and its fuzzers stay free of it.
        .systemLibrary(name: "CZlib"),
        .target(name: "TerminalBackend", dependencies: ["BrowserCore", "CNcursesw", "CTerminalSignals"]),
        // Benchmarks: a seeded synthetic-data generator and a release-mode timing tool.
        .target(name: "SyntheticStudies", dependencies: ["StudyCore"]),
        // posix_openpt and POSIX_SPAWN_SETSID for the benchmark's pseudo-terminal runs.
        .target(name: "CPseudoTerminal"),
        .executableTarget(name: "StudyBrowserBench", dependencies: ["StudyCore", "BrowserCore", "SyntheticStudies", "CPseudoTerminal"]),
        // The in-memory terminal that tests drive the browser session with.
        .target(name: "InMemoryTerminal", dependencies: ["BrowserCore"]),
        .executableTarget(
            name: "StudyBrowserCLI",
            dependencies: [
                "StudyCore",
                "BrowserCore",
                "TerminalBackend",
                "BundledData",
                "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore", "SyntheticStudies"], exclude: ["Fixtures"]),
        .testTarget(name: "BrowserCoreTests", dependencies: ["BrowserCore", "StudyCore", "InMemoryTerminal", "SyntheticStudies"], exclude: ["Goldens"]),
        .testTarget(name: "TerminalBackendTests", dependencies: ["TerminalBackend", "BrowserCore"]),
        .testTarget(
            name: "StudyBrowserCLITests",
            dependencies: ["StudyBrowserCLI", "StudyCore", "SyntheticStudies", "InMemoryTerminal"],
            exclude: ["Corpus"]
        ),
    ]
)
