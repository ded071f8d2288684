import Trainer

/// A search of lesson text (`/`), as less has it: the focused lesson's, or with a
/// leading `*` (less's "search every file") every lesson's; `n`/`N` go to the next
/// and the previous match while it lasts, and Esc ends it.
///
/// Matches are found in the lesson's lines as the pane wraps them at the size on
/// screen, so a match is a line the pane can scroll to and a column it can mark.
/// Case is ignored unless the query has a capital letter (vim's smartcase, less's -i).
public struct LessonSearch: Equatable, Sendable {
    /// The text searched for, without the `*` prefix.
    public var query: String
    /// Every lesson (`/*text`), not only the one on screen.
    public var everyLesson: Bool
    /// The match shown: its page, line and column; nil before the first.
    public var hit: Hit?
    /// Which match of how many the shown one is, counted over the scope.
    public var index = 0
    public var count = 0

    public struct Hit: Equatable, Sendable, Comparable {
        public var page: Int
        /// Line of the lesson as wrapped at the width it was found at.
        public var line: Int
        /// Character offset of the match in that line.
        public var offset: Int

        public init(page: Int, line: Int, offset: Int) {
            self.page = page
            self.line = line
            self.offset = offset
        }

        public static func < (a: Hit, b: Hit) -> Bool { (a.page, a.line, a.offset) < (b.page, b.line, b.offset) }
    }

    public init(query: String, everyLesson: Bool, hit: Hit? = nil) {
        self.query = query
        self.everyLesson = everyLesson
        self.hit = hit
    }

    /// What the prompt reads back: `*text` for every lesson.
    public init(prompt text: String) {
        everyLesson = text.hasPrefix("*")
        query = everyLesson ? String(text.dropFirst()) : text
    }

    public var prompt: String { (everyLesson ? "*" : "") + query }

    public var caseSensitive: Bool { query.contains { $0.isUppercase } }

    /// Character offsets where the query starts in `text`, left to right, not overlapping.
    public func offsets(in text: String) -> [Int] {
        Self.offsets(of: query, in: text, caseSensitive: caseSensitive)
    }

    static func offsets(of query: String, in text: String, caseSensitive: Bool) -> [Int] {
        let needle = Array(caseSensitive ? query : query.lowercased())
        guard !needle.isEmpty else { return [] }
        let hay = Array(caseSensitive ? text : text.lowercased())
        guard hay.count >= needle.count else { return [] }
        var out: [Int] = []
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle {
                out.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }
}

extension AppState {
    /// `/`: the prompt opens with the last query, which Enter searches again and typing replaces.
    mutating func beginSearch() {
        guard panel != nil else { notice = Notice(.info, "Nothing to search on this page"); return }
        overlay = .search(LineEditor(search?.prompt ?? lastSearch ?? "", prefilled: true))
    }

    /// Enter on the prompt: the first match at or after the top of the lesson on
    /// screen (the next one when the same search runs again).
    mutating func commitSearch(_ text: String) {
        overlay = nil
        var s = LessonSearch(prompt: text)
        guard !s.query.isEmpty else {
            search = nil
            notice = Notice(.info, "Nothing to search for: type text after /, or /*text for every lesson")
            return
        }
        if let old = search, old.prompt == s.prompt { s.hit = old.hit }
        search = s
        lastSearch = s.prompt
        moveToMatch(s.hit == nil ? 0 : 1)
    }

    /// `n` (1) and `N` (-1): the next or previous match, round past either end; 0 is
    /// the first match at or after the lesson's top line.
    mutating func moveToMatch(_ direction: Int) {
        guard var s = search else { return }
        if s.everyLesson { settleFirstRunsShowingGuesses() }
        let hits = searchHits(s)
        guard !hits.isEmpty else {
            notice = Notice(.error, "Not found: \"\(s.query)\"" + (s.everyLesson ? " in any lesson" : " in this lesson (/*\(s.query) searches every lesson)"))
            search = nil
            return
        }
        let origin = s.hit.flatMap { hit in hit.page == current || s.everyLesson ? hit : nil }
            ?? LessonSearch.Hit(page: current, line: panel?.lessonScroll ?? 0, offset: -1)
        let next: Int
        var wrapped = false
        switch direction {
        case 0: next = hits.firstIndex { $0 > origin } ?? { wrapped = true; return 0 }()
        case ..<0: next = hits.lastIndex { $0 < origin } ?? { wrapped = true; return hits.count - 1 }()
        default: next = hits.firstIndex { $0 > origin } ?? { wrapped = true; return 0 }()
        }
        let hit = hits[next]
        s.hit = hit
        s.index = next + 1
        s.count = hits.count
        search = s
        show(hit)
        let scope = s.everyLesson ? "in every lesson" : "in this lesson"
        let round = wrapped && hits.count > 1 ? (direction < 0 ? " · went round to the last" : " · went round to the first") : ""
        notice = Notice(.info, "\"\(s.query)\": match \(s.index) of \(s.count) \(scope)\(round) · n/N next/previous · Esc ends the search")
    }

