import BuiltinLessons
import DemoContract
import FoundationEssentials
import Glibc
import Localization
import Measure
import OSKit
import Render
import Synchronization

/// Runs the Python programs that ship with the lessons (`lessons/python/<tutorial>/<example>.py`), when `python3`
/// is on the PATH, so a demo can show CPython's figures beside its own.
///
/// A program runs as `python3 -I <file> --json …` through `proclab worker exec` (it dies with
/// this demo even if the demo is killed), in a process group of its own so that it and the
/// processes its `multiprocessing` starts are stopped together on a time-out or Ctrl-C. Its
/// last line of output is one JSON object (lessons/python/README.md): its metrics, which the
/// demo shows in its own table and records under `python.`.
enum CPython {
  /// What a program printed and how it ended.
  struct Output {
    var stdout: String
    var stderr: String
    var status: ExitStatus

    /// One line about a failure: the exit status and the last line of stderr.
    var summary: String {
      let last = stderr.split(separator: "\n").last.map(String.init) ?? ""
      return "python3 \(status)" + (last.isEmpty ? "" : ": \(last)")
    }
  }

  /// One program's run: the interpreter's version and the metrics it printed.
  struct Program: Sendable {
    var file: String
    /// "3.11.7".
    var version: String
    var metrics: [String: JSONValue]

    /// "CPython 3.11": the runtime column of a table.
    var label: String {
      "CPython " + version.split(separator: ".").prefix(2).joined(separator: ".")
    }

    /// A metric by dotted path.
    func metric(_ path: String) -> JSONValue? { JSONValue.object(metrics).path(path) }
    func double(_ path: String) -> Double? { metric(path)?.double }
  }

  /// The runtime column's name for ProcLab's own rows.
  static let swiftLabel = "ProcLab (Swift)"

