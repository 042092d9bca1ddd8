import Lessons
import Testing

@Suite("points: what a question is worth when a teacher grades a class")
struct PointsTests {
  @Test("points: defaults to 1 and reads a whole number from 1 to 100")
  func reads() throws {
    let plain = try #require(lesson(quizLesson("id: q\nkind: truefalse\nask: ?\nanswer: true")).0)
    #expect(plain.questions.first?.points == 1)
    for n in [1, 5, 100] {
      let (l, problems) = lesson(
        quizLesson("id: q\nkind: truefalse\nask: ?\nanswer: true\npoints: \(n)"))
      #expect(problems.filter(\.isError).isEmpty, "\(lines(problems))")
      #expect(l?.questions.first?.points == n)
    }
    let predict = try #require(
      lesson(
        quizLesson(
          "id: q\nkind: predict\nask: ?\ndemo: ids\ncheck: equals metric uid\npoints: 3")
      ).0)
    #expect(predict.questions.first?.points == 3)
  }

  @Test("points: 0, 101, 2.5 or a word is refused in one line naming what is allowed")
  func refuses() {
    for bad in ["0", "101", "2.5", "lots", "-1"] {
      let (l, problems) = lesson(
        quizLesson("id: q\nkind: truefalse\nask: ?\nanswer: true\npoints: \(bad)"))
      #expect(
        lines(problems.filter(\.isError)) == [
          "test.md:15:9: points must be a whole number from 1 to 100 (what the question is worth; default 1)"
        ], "\(bad)")
      #expect(l?.questions.isEmpty == true, "a question with an error is left out")
    }
  }
}

@Suite("quiz --key shows what each question is worth")
struct KeyPointsTests {
  @Test("the key's line for a question names its points, 1 point by default")
  func keyShowsPoints() throws {
    let text =
      front() + "\n## Step\n\nText.\n\n"
      + "```quiz\nid: a\nkind: truefalse\nask: ?\nanswer: true\npoints: 5\n```\n\n"
      + "```quiz\nid: b\nkind: truefalse\nask: ?\nanswer: false\n```\n"
    let l = try #require(lesson(text).0)
    let key = AnswersTemplate.key(
      l.questions.map { .init(lesson: l.id, question: $0) }, command: "proclab quiz sample --key")
    #expect(key.contains("# a (truefalse, 5 points): right: true"), "\(key)")
    #expect(key.contains("# b (truefalse, 1 point): right: false"), "\(key)")
  }
}
