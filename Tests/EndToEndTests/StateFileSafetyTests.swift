import Glibc
import OSKit
import Testing

/// ProcLab's state files (progress.json, history, last-session.log) are its own: it never
/// writes through a link someone planted, never hangs on a FIFO, never uses a directory
/// someone else controls, and with nowhere safe to write keeps its state in memory and says so.
@Suite("State files: links, FIFOs, other owners, no HOME", .serialized)
struct StateFileSafetyTests {
  @Test("last-session.log planted as a symbolic link: the file it points to is left untouched")
  func sessionLogSymlink() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    let victim = state.path + "/victim"
    plantFile(victim, "precious\n", mode: 0o644)
    symlink(victim, dir + "/last-session.log")
    let r = try runPiped([], input: "quit\n", state: state)
    #expect(r.status == .exited(0))
    #expect(contentsOf(victim) == "precious\n", "the link's target was written through")
    #expect(r.stderr.contains("last-session.log"), "no line said the log was refused: \(r.stderr)")
  }

  @Test("history planted as a symbolic link: its target is neither overwritten nor chmod'ed")
  func historySymlink() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    let victim = state.path + "/victim"
    plantFile(victim, "precious\n", mode: 0o644)
    symlink(victim, dir + "/history")
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.type("lessons\r")
    #expect(s.expect("proclab › ", after: s.mark))
    s.type("quit\r")
    #expect(s.waitForExit() == .exited(0))
    #expect(contentsOf(victim) == "precious\n", "the link's target was overwritten")
    #expect(fileStatus(victim).map { $0.st_mode & 0o777 } == 0o644, "the target was chmod'ed")
  }

  @Test("HOME unset and no XDG_STATE_HOME: state is kept in memory, and one line says so")
  func noHome() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let env = state.environment.filter {
      !$0.hasPrefix("HOME=") && !$0.hasPrefix("XDG_STATE_HOME=")
    }
    let r = try runPipedEnvironment(env, input: "open processes\nquit\n")
    #expect(r.status == .exited(0))
    let said = r.stdout + r.stderr
    #expect(said.contains("HOME is not set"), "nothing said where state went: \(said)")
    #expect(occurrences(of: "kept in memory", in: said) == 1, "\(said)")
    #expect(said.contains("Processes"), "the session did not go on: \(said)")
  }

  @Test("a state directory owned by another user is refused: its files are left untouched")
  func foreignOwner() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    plantFile(dir + "/progress.json", savedProgress)
    chown(dir + "/progress.json", 65534, 65534)
    chown(dir, 65534, 65534)
    let r = try runPiped([], input: "open processes\nnext\nquit\n", state: state)
    #expect(r.status == .exited(0))
    let said = r.stdout + r.stderr
    #expect(said.contains("owned by"), "no line said why the directory was refused: \(said)")
    #expect(occurrences(of: "kept in memory", in: said) == 1, "\(said)")
    #expect(contentsOf(dir + "/progress.json") == savedProgress, "the progress file was changed")
    #expect(fileStatus(dir + "/last-session.log") == nil, "a log was created in the directory")
  }

  @Test("a state directory inside someone else's directory is refused: they could swap it")
  func foreignAncestor() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let shared = state.path + "/shared"
    mkdir(shared, 0o755)
    chown(shared, 65534, 65534)
    let env =
      state.environment.filter { !$0.hasPrefix("XDG_STATE_HOME=") } + ["XDG_STATE_HOME=\(shared)"]
    let r = try runPipedEnvironment(env, input: "open processes\nquit\n")
    #expect(r.status == .exited(0))
    let said = r.stdout + r.stderr
    #expect(said.contains("\(shared), which uid 65534 owns"), "no line said why: \(said)")
    #expect(occurrences(of: "kept in memory", in: said) == 1, "\(said)")
    #expect(fileStatus(shared + "/proclab/progress.json") == nil, "progress was written there")
  }

  @Test("a state directory others may write to is refused: its files are left untouched")
  func writableByOthers() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    plantFile(dir + "/progress.json", savedProgress)
    chmod(dir, 0o777)
    let r = try runPiped([], input: "open processes\nnext\nquit\n", state: state)
    #expect(r.status == .exited(0))
    let said = r.stdout + r.stderr
    #expect(said.contains("writable by others"), "no line said why: \(said)")
    #expect(contentsOf(dir + "/progress.json") == savedProgress, "the progress file was changed")
  }

  @Test(
    "a FIFO in a state file's place: the REPL starts, says so in one line, and quits",
    arguments: ["progress.json", "history", "last-session.log"])
  func fifoStateFile(name: String) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = stateDirectory(state)
    #expect(mkfifo(dir + "/" + name, 0o600) == 0)
    let s = try PTYSession(state: state)
    defer { s.close() }
    #expect(s.expect("proclab › ", timeout: 15), "start-up hung on the FIFO \(name)")
    #expect(s.screen.contains(name), "no line named \(name): \(s.screen)")
    s.type("quit\r")
    #expect(s.waitForExit(timeout: 15) == .exited(0), "quitting hung on the FIFO \(name)")
  }

  @Test(
    "a FIFO among the lesson files is skipped with one line by every command",
    arguments: [
      ["lint", "$DIR"], ["lessons", "--lessons", "$DIR"], ["progress", "--lessons", "$DIR"],
      ["--lessons", "$DIR"],
    ])
  func fifoLesson(arguments: [String]) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lessons = state.path + "/lessons"
    mkdir(lessons, 0o700)
    #expect(mkfifo(lessons + "/pipe.md", 0o600) == 0)
    let args = arguments.map { $0 == "$DIR" ? lessons : $0 }
    let r = try runPiped(args, input: "lessons\nquit\n", state: state, timeout: 20)
    #expect(r.status != .signaled(SIGKILL), "\(args) hung on the FIFO")
    let said = r.stdout + r.stderr
    #expect(said.contains("pipe.md") && said.contains("not a regular file"), "\(args): \(said)")
  }

  @Test(
    "a read-only state directory: saved progress is read, changes stay in memory, said once",
    .enabled(if: canActAsNobody, "needs root and setpriv to act as a user without root's rights"))
  func readOnlyDirectory() throws {
    // Root may write anywhere, so the student here is nobody, owning a directory it may only read.
    let state = TempState()
    defer { state.cleanUp() }
    chmod(state.path, 0o755)
    let dir = stateDirectory(state)
    plantFile(dir + "/progress.json", savedProgress)
    chown(dir + "/progress.json", 65534, 65534)
    chown(dir, 65534, 65534)
    chmod(dir, 0o500)
    let shown = try runPiped(
      asNobody + [proclabBinary, "progress", "--json"], input: "", state: state, direct: true)
    #expect(shown.status == .exited(0), "\(shown.stderr)")
    #expect(shown.stdout.contains("\"stepIndex\" : 2"), "the saved progress was not read: \(shown)")
    let r = try runPiped(
      asNobody + [proclabBinary], input: "open processes\nnext\nnext\nquit\n", state: state,
      direct: true)
    #expect(r.status == .exited(0))
    let said = r.stdout + r.stderr
    #expect(said.contains("Processes"), "the session did not go on: \(said)")
    #expect(occurrences(of: "for this session only", in: said) == 1, "said not once: \(said)")
    #expect(contentsOf(dir + "/progress.json") == savedProgress)
    // On a terminal, history too is read-only: still said once.
    let s = try PTYSession(
      arguments: Array(asNobody.dropFirst()) + [proclabBinary], state: state, binary: asNobody[0])
    defer { s.close() }
    #expect(s.expect("proclab › "))
    s.type("lessons\r")
    #expect(s.expect("proclab › ", after: s.mark))
    s.type("quit\r")
    #expect(s.waitForExit() == .exited(0))
    #expect(occurrences(of: "for this session only", in: s.screen) == 1, "\(s.screen)")
    #expect(fileStatus(dir + "/history") == nil)
  }
}
