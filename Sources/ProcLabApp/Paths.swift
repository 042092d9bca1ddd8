import BuiltinLessons
import Glibc
import OSKit
import Render

/// Where ProcLab keeps its state and finds its lessons.
public enum Paths {
  /// What every refusal of a state directory ends with: where state goes instead.
  static let inMemory = "progress and history are kept in memory for this session only"

  /// `$XDG_STATE_HOME/proclab`, or `~/.local/state/proclab`, created mode 0700 if missing, or
  /// nil when there is no safe place: state is then kept in memory, and `warn` has said why in
  /// one line (no usable `HOME`; a directory that is a link, is not ours, that others may
  /// write to, or that lies inside a directory someone else controls, as OpenSSH refuses such
  /// a `~/.ssh`). A directory that may only be read is
  /// returned: what it holds is read, and the stores keep changes in memory.
  public static func stateDirectory(warn: (String) -> Void = { _ in }) -> String? {
    let home = ProcessEnvironment.value("HOME").flatMap { $0.hasPrefix("/") ? $0 : nil }
    let fallback = home.map { $0 + "/.local/state/proclab" }
    if let xdg = ProcessEnvironment.value("XDG_STATE_HOME"), !xdg.isEmpty {
      let instead = fallback.map { "using \($0) instead" } ?? inMemory
      if !xdg.hasPrefix("/") {
        warn("XDG_STATE_HOME=\(xdg) is not an absolute path; \(instead)")
      } else if makeDirectories(xdg + "/proclab") {
        return checked(xdg + "/proclab", warn: warn)
      } else {
        warn("cannot create \(xdg)/proclab (\(reason(errno))); \(instead)")
      }
    }
    guard let fallback else {
      let what = ProcessEnvironment.value("HOME").map { "HOME=\($0) is not an absolute path" }
      warn((what ?? "HOME is not set") + " and there is no XDG_STATE_HOME: " + inMemory)
      return nil
    }
    guard makeDirectories(fallback) else {
      warn("cannot create \(fallback) (\(reason(errno))): " + inMemory)
      return nil
    }
    return checked(fallback, warn: warn)
  }

  /// `directory` if it is safe to keep state in: a real directory (not a link to one), owned
  /// by the user, that neither group nor others may write to. Otherwise nil, said in one line.
  static func checked(_ directory: String, warn: (String) -> Void) -> String? {
    var st = stat()
    guard lstat(directory, &st) == 0 else {
      warn("cannot use \(directory) (\(reason(errno))): " + inMemory)
      return nil
    }
    let why: String
    if (st.st_mode & S_IFMT) == S_IFLNK {
      why = "is a symbolic link"
    } else if (st.st_mode & S_IFMT) != S_IFDIR {
      why = "is not a directory"
    } else if st.st_uid != geteuid() {
      why = "is owned by uid \(st.st_uid), not by you (uid \(geteuid()))"
    } else if st.st_mode & 0o022 != 0 {
      why = "is writable by others (mode \(String(st.st_mode & 0o7777, radix: 8)))"
    } else if let unsafe = unsafeAncestor(of: directory) {
      why = "is inside \(unsafe)"
    } else {
      return directory
    }
    warn("state directory \(directory) \(why), so it is not used: " + inMemory)
    return nil
  }

  /// The first directory above `directory` (links resolved) in which someone else could
  /// rename it and put their own in its place, described for the user: one neither root's nor
  /// the user's, or one others may write to without the sticky bit (`/tmp` is fine). OpenSSH
  /// checks the path of `authorized_keys` the same way. Nil when every one is safe.
  static func unsafeAncestor(of directory: String) -> String? {
    guard let slash = directory.lastIndex(of: "/"),
      let resolved = realpath(
        slash == directory.startIndex ? "/" : String(directory[..<slash]), nil)
    else { return nil }
    var path = String(cString: resolved)
    free(resolved)
    while true {
      var st = stat()
      if lstat(path, &st) == 0 {
        if st.st_uid != 0 && st.st_uid != geteuid() {
          return "\(path), which uid \(st.st_uid) owns"
        }
        if st.st_mode & 0o022 != 0 && st.st_mode & S_ISVTX == 0 {
          return
            "\(path), which others may write to (mode \(String(st.st_mode & 0o7777, radix: 8)))"
        }
      }
      guard path != "/", let up = path.lastIndex(of: "/") else { return nil }
      path = up == path.startIndex ? "/" : String(path[..<up])
    }
  }

