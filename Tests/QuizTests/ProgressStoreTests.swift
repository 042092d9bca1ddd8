import CProcLab
import FoundationEssentials
import Glibc
import OSKit
import Quiz
import Testing

/// A fresh directory under /tmp for one test.
func freshDirectory() -> String {
  var template = Array("/tmp/proclab-progress-XXXXXX".utf8CString)
  return template.withUnsafeMutableBufferPointer { buffer in
    mkdtemp(buffer.baseAddress!).map { String(cString: $0) } ?? "/tmp/proclab-progress-failed"
  }
}

func removeTree(_ path: String) {
  _ = system("rm -rf '\(path)'")
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  try? FileIO.writeAll(fd, bytes)
  close(fd)
}

func temporaryFiles(in dir: String) -> [String] {
  names(in: dir).filter { $0.hasPrefix("progress.json.tmp-") }
}

func corruptCopies(in dir: String) -> [String] {
  names(in: dir).filter { $0.hasPrefix("progress.json.corrupt-") }
}

func names(in dir: String) -> [String] {
  guard let d = opendir(dir) else { return [] }
  defer { closedir(d) }
  var out: [String] = []
  while let e = readdir(d) {
    let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
      String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
    out.append(name)
  }
  return out
}

@Suite("Progress is never lost or corrupted", .serialized)
struct ProgressStoreTests {
  @Test("a round trip keeps everything")
  func roundTrip() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    let store = ProgressStore(directory: dir)
    #expect(store.notices.isEmpty)
    #expect(
      store.update { p in
        p.lessons["processes"] = LessonProgress(
          step: "ids", stepIndex: 2, finished: false, updated: 1)
        var q = QuestionProgress()
        q.record(correctFirstTry: true, at: 5)
        p.questions["processes/q1"] = q
        p.quizzes.append(QuizScore(lesson: "processes", score: 4, total: 5, date: 6, seconds: 30))
      } == nil)
    let again = ProgressStore(directory: dir)
    #expect(again.progress == store.progress)
    #expect(again.progress.lessons["processes"]?.stepIndex == 2)
    #expect(again.progress.questions["processes/q1"]?.box == 2)
  }

  @Test(
    "a broken file is kept aside, the student is told, and a fresh one starts",
    arguments: [
      ("truncated", Array("{\"version\":1,\"lessons\":{\"pro".utf8)),
      ("empty", []),
      ("random", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
    ])
  func brokenFile(kind: String, bytes: [UInt8]) throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    writeFile(dir + "/progress.json", bytes)
    let store = ProgressStore(directory: dir)
    #expect(store.progress == Progress(), "\(kind)")
    #expect(store.notices.count == 1, "\(kind)")
    #expect(store.notices.first?.contains("corrupt-") == true, "\(kind)")
    #expect(corruptCopies(in: dir).count == 1, "the broken file must be kept (\(kind))")
    #expect(store.update { $0.quizzes = [] } == nil)
    #expect(ProgressStore(directory: dir).notices.isEmpty, "the new file must be readable")
  }

  @Test("a 100 MB file is not read into memory; it is left untouched and said so")
  func oversized() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    let fd = open(dir + "/progress.json", O_WRONLY | O_CREAT, 0o600)
    ftruncate(fd, 100 << 20)
    close(fd)
    let store = ProgressStore(directory: dir)
    #expect(store.notices.count == 1)
    #expect(store.notices.first?.contains("100 MiB") == true, "\(store.notices)")
    #expect(!store.persistent, "saving would replace a file that was never read")
    #expect(store.update { $0.quizzes = [] } == nil)
    #expect(corruptCopies(in: dir).isEmpty, "the file was moved")
    var st = stat()
    #expect(stat(dir + "/progress.json", &st) == 0 && st.st_size == 100 << 20, "it was changed")
  }

  @Test("a valid progress file over 4 MiB is read, never set aside; saving compacts it")
  func largeValidFile() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    var big = Progress()
    for i in 0..<40_000 {
      big.quizzes.append(
        QuizScore(lesson: "lesson\(i % 4)", score: i % 5, total: 5, date: Double(i), seconds: 30))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let bytes = Array(try encoder.encode(big))
    #expect(bytes.count > 4 << 20)
    writeFile(dir + "/progress.json", bytes)
    let store = ProgressStore(directory: dir)
    #expect(store.notices.isEmpty, "\(store.notices)")
    #expect(store.progress.quizzes.count == 40_000)
    #expect(corruptCopies(in: dir).isEmpty)
    #expect(
      store.update {
        $0.lessons["x"] = LessonProgress(step: "a", stepIndex: 0, finished: false, updated: 1)
      } == nil)
    var st = stat()
    #expect(stat(dir + "/progress.json", &st) == 0 && st.st_size < 1 << 20, "not compacted")
    let again = ProgressStore(directory: dir)
    #expect(again.notices.isEmpty)
    #expect(again.progress.lessons["x"] != nil)
    #expect(again.progress.quizzes.last?.date == 39_999, "the latest quiz was dropped")
  }

  @Test("a hundred quizzes of one lesson: the last 20 are kept, the oldest compacted away")
  func quizzesBounded() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    let store = ProgressStore(directory: dir)
    for i in 0..<100 {
      store.update {
        $0.quizzes.append(
          QuizScore(lesson: "pipes", score: i % 6, total: 5, date: Double(i), seconds: 1))
      }
    }
    let again = ProgressStore(directory: dir)
    let kept = again.progress.quizzes.filter { $0.lesson == "pipes" }
    #expect(kept.count == 20)
    #expect(kept.map(\.date) == (80..<100).map(Double.init), "not the latest ones, in order")
  }

  @Test("a link planted where the temporary file would go: its target is left untouched")
  func plantedTemporary() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    let victim = dir + "/victim"
    writeFile(victim, Array("precious".utf8))
    symlink(victim, dir + "/progress.json.tmp-\(getpid())")
    let store = ProgressStore(directory: dir)
    #expect(store.update { $0.quizzes = [] } == nil)
    #expect(FileIO.readFile(victim) == Array("precious".utf8), "written through the link")
    var st = stat()
    #expect(lstat(dir + "/progress.json", &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG)
  }

  @Test("absurd counters in a valid file: recording an answer does not trap")
  func absurdCounters() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    let max = Int.max
    writeFile(
      dir + "/progress.json",
      Array(
        """
        {"lessons":{},"questions":{"a/q":{"attempts":\(max),"box":\(max),"correctFirstTry":\(max),\
        "lastAsked":1e19,"lastCorrect":true}},"quizzes":[],"version":1}
        """.utf8))
    let store = ProgressStore(directory: dir)
    #expect(store.notices.isEmpty, "\(store.notices)")
    store.update { $0.questions["a/q"]?.record(correctFirstTry: true, at: 2) }
    let q = try #require(ProgressStore(directory: dir).progress.questions["a/q"])
    #expect((1...Leitner.boxes).contains(q.box))
    #expect(q.correctFirstTry <= q.attempts)
  }

  @Test("a directory in the file's place: progress kept in memory, and said so")
  func directoryInPlace() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    mkdir(dir + "/progress.json", 0o700)
    let store = ProgressStore(directory: dir)
    #expect(!store.persistent)
    #expect(store.notices.first?.contains("is a directory") == true)
    #expect(store.update { $0.quizzes = [] } == nil)
  }

  @Test("an unwritable directory: progress kept in memory, and said so")
  func unwritable() {
    let store = ProgressStore(directory: "/proc/self")
    #expect(!store.persistent)
    #expect(store.notices.first?.contains("cannot write") == true)
  }

  @Test("killed at any instant while saving, the file always reads back", .timeLimit(.minutes(1)))
  func killedWhileSaving() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    var env = ProcessEnvironment.current.filter { !$0.hasPrefix("XDG_STATE_HOME=") }
    env.append("XDG_STATE_HOME=\(dir)")
    mkdir(dir + "/proclab", 0o700)
    var kills = 0
    for round in 0..<30 {
      let child = try ChildProcess.spawn(
        ProgressTestBinary.path, arguments: ["proclab", "progress", "--test-write-loop"],
        environment: env)
      usleep(UInt32(2_000 + (round * 7_919) % 40_000))
      child.signal(SIGKILL, group: false)
      try child.wait()
      kills += 1
      let store = ProgressStore(directory: dir + "/proclab")
      #expect(store.notices.isEmpty, "after kill \(round): \(store.notices)")
    }
    #expect(kills == 30)
    let leftovers = corruptCopies(in: dir + "/proclab")
    #expect(leftovers.isEmpty, "a kill left a broken file: \(leftovers)")
    _ = ProgressStore(directory: dir + "/proclab")
    #expect(temporaryFiles(in: dir + "/proclab").isEmpty, "temporary files of killed writers stay")
  }
}

