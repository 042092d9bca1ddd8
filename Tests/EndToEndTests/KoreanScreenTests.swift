import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// Whether python3 is in PATH (the traced program and the shipped exercises run it).
private let hasPython3: Bool = {
  let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { access("\($0)/python3", X_OK) == 0 }
}()

/// ProcLab's own screens beyond the demos speak Korean: `trace` (headings, column names, the
/// tree's notes, the metrics' labels), an exercise's `check` (its figures' labels and the
/// failing run's tree and table), a demo's refused parameters and a prediction's verdict. Each
/// is read with `KoreanDemoTests.englishRun` (four English words in a row) and for the
/// English words of ProcLab's own that are shorter than that.
@Suite(.serialized, .enabled(if: hasPython3, "python3 is not in PATH"))
struct KoreanScreenTests {
  /// A program that prints nothing and makes a child (a zombie for 30 ms, exit 3), a pipe, a
  /// thread and a POSIX semaphore (multiprocessing.Lock: sem_open, unlinked at once). No line
  /// starts with `import`, which ModuleGraphTests would read as this target's.
  static let program = """
    os, threading, time, multiprocessing = map(
        __import__, ["os", "threading", "time", "multiprocessing"])
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r); os.write(w, b"x"); os._exit(3)
    os.close(w); os.read(r, 1)
    t = threading.Thread(target=time.sleep, args=(0.01,)); t.start(); t.join()
    lock = multiprocessing.Lock()
    time.sleep(0.03)
    os.waitpid(pid, 0)
    """

  /// English words of ProcLab's own on these screens that are too short for `englishRun`.
  static let englishLabels = [
    "what it did", "process tree", "timeline (one lane", "processes and threads",
    "pipes and sockets", "made by", "held by", "reaped by", "exit 0", "exit 3", "thread",
    "zombie", "orphan", "longest", "wall time", "standard output", "processes:", "orphans:",
    "(tracer", "ended", "running",
  ]

  /// System calls a note names in a list (`fork, vfork, clone, exec, exit`): code, not English.
  static let systemCalls: Set<String> = [
    "fork", "vfork", "clone", "exec", "exit", "pipe", "socketpair", "socket", "link", "unlink",
    "read", "write", "open",
  ]

  /// The lines of `output` without the quoted text of the traced program (`"reaped 3"`), and
  /// with the system calls a note lists set apart.
  static func ownLines(_ output: String) -> [String] {
    plainText(Array(output.utf8)).split(separator: "\n").map { line in
      var out = ""
      var quoted = false
      for c in line {
        if c == "\"" { quoted.toggle() } else if !quoted { out.append(c) }
      }
      return out.split(separator: " ", omittingEmptySubsequences: false).map { word in
        systemCalls.contains(word.trimmingPrefix("(").filter { $0 != "," }) ? "·" : String(word)
      }.joined(separator: " ")
    }
  }

  /// Whether `line` holds `phrase` with no letter, digit or hyphen on either side of it.
  static func contains(_ line: String, word phrase: String) -> Bool {
    func joins(_ c: Character?) -> Bool {
      guard let c else { return false }
      return c.isLetter || c.isNumber || c == "-" || c == "_"
    }
    var rest = line[...]
    while let range = rest.firstRange(of: phrase) {
      let before =
        range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
      let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
      if !joins(before) && !joins(after) { return true }
      rest = line[range.upperBound...]
    }
    return false
  }

  /// The program in a file of `state`'s directory, so the heading shows its path only.
  static func programFile(_ state: TempState) throws -> String {
    let path = state.path + "/traced.py"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    #expect(fd >= 0)
    try FileIO.writeAll(fd, program)
    close(fd)
    return path
  }

  /// The problems of `output` as a Korean screen: English runs, English labels.
  static func english(in output: String) -> [String] {
    var found: [String] = []
    for line in ownLines(output) {
      if let run = KoreanDemoTests.englishRun(in: line) { found.append("'\(run)' in: \(line)") }
      for label in englishLabels where contains(line, word: label) {
        found.append("'\(label)' in: \(line)")
      }
    }
    return found
  }

