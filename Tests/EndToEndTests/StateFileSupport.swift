import Glibc
import OSKit

// Helpers for the tests of ProcLab's state files: planting links, FIFOs and files that belong
// to someone else where ProcLab keeps its state.

/// Creates (or replaces) `path` with `text`, mode `mode`.
func plantFile(_ path: String, _ text: String, mode: mode_t = 0o600) {
  unlink(path)
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
  try? FileIO.writeAll(fd, text)
  FileIO.closeQuietly(fd)
  chmod(path, mode)
}

/// The bytes of `path` without following a symbolic link in its last component; nil when absent.
func contentsOf(_ path: String) -> String? {
  let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
  guard fd >= 0 else { return nil }
  defer { FileIO.closeQuietly(fd) }
  var out: [UInt8] = []
  while let chunk = try? FileIO.read(fd, upTo: 1 << 20), !chunk.isEmpty { out += chunk }
  return String(decoding: out, as: UTF8.self)
}

/// `lstat` of `path`, or nil.
func fileStatus(_ path: String) -> stat? {
  var st = stat()
  return lstat(path, &st) == 0 ? st : nil
}

/// The state directory ProcLab uses under a test's `XDG_STATE_HOME`, created mode 0700.
func stateDirectory(_ state: TempState) -> String {
  let dir = state.path + "/proclab"
  mkdir(dir, 0o700)
  return dir
}

/// A progress file with the processes lesson at step 3, as ProcLab writes it.
let savedProgress = """
  {"lessons":{"processes":{"finished":false,"step":"ids","stepIndex":2,"updated":1}},\
  "questions":{},"quizzes":[],"version":1}
  """

/// How many times `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
  text.components(separatedBy: needle).count - 1
}

extension String {
  fileprivate func components(separatedBy separator: String) -> [Substring] {
    var parts: [Substring] = []
    var rest = self[...]
    while let range = rest.firstRange(of: separator) {
      parts.append(rest[..<range.lowerBound])
      rest = rest[range.upperBound...]
    }
    parts.append(rest)
    return parts
  }
}

/// Whether the tests run as root with setpriv at hand (to act as another user).
let canActAsNobody = getuid() == 0 && access("/usr/bin/setpriv", X_OK) == 0

/// `setpriv` arguments that run what follows as nobody (uid and gid 65534, no groups).
let asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
