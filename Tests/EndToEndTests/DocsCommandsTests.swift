import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// Every `proclab …` command shown in a fenced block of README.md and docs/*.md, run with the
/// real binary: a command the docs show must work as shown. Nothing here lists the commands:
/// they are read from the docs when the tests run, so a command added to the docs (`grade`,
/// `glossary`, `--lang`) is run from then on.
///
/// - A shell line (`proclab …`, `$ proclab …`, or a pipeline into `proclab`) runs under
///   `/bin/sh` in a fresh working directory, with `proclab` first on `PATH`, a private state
///   directory and `HOME`, and `PROCLAB_IPC_NAMESPACE`. A doc file's commands run in the order
///   written, sharing that state (`whoami set` before `submit`). Its `# comment` is dropped.
/// - Prompt lines (`proclab › open 1`, `proclab [processes 1/9] › next`) of one block are typed,
///   in order, into one session on piped stdin. The first line a block shows under a command
///   is its output and must appear (digits may differ: pids and timings are measured live).
/// - Before them, the student takes one quiz (`quiz processes`, every question skipped), and
///   the working directory holds an empty `answers.txt`: what the docs' examples read.
/// - A shell line runs without its optional `[…]` parts (`proclab lint [DIR…]` is `proclab
///   lint`).
/// - Every run must end with status 0, or the one its comment documents (`# exit status 1`),
///   and print no usage error or "unknown" command or option.
/// - Not run, each for the reason `skipReason` gives: a synopsis (`<demo>`, `FILE`, `…` left
///   once the optional `[…]` parts are dropped), Tab completion (`⇥`, which needs a terminal),
///   and an empty prompt.
@Suite("Every command the docs show, end to end", .serialized)
struct DocsCommandsTests {
  /// One command found in a doc.
  struct DocCommand: CustomStringConvertible {
    enum Kind { case shell, prompt }
    var file: String
    var line: Int
    var kind: Kind
    /// The command as it will run: comment dropped; for a prompt, what follows `›`.
    var text: String
    /// The first line the block shows under a prompt command, when it shows one.
    var shownOutput: String?
    /// The status the comment documents, else 0.
    var status: Int32
    var skip: String?

    var description: String { "\(file):\(line): \(text)" }
  }

  /// README.md and every docs/*.md, as paths relative to the source tree.
  static var documents: [String] {
    let docs = (FileIO.entries(in: TestBinary.sourceRoot + "/docs") ?? [])
      .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    return ["README.md"] + docs
  }

  /// The commands of one document, in order.
  static func commands(in document: String) throws -> [DocCommand] {
    let bytes = try FileIO.readBounded(TestBinary.sourceRoot + "/" + document, limit: 1 << 22)
    return commands(text: String(decoding: bytes, as: UTF8.self), file: document)
  }

