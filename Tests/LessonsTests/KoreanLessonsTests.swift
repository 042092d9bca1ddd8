import DemoContract
import Demos
import Render
import Testing

@testable import Lessons

/// The shipped Korean lessons (lessons/ko): loaded in Korean in place of the English ones,
/// and each non-predict question graded right when answered in Korean on its own key.
@Suite("Shipped Korean lessons")
struct KoreanLessonsTests {
  static func library(_ language: LessonLanguage) -> LessonLibrary {
    LessonLibrary.load(
      directories: [ShippedLessons.directory], demos: DemoCatalog.declarations,
      language: language)
  }

  @Test func koreanModeLoadsEveryTranslationAndKeepsThePath() {
    let ko = Self.library(.ko)
    let en = Self.library(.en)
    #expect(ko.skipped.isEmpty, "\(ko.skipped)")
    #expect(ko.problems.filter(\.isError).isEmpty, "\(lines(ko.problems))")
    #expect(ko.ids == en.ids)
    let translated = ko.lessons.filter { $0.file.contains("/lessons/ko/") }.map(\.id)
    #expect(Set(translated) == ko.translatedIDs)
    #expect(["processes", "threads", "measuring", "gil"].allSatisfy(ko.translatedIDs.contains))
    for lesson in en.lessons {
      let other = ko.lesson(id: lesson.id)
      #expect(other?.steps.map(\.id) == lesson.steps.map(\.id), "\(lesson.id)")
      #expect(other?.questions.map(\.id) == lesson.questions.map(\.id), "\(lesson.id)")
    }
  }

  /// What a Korean student types for `question`'s key: letters, 참/거짓, a number with a
  /// Korean unit word, the choices' and items' Korean words, each accepted text.
  static func koreanAnswers(_ q: Question) -> [String] {
    let unitWords = ["s": "초", "ms": "밀리초", "µs": "마이크로초", "x": "배"]
    switch q.answer {
    case .choices(let picks)?:
      let letters = picks.map { Choice.label(at: $0) }.joined(separator: ", ")
      if q.kind == .choice, let i = picks.first { return [letters, q.choices[i].text] }
      return [letters]
    case .truth(let value)?:
      return value ? ["참", "예", "맞다", "O"] : ["거짓", "아니요", "틀리다", "X"]
    case .number(.value(let x, _))?, .number(.range(let x, _))?:
      let word = q.unit.map { unitWords[$0] ?? $0 } ?? ""
      return [NumberText.format(x) + word]
    case .text(let accepted, _)?:
      return accepted
    case .order(let sequence)?:
      let letters = sequence.map { Choice.label(at: $0) }.joined(separator: " ")
      // By their words only when no item holds a mark that separates them (`1, 2, 5`).
      let marks = ",;>→/·、"
      guard !q.items.contains(where: { $0.text.contains { marks.contains($0) } }) else {
        return [letters]
      }
      return [letters, sequence.map { q.items[$0].text }.joined(separator: " → ")]
    case nil:
      return []
    }
  }

  /// Hangul is two columns wide: every step's text, every question's ask, choices, hints and
  /// explanation fit at 80 and 100 columns, drawn as the REPL draws them.
  @Test(arguments: [80, 100])
  func everyKoreanLessonFitsTheWidth(width: Int) {
    let ko = Self.library(.ko)
    let renderer = MarkdownRenderer(style: .fancy(width: width))
    var drawn = 0
    for lesson in ko.lessons where ko.translatedIDs.contains(lesson.id) {
      var texts = lesson.steps.map(\.markdown)
      for q in lesson.questions {
        texts += [q.ask] + q.hints + (q.explanation.map { [$0] } ?? [])
        texts += q.feedback.map(\.message) + (q.choices + q.items).map(\.text)
      }
      for text in texts {
        let wide = renderer.render(text).split(separator: "\n")
          .filter { DisplayWidth.of(String($0)) > width }
        #expect(wide.isEmpty, "\(lesson.id) at \(width): \(wide)")
        drawn += 1
      }
    }
    #expect(drawn > 100)
  }

  @Test func everyNonPredictQuestionIsGradedRightInKorean() throws {
    let ko = Self.library(.ko)
    var checked = 0
    for lesson in ko.lessons where ko.translatedIDs.contains(lesson.id) {
      for q in lesson.questions where q.kind != .predict {
        for typed in Self.koreanAnswers(q) {
          do {
            let answer = try AnswerParser.parse(typed, for: q)
            #expect(q.isCorrect(answer), "\(lesson.id)/\(q.id): '\(typed)'")
          } catch {
            Issue.record("\(lesson.id)/\(q.id): '\(typed)': \(error.message)")
          }
          checked += 1
        }
      }
    }
    #expect(checked >= 40)
  }
}
