import ArgumentParser

@main
struct Whiteboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whiteboard",
        abstract: "Practise the trade-offs minutes (41-50) of a news-feed system-design interview.",
        version: "0.1.0",
        subcommands: [Train.self, Calc.self, Lint.self, Audit.self, History.self],
        defaultSubcommand: Train.self
    )
}
