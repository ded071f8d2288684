import Calculators
import Yams

/// Turns the front-matter tree into a `Lesson`, checking each field against
/// the calculators as it goes and recording problems with their positions.
struct FieldReader {
    let file: String
    let offset: Int
    private(set) var errors: [LessonError] = []

    init(file: String, offset: Int) {
        self.file = file
        self.offset = offset
    }

    mutating func fail(_ node: Node?, _ message: String) {
        errors.append(LessonError(file: file, line: (node?.mark?.line ?? 1) + offset, column: node?.mark?.column ?? 1, message))
    }

    /// The value for `key`, remembering the key node for error positions.
    func field(_ map: Node.Mapping, _ key: String) -> (key: Node, value: Node)? {
        map.first { $0.key.string == key }.map { ($0.key, $0.value) }
    }

    mutating func string(_ map: Node.Mapping, _ key: String, required: Bool, in context: Node) -> String? {
        guard let (_, value) = field(map, key) else {
            if required { fail(context, "missing field \"\(key)\"") }
            return nil
        }
        guard case let .scalar(scalar) = value, !scalar.string.isEmpty else {
            fail(value, "\"\(key)\" must be text")
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node, _ what: String) -> Double? {
        if case let .scalar(scalar) = node, let v = NumberParser.parse(scalar.string), v.isFinite { return v }
        fail(node, "\(what) must be a number")
        return nil
    }

    mutating func unknownFields(_ map: Node.Mapping, allowed: [String], in what: String) {
        for (key, _) in map where !allowed.contains(key.string ?? "") {
            fail(key, "unknown field \"\(key.string ?? "?")\" in \(what) (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    mutating func lesson(_ map: Node.Mapping, body: [Lesson.Block]) -> Lesson? {
        let root = Node.mapping(map)
        unknownFields(map, allowed: LessonParser.fields, in: "front matter")
        let id = string(map, "id", required: true, in: root)
        if let id, !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) || id.isEmpty {
            fail(field(map, "id")?.value, "id \"\(id)\" may use only lowercase letters, digits and hyphens")
        }
        let minutes = string(map, "minutes", required: true, in: root)
        if let minutes, !Lesson.sections.contains(where: { $0.minutes == minutes }) {
            fail(field(map, "minutes")?.value,
                 "minutes \"\(minutes)\" is not a section (use one of \(Lesson.sections.map(\.minutes).joined(separator: ", ")))")
        }
        let title = string(map, "title", required: true, in: root)

        var calculator: (any Calculator)?
        let calculatorName = string(map, "calculator", required: false, in: root)
        if let calculatorName {
            calculator = Registry.named(calculatorName)
            if calculator == nil {
                fail(field(map, "calculator")?.value,
                     "unknown calculator \"\(calculatorName)\" (calculators: \(Registry.names.joined(separator: ", ")))")
            }
        }
        let parameters = self.parameters(map, calculator: calculator, named: calculatorName)
        var inputs = calculator?.defaults
        for p in parameters { inputs?.setClamped(p.key, p.value) }
        let output = calculator.flatMap { c in inputs.map { c.evaluate($0) } }
        let departures = self.departures(map, calculator: calculator, start: inputs)

        let claims = self.claims(map, calculator: calculator, output: output)
        let prompts = self.prompts(map)
        let checklist = self.checklist(map)
        let estimates = self.estimates(map, calculator: calculator, output: output)

        guard let id, let minutes, let title else { return nil }
        return Lesson(id: id, file: file, minutes: minutes, title: title, calculator: calculatorName,
                      parameters: parameters, departures: departures, claims: claims, prompts: prompts, checklist: checklist,
                      estimates: estimates, body: body)
    }

    mutating func parameters(_ map: Node.Mapping, calculator: (any Calculator)?, named: String?) -> [Lesson.ParameterSetting] {
        guard let (key, value) = field(map, "parameters") else { return [] }
        guard let settings = value.mapping else { fail(value, "\"parameters\" must map parameter keys to values"); return [] }
        guard let calculator else {
            if named == nil { fail(key, "\"parameters\" needs a \"calculator\"") }
            return []
        }
        var out: [Lesson.ParameterSetting] = []
        for (k, v) in settings {
            let name = k.string ?? "?"
            guard let parameter = calculator.parameter(name) else {
                fail(k, "\(calculator.name) has no parameter \"\(name)\" (parameters: \(calculator.parameters.map(\.key).joined(separator: ", ")))")
                continue
            }
            guard let text = v.scalar?.string else {
                fail(v, parameter.choices.isEmpty ? "\(name) must be a number" : "\(name) must be one of \(parameter.rangeDescription)")
                continue
            }
            // A choice is written by name: "mode: AP" says what "mode: 0" hides.
            if !parameter.choices.isEmpty, let number = NumberParser.parse(text) {
                let named = parameter.choices.indices.contains(Int(number)) && number == number.rounded()
                    ? " (\(Int(number)) is \(parameter.choices[Int(number)]))" : ""
                fail(v, "\(name): write the choice's name, not a number\(named) (one of \(parameter.rangeDescription))")
                continue
            }
            do {
                out.append(.init(key: name, value: try parameter.parse(text)))
            } catch {
                fail(v, error.description)
            }
        }
        return out
    }

    /// `departures: {key: reason}`: a linked parameter the lesson keeps off the board's
    /// scenario on purpose, and why. Only a parameter that is linked and that the lesson
    /// really starts elsewhere can depart; a reason that explains nothing is an error.
    mutating func departures(_ map: Node.Mapping, calculator: (any Calculator)?, start: Inputs?) -> [Lesson.Departure] {
        guard let (key, value) = field(map, "departures") else { return [] }
        guard let reasons = value.mapping else { fail(value, "\"departures\" must map parameter keys to reasons (entry_bytes: \"why\")"); return [] }
        guard let calculator, let start else {
            if field(map, "calculator") == nil { fail(key, "\"departures\" need a \"calculator\"") }
            return []
        }
        let links = ScenarioLinks.defaults(for: calculator.name)
        var out: [Lesson.Departure] = []
        for (k, v) in reasons {
            let name = k.string ?? "?"
            guard let parameter = calculator.parameter(name) else {
                fail(k, "\(calculator.name) has no parameter \"\(name)\" (parameters: \(calculator.parameters.map(\.key).joined(separator: ", ")))")
                continue
            }
            guard let link = links[name], let board = link.value(in: Scenario.board.values) else {
                let linked = links.keys.sorted()
                fail(k, "\(name) does not follow the scenario, so it cannot depart from it"
                     + (linked.isEmpty ? " (\(calculator.name) has no linked parameters)" : " (linked: \(linked.joined(separator: ", ")))"))
                continue
            }
            guard case let .scalar(reason) = v, !reason.string.trimmed.isEmpty else {
                fail(v, "the departure of \(name) must give its reason as text")
                continue
            }
            if ScenarioLinks.agree(start[name], board) {
                fail(k, "\(name) starts at the board's \(link.source), \(parameter.display(board)): nothing departs (set the value the lesson uses, or drop the line)")
                continue
            }
            out.append(.init(key: name, reason: reason.string))
        }
        return out
    }

    mutating func claims(_ map: Node.Mapping, calculator: (any Calculator)?, output: Output?) -> [Claim] {
        guard let (key, value) = field(map, "claims") else { return [] }
        guard let list = value.sequence else { fail(value, "\"claims\" must be a list"); return [] }
        guard calculator != nil || field(map, "calculator") != nil else { fail(key, "\"claims\" need a \"calculator\""); return [] }
        var out: [Claim] = [], seen: Set<String> = []
        for item in list {
            guard let claim = item.mapping else { fail(item, "a claim must be a mapping (id, text, result, stated, unit)"); continue }
            unknownFields(claim, allowed: LessonParser.claimFields, in: "a claim")
            let id = string(claim, "id", required: true, in: item)
            if let id, !seen.insert(id).inserted { fail(field(claim, "id")?.value, "duplicate claim id \"\(id)\"") }
            let text = string(claim, "text", required: true, in: item)
            let result = string(claim, "result", required: true, in: item)
            var stated: Double?
            if let (_, v) = field(claim, "stated") { stated = number(v, "\"stated\"") } else { fail(item, "missing field \"stated\"") }
            var unit: Unit?
            if let (_, v) = field(claim, "unit") {
                // An empty unit is a plain count or score.
                if case let .scalar(s) = v {
                    do { unit = try Unit.named(s.string) } catch { fail(v, error.description) }
                } else {
                    fail(v, "\"unit\" must be text")
                }
            }
            var tolerance = 0.02
            if let (_, v) = field(claim, "tolerance"), let t = number(v, "\"tolerance\"") {
                if (0...1).contains(t) { tolerance = t } else { fail(v, "tolerance \(t) is out of range (allowed: 0 … 1)") }
            }
            let why = string(claim, "why", required: false, in: item)
            var bound = Claim.Bound.about
            if let (_, v) = field(claim, "bound") {
                let names = Claim.Bound.allCases.map(\.rawValue)
                if case let .scalar(s) = v, let b = Claim.Bound(rawValue: s.string) { bound = b } else {
                    fail(v, "\"bound\" is one of \(names.joined(separator: ", "))")
                }
            }
            let sensitive = string(claim, "most_sensitive", required: false, in: item)
            let flipping = string(claim, "break_even", required: false, in: item)
            if bound != .about, sensitive != nil || flipping != nil {
                fail(field(claim, "bound")?.value, "\"bound\" is for a stated result, not for \"most_sensitive\" or \"break_even\"")
                continue
            }
            if sensitive != nil, flipping != nil {
                fail(field(claim, "break_even")?.value, "a claim is about one thing: \"most_sensitive\" or \"break_even\", not both")
                continue
            }
            guard let output, let result else { continue }
            if let calculator, let key = sensitive ?? flipping {
                // The input named must be one the analyses move.
                guard let parameter = calculator.parameter(key) else {
                    fail(field(claim, sensitive != nil ? "most_sensitive" : "break_even")?.value,
                         "\(calculator.name) has no parameter \"\(key)\" (parameters: \(calculator.parameters.map(\.key).joined(separator: ", ")))")
                    continue
                }
                if let reason = Sensitivity.skipReason(parameter) {
                    fail(field(claim, sensitive != nil ? "most_sensitive" : "break_even")?.value,
                         "\(key) is \(reason): the analyses never move it")
                    continue
                }
                if flipping != nil {
                    let decisions = Sensitivity.decisions(calculator, output: output)
                    guard decisions.contains(where: { $0.key == result }) else {
                        fail(field(claim, "result")?.value, decisions.isEmpty
                             ? "\(calculator.name) makes no decision here, so \"\(result)\" cannot break even"
                             : "\(calculator.name) makes no decision \"\(result)\" (decisions: \(decisions.map(\.key).joined(separator: ", ")))")
                        continue
                    }
                    let statedUnit = unit ?? parameter.unit
                    if statedUnit.dimension != parameter.unit.dimension {
                        fail(field(claim, "unit")?.value, "unit \"\(statedUnit.symbol)\" does not fit parameter \"\(key)\" (\(parameter.unit.symbol.isEmpty ? "a count" : parameter.unit.symbol))")
                        continue
                    }
                    if let id, let text, let stated {
                        out.append(Claim(id: id, text: text, resultKey: result, stated: Quantity(stated, statedUnit),
                                         tolerance: tolerance, why: why, kind: .breakEven(parameter: key)))
                    }
                    continue
                }
            }
            guard let computed = output[result] else {
                fail(field(claim, "result")?.value, "\(calculator?.name ?? "the calculator") has no result \"\(result)\" (results: \(output.results.map(\.key).joined(separator: ", ")))")
                continue
            }
            let statedUnit = unit ?? computed.quantity.unit
            if statedUnit.dimension != computed.quantity.unit.dimension {
                fail(field(claim, "unit")?.value, "unit \"\(statedUnit.symbol)\" does not fit result \"\(result)\" (\(computed.quantity.unit.symbol.isEmpty ? "a count" : computed.quantity.unit.symbol))")
                continue
            }
            if sensitive != nil, computed.kind == .choice {
                fail(field(claim, "result")?.value, "\(result) is a decision, not a number: say where it flips with \"break_even\"")
                continue
            }
            if let id, let text, let stated {
                out.append(Claim(id: id, text: text, resultKey: result, stated: Quantity(stated, statedUnit),
                                 tolerance: tolerance, why: why, kind: sensitive.map { .mostSensitive(parameter: $0) } ?? .value,
                                 bound: bound))
            }
        }
        return out
    }

    mutating func prompts(_ map: Node.Mapping) -> Lesson.Prompts {
        guard let (_, value) = field(map, "prompts") else { return .init() }
        guard let prompts = value.mapping else { fail(value, "\"prompts\" must have \"short\" and/or \"long\""); return .init() }
        unknownFields(prompts, allowed: ["short", "long"], in: "prompts")
        return .init(short: string(prompts, "short", required: false, in: value),
                     long: string(prompts, "long", required: false, in: value))
    }

    /// `checklist:` is a list; each item is text, or a mapping with its text and what in
    /// notes shows it: `phrases` (each text, `|` between alternatives, or a list of
    /// alternatives) and `numbers` (each a figure with its unit, "100 s", "1M writes").
    mutating func checklist(_ map: Node.Mapping) -> [Lesson.ChecklistItem] {
        guard let (_, value) = field(map, "checklist") else { return [] }
        guard let list = value.sequence else {
            fail(value, "\"checklist\" must be a list (each item text, or a mapping with text, phrases, numbers)")
            return []
        }
        var out: [Lesson.ChecklistItem] = []
        for item in list {
            let line = (item.mark?.line ?? 1) + offset
            if case let .scalar(s) = item {
                if s.string.trimmed.isEmpty { fail(item, "a checklist item must not be empty") } else {
                    out.append(.init(text: s.string, line: line))
                }
                continue
            }
            guard let fields = item.mapping else {
                fail(item, "a checklist item must be text, or a mapping with text, phrases, numbers")
                continue
            }
            unknownFields(fields, allowed: LessonParser.checklistFields, in: "a checklist item")
            let text = string(fields, "text", required: true, in: item)
            let phrases = checklistPhrases(fields)
            let numbers = checklistNumbers(fields)
            let unchecked = string(fields, "unchecked", required: false, in: item)
            if unchecked != nil, !phrases.isEmpty || !numbers.isEmpty {
                fail(field(fields, "unchecked")?.key, "a checklist item with phrases or numbers is checked: drop \"unchecked\" or them")
            }
            if let text { out.append(.init(text: text, phrases: phrases, numbers: numbers, unchecked: unchecked, line: line)) }
        }
        return out
    }

    /// Each entry one phrase group: "a|b" or [a, b] for alternatives.
    mutating func checklistPhrases(_ fields: Node.Mapping) -> [[String]] {
        guard let (_, value) = field(fields, "phrases") else { return [] }
        guard let list = value.sequence else {
            fail(value, "\"phrases\" must be a list (each a phrase, \"a|b\" or [a, b] for alternatives)")
            return []
        }
        if list.isEmpty { fail(value, "\"phrases\" is an empty list: give at least one, or leave the field out") }
        var groups: [[String]] = []
        for entry in list {
            var alternatives: [(String, Node)] = []
            if case let .scalar(s) = entry {
                alternatives = s.string.split(separator: "|", omittingEmptySubsequences: false).map { (String($0).trimmed, entry) }
            } else if let inner = entry.sequence, !inner.isEmpty {
                for alt in inner {
                    guard case let .scalar(s) = alt else { fail(alt, "a phrase must be text"); continue }
                    alternatives.append((s.string.trimmed, alt))
                }
            } else {
                fail(entry, "a phrase must be text, \"a|b\" or a list of alternatives")
                continue
            }
            var group: [String] = []
            for (phrase, node) in alternatives {
                guard phrase.contains(where: { $0.isLetter || $0.isNumber }) else {
                    fail(node, "a phrase must hold a word (\"\(phrase)\" has none)")
                    continue
                }
                group.append(phrase)
            }
            if !group.isEmpty, group.count == alternatives.count { groups.append(group) }
        }
        return groups
    }

    /// Each entry a figure with its unit, read as `NumberParser.parseQuantity` reads notes.
    mutating func checklistNumbers(_ fields: Node.Mapping) -> [Lesson.ChecklistItem.Figure] {
        guard let (_, value) = field(fields, "numbers") else { return [] }
        guard let list = value.sequence else { fail(value, "\"numbers\" must be a list of figures with units (\"100 s\", \"1M writes\")"); return [] }
        if list.isEmpty { fail(value, "\"numbers\" is an empty list: give at least one, or leave the field out") }
        var out: [Lesson.ChecklistItem.Figure] = []
        for entry in list {
            guard case let .scalar(s) = entry else { fail(entry, "a checklist number must be text such as \"100 s\""); continue }
            let text = s.string.trimmed
            guard let quantity = NumberParser.parseQuantity(text) else {
                fail(entry, "checklist number \"\(text)\" is not a number with a unit (such as \"100 s\", \"1M writes\", \"8 MB\", \"20 %\")")
                continue
            }
            guard !quantity.unit.symbol.isEmpty, quantity.value.isFinite else {
                fail(entry, "checklist number \"\(text)\" has no unit: say what it counts (\"\(text) writes\", \"\(text) s\")")
                continue
            }
            out.append(.init(text: text, quantity: quantity))
        }
        return out
    }

    /// `estimate:` as one mapping, or a list of them: several numbers worth
    /// knowing on one panel, asked in the order given.
    mutating func estimates(_ map: Node.Mapping, calculator: (any Calculator)?, output: Output?) -> [Lesson.Estimate] {
        guard let (key, value) = field(map, "estimate") else { return [] }
        guard calculator != nil || field(map, "calculator") != nil else { fail(key, "\"estimate\" needs a \"calculator\""); return [] }
        let items: [Node]
        if let list = value.sequence {
            items = Array(list)
            if items.isEmpty { fail(value, "\"estimate\" is an empty list: give at least one, or leave the field out") }
        } else {
            items = [value]
        }
        var out: [Lesson.Estimate] = []
        var seen: Set<String> = []
        for item in items {
            guard let estimate = self.estimate(item, calculator: calculator, output: output) else { continue }
            guard seen.insert(estimate.resultKey).inserted else {
                fail(item.mapping.flatMap { field($0, "result")?.value } ?? item,
                     "\"\(estimate.resultKey)\" is asked twice: each estimate asks for a different result")
                continue
            }
            out.append(estimate)
        }
        return out
    }

    mutating func estimate(_ value: Node, calculator: (any Calculator)?, output: Output?) -> Lesson.Estimate? {
        guard let estimate = value.mapping else { fail(value, "an estimate must have \"result\" and \"question\""); return nil }
        unknownFields(estimate, allowed: ["result", "question", "drill"], in: "estimate")
        let result = string(estimate, "result", required: true, in: value)
        let question = string(estimate, "question", required: true, in: value)
        if let result, let output, output[result] == nil {
            fail(field(estimate, "result")?.value, "\(calculator?.name ?? "the calculator") has no result \"\(result)\"")
            return nil
        }
        // The question is shown as written; only a drill fills in numbers.
        if let question, case let .success(keys) = DrillTemplate.placeholders(question), let key = keys.first {
            fail(field(estimate, "question")?.value,
                 "question: {\(key)} is shown as written; state the number in words (placeholders belong in drill:)")
        }
        let drill = string(estimate, "drill", required: false, in: value)
        if let drill, let calculator {
            switch DrillTemplate.placeholders(drill) {
            case let .failure(problem):
                fail(field(estimate, "drill")?.value, "drill: \(problem)")
            case let .success(keys):
                for key in keys where calculator.parameter(key) == nil {
                    fail(field(estimate, "drill")?.value,
                         "drill: {\(key)} is not a parameter of \(calculator.name) (parameters: \(calculator.parameters.map(\.key).joined(separator: ", ")))")
                }
                if case .success([]) = DrillTemplate.varied(drill) {
                    fail(field(estimate, "drill")?.value,
                         "drill: name at least one parameter as {key} (not only {=key}), or the numbers never change")
                }
            }
        }
        guard let result, let question else { return nil }
        return .init(resultKey: result, question: question, drill: drill)
    }
}