  /// The first executable `python3` in the directories of `PATH`, or nil.
  static func find() -> String? {
    guard let path = ProcessEnvironment.value("PATH") else { return nil }
    for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = "\(directory)/python3"
      var info = stat()
      if access(candidate, X_OK) == 0, stat(candidate, &info) == 0,
        info.st_mode & S_IFMT == S_IFREG
      {
        return candidate
      }
    }
    return nil
  }

  /// Where the lessons' Python programs are: `$PROCLAB_PYTHON_DIR` (set by the REPL from its
  /// lesson directories), else `share/proclab/lessons/python` beside the installed binary,
  /// else `lessons/python` in the source tree this binary was built from.
  static func programDirectory() -> String? {
    var candidates: [String] = []
    if let env = ProcessEnvironment.value("PROCLAB_PYTHON_DIR"), !env.isEmpty {
      candidates.append(env)
    }
    let exe = ChildProcess.selfExecutable
    if let slash = exe.lastIndex(of: "/"), let up = exe[..<slash].lastIndex(of: "/") {
      candidates.append(String(exe[..<up]) + "/share/proclab/lessons/python")
    }
    candidates.append(sourceTreePrograms)
    return candidates.first { access("\($0)/gil-tutorial/countdown.py", R_OK) == 0 }
  }

  /// Where python3 reads a program from: its file in `programDirectory()`, else the copy this
  /// executable carries, in an in-memory file (`BuiltinLessons.memoryFile`) that python3
  /// opens as `/proc/<this pid>/fd/<n>`, so a copied binary runs its programs without writing
  /// one to disk (nothing to remove, whether the demo ends, is stopped with Ctrl-C or killed;
  /// `multiprocessing` children that re-open the main program find it there too).
  ///
  /// In Korean the program's Korean copy (`ko/<file>`: the same code, its comments in Korean)
  /// runs when it is there, and `shown` names it.
  struct ProgramSource {
    var path: String
    var descriptor: Int32?
    /// The program that runs, relative to the programs' directory: `file` or `ko/<file>`.
    var shown: String

    init?(_ file: String) {
      let choices = Catalog.language == .ko ? ["ko/" + file, file] : [file]
      if let directory = programDirectory() {
        shown = choices.first { access("\(directory)/\($0)", R_OK) == 0 } ?? file
        path = "\(directory)/\(shown)"
        descriptor = nil
        return
      }
      for choice in choices {
        if let fd = BuiltinLessons.memoryFile(BuiltinLessons.root + "/python/" + choice) {
          path = "/proc/\(getpid())/fd/\(fd)"
          descriptor = fd
          shown = choice
          return
        }
      }
      return nil
    }

    func close() {
      if let descriptor { FileIO.closeQuietly(descriptor) }
    }
  }

  /// `lessons/python` beside `Sources/` (this file is Sources/Demos/Parallel/CPython.swift),
  /// or in `$PROCLAB_SOURCE_TREE` when that is set (as `Paths.sourceTreeLessons`).
  static var sourceTreePrograms: String {
    if let tree = ProcessEnvironment.value("PROCLAB_SOURCE_TREE") {
      return tree + "/lessons/python"
    }
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count > 4 { parts.removeLast(4) }
    return parts.joined(separator: "/") + "/lessons/python"
  }

  /// Notes already given in this run, so that a demo running several programs says once
  /// that python3 is missing.
  private static let given = Mutex<Set<String>>([])

  private static func noteOnce(_ text: String, _ context: DemoContext) {
    if given.withLock({ $0.insert(text).inserted }) { context.note(text) }
  }

  /// The note when python3 is not on the PATH.
  static var absentNote: String { Catalog.text("demo.python.absent") }

  /// Runs a shipped program (`gil-tutorial/countdown.py`) with `--json` and returns its
  /// metrics, recorded in the report under `python.` (and `python.version`). Returns nil,
  /// after one note saying why, when python3 is not on the PATH, the program is not found, it
  /// skipped its run (numpy missing), it fails or it overruns `timeout`.
  /// - Throws: only when the student pressed Ctrl-C (the demo stops).
  static func program(
    _ file: String, _ arguments: [String], timeout: Double = 60, context: DemoContext,
    record: Bool = true, absent: String? = nil
  ) throws -> Program? {
    let absent = absent ?? absentNote
    guard let python = find() else {
      noteOnce(absent, context)
      context.metric("python_available", .bool(false))
      return nil
    }
    context.metric("python_available", .bool(true))
    guard let source = ProgramSource(file) else {
      noteOnce(Catalog.text("demo.python.notFound"), context)
      return nil
    }
    defer { source.close() }
    let output: Output
    do {
      output = try run(
        python, file: source.path, arguments: ["--json"] + arguments,
        timeout: timeout, context: context)
    } catch {
      if context.stopRequested { throw error }
      context.note(
        Catalog.text("demo.python.didNotFinish", ["file": source.shown, "error": "\(error)"]))
      return nil
    }
    let last = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
    let decoded = try? JSONDecoder().decode(JSONValue.self, from: Data(last.utf8))
    if case .string(let skipped)? = decoded?["skipped"] {
      noteOnce(Catalog.text("demo.python.skipped", ["skipped": skipped, "file": file]), context)
      context.metric("python.skipped", .string(skipped))
      return nil
    }
    guard output.status.isSuccess, case .object(let flat)? = decoded?["metrics"],
      case .string(let version)? = decoded?["python"]
    else {
      context.note(
        Catalog.text("demo.python.failed", ["file": source.shown, "summary": output.summary]))
      return nil
    }
    let metrics = unflatten(flat)
    if record {
      context.metric("python.version", .string(version))
      for (key, value) in metrics { context.metric("python.\(key)", value) }
    }
    return Program(file: source.shown, version: version, metrics: metrics)
  }

  /// The programs' one-level metrics (`thread.2.seconds`, `pids.0`) as nested objects, with
  /// arrays where the names are 0, 1, 2…: `{"thread": {"2": {"seconds": …}}, "pids": […]}`.
  static func unflatten(_ flat: [String: JSONValue]) -> [String: JSONValue] {
    var nested: [String: JSONValue] = [:]
    for (key, value) in flat {
      nested = DemoContext.setting(nested, key.split(separator: ".").map(String.init)[...], value)
    }
    func arrays(_ value: JSONValue) -> JSONValue {
      guard case .object(let object) = value else { return value }
      let converted = object.mapValues(arrays)
      let indices = converted.keys.compactMap { Int($0) }
      if !object.isEmpty, indices.count == object.count, Set(indices) == Set(0..<object.count) {
        return .array((0..<object.count).map { converted[String($0)] ?? .null })
      }
      return .object(converted)
    }
    return nested.mapValues(arrays)
  }

  /// A footer line naming the program and how it ran.
  static func footer(_ program: Program, _ how: String = "") -> String {
    let arguments = [
      "label": program.label, "file": program.file, "version": program.version, "how": how,
    ]
    return how.isEmpty
      ? Catalog.text("demo.python.footer", arguments)
      : Catalog.text("demo.python.footerHow", arguments)
  }

  /// Runs `python3 -I file arguments…` and collects its output.
  /// - Throws: one line when Python cannot be started, overruns `timeout`, or Ctrl-C arrives.
  static func run(
    _ path: String, file: String, arguments: [String], timeout: Double, context: DemoContext
  ) throws -> Output {
    let out = try PipeEnds()
    let err: PipeEnds
    do { err = try PipeEnds() } catch {
      out.closeBoth()
      throw error
    }
    let child: ChildProcess
    do {
      // Through `proclab worker exec`, so python3 dies with this demo even if it is killed.
      child = try Workers.spawnProgram(
        path, arguments: ["python3", "-I", file] + arguments, newProcessGroup: true,
        stdout: out.write, stderr: err.write)
    } catch {
      out.closeBoth()
      err.closeBoth()
      throw DemoError(Catalog.text("demo.error.cannotStart", ["program": path, "why": "\(error)"]))
    }
    FileIO.closeQuietly(out.write)
    FileIO.closeQuietly(err.write)
    context.onCleanup { child.stop(first: SIGKILL, grace: 0.5) }
    defer {
      FileIO.closeQuietly(out.read)
      FileIO.closeQuietly(err.read)
    }
    let deadline = MonotonicClock.seconds() + timeout
    let (output, end) = OutputCapture.collect(stdout: out.read, stderr: err.read) {
      context.stopRequested || MonotonicClock.seconds() > deadline
    }
    if end == .stopped {
      if context.stopRequested {
        child.stop(first: SIGINT, grace: 0.5)
        throw DemoError(Catalog.text("demo.error.stoppedPython"))
      }
      child.stop(first: SIGKILL, grace: 0.5)
      throw DemoError(
        Catalog.text("demo.error.pythonTimeout", ["time": DemoText.duration(timeout)]))
    }
    // Output closed: Python is ending; stop its group if it lingers.
    let status = child.wait(timeout: 5) ?? child.stop(first: SIGKILL, grace: 0.5)
    return Output(stdout: output.text.stdout, stderr: output.text.stderr, status: status)
  }
}
