@testable import Calculators
import Foundation
import Testing
@testable import Trainer
@testable import TUI

/// Nothing on screen answers an estimate before the guess: not the hidden
/// value, and no number one step (×, ÷, +, −) from two numbers shown.
@Suite struct GiveAwayTests {
    /// Three figures on screen: a step on them lands within this of the truth.
    static let tolerance = 0.01

    /// Every bundled estimate, as (lesson id, result key).
    static let estimates: [String] = Harness.bundled.lessons.flatMap { l in l.estimateKeys.map { "\(l.id) \($0)" } }

    /// A number as the screen prints it, with the unit written after it when there is one.
    struct ScreenNumber: CustomStringConvertible {
        let text: String
        let value: Double
        /// Known units read as a quantity; nil for a bare number.
        let quantity: Quantity?
        /// A word after the number that is not a unit ("workers").
        let word: String?
        var description: String { text }
    }

    static let pattern = try! NSRegularExpression(
        pattern: #"(\$?)(\d(?:[\d,]*\d)?(?:\.\d+)?)(?:([KMGTB])(?![A-Za-z]))?(?:\s?(%|×|/?[A-Za-z$][A-Za-z$/\-]*))?"#)

    static func numbers(in text: String) -> [ScreenNumber] {
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            func group(_ i: Int) -> String? { m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
            guard var v = NumberParser.parse(group(2) ?? "") else { return nil }
            switch group(3) { case "K": v *= 1e3; case "M": v *= 1e6; case "G", "B": v *= 1e9; case "T": v *= 1e12; default: break }
            let dollar = group(1) == "$"
            let word = group(4)
            var quantity: Quantity?
            if let word, let unit = try? Calculators.Unit.named(word == "×" ? "x" : word) { quantity = Quantity(v, unit) }
            if dollar, let word, let unit = try? Calculators.Unit.named(word.hasPrefix("/") ? "$" + word : word) { quantity = Quantity(v, unit) }
            if dollar, quantity == nil || quantity?.unit.dimension == .count { quantity = Quantity(v, .dollars) }
            return ScreenNumber(text: ns.substring(with: m.range), value: v, quantity: quantity,
                                word: quantity == nil ? word : nil)
        }
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = tolerance) -> Bool {
        a.isFinite && b.isFinite && abs(a - b) <= tolerance * abs(b)
    }

    /// Whether a number on screen reads as the hidden result.
    static func answers(_ n: ScreenNumber, _ truth: ResultValue) -> Bool {
        let t = truth.quantity
        let shown = numbers(in: Format.quantity(t)).first
        let money: Set<Calculators.Dimension> = [.money, .moneyRate, .pricePerData, .pricePerDataMonth, .costPerLatency]
        // "$5 a month per millisecond": a dollar figure answers any money-like truth shown in dollars.
        if n.text.hasPrefix("$"), money.contains(t.unit.dimension), close(n.value, t.value, 0.02) { return true }
        if let q = n.quantity {
            let sameKind = q.unit.dimension == t.unit.dimension
                || (q.unit.dimension == .money && [.moneyRate].contains(t.unit.dimension))
            // The same figure in a unit a few percent off ("80 KB" for 80 KiB) still answers;
            // "100 ms" does not answer 100 s.
            return sameKind && (close(q.baseValue, t.baseValue, 0.02)
                || (close(q.value, t.value, 0.02) && abs(log10(q.baseValue / t.baseValue)) < 0.05))
        }
        if let word = n.word {
            // "100 workers" answers only a count of workers.
            return word == t.unit.symbol && close(n.value, t.value, 0.02)
        }
        return close(n.value, t.value, 0.02) || shown.map { close(n.value, $0.value, 0.02) } == true
    }

    /// The screens of a panel before the guess: the lesson scrolled through, the calculator, the claims.
    static func screens(_ id: String, cols: Int, rows: Int) -> (Harness, [String]) {
        var h = Harness(cols, rows)
        h.press(.character("t"))
        h.open(id)
        var screens: [String] = []
        var scroll = 0
        repeat {
            h.state.panels[h.state.current].lessonScroll = scroll
            screens.append(h.text)
            scroll += max(1, rows / 2)
        } while scroll < 200 && screens.count < 2 || !screens.last!.contains("Your notes")
        h.state.panels[h.state.current].lessonScroll = 0
        h.press(.tab)
        screens.append(h.text)
        h.press(.character("c"))
        screens.append(h.text)
        h.press(.escape)
        return (h, screens)
    }

    @Test(arguments: estimates, [(120, 40), (80, 24)])
    func nothingOnScreenAnswersTheEstimate(_ estimate: String, size: (Int, Int)) throws {
        let parts = estimate.split(separator: " ").map(String.init)
        let (h, screens) = Self.screens(parts[0], cols: size.0, rows: size.1)
        let panel = try #require(h.state.panel)
        #expect(h.state.hiddenResults.asked.contains(parts[1]))
        let output = try #require(panel.output), inputs = try #require(panel.inputs)
        let truth = try #require(output[parts[1]])
        guard truth.isDefined, truth.quantity.baseValue != 0 else { return }
        let screen = screens.joined(separator: "\n")

        // The hidden value itself.
        for n in Self.numbers(in: screen) where Self.answers(n, truth) {
            Issue.record("\(estimate) at \(size.0)x\(size.1): \"\(n)\" on screen answers \(Format.quantity(truth.quantity))")
        }

        // One step from two numbers shown, at least one of them a result (two
        // parameters are the question's own numbers). A result counts as shown
        // when its value is on screen and reads unlike every parameter's.
        let parameters: [(String, Quantity, String)] = (panel.calculator?.visibleParameters(inputs) ?? []).compactMap { p in
            let text = p.display(inputs[p.key])
            guard p.choices.isEmpty, Self.shows(screen, text) else { return nil }
            return (p.key + "=", Quantity(inputs[p.key], p.unit), text)
        }
        let results: [(String, Quantity, String)] = output.results.compactMap { r in
            guard r.key != truth.key, r.kind != .rank, r.isDefined, r.text == nil, Self.shows(screen, r.display),
                  // A result equal to a parameter shown ("1M writes" for "1M followers") is the
                  // question's own number again, as the text mask treats it.
                  !parameters.contains(where: { $0.2 == r.display || GiveAway.answers($0.1, r.quantity) }) else { return nil }
            return (r.key, r.quantity, r.display)
        }
        let shown = results + parameters
        for (i, a) in shown.enumerated() {
            for (j, b) in shown.enumerated() where i != j && (i < results.count || j < results.count) {
                var steps: [(String, Quantity)] = []
                if let p = try? a.1.times(b.1) { steps.append(("×", p)) }
                if b.1.baseValue != 0, let q = try? a.1.dividedBy(b.1) { steps.append(("÷", q)) }
                if a.1.unit == b.1.unit || (a.1.unit.dimension == b.1.unit.dimension && ![.count, .ratio].contains(a.1.unit.dimension)) {
                    steps += [("+", a.1 + b.1), ("−", a.1 - b.1)]
                }
                let plain: Set<Calculators.Dimension> = [.count, .ratio]
                for (op, v) in steps where (v.unit.dimension == truth.quantity.unit.dimension
                                            || (plain.contains(v.unit.dimension) && plain.contains(truth.quantity.unit.dimension)))
                    && Self.close(v.baseValue, truth.quantity.baseValue) {
                    Issue.record("\(estimate) at \(size.0)x\(size.1): \(a.0) \(a.2) \(op) \(b.0) \(b.2) gives the hidden \(Format.quantity(truth.quantity))")
                }
            }
        }
    }

    /// Whether `text` is on screen as a figure of its own: "10,000 writes" is
    /// not shown by "10,000 writes/s", nor "8 B" by "8 Bytes".
    static func shows(_ screen: String, _ text: String) -> Bool {
        guard screen.contains(text) else { return false }
        let pattern = "(?<![\\w.,])" + NSRegularExpression.escapedPattern(for: text) + "(?![\\w/])"
        return screen.range(of: pattern, options: .regularExpression) != nil
    }

    /// A lesson's opening screen never answers another panel's estimate.
    @Test func noOpeningLineAnswersAnotherPanelsEstimate() throws {
        let lessons = Harness.bundled.lessons
        var openings: [(String, String)] = []
        for lesson in lessons {
            var h = Harness(120, 40)
            h.press(.character("t"))
            h.open(lesson.id)
            openings.append((lesson.id, h.lines.prefix(12).joined(separator: "\n")))
        }
        for lesson in lessons {
            let start = try #require(PanelState(lesson: lesson) as PanelState?)
            for key in lesson.estimateKeys {
                let truth = try #require(start.output?[key])
                guard truth.isDefined, truth.quantity.baseValue != 0 else { continue }
                for (id, text) in openings where id != lesson.id {
                    for n in Self.numbers(in: text) where (n.quantity != nil || n.text.hasPrefix("$")) && Self.answers(n, truth) {
                        Issue.record("\(id) opens with \"\(n)\", the answer to \(lesson.id)'s \(key) (\(Format.quantity(truth.quantity)))")
                    }
                }
            }
        }
    }

    /// The number reader the checks rely on.
    @Test func readsNumbersAsTheScreenPrintsThem() {
        let found = Self.numbers(in: "saves $38.4K/month · 40 % · 1.2M writes/s · 100 workers · 3,600")
        #expect(found.map(\.text) == ["$38.4K/month", "40 %", "1.2M writes/s", "100 workers", "3,600"])
        #expect(found[0].quantity?.value == 38_400)
        #expect(found[1].quantity?.baseValue == 0.4)
        #expect(found[2].quantity == Quantity(1.2e6, .writesPerSecond))
        #expect(found[3].word == "workers")
        #expect(found[4].value == 3600 && found[4].quantity == nil)
        let clause = Self.numbers(in: "The sum is $52,750, a saving")
        #expect(clause.map(\.text) == ["$52,750"])
        #expect(clause.first?.quantity?.value == 52_750)
    }
}

/// The check made for every pair on screen answers as the list of steps it stands for.
@Suite struct GiveAwayStepTests {
    @Test func derivesAnswersAsTheStepsDo() throws {
        var pairs = 0
        for lesson in Harness.bundled.lessons {
            guard let name = lesson.calculator, let model = Registry.named(name), let start = lesson.startingInputs() else { continue }
            let output = model.evaluate(start)
            let numbers = output.results.filter { $0.isDefined && $0.text == nil }.map(\.quantity)
                + model.parameters.filter(\.choices.isEmpty).map { Quantity(start[$0.key], $0.unit) }
            // The answers the lesson asks for, and its first result.
            let goals = (lesson.estimateKeys.compactMap { output[$0]?.quantity } + numbers.prefix(1))
            for goal in goals where goal.baseValue.isFinite && goal.baseValue != 0 {
                for a in numbers { for b in numbers {
                    let listed = GiveAway.steps(a, b).contains { GiveAway.answers($0, goal) }
                    #expect(GiveAway.derives(a, b, goal) == listed, "\(lesson.id): \(a) and \(b) for \(goal)")
                    pairs += 1
                } }
            }
        }
        #expect(pairs > 1_000)
    }

    @Test func everyDimensionHasItsPlace() {
        #expect(Dimension.allCases.enumerated().allSatisfy { $0.offset == $0.element.place })
    }
}
