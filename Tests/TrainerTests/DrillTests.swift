import Calculators
import Foundation
import Testing
@testable import Trainer

@Suite struct DrillTests {
    static let day = 86_400.0
    static let t0 = 1_700_000_000.0

    var deck: [Lesson] { LessonLibrary.load([bundledSources]).lessons }

    func item(_ id: String, _ result: String? = nil) throws -> DrillItem {
        try #require(DrillItem.all(in: deck).first { $0.lesson.id == id && (result == nil || $0.estimate.resultKey == result) })
    }

    func attempt(_ item: DrillItem, guess: Double?, truth: Double = 100, at date: Double,
                 kind: QuantityKind = .count) -> AttemptRecord {
        AttemptRecord(sessionID: "s", lessonID: item.lesson.id, resultKey: item.estimate.resultKey, question: "q",
                      kind: kind, unit: "", truth: truth, guess: guess, parameters: [:], secondsTaken: 5, date: date)
    }

    // MARK: Scheduling

    @Test func aMissIsDueBeforeAGoodAnswer() throws {
        let a = try item("queue-lag"), b = try item("cap-partition"), c = try item("cache-tiers")
        let attempts = [
            attempt(a, guess: 100, at: Self.t0),            // good
            attempt(b, guess: 1, at: Self.t0 + 10),         // off: 100× low
        ]
        let schedule = DrillSchedule(items: [a, b, c], attempts: attempts, now: Self.t0 + 60)
        #expect(schedule.entries.map(\.item.id) == [b.id, c.id, a.id])
        #expect(schedule.due.map(\.item.id) == [b.id, c.id])
        #expect(schedule.entries[0].why.hasPrefix("missed "))
        #expect(schedule.entries[1].why == "new: never answered")
        // The good answer comes back a day later.
        let tomorrow = DrillSchedule(items: [a, b, c], attempts: attempts, now: Self.t0 + Self.day + 1)
        #expect(tomorrow.due.map(\.item.id) == [b.id, c.id, a.id])
    }

    @Test func worseMissesComeFirst() throws {
        let a = try item("queue-lag"), b = try item("cap-partition"), c = try item("cache-tiers")
        let schedule = DrillSchedule(items: [a, b, c], attempts: [
            attempt(a, guess: 300, at: Self.t0),            // fair
            attempt(b, guess: 1, at: Self.t0),              // off
            attempt(c, guess: nil, at: Self.t0),            // revealed
        ], now: Self.t0 + 1)
        #expect(schedule.due.map(\.item.id) == [c.id, b.id, a.id])
    }

