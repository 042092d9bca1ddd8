import Testing

@testable import Lessons

/// A Korean library parses only what Korean needs at start: the English original of a
/// translated lesson is parsed when one of its words is first needed (an answer typed in
/// English), not before the prompt (issue 18's start-up budget).
@Suite("Lesson library: the English originals of translations parse lazily", .serialized)
struct LazyOriginalsTests {
  /// A quiz step with one choice question `q` and one order question `o`.
  static func quiz(_ a: String, _ b: String, items: String) -> String {
    "\n## S {#s}\n\n가\n\n```quiz\nid: q\nkind: choice\nask: ?\nchoices:\n  a) \(a)\n  b) \(b)\n"
      + "answer: b\n```\n\n```quiz\nid: o\nkind: order\nask: ?\nitems:\n\(items)answer: b, a\n```\n"
  }

  /// `lessons/01-x.md` (English, the given body) and `lessons/ko/01-x.md` (Korean).
  static func write(_ root: TempDirectory, english: String) -> (dir: String, english: String) {
    let dir = root.subdirectory("lessons")
    let file = root.write("01-x.md", english, in: dir)
    root.write(
      "01-x.md", front("x", title: "엑스") + quiz("하나", "둘", items: "  a) 포크\n  b) 실행\n"),
      in: root.subdirectory("lessons/ko"))
    root.write("02-y.md", front("y", title: "Why") + "## Y {#y}\nx\n", in: dir)
    return (dir, file)
  }

  @Test func aKoreanStartParsesOnlyTheTranslationAndTheUntranslated() throws {
    let root = TempDirectory("lazy-count")
    defer { root.remove() }
    let (dir, _) = Self.write(
      root, english: front("x") + Self.quiz("One", "Two", items: "  a) fork\n  b) exec\n"))
    let ko = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    #expect(ko.lessons.map(\.id) == ["x", "y"])
    #expect(ko.lesson(id: "x")?.title == "엑스")
    // ko/01-x.md and 02-y.md; 01-x.md waits until its words are needed.
    #expect(ko.parsedAtLoad == 2)
    let en = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .en)
    #expect(en.parsedAtLoad == 2)
    #expect(en.lesson(id: "x")?.title == "Sample")
  }

  @Test func anEnglishOriginalIsNotReadForItsProblemsAtAKoreanStart() throws {
    let root = TempDirectory("lazy-skip")
    defer { root.remove() }
    // The English original has no steps: an English start skips it; a Korean one never
    // parses it, so it is no news there (`proclab lint` still says so).
    let (dir, english) = Self.write(root, english: front("x"))
    let ko = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    #expect(ko.lessons.map(\.id) == ["x", "y"])
    #expect(ko.skipped.isEmpty, "\(ko.skipped)")
    let en = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .en)
    #expect(en.skipped.map(\.file) == [english])
  }

  @Test func theOriginalsWordsAreReadWhenAnAnswerFirstNeedsThem() throws {
    let root = TempDirectory("lazy-words")
    defer { root.remove() }
    let (dir, _) = Self.write(
      root, english: front("x") + Self.quiz("One", "Two", items: "  a) fork\n  b) exec\n"))
    let ko = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    // The English file changes after the start: the words that answer are the file's when an
    // answer first needs them, which shows it was not read before.
    root.write(
      "01-x.md", front("x") + Self.quiz("Un", "Deux", items: "  a) fourche\n  b) exé\n"), in: dir)
    let lesson = try #require(ko.lesson(id: "x"))
    let q = try #require(lesson.question(id: "q"))
    #expect(try AnswerParser.parse("Deux", for: q) == .choices([1]))
    #expect(try AnswerParser.parse("둘", for: q) == .choices([1]))
    #expect(throws: AnswerError.self) { try AnswerParser.parse("Two", for: q) }
    let o = try #require(lesson.question(id: "o"))
    #expect(try AnswerParser.parse("exé fourche", for: o) == .order([1, 0]))
    #expect(try AnswerParser.parse("실행 포크", for: o) == .order([1, 0]))
  }

  @Test func anOriginalWithAnotherIDIsStillALessonOfItsOwn() throws {
    let root = TempDirectory("lazy-other-id")
    defer { root.remove() }
    // ko/01-x.md translates `x`; 01-x.md is `z`: not its original, loaded at start as before.
    let (dir, _) = Self.write(
      root, english: front("z", title: "Zed") + Self.quiz("One", "Two", items: "  a) f\n  b) e\n"))
    let ko = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    #expect(ko.lessons.map(\.id).sorted() == ["x", "y", "z"])
    #expect(ko.lesson(id: "z")?.title == "Zed")
    let q = try #require(ko.lesson(id: "x")?.question(id: "q"))
    #expect(throws: AnswerError.self) { try AnswerParser.parse("Two", for: q) }
  }
}
