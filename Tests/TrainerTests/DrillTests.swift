import Calculators
import Foundation
import Testing
@testable import Trainer

@Suite struct DrillTests {
    static let day = 86_400.0
    static let t0 = 1_700_000_000.0

    var deck: [Lesson] { LessonLibrary.load([bundledSources]).lessons }

    func item(_ id: String) throws -> DrillItem {
        try #require(DrillItem.all(in: deck).first { $0.lesson.id == id })
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
        #expect(SM2.quality(EstimateScore.grade(guess: 5, truth: 1, kind: .count)) == 3)
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

    @Test func theSameSeedAsksTheSameNumbers() throws {
        let item = try item("cap-partition")
        let a = try #require(item.ask(seed: 42)), b = try #require(item.ask(seed: 42))
        #expect(a == b)
        #expect(a.question.hasPrefix("The link is down for "))
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
        let base = "---\nid: x\nminutes: \"44-46\"\ntitle: X\ncalculator: headroom\nestimate:\n  result: years_to_full\n  question: \"How long?\"\n"
        #expect(lint(base + "  drill: \"At {annual_growth}, with {nope}?\"\n---\n")
            == ["demo.md:9:10: error: drill: {nope} is not a parameter of headroom (parameters: current_qps, capacity, growth, annual_growth, target_utilization)"])
        #expect(lint(base + "  drill: \"At {annual_growth\"\n---\n") == ["demo.md:9:10: error: drill: placeholder not closed (add \"}\")"])
        #expect(lint(base + "  drill: \"Fixed numbers\"\n---\n")
            == ["demo.md:9:10: error: drill: name at least one parameter as {key}, or the numbers never change"])
        #expect(lint(base + "  drill: \"At {annual_growth}?\"\n---\n") == [])
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
