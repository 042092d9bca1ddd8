// The `mp-inside` demo: what CPython's multiprocessing really starts. It runs one of the
// tutorials' programs (lessons/python) under ProcLab's tracer (Sources/Trace) and says, from
// the trace, what each process and thread the program made is: its workers, the resource
// tracker, the forkserver, the Pool's handler threads, a Queue's feeder thread, and which pid
// ran which value. The program names its threads by thread id (`--start` makes it report
// them), the trace says what really ran; the demo joins the two.
import DemoContract
import Exercises
import FoundationEssentials
import Glibc
import Localization
import OSKit
import Render
import Trace

/// The demos that look inside the tutorials' programs: mp-inside.
public enum InsideDemos {
  static let all: [DemoDefinition] = [InsideDemo.definition]
}

enum InsideDemo {
  /// Which tutorial program runs.
  enum Program: String, ParameterChoice {
    /// gil-tutorial/pool_map_schedule.py: Pool(3).map over 10 tasks.
    case pool
    /// ipc-tutorial/queue_kinds.py: a JoinableQueue between the program and 2 consumers.
    case queue

    var file: String {
      switch self {
      case .pool: "gil-tutorial/pool_map_schedule.py"
      case .queue: "ipc-tutorial/queue_kinds.py"
      }
    }
  }

  /// multiprocessing's start methods (`multiprocessing.set_start_method`).
  enum Start: String, ParameterChoice { case fork, forkserver, spawn }

  struct Keys: ParameterSet {
    let program = EnumParameter<Program>(
      "program", default: .pool,
      help: "pool: the GIL tutorial's Pool(3).map over 10 tasks; queue: the IPC tutorial's queues")
    let start = EnumParameter<Start>(
      "start", default: .fork, help: "how multiprocessing starts its processes")
    let duration = DecimalParameter(
      "duration", default: 0.05, range: 0.01...1, help: "seconds each of the Pool's tasks sleeps")
  }

  static let definition = DemoDefinition(
    name: "mp-inside",
    summary:
      "a tutorial's multiprocessing program traced: its workers, resource tracker, forkserver, threads",
    lesson: "pools", metrics: InsideMetrics.all(Program.allCases.map(\.file)),
    parameters: Keys.self, timeBudget: 60, run: run)

  static func run(_ params: DemoParameters<Keys>, _ context: DemoContext) throws {
    let program = params.program
    guard CPython.find() != nil else {
      context.note(CPython.absentNote)
      context.metric("python_available", .bool(false))
      return
    }
    context.metric("python_available", .bool(true))
    guard let source = CPython.ProgramSource(program.file) else {
      context.note(Catalog.text("demo.python.notFound"))
      return
    }
    defer { source.close() }
    let options =
      switch program {
      case .pool:
        [
          "--workers", "3", "--tasks", "10", "--seconds", ParameterSpec.format(params.duration),
        ]
      case .queue: ["--items", "12", "--workers", "2", "--timeout", "0.05"]
      }
    let argv = Interpreter.resolved(
      ["python3", "-I", source.path, "--json", "--start", params.start.rawValue] + options)
    context.metric("interpreter", .string(argv[0]))
    context.heading(
      Catalog.text("demo.inside.heading", ["file": program.file, "start": params.start.rawValue]))
    context.progress(0.1, program.file)
    let signals = try ChildHost.prepare(routing: [SIGINT, SIGTERM])
    let run = Tracer(limits: TraceLimits(timeout: 45, maxProcesses: 64)).run(
      argv, signals: signals)
    if run.stop == .interrupted { throw DemoError(Catalog.text("demo.error.stoppedTraced")) }
    if let failure = run.startFailure { throw DemoError(failure) }
    let json = lastJSON(run.stdout)
    guard let json, case .object(let flat)? = json["metrics"], run.root?.exitCode == 0 else {
      let last = String(decoding: run.stderr, as: UTF8.self).split(separator: "\n").last ?? ""
      throw DemoError(
        Catalog.text(
          "demo.inside.failed",
          [
            "file": program.file, "status": status(run.root),
            "stderr": String(last),
          ]))
    }
    if case .string(let version)? = json["python"] {
      context.metric("python.version", .string(version))
    }
    let names = threadNames(flat)
    let started = StartedProcesses(run, threadNames: names)
    report(started, run: run, flat: flat, program: program, context: context)
    noteInterpreter(argv[0], context: context)
  }

  /// How the program ended: "exit 1", "SIGKILL", or "?".
  static func status(_ root: TracedTask?) -> String {
    if let code = root?.exitCode { return "exit \(code)" }
    if let sig = root?.signal { return Signals.name(sig) }
    return "?"
  }

  /// The last line of the program's output as JSON (lessons/python/README.md's contract).
  static func lastJSON(_ stdout: [UInt8]) -> JSONValue? {
    let text = String(decoding: stdout, as: UTF8.self)
    guard let last = text.split(separator: "\n").last else { return nil }
    return try? JSONDecoder().decode(JSONValue.self, from: Data(last.utf8))
  }

  /// `thread_names.<tid>` from the program's flat metrics.
  static func threadNames(_ flat: [String: JSONValue]) -> [Int32: String] {
    var names: [Int32: String] = [:]
    for (key, value) in flat where key.hasPrefix("thread_names.") {
      if let tid = Int32(key.dropFirst("thread_names.".count)), case .string(let name) = value {
        names[tid] = name
      }
    }
    return names
  }

  /// The numbers under `prefix.0`, `prefix.1`, … in the program's flat metrics.
  static func numbers(_ flat: [String: JSONValue], _ prefix: String) -> [Int] {
    var out: [Int] = []
    while let value = flat["\(prefix).\(out.count)"]?.double { out.append(Int(value)) }
    return out
  }

  static func noteInterpreter(_ traced: String, context: DemoContext) {
    if traced != "python3", let onPath = Interpreter.inPath("python3"), onPath != traced {
      context.note(
        Catalog.text("demo.inside.note.shim", ["shim": onPath, "real": traced]))
    }
  }
}
