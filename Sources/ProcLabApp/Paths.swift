import Glibc
import OSKit

/// Where ProcLab keeps its state and finds its lessons.
public enum Paths {
  /// `$XDG_STATE_HOME/proclab`, or `~/.local/state/proclab`; a relative or unusable
  /// `XDG_STATE_HOME` falls back to the default with a warning.
  public static func stateDirectory(warn: (String) -> Void = { _ in }) -> String {
    let home = ProcessEnvironment.value("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let fallback = home + "/.local/state/proclab"
    if let xdg = ProcessEnvironment.value("XDG_STATE_HOME"), !xdg.isEmpty {
      if !xdg.hasPrefix("/") {
        warn("XDG_STATE_HOME=\(xdg) is not an absolute path; using \(fallback) instead")
      } else if makeDirectories(xdg + "/proclab") {
        return xdg + "/proclab"
      } else {
        warn("cannot create \(xdg)/proclab; using \(fallback) instead")
      }
    }
    _ = makeDirectories(fallback)
    return fallback
  }

  /// Creates `path` and its parents (mode 0700). Returns whether it exists as a directory now.
  @discardableResult
  public static func makeDirectories(_ path: String) -> Bool {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o700) != 0 && errno != EEXIST { return false }
    }
    return isDirectory(path) && access(path, W_OK) == 0
  }

  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Lesson directories in order of precedence: `--lessons` (each, in order), then
  /// `$PROCLAB_LESSONS` (colon-separated), the installed share directory, the source tree's.
  public static func lessonDirectories(explicit: [String]) -> [String] {
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
    var seen = Set<String>()
    return dirs.filter { isDirectory($0) && seen.insert($0).inserted }
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

  /// `lessons/` beside `Sources/` in the tree this binary was built from.
  static var sourceTreeLessons: String {
    let file = #filePath
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count > 3 { parts.removeLast(3) }
    return parts.joined(separator: "/") + "/lessons"
  }
}