    /// Goes to the match's panel and scrolls its line into view, a third of the way down the pane.
    private mutating func show(_ hit: LessonSearch.Hit) {
        if hit.page != current {
            let keep = search
            go(to: hit.page)
            search = keep
        }
        if layout.lesson == nil { focus = .lesson }
        guard let rect = lessonRect else { return }
        let height = max(1, rect.height - 2)
        let scroll = panels[current].lessonScroll
        if hit.line < scroll || hit.line >= scroll + height {
            panels[current].lessonScroll = min(max(0, hit.line - height / 3), lessonScrollLimit)
        }
    }

    /// `Esc` while a search is on: the marks go, the place in the lesson stays.
    mutating func endSearch() {
        guard search != nil else { return }
        search = nil
        notice = Notice(.info, "Search ended (/ searches again)")
    }

    /// Every match of the search, in page, line and column order: the lesson on
    /// screen's, or with `everyLesson` every lesson's.
    func searchHits(_ s: LessonSearch) -> [LessonSearch.Hit] {
        let pages = s.everyLesson ? Array(panels.indices) : panels.indices.contains(current) ? [current] : []
        var out: [LessonSearch.Hit] = []
        for page in pages {
            let width = searchWidth
            for (n, line) in lessonPane(at: page).lines(width: width).enumerated() {
                for offset in s.offsets(in: line.text) { out.append(LessonSearch.Hit(page: page, line: n, offset: offset)) }
            }
        }
        return out
    }

    /// The lesson's text width at this size (as drawn when the lesson is on screen).
    var searchWidth: Int {
        let rect = Layout(size: size, focus: .lesson, hasCalculator: panel?.inputs != nil, zoomed: zoomed).lesson
            ?? Rect(x: 0, y: 1, width: size.cols, height: max(0, size.rows - 3))
        return LessonPane.contentWidth(in: rect)
    }

    /// Makes the first run of every panel whose lesson text shows a guess (it is written with
    /// the answer's unit, or scored against the answer), so a search of every lesson reads
    /// each lesson as it is drawn, whether or not its first run is back from the worker.
    mutating func settleFirstRunsShowingGuesses() {
        for i in panels.indices where panels[i].awaitingFirstRun {
            let record = session[lesson: panels[i].lesson.id]
            if panels[i].lesson.estimates.indices.contains(where: { record[guess: $0].value != nil || record[guess: $0].revealed }) {
                panels[i].settle()
            }
        }
    }

    /// The lesson pane of a page, as the screen draws it.
    func lessonPane(at index: Int) -> LessonPane {
        let p = panels[index]
        let record = session[lesson: p.lesson.id]
        let outcomes: [EstimateOutcome?] = p.estimateTruths.enumerated().map { i, truth in
            guard let truth, record[guess: i].revealed else { return nil }
            return EstimateOutcome(guess: record[guess: i].value, truth: truth)
        }
        // The current panel's numbers covered until the guess are not there to be found.
        return LessonPane(lesson: p.lesson, theme: Theme(display), record: record, outcomes: outcomes, truths: p.estimateTruths,
                          mask: index == current ? answerMask : AnswerMask())
    }

    /// Where the lesson is drawn at this size, focus and zoom.
    var lessonRect: Rect? {
        guard Layout.fits(size) else { return nil }
        return layout.lesson
    }

    /// What the lesson pane marks for the search on screen: every match, and the one shown.
    var searchMarks: SearchMarks? {
        guard let s = search else { return nil }
        let shown = s.hit.flatMap { $0.page == current ? $0 : nil }
        return SearchMarks(query: s.query, caseSensitive: s.caseSensitive, line: shown?.line, offset: shown?.offset)
    }
}

/// The search as the lesson pane marks it.
struct SearchMarks: Equatable, Sendable {
    var query: String
    var caseSensitive: Bool
    var line: Int?
    var offset: Int?
}

extension Line {
    /// The line's text, its spans joined.
    var text: String { spans.map(\.text).joined() }
}
