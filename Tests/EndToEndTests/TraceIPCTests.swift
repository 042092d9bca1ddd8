import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// `proclab trace` on small C and Python programs whose pipes, sockets and POSIX IPC objects
/// are known: who held which end, ends left open while a reader waited, objects left behind
/// and removed by ProcLab (docs/trace.md, "Pipes, sockets and POSIX IPC").
@Suite("proclab trace: pipes, sockets and POSIX IPC", .serialized)
struct TraceIPCTests {
  /// The fixture program, compiled once per test process; nil when there is no C compiler.
  static let program: String? = {
    guard access("/usr/bin/cc", X_OK) == 0 else { return nil }
    let source = TestBinary.sourceRoot + "/Tests/EndToEndTests/TraceFixtures/ipc.c"
    let out = "/tmp/proclab-traced-ipc-\(getpid())"
    let r = try? CapturedRun.run(["/usr/bin/cc", "-O1", "-o", out, source, "-lrt"])
    return r?.status == .exited(0) ? out : nil
  }()

  func trace(
    _ argv: [String], options: [String] = [], environment: [String] = [],
    interruptAfter: Double? = nil
  ) throws -> TraceTests.Traced {
    try TraceTests().trace(
      argv, options: options, environment: environment, interruptAfter: interruptAfter)
  }

  /// A name for an IPC object no other test process uses.
  static func objectName(_ what: String) -> String { "/pltrace\(getpid())\(what)" }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Removes what a fixture run made under `name`, should ProcLab have failed to.
  static func removeObjects(_ name: String) {
    unlink("/dev/shm" + name)
    unlink("/dev/shm/sem.\(name.dropFirst())-sem")
  }

  func table(_ t: TraceTests.Traced, _ title: String) -> [[String]] {
    t.report?.tables.first { $0.title == title }?.rows ?? []
  }

