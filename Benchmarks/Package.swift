// swift-tools-version: 6.1
// A package of its own, so that `swift build` and `swift test` at the top never build the
// benchmark framework. Run from this folder: `swift package --disable-sandbox benchmark`.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which is whatever the clone was called.
let mainPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "WhiteboardBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "WhiteboardBenchmarks",
            dependencies: [
                .product(name: "WhiteboardKit", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/WhiteboardBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
