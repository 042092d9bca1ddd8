import DemoContract
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Render
import Testing

/// The descriptor demos (`fds`, `exec`), run for real with the built binary, each run with a
/// private TMPDIR so what the demo leaves there is visible.
enum DescriptorRunner {
  /// A fresh directory for the demo's TMPDIR.
  static func temporaryDirectory() -> String {
    var template = Array("/tmp/proclab-fds-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    return made.map { String(cString: $0) } ?? "/tmp"
  }

  static func run(
    _ demo: String, _ args: [String], tmp: String, interruptAfter: Double? = nil
  ) throws -> CapturedRun {
    try CapturedRun.run(
      ["proclab", "run", demo, "--json"] + args, executable: TestBinary.proclab,
      environment: ProcessEnvironment.current.filter { !$0.hasPrefix("TMPDIR=") }
        + [TestIPC.environmentEntry, "TMPDIR=\(tmp)"],
      stderr: .discard, timeout: 60, interruptAfter: interruptAfter)
  }

  /// The report of `proclab run <demo> --json args…`, checking that it ended well and left
  /// nothing in its TMPDIR and no process behind.
  static func report(_ demo: String, _ args: [String] = []) throws -> DemoReport {
    let tmp = temporaryDirectory()
    defer { rmdir(tmp) }
    let r = try run(demo, args, tmp: tmp)
    #expect(r.status == .exited(0), "\(demo) \(args) ended: \(r.status)")
    #expect(FileIO.entries(in: tmp) == [], "\(demo) \(args) left files in its TMPDIR")
    ProcessDemoRunner.expectNothingLeft()
    return try JSONDecoder().decode(DemoReport.self, from: Data(r.stdout))
  }
}

@Suite("Descriptor demos (fds, exec), run for real", .serialized)
struct DescriptorDemoTests {
  @Test(
    "fds part=table: fork shares the table; dup2 rewires only the child; exec keeps non-O_CLOEXEC")
  func table() throws {
    let r = try DescriptorRunner.report("fds", ["part=table"])
    for fact in [
      "fork.same_table", "fork.shared_position", "dup2.child_stdout_is_file",
      "dup2.parent_stdout_unchanged", "dup2.line_in_file", "exec.notes_kept",
      "exec.cloexec_closed", "exec.same_position",
    ] {
      #expect(r.metric(fact) == .bool(true), "\(fact) is \(String(describing: r.metric(fact)))")
    }
    #expect((r.metric("fork.descriptors")?.double ?? 0) >= 4, "0, 1, 2 and notes.txt at least")
  }

  @Test(
    "fds part=offset: a shared offset loses nothing, two opens lose one writer's worth, O_APPEND nothing",
    arguments: [1, 150, 600])
  func offset(lines: Int) throws {
    // The interleaving is chance; the losses are not: three runs must all agree.
    for _ in 0..<3 {
      let r = try DescriptorRunner.report("fds", ["part=offset", "lines=\(lines)"])
      let bytes = Double(lines * 32)
      #expect(r.metric("shared_offset.bytes_written")?.double == 2 * bytes)
      #expect(r.metric("shared_offset.lost_bytes")?.double == 0)
      #expect(r.metric("shared_offset.parent_lines")?.double == Double(lines))
      #expect(r.metric("shared_offset.child_lines")?.double == Double(lines))
      #expect(r.metric("separate_open.file_bytes")?.double == bytes)
      #expect(r.metric("separate_open.lost_bytes")?.double == bytes)
      let left =
        (r.metric("separate_open.parent_lines")?.double ?? -1)
        + (r.metric("separate_open.child_lines")?.double ?? -1)
      #expect(left == Double(lines), "every slot holds one whole line of one writer")
      #expect(r.metric("append.lost_bytes")?.double == 0)
      #expect(r.metric("append.child_lines")?.double == Double(lines))
    }
  }

  @Test("fds part=cloexec: only the descriptor without O_CLOEXEC survives execve")
  func cloexec() throws {
    let r = try DescriptorRunner.report("fds", ["part=cloexec"])
    #expect(r.metric("cloexec.survived") == .string("plain.txt"))
    #expect(r.metric("cloexec.plain_kept") == .bool(true))
    #expect(r.metric("cloexec.cloexec_kept") == .bool(false))
  }

  @Test(
    "fds part=pipeline: ls | wc -l through one pipe counts the directory", arguments: [0, 7, 40])
  func pipeline(files: Int) throws {
    let r = try DescriptorRunner.report("fds", ["part=pipeline", "files=\(files)"])
    #expect(r.metric("pipeline.count")?.double == Double(files))
    #expect(r.metric("pipeline.expected")?.double == Double(files))
    #expect(r.metric("pipeline.same_pipe") == .bool(true))
  }

  @Test("fds part=eof: end-of-file comes only once the forgotten write end is closed")
  func eof() throws {
    for _ in 0..<3 {
      let r = try DescriptorRunner.report("fds", ["part=eof", "hold=0.3"])
      #expect(r.metric("eof.blocked_while_held") == .bool(true))
      #expect(r.metric("eof.after_release") == .bool(true))
      let held = r.metric("eof.waited")?.double ?? 0
      let clean = r.metric("eof.waited_all_closed")?.double ?? 1
      #expect(held > clean, "the held reader waited \(held) s, the clean one \(clean) s")
    }
  }

