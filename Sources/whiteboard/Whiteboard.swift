import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry point. A bare `whiteboard` is the trainer with every option at its
/// default, so it opens the terminal without building ArgumentParser's command
/// tree (reflection over every command and option, about 2.5 ms at start);
/// anything on the command line goes through the parser.
@main
enum Main {
    static func main() {
        // Past `ulimit -f` a write then fails with EFBIG, which every command
        // reports (and whose temporary file it removes), instead of dying of SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        if CommandLine.arguments.count <= 1 {
            exit(TrainerLaunch().run() ?? 0)
        }
        // As `Whiteboard.main()`, but ArgumentParser's messages quote the
        // arguments ("Unknown option '--…'"), so they leave through the same
        // escaping as every other message.
        do {
            var command = try Whiteboard.parseAsRoot()
            try command.run()
        } catch {
            let code = Whiteboard.exitCode(for: error)
            let message = Whiteboard.fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { StandardOutput.write(message + "\n") } else { FileStandardError.write(message + "\n") }
            }
            exit(code.rawValue)
        }
    }
}

struct Whiteboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whiteboard",
        abstract: "Practise the trade-offs minutes (41-50) of a news-feed system-design interview.",
        discussion: """
            With no subcommand, opens the trainer. Its options: --practice (start the ten-minute clock), \
            --resume (take back the last session), --scenario NAME|FILE (the numbers every panel shares), --lessons DIR (add your lesson files), --export-dir DIR, \
            --ascii, --no-color, --no-mouse, --quiet (no bell at the clock's cues). See 'whiteboard help train'.
            """,
        version: "0.1.0",
        subcommands: [Train.self, Calc.self, ScenarioCommand.self, Lint.self, Audit.self, History.self, Drill.self, Calibration.self],
        defaultSubcommand: Train.self
    )
}
