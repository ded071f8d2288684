import Calculators
import Testing
import Trainer
@testable import TUI

@Suite struct InteractionTests {
    @Test func steppingFollowersRecomputesInTheSameFrame() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        #expect(h.state.focus == .lesson)
        h.press(.tab)
        #expect(h.state.focus == .calculator)
        #expect(h.state.panel?.selectedParameter?.key == "followers")
        h.press(.character("+"))
        #expect(h.state.panel?.inputs?["followers"] == 2_000_000)
        #expect(h.text.contains("2,000,000 followers •"))
        #expect(h.text.contains("push    2,000,000 writes"))
        h.press(.character("L"))
        #expect(h.state.panel?.inputs?["followers"] == 20_000_000)
        h.press(.character("r"))
        #expect(h.state.panel?.inputs?["followers"] == 1_000_000)
        #expect(h.state.notice == Notice(.info, "followers reset to 1,000,000 followers"))
    }

    @Test func typingAnExactValue() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .enter)
        // The line starts with the current value; typing replaces it.
        #expect(h.state.overlay == .entry(ValueEntry(key: "followers", editor: LineEditor("1,000,000", prefilled: true))))
        h.type("lots")
        h.press(.enter)
        // Invalid: the editor stays open with the text, and the message names the range.
        #expect(h.state.overlay == .entry(ValueEntry(key: "followers", text: "lots")))
        #expect(h.state.notice == Notice(.error, "followers: \"lots\" is not a number (allowed: 1 … 1B followers)"))
        #expect(h.state.panel?.inputs?["followers"] == 1_000_000)
        h.press(.backspace, .backspace, .backspace, .backspace)
        h.type("50M")
        h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.state.panel?.inputs?["followers"] == 50_000_000)
        h.press(.enter)
        h.type("1e18")
        h.press(.enter)
        #expect(h.state.notice == Notice(.error, "followers: 1e+18 is out of range (allowed: 1 … 1B followers)"))
        h.press(.escape)
        #expect(h.state.overlay == nil)
        #expect(h.state.panel?.inputs?["followers"] == 50_000_000)
    }

    @Test func panelListJumpsByTitleOrNumber() {
        var h = Harness(100, 30)
        h.press(.character("g"))
        h.type("cdn")
        h.press(.enter)
        #expect(h.state.panel?.lesson.calculator == "cdn")
        h.press(.character("g"))
        h.type("1")
        h.press(.enter)
        #expect(h.state.current == 0)
        h.press(.character("g"))
        h.type("zzzz")
        h.press(.enter)
        #expect(h.state.notice == Notice(.error, "No panel matches \"zzzz\""))
    }

    @Test func nextAndPreviousStopAtTheEnds() {
        var h = Harness(80, 24)
        h.press(.character("p"))
        #expect(h.state.current == 0)
        #expect(h.state.notice == Notice(.info, "This is the first panel"))
        for _ in 0..<100 { h.press(.character("n")) }
        #expect(h.state.current == h.state.pageCount - 1)
    }

    @Test func quitIsAnEffect() {
        var h = Harness(80, 24)
        #expect(h.press(.character("x")) == [.export(h.state.session, lessons: h.state.panels.map(\.lesson))])
        #expect(h.press(.character("q")) == [.quit(status: nil)])
    }

    @Test func calculatorKeysOnTheLessonSayWhereToGo() {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.character("+"))
        #expect(h.state.notice == Notice(.info, "Tab to the calculator to change values"))
    }

    @Test func resizingNeverTraps() {
        var h = Harness(80, 24)
        h.open("technical-debt")
        for (c, r) in [(1, 1), (0, 0), (30, 8), (40, 12), (79, 23), (200, 60), (80, 24)] {
            h.resize(c, r)
            // The frame at each size is what a fresh render at that size draws, and says
            // "too small" exactly below the minimum.
            let text = h.text
            if c >= 20, r >= 4 { #expect(text.contains("Window too small") == !Layout.fits(Size(cols: c, rows: r))) }
            #expect(text == Screen.render(h.state).text)
        }
    }

    @Test func everyPanelRendersAtCommonSizesWithEveryKey() {
        let keys: [Key] = [.tab, .down, .character("+"), .character("L"), .character("H"), .character("-"),
                           .character("c"), .up, .character(" "), .character("b"), .character("?"), .escape,
                           .character("R"), .character("n")]
        for size in [(80, 24), (100, 30), (40, 12), (160, 50)] {
            var h = Harness(size.0, size.1)
            for _ in 0..<h.state.pageCount {
                for key in keys {
                    h.press(key)
                    // Nothing blanks the screen: the header and the key hints are always drawn.
                    let lines = h.lines
                    #expect(lines.first?.isEmpty == false, "\(size) page \(h.state.current) after \(key)")
                    #expect(lines.last?.isEmpty == false, "\(size) page \(h.state.current) after \(key)")
                }
            }
        }
    }

    @Test func brokenLessonFilesGetAPanelOfTheirOwn() {
        let library = LessonLibrary.load([[
            .init(name: "a.md", text: "---\nid: a\nminutes: \"41-42\"\ntitle: A\n---\nBody\n"),
            .init(name: "b.md", text: "---\nid: b\nminutes: \"99\"\ntitle: B\n---\n"),
        ]])
        var h = Harness(80, 24, library: library)
        #expect(h.state.pageCount == 2)
        #expect(h.state.notice == Notice(.error, "1 lesson file did not load: see the last panel"))
        h.press(.character("n"))
        #expect(h.text.contains("b.md:3:10: error: minutes \"99\" is not a section"))
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyBinding.Context.allCases {
            let keys = Keymap.bindings.filter { $0.contexts.contains(context) }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }
}

extension InteractionTests {
    @Test func theFocusedPanesTitleIsReversedEvenWithoutColour() {
        var h = Harness(120, 40, display: DisplayOptions(unicode: true, color: false))
        h.open("fanout-one-author")
        #expect(h.grid.styleLines[1].hasPrefix("BRRRRRRRRB"))     // bold frame, " Lesson " reversed
        h.press(.tab)
        #expect(!h.grid.styleLines[1].hasPrefix("BR"))
        #expect(!h.grid.styleLines[1].hasPrefix(".R"))
        #expect(h.grid.styleLines[1].contains("RRRRRRRRRRRRRRRRRR"))   // " Fan-out analyzer "
    }
}
