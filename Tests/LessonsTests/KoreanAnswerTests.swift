import Testing

@testable import Lessons

/// Answers typed in Korean, or by a Korean input method: true/false words, unit words,
/// decomposed syllables (NFD) and full-width forms (NFKC), choices by either language's text.
@Suite("Korean answers")
struct KoreanAnswerTests {
  /// `참` as conjoining jamo: ᄎ ᅡ ᆷ, what a decomposing input method sends.
  static let decomposedTrue = "\u{110E}\u{1161}\u{11B7}"
  /// `초` decomposed: ᄎ ᅩ.
  static let decomposedSecond = "\u{110E}\u{1169}"

  @Test(arguments: [
    ("참", true), ("거짓", false), ("예", true), ("아니오", false), ("네", true), ("아니요", false),
    ("맞다", true), ("틀리다", false), ("맞음", true), ("틀림", false), ("O", true), ("X", false),
    ("○", true), ("×", false), ("Ｏ", true), ("Ｘ", false), ("ｏ", true), (decomposedTrue, true),
    ("맞습니다", true), ("틀립니다", false), ("참.", true), ("  거짓 ", false),
  ])
  func truth(typed: String, value: Bool) {
    #expect(AnswerParser.truth(typed) == value)
  }

  @Test func decomposedSyllablesAreComposed() {
    #expect(AnswerNormalization.normalized(Self.decomposedTrue) == "참")
    #expect(Array(AnswerNormalization.normalized(Self.decomposedTrue).unicodeScalars) == ["참"])
    let text = "\u{110C}\u{1161}\u{1109}\u{1175}\u{11A8} \u{1111}\u{1173}\u{1105}\u{1169}"
    #expect(
      Array(AnswerNormalization.normalized(text).unicodeScalars) == Array("자식 프로".unicodeScalars))
    #expect(AnswerNormalization.normalized("４０００ｍｓ　") == "4000ms ")
    #expect(AnswerNormalization.normalized("3㎳") == "3ms")
  }

  @Test(
    arguments: [
      ("4초", "s", 4.0), ("4 초", "s", 4), ("4000밀리초", "s", 4), ("２마이크로초", "us", 2),
      ("1500 나노초", "us", 1.5), ("４초", "s", 4), ("4" + decomposedSecond, "s", 4), ("3㎳", "ms", 3),
      ("2킬로바이트", "b", 2000), ("2키비바이트", "b", 2048), ("1메가바이트", "kb", 1000),
      ("64 바이트", "b", 64), ("3개", "processes", 3), ("3 개", "processes", 3), ("5번", "tasks", 5),
      ("4개", nil, 4), ("7번", nil, 7), ("１２", nil, 12),
    ] as [(String, String?, Double)])
  func numbers(typed: String, unit: String?, value: Double) throws {
    #expect(try AnswerParser.number(typed, unit: unit) == value)
  }

  @Test func aCounterIsNoTime() {
    #expect(throws: AnswerError.self) { try AnswerParser.number("4개", unit: "s") }
  }

  @Test func predictionsReadKoreanUnits() throws {
    let q = Question(
      id: "p", kind: .predict, ask: "얼마나?", unit: "s",
      check: try CheckRule.parse("within ×1.25 of metric seconds"),
      location: SourceLocation(file: "x.md", line: 1))
    #expect(try AnswerParser.parsePrediction("４초", for: q) == .number(4))
    #expect(try AnswerParser.parsePrediction("2500밀리초", for: q) == .number(2.5))
  }

  @Test func textAnswersCompareAfterNormalisation() throws {
    let q = Question(
      id: "t", kind: .text, ask: "무엇?",
      answer: .text(accepted: ["ppid", "자식 프로세스"], pattern: "부모\\s*(pid|프로세스)"),
      location: SourceLocation(file: "x.md", line: 1))
    let decomposedChild = "\u{110C}\u{1161}\u{1109}\u{1175}\u{11A8}프로세스"
    #expect(q.isCorrect(try AnswerParser.parse(decomposedChild, for: q)))
    #expect(q.isCorrect(try AnswerParser.parse("ｐｐｉｄ", for: q)))
    // The pattern runs over scalars: a decomposed 부모 must be composed first.
    let decomposedParent = "\u{1107}\u{116E}\u{1106}\u{1169} pid"
    #expect(q.isCorrect(try AnswerParser.parse(decomposedParent, for: q)))
    #expect(!q.isCorrect(try AnswerParser.parse("프로세스", for: q)))
  }

  @Test func choicesByFullWidthLetterOrKoreanText() throws {
    let choices = [Choice(label: "a", text: "하나"), Choice(label: "b", text: "둘")]
    #expect(try AnswerParser.choices("ｂ", from: choices) == [1])
    #expect(try AnswerParser.choices("둘", from: choices) == [1])
    #expect(try AnswerParser.choices("\u{1103}\u{116E}\u{11AF}", from: choices) == [1])
  }

  @Test func aTranslatedQuestionTakesTheEnglishChoiceTextToo() throws {
    let root = TempDirectory("ko-choices")
    defer { root.remove() }
    let dir = root.subdirectory("lessons")
    let quiz = { (a: String, b: String, items: String) in
      "\n## S {#s}\n\n가\n\n```quiz\nid: q\nkind: choice\nask: ?\nchoices:\n  a) \(a)\n  b) \(b)\n"
        + "answer: b\n```\n\n```quiz\nid: o\nkind: order\nask: ?\nitems:\n\(items)answer: b, a\n```\n"
    }
    root.write(
      "01-x.md", front("x") + quiz("One", "Two", "  a) fork\n  b) exec\n"), in: dir)
    root.write(
      "01-x.md", front("x", title: "엑스") + quiz("하나", "둘", "  a) 포크\n  b) 실행\n"),
      in: root.subdirectory("lessons/ko"))
    let library = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    let lesson = try #require(library.lesson(id: "x"))
    let q = try #require(lesson.question(id: "q"))
    #expect(q.choices.map(\.text) == ["하나", "둘"])
    #expect(try AnswerParser.parse("Two", for: q) == .choices([1]))
    #expect(try AnswerParser.parse("둘", for: q) == .choices([1]))
    let o = try #require(lesson.question(id: "o"))
    #expect(try AnswerParser.parse("exec fork", for: o) == .order([1, 0]))
    #expect(try AnswerParser.parse("실행 포크", for: o) == .order([1, 0]))
  }
}
