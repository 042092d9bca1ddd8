import Demos
import Lessons
import Testing

@testable import Quiz

/// A student who answers in English and switches to Korean mid-lesson sees the same progress:
/// progress is keyed by lesson, step and question ids, which a translation keeps.
@Suite("Switching language mid-lesson")
struct LanguageSwitchTests {
  static var lessonsDirectory: String {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/QuizTests/LanguageSwitchTests.swift
    return parts.joined(separator: "/") + "/lessons"
  }

  @Test func progressMadeInEnglishReadsTheSameInKorean() throws {
    let dirs = [Self.lessonsDirectory]
    let en = LessonLibrary.load(directories: dirs, demos: DemoCatalog.declarations)
    let ko = LessonLibrary.load(
      directories: dirs, demos: DemoCatalog.declarations, language: .ko)
    let english = try #require(en.lesson(id: "processes"))
    let korean = try #require(ko.lesson(id: "processes"))
    #expect(korean.file != english.file)

    // In English: up to the table step, three questions answered (two right, one wrong).
    var progress = Progress()
    let step = "reading-the-table"
    let index = try #require(english.stepIndex(id: step))
    progress.lessons["processes"] = LessonProgress(
      step: step, stepIndex: index, finished: false, updated: 1000)
    for (id, typed) in [
      ("program-or-process", "b"), ("cd-in-child", "true"), ("ppid-name", "ppid"),
    ] {
      let q = try #require(english.question(id: id))
      let right = q.isCorrect(try AnswerParser.parse(typed, for: q))
      progress.questions[Progress.key(lesson: "processes", question: id), default: .init()]
        .record(correctFirstTry: right, at: 1000)
    }

    // In Korean: the same step, the same figures.
    #expect(korean.stepIndex(id: step) == index)
    #expect(korean.step(id: step)?.title != english.step(id: step)?.title)
    let now = 2000.0
    #expect(progress.figures(of: korean, now: now) == progress.figures(of: english, now: now))
    #expect(progress.figures(of: korean, now: now).rightFirstTime == 2)

    // The wrong one, answered again in Korean, is graded on the same key.
    let cd = try #require(korean.question(id: "cd-in-child"))
    #expect(cd.isCorrect(try AnswerParser.parse("거짓", for: cd)))
  }
}
