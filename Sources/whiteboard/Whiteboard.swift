import ArgumentParser

@main
struct Whiteboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whiteboard",
        abstract: "Practise the trade-offs minutes (41-50) of a news-feed system-design interview.",
        discussion: """
            With no subcommand, opens the trainer. Its options: --practice (start the ten-minute clock), \
            --resume (take back the last session), --lessons DIR (add your lesson files), --export-dir DIR, \
            --ascii, --no-color. See 'whiteboard help train'.
            """,
        version: "0.1.0",
        subcommands: [Train.self, Calc.self, Lint.self, Audit.self, History.self],
        defaultSubcommand: Train.self
    )
}