  /// Creates `path` and its parents (mode 0700). Returns whether it exists as a directory now
  /// (writable or not: a read-only one is still read).
  @discardableResult
  public static func makeDirectories(_ path: String) -> Bool {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o700) != 0 && errno != EEXIST { return false }
    }
    return isDirectory(path)
  }

  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  static func reason(_ code: Int32) -> String {
    strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }

  /// Lesson directories in order of precedence: `--lessons` (each, in order), then
  /// `$PROCLAB_LESSONS` (colon-separated), the installed share directory, the source tree's,
  /// and last the lessons the executable carries (`<built-in>`), when it carries any.
  public static func lessonDirectories(explicit: [String]) -> [String] {
    folders(explicit: explicit) + (BuiltinLessons.hasLessons ? [BuiltinLessons.root] : [])
  }

  /// The lesson folders on disk, in order of precedence (`lessonDirectories` without the
  /// carried lessons).
  public static func folders(explicit: [String]) -> [String] {
    var seen = Set<String>()
    return candidates(explicit: explicit).filter { isDirectory($0) && seen.insert($0).inserted }
  }

  /// Every place a lesson folder is looked for, in order of precedence, whether it exists
  /// or not (what "no lessons found" names).
  public static func candidates(explicit: [String]) -> [String] {
    var dirs = explicit
    if let env = ProcessEnvironment.value("PROCLAB_LESSONS") {
      dirs += env.split(separator: ":").map(String.init)
    }
    let exe = ChildProcess.selfExecutable
    if let slash = exe.lastIndex(of: "/") {
      let bin = String(exe[..<slash])
      if let up = bin.lastIndex(of: "/") {
        dirs.append(String(bin[..<up]) + "/share/proclab/lessons")
      }
    }
    dirs.append(sourceTreeLessons)
    return dirs
  }

  /// The one line for a library with no lessons: where they were looked for (the folders
  /// read, else every place looked in) and what to do.
  static func noLessonsLine(read: [String]) -> String {
    let looked = read.isEmpty ? candidates(explicit: []) : read
    return "no lessons found: none in \(TerminalSafe.escape(looked.joined(separator: ", "))) "
      + "and none built into this proclab; give a folder of lesson files with --lessons DIR"
  }

  /// Tells the demos where the lessons' Python programs are: `PROCLAB_PYTHON_DIR`, inherited
  /// by every demo runner, is set to the `python/` folder of the first lesson directory that
  /// has one (unless it is set already). Without it a demo looks beside the installed binary
  /// and in the source tree.
  public static func exportPythonDirectory(lessonDirectories: [String]) {
    guard ProcessEnvironment.value("PROCLAB_PYTHON_DIR") == nil else { return }
    if let dir = lessonDirectories.first(where: {
      access($0 + "/python/gil-tutorial/countdown.py", R_OK) == 0
    }) {
      setenv("PROCLAB_PYTHON_DIR", dir + "/python", 0)
    }
  }

  /// `lessons/` beside `Sources/` in the tree this binary was built from, or in
  /// `$PROCLAB_SOURCE_TREE` when that is set (a test sets a directory that does not exist, to
  /// run a binary as if copied to a machine without its tree).
  static var sourceTreeLessons: String {
    if let tree = ProcessEnvironment.value("PROCLAB_SOURCE_TREE") { return tree + "/lessons" }
    let file = #filePath
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count > 3 { parts.removeLast(3) }
    return parts.joined(separator: "/") + "/lessons"
  }
}
