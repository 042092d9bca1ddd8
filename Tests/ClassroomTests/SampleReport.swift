import Classroom
import DemoContract

/// A class report as `proclab grade` would build it, made up here with a seeded generator:
/// the HTML tests need a report, not a grader. It has what the page must survive: a Korean
/// name, a name that is an HTML script, answers with markup in them, hosts with `&`, flags,
/// an unreadable file, number and text predictions.
enum SampleReport {
  /// A SplitMix64 generator: the same seed gives the same class.
  struct Seeded {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
  }

  static let hostile = "<script>alert('x')</script>"

  static let lessons: [LessonColumns] = [
    LessonColumns(
      lesson: "processes", title: "Processes & <pids>", sha256: String(repeating: "a", count: 64),
      questions: [
        QuestionColumn(
          question: "fork-returns", kind: "choice", ask: "What does `fork()` return in the child?",
          points: 1, metric: nil),
        QuestionColumn(
          question: "zombie-state", kind: "truefalse", ask: "A zombie still holds its memory.",
          points: 2, metric: nil),
        QuestionColumn(
          question: "usable-cpus", kind: "predict", ask: "How many CPUs may this process use?",
          points: 1,
          metric: MetricColumn(
            demo: "cpu-scaling", path: "usable_cpus", label: "usable CPUs", unit: "", fact: true)),
      ]),
    LessonColumns(
      lesson: "shared-memory", title: "공유 메모리(shared memory)",
      sha256: String(repeating: "b", count: 64),
      questions: [
        QuestionColumn(
          question: "lost-updates", kind: "predict", ask: "How many increments are lost?",
          points: 1,
          metric: MetricColumn(
            demo: "shm-race", path: "none.lost", label: "lost updates", unit: "", fact: false)),
        QuestionColumn(
          question: "round-trip", kind: "predict", ask: "How long is one round trip?", points: 1,
          metric: MetricColumn(
            demo: "pipe", path: "latency.1B.median_seconds", label: "round trip",
            unit: "seconds", fact: false)),
        QuestionColumn(
          question: "placement", kind: "predict", ask: "Where were the two processes placed?",
          points: 1,
          metric: MetricColumn(
            demo: "pipe", path: "cpus", label: "where parent and child were placed", unit: "text",
            fact: true)),
      ]),
  ]

  static let names = [
    "김민지", "Lee Seo-yeon", "박지훈", "Ana O'Neil", "최유나", hostile, "Jean-Luc Picard", "정하늘",
  ]

  /// `students` students, the same for the same seed.
  static func make(students count: Int = 40, seed: UInt64 = 7) -> ClassReport {
    var random = Seeded(state: seed)
    var students: [StudentResult] = []
    for n in 0..<count {
      let cpus = [2, 4, 8][random.below(3)]
      var grades: [QuestionGrade] = []
      for lesson in lessons {
        for question in lesson.questions {
          grades.append(grade(lesson.lesson, question, cpus: cpus, &random))
        }
      }
      let graded = grades.filter(\.verdict.isGraded)
      var flags: [Flag] = []
      if n % 9 == 4 {
        flags.append(
          Flag(
            code: .chainBroken,
            message: "record 3 was changed after it was recorded (its hash does not match)"))
      }
      if n % 13 == 6 {
        flags.append(
          Flag(
            code: .lessonVersion, message: "played from another version of the lesson <b>",
            lesson: "processes"))
      }
      let name = n < names.count ? names[n] : "Student \(n)"
      students.append(
        StudentResult(
          file: "results/proclab-result-\(2026_000 + n).json", name: name,
          studentID: "\(2026_000 + n)", host: n % 5 == 0 ? "lab&pc-\(n)" : "pc-\(n)",
          environment: MachineEnvironment(
            cpusOnline: cpus, cpuModel: "AMD EPYC", cgroupCPUQuota: nil, affinity: Array(0..<cpus),
            loadAverage: [0.5, 0.4, 0.3], swiftVersion: "6.3", buildConfiguration: "release",
            kernel: "Linux 6.1"),
          submitted: 1_764_600_000 + Double(n) * 60, score: graded.reduce(0) { $0 + $1.earned },
          total: graded.reduce(0) { $0 + $1.points }, questions: grades, flags: flags))
    }
    return ClassReport(
      proclabVersion: "0.17.0", gradedAt: 1_764_601_234, lessons: lessons, students: students,
      unreadable: [FileProblem(file: "results/notes<1>.txt", message: "not JSON: line 1")])
  }

  static func grade(
    _ lesson: String, _ question: QuestionColumn, cpus: Int, _ random: inout Seeded
  ) -> QuestionGrade {
    let roll = random.below(100)
    let verdict: GradeVerdict =
      switch roll {
      case 0..<50: .rightFirstTry
      case 50..<62: .rightOnRetry
      case 62..<82: .wrong
      case 82..<88: .skipped
      case 88..<94: .notAnswered
      case 94..<97: .notGraded
      default: .notCounted
      }
    var measured: MeasuredValue?
    if question.metric != nil && verdict != .notAnswered {
      switch question.question {
      case "usable-cpus": measured = MeasuredValue(number: Double(cpus))
      case "lost-updates": measured = MeasuredValue(number: Double(random.below(400_000)))
      case "round-trip": measured = MeasuredValue(number: 8e-6 + random.unit() * 20e-6)
      default: measured = MeasuredValue(text: ["any", "same", "apart"][random.below(3)])
      }
    }
    let wrongAnswers = ["b", "B ", "c", "<i>d</i>", "true", "1000000"]
    let answer: String =
      switch verdict {
      case .wrong: wrongAnswers[random.below(wrongAnswers.count)]
      case .skipped, .notAnswered: ""
      default: "a"
      }
    let feedback: String? =
      verdict == .wrong && answer.lowercased().hasPrefix("b")
      ? "That is the parent's return value: the child gets 0 & the parent the pid." : nil
    let earned = verdict == .rightFirstTry ? question.points : 0
    return QuestionGrade(
      lesson: lesson, question: question.question, verdict: verdict,
      tries: verdict == .rightOnRetry ? 2 : 1,
      hintsShown: 0, seconds: 10, answer: answer, points: question.points, earned: earned,
      feedback: feedback, measured: measured,
      reason: verdict == .notGraded ? "the demo did not report \(question.question)" : nil)
  }
}