    @Test func intervalsGrowOnSuccess() throws {
        let a = try item("queue-lag")
        var attempts: [AttemptRecord] = []
        var date = Self.t0
        var intervals: [Double] = []
        for _ in 0..<5 {
            attempts.append(attempt(a, guess: 101, at: date))
            let entry = DrillSchedule(items: [a], attempts: attempts, now: date).entries[0]
            intervals.append(entry.state.intervalDays)
            #expect(!entry.isDue)
            date = try #require(entry.state.due)
        }
        #expect(intervals[0] == 1 && intervals[1] == 6)
        for (x, y) in zip(intervals, intervals.dropFirst()) { #expect(y > x) }
        // A miss starts it over and makes it due at once.
        attempts.append(attempt(a, guess: 1, at: date))
        let reset = DrillSchedule(items: [a], attempts: attempts, now: date).entries[0]
        #expect(reset.isDue && reset.state.repetitions == 0 && reset.state.intervalDays == 1)
    }

    @Test func sm2QualitiesFollowTheScore() {
        #expect(SM2.quality(EstimateScore.grade(guess: nil, truth: 1, kind: .count)) == 0)
        #expect(SM2.quality(EstimateScore.grade(guess: 100, truth: 1, kind: .count)) == 1)
        // Fair is below SM-2's pass mark of 3: the item starts over.
        #expect(SM2.quality(EstimateScore.grade(guess: 5, truth: 1, kind: .count)) == 2)
        #expect(SM2.quality(EstimateScore.grade(guess: 1.9, truth: 1, kind: .count)) == 4)
        #expect(SM2.quality(EstimateScore.grade(guess: 1.1, truth: 1, kind: .count)) == 5)
        #expect(SM2.quality(EstimateScore.grade(guess: 0.51, truth: 0.5, kind: .percent)) == 5)
        // The published easiness update: q = 5 adds 0.1, q = 3 takes 0.14, never below 1.3.
        let five = SM2.next(DrillState(), quality: 5, at: 0)
        #expect(abs(five.easiness - 2.6) < 1e-12)
        let three = SM2.next(DrillState(), quality: 3, at: 0)
        #expect(abs(three.easiness - 2.36) < 1e-12)
        var low = DrillState()
        for _ in 0..<20 { low = SM2.next(low, quality: 0, at: 0) }
        #expect(low.easiness == SM2.minimumEasiness)
    }

    @Test func aFairAnswerStartsTheItemOverAndDoesNotCountAsGood() throws {
        let a = try item("queue-lag")
        let utc = TimeZone(identifier: "UTC")!
        // t0 is 2023-11-14 22:13:20 UTC. Fair (5× off, quality 2), then good a minute later
        // (1.01×, quality 5): one good in a row, back the next day, not in 6.
        let fair = attempt(a, guess: 500, at: Self.t0)
        let afterFair = DrillSchedule(items: [a], attempts: [fair], now: Self.t0 + 30, timeZone: utc).entries[0]
        #expect(afterFair.isDue)
        #expect(afterFair.state.repetitions == 0 && afterFair.state.intervalDays == 1 && afterFair.state.due == Self.t0)
        #expect(abs(afterFair.state.easiness - 2.18) < 1e-12)
        #expect(afterFair.why == "fair 2023-11-14: 5× high (ratio); starts over, asked again until good")

        var attempts = [fair, attempt(a, guess: 101, at: Self.t0 + 60)]
        var entry = DrillSchedule(items: [a], attempts: attempts, now: Self.t0 + 120, timeZone: utc).entries[0]
        #expect(!entry.isDue)
        #expect(entry.state.repetitions == 1 && entry.state.intervalDays == 1)
        #expect(entry.state.due == Self.t0 + 60 + Self.day)
        #expect(entry.why == "good 1 time in a row; next 2023-11-15 (interval 1 day)")

        // Good again when due (2023-11-15): 6 days; then 6 × easiness 2.48 = 14.88, 15 days.
        attempts.append(attempt(a, guess: 101, at: Self.t0 + 60 + Self.day))
        entry = DrillSchedule(items: [a], attempts: attempts, now: Self.t0 + 2 * Self.day, timeZone: utc).entries[0]
        #expect(entry.state.repetitions == 2 && entry.state.intervalDays == 6)
        #expect(entry.why == "good 2 times in a row; next 2023-11-21 (interval 6 days)")
        attempts.append(attempt(a, guess: 101, at: Self.t0 + 60 + 7 * Self.day))
        entry = DrillSchedule(items: [a], attempts: attempts, now: Self.t0 + 8 * Self.day, timeZone: utc).entries[0]
        #expect(entry.state.repetitions == 3 && entry.state.intervalDays == 15)
        #expect(abs(entry.state.easiness - 2.48) < 1e-12)
        #expect(entry.why == "good 3 times in a row; next 2023-12-06 (interval 15 days)")

        // A fair answer in the middle of a run ends it, as a miss does.
        attempts.append(attempt(a, guess: 500, at: Self.t0 + 60 + 22 * Self.day))
        entry = DrillSchedule(items: [a], attempts: attempts, now: Self.t0 + 60 + 22 * Self.day, timeZone: utc).entries[0]
        #expect(entry.isDue && entry.state.repetitions == 0 && entry.state.intervalDays == 1)
    }

    // MARK: Fresh numbers

    @Test func everyBundledEstimateHasADrillThatVaries() throws {
        let items = DrillItem.all(in: deck)
        #expect(items.count >= 10)
        for item in items {
            #expect(!item.variedKeys.isEmpty, "\(item.id) has no drill template")
            var questions: Set<String> = []
            for seed in 0..<8 as Range<UInt64> {
                let asked = try #require(item.ask(seed: seed), "\(item.id)")
                #expect(asked.truth.quantity.value.isFinite, "\(item.id) seed \(seed)")
                #expect(!asked.question.contains("{"), "\(asked.question)")
                // Asked at these inputs, the calculator gives the truth.
                let calculator = try #require(Registry.named(item.lesson.calculator ?? ""))
                #expect(calculator.evaluate(asked.inputs)[item.estimate.resultKey] == asked.truth)
                questions.insert(asked.question)
            }
            #expect(questions.count >= 4, "\(item.id) asks the same numbers: \(questions)")
        }
    }

    /// The values a check moves a parameter to: every other choice; for a number,
    /// half and twice its value (a step either side at zero, the next levels on a
    /// scale of levels), kept in range.
    static func moves(_ p: Parameter, from value: Double) -> [Double] {
        if !p.choices.isEmpty { return p.choices.indices.map(Double.init).filter { $0 != value } }
        if p.isLevels { return [p.stepped(value, by: -1), p.stepped(value, by: 1)].filter { $0 != value } }
        let raw = value == 0 ? [value - p.step, value + p.step] : [value / 2, value * 2]
        return raw.map { v in min(max(p.integral ? v.rounded() : v, p.range.lowerBound), p.range.upperBound) }
            .filter { $0 != value }
    }

    /// A drill states every input its answer depends on: each parameter the
    /// template does not name (`{key}` varied or `{=key}` stated) is moved
    /// (every choice, ×½ and ×2), and the answer must not change. A simulation's
    /// seed and trial count are the exceptions: they pick the sample it draws
    /// and its size, not the system asked about.
    @Test func everyDrillQuestionNamesEveryInputItsAnswerDependsOn() throws {
        var unnamed: [String] = []
        for item in DrillItem.all(in: deck) {
            let calculator = try #require(Registry.named(item.lesson.calculator ?? ""))
            let start = try #require(item.lesson.startingInputs())
            let named = Set(item.statedKeys)
            let truth = try #require(calculator.evaluate(start)[item.estimate.resultKey]).quantity.value
            for p in calculator.parameters where !named.contains(p.key) && !["seed", "trials"].contains(p.key) && !p.key.hasSuffix("_seed") {
                for v in Self.moves(p, from: start[p.key]) {
                    var moved = start
                    moved.setClamped(p.key, v)
                    guard let answer = calculator.evaluate(moved)[item.estimate.resultKey]?.quantity.value else { continue }
                    let same = answer == truth || abs(answer - truth) <= 1e-9 * max(abs(truth), abs(answer))
                    if !same {
                        unnamed.append("\(item.id): {\(p.key)} at \(p.display(v)) gives \(answer), not \(truth)")
                        break
                    }
                }
            }
        }
        #expect(unnamed.isEmpty, "drill questions that leave out an input their answer depends on:\n\(unnamed.joined(separator: "\n"))")
    }

    /// What the reveal shows: the question's numbers, the results one step from
    /// the answer, the answer; not every result of the calculator.
    @Test func theWorkingLeadsToTheAnswer() throws {
        let asked = try #require(try item("db-write-headroom").ask(seed: 3))
        #expect(asked.working == ["growth per year = 28 %", "peak rows written = 3,500 rows/s",
                                  "one database = 23,000 rows/s", "full in = 7.63 years"])
        for item in DrillItem.all(in: deck) {
            let asked = try #require(item.ask(seed: 3))
            #expect(asked.working.last == asked.truth.label + " = " + asked.truth.display)
            #expect(!asked.working.contains { $0.hasPrefix("after growth =") || $0.hasPrefix("shards needed =") }, "\(item.id)")
        }
    }

    /// `{=key}` numbers are stated at the lesson's value, never varied, and
    /// start the working with the varied ones.
    @Test func statedNumbersKeepTheLessonsValue() throws {
        let tiers = try item("storage-tiers", "tiered.monthly")
        #expect(tiers.variedKeys == ["size_pb", "hot_percent", "warm_percent"])
        #expect(tiers.statedKeys == ["size_pb", "hot_percent", "hot_price", "warm_percent", "warm_price", "cold_price",
                                     "billing", "retrieval_fees"])
        let start = try #require(tiers.lesson.startingInputs())
        for seed in 0..<20 as Range<UInt64> {
            let asked = try #require(tiers.ask(seed: seed))
            for key in ["hot_price", "warm_price", "cold_price", "retrieval_fees", "billing"] {
                #expect(asked.inputs[key] == start[key], "\(key) at seed \(seed)")
            }
            #expect(asked.question.contains("at $0.023/GB-month") && asked.question.contains("plus $1,000/month of retrieval fees"),
                    "\(asked.question)")
            #expect(asked.working.contains("retrieval fees = $1,000/month"), "\(asked.working)")
        }
    }

    /// A draw the model would run at other numbers (R above N on the quorum
    /// panel: "3 replicas, reading 2 of 1") is drawn again.
    @Test func noDrillAsksAboutNumbersTheModelOverrides() throws {
        let staleness = try #require(Registry.named("staleness"))
        #expect(staleness.overridden(try staleness.inputs(setting: ["n": 1, "r": 2, "w": 1]))
            == "R and W cannot exceed N: using R = 1, W = 1 of N = 1.")
        #expect(staleness.overridden(try staleness.inputs(setting: ["n": 3, "r": 2, "w": 1])) == nil)
        for item in DrillItem.all(in: deck) {
            let calculator = try #require(Registry.named(item.lesson.calculator ?? ""))
            for seed in 0..<40 as Range<UInt64> {
                let asked = try #require(item.ask(seed: seed))
                #expect(calculator.overridden(asked.inputs) == nil, "\(item.id) at seed \(seed): \(asked.question)")
            }
        }
    }

    @Test func theSameSeedAsksTheSameNumbers() throws {
        let item = try item("cap-partition")
        let a = try #require(item.ask(seed: 42)), b = try #require(item.ask(seed: 42))
        #expect(a == b)
        #expect(a.question.hasPrefix("Both sides stay writable (AP) while the link is down for "))
        #expect(try #require(item.ask(seed: 43)) != a)
    }

    @Test func variedValuesStayInRangeAndPlausible() throws {
        let item = try item("db-write-headroom")
        let start = try #require(item.lesson.startingInputs())
        let calculator = try #require(Registry.named("headroom"))
        for seed in 0..<50 as Range<UInt64> {
            let asked = try #require(item.ask(seed: seed))
            for key in item.variedKeys {
                let p = try #require(calculator.parameter(key))
                let v = asked.inputs[key]
                #expect(p.range.contains(v))
                #expect(v >= start[key] / 3.1 && v <= start[key] * 3.1, "\(key) = \(v)")
            }
        }
        #expect(DrillItem.roundToTwoFigures(3_847) == 3_800)
        #expect(DrillItem.roundToTwoFigures(0.01234) == 0.012)
    }

    @Test func templatesAreChecked() {
        #expect(DrillTemplate.placeholders("{a} and {b.c} and {a}") == .success(["a", "b.c"]))
        #expect(DrillTemplate.placeholders("no numbers") == .success([]))
        #expect(DrillTemplate.placeholders("{a").map { _ in "" } == .failure(.init("placeholder not closed (add \"}\")")))
        #expect(DrillTemplate.placeholders("a}").map { _ in "" } == .failure(.init("\"}\" without \"{\"")))
        #expect(DrillTemplate.placeholders("{}").map { _ in "" } == .failure(.init("empty placeholder {}")))
        #expect(DrillTemplate.placeholders("{=}").map { _ in "" } == .failure(.init("empty placeholder {=}")))
        // {=key} is stated at the lesson's value, {key} varied; named both ways it is varied.
        #expect(DrillTemplate.placeholders("{=p} then {a} and {=a}") == .success(["p", "a"]))
        #expect(DrillTemplate.varied("{=p} then {a} and {=a}") == .success(["a"]))
        #expect(DrillTemplate.varied("{=a} then {a}") == .success(["a"]))
        let base = "---\nid: x\nminutes: \"44-46\"\ntitle: X\ncalculator: headroom\nestimate:\n  result: years_to_full\n  question: \"How long?\"\n"
        #expect(lint(base + "  drill: \"At {annual_growth}, with {nope}?\"\n---\n")
            == ["demo.md:9:10: error: drill: {nope} is not a parameter of headroom (parameters: current_qps, capacity, growth, annual_growth, target_utilization)"])
        #expect(lint(base + "  drill: \"At {annual_growth\"\n---\n") == ["demo.md:9:10: error: drill: placeholder not closed (add \"}\")"])
        #expect(lint(base + "  drill: \"Fixed numbers\"\n---\n")
            == ["demo.md:9:10: error: drill: name at least one parameter as {key} (not only {=key}), or the numbers never change"])
        #expect(lint(base + "  drill: \"At {=annual_growth}?\"\n---\n")
            == ["demo.md:9:10: error: drill: name at least one parameter as {key} (not only {=key}), or the numbers never change"])
        #expect(lint(base + "  drill: \"At {=nope} and {annual_growth}?\"\n---\n")
            == ["demo.md:9:10: error: drill: {nope} is not a parameter of headroom (parameters: current_qps, capacity, growth, annual_growth, target_utilization)"])
        #expect(lint(base + "  drill: \"At {annual_growth}?\"\n---\n") == [])
        // The question is shown as written: a placeholder there would show as braces.
        #expect(lint(base.replacingOccurrences(of: "How long?", with: "At {=annual_growth}, how long?") + "---\n")
            == ["demo.md:8:13: error: question: {annual_growth} is shown as written; state the number in words (placeholders belong in drill:)"])
    }

    // MARK: Answers typed

    @Test func answersAreReadInTheAnswersUnit() {
        #expect(DrillAnswer.read("90", unit: .seconds) == .value(90))
        #expect(DrillAnswer.read("1.5 min", unit: .seconds) == .value(90))
        #expect(DrillAnswer.read("2 TB", unit: .gigabytes) == .value(2000))
        #expect(DrillAnswer.read("1.5K", unit: .writesPerSecond) == .value(1500))
        #expect(DrillAnswer.read("54%", unit: .percent) == .value(54))
        #expect(DrillAnswer.read("  ", unit: .percent) == .reveal)
        #expect(DrillAnswer.read("0.5", unit: .percent) == .ambiguous(PercentAmbiguity(asPercent: 0.5, asFraction: 50)))
        guard case let .invalid(message) = DrillAnswer.read("5 MB", unit: .seconds) else {
            Issue.record("a size is not a time")
            return
        }
        #expect(message.hasPrefix("\"5 MB\" is not a number: type it in s or with a unit (ns, us, ms, s, min"))
        guard case .invalid = DrillAnswer.read("20%", unit: .seconds) else { Issue.record("% on seconds"); return }
    }

    // MARK: Export

    @Test func missedItemsExportAsAnkiCSV() throws {
        let a = try item("cap-partition"), b = try item("queue-lag")
        let asked = try #require(a.ask(seed: 1))
        let missed = AttemptRecord(sessionID: "s", lesson: a.lesson, truth: asked.truth, guess: 1, inputs: asked.inputs,
                                   question: asked.question, secondsTaken: 3, date: Self.t0, drill: true)
        let good = attempt(b, guess: 100, at: Self.t0)
        let schedule = DrillSchedule(items: [a, b], attempts: [missed, good], now: Self.t0 + 1)
        let (text, rows) = try DrillReport.ankiCSV(schedule)
        #expect(rows == 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines.prefix(4)) == ["#separator:Comma", "#html:true", "#columns:Front,Back,Tags", "#tags column:3"])
        let row = String(lines[4])
        // Front: the question with its numbers, quoted because it holds commas.
        #expect(row.hasPrefix("\"" + asked.question.replacingOccurrences(of: "\"", with: "\"\"") + "\","))
        // The answer is the mean of the runs; the result list beside it gives the spread too.
        #expect(row.contains("<b>" + Format.quantity(asked.truth.quantity) + "</b>"))
        #expect(row.contains("You said 1 write ("))
        #expect(row.contains("lost to last-writer-wins = " + asked.truth.display))
        #expect(row.contains("(Lessons/03-cap-partition.md)"))
        #expect(row.hasSuffix(",whiteboard cap-partition"))
        #expect(!text.contains("queue-lag"))

        let none = try DrillReport.ankiCSV(DrillSchedule(items: [b], attempts: [good], now: Self.t0))
        #expect(none.rows == 0)
        #expect(none.text == "#separator:Comma\n#html:true\n#columns:Front,Back,Tags\n#tags column:3\n")
    }

    @Test func listSaysWhatIsDueAndWhy() throws {
        let a = try item("cap-partition"), b = try item("queue-lag")
        let schedule = DrillSchedule(items: [a, b], attempts: [attempt(b, guess: 100, at: Self.t0)], now: Self.t0 + 5,
                                     timeZone: TimeZone(identifier: "UTC")!)
        let table = DrillReport.table(schedule, all: true)
        #expect(table.hasPrefix("1 of 2 estimates due, misses first.\n"))
        #expect(table.contains("due    cap-partition/lww.lost  0        new: never answered"))
        #expect(table.contains("later  queue-lag/drain_time    1        good 1 time in a row; next 2023-11-15 (interval 1 day)"))
        let json = DrillReport.json(schedule, all: false)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["due"] as? Int == 1)
        let items = try #require(root["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["cap-partition/lww.lost"])
        #expect(items[0]["last"] is NSNull)
    }
}
