import OSKit
import Testing

/// The demos speak Korean: `proclab --lang ko run <demo>` draws its notes, headings, table
/// titles and column names in Korean, and the same run in English is the English text.
@Suite(.serialized) struct KoreanDemoTests {
  /// The converted demos, with small parameters, and one English sentence of each that
  /// English mode must still print as it always did.
  static let demos: [(arguments: [String], english: String)] = [
    (["ids", "python=off"], "Two real processes: the one you typed into, and the child"),
    (["zombie", "hold=0", "python=off"], "yet stayed in the process table as a zombie (Z)"),
    (["orphan"], "The kernel gave the child a new parent:"),
    (["fork", "children=2", "python=off"], "Each fork() returned twice:"),
    (["subprocess", "lines=4"], "A non-zero status and text on stderr are how a program says"),
    (
      ["spawn", "what=fork,thread", "runs=1", "target=0.005"],
      "Each row starts one child and waits for it:"
    ),
    (["memory"], "The thread wrote into the process's own memory, so the main thread saw it"),
    (["fds", "lines=20", "files=3", "hold=0.1"], "With two open()s, 640 bytes were lost:"),
    (["exec"], "execve kept the process: the same pid"),
    (
      ["threads", "count=2", "interval=0.1", "for=0.3"],
      "main thread: joined. The worker saw the flag"
    ),
    (["timeit", "what=set,insert", "runs=1", "target=0.005"], "Each row ran once to warm up"),
    (["cpu-scaling", "n=1_000_000", "runs=1"], "Each worker counts down n;"),
    (["cpu-scaling", "n=1_000_000", "runs=1", "python=off"], "threads have no global lock:"),
    (["pool", "pool=thread", "duration=0.02"], "The GIL tutorial's table, measured"),
    (
      ["pool", "mode=apply", "duration=0.02"],
      "apply waited for each task before sending the next"
    ),
    (["pool", "mode=overhead", "python=off"], "The cost of a task itself: tasks that do nothing"),
    (["primes", "runs=1"], "Every way gave the same answers."),
    (
      ["parallel", "work=0.05", "zoom=0.01"],
      "On one CPU the tasks were concurrent but not parallel"
    ),
    (["sched", "unit=0.02"], "The scheduler keeps its events in a min-heap"),
    (["pipe", "what=message,duplex", "messages=5"], "A pipe carries bytes one way only"),
    (["pipe", "what=message", "framing=off"], "the kernel keeps bytes, not messages"),
    (
      ["pipe", "what=latency,bandwidth", "rounds=100", "volume=1", "cpus=same"],
      "Small chunks are dominated by the fixed cost"
    ),
    (
      ["queue", "what=order,timeouts,workers,bounded", "items=4", "timeout=0.05"],
      "FIFO gives items back in the order they were put"
    ),
    (["queue", "what=throughput", "messages=1000"], "8-byte messages from one process to another"),
    (["shm-race", "increments=10000"], "Each worker is a separate process"),
    (
      ["semaphore", "workers=3", "limit=2", "hold=0.02", "timeout=0.05"],
      "acquire() takes one unit or sleeps while the value is 0"
    ),
    (["mutex", "increments=1000"], "The mutex remembers its owner"),
    (
      ["ipc-compare", "rounds=100", "volume=1"],
      "A round trip is dominated by waking the other process"
    ),
    (
      ["nice", "show=share,yield,quota", "for=0.2", "runs=1"],
      "The scheduler gives each runnable process CPU time in proportion to its weight"
    ),
    (["signals", "repeats=20", "children=2"], "One killpg() reached every process of group"),
    (["cow", "size=4", "writes=0,50", "sizes=1,4", "runs=1"], "the kernel copies that one page"),
    (["condvar", "items=200", "python=off"], "With if, consumers woke"),
    (["deadlock", "rounds=20"], "The wait-for graph has a cycle:"),
    (["mp-inside", "start=forkserver", "duration=0.02"], "every worker was forked from it"),
    (["mp-inside", "program=queue", "start=spawn"], "A Queue starts its feeder thread"),
  ]

