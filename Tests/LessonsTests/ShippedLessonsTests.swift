import DemoContract
import Demos
import Testing

@testable import Lessons

/// The lessons in the source tree's lessons/ directory.
enum ShippedLessons {
  static var directory: String {
    let file = #filePath
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/LessonsTests/ShippedLessonsTests.swift
    return parts.joined(separator: "/") + "/lessons"
  }
}

@Suite("Shipped lessons")
struct ShippedLessonsTests {
  @Test func lintClean() {
    let problems = LessonLinter(demos: DemoCatalog.declarations).lint(paths: [
      ShippedLessons.directory
    ])
    #expect(problems.isEmpty, "\(lines(problems))")
  }

  @Test func firstLessonShape() throws {
    let library = LessonLibrary.load(
      directories: [ShippedLessons.directory], demos: DemoCatalog.declarations)
    #expect(library.skipped.isEmpty, "\(library.skipped)")
    let l = try #require(library.lesson(id: "processes"))
    #expect(l.number == 1)
    #expect((6...10).contains(l.steps.count))
    #expect(l.steps.allSatisfy { $0.hasExplicitID })
    #expect(l.steps.contains { $0.demos.contains { $0.demo == "ids" } })
    let first = l.steps[0].markdown
    for command in ["Enter", "next", "back", "run ids", "quiz", "help"] {
      #expect(first.contains(command), "the first step should mention \(command)")
    }
    for step in l.steps {
      let prose = step.markdown.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(prose.count <= 16, "step \(step.id) has \(prose.count) lines")
      #expect(prose.allSatisfy { $0.count <= 78 }, "step \(step.id) has a line over 78 columns")
    }
    #expect(l.questions.count >= 5)
    #expect(Set(l.questions.map(\.kind)).count >= 4)
    #expect(l.questions.contains { $0.kind == .predict && $0.demo?.demo == "ids" })
    #expect(l.questions.allSatisfy { !$0.hints.isEmpty && $0.explanation != nil })
    #expect(l.questions.contains { !$0.feedback.isEmpty })
  }

  /// Every predict rule reads only metrics that the ids demo reports, and grades a recorded
  /// report the way the lesson means.
  @Test func predictionsAgainstARecordedIdsReport() throws {
    let library = LessonLibrary.load(
      directories: [ShippedLessons.directory], demos: DemoCatalog.declarations)
    let l = try #require(library.lesson(id: "processes"))
    let identity: [String: JSONValue] = [
      "pid": 2001, "ppid": 2000, "pgid": 2001, "sid": 1500, "uid": 1000, "euid": 1000,
      "gid": 1000, "cwd": "/home/student", "command": "proclab",
    ]
    var parent = identity
    parent["pid"] = 2000
    parent["ppid"] = 1500
    parent["pgid"] = 2000
    var metrics = identity
    metrics["parent"] = .object(parent)
    #expect(LessonLinter.lintPredictions(in: l, metrics: { _ in metrics }).isEmpty)
    for question in l.questions where question.kind == .predict {
      let rule = try #require(question.check)
      let outcome = rule.evaluate(
        answer: try #require(Self.rightPrediction(question, metrics)),
        metrics: { JSONValue.object(metrics).path($0) })
      #expect(outcome.verdict == .correct, "\(question.id): \(outcome.explanation)")
    }
  }

  /// What a student who understood would answer, for the predict questions of lesson 1.
  static func rightPrediction(_ q: Question, _ metrics: [String: JSONValue]) -> PredictAnswer? {
    switch q.predictInput {
    case .truth: return .truth(true)
    case .number, .value:
      guard case .equals(.metric(let path))? = q.check,
        let value = JSONValue.object(metrics).path(path)?.double
      else { return nil }
      return .number(value)
    default: return nil
    }
  }
}
