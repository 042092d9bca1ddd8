import DemoContract
import Lessons
import Localization
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
          CatalogLine(
            "grade.flag.answeredBefore",
            ["later": "\(later.sequence)", "earlier": "\(earlier.sequence)"],
            lines: ["duration": Self.seconds(earlierAt - laterAt)]),
          lesson: later.entry.lesson,
          question: later.record?.question ?? later.exercise?.exercise))
    }
    if let last = timed.map(\.1).max(), result.submitted < last {
      flags.append(
        Flag(
          code: .timeOrder,
          CatalogLine(
            "grade.flag.submittedBefore", lines: ["duration": Self.seconds(last - result.submitted)]
          )
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
    func flag(_ code: Flag.Code, _ key: String, _ arguments: [String: String] = [:]) {
      flags.append(
        Flag(
          code: code,
          CatalogLine("grade.flag.at", ["at": at], lines: ["problem": .init(key, arguments)]),
          lesson: record.lesson, question: record.question))
    }
    if run.ended < run.started { flag(.timeOrder, "grade.flag.run.endedBeforeStart") }
    if record.answeredAt < run.ended { flag(.timeOrder, "grade.flag.run.answeredBeforeEnd") }
    if record.answeredAt - record.seconds > run.started + 0.001 {
      flag(.timeOrder, "grade.flag.run.startedBeforeShown")
    }
    var previous = run.started
    for event in run.events {
      if event.at < previous || event.at > run.ended {
        flag(.timeOrder, "grade.flag.run.eventOutOfOrder", ["event": Self.safe(event.type)])
        break
      }
      previous = event.at
    }
    let started = run.events.filter { $0.type == "started" }
    if let pid = started.first?.pid, pid != run.runnerPID {
      flag(
        .implausibleReport, "grade.flag.run.runnerPID",
        ["pid": "\(run.runnerPID)", "started": "\(pid)"])
    }
    if run.report != nil, started.isEmpty {
      flag(.implausibleReport, "grade.flag.run.noStarted")
    }
    if let demo = q.demo?.demo, run.demo != demo {
      flag(
        .implausibleReport, "grade.flag.run.otherDemo", ["demo": demo, "run": Self.safe(run.demo)])
    }
    guard let report = run.report else { return flags }
    if report.demo != run.demo {
      flag(
        .implausibleReport, "grade.flag.run.otherReport",
        ["run": Self.safe(run.demo), "report": Self.safe(report.demo)])
    }
    let env = report.environment
    if env.cpusOnline != result.environment.cpusOnline {
      flag(
        .implausibleReport, "grade.flag.run.cpus",
        ["run": "\(env.cpusOnline)", "submitted": "\(result.environment.cpusOnline)"])
    }
    if env.cpusOnline < 1 || env.affinity.isEmpty || env.affinity.count > env.cpusOnline {
      flag(
        .implausibleReport, "grade.flag.run.notAMachine",
        ["affinity": "\(env.affinity.count)", "online": "\(env.cpusOnline)"])
    }
    for problem in metricProblems(report, sameVersion: result.proclabVersion == proclabVersion) {
      flags.append(
        Flag(
          code: .implausibleReport,
          CatalogLine("grade.flag.at", ["at": at], lines: ["problem": problem]),
          lesson: record.lesson, question: record.question))
    }
    return flags
  }

  /// `metricProblems` in English, one sentence each.
  func metricFlags(_ report: DemoReport, sameVersion: Bool) -> [String] {
    metricProblems(report, sameVersion: sameVersion).map(\.english)
  }

  /// Each metric against its declaration: its JSON type, what its unit allows, and its
  /// declared bound. An undeclared metric is named only when the student's ProcLab is the
  /// grader's version (another version may declare other metrics).
  func metricProblems(_ report: DemoReport, sameVersion: Bool) -> [CatalogLine] {
    guard let declarations = demos[report.demo]?.metrics else {
      return [CatalogLine("grade.flag.metric.unknownDemo", ["demo": Self.safe(report.demo)])]
    }
    var problems: [CatalogLine] = []
    let metrics = JSONValue.object(report.metrics)
    for (path, value) in JSONValue.leafPaths(of: report.metrics) {
      let name = Self.safe(path)
      guard let d = declarations.declaration(for: path) else {
        if sameVersion {
          problems.append(
            CatalogLine("grade.flag.metric.undeclared", ["name": name, "demo": report.demo]))
        }
        continue
      }
      guard d.unit.jsonType.admits(value) else {
        problems.append(
          CatalogLine(
            "grade.flag.metric.type",
            ["name": name, "kind": value.kindName, "declared": d.unit.jsonType.rawValue]))
        continue
      }
      guard case .number(let n) = value else { continue }
      if let why = Self.outOfRange(n, unit: d.unit) {
        problems.append(
          CatalogLine(
            "grade.flag.metric.range", ["name": name, "value": Self.number(n)], lines: ["why": why])
        )
      }
      switch d.bound {
      case .cpusOnline?:
        if n > Double(report.environment.cpusOnline) {
          problems.append(
            CatalogLine(
              "grade.flag.metric.cpus",
              [
                "name": name, "value": Self.number(n),
                "cpus": "\(report.environment.cpusOnline)",
              ]))
        }
      case .atMost(let pattern)?:
        let other = Self.resolve(pattern, declaration: d.path, concrete: path)
        if let limit = metrics.path(other)?.double, n > limit {
          problems.append(
            CatalogLine(
              "grade.flag.metric.atMost",
              ["name": name, "value": Self.number(n), "other": other, "limit": Self.number(limit)]))
        }
      case .sameAs(let pattern)?:
        let other = Self.resolve(pattern, declaration: d.path, concrete: path)
        if let same = metrics.path(other)?.double, same != n {
          problems.append(
            CatalogLine(
              "grade.flag.metric.sameAs",
              ["name": name, "value": Self.number(n), "other": other, "same": Self.number(same)]))
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
  static func outOfRange(_ n: Double, unit: MetricUnit) -> CatalogLine? {
    switch unit {
    case .fraction: (0...1).contains(n) ? nil : CatalogLine("grade.range.fraction")
    case .pid: n >= 1 ? nil : CatalogLine("grade.range.pid")
    case .exitStatus: (0...255).contains(n) ? nil : CatalogLine("grade.range.exitStatus")
    case .exitcode:
      // Linux numbers its signals 1 to 64 (SIGRTMAX): −N is a process killed by signal N.
      (-64...255).contains(n) ? nil : CatalogLine("grade.range.exitcode")
    case .count: n >= 0 ? nil : CatalogLine("grade.range.count")
    case .seconds, .nanoseconds, .bytesPerSecond, .messagesPerSecond, .bytes, .kibibytes,
      .ratio, .durations, .runnable, .cpu, .id:
      n >= 0 ? nil : CatalogLine("grade.range.negative", ["unit": unit.rawValue])
    case .boolean, .text, .list: nil
    }
  }

  static func number(_ n: Double) -> String {
    n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
  }

  static func seconds(_ s: Double) -> CatalogLine {
    s >= 1
      ? CatalogLine("grade.duration.seconds", ["n": "\(Int(s.rounded()))"])
      : CatalogLine("grade.duration.milliseconds", ["n": "\(Int((s * 1000).rounded()))"])
  }
}