  @Test("exec: the pid, the parent and kept.txt survive execve; the program and memory do not")
  func exec() throws {
    let r = try DescriptorRunner.report("exec")
    #expect(r.metric("pid_same") == .bool(true))
    #expect(r.metric("ppid_same") == .bool(true))
    #expect(r.metric("pid_after") == r.metric("pid_before"))
    #expect(r.metric("comm_after") == .string("cat"))
    #expect(r.metric("comm_before") != .string("cat"))
    if case .string(let exe)? = r.metric("exe_after") {
      #expect(exe.hasSuffix("/cat"), "exe after execve: \(exe)")
    } else {
      Issue.record("exe_after missing")
    }
    #expect(r.metric("marker_before") == .bool(true))
    #expect(r.metric("marker_after") == .bool(false))
    #expect(r.metric("kept_file") == .bool(true))
    #expect(r.metric("closed_file") == .bool(false))
  }

  @Test(
    "exec at 80 columns, in English and in Korean: every cell of its table is whole",
    arguments: ["en", "ko"])
  func execAt80(language: String) throws {
    let tmp = DescriptorRunner.temporaryDirectory()
    defer { rmdir(tmp) }
    let r = try CapturedRun.run(
      ["proclab", "--lang", language, "run", "exec"], executable: TestBinary.proclab,
      environment: ProcessEnvironment.current.filter {
        !$0.hasPrefix("TMPDIR=") && !$0.hasPrefix("COLUMNS=")
      } + [TestIPC.environmentEntry, "TMPDIR=\(tmp)", "COLUMNS=80"],
      stderr: .discard, timeout: 60)
    #expect(r.status == .exited(0))
    let rows = r.stdoutText.split(separator: "\n").filter { $0.hasPrefix("|") }
    #expect(rows.count >= 8, "\(r.stdoutText)")
    // The exe row names the program without its directory on purpose (".../proclab").
    for row in rows where !row.hasPrefix("| /proc/<pid>/exe") {
      #expect(!row.contains("...") && !row.contains("…"), "a cut cell: \(row)")
      #expect(DisplayWidth.of(String(row)) <= 80, "over 80 columns: \(row)")
    }
    #expect(rows.contains { $0.contains("6=closed.txt") }, "\(r.stdoutText)")
  }

  @Test("exec cloexec=off: closed.txt survives execve too")
  func execWithoutCloexec() throws {
    let r = try DescriptorRunner.report("exec", ["cloexec=off"])
    #expect(r.metric("kept_file") == .bool(true))
    #expect(r.metric("closed_file") == .bool(true))
  }

  @Test("a killed demo's files are removed by the next run; a live owner's are kept")
  func sweep() throws {
    let tmp = DescriptorRunner.temporaryDirectory()
    defer { rmdir(tmp) }
    // A pid that is surely dead: a child we made and reaped.
    let child = try ChildProcess.spawn("/bin/true", arguments: ["true"])
    _ = try child.wait()
    let dead = "\(tmp)/proclab-fds-\(child.pid)-abcdef"
    let live = "\(tmp)/proclab-fds-\(getpid())-ghijkl"
    for dir in [dead, live] {
      #expect(mkdir(dir, 0o700) == 0)
      let fd = open("\(dir)/notes.txt", O_WRONLY | O_CREAT, 0o600)
      close(fd)
    }
    defer {
      // Whether or not the demo removed them (it must remove only the dead owner's).
      for dir in [dead, live] {
        unlink("\(dir)/notes.txt")
        rmdir(dir)
      }
    }
    let r = try DescriptorRunner.run("fds", ["part=cloexec"], tmp: tmp)
    #expect(r.status == .exited(0))
    let left = FileIO.entries(in: tmp) ?? []
    #expect(left == ["proclab-fds-\(getpid())-ghijkl"], "left in TMPDIR: \(left)")
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("a directory whose owner is a zombie (killed, not reaped yet) is removed too")
  func sweepZombieOwner() throws {
    let tmp = DescriptorRunner.temporaryDirectory()
    defer { rmdir(tmp) }
    let child = try ChildProcess.spawn("/bin/true", arguments: ["true"])
    // Not reaped: it stays a zombie, which kill(pid, 0) still finds.
    var state = ProcStat.read(child.pid)?.state
    for _ in 0..<2000 where state != "Z" {
      usleep(1000)
      state = ProcStat.read(child.pid)?.state
    }
    #expect(state == "Z")
    let dir = "\(tmp)/proclab-fds-\(child.pid)-zombie"
    #expect(mkdir(dir, 0o700) == 0)
    let r = try DescriptorRunner.run("fds", ["part=cloexec"], tmp: tmp)
    _ = try child.wait()
    #expect(r.status == .exited(0))
    #expect(FileIO.entries(in: tmp) == [], "left in TMPDIR: \(FileIO.entries(in: tmp) ?? [])")
    rmdir(dir)
    ProcessDemoRunner.expectNothingLeft()
  }

  @Test("Ctrl-C while the reader waits for end-of-file: nothing is left")
  func interrupted() throws {
    let tmp = DescriptorRunner.temporaryDirectory()
    defer { rmdir(tmp) }
    let r = try DescriptorRunner.run("fds", ["part=eof", "hold=5"], tmp: tmp, interruptAfter: 1)
    #expect(r.interrupted)
    #expect(r.status != .exited(0))
    #expect(FileIO.entries(in: tmp) == [], "left in TMPDIR: \(FileIO.entries(in: tmp) ?? [])")
    ProcessDemoRunner.expectNothingLeft()
  }
}
