import DemoContract
import Demos
import Glibc

@testable import Lessons

/// Demos for the linter's tests, independent of what the real catalog holds.
enum FakeDemos {
  static let all: [DemoDeclaration] = [
    DemoDeclaration(name: "ids", summary: "ids", lesson: "processes"),
    DemoDeclaration(
      name: "shm-race", summary: "race", lesson: "shared-memory",
      parameters: [
        ParameterSpec("processes", .integer(min: 1, max: 8), default: "2", help: "processes"),
        ParameterSpec(
          "increments", .integer(min: 1, max: 100_000_000), default: "1000", help: "adds"),
        ParameterSpec(
          "sync", .list(["none", "semaphore", "atomic", "local"]), default: "none", help: "sync"),
      ]
    ),
  ]
}

/// A fresh directory under /tmp, removed with everything in it by `remove()`.
struct TempDirectory {
  let path: String

  init(_ label: String) {
    var template = Array("/tmp/proclab-lessons-\(label)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
      return String(cString: base)
    }
    path = made ?? "/tmp/proclab-lessons-\(label)-\(getpid())"
    if made == nil { _ = mkdir(path, 0o700) }
  }

  func subdirectory(_ name: String) -> String {
    let sub = path + "/" + name
    _ = mkdir(sub, 0o700)
    return sub
  }

  @discardableResult
  func write(_ name: String, _ text: String, in directory: String? = nil) -> String {
    write(name, bytes: Array(text.utf8), in: directory)
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8], in directory: String? = nil) -> String {
    let file = (directory ?? path) + "/" + name
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(file)")
    _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
    return file
  }

  func remove() { removeTree(path) }

  private func removeTree(_ path: String) {
    if let dir = opendir(path) {
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name == "." || name == ".." { continue }
        let child = path + "/" + name
        var info = stat()
        if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
          removeTree(child)
        } else {
          unlink(child)
        }
      }
      closedir(dir)
    }
    rmdir(path)
  }
}

/// A lesson from text, failing loudly if it does not parse.
func lesson(_ text: String, file: String = "test.md") -> (Lesson?, [LessonProblem]) {
  LessonParser.parse(text: text, file: file)
}

/// The problems' one-line descriptions.
func lines(_ problems: [LessonProblem]) -> [String] { problems.map(\.description) }

/// A minimal valid front matter.
func front(_ id: String = "sample", title: String = "Sample", extra: String = "") -> String {
  "---\nid: \(id)\ntitle: \(title)\n\(extra)---\n"
}

/// A one-question lesson around a quiz block body.
func quizLesson(_ body: String) -> String {
  front() + "\n## Step\n\nText.\n\n```quiz\n" + body + "\n```\n"
}