  /// The commands of a Markdown text: lines naming `proclab` inside fenced blocks.
  static func commands(text: String, file: String) -> [DocCommand] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var found: [DocCommand] = []
    var fence: (marker: Character, length: Int)?
    for (index, raw) in lines.enumerated() {
      let trimmed = raw.drop { $0 == " " }
      if let marker = trimmed.first, marker == "`" || marker == "~" {
        let length = trimmed.prefix { $0 == marker }.count
        if length >= 3 {
          if let open = fence {
            if open.marker == marker && length >= open.length
              && trimmed.dropFirst(length).allSatisfy({ $0 == " " })
            {
              fence = nil
            }
          } else {
            fence = (marker, length)
          }
          continue
        }
      }
      guard fence != nil else { continue }
      if let typed = promptCommand(String(trimmed)) {
        // What the block shows under the command, up to the next prompt or the fence.
        var shown: String?
        if let next = lines[(index + 1)...].first, promptCommand(next) == nil,
          !next.hasPrefix("```"), !next.hasPrefix("~~~")
        {
          shown = next
        }
        var command = DocCommand(
          file: file, line: index + 1, kind: .prompt, text: typed, shownOutput: shown, status: 0)
        command.skip = skipReason(prompt: typed)
        found.append(command)
        continue
      }
      var line = String(trimmed)
      if line.hasPrefix("$ ") { line.removeFirst(2) }
      let (command, comment) = splitComment(line)
      guard isShellCommand(command) else { continue }
      found.append(
        DocCommand(
          file: file, line: index + 1, kind: .shell, text: command, shownOutput: nil,
          status: documentedStatus(comment), skip: skipReason(shell: command)))
    }
    return found
  }

  /// What is typed at a prompt line (`proclab › run ids`, `proclab [processes 1/9] › next`).
  static func promptCommand(_ line: String) -> String? {
    guard line.hasPrefix("proclab "), let arrow = line.firstRange(of: "›") else { return nil }
    let between = line[line.index(line.startIndex, offsetBy: 8)..<arrow.lowerBound]
    let bracketed = between.hasPrefix("[") && between.hasSuffix("] ")
    guard between.isEmpty || bracketed else { return nil }
    return String(line[arrow.upperBound...].drop { $0 == " " })
  }

  /// Whether a shell line runs proclab: it starts with `proclab ` (or is `proclab`), or pipes
  /// into it (`printf … | proclab`).
  static func isShellCommand(_ line: String) -> Bool {
    line == "proclab" || line.hasPrefix("proclab ") || line.contains("| proclab")
  }

  /// The line and its `# comment` (a `#` after a space, outside quotes).
  static func splitComment(_ line: String) -> (command: String, comment: String) {
    var quote: Character?
    var previous: Character = " "
    for index in line.indices {
      let c = line[index]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "'" || c == "\"" {
        quote = c
      } else if c == "#" && previous == " " {
        let command = line[..<index].trimmingCharacters(of: " ")
        return (command, String(line[line.index(after: index)...]))
      }
      previous = c
    }
    return (line.trimmingCharacters(of: " "), "")
  }

  /// `N` in a comment saying `exit status N` or `exits N`; else 0.
  static func documentedStatus(_ comment: String) -> Int32 {
    for marker in ["exit status ", "exits "] {
      if let r = comment.firstRange(of: marker),
        let n = Int32(comment[r.upperBound...].prefix { $0.isNumber })
      {
        return n
      }
    }
    return 0
  }

  /// The line without its optional `[…]` parts (outside quotes).
  static func withoutOptionalParts(_ line: String) -> String {
    var out = ""
    var depth = 0
    var quote: Character?
    for c in line {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "'" || c == "\"" {
        quote = c
      } else if c == "[" {
        depth += 1
        continue
      } else if c == "]" && depth > 0 {
        depth -= 1
        continue
      }
      if depth == 0 { out.append(c) }
    }
    return out.split(separator: " ").joined(separator: " ")
  }

  /// Why a shell line is not run, or nil.
  static func skipReason(shell line: String) -> String? {
    let required = withoutOptionalParts(line)
    if required.contains("…") || required.contains("<") && required.contains(">") {
      return "a synopsis, not a command: '\(required)' still has a placeholder"
    }
    let placeholder = required.split(separator: " ").first { word in
      word.count >= 3 && word.allSatisfy { $0.isUppercase || $0 == "_" }
    }
    if let placeholder { return "a synopsis, not a command: \(placeholder) is a placeholder" }
    return nil
  }

  /// Why a prompt line is not run, or nil.
  static func skipReason(prompt typed: String) -> String? {
    if typed.isEmpty { return "an empty prompt" }
    if typed.contains("⇥") { return "Tab completion needs a terminal" }
    return skipReason(shell: typed)
  }

  /// The words that mark a usage error or an unknown command or option, in any case.
  static let refusals = [
    "usage:", "error: unknown", "unknown option", "unknown command", "unknown subcommand",
    "unexpected argument", "missing expected argument",
  ]

  static func refusal(in output: String) -> String? {
    let lower = output.lowercased()
    return refusals.first { lower.contains($0) }
  }

  /// Digits as one `0` per run: pids and timings differ from run to run.
  static func digitsFolded(_ text: String) -> String {
    var out = ""
    var inDigits = false
    for c in text {
      if c.isASCII && c.isNumber {
        if !inDigits { out.append("0") }
        inDigits = true
      } else {
        out.append(c)
        inDigits = false
      }
    }
    return out
  }

  /// A shown output line worth comparing: text, not a drawing, an elision or a prompt.
  static func comparable(_ line: String?) -> String? {
    guard let line = line?.trimmingCharacters(of: " "), !line.isEmpty,
      let first = line.unicodeScalars.first
    else { return nil }
    if line.contains("…") || (0x2500...0x259F).contains(first.value) || "+|".contains(line.first!) {
      return nil
    }
    return line
  }

  /// A working directory, a `PATH` entry with `proclab` in it, and the state every command of
  /// one doc shares.
  struct Sandbox {
    let state: TempState
    let work: String
    let bin: String

    init() throws {
      state = TempState()
      work = state.path + "/work"
      bin = state.path + "/bin"
      mkdir(work, 0o700)
      mkdir(bin, 0o700)
      try #require(symlink(proclabBinary, bin + "/proclab") == 0)
      // What the docs' examples read: the answers file of `quiz … --answers answers.txt`.
      let fd = open(work + "/answers.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      try FileIO.writeAll(fd, "# an empty answers file: every question unanswered\n")
      close(fd)
      // The student's own program of `proclab trace -- python3 my_pool.py`: a Pool(3).
      let pool = open(work + "/my_pool.py", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      try FileIO.writeAll(
        pool,
        """
        from multiprocessing import Pool
        if __name__ == "__main__":
            with Pool(3) as p:
                print(p.map(abs, range(-5, 5)))

        """)
      close(pool)
      // The teacher's folders of `proclab grade submissions/ --lessons my-lessons …`.
      mkdir(work + "/submissions", 0o700)
      mkdir(work + "/my-lessons", 0o700)
    }

    var environment: [String] {
      let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
      return state.environment.filter { !$0.hasPrefix("PATH=") && !$0.hasPrefix("HOME=") } + [
        "PATH=\(bin):\(path)", "HOME=\(state.path)", "COLUMNS=100",
      ]
    }

    /// A student who has taken one quiz (every question skipped), so that what reads the
    /// record (`submit`, `progress`) has something to read.
    func takeAQuiz() throws {
      let r = try CapturedRun.run(
        ["proclab", "quiz", "processes"], executable: proclabBinary, environment: environment,
        input: .text(String(repeating: "skip\n", count: 40)), timeout: 60)
      #expect(r.status == .exited(0), "the set-up quiz: \(r.stderrText)")
      // Handed in, as docs/grading.md's class example collects it.
      for args in [
        ["whoami", "set", "Kim Minji", "--id", "2026123"],
        ["submit", "-o", work + "/submissions/proclab-result-2026123.json"],
      ] {
        let s = try CapturedRun.run(
          ["proclab"] + args, executable: proclabBinary, environment: environment, timeout: 60)
        #expect(s.status == .exited(0), "the set-up \(args[0]): \(s.stderrText)")
      }
    }

    /// Runs a shell line without its optional `[…]` parts, or types a prompt session.
    func run(_ command: DocCommand, input: String = "") throws -> CapturedRun {
      let line = DocsCommandsTests.withoutOptionalParts(command.text)
      let script = command.kind == .shell ? "cd '\(work)' && \(line)" : "cd '\(work)' && proclab"
      return try CapturedRun.run(
        ["sh", "-c", script], executable: "/bin/sh", environment: environment,
        input: .text(input), timeout: 120, graceAfterTimeout: 10)
    }
  }

  @Test("the extraction finds the commands, prompts and synopses a doc shows")
  func extraction() {
    let text = """
      Prose with `proclab lessons` inline is not a command block.

      ```
      proclab lessons                 # the path
      $ proclab quiz x --answers - # exit status 2
      printf 'open 1\\nquit\\n' | proclab
      proclab run <demo> [--json]
      proclab submit [lesson…] [-o FILE]
      proclab run spawn [runs=5]
      ```

      ~~~markdown
      ```demo
      ids
      ```
      proclab › open 1
      ── Lesson one · step 1 of 2 ──
      proclab [one 1/2] › run zom⇥
      proclab [one 1/2] ›
      ~~~
      """
    let found = Self.commands(text: text, file: "x.md")
    #expect(
      found.map(\.text) == [
        "proclab lessons", "proclab quiz x --answers -", "printf 'open 1\\nquit\\n' | proclab",
        "proclab run <demo> [--json]", "proclab submit [lesson…] [-o FILE]",
        "proclab run spawn [runs=5]", "open 1", "run zom⇥", "",
      ])
    #expect(found.map(\.status) == [0, 2, 0, 0, 0, 0, 0, 0, 0])
    #expect(
      found.map { $0.skip == nil } == [true, true, true, false, true, true, true, false, false])
    #expect(found.map(\.kind).filter { $0 == .prompt }.count == 3)
    #expect(found[6].shownOutput == "── Lesson one · step 1 of 2 ──")
    #expect(Self.refusal(in: "Error: Unknown option '--jsn'\nUsage: proclab run") != nil)
    #expect(Self.refusal(in: "unknown command 'opne' — did you mean 'open'?") != nil)
    #expect(Self.refusal(in: "score: 3/4") == nil)
  }

  @Test("README.md shows commands, and the docs show some at the prompt")
  func theDocsShowCommands() throws {
    let readme = try Self.commands(in: "README.md")
    #expect(readme.filter { $0.skip == nil && $0.kind == .shell }.count >= 5)
    #expect(readme.contains { $0.skip == nil && $0.kind == .prompt })
  }

  @Test("every command a doc shows runs as shown", arguments: DocsCommandsTests.documents)
  func everyCommand(document: String) throws {
    let sandbox = try Sandbox()
    defer { sandbox.state.cleanUp() }
    try sandbox.takeAQuiz()
    let commands = try Self.commands(in: document)
    for command in commands where command.kind == .shell && command.skip == nil {
      let r = try sandbox.run(command)
      let output = r.stdoutText + r.stderrText
      #expect(
        r.status == .exited(command.status), "\(command): \(r.status)\n\(output.suffix(2000))")
      #expect(Self.refusal(in: output) == nil, "\(command):\n\(output.suffix(2000))")
      #expect(!r.timedOut, "\(command): still running after 120 s")
    }
    // The prompt lines, typed into one session on piped stdin.
    let typed = commands.filter { $0.kind == .prompt && $0.skip == nil }
    guard let first = typed.first else { return }
    let r = try sandbox.run(first, input: typed.map { $0.text + "\n" }.joined() + "quit\n")
    let output = r.stdoutText + r.stderrText
    #expect(r.status == .exited(0), "\(document): \(r.status)\n\(output.suffix(2000))")
    #expect(Self.refusal(in: output) == nil, "\(document):\n\(output.suffix(3000))")
    let folded = Self.digitsFolded(output)
    for command in typed {
      guard let shown = Self.comparable(command.shownOutput) else { continue }
      #expect(
        folded.contains(Self.digitsFolded(shown)),
        "\(command) shows '\(shown)', which the session did not print:\n\(output.suffix(3000))")
    }
  }
}

extension StringProtocol {
  /// The text without `character` at either end.
  fileprivate func trimmingCharacters(of character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
