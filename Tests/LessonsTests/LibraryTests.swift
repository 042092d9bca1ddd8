import DemoContract
import Testing

@testable import Lessons

@Suite("Lesson library", .serialized)
struct LibraryTests {
  @Test func precedenceShadowingAndSkippedFiles() throws {
    let root = TempDirectory("library")
    defer { root.remove() }
    let teacher = root.subdirectory("teacher")
    let builtin = root.subdirectory("builtin")
    root.write(
      "01-processes.md", front("processes", title: "Mine") + "## Mine\ntext\n", in: teacher)
    root.write(
      "50-extra.md", front("extra", title: "Extra", extra: "requires: [threads]\n") + "## X\ny\n",
      in: teacher)
    let shadowed = root.write(
      "01-processes.md", front("processes", title: "Built-in") + "## A\nx\n", in: builtin)
    root.write(
      "02-threads.md",
      front("threads", title: "Threads", extra: "requires: [processes]\n") + "## T\nx\n",
      in: builtin)
    let broken = root.write("03-broken.md", "---\nid: broken\ntitle: no end\n", in: builtin)
    let empty = root.write("04-empty.md", front("empty", title: "Empty"), in: builtin)
    let junk = root.write("05-junk.md", bytes: [0xFF, 0xFE, 0x00, 0x41, 0xC3], in: builtin)
    let twin = root.write("06-twin.md", front("threads", title: "Twin") + "## T\nx\n", in: builtin)
    root.write("README.md", "not a lesson", in: builtin)

    let library = LessonLibrary.load(
      directories: [teacher, root.path + "/missing", builtin, builtin + "/"], demos: FakeDemos.all)
    #expect(library.directories == [teacher, builtin])
    #expect(library.lessons.map(\.id) == ["processes", "threads", "extra"])
    #expect(library.lessons.map(\.number) == [1, 2, 3])
    #expect(library.lesson(id: "processes")?.title == "Mine")
    #expect(library.lesson(number: 2)?.id == "threads")
    #expect(library.lesson("3")?.id == "extra")
    #expect(library.lesson("Threads")?.id == "threads")
    #expect(library.lesson("0") == nil)
    #expect(library.lesson("nope") == nil)
    #expect(
      library.skipped.map(\.description) == [
        "\(broken): line 1: front matter not closed: no '---' line after line 1",
        "\(empty): no steps: a step begins with a '## Heading' line",
        "\(junk): line 1: missing front matter: a lesson file starts with a '---' line, then id: and title:",
        "\(twin): lesson id 'threads' is already used by \(builtin)/02-threads.md",
      ])
    #expect(
      library.problems.map(\.description).contains(
        "\(shadowed):2:5: note: lesson 'processes' is overridden by \(teacher)/01-processes.md"))
  }

  @Test func learningPathFollowsRequires() throws {
    let root = TempDirectory("path")
    defer { root.remove() }
    // File names alone would give c, a, b; requires put b after c and a after b.
    root.write("1-c.md", front("c") + "## S\nx\n")
    root.write("2-a.md", front("a", extra: "requires: [b]\n") + "## S\nx\n")
    root.write("3-b.md", front("b", extra: "requires: [c]\n") + "## S\nx\n")
    root.write("4-d.md", front("d", extra: "order: 0\n") + "## S\nx\n")
    root.write("x-e.md", front("e") + "## S\nx\n")
    let library = LessonLibrary.load(directories: [root.path], demos: FakeDemos.all)
    #expect(library.lessons.map(\.id) == ["d", "c", "b", "a", "e"])
    #expect(library.problems.isEmpty, "\(lines(library.problems))")
    #expect(library.skipped.isEmpty)
  }

  @Test func cyclesStillLoadEveryLesson() {
    let root = TempDirectory("cycle")
    defer { root.remove() }
    root.write("1-a.md", front("a", extra: "requires: [b]\n") + "## S\nx\n")
    root.write("2-b.md", front("b", extra: "requires: [a]\n") + "## S\nx\n")
    let library = LessonLibrary.load(directories: [root.path], demos: FakeDemos.all)
    #expect(library.lessons.map(\.id) == ["a", "b"])
    #expect(library.problems.map(\.message) == ["requires cycle: a → b → a"])
  }

  @Test func unreadableDirectoryIsReported() {
    let root = TempDirectory("notdir")
    defer { root.remove() }
    let file = root.write("plain.md", "x")
    let library = LessonLibrary.load(directories: [file], demos: FakeDemos.all)
    #expect(
      library.skipped.map(\.description) == ["\(file): cannot read directory: Not a directory"])
  }

  @Test func libraryFromParsedLessons() throws {
    let a = try #require(lesson(front("a", extra: "requires: [b]\n") + "## S\nx\n", file: "1.md").0)
    let b = try #require(lesson(front("b") + "## S\nx\n", file: "2.md").0)
    let library = LessonLibrary(lessons: [a, b])
    #expect(library.ids == ["b", "a"])
    #expect(library.lesson(number: 1)?.number == 1)
  }
}