  @Test("a pipe parent→child with the unused ends closed: 1 pipe, no end left open")
  func pipeClosed() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "pipe-closed"])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.number("pipes") == 1, "\(table(t, "pipes and sockets"))")
    #expect(t.number("pipe_ends_left_open") == 0, "\(table(t, "pipes and sockets"))")
    #expect(t.number("sockets") == 0)
    let row = try #require(table(t, "pipes and sockets").first)
    let parent = try #require(t.processRows.first?[0])
    let child = try #require(t.processRows.last?[0])
    #expect(row[0] == "pipe")
    #expect(row[1].hasPrefix("\(parent) at "), "made by the parent: \(row)")
    // Both held both ends after the fork; the child read, the parent wrote.
    #expect(row[2].split(separator: " ").map(String.init).sorted() == [child, parent].sorted())
    #expect(row[3].split(separator: " ").contains(Substring(parent)), "\(row)")
    #expect(t.report?.notes.contains { $0.contains("seccomp filter") } == true)
  }

  @Test("the child keeps its own write end open: it waits for an end of file that never comes")
  func pipeChildLeftOpen() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "pipe-child-open"], options: ["--timeout", "2"])
    #expect(t.run.status == .exited(124))
    #expect(t.text("stopped") == "timeout")
    #expect(t.number("pipes") == 1)
    #expect(t.number("pipe_ends_left_open") == 1, "\(table(t, "pipes and sockets"))")
    let row = try #require(table(t, "pipes and sockets").first)
    let child = try #require(t.processRows.last?[0])
    #expect(row[4] == child, "the child waited: \(row)")
    #expect(row[5].hasPrefix("\(child) "), "the child's own write end: \(row)")
  }

  @Test("neither closes its write end: both ends are counted, the parent waits in waitpid")
  func pipeBothLeftOpen() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "pipe-both-open"], options: ["--timeout", "2"])
    #expect(t.text("stopped") == "timeout")
    #expect(t.number("pipe_ends_left_open") == 2, "\(table(t, "pipes and sockets"))")
  }

  @Test("Python: os.pipe and os.fork with the unused ends closed: 1 pipe, 0 left open")
  func pythonPipe() throws {
    try #require(TraceTests.hasPython, "no python3 on this machine")
    let script = """
      from os import _exit, close, fork, pipe, read, waitpid, write
      from time import sleep
      r, w = pipe()
      pid = fork()
      if pid == 0:
          close(w)
          data = b""
          while chunk := read(r, 100):
              data += chunk
          print(len(data), flush=True)
          _exit(0)
      close(r)
      sleep(0.15)
      write(w, b"hello")
      close(w)
      waitpid(pid, 0)
      """
    let t = try trace(["/usr/bin/python3", "-c", script])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.number("pipes") == 1, "\(table(t, "pipes and sockets"))")
    #expect(t.number("pipe_ends_left_open") == 0)
  }

  @Test("socketpair between a parent and its child: 1 socket pair, held by both")
  func socketPair() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "socketpair"])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.number("sockets") == 1, "\(table(t, "pipes and sockets"))")
    #expect(t.number("pipes") == 0)
    let row = try #require(table(t, "pipes and sockets").first)
    #expect(row[0] == "socketpair")
    #expect(row[2].split(separator: " ").count == 2, "parent and child: \(row)")
  }

  /// A bytes cell of the pipes and sockets table ("4100: 6, 4101: 12": bytes by pid) by pid.
  static func bytes(_ cell: String) -> [String: String] {
    var out: [String: String] = [:]
    for part in cell.split(separator: ",") {
      let words = part.split(separator: ":", maxSplits: 1)
      guard words.count == 2 else { continue }
      let trim = { (x: Substring) in x.split(separator: " ").joined(separator: " ") }
      out[trim(words[0])] = trim(words[1])
    }
    return out
  }

  @Test("bytes per pipe: the parent wrote 6 bytes, the child read those 6 (and its end of file)")
  func pipeBytes() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "pipe-closed"])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    let table = t.report?.tables.first { $0.title == "pipes and sockets" }
    let columns = table?.columns.map(\.name) ?? []
    let row = try #require(table?.rows.first)
    let parent = try #require(t.processRows.first?[0])
    let child = try #require(t.processRows.last?[0])
    let written = try #require(columns.firstIndex(of: "bytes written"), "\(columns)")
    let read = try #require(columns.firstIndex(of: "bytes read"), "\(columns)")
    #expect(Self.bytes(row[written]) == [parent: "6"], "\(row)")
    #expect(Self.bytes(row[read]) == [child: "6"], "\(row)")
  }

  @Test("bytes per socket pair: the child wrote 4, the parent read 4")
  func socketPairBytes() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "socketpair"])
    let table = t.report?.tables.first { $0.title == "pipes and sockets" }
    let columns = table?.columns.map(\.name) ?? []
    let row = try #require(table?.rows.first)
    let parent = try #require(t.processRows.first?[0])
    let child = try #require(t.processRows.last?[0])
    let written = try #require(columns.firstIndex(of: "bytes written"), "\(columns)")
    let read = try #require(columns.firstIndex(of: "bytes read"), "\(columns)")
    #expect(Self.bytes(row[written]) == [child: "4"], "\(row)")
    #expect(Self.bytes(row[read]) == [parent: "4"], "\(row)")
  }

  @Test("Python: os.write of 5 bytes in the parent, os.read of them in the child")
  func pythonPipeBytes() throws {
    try #require(TraceTests.hasPython, "no python3 on this machine")
    let script = """
      from os import _exit, close, fork, pipe, read, waitpid, write
      r, w = pipe()
      pid = fork()
      if pid == 0:
          close(w)
          while read(r, 100):
              pass
          _exit(0)
      close(r)
      write(w, b"hello")
      close(w)
      waitpid(pid, 0)
      """
    let t = try trace(["/usr/bin/python3", "-c", script])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    let table = t.report?.tables.first { $0.title == "pipes and sockets" }
    let columns = table?.columns.map(\.name) ?? []
    let row = try #require(table?.rows.first)
    let parent = try #require(t.processRows.first?[0])
    let child = try #require(t.processRows.last?[0])
    let written = try #require(columns.firstIndex(of: "bytes written"), "\(columns)")
    let read = try #require(columns.firstIndex(of: "bytes read"), "\(columns)")
    #expect(Self.bytes(row[written]) == [parent: "5"], "\(row)")
    #expect(Self.bytes(row[read]) == [child: "5"], "\(row)")
  }

  @Test("a Unix socket matched to its peer across connect and accept: who talks to whom")
  func unixConnectPeers() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try trace([program, "unix-connect", "pltrace\(getpid())sock"])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    let table = try #require(t.report?.tables.first { $0.title == "pipes and sockets" })
    let columns = table.columns.map(\.name)
    let talks = try #require(columns.firstIndex(of: "talks to"), "\(columns)")
    let written = try #require(columns.firstIndex(of: "bytes written"), "\(columns)")
    let read = try #require(columns.firstIndex(of: "bytes read"), "\(columns)")
    let parent = try #require(t.processRows.first?[0])
    let child = try #require(t.processRows.last?[0])
    // The listener and the child's socket from socket(); the accepted one from accept().
    #expect(t.number("sockets") == 2, "\(table.rows)")
    let client = try #require(table.rows.first { $0[0] == "socket" && $0[1].hasPrefix(child) })
    let accepted = try #require(table.rows.first { $0[0] == "accepted" }, "\(table.rows)")
    #expect(accepted[1].hasPrefix("\(parent) at "), "\(accepted)")
    #expect(client[talks] == parent, "the child's socket talks to the parent: \(client)")
    #expect(accepted[talks] == child, "the accepted socket talks to the child: \(accepted)")
    #expect(Self.bytes(client[written]) == [child: "4"], "\(client)")
    #expect(Self.bytes(accepted[read]) == [parent: "4"], "\(accepted)")
  }

  @Test("the /proc polling fallback sees a message queue held open, and removes it when left")
  func pollingSeesMessageQueue() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("pmq")
    let probe = try CapturedRun.run([program, "mq-exists", name])
    try #require(probe.status != .exited(77), "POSIX message queues are not available here")
    defer { _ = try? CapturedRun.run([program, "mq-unlink", name]) }
    let t = try trace(
      [program, "mq-sleep", name], options: ["--timeout", "1"],
      environment: ["PROCLAB_TRACE_POLL=1"])
    #expect(t.text("method") == "polling")
    #expect(t.number("mq_created") == 1, "\(table(t, "POSIX IPC objects"))")
    #expect(t.number("mq_left") == 1)
    #expect(t.number("ipc_left") == 1)
    let rows = table(t, "POSIX IPC objects")
    #expect(rows.first?[1] == name, "\(rows)")
    let after = try CapturedRun.run([program, "mq-exists", name])
    #expect(after.status == .exited(1), "the queue is still there")
  }

  @Test("a shared memory object and a semaphore left behind: counted, removed by ProcLab")
  func shmLeft() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("left")
    defer { Self.removeObjects(name) }
    let t = try trace([program, "shm-left", name])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.number("shm_created") == 1, "\(table(t, "POSIX IPC objects"))")
    #expect(t.number("shm_left") == 1)
    #expect(t.number("sem_created") == 1, "\(table(t, "POSIX IPC objects"))")
    #expect(t.number("sem_left") == 1)
    #expect(t.number("ipc_left") == 2)
    #expect(!Self.exists("/dev/shm" + name), "the shm object is still in /dev/shm")
    #expect(!Self.exists("/dev/shm/sem.\(name.dropFirst())-sem"), "the semaphore is still there")
    let rows = table(t, "POSIX IPC objects")
    #expect(rows.map { $0[1] }.sorted() == [name, name + "-sem"], "\(rows)")
    #expect(rows.allSatisfy { $0[6] == "left: removed by ProcLab" }, "\(rows)")
    // Made by the child, not by the program's first process.
    #expect(rows.allSatisfy { $0[2] == t.processRows.last?[0] }, "\(rows) \(t.rows)")
    #expect(t.report?.notes.contains { $0.contains("removed by ProcLab") } == true)
  }

  @Test("objects unlinked by the program: made, none left, nothing removed")
  func shmClean() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("clean")
    let t = try trace([program, "shm-clean", name])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.number("shm_created") == 1)
    #expect(t.number("sem_created") == 1)
    #expect(t.number("shm_left") == 0)
    #expect(t.number("sem_left") == 0)
    #expect(t.number("ipc_left") == 0)
    let rows = table(t, "POSIX IPC objects")
    #expect(rows.count == 2 && rows.allSatisfy { $0[6] == "unlinked" }, "\(rows)")
  }

  @Test("stopped at the time limit: what it made is still removed")
  func shmSweptAtTimeout() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("timeout")
    defer { Self.removeObjects(name) }
    let t = try trace([program, "shm-sleep", name], options: ["--timeout", "1"])
    #expect(t.text("stopped") == "timeout")
    #expect(t.number("ipc_left") == 2)
    #expect(!Self.exists("/dev/shm" + name))
  }

  @Test("Ctrl-C: what it made is still removed")
  func shmSweptOnInterrupt() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("int")
    defer { Self.removeObjects(name) }
    let t = try trace([program, "shm-sleep", name], interruptAfter: 1)
    #expect(t.text("stopped") == "interrupted")
    #expect(t.number("ipc_left") == 2)
    #expect(!Self.exists("/dev/shm" + name))
  }

  @Test("an object that was there before the run is opened, never removed")
  func existingObjectKept() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("kept")
    let path = "/dev/shm" + name
    let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    try #require(fd >= 0)
    close(fd)
    defer { unlink(path) }
    // shm-left's O_EXCL fails on the existing name: the program makes nothing.
    let t = try trace([program, "shm-left", name])
    #expect(t.run.status == .exited(5))
    #expect(t.number("shm_created") == 0)
    #expect(t.number("ipc_left") == 0)
    #expect(Self.exists(path), "ProcLab removed an object it did not make")
  }

  @Test("a POSIX message queue left behind: counted and removed")
  func mqLeft() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("mq")
    let probe = try CapturedRun.run([program, "mq-exists", name])
    try #require(probe.status != .exited(77), "POSIX message queues are not available here")
    let t = try trace([program, "mq-left", name])
    defer { _ = try? CapturedRun.run([program, "mq-unlink", name]) }
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.number("mq_created") == 1, "\(table(t, "POSIX IPC objects"))")
    #expect(t.number("mq_left") == 1)
    #expect(t.number("ipc_left") == 1)
    let after = try CapturedRun.run([program, "mq-exists", name])
    #expect(after.status == .exited(1), "the queue is still there")
  }

  @Test("in Korean the trace's notes and its metric labels are Korean; the JSON keeps its names")
  func koreanTexts() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let state = TempState()
    defer { state.cleanUp() }
    let r = try CapturedRun.run(
      [proclabBinary, "trace", "--", program, "pipe-closed"],
      environment: state.environment + ["PROCLAB_LANG=ko", "COLUMNS=100"], timeout: 60)
    #expect(r.status == .exited(0), "\(r.stderrText)")
    let text = r.stdoutText
    #expect(text.contains("ptrace로 추적했습니다"), "\(text)")
    #expect(text.contains("seccomp 필터가"), "\(text)")
    #expect(text.contains("자식 서브리퍼"), "\(text)")
    #expect(text.contains("| 파이프 "), "the label of pipes: \(text)")
    #expect(text.contains("| 프로세스 "), "the label of processes: \(text)")
    #expect(!text.contains("Traced with ptrace"), "an English note: \(text)")
    #expect(!text.contains("| processes "), "an English label: \(text)")
    let t = try trace([program, "pipe-closed"], environment: ["PROCLAB_LANG=ko"])
    #expect(t.number("pipes") == 1)
    #expect(t.report?.tables.contains { $0.title == "pipes and sockets" } == true)
  }

  @Test(
    "where the seccomp filter is refused, ptrace still traces and /proc fds are scanned at events")
  func seccompRefused() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let denier = try #require(TraceTests.program, "no C compiler (cc) on this machine")
    let state = TempState()
    defer { state.cleanUp() }
    let r = try CapturedRun.run(
      [
        denier, "deny-seccomp", proclabBinary, "trace", "--json", "--timeout", "2", "--", program,
        "pipe-child-open",
      ], environment: state.environment, timeout: 60)
    let report = try JSONDecoder().decode(DemoReport.self, from: Data(r.stdout))
    #expect(report.metrics["method"] == .string("ptrace"))
    let note = report.notes.first { $0.contains("seccomp filter could not be installed") }
    #expect(note?.contains("(Operation not permitted)") == true, "\(report.notes)")
    #expect(report.metrics["pipes"] == .number(1))
    #expect(report.metrics["pipe_ends_left_open"] == .number(1))
    #expect(report.metrics["stopped"] == .string("timeout"))
  }

  @Test("without seccomp (forced /proc polling) the note says so; pipes and objects still seen")
  func pollingFallback() throws {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let name = Self.objectName("poll")
    defer { Self.removeObjects(name) }
    let t = try trace(
      [program, "pipe-child-open"], options: ["--timeout", "2"],
      environment: ["PROCLAB_TRACE_POLL=1"])
    #expect(t.text("method") == "polling")
    #expect(t.number("pipes") == 1, "\(table(t, "pipes and sockets"))")
    #expect(t.number("pipe_ends_left_open") == 1, "\(table(t, "pipes and sockets"))")
    #expect(t.report?.notes.contains { $0.contains("/proc/<pid>/fd and maps") } == true)
    let s = try trace(
      [program, "shm-sleep", name], options: ["--timeout", "1"],
      environment: ["PROCLAB_TRACE_POLL=1"])
    #expect(s.number("shm_left") == 1, "\(table(s, "POSIX IPC objects"))")
    #expect(s.number("sem_left") == 1, "\(table(s, "POSIX IPC objects"))")
    #expect(!Self.exists("/dev/shm" + name))
  }
}
