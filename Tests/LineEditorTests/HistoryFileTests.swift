import Glibc
import LineEditor
import OSKit
import Testing

/// A fresh directory for one test, mode 0700.
private func scratch() -> String {
  var template = Array("/tmp/proclab-history-XXXXXX".utf8CString)
  return template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map {
    String(cString: $0)
  } ?? "/tmp/proclab-history-failed"
}

private func put(_ path: String, _ text: String) {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
  try? FileIO.writeAll(fd, text)
  FileIO.closeQuietly(fd)
}

@Suite("History file: libedit's format, bounded, merged", .serialized)
struct HistoryFileTests {
  @Test("entries with blanks, backslashes, tabs and non-ASCII text come back as they were")
  func roundTrip() {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    let entries = ["run ids", #"say \n is not a newline"#, "tab\there", "open «pipes» ✓", "x"]
    let writer = HistoryFile(path: dir + "/history")
    #expect(writer.load().isEmpty)
    for e in entries { writer.add(e) }
    #expect(HistoryFile(path: dir + "/history").load() == entries)
    let text = FileIO.readText(dir + "/history") ?? ""
    #expect(text.hasPrefix("_HiStOrY_V2_\n"))
    #expect(text.split(separator: "\n").count == entries.count + 1, "one entry per line: \(text)")
  }

  @Test("a file libedit wrote (strvis escapes) loads as libedit would have loaded it")
  func libeditFormat() {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    put(dir + "/history", "_HiStOrY_V2_\nrun\\040ids\\040runs=5\na\\\\b\nctl\\^A\\M-a\n")
    let loaded = HistoryFile(path: dir + "/history").load()
    #expect(loaded.prefix(2) == ["run ids runs=5", "a\\b"])
    #expect(loaded.last.map { Array($0.utf8.prefix(4)) } == Array("ctl\u{01}".utf8))
  }

  @Test("two sessions saving in turn keep each other's entries, in the order they were added")
  func twoSessions() {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    let a = HistoryFile(path: dir + "/history")
    let b = HistoryFile(path: dir + "/history")
    _ = a.load()
    _ = b.load()
    a.add("lessons")
    b.add("demos")
    a.add("quit")
    b.save()
    a.save()
    #expect(HistoryFile(path: dir + "/history").load() == ["lessons", "demos", "quit"])
  }

  @Test("bounded: the last 1000 entries, none longer than 4 KiB, the cut tail of a huge file")
  func bounded() {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    let many = (0..<1500).map { "cmd\($0)" }
    put(dir + "/history", "_HiStOrY_V2_\n" + many.joined(separator: "\n") + "\n")
    let h = HistoryFile(path: dir + "/history")
    let loaded = h.load()
    #expect(loaded.count == HistoryFile.maximumEntries)
    #expect(loaded.last == "cmd1499")
    h.add(String(repeating: "y", count: HistoryFile.maximumEntryLength + 1))
    h.add("last")
    let again = HistoryFile(path: dir + "/history").load()
    #expect(again.count == HistoryFile.maximumEntries && again.last == "last")
    // A 3 MiB file with no newline but at the end: only its last MiB is read.
    put(dir + "/history", String(repeating: "z", count: 3 << 20) + "\nshort\n")
    #expect(HistoryFile(path: dir + "/history").load() == ["short"])
  }

  @Test("a FIFO or a link in the history file's place is left alone and said in one line")
  func refused() {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    #expect(mkfifo(dir + "/history", 0o600) == 0)
    let h = HistoryFile(path: dir + "/history")
    #expect(h.load().isEmpty)
    #expect(h.notices.count == 1 && h.notices.first?.contains("FIFO") == true, "\(h.notices)")
    h.add("lessons")
    var st = stat()
    #expect(lstat(dir + "/history", &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
  }
}
