// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "whiteboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "whiteboard", targets: ["whiteboard"]),
        .library(name: "WhiteboardKit", targets: ["Calculators", "Trainer", "TUI", "BundledLessons"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The history database (SQLite, WAL); Debian's libsqlite3-dev provides the library.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // Anki-importable CSV for `drill --export-csv` (quoting of commas, quotes and newlines).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Readable diffs of whole-state assertions in the reducer tests (tests only).
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.7.3"),
    ],
    targets: [
        // Pure models: units, parameters, claims, one file per calculator. Imports nothing of ours.
        .target(name: "Calculators"),
        // Lessons (parse, lint, audit), practice session, export, autosave.
        .target(name: "Trainer", dependencies: [
            "Calculators", .product(name: "Yams", package: "Yams"),
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "CSV", package: "CSV.swift"),
        ]),
        // App state, messages, update, views drawing into an in-memory cell grid.
        .target(name: "TUI", dependencies: ["Calculators", "Trainer"]),
        // ncursesw, seen through a shim header (macros and globals Swift cannot import).
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        // The only code that touches curses: setup, restore, keys, signals, copying the grid.
        .target(name: "Terminal", dependencies: ["CNcursesw", "TUI"]),
        // Generator run by the EmbedLessons plugin: Lessons/*.md -> one Swift source.
        // It parses them with the trainer's own parser, so the binary carries them parsed.
        .executableTarget(name: "LessonEmbedder", dependencies: ["Calculators", "Trainer"]),
        .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["LessonEmbedder"]),
        // The bundled lessons, compiled in so a binary copied alone still has them, text and parsed.
        .target(name: "BundledLessons", dependencies: ["Calculators", "Trainer"], plugins: ["EmbedLessons"]),
        .executableTarget(name: "whiteboard", dependencies: [
            "Calculators", "Trainer", "TUI", "Terminal", "BundledLessons",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Test tool: a second process writing to a history database (two writers, a killed writer).
        .executableTarget(name: "HistoryProbe", dependencies: ["Trainer"]),
        // CI tool: a million random messages through update and view (`.ci/run` builds it in release).
        .executableTarget(name: "WhiteboardFuzz", dependencies: ["Calculators", "Trainer", "TUI", "BundledLessons"]),
        .testTarget(name: "CalculatorsTests", dependencies: [
            "Calculators", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "TrainerTests", dependencies: [
            "Trainer", "Calculators", "BundledLessons", "HistoryProbe",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Snapshots"]),
        .testTarget(name: "TUITests", dependencies: [
            "TUI", "Trainer", "Calculators", "BundledLessons",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            .product(name: "PropertyBased", package: "swift-property-based"),
            .product(name: "CustomDump", package: "swift-custom-dump"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TUI"]),
        .testTarget(name: "WhiteboardTests", dependencies: ["whiteboard", "WhiteboardFuzz", "Trainer"]),
    ]
)
