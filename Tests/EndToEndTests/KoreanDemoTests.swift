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
    (
      ["threads", "count=2", "interval=0.1", "for=0.3"],
      "main thread: joined. The worker saw the flag"
    ),
    (["condvar", "items=200", "python=off"], "With if, consumers woke"),
    (["deadlock", "rounds=20"], "The wait-for graph has a cycle:"),
  ]

  /// The first run of four or more ASCII words in `line` (a word: ASCII letters only, once
  /// brackets, quotes and trailing punctuation are taken off), or nil. Code (`getpid()` keeps
  /// no bracket inside: `os.getpid` has a dot), paths, numbers and metric values such as `Z`
  /// alone do not make such a run.
  static func englishRun(in line: String) -> String? {
    var run: [String] = []
    for token in line.split(whereSeparator: { $0 == " " || $0 == "│" || $0 == "|" }) {
      let word = token.trimmingCharacters(in: "()[]{}\"'`,.:;!?")
      let isWord =
        !word.isEmpty && word.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
      if isWord {
        run.append(word)
        if run.count >= 4 { return run.joined(separator: " ") }
      } else {
        run = []
      }
    }
    return nil
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
