import BuiltinLessons
import Demos
import Glibc
import OSKit
import Testing

@testable import Lessons

/// The lessons the executable carries (Sources/CBuiltinLessons, listed by its generate.sh):
/// exactly the files of lessons/, read like a folder, overridden by any folder.
@Suite("Built-in lessons", .serialized)
struct BuiltinLessonsTests {
  /// This tree's lessons/ folder.
  static let folder: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/LessonsTests/BuiltinLessonsTests.swift
    return parts.joined(separator: "/") + "/lessons"
  }()

  /// Every file under `directory` as generate.sh lists them (regular files, not hidden, not
  /// in __pycache__), by path relative to it.
  static func filesOnDisk(_ directory: String, prefix: String = "") -> [String] {
    var found: [String] = []
    for name in FileIO.entries(in: directory) ?? [] where !name.hasPrefix(".") {
      let path = directory + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFDIR, name != "__pycache__" {
        found += filesOnDisk(path, prefix: prefix + name + "/")
      } else if (info.st_mode & S_IFMT) == S_IFREG {
        found.append(prefix + name)
      }
    }
    return found
  }

  @Test("the binary carries every file of lessons/, byte for byte (run make, or generate.sh)")
  func carriesLessonsFolder() throws {
    let onDisk = Self.filesOnDisk(Self.folder).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    #expect(onDisk.contains("python/sources.json"))
    let stale =
      "the carried lessons differ from lessons/: run make (or bash Sources/CBuiltinLessons/generate.sh) and build again"
    #expect(BuiltinLessons.paths == onDisk, "\(stale)")
    for file in onDisk {
      let bytes = try LessonFiles.read(Self.folder + "/" + file)
      #expect(
        BuiltinLessons.contents(BuiltinLessons.root + "/" + file) == bytes, "\(file): \(stale)")
    }
  }

  @Test("the carried tree reads as a folder: entries, subfolders, missing files")
  func readsAsFolder() throws {
    let root = BuiltinLessons.root
    #expect(LessonFiles.isDirectory(root))
    #expect(LessonFiles.isDirectory(root + "/python/"))
    #expect(!LessonFiles.isDirectory(root + "/01-processes.md"))
    let top = try LessonFiles.entries(root)
    #expect(top.contains("python") && top.contains("01-processes.md"))
    #expect(try LessonFiles.entries(root + "/python").contains("gil-tutorial"))
    #expect(throws: LessonFiles.Failure.self) { try LessonFiles.read(root + "/no-such.md") }
    #expect(throws: LessonFiles.Failure.self) { try LessonFiles.entries(root + "/no-such") }
    #expect(!LessonFiles.exists(root + "/no-such.md"))
    #expect(LessonFiles.exists(root + "/python/sources.json"))
    #expect(BuiltinLessons.relative(root + "//python/./sources.json") == "python/sources.json")
    #expect(BuiltinLessons.relative("/tmp/" + root) == nil)
  }

  @Test("with no folder the carried lessons are the library, with no problem, same hashes")
  func carriedLessonsAlone() throws {
    let demos = DemoCatalog.declarations
    let folder = LessonLibrary.load(directories: [Self.folder], demos: demos)
    let carried = LessonLibrary.load(directories: [BuiltinLessons.root], demos: demos)
    #expect(!folder.lessons.isEmpty)
    #expect(carried.lessons.map(\.id) == folder.lessons.map(\.id))
    #expect(carried.lessons.map(\.title) == folder.lessons.map(\.title))
    #expect(carried.problems.map(\.message) == folder.problems.map(\.message))
    #expect(carried.skipped.isEmpty)
    #expect(carried.directories == [BuiltinLessons.root])
    for (a, b) in zip(carried.lessons, folder.lessons) {
      #expect(a.file.hasPrefix(BuiltinLessons.root + "/"))
      #expect(LessonLibrary.fileBytes(a) != nil)
      #expect(LessonLibrary.fileBytes(a) == LessonLibrary.fileBytes(b), "\(a.file)")
    }
  }

  @Test("a folder overrides a carried lesson by id, and says nothing about it")
  func folderOverridesCarried() throws {
    let dir = TempDirectory("override")
    defer { dir.remove() }
    dir.write(
      "01-processes.md",
      "---\nid: processes\ntitle: The teacher's processes\n---\n\n## Start\n\nMine.\n", in: dir.path
    )
    let demos = DemoCatalog.declarations
    let carried = LessonLibrary.load(directories: [BuiltinLessons.root], demos: demos)
    let both = LessonLibrary.load(directories: [dir.path, BuiltinLessons.root], demos: demos)
    #expect(both.lessons.count == carried.lessons.count)
    #expect(both.lesson(id: "processes")?.title == "The teacher's processes")
    #expect(both.lesson(id: "processes")?.file == dir.path + "/01-processes.md")
    #expect(both.lesson(id: "threads")?.file == BuiltinLessons.root + "/02-threads.md")
    #expect(!both.problems.contains { $0.message.contains("overridden") }, "\(both.problems)")
    // Between two folders the override is still a note, as before.
    let folders = LessonLibrary.load(directories: [dir.path, Self.folder], demos: demos)
    #expect(folders.problems.contains { $0.message.contains("overridden by") })
  }

  @Test("the tutorial manifest and its Python programs come from the carried copy")
  func carriedManifest() throws {
    guard case .success(let manifest)? = TutorialManifest.find(in: [BuiltinLessons.root]) else {
      Issue.record("no manifest in the carried lessons")
      return
    }
    let examples = manifest.tutorials.flatMap(\.examples)
    #expect(!examples.isEmpty)
    for example in examples {
      #expect(manifest.isBuiltIn(example))
      let onDisk = try LessonFiles.read(Self.folder + "/python/" + example.file)
      #expect(manifest.programText(of: example) == String(decoding: onDisk, as: UTF8.self))
    }
  }

  @Test("an in-memory copy of a carried program opens by /proc path and holds its bytes")
  func memoryFile() throws {
    let path = BuiltinLessons.root + "/python/gil-tutorial/countdown.py"
    let fd = try #require(BuiltinLessons.memoryFile(path))
    defer { close(fd) }
    let bytes = try LessonFiles.read("/proc/\(getpid())/fd/\(fd)")
    #expect(bytes == BuiltinLessons.contents(path))
    #expect(BuiltinLessons.memoryFile(BuiltinLessons.root + "/python/none.py") == nil)
  }
}
