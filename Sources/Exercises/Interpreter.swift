import Glibc
import Measure
import OSKit

/// The program an exercise's `run:` names, as `check` starts it. `python3` found in PATH may be
/// a shell script that picks an interpreter (pyenv's shims start some forty processes before
/// Python), and those processes would be counted as the student's: a `python3` or `python`
/// that is a script is replaced by the interpreter it runs (`sys.executable`), asked once per
/// check, untraced.
public enum Interpreter {
  /// `argv` with a Python launcher script replaced by the interpreter it starts.
  public static func resolved(_ argv: [String]) -> [String] {
    guard let program = argv.first, program == "python3" || program == "python",
      let path = inPath(program), isScript(path), let real = executable(of: path)
    else { return argv }
    return [real] + argv.dropFirst()
  }

  /// The first executable `name` in the directories of PATH.
  public static func inPath(_ name: String) -> String? {
    let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where directory.hasPrefix("/") {
      let candidate = "\(directory)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Whether the file starts with `#!`.
  static func isScript(_ path: String) -> Bool {
    guard let head = FileIO.readFile(path, limit: 1 << 20) else { return false }
    return head.starts(with: [35, 33])
  }

  /// What `path -c 'import sys; …sys.executable'` prints, when it is an executable file.
  static func executable(of path: String) -> String? {
    guard let out = try? PipeEnds() else { return nil }
    let null = open("/dev/null", O_RDWR | O_CLOEXEC)
    defer { if null >= 0 { close(null) } }
    let child: ChildProcess
    do {
      child = try ChildProcess.spawn(
        path, arguments: [path, "-c", "import sys; sys.stdout.write(sys.executable)"],
        newProcessGroup: true, stdin: null, stdout: out.write, stderr: null)
    } catch {
      out.closeBoth()
      return nil
    }
    FileIO.closeQuietly(out.write)
    defer { FileIO.closeQuietly(out.read) }
    // A launcher that hangs is given 10 s, then killed: the check then runs the name as is.
    var bytes: [UInt8] = []
    let deadline = MonotonicClock.seconds() + 10
    while bytes.count < 4096, MonotonicClock.seconds() < deadline,
      FileIO.waitReadable(out.read, timeout: max(0, deadline - MonotonicClock.seconds())),
      let chunk = try? FileIO.read(out.read, upTo: 4096), !chunk.isEmpty
    {
      bytes += chunk
    }
    if child.wait(timeout: max(0.1, deadline - MonotonicClock.seconds())) == nil {
      _ = child.stop(first: SIGKILL, grace: 1)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard text.hasPrefix("/"), access(text, X_OK) == 0 else { return nil }
    return text
  }
}
