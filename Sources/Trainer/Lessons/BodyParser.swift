/// Reads a lesson body: `#` headings, paragraphs, `- ` lists and fenced
/// blocks. Anything else is a paragraph, so a typo never loses text.
enum BodyParser {
    static func parse(_ lines: [Substring]) -> [Lesson.Block] {
        var blocks: [Lesson.Block] = []
        var paragraph: [String] = [], list: [String] = []
        var fence: [String]?

        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))); paragraph = [] }
            if !list.isEmpty { blocks.append(.list(list)); list = [] }
        }

        for raw in lines {
            let line = String(raw)
            let trimmed = line.trimmed
            if var open = fence {
                if trimmed.hasPrefix("```") { blocks.append(.code(open)); fence = nil } else {
                    open.append(line.replacingTabs())
                    fence = open
                }
                continue
            }
            if trimmed.hasPrefix("```") { flush(); fence = []; continue }
            if trimmed.isEmpty { flush(); continue }
            if trimmed.hasPrefix("#") {
                flush()
                let level = trimmed.prefix { $0 == "#" }.count
                blocks.append(.heading(level: level, text: String(trimmed.dropFirst(level)).trimmed))
                continue
            }
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))); paragraph = [] }
                list.append(String(trimmed.dropFirst(2)).trimmed)
                continue
            }
            if !list.isEmpty, line.first == " " {
                // A continuation line of the last list item.
                list[list.count - 1] += " " + trimmed
                continue
            }
            if !list.isEmpty { blocks.append(.list(list)); list = [] }
            paragraph.append(trimmed)
        }
        if let open = fence { blocks.append(.code(open)) }
        flush()
        return blocks
    }
}

extension String {
    func replacingTabs() -> String {
        var out = ""
        for ch in self {
            if ch == "\t" { out += String(repeating: " ", count: 4 - out.count % 4) } else { out.append(ch) }
        }
        return out
    }
}
