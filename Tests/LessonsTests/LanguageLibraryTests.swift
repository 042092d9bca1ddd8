import Testing

@testable import Lessons

@Suite("Lesson library by language", .serialized)
struct LanguageLibraryTests {
  /// A built-in directory with two English lessons and a Korean version of the first.
  static func builtIn(_ root: TempDirectory) -> (dir: String, korean: String, english: String) {
    let dir = root.subdirectory("builtin")
    let ko = root.subdirectory("builtin/ko")
    let english = root.write(
      "01-processes.md", front("processes", title: "Processes") + "## A {#a}\nx\n", in: dir)
    root.write(
      "02-threads.md",
      front("threads", title: "Threads", extra: "requires: [processes]\n") + "## T {#t}\nx\n",
      in: dir)
    let korean = root.write(
      "01-processes.md", front("processes", title: "프로세스") + "## 가 {#a}\n나\n", in: ko)
    return (dir, korean, english)
  }

  @Test func koreanTakesTheTranslationAndEnglishTheRest() throws {
    let root = TempDirectory("lang-ko")
    defer { root.remove() }
    let (dir, korean, _) = Self.builtIn(root)
    let library = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    #expect(library.lessons.map(\.id) == ["processes", "threads"])
    #expect(library.lesson(id: "processes")?.title == "프로세스")
    #expect(library.lesson(id: "processes")?.file == korean)
    #expect(library.lesson(id: "threads")?.title == "Threads")
    #expect(library.skipped.isEmpty, "\(library.skipped)")
    #expect(library.problems.isEmpty, "\(library.problems)")
    let marked = library.lessons.filter(library.isOnlyInEnglish).map(\.id)
    #expect(marked == ["threads"])
    #expect(library.lessons.map(library.listedTitle) == ["프로세스", "Threads [EN]"])
    #expect(library.englishOnlyNote?.hasPrefix("[EN] 표시가 있는 강의는 아직 영어로만") == true)
  }

  @Test func englishNeverReadsTheTranslations() throws {
    let root = TempDirectory("lang-en")
    defer { root.remove() }
    let (dir, _, english) = Self.builtIn(root)
    let library = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .en)
    #expect(library.lessons.map(\.id) == ["processes", "threads"])
    #expect(library.lesson(id: "processes")?.file == english)
    #expect(library.skipped.isEmpty && library.problems.isEmpty)
    #expect(library.lessons.filter(library.isOnlyInEnglish).isEmpty)
    #expect(library.lessons.map(library.listedTitle) == ["Processes", "Threads"])
    #expect(library.englishOnlyNote == nil)
  }

  @Test func aTeachersDirectoryStillWinsAndABrokenTranslationFallsBack() throws {
    let root = TempDirectory("lang-teacher")
    defer { root.remove() }
    let (dir, _, english) = Self.builtIn(root)
    let teacher = root.subdirectory("teacher")
    let mine = root.write(
      "01-processes.md", front("processes", title: "Mine") + "## M\nx\n", in: teacher)
    let library = LessonLibrary.load(
      directories: [teacher, dir], demos: FakeDemos.all, language: .ko)
    #expect(library.lesson(id: "processes")?.file == mine)
    #expect(library.lessons.filter(library.isOnlyInEnglish).map(\.id) == ["processes", "threads"])

    // A translation that does not load leaves the English lesson in its place.
    let broken = root.write("02-threads.md", "---\nid: threads\n", in: dir + "/ko")
    let fallback = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    #expect(fallback.lesson(id: "threads")?.title == "Threads")
    #expect(fallback.skipped.map(\.file) == [broken])
    #expect(fallback.lesson(id: "processes")?.file != english)
  }

  @Test func twoTranslationsWithOneIDAreADuplicate() throws {
    let root = TempDirectory("lang-dup")
    defer { root.remove() }
    let (dir, korean, _) = Self.builtIn(root)
    let twin = root.write(
      "09-twin.md", front("processes", title: "쌍둥이") + "## 가 {#a}\n나\n", in: dir + "/ko")
    let library = LessonLibrary.load(directories: [dir], demos: FakeDemos.all, language: .ko)
    #expect(library.lesson(id: "processes")?.file == korean)
    #expect(
      library.skipped.map(\.description) == [
        "\(twin): lesson id 'processes' is already used by \(korean)"
      ])
  }
}
