import Glibc
import OSKit
import Testing

/// A fresh directory for one test, mode 0700.
private func scratch() -> String {
  var template = Array("/tmp/proclab-statefiles-XXXXXX".utf8CString)
  return template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map {
    String(cString: $0)
  } ?? "/tmp/proclab-statefiles-failed"
}

private func put(_ path: String, _ text: String) {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
  try? FileIO.writeAll(fd, text)
  FileIO.closeQuietly(fd)
}

@Suite("State file primitives: openRegular, readRegular, writeAtomically", .serialized)
struct StateFilesTests {
  @Test("a symbolic link is refused, and O_TRUNC never reaches its target")
  func symlinkRefused() throws {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    put(dir + "/target", "precious")
    symlink(dir + "/target", dir + "/link")
    #expect(throws: FileRefusal(dir + "/link", .symbolicLink)) {
      try FileIO.openRegular(dir + "/link", O_WRONLY | O_CREAT | O_TRUNC)
    }
    #expect(FileIO.readText(dir + "/target") == "precious")
    // Lesson files may be links: followed when asked.
    #expect(
      try FileIO.readRegular(dir + "/link", limit: 100, followLinks: true) == Array("precious".utf8)
    )
  }

  @Test("a FIFO is refused at once, for reading and for writing, with no reader or writer")
  func fifoRefused() throws {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    #expect(mkfifo(dir + "/fifo", 0o600) == 0)
    for flags in [O_RDONLY, O_WRONLY | O_CREAT | O_TRUNC, O_RDWR] {
      #expect(throws: FileRefusal(dir + "/fifo", .notRegular("a FIFO"))) {
        try FileIO.openRegular(dir + "/fifo", flags)
      }
    }
  }

  @Test("another user's file is refused unless anyone may own it", .enabled(if: getuid() == 0))
  func foreignOwner() throws {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    put(dir + "/theirs", "x")
    chown(dir + "/theirs", 65534, 65534)
    #expect(throws: FileRefusal(dir + "/theirs", .foreignOwner(65534))) {
      try FileIO.openRegular(dir + "/theirs")
    }
    let fd = try FileIO.openRegular(dir + "/theirs", owner: .anyone)
    FileIO.closeQuietly(fd)
  }

  @Test("the descriptor is blocking again, and O_TRUNC applies after the checks")
  func blockingAndTruncated() throws {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    put(dir + "/file", "old content")
    let fd = try FileIO.openRegular(dir + "/file", O_WRONLY | O_TRUNC)
    defer { FileIO.closeQuietly(fd) }
    #expect(fcntl(fd, F_GETFL) & O_NONBLOCK == 0)
    #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
    var st = stat()
    #expect(fstat(fd, &st) == 0 && st.st_size == 0)
  }

  @Test("readRegular refuses a file over its bound without reading it; readBounded reads a pipe")
  func bounds() throws {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    put(dir + "/small", "12345")
    #expect(try FileIO.readRegular(dir + "/small", limit: 5) == Array("12345".utf8))
    #expect(throws: FileRefusal(dir + "/small", .tooLarge(size: 5, limit: 4))) {
      try FileIO.readRegular(dir + "/small", limit: 4)
    }
    #expect(throws: FileRefusal(dir + "/small", .tooLarge(size: 5, limit: 4))) {
      try FileIO.readBounded(dir + "/small", limit: 4)
    }
    let pipe = try PipeEnds()
    try FileIO.writeAll(pipe.write, "from a pipe")
    FileIO.closeQuietly(pipe.write)
    defer { FileIO.closeQuietly(pipe.read) }
    #expect(
      try FileIO.readBounded("/proc/self/fd/\(pipe.read)", limit: 100) == Array("from a pipe".utf8))
    do {
      _ = try FileIO.readRegular(dir + "/missing", limit: 1)
      Issue.record("a missing file was read")
    } catch {
      #expect(error.isMissing)
    }
  }

  @Test("writeAtomically replaces a link instead of writing through it, and leaves no temporary")
  func atomicReplace() throws {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    put(dir + "/target", "precious")
    symlink(dir + "/target", dir + "/state")
    try FileIO.writeAtomically(directory: dir, name: "state", bytes: Array("new".utf8))
    #expect(FileIO.readText(dir + "/target") == "precious")
    #expect(try FileIO.readRegular(dir + "/state", limit: 10) == Array("new".utf8))
    var st = stat()
    #expect(stat(dir + "/state", &st) == 0 && st.st_mode & 0o777 == 0o600)
    #expect(FileIO.entries(in: dir)?.sorted() == ["state", "target"])
  }

  @Test("temporaries of a dead writer are removed; a live one's and other files are kept")
  func staleTemporaries() throws {
    let dir = scratch()
    defer { _ = system("rm -rf '\(dir)'") }
    let dead = try ChildProcess.spawn("/bin/true", arguments: ["true"])
    try dead.wait()
    put(dir + "/p.json.tmp-\(dead.pid)-0123456789abcdef", "x")
    put(dir + "/p.json.tmp-\(dead.pid)", "x")
    put(dir + "/p.json.tmp-\(getpid())-0123456789abcdef", "x")
    put(dir + "/p.json", "x")
    FileIO.removeStaleTemporaries(in: dir, for: "p.json")
    #expect(
      FileIO.entries(in: dir)?.sorted() == ["p.json", "p.json.tmp-\(getpid())-0123456789abcdef"])
  }
}
