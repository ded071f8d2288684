import Testing
import TUI

@Suite struct KeyTests {
    @Test(arguments: [
        (Key.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"), (.pageDown, "PgDn"), (.pageUp, "PgUp"),
        (.home, "Home"), (.end, "End"), (.enter, "Enter"), (.tab, "Tab"), (.backTab, "Shift-Tab"),
        (.backspace, "Backspace"), (.delete, "Del"), (.escape, "Esc"), (.control("c"), "Ctrl-C"),
        (.character("q"), "q"), (.character("?"), "?"), (.character(" "), "Space"), (.character("漢"), "漢"),
        (.function(5), "F5"), (.resize, "Resize"),
    ] as [(Key, String)])
    func helpName(_ key: Key, _ expected: String) {
        #expect(key.helpName == expected)
    }
}
