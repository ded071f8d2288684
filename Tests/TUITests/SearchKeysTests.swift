import Testing
@testable import TUI

/// `/` searches the lesson as less does: n/N move through the matches while the
/// search is on, the match is scrolled into view and marked, Esc ends it; `/*`
/// searches every lesson; the panel list matches lesson text as well as titles.
@Suite struct SearchKeysTests {
    /// The row of the screen showing `text`, and its column.
    func find(_ text: String, in h: Harness) -> (row: Int, col: Int)? {
        for (y, line) in h.lines.enumerated() {
            if let r = line.range(of: text) { return (y, line.distance(from: line.startIndex, to: r.lowerBound)) }
        }
        return nil
    }

    @Test func slashFindsScrollsIntoViewAndMarksTheMatch() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let panel = h.state.current
        #expect(!h.text.contains("retune"))
        h.press(.character("/"))
        h.type("retune")
        #expect(h.state.overlay == .search(LineEditor("retune")))
        #expect(h.lines[38].contains("/retune"))
        h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.state.current == panel)
        #expect(h.state.panel!.lessonScroll > 0)
        guard let at = find("retune", in: h) else { Issue.record("the match is not on screen"); return }
        // The match shown is reversed, word for word.
        let styles = Array(h.grid.styleLines[at.row])
        #expect(String(styles[at.col..<(at.col + 6)]) == "RRRRRR")
        #expect(h.lines[1].contains("Lesson · /retune 1 of 1"))
        #expect(h.state.notice == Notice(.info, "\"retune\": match 1 of 1 in this lesson · n/N next/previous · Esc ends the search"))
    }

    @Test func nAndCapitalNMoveThroughTheMatchesAndGoRoundTheEnds() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let panel = h.state.current
        h.press(.character("/"))
        h.type("hybrid")
        h.press(.enter)
        let count = h.state.search!.count
        #expect(count > 5)
        #expect(h.state.search?.index == 1)
        h.press(.character("n"), .character("n"))
        #expect(h.state.search?.index == 3)
        #expect(h.state.current == panel)
        h.press(.character("N"))
        #expect(h.state.search?.index == 2)
        h.press(.character("N"), .character("N"))
        #expect(h.state.search?.index == count)
        #expect(h.state.notice?.text.contains("went round to the last") == true)
        // N is the search's while it lasts, not the notes editor.
        #expect(h.state.overlay == nil)
        // The match shown is reversed; Esc takes the marks away and leaves the lesson where it is.
        let scroll = h.state.panel!.lessonScroll
        let hit = h.state.search!.hit!
        let row = 2 + hit.line - scroll, col = 2 + hit.offset
        #expect(String(Array(h.grid.styleLines[row])[col..<(col + 6)]) == "RRRRRR")
        h.press(.escape)
        #expect(h.state.search == nil)
        #expect(h.state.panel!.lessonScroll == scroll)
        #expect(!String(Array(h.grid.styleLines[row])[col..<(col + 6)]).contains("R"))
        // Outside a search n and p move panels again.
        h.press(.character("n"))
        #expect(h.state.current == panel + 1)
    }

    @Test func theFooterOffersTheSearchKeysFirstWhileItLasts() {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.character("/"))
        h.type("push")
        h.press(.enter)
        #expect(h.lines.last?.hasPrefix(" n/N match  Esc end search") == true)
    }

    @Test func starSearchesEveryLessonAndGoesToTheLessonThatHasIt() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.character("/"))
        h.type("*LFU")
        #expect(h.lines[38].contains("search every lesson"))
        h.press(.enter)
        #expect(h.state.panel?.lesson.id == "cache-memory")
        #expect(h.state.search?.everyLesson == true)
        #expect(find("LFU", in: h) != nil)
        #expect(h.state.notice?.text.contains("in every lesson") == true)
        // Without the star, a word in another lesson only is not found here.
        h.press(.escape)
        h.open("fanout-one-author")
        h.press(.character("/"))
        h.type("LFU")
        h.press(.enter)
        #expect(h.state.panel?.lesson.id == "fanout-one-author")
        #expect(h.state.search == nil)
        #expect(h.state.notice == Notice(.error, "Not found: \"LFU\" in this lesson (/*LFU searches every lesson)"))
    }

    @Test func capitalsMakeTheSearchCaseSensitive() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.character("/"))
        h.type("hybrid")
        h.press(.enter)
        let any = h.state.search!.count
        h.press(.escape, .character("/"))
        h.type("Hybrid")
        h.press(.enter)
        #expect(h.state.search!.count < any)
        #expect(h.state.search!.count > 0)
    }

    @Test func typedTextInThePromptFiresNoCommandAndSlashOffersTheLastSearch() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let panel = h.state.current
        h.press(.character("/"))
        h.type("pnq2")
        #expect(h.state.current == panel)
        #expect(h.state.finishing == nil)
        #expect(h.state.session[lesson: h.state.panel!.lesson.id].ticked.isEmpty)
        h.press(.escape)
        #expect(h.state.overlay == nil)
        h.press(.character("/"))
        h.type("merge")
        h.press(.enter, .escape, .character("/"))
        #expect(h.state.overlay == .search(LineEditor("merge", prefilled: true)))
    }

    @Test func thePanelListMatchesLessonTextAndOpensAtTheMatch() {
        var h = Harness(120, 40)
        h.press(.character("g"))
        h.type("lfu")
        let matches = h.state.panelMatches("lfu")
        #expect(matches.map { h.state.panels[$0].lesson.id } == ["cache-memory"])
        #expect(h.text.contains("· in its text"))
        h.press(.enter)
        #expect(h.state.panel?.lesson.id == "cache-memory")
        #expect(h.state.search?.query == "lfu")
        #expect(find("LFU", in: h) != nil)
        // Titles still come first.
        #expect(h.state.panelMatches("cdn").first.map { h.state.panels[$0].lesson.calculator } == "cdn")
    }
}

import SnapshotTesting

extension SearchKeysTests {
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func snapshots(_ cols: Int, _ rows: Int) {
        var h = Harness(cols, rows)
        h.open("fanout-one-author")
        h.press(.character("/"))
        h.type("threshold")
        h.press(.enter, .character("n"))
        assertSnapshot(of: h.grid, as: .screen, named: "\(cols)x\(rows)")
    }
}
