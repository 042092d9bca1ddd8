import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The real C compiler in PATH, which the slow wrapper runs at the end; nil when there is none.
private let realCompiler: String? = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/cc" }.first { access($0, X_OK) == 0 }
}()

/// Ctrl-C while a C exercise compiles (docs/exercises.md, "C"): the compiler is slowed down
/// deterministically by a `cc` earlier in PATH, a shell script that records its pid and its
/// child's, waits on a `sleep`, and only then runs the real compiler. Ctrl-C must stop the
/// compile there: the script and its `sleep` killed and reaped, one line saying the check was
/// stopped, the prompt back, nothing recorded as passed or failed.
@Suite(
  "Ctrl-C during a C exercise's compile", .serialized,
  .enabled(if: realCompiler != nil, "cc is not in PATH"))
struct CCompileInterruptTests {
  /// A state directory whose PATH starts with a `cc` that sleeps `seconds` before compiling.
  static func slowCompiler(_ state: TempState, seconds: Int) -> (env: [String], marks: String) {
    let bin = state.path + "/bin"
    let marks = state.path + "/marks"
    mkdir(bin, 0o700)
    mkdir(marks, 0o700)
    let script = """
      #!/bin/sh
      echo $$ > '\(marks)/cc.pid'
      sleep \(seconds) &
      echo $! > '\(marks)/sleep.pid'
      wait
      echo finished > '\(marks)/finished'
      exec '\(realCompiler ?? "cc")' "$@"

      """
    let fd = open(bin + "/cc", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    try? FileIO.writeAll(fd, script)
    close(fd)
    let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
    let env =
      state.environment.filter { !$0.hasPrefix("PATH=") } + ["PATH=\(bin):\(path)"]
    return (env, marks)
  }

  /// The pid a mark file holds, once the script has written it.
  static func pid(_ marks: String, _ name: String) -> pid_t? {
    FileIO.readText(marks + "/" + name).flatMap {
      pid_t(String($0.filter(\.isNumber)))
    }
  }

  @Test("at the prompt: the compiler and its child killed and reaped, one line, the prompt back")
  func atThePrompt() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let (env, marks) = Self.slowCompiler(state, seconds: 60)
    let session = try PTYSession(state: state, environment: env)
    defer { session.close() }
    #expect(session.expect("proclab › "), "no prompt: \(session.screen)")
    session.type("exercise reap-three c\n")
    #expect(session.expect("reap_three.c: copied from the starter"), "\(session.screen)")

    var mark = session.mark
    session.type("check\n")
    let deadline = now() + 30
    while Self.pid(marks, "sleep.pid") == nil, now() < deadline { session.drain(0.1) }
    let compiler = try #require(Self.pid(marks, "cc.pid"), "the compiler did not start")
    let sleeper = try #require(Self.pid(marks, "sleep.pid"), "the compiler's child did not start")
    #expect(Signals.isAlive(compiler) && Signals.isAlive(sleeper))
    // The heading comes before the compile ends: a slow compile is no silent wait.
    #expect(
      session.expect("built first with: cc", after: mark, timeout: 5),
      "nothing shown while compiling: \(session.screen)")
    session.type("\u{3}")
    #expect(
      session.expect(
        "check stopped by Ctrl-C while compiling", then: "proclab › ", after: mark, timeout: 10),
      "\(session.screen)")
    let shown = plainText(Array(session.output[mark...]))
    #expect(!shown.contains("✓") && !shown.contains("✗"), "\(shown)")
    #expect(!shown.contains("checks failed"), "\(shown)")
    // Killed and reaped: a zombie would still answer kill(pid, 0).
    #expect(!Signals.isAlive(compiler), "the compiler is still there")
    #expect(!Signals.isAlive(sleeper), "the compiler's child is still there")
    #expect(access(marks + "/finished", F_OK) != 0, "the compile ran to its end")
    let left = leftoverDescendants(of: session.pid)
    #expect(left.isEmpty, "left after Ctrl-C: \(left)")

    // Nothing recorded: progress names no check of reap-three.
    mark = session.mark
    session.type("progress\n")
    #expect(session.expect("Exercises passed: 0 of", after: mark), "\(session.screen)")
    session.drain(0.3)
    let progress = plainText(Array(session.output[mark...]))
    #expect(!progress.contains("reap-three:"), "\(progress)")
    session.type("quit\n")
    #expect(session.waitForExit() == .exited(0), "\(session.screen)")
  }

  @Test("proclab check from a shell: Ctrl-C during the compile exits 130, the compiler reaped")
  func fromAShell() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let opened = try runPiped(["exercise", "reap-three", "c"], input: "", state: state)
    #expect(opened.status == .exited(0), "\(opened.stdout) \(opened.stderr)")
    let (env, marks) = Self.slowCompiler(state, seconds: 60)
    let r = try CapturedRun.run(
      ["proclab", "check", "reap-three", "c"], executable: proclabBinary, environment: env,
      input: .text(""), timeout: 40, graceAfterTimeout: 10
    ) { pid in
      // Ctrl-C once the compile runs (its output is little, so waiting here blocks nothing).
      let deadline = now() + 30
      while Self.pid(marks, "sleep.pid") == nil, now() < deadline { usleep(20_000) }
      kill(pid, SIGINT)
    }
    #expect(r.status == .exited(130), "\(r.stdoutText) \(r.stderrText)")
    #expect(r.stdoutText.contains("check stopped by Ctrl-C while compiling"), "\(r.stdoutText)")
    let compiler = try #require(Self.pid(marks, "cc.pid"), "the compiler did not start")
    #expect(!Signals.isAlive(compiler))
    if let sleeper = Self.pid(marks, "sleep.pid") { #expect(!Signals.isAlive(sleeper)) }
    #expect(access(marks + "/finished", F_OK) != 0, "the compile ran to its end")
  }
}
