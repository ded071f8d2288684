import ArgumentParser
import Calculators
import Foundation
import Terminal
import Trainer
import TUI

extension Whiteboard {
    /// `whiteboard drill`: the estimates due today, asked at fresh numbers.
    struct Drill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drill the estimates that are due, misses first, each at fresh numbers.",
            discussion: """
                In a terminal it opens the trainer in drill mode; with input piped it asks line by line. \
                Asks each due estimate at numbers varied from the lesson's (so the answer cannot be \
                remembered), reads your guess (a number in the answer's unit, or with a unit: 3 min, 2 TB; \
                Enter shows the answer, which counts as a miss), then shows the calculator's answer and \
                working. Scheduling is SM-2: a miss comes back at once, good answers at growing intervals. \
                Every answer is kept in $XDG_DATA_HOME/whiteboard/history.sqlite.
                Examples: whiteboard drill   ·   whiteboard drill --list --format json   ·   \
                whiteboard drill --export-csv missed.csv   (Anki: File › Import)
                """
        )

        @OptionGroup var lessons: LessonOptions

        @Flag(help: "Show what is due and why, without asking.")
        var list = false

        @Flag(help: "With --list: every item, due or not.")
        var all = false

        @Option(help: "With --list: table or json.")
        var format: Calc.OutputFormat = .table

        @Option(name: .customLong("export-csv"), help: ArgumentHelp(
            "Write the missed items as Anki-importable CSV (front: question with its numbers; back: answer, working, source).",
            valueName: "file"))
        var exportCSV: String?

        @Option(help: "At most this many questions (1 … 100).")
        var count = 10

        @Option(help: "Seed for the numbers asked (default: from the date and the item).")
        var seed: UInt64?

        func validate() throws {
            guard (1...100).contains(count) else { throw ValidationError("--count must be 1 … 100 (got \(count))") }
            if all, !list { throw ValidationError("--all goes with --list") }
        }

        func run() throws {
            // In a terminal, the drill opens in the trainer; piped, it asks line by line.
            if !list, exportCSV == nil, TerminalCheck.isInteractive() {
                let launch = TrainerLaunch(lessonsDirectory: lessons.directory, drill: DrillRun(limit: count, seed: seed))
                if let code = launch.run() { throw ExitCode(code) }
                return
            }
            let library: LessonLibrary
            do { library = try lessons.library() } catch {
                FileStandardError.write("whiteboard drill: \(error.description)\n")
                throw ExitCode(65)
            }
            for problem in library.problems { FileStandardError.write(problem.description + "\n") }
            let store = SessionStore(environment: ProcessInfo.processInfo.environment)
            let opened = HistoryDatabase.open(store)
            for notice in opened.notices { FileStandardError.write("whiteboard drill: \(notice)\n") }
            var attempts: [AttemptRecord] = []
            if let db = opened.database {
                do { attempts = try db.attempts() } catch {
                    FileStandardError.write("whiteboard drill: \(error.description)\n")
                }
            }
            let now = Date().timeIntervalSince1970
            let schedule = DrillSchedule(items: DrillItem.all(in: library.lessons), attempts: attempts, now: now)

            if let exportCSV {
                let (text, rows) = try DrillReport.ankiCSV(schedule)
                do { try AtomicFile.write(text, to: exportCSV, overwrite: true) } catch {
                    FileStandardError.write("whiteboard drill: \(error.description)\n")
                    throw ExitCode(73)
                }
                StandardOutput.write("Wrote \(rows) missed item\(rows == 1 ? "" : "s") to \(exportCSV).\n")
                return
            }
            if list {
                StandardOutput.write(format == .json ? DrillReport.json(schedule, all: all) : DrillReport.table(schedule, all: all),
                                     json: format == .json)
                return
            }
            try ask(schedule, lessons: library.lessons, database: opened.database, now: now)
        }

        /// One question after another on standard input; the answers and the
        /// drill session go into the history as they are given.
        func ask(_ schedule: DrillSchedule, lessons: [Lesson], database: HistoryDatabase?, now: Double) throws {
            let due = Array(schedule.due.prefix(count))
            guard !due.isEmpty else {
                say(DrillReport.table(schedule, all: false))
                return
            }
            if database == nil { say("(answers are not being kept: see the message above)\n") }
            let sessionID = HistoryDatabase.newSessionID()
            let started = Date().timeIntervalSince1970
            let clockStart = DispatchTime.now().uptimeNanoseconds
            var counts = EstimateCounts()
            let day = String(ExportNaming.readable(at: now, timeZone: .current).prefix(10))
            asking: for (n, entry) in due.enumerated() {
                let itemSeed = seed.map { $0 &+ UInt64(n) }
                    ?? DrillSeed.seed("\(entry.item.id) \(day) \(entry.state.answers)")
                guard let question = entry.item.ask(seed: itemSeed) else { continue }
                let unit = question.truth.quantity.unit
                say("\n")
                say("[\(n + 1)/\(due.count)] \(entry.item.lesson.title)  (\(entry.why))\n")
                say(question.question + "\n")
                let asked = DispatchTime.now().uptimeNanoseconds
                var guess: Double?
                reading: while true {
                    say("answer\(unit.symbol.isEmpty ? "" : " in " + unit.symbol) (Enter: show it) > ")
                    guard let line = readLine() else { say("\n"); break asking }
                    switch DrillAnswer.read(line, unit: unit) {
                    case let .value(v): guess = v; break reading
                    case .reveal: guess = nil; break reading
                    case let .invalid(message): say(message + "\n")
                    case let .ambiguous(a):
                        say("\(a.question) Type \(Format.count(a.asPercent))% or \(Format.count(a.asFraction))%.\n")
                    }
                }
                let taken = Double(DispatchTime.now().uptimeNanoseconds - asked) / 1e9
                let attempt = AttemptRecord(sessionID: sessionID, lesson: entry.item.lesson, truth: question.truth,
                                            guess: guess, inputs: question.inputs, question: question.question,
                                            secondsTaken: taken, date: Date().timeIntervalSince1970, drill: true)
                counts.add(attempt.score)
                do { try database?.record(attempt) } catch {
                    FileStandardError.write("whiteboard drill: \(error.description)\n")
                }
                say("answer: \(question.truth.display)"
                    + (guess.map { " · you said \(ResultValue("", "", $0, unit).display)" } ?? "")
                    + " · \(attempt.score.rawValue), \(attempt.grade.summary)\n")
                for line in question.working { say("  " + line + "\n") }
            }
            let used = Double(DispatchTime.now().uptimeNanoseconds - clockStart) / 1e9
            let session = SessionRecord(id: sessionID, kind: .drill, startedAt: started,
                                        finishedAt: Date().timeIntervalSince1970, secondsUsed: used,
                                        deckPanels: lessons.count, checklistTotal: 0, estimates: counts)
            if counts.total > 0 {
                do { try database?.record(session) } catch {
                    FileStandardError.write("whiteboard drill: \(error.description)\n")
                }
            }
            say("\n")
            say("Drill done: \(counts.good) good, \(counts.fair) fair, \(counts.off) off.\n")
        }
    }
}

/// Unbuffered standard output: a prompt is out before the answer is read.
func say(_ text: String) {
    StandardOutput.write(text)
}
