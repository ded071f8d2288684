#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file or nothing: a crash, a full disk or a closed terminal
/// mid-write leaves either the old file or the new one, never half of each.
///
/// The text goes to a temporary file in the same folder (created with
/// O_CREAT|O_EXCL, mode 0600 or the replaced file's mode), is fsync'ed, and then
/// takes the final name: rename(2) when overwriting; link(2) and unlink(2)
/// otherwise, so an existing file is never replaced (link fails with EEXIST,
/// where a check-then-rename would race). The folder is fsync'ed last so the new
/// name survives a power cut. A symbolic link at `path` is refused (lstat): a
/// planted link must not redirect the write. On any failure the temporary file
/// is removed and the old file is left as it was.
public enum AtomicFile {
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(StorageError) {
        try write(text, to: path, overwrite: overwrite, beforeCommit: {})
    }

    /// `beforeCommit` runs after the temporary file is complete and before it
    /// takes its name: tests use it to lose a race on purpose.
    static func write(_ text: String, to path: String, overwrite: Bool,
                      beforeCommit: () -> Void) throws(StorageError) {
        var mode: mode_t = 0o600
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK { throw StorageError("write", path, reason: "is a symbolic link", code: ELOOP) }
            if type == S_IFDIR { throw StorageError("write", path, errno: EISDIR) }
            if !overwrite { throw StorageError("write", path, errno: EEXIST) }
            mode = info.st_mode & 0o7777
        } else if errno != ENOENT {
            throw StorageError("write", path, errno: errno)
        }

        let folder = Paths.parent(of: path)
        let temp = Paths.join(folder, "." + Paths.name(of: path) + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StorageError("write", path, errno: errno) }

        func fail(_ code: Int32, closing: Bool) -> StorageError {
            if closing { close(fd) }
            unlink(temp)
            return StorageError("write", path, errno: code)
        }

        // open() applies the umask; fchmod sets exactly the mode we keep.
        if fchmod(fd, mode) != 0 { throw fail(errno, closing: true) }
        if let code = writeAll(fd, text) { throw fail(code, closing: true) }
        if fsync(fd) != 0 { throw fail(errno, closing: true) }
        if close(fd) != 0 { throw fail(errno, closing: false) }
        beforeCommit()

        if overwrite {
            if rename(temp, path) != 0 { throw fail(errno, closing: false) }
        } else {
            if link(temp, path) != 0 { throw fail(errno, closing: false) }
            unlink(temp)
        }
        syncFolder(folder)
    }

    /// Writes every byte, retrying short writes and EINTR. Returns the errno on failure.
    static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var bytes = Array(text.utf8)
        var offset = 0
        return bytes.withUnsafeMutableBytes { buffer -> Int32? in
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }

    /// Best effort: some file systems refuse fsync on a folder (EINVAL), and by
    /// now the file is complete under its name, so a failure here is not reported.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

#if canImport(Glibc)
let systemWrite = Glibc.write
#elseif canImport(Darwin)
let systemWrite = Darwin.write
#endif

/// Path arithmetic on plain strings (no Foundation URL round trips).
enum Paths {
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Anything at `path`, a dangling symbolic link included.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func remove(_ path: String) { unlink(path) }

    /// mkdir -p: creates each missing folder with mode 0700; existing ones are left as they are.
    static func makeDirectory(_ path: String) throws(StorageError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StorageError("create folder", path, errno: ENOTDIR)
            }
            return
        }
        let parent = parent(of: path)
        if parent != path, parent != ".", parent != "/" { try makeDirectory(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw StorageError("create folder", path, errno: errno) }
    }
}