  @Test("trace in Korean: headings, columns, cells, notes and labels are Korean")
  func traceInKorean() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let argv = ["trace", "--", "python3", try Self.programFile(state)]
    let ko = try runPiped(["--lang", "ko"] + argv, input: "", state: state)
    #expect(ko.status == .exited(0), "\(ko.stderr)")
    #expect(ko.stdout.contains("프로세스 트리") && ko.stdout.contains("프로그램이 한 일"), "\(ko.stdout)")
    #expect(ko.stdout.contains("종료 3"), "\(ko.stdout)")
    #expect(ko.stdout.contains("밀리초"), "durations in Korean units: \(ko.stdout)")
    #expect(Self.english(in: ko.stdout).isEmpty, "\(Self.english(in: ko.stdout))\n\(ko.stdout)")

    let en = try runPiped(["--lang", "en"] + argv, input: "", state: state)
    #expect(en.status == .exited(0), "\(en.stderr)")
    for heading in ["what it did", "process tree", "processes and threads", "pipes and sockets"] {
      #expect(en.stdout.contains(heading), "English trace lost '\(heading)': \(en.stdout)")
    }
  }

  @Test("trace --json in Korean keeps the report's English names")
  func traceJSONStaysEnglish() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      ["--lang", "ko", "trace", "--json", "--", "python3", try Self.programFile(state)], input: "",
      state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stdout.contains("\"processes and threads\""), "\(r.stdout.prefix(400))")
    #expect(r.stdout.contains("\"longest_zombie\""))
  }

  @Test("check in Korean: the starter's failing checks and the solution's passing ones")
  func checkInKorean() throws {
    var state = TempState()
    state.extraEnvironment = ["XDG_DATA_HOME=\(state.path)/data"]
    defer { state.cleanUp() }
    let copied = try runPiped(["--lang", "ko", "exercise", "reap-three"], input: "", state: state)
    #expect(copied.status == .exited(0), "\(copied.stderr)")
    let starter = try runPiped(
      ["--lang", "ko", "check", "reap-three"], input: "", state: state, timeout: 120)
    #expect(starter.stdout.contains("프로세스:"), "the figures' labels: \(starter.stdout)")
    #expect(starter.stdout.contains("프로세스 트리"), "the failing run's tree: \(starter.stdout)")
    #expect(
      Self.english(in: starter.stdout).isEmpty,
      "\(Self.english(in: starter.stdout))\n\(starter.stdout)")

    let workspace = state.path + "/data/proclab/exercises/reap-three/reap_three.py"
    let solution = TestBinary.sourceRoot + "/lessons/exercises/reap-three/solution/reap_three.py"
    let bytes = try #require(FileIO.readFile(solution))
    let fd = open(workspace, O_WRONLY | O_TRUNC | O_CLOEXEC)
    try FileIO.writeAll(fd, bytes)
    close(fd)
    let passed = try runPiped(
      ["--lang", "ko", "check", "reap-three"], input: "", state: state, timeout: 120)
    #expect(passed.status == .exited(0), "\(passed.stdout)\(passed.stderr)")
    #expect(
      Self.english(in: passed.stdout).isEmpty,
      "\(Self.english(in: passed.stdout))\n\(passed.stdout)")
  }

  /// Bad parameters, one of each kind of refusal.
  static let badParameters: [[String]] = [
    ["fork", "children=abc"], ["fork", "children=100000"], ["fork", "children="],
    ["fork", "nope=1"], ["fork", "children"], ["fork", "=3"], ["pool", "pool=rocket"],
    ["pipe", "what=message,nothing"], ["pipe", "what=message,"], ["zombie", "hold=soon"],
    ["zombie", "hold=99"], ["ids", "python=maybe"],
  ]

  @Test("a demo's refused parameter in Korean, at the prompt and on the command line")
  func badParametersInKorean() throws {
    let state = TempState()
    defer { state.cleanUp() }
    for words in Self.badParameters {
      let line = "run " + words.joined(separator: " ")
      let repl = try runPiped(["--lang", "ko"], input: line + "\n", state: state)
      let cli = try runPiped(["--lang", "ko", "run"] + words, input: "", state: state)
      #expect(cli.status == .exited(2), "\(words): \(cli.stderr)")
      for (what, text) in [("prompt", repl.stdout + repl.stderr), ("command line", cli.stderr)] {
        let said = plainText(Array(text.utf8))
        let named = words.last!.split(separator: "=").first.map(String.init) ?? words.last!
        #expect(said.contains(named), "\(line) (\(what)) named nothing: \(said)")
        #expect(
          said.contains { $0.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 } },
          "\(line) (\(what)): \(said)")
        for l in said.split(separator: "\n") {
          #expect(KoreanDemoTests.englishRun(in: String(l)) == nil, "\(line) (\(what)): \(l)")
        }
      }
      let english = try runPiped(["--lang", "en", "run"] + words, input: "", state: state)
      #expect(english.status == .exited(2), "\(words) in English: \(english.stderr)")
      let englishWords = ["must be", "parameter", "needs a value", "not a", "allowed:"]
      #expect(
        englishWords.contains { english.stderr.contains($0) }
          && !english.stderr.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 },
        "\(words) in English: \(english.stderr)")
    }
  }

  @Test("demos in Korean: every summary is Korean")
  func demosInKorean() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["--lang", "ko"], input: "demos\n", state: state)
    #expect(r.stdout.contains("부모가 기다리기 전에 자식이 끝납니다"), "\(r.stdout)")
    for line in Self.ownLines(r.stdout) {
      #expect(KoreanDemoTests.englishRun(in: line) == nil, "\(line)")
    }
  }

  @Test("an answers file's problems and refusals in Korean")
  func answersFileInKorean() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let file = state.path + "/answers.txt"
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    try FileIO.writeAll(
      fd, "nosuch: 3\nkill-zombie a\n: b\nKILL-ZOMBIE: a\nkill-zombie: a\nkill-zombie: b\n")
    close(fd)
    let r = try runPiped(["--lang", "ko", "quiz", "6", "--answers", file], input: "", state: state)
    let problems = r.stderr.split(separator: "\n").map(String.init)
    #expect(problems.count == 5, "\(r.stderr)")
    let missing = try runPiped(
      ["--lang", "ko", "quiz", "6", "--answers", state.path + "/none.txt"], input: "", state: state)
    for line in problems {
      #expect(line.hasPrefix("proclab: 답안 파일 ") && line.contains("번째 줄: "), "\(line)")
      #expect(KoreanDemoTests.englishRun(in: line) == nil, "\(line)")
    }
    // After the colon comes the system's own error text (strerror), in the C locale's English.
    #expect(missing.stderr.hasPrefix("proclab: 답안 파일을 채점할 수 없습니다: "), "\(missing.stderr)")
  }

  @Test("a prediction's verdict in Korean names the figures by their Korean labels")
  func predictVerdictInKorean() throws {
    let state = TempState()
    defer { state.cleanUp() }
    // Lesson 6's first three questions are predictions: a letter, then true or false twice.
    let r = try runPiped(
      ["--lang", "ko"], input: "quiz 6\nc\n거짓\n참\nquit\n", state: state, timeout: 120)
    #expect(r.stdout.contains("waitpid 뒤에 항목이 사라졌는지"), "\(r.stdout)")
    #expect(r.stdout.contains("고아의 새 부모"), "\(r.stdout)")
    #expect(!r.stdout.contains("the entry is gone"), "\(r.stdout)")
    for line in Self.ownLines(r.stdout) {
      #expect(KoreanDemoTests.englishRun(in: line) == nil, "\(line)")
    }
  }
}
