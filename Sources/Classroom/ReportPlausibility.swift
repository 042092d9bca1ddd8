import DemoContract
import Lessons
import Results

// The plausibility checks of docs/grading.md: a recorded report must agree with its own run
// (pids, times), with the machine the file says it came from, and with what each metric's
// declaration allows. A report typed by hand has to get all of this right; one rewritten with
// care can, and these checks cannot tell (the docs say so).
extension ClassGrader {
  /// Times out of order: records' `answeredAt` (an exercise check's `checkedAt`) against their
  /// sequence, and the file's own `submitted` against the last of them.
  func timeOrderFlags(_ result: ResultFile) -> [Flag] {
    var flags: [Flag] = []
    let timed = result.records.compactMap { r in r.entry.recordedAt.map { (r, $0) } }
    for ((earlier, earlierAt), (later, laterAt)) in zip(timed, timed.dropFirst())
    where laterAt < earlierAt {
      flags.append(
        Flag(
          code: .timeOrder,
          message: "record \(later.sequence) was answered before record \(earlier.sequence) "
            + "(\(Self.seconds(earlierAt - laterAt)) earlier)",
          lesson: later.entry.lesson,
          question: later.record?.question ?? later.exercise?.exercise))
    }
    if let last = timed.map(\.1).max(), result.submitted < last {
      flags.append(
        Flag(
          code: .timeOrder,
          message:
            "the file was submitted \(Self.seconds(last - result.submitted)) before its last answer"
        ))
    }
    return flags
  }

  /// What is inconsistent in one record's run: its times, its runner pid, its machine, its
  /// metrics against their declarations.
  func plausibilityFlags(
    _ chained: ChainedRecord, _ record: QuestionRecord, question q: Question, result: ResultFile
  ) -> [Flag] {
    guard let run = record.run else { return [] }
    let at = "\(record.lesson)/\(record.question)"
    var flags: [Flag] = []
    func time(_ message: String) {
      flags.append(
        Flag(
          code: .timeOrder, message: "\(at): \(message)", lesson: record.lesson,
          question: record.question))
    }
    func implausible(_ message: String) {
      flags.append(
        Flag(
          code: .implausibleReport, message: "\(at): \(message)", lesson: record.lesson,
          question: record.question))
    }
    if run.ended < run.started { time("its run ended before it started") }
    if record.answeredAt < run.ended { time("it was answered before its run ended") }
    if record.answeredAt - record.seconds > run.started + 0.001 {
      time("its run started before the question was shown")
    }
    var previous = run.started
    for event in run.events {
      if event.at < previous || event.at > run.ended {
        time("its \(event.type) event is out of order (outside the run or before the one before)")
        break
      }
      previous = event.at
    }
    let started = run.events.filter { $0.type == "started" }
    if let pid = started.first?.pid, pid != run.runnerPID {
      implausible("the runner pid is \(run.runnerPID), but its started event names pid \(pid)")
    }
    if run.report != nil, started.isEmpty {
      implausible("its run has a report but no started event")
    }
    if let demo = q.demo?.demo, run.demo != demo {
      implausible("the question runs \(demo), the recorded run is of \(Self.safe(run.demo))")
    }
    guard let report = run.report else { return flags }
    if report.demo != run.demo {
      implausible("the run is of \(Self.safe(run.demo)), its report of \(Self.safe(report.demo))")
    }
    let env = report.environment
    if env.cpusOnline != result.environment.cpusOnline {
      implausible(
        "the run reports \(env.cpusOnline) CPUs online, the machine that submitted "
          + "\(result.environment.cpusOnline)")
    }
    if env.cpusOnline < 1 || env.affinity.isEmpty || env.affinity.count > env.cpusOnline {
      implausible(
        "the run may use \(env.affinity.count) CPUs of \(env.cpusOnline) online: not a machine")
    }
    for problem in metricFlags(report, sameVersion: result.proclabVersion == proclabVersion) {
      implausible(problem)
    }
    return flags
  }

