import Foundation
import PackagePlugin

/// Compiles the package's `Lessons/*.md` (not README.md) and `Scenarios/*.yaml` into the `BundledLessons` target.
///
/// Why a plugin: SwiftPM resources on Linux live in a bundle folder beside the
/// binary, and a binary copied alone would lose them. Every lesson file is an
/// input of the command, so editing or adding one triggers a rebuild.
@main
struct EmbedLessons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lessons = context.package.directoryURL.appending(path: "Lessons")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path())) ?? []
        let inputs = names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted().map { lessons.appending(path: $0) }
        // The bundled scenarios travel the same way.
        let scenarios = context.package.directoryURL.appending(path: "Scenarios")
        let scenarioNames = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path())) ?? []
        let scenarioInputs = scenarioNames.filter { $0.hasSuffix(".yaml") }.sorted().map { scenarios.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledLessonFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding Lessons/*.md",
                executable: try context.tool(named: "LessonEmbedder").url,
                // The generator lists the folder itself: a file added since this
                // plugin last ran changes the folder, which reruns the command.
                arguments: [output.path(), lessons.path(), scenarios.path()],
                inputFiles: inputs + [lessons] + scenarioInputs + [scenarios],
                outputFiles: [output]
            )
        ]
    }
}