@Suite("Two writers at once", .serialized)
struct ConcurrentWriterTests {
  @Test("two processes saving as fast as they can: a readable file with both one's lessons")
  func twoWritersKeepEachOther() throws {
    let dir = "/tmp/proclab-twowriters-\(getpid())"
    mkdir(dir, 0o700)
    defer { _ = try? ChildProcess.spawn("/bin/rm", arguments: ["rm", "-rf", dir]).wait() }
    var env = ProcessEnvironment.current.filter { !$0.hasPrefix("XDG_STATE_HOME=") }
    env.append("XDG_STATE_HOME=\(dir)")
    mkdir(dir + "/proclab", 0o700)
    let writers = try (0..<2).map { _ in
      try ChildProcess.spawn(
        ProgressTestBinary.path, arguments: ["proclab", "progress", "--test-write-loop"],
        environment: env)
    }
    // Each must have saved many times while the other did too (their keys name their pids).
    var store = ProgressStore(directory: dir + "/proclab")
    for _ in 0..<100 {  // up to 10 s
      usleep(100_000)
      store = ProgressStore(directory: dir + "/proclab")
      let keys = Set(store.progress.lessons.keys)
      if writers.allSatisfy({ keys.contains("stress-\($0.pid)") }) { break }
    }
    usleep(300_000)
    for w in writers { w.signal(SIGKILL, group: false) }
    for w in writers { try w.wait() }
    store = ProgressStore(directory: dir + "/proclab")
    #expect(store.notices.isEmpty, "\(store.notices)")
    let keys = Set(store.progress.lessons.keys)
    for w in writers {
      #expect(keys.contains("stress-\(w.pid)"), "writer \(w.pid)'s lesson was lost: \(keys)")
    }
    #expect(corruptCopies(in: dir + "/proclab").isEmpty)
  }
}

enum ProgressTestBinary {
  static let path: String = {
    if let env = ProcessEnvironment.value("PROCLAB_BIN") { return env }
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/.build/debug/proclab"
  }()
}