  /// The first run of four or more ASCII words in `line` (a word: ASCII letters only, once
  /// brackets, quotes and trailing punctuation are taken off), or nil. Code (`getpid()` keeps
  /// no bracket inside: `os.getpid` has a dot), paths, numbers and metric values such as `Z`
  /// alone do not make such a run. A single letter (a variable, a task's label `A`) and
  /// Python's literals `True`, `False`, `None` (values a demo shows) neither make nor break a
  /// run.
  static func englishRun(in line: String) -> String? {
    var run: [String] = []
    for token in line.split(whereSeparator: { $0 == " " || $0 == "│" || $0 == "|" }) {
      if neutral(token) { continue }
      if let word = word(token) {
        run.append(word)
        if run.count >= 4 { return run.joined(separator: " ") }
      } else {
        run = []
      }
    }
    return nil
  }

  /// `token` as a word (ASCII letters only, once brackets, quotes and trailing punctuation
  /// are taken off), or nil.
  static func word(_ token: Substring) -> String? {
    let word = token.trimmingCharacters(in: "()[]{}\"'`,.:;!?*")
    let isWord =
      !word.isEmpty && word.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
    return isWord ? word : nil
  }

  /// A token that is one letter, or one letter repeated (a figure's bar labels `AA`, `BBB`),
  /// or a Python literal, which the run detector skips.
  static func neutral(_ token: Substring) -> Bool {
    guard let word = word(token) else { return false }
    return Set(word).count == 1 || ["True", "False", "None"].contains(word)
  }

  /// `output` as plain text with every run of white space one space (notes wrap at the width).
  static func collapsed(_ output: String) -> String {
    plainText(Array(output.utf8)).split(whereSeparator: { $0 == " " || $0 == "\n" })
      .joined(separator: " ")
  }

  @Test("the run detector sees English and lets Korean with code and numbers through")
  func detector() {
    #expect(Self.englishRun(in: "The kernel gave the child a new parent") != nil)
    #expect(Self.englishRun(in: "자식 4242의 ppid는 4241입니다: getpid() 값 (exited with status 7)") == nil)
    #expect(Self.englishRun(in: "uid 0 gid 0 cwd /tmp/x Z") == nil)
    #expect(Self.englishRun(in: "{i for i in range(100)} │ A A A A │ True True True True") == nil)
    #expect(Self.englishRun(in: "AA AA BBB AAAA") == nil)
    #expect(Self.englishRun(in: "start a worker that exits with 3") != nil)
  }

  @Test("--lang ko: every converted demo's own lines are Korean", arguments: demos)
  func korean(_ demo: (arguments: [String], english: String)) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["--lang", "ko", "run"] + demo.arguments, input: "", state: state)
    #expect(r.status == .exited(0), "\(demo.arguments): \(r.stderr)")
    let lines = plainText(Array(r.stdout.utf8)).split(separator: "\n").map(String.init)
    #expect(lines.count > 3, "\(demo.arguments) printed too little: \(r.stdout)")
    for line in lines {
      // After this prefix comes sort's own error message, in the C locale's English.
      let own =
        line.firstRange(of: "두 번째 명령의 stderr:").map { String(line[..<$0.lowerBound]) } ?? line
      #expect(Self.englishRun(in: own) == nil, "\(demo.arguments[0]) in Korean: \(line)")
    }
    #expect(!Self.collapsed(r.stdout).contains(demo.english))
  }

  @Test("English mode: the same demo prints its English sentences", arguments: demos)
  func english(_ demo: (arguments: [String], english: String)) throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["--lang", "en", "run"] + demo.arguments, input: "", state: state)
    #expect(r.status == .exited(0), "\(demo.arguments): \(r.stderr)")
    #expect(Self.collapsed(r.stdout).contains(demo.english), "\(r.stdout)")
  }
}

extension Substring {
  /// The substring without any of `characters` at either end.
  fileprivate func trimmingCharacters(in characters: String) -> String {
    let set = Set(characters)
    var s = self[...]
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return String(s)
  }
}
