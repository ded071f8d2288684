#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Trainer

/// Writes to standard error without Foundation, every control character
/// shown visibly (`VisibleText`): a message quoting a file name or a value
/// from a lesson cannot drive the terminal.
enum FileStandardError {
    static func write(_ text: String) {
        StandardStream.write(VisibleText.escape(text, .text), to: 2)
    }
}

/// Standard output, as every command writes it: text escaped for a terminal
/// (newline and tab kept) or, for `--format json`, control characters as
/// `\u` escapes so the document stays valid JSON and decodes to the same strings.
enum StandardOutput {
    static func write(_ text: String, json: Bool = false) {
        StandardStream.write(VisibleText.escape(text, json ? .json : .text), to: 1)
    }
}

/// Unbuffered writes of a whole string to a file descriptor (retrying short writes).
enum StandardStream {
    static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}
