public import DemoContract
import FoundationEssentials
public import Lessons
public import Results

/// A generated class: one result file per student for the shipped lessons, made from the real
/// lesson files as `proclab submit` makes them (records chained with `RecordChain` in the
/// order answered, written with `ResultFile.encoded()`), answers right, right on a retry,
/// wrong or skipped by a seeded generator, each prediction carrying a real demo report made
/// to match the student's own machine (2, 4 or 8 CPUs, their uid, a slower or faster CPU), so
/// an honest student is never flagged. Some files are then changed the ways docs/grading.md
/// says a grader detects (ClassFixtureVariants.swift). The tests and `make bench` (through
/// `proclab-bench make-class`) both use it.
public enum ClassFixture {
  /// A lesson as the generator reads it: parsed, with the SHA-256 of its file's bytes.
  public struct LessonFile: Sendable {
    public var lesson: Lesson
    public var sha256: String
    public init(lesson: Lesson, sha256: String) {
      self.lesson = lesson
      self.sha256 = sha256
    }
  }

  /// One student's file as generated.
  public struct Submission: Sendable {
    /// `proclab-result-<id>.json`.
    public var fileName: String
    public var variant: Variant
    public var result: ResultFile
    /// What is written: `result.encoded()`, or that changed as `variant` says.
    public var bytes: [UInt8]
  }

