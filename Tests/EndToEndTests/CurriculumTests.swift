import DemoContract
import Demos
import FoundationEssentials
import Glibc
import Lessons
import OSKit
import ProcLabTestSupport
import Quiz
import Render
import Testing

/// The shipped lessons, as the REPL loads them.
let shippedLibrary: LessonLibrary = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)
  return LessonLibrary.load(
    directories: [parts.joined(separator: "/") + "/lessons"], demos: DemoCatalog.declarations)
}()

/// Runs `proclab run <demo> --json` and decodes the report (nil when it fails).
func liveReport(_ invocation: DemoInvocation) throws -> DemoReport? {
  let state = TempState()
  defer { state.cleanUp() }
  let r = try runPiped(
    ["run", invocation.demo, "--json"] + invocation.arguments, input: "", state: state)
  guard r.status == .exited(0) else { return nil }
  return try? JSONDecoder().decode(DemoReport.self, from: Data(r.stdout.utf8))
}

@Suite("The curriculum, walked end to end", .serialized)
struct CurriculumTests {
  @Test("the lessons, in the contract's order, each with 6–15 steps, a demo and 5+ questions")
  func shape() {
    let ids = shippedLibrary.lessons.map(\.id)
    #expect(
      ids == [
        "processes", "threads", "measuring", "gil", "creating-processes", "zombies-and-orphans",
        "pools", "speedup", "queues", "pipes", "shared-memory", "mutex-vs-semaphore",
        "concurrency-vs-parallelism", "ipc-compared", "signals", "file-descriptors",
        "copy-on-write", "conditions-and-deadlock", "scheduling",
      ])
    #expect(shippedLibrary.skipped.isEmpty)
    for l in shippedLibrary.lessons {
      #expect((6...15).contains(l.steps.count), "\(l.id): \(l.steps.count) steps")
      #expect(l.steps.contains { !$0.demos.isEmpty }, "\(l.id) has no live demo")
      #expect(l.questions.count >= 5, "\(l.id): \(l.questions.count) questions")
      #expect(Set(l.questions.map(\.kind)).count >= 3, "\(l.id) does not mix question kinds")
      let demos = Set(l.steps.flatMap(\.demos).map(\.demo))
      let canPredict = !demos.isEmpty
      #expect(!canPredict || l.questions.contains { $0.kind == .predict }, "\(l.id) has no predict")
      #expect(
        l.questions.allSatisfy { !$0.hints.isEmpty && $0.explanation != nil },
        "\(l.id): hints/explanations")
    }
  }

  @Test("every question names the step that teaches it, and the lesson has that step")
  func questionsNameTheirSteps() throws {
    for l in shippedLibrary.lessons {
      let text = try #require(FileIO.readText(l.file), "cannot read \(l.file)")
      // Quiz blocks sit together at the end of a lesson, so without `step:` they would all send
      // a student back to the last step.
      let blocks = text.components(separatedBy: "```quiz\n").dropFirst()
      for block in blocks {
        let body = block.components(separatedBy: "```").first ?? ""
        let id = body.split(separator: "\n").first { $0.hasPrefix("id:") } ?? "?"
        #expect(
          body.split(separator: "\n").filter { $0.hasPrefix("step:") }.count == 1,
          "\(l.id) \(id) has no step:")
      }
      let steps = Set(l.steps.map(\.id))
      for q in l.questions {
        #expect(steps.contains(q.stepID), "\(l.id)/\(q.id) names step '\(q.stepID)'")
      }
      #expect(
        Set(l.questions.map(\.stepID)).count > 1, "\(l.id): every question sends to one step")
    }
  }

  @Test("every demo names a lesson that exists")
  func demoLessonsExist() {
    let ids = Set(shippedLibrary.lessons.map(\.id))
    for d in DemoCatalog.all {
      #expect(ids.contains(d.lesson), "\(d.name) says lesson '\(d.lesson)'")
    }
  }

  @Test("every step renders within 80 and 140 columns", arguments: [80, 140])
  func rendering(width: Int) {
    for style in [TerminalStyle.plain(width: width), TerminalStyle.fancy(width: width)] {
      for l in shippedLibrary.lessons {
        for step in l.steps {
          let text = MarkdownRenderer(style: style).render(
            "## " + step.title + "\n\n" + step.markdown)
          for line in text.split(separator: "\n") {
            #expect(
              DisplayWidth.of(String(line)) <= width, "\(l.id)/\(step.id) at \(width): \(line)")
          }
          let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
          #expect(width < 100 || lines <= 24, "\(l.id)/\(step.id) takes \(lines) lines")
        }
      }
    }
  }

  @Test("every question is answerable by its own answer key")
  func answerKeys() throws {
    for l in shippedLibrary.lessons {
      for q in l.questions where q.kind != .predict {
        let key: String
        switch q.answer {
        case .choices(let picks): key = picks.map { Choice.label(at: $0) }.joined(separator: ", ")
        case .order(let order): key = order.map { Choice.label(at: $0) }.joined(separator: " ")
        case .truth(let b): key = b ? "true" : "false"
        case .number(.value(let x, _)):
          key = Units.significant(x, digits: 12) + (q.unit.map { " \($0)" } ?? "")
        case .number(.range(let lo, _)):
          key = Units.significant(lo, digits: 12) + (q.unit.map { " \($0)" } ?? "")
        case .text(let accepted, _): key = accepted.first ?? ""
        case nil: key = ""
        }
        let grade = try Grader.grade(q, answer: key)
        #expect(grade.isCorrect, "\(l.id)/\(q.id): its key '\(key)' is graded wrong")
      }
    }
  }

  @Test("a student walks every lesson: every step shows, every demo runs")
  func walk() throws {
    for l in shippedLibrary.lessons {
      let state = TempState()
      defer { state.cleanUp() }
      var env = state.environment
      env.append("COLUMNS=80")
      let input =
        "open \(l.id)\n" + String(repeating: "next\n", count: l.steps.count - 1) + "quit\n"
      let r = try runPipedEnvironment(env, input: input, timeout: 120)
      #expect(r.status == .exited(0), "\(l.id)")
      for i in 1...l.steps.count {
        #expect(r.stdout.contains("step \(i) of \(l.steps.count)"), "\(l.id): step \(i) missing")
      }
      for bad in [
        "names a demo that cannot run", "the demo ended without a report",
        "interrupted: the demo was stopped", "ran past its time budget", "Fatal error",
      ] {
        #expect(!r.stdout.contains(bad), "\(l.id): '\(bad)' in the walk")
      }
      let failures = r.stdout.split(separator: "\n").filter {
        $0.hasPrefix("✗") || $0.hasPrefix("x ")
      }
      #expect(failures.isEmpty, "\(l.id): a demo failed: \(failures)")
    }
  }

  @Test("every predict rule evaluates on a real run")
  func predictRules() throws {
    // A live report of each prediction's demo, run once per test process (shared with the
    // class fixture); a demo that did not run ends the test with its name.
    var reports = try ShippedPredictionReports.shared.get().1
    for l in shippedLibrary.lessons {
      for q in l.questions where q.kind == .predict {
        let inv = try #require(q.demo, "\(l.id)/\(q.id) has no demo")
        let rule = try #require(q.check, "\(l.id)/\(q.id) has no rule")
        if reports[inv.commandLine] == nil { reports[inv.commandLine] = try liveReport(inv) }
        let report = try #require(reports[inv.commandLine], "\(l.id)/\(q.id): \(inv) did not run")
        for path in rule.metricPaths {
          #expect(report.metric(path) != nil, "\(l.id)/\(q.id): no metric \(path)")
        }
        let probes: [PredictAnswer] = [
          .truth(true), .truth(false), .number(0), .text("x"),
          .choice(index: 0, label: "a", text: q.choices.first?.text ?? ""),
        ]
        let verdicts = probes.map {
          rule.evaluate(answer: $0, metrics: report.metrics, unit: q.unit).verdict
        }
        #expect(
          verdicts.contains { $0 != .undetermined }, "\(l.id)/\(q.id): the rule cannot be evaluated"
        )
        if !rule.usesAnswer && q.choices.isEmpty {
          let t = rule.evaluate(answer: .truth(true), metrics: report.metrics).isCorrect
          let f = rule.evaluate(answer: .truth(false), metrics: report.metrics).isCorrect
          #expect(t != f, "\(l.id)/\(q.id): exactly one of true/false must be right")
        }
      }
    }
  }
}
