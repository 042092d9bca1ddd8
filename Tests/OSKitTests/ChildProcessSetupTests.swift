import CProcLab
import Glibc
import Testing

@testable import OSKit

@Suite("A ProcLab child's environment")
struct ChildEnvironmentTests {
  @Test("PROCLAB_PARENT is ours, whatever was inherited")
  func parent() {
    let env = ProcessEnvironment.forChild(
      base: ["HOME=/h", "PROCLAB_PARENT=1", "PROCLAB_PARENTAL=x"], parent: 42)
    #expect(env == ["HOME=/h", "PROCLAB_PARENTAL=x", "PROCLAB_PARENT=42"])
    #expect(ProcessEnvironment.forChild().last == "PROCLAB_PARENT=\(getpid())")
  }

  @Test("setting replaces a variable; a default only fills a gap")
  func settingAndDefaults() {
    let base = ["PROCLAB_WIDTH=20", "TERM=xterm", "PROCLAB_PARENT=7"]
    let env = ProcessEnvironment.forChild(
      setting: ["PROCLAB_WIDTH=80", "PROCLAB_COLOR=1"],
      defaults: ["SWIFT_BACKTRACE=enable=no", "TERM=dumb"], base: base, parent: 9)
    #expect(
      env == [
        "TERM=xterm", "PROCLAB_PARENT=9", "PROCLAB_WIDTH=80", "PROCLAB_COLOR=1",
        "SWIFT_BACKTRACE=enable=no",
      ])
    let kept = ProcessEnvironment.forChild(
      defaults: ["SWIFT_BACKTRACE=enable=no"], base: ["SWIFT_BACKTRACE=enable=yes"], parent: 9)
    #expect(kept == ["SWIFT_BACKTRACE=enable=yes", "PROCLAB_PARENT=9"])
  }
}

@Suite("Reading a child's stdout and stderr together", .serialized)
struct OutputCaptureTests {
  /// Runs `script` under /bin/sh with its stdout and stderr on pipes and collects both.
  func capture(
    _ script: String, stop: () -> Bool = { false }
  ) throws -> (CapturedOutput, OutputCapture.End, ChildProcess) {
    let out = try PipeEnds()
    let err = try PipeEnds()
    defer {
      FileIO.closeQuietly(out.read)
      FileIO.closeQuietly(err.read)
    }
    let child = try ChildProcess.spawn(
      "/bin/sh", arguments: ["sh", "-c", script], newProcessGroup: true, stdout: out.write,
      stderr: err.write)
    FileIO.closeQuietly(out.write)
    FileIO.closeQuietly(err.write)
    let (output, end) = OutputCapture.collect(stdout: out.read, stderr: err.read, stop: stop)
    return (output, end, child)
  }

  @Test("each stream whole and apart, until both close")
  func both() throws {
    let (output, end, child) = try capture("echo out; echo err >&2; echo more")
    #expect(end == .closed)
    #expect(output.text.stdout == "out\nmore\n")
    #expect(output.text.stderr == "err\n")
    #expect(child.wait(timeout: 10) == .exited(0))
  }

  @Test("a child that fills stderr before it writes stdout does not hang the reader")
  func fullStderrFirst() throws {
    let (output, end, child) = try capture("head -c 300000 /dev/zero >&2; echo done")
    #expect(end == .closed)
    #expect(output.stderr.count == 300_000)
    #expect(output.text.stdout == "done\n")
    #expect(child.wait(timeout: 10) == .exited(0))
  }

  @Test("stop ends the reading with what had arrived")
  func stops() throws {
    // The marker appears once "early" is in the pipe: one more round reads it, then stop.
    let marker = "/tmp/proclab-capture-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    defer { unlink(marker) }
    var seen = 0
    let (output, end, child) = try capture("echo early; : > \(marker); exec sleep 30") {
      if access(marker, F_OK) == 0 { seen += 1 }
      return seen > 1
    }
    #expect(end == .stopped)
    #expect(output.text.stdout == "early\n")
    child.stop(first: SIGKILL, grace: 0.5)
  }
}

@Suite("What a process that starts children sets up", .serialized)
struct ChildHostTests {
  @Test("SIGPIPE ignored, subreaper, the given signals counted on a self-pipe that wakes")
  func prepare() throws {
    let signals = try ChildHost.prepare(routing: [SIGUSR2])
    let subreaper = pl_get_child_subreaper()
    // Only for the moment of the check: orphans of other tests must not come to this process.
    _ = pl_set_child_subreaper(0)
    defer {
      signal(SIGUSR2, SIG_DFL)
      signals.ends.closeBoth()
    }
    #expect(subreaper == 1)
    var action = sigaction()
    sigaction(SIGPIPE, nil, &action)
    #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1, "SIG_IGN")
    #expect(signals.take(SIGUSR2) == 0)
    // The test runner's threads may block the signal; this one takes it for the check.
    var only = sigset_t()
    var saved = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, SIGUSR2)
    pthread_sigmask(SIG_UNBLOCK, &only, &saved)
    raise(SIGUSR2)
    pthread_sigmask(SIG_SETMASK, &saved, nil)
    #expect(FileIO.waitReadable(signals.ends.read, timeout: 5))
    #expect(signals.take(SIGUSR2) == 1)
  }
}