  /// The seeded generator: SplitMix64, the same seed giving the same class.
  public struct Seeded: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    public mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
  }

  /// The student's machine, as the generator makes it up.
  struct Machine {
    var cpus: Int
    var uid: Int
    /// Every time the student's runs measured is this many times the recorded one.
    var speed: Double
    var environment: MachineEnvironment
    var host: String
  }

  static let givenNames = [
    "Kim Minji", "김민지", "Lee Seo-yeon", "박지훈", "Choi Yuna", "정하늘", "Ana O'Neil", "Jean-Luc Roy",
    "이도윤", "Han Ji-woo", "강서준", "Yoon Ha-eun", "María José", "조예린", "Oh Tae-yang", "임수아",
  ]

  /// `students` submissions for `lessons`, with `reports` keyed by a prediction's demo command
  /// line (`zombie hold=0.1`). Student `n`'s variant is `Variant.of(n)`.
  public static func make(
    lessons: [LessonFile], reports: [String: DemoReport], students: Int, seed: UInt64
  ) -> [Submission] {
    var random = Seeded(seed: seed)
    var out: [Submission] = []
    for n in 0..<students {
      var own = Seeded(seed: seed &+ UInt64(n) &* 0x1000_0001 ^ random.next())
      let variant = Variant.of(n)
      let id = "2026" + String(1000 + n).dropFirst()
      let base = givenNames[n % givenNames.count]
      let name = n < givenNames.count ? base : base + " " + suffix(n)
      // Validated as `whoami set` validates it; every generated name and id is valid.
      guard let student = try? StudentIdentity(name: name, id: id) else { continue }
      let machine = makeMachine(n, &own)
      var records: [ChainedRecord] = []
      var clock = 1_764_590_000 + Double(n) * 137 + Double(own.below(3600))
      for file in lessons {
        let hash =
          variant == .olderLesson && file.lesson.id == lessons[n % lessons.count].lesson.id
          ? SHA256.hex(Array("an older version of \(file.lesson.id)\n".utf8)) : file.sha256
        for question in file.lesson.questions {
          let record = answer(
            question, lesson: file.lesson.id, sha256: hash, reports: reports, machine: machine,
            clock: &clock, &own)
          records = RecordChain.appending(record, to: records)
        }
      }
      let honest = ResultFile(
        proclabVersion: "0.17.0", student: student, host: machine.host,
        environment: machine.environment, submitted: clock + 30, lessons: [], records: records)
      out.append(variant.apply(to: honest, &own))
    }
    return out
  }

  static func suffix(_ n: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return String(letters[n / 26 % 26]) + String(letters[n % 26]).lowercased() + "n"
  }

  static func makeMachine(_ n: Int, _ random: inout Seeded) -> Machine {
    let cpus = [2, 4, 8][random.below(3)]
    let load = (0..<3).map { _ in (random.unit() * Double(cpus) * 0.5 * 100).rounded() / 100 }
    let environment = MachineEnvironment(
      cpusOnline: cpus,
      cpuModel: ["Intel(R) Core(TM) i5-1135G7", "AMD Ryzen 5 5600U", "Apple M2 (VM)"][n % 3],
      cgroupCPUQuota: nil, affinity: Array(0..<cpus), loadAverage: load, swiftVersion: "6.3",
      buildConfiguration: "release", kernel: "Linux 6.1.0-\(20 + n % 9)-amd64")
    return Machine(
      cpus: cpus, uid: 1000 + n, speed: 0.7 + random.unit() * 0.8, environment: environment,
      host: "lab-pc-\(n < 10 ? "0" : "")\(n)")
  }

  /// The record of one question as the student answered it, the clock moved past it.
  static func answer(
    _ question: Question, lesson: String, sha256: String, reports: [String: DemoReport],
    machine: Machine, clock: inout Double, _ random: inout Seeded
  ) -> QuestionRecord {
    let roll = random.below(100)
    let seconds = 4 + random.unit() * 50
    let shown = clock
    var verdict: QuestionRecord.Verdict =
      switch roll {
      case 0..<62: .rightFirstTry
      case 62..<72: .rightOnRetry
      case 72..<93: .wrong
      default: .skipped
      }
    var answer = ""
    var measured: String?
    var run: RecordedRun?
    var reason: String?
    if question.kind == .predict {
      guard let invocation = question.demo, let recorded = reports[invocation.commandLine] else {
        clock += seconds + 1
        return QuestionRecord(
          lesson: lesson, question: question.id, kind: question.kind.rawValue, lessonSHA256: sha256,
          answer: "", tries: 0, hintsShown: 0, seconds: seconds, answeredAt: shown + seconds,
          verdict: .skipped)
      }
      let report = fitted(recorded, to: machine)
      let started = shown + seconds * 0.6
      let duration = 0.2 + random.unit() * 1.5
      run = recordedRun(
        invocation.demo, report: report, started: started, duration: duration, &random)
      if verdict != .skipped {
        let chosen = PredictionAnswers.choose(
          question, report: report, right: verdict != .wrong, &random)
        if let chosen {
          answer = chosen.answer
          measured = chosen.measured
          if chosen.undetermined {
            verdict = .notGraded
            reason = chosen.reason
          }
        } else {
          verdict = .skipped
        }
      }
      clock = (run?.ended ?? started) + 0.05
    } else {
      if verdict != .skipped {
        if let text = PlainAnswers.choose(question, right: verdict != .wrong, &random) {
          answer = text
        } else {
          verdict = .skipped
        }
      }
      clock = shown + seconds
    }
    let tries =
      switch verdict {
      case .rightOnRetry: 2
      case .wrong: 1 + min(question.retries ?? 1, 1)
      case .skipped: 0
      default: 1
      }
    let record = QuestionRecord(
      lesson: lesson, question: question.id, kind: question.kind.rawValue, lessonSHA256: sha256,
      answer: verdict == .skipped ? "" : answer, tries: tries,
      hintsShown: verdict == .rightOnRetry ? 1 : 0, seconds: clock - shown, answeredAt: clock,
      verdict: verdict, reason: reason, measured: verdict == .skipped ? nil : measured, run: run)
    clock += 1 + random.unit() * 6
    return record
  }

  /// A recorded report made the student's: their machine, their CPUs and uid in the facts that
  /// name them, every time scaled by their machine's speed (so ratios stay as measured).
  static func fitted(_ report: DemoReport, to machine: Machine) -> DemoReport {
    var copy = report
    copy.environment = machine.environment
    let cpuFacts: Set<String> = ["usable_cpus", "cpus_online"]
    let uidFacts: Set<String> = ["uid", "euid"]
    func fit(_ key: String, _ value: JSONValue, top: Bool) -> JSONValue {
      switch value {
      case .number(let x):
        if top && cpuFacts.contains(key) { return .number(Double(machine.cpus)) }
        if uidFacts.contains(key) { return .number(Double(machine.uid)) }
        if key == "gid" { return .number(Double(machine.uid)) }
        if key.hasSuffix("seconds") && x > 0 { return .number(x * machine.speed) }
        return value
      case .object(let o):
        return .object(
          Dictionary(uniqueKeysWithValues: o.map { ($0.key, fit($0.key, $0.value, top: false)) }))
      case .array(let a) where key.hasSuffix("seconds"):
        return .array(a.map { fit(key, $0, top: false) })
      default:
        return value
      }
    }
    copy.metrics = Dictionary(
      uniqueKeysWithValues: report.metrics.map { ($0.key, fit($0.key, $0.value, top: true)) })
    if let allowed = copy.metrics["cpus_allowed"], case .array = allowed {
      copy.metrics["cpus_allowed"] = .array((0..<machine.cpus).map { .number(Double($0)) })
    }
    return copy
  }

  /// The run as the REPL records it: the runner's `started` event first, the report last.
  static func recordedRun(
    _ demo: String, report: DemoReport, started: Double, duration: Double, _ random: inout Seeded
  ) -> RecordedRun {
    let pid = Int32(report.metrics["pid"]?.double.map(Int.init) ?? 20_000 + random.below(30_000))
    var events = [EventStamp(at: started + 0.004, type: "started", pid: pid)]
    let middle = report.tables.count + report.figures.count + report.notes.count
    for k in 0..<middle {
      let type =
        k < report.tables.count
        ? "table" : k < report.tables.count + report.figures.count ? "figure" : "note"
      events.append(
        EventStamp(at: started + duration * Double(k + 1) / Double(middle + 2), type: type))
    }
    events.append(EventStamp(at: started + duration - 0.002, type: "report"))
    return RecordedRun(
      demo: demo, runnerPID: pid, started: started, ended: started + duration, events: events,
      report: report)
  }
}
