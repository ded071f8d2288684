#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, naming the path and the operating system's
/// reason: "cannot write /ro/x.md: Read-only file system". The TUI shows it on
/// the status line; nothing here is fatal.
public struct StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was attempted, as a verb: "write", "read", "create folder", "move aside".
    public let operation: String
    public let path: String
    /// The reason a person reads ("Read-only file system", "is a symbolic link").
    public let reason: String
    /// The `errno` behind it, when there was one (EEXIST tells a taken name from a real failure).
    public let code: Int32?

    public init(_ operation: String, _ path: String, reason: String, code: Int32? = nil) {
        self.operation = operation
        self.path = path
        self.reason = reason
        self.code = code
    }

    /// From an `errno` value, with the system's message for it.
    public init(_ operation: String, _ path: String, errno code: Int32) {
        self.init(operation, path, reason: String(cString: strerror(code)), code: code)
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }

    /// The path was already taken (a write that must not overwrite).
    public var isAlreadyExists: Bool { code == EEXIST }
}
