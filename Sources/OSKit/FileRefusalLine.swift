import Glibc
public import Localization

// Why a file was not used (OSKit's `FileRefusal`), as a sentence of the catalog: the teacher's
// `grade`, the student's record and progress say it in their language. The English texts are the ones
// `FileRefusal.reason` gives, word for word (the system's own error texts are glibc's).
extension FileRefusal {
  /// What was wrong, without the path (`FileRefusal.reason`'s sentence).
  public var reasonLine: CatalogLine {
    switch problem {
    case .symbolicLink: CatalogLine("results.file.symbolicLink")
    case .notRegular(let kind):
      CatalogLine("results.file.notRegular", lines: ["kind": Self.kindLine(kind)])
    case .foreignOwner(let uid):
      CatalogLine("results.file.foreignOwner", ["uid": "\(uid)", "me": "\(geteuid())"])
    case .tooLarge(let size, let limit):
      CatalogLine(
        "results.file.tooLarge",
        lines: ["size": Self.sizeLine(size), "limit": Self.sizeLine(limit)])
    case .system(let code): Self.errnoLine(code)
    }
  }

  /// The whole line, path first (`FileRefusal.description`'s sentence).
  public var line: CatalogLine {
    switch problem {
    case .system: CatalogLine("results.file.atPath", ["path": path], lines: ["why": reasonLine])
    case .notRegular(let kind):
      CatalogLine(
        "results.file.atPath.notRegular", ["path": path], lines: ["kind": Self.kindLine(kind)])
    default: CatalogLine("results.file.atPath.is", ["path": path], lines: ["why": reasonLine])
    }
  }

  /// The file kinds `FileRefusal` names ("a FIFO"), each in the catalog.
  static func kindLine(_ kind: String) -> CatalogLine {
    switch kind {
    case "a FIFO": CatalogLine("results.file.kind.fifo")
    case "a directory": CatalogLine("results.file.kind.directory")
    case "a socket": CatalogLine("results.file.kind.socket")
    case "a device": CatalogLine("results.file.kind.device")
    case "a symbolic link": CatalogLine("results.file.kind.symbolicLink")
    default: CatalogLine("results.file.kind.unnamed", ["kind": kind])
    }
  }

  /// A size as `FileRefusal` writes it: "64 MiB", "512 KiB", "12 bytes".
  public static func sizeLine(_ bytes: Int) -> CatalogLine {
    if bytes >= 1 << 20 { return CatalogLine("results.size.mebibytes", ["n": "\(bytes >> 20)"]) }
    if bytes >= 1 << 10 { return CatalogLine("results.size.kibibytes", ["n": "\(bytes >> 10)"]) }
    return CatalogLine("results.size.bytes", ["n": "\(bytes)"])
  }

  /// A system call's error: the common ones in the catalog (their English is glibc's
  /// `strerror`), any other as the system says it.
  public static func errnoLine(_ code: Int32) -> CatalogLine {
    switch code {
    case ENOENT: CatalogLine("results.errno.noEntry")
    case EACCES: CatalogLine("results.errno.access")
    case EPERM: CatalogLine("results.errno.permission")
    case EISDIR: CatalogLine("results.errno.isDirectory")
    case ENOTDIR: CatalogLine("results.errno.notDirectory")
    case ELOOP: CatalogLine("results.errno.loop")
    case EMFILE: CatalogLine("results.errno.tooManyOpen")
    case ENOSPC: CatalogLine("results.errno.noSpace")
    case EROFS: CatalogLine("results.errno.readOnly")
    case EIO: CatalogLine("results.errno.io")
    case ENAMETOOLONG: CatalogLine("results.errno.nameTooLong")
    default:
      CatalogLine(
        "results.errno.unlisted",
        ["error": strerror(code).map { String(cString: $0) } ?? "error \(code)"])
    }
  }
}