  /// Each metric against its declaration: its JSON type, what its unit allows, and its
  /// declared bound. An undeclared metric is named only when the student's ProcLab is the
  /// grader's version (another version may declare other metrics).
  func metricFlags(_ report: DemoReport, sameVersion: Bool) -> [String] {
    guard let declarations = demos[report.demo]?.metrics else {
      return ["its report is of \(Self.safe(report.demo)), a demo this grader does not know"]
    }
    var problems: [String] = []
    let metrics = JSONValue.object(report.metrics)
    for (path, value) in JSONValue.leafPaths(of: report.metrics) {
      let name = Self.safe(path)
      guard let d = declarations.declaration(for: path) else {
        if sameVersion {
          problems.append("its report has \(name), which \(report.demo) does not report")
        }
        continue
      }
      guard d.unit.jsonType.admits(value) else {
        problems.append("\(name) is a \(value.kindName), declared \(d.unit.jsonType.rawValue)")
        continue
      }
      guard case .number(let n) = value else { continue }
      if let why = Self.outOfRange(n, unit: d.unit) {
        problems.append("\(name) is \(Self.number(n)), but \(why)")
      }
      switch d.bound {
      case .cpusOnline?:
        if n > Double(report.environment.cpusOnline) {
          problems.append(
            "\(name) is \(Self.number(n)), more than the \(report.environment.cpusOnline) CPUs online"
          )
        }
      case .atMost(let pattern)?:
        let other = Self.resolve(pattern, declaration: d.path, concrete: path)
        if let limit = metrics.path(other)?.double, n > limit {
          problems.append(
            "\(name) is \(Self.number(n)), more than \(other) (\(Self.number(limit)))")
        }
      case .sameAs(let pattern)?:
        let other = Self.resolve(pattern, declaration: d.path, concrete: path)
        if let same = metrics.path(other)?.double, same != n {
          problems.append("\(name) is \(Self.number(n)), but \(other) is \(Self.number(same))")
        }
      case nil: break
      }
    }
    return problems
  }

  /// The concrete path a bound names: its `<name…>` parts take the values they have in the
  /// concrete path of the metric bounded (`<sync:…>.expected` beside `none.lost` is
  /// `none.expected`).
  static func resolve(_ pattern: String, declaration: String, concrete: String) -> String {
    var bound: [Substring: Substring] = [:]
    for (d, c) in zip(declaration.split(separator: "."), concrete.split(separator: "."))
    where d.hasPrefix("<") {
      bound[d] = c
    }
    return pattern.split(separator: ".").map { bound[$0] ?? $0 }.joined(separator: ".")
  }

  /// Why `n` cannot be a value in `unit`, or nil when it can.
  static func outOfRange(_ n: Double, unit: MetricUnit) -> String? {
    switch unit {
    case .fraction: (0...1).contains(n) ? nil : "a fraction is between 0 and 1"
    case .pid: n >= 1 ? nil : "a process id is at least 1"
    case .exitStatus: (0...255).contains(n) ? nil : "an exit status is 0 to 255"
    case .exitcode:
      // Linux numbers its signals 1 to 64 (SIGRTMAX): −N is a process killed by signal N.
      (-64...255).contains(n)
        ? nil : "an exitcode is 0 to 255, or -1 to -64 (killed by that signal)"
    case .seconds, .nanoseconds, .bytesPerSecond, .messagesPerSecond, .bytes, .kibibytes, .count,
      .ratio, .durations, .runnable, .cpu, .id:
      n >= 0 ? nil : "a \(unit == .count ? "count" : "value in \(unit.rawValue)") is never negative"
    case .boolean, .text, .list: nil
    }
  }

  static func number(_ n: Double) -> String {
    n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
  }

  static func seconds(_ s: Double) -> String {
    s >= 1 ? "\(Int(s.rounded())) s" : "\(Int((s * 1000).rounded())) ms"
  }
}
