import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// What README.md and docs/*.md say the binary does, one claim at a time, each checked against
/// the real binary (issue 17, "Lint and docs a teacher can rely on"). Each test names the doc
/// and the claim it checks.
@Suite("The docs' claims, end to end", .serialized)
struct DocsClaimsTests {
  static func write(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(fd >= 0)
    defer { close(fd) }
    try FileIO.writeAll(fd, text)
  }

  static func document(_ name: String) throws -> String {
    String(
      decoding: try FileIO.readBounded(TestBinary.sourceRoot + "/" + name, limit: 1 << 22),
      as: UTF8.self)
  }

  /// A directory `mine` in the state directory holding one lesson file.
  static func lessonDirectory(_ state: TempState, _ name: String, _ text: String) throws -> String {
    let dir = state.path + "/mine"
    mkdir(dir, 0o700)
    try write(text, to: dir + "/" + name)
    return dir
  }

  @Test("lesson-format.md: a demo block runs where it stands when its step opens")
  func demoBlocksRunWhenTheStepOpens() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.lessonDirectory(
      state, "d.md",
      """
      ---
      id: demo-order
      title: Demo order
      ---

      ## One {#one}

      Before the demo.

      ```demo
      ids
      ```

      After the demo.

      """)
    let r = try runPiped(["--lessons", dir], input: "open demo-order\n", state: state)
    let out = r.stdout
    let before = try #require(out.firstRange(of: "Before the demo."))
    let demo = try #require(out.firstRange(of: "getppid"), "no ids output: \(out)")
    let after = try #require(out.firstRange(of: "After the demo."))
    #expect(before.upperBound <= demo.lowerBound && demo.upperBound <= after.lowerBound, "\(out)")
  }

  static let longSummary = String(repeating: "A summary that goes on and on. ", count: 6)

  static func summaryLesson(_ state: TempState) throws -> String {
    try Self.lessonDirectory(
      state, "s.md",
      """
      ---
      id: summed
      title: Summed
      summary: \(longSummary)
      order: 1
      ---

      ## One {#one}

      Text.

      """)
  }

  @Test("progress.md/lesson-format.md: lessons shows each summary when wide, cut with …")
  func summaryInLessons() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.summaryLesson(state)
    var wide = state
    wide.extraEnvironment = ["COLUMNS=120"]
    let r = try runPiped(["--lessons", dir], input: "lessons\n", state: wide)
    let lines = r.stdout.split(separator: "\n")
    let header = try #require(lines.first { $0.contains("title") && $0.contains("steps") })
    #expect(header.contains("summary"), "\(r.stdout)")
    let row = try #require(lines.first { $0.contains("summed") }, "\(r.stdout)")
    // Cut with an ellipsis: `…`, or `...` where the terminal takes no Unicode (piped here).
    #expect(
      row.contains("A summary that goes") && (row.contains("…") || row.contains("...")),
      "\(row)")
    #expect(lines.allSatisfy { $0.count <= 120 }, "\(r.stdout)")
    // Every built-in lesson's summary starts in its row (the titles are not cut for it).
    let processes = try #require(lines.first { $0.contains(" processes ") }, "\(r.stdout)")
    #expect(processes.contains("Processes and their ids"), "\(processes)")

    var narrow = state
    narrow.extraEnvironment = ["COLUMNS=100"]
    let n = try runPiped(["--lessons", dir], input: "lessons\n", state: narrow)
    #expect(!n.stdout.contains("summary"), "\(n.stdout)")
    #expect(!n.stdout.contains("A summary that goes"), "\(n.stdout)")
    #expect(n.stdout.contains("Summed"), "\(n.stdout)")
  }

  @Test("lesson-format.md: open shows the lesson's summary")
  func summaryAtOpen() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.summaryLesson(state)
    let r = try runPiped(["--lessons", dir], input: "open summed\n", state: state)
    #expect(r.stdout.contains("A summary that goes on and on."), "\(r.stdout)")
  }

  @Test("every 'name=N: must be between A and B' the docs quote is a real parameter's bounds")
  func quotedBoundsAreReal() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["demos", "--json"], input: "", state: state)
    let json = try DemoCatalogJSON.parameters(r.stdout)
    var quoted: [(String, Int, Int, String)] = []
    for name in DocsCommandsTests.documents {
      let text = try Self.document(name)
      // `processes=99: must be between 1 and 64`, in backticks.
      for piece in text.split(separator: "`") {
        let words = piece.split(separator: " ")
        guard words.count == 7, words[0].hasSuffix(":"),
          words[1...3].elementsEqual(["must", "be", "between"]), words[5] == "and",
          let equals = words[0].firstIndex(of: "="), let low = Int(words[4]),
          let high = Int(words[6])
        else { continue }
        quoted.append((String(words[0][..<equals]), low, high, "\(name): `\(piece)`"))
      }
    }
    #expect(quoted.count >= 2, "the docs quote no bounds any more: \(quoted)")
    for (parameter, low, high, where_) in quoted {
      let real = json.filter { $0.name == parameter }.map { "\($0.min)…\($0.max)" }
      #expect(
        real.contains("\(low)…\(high)"), "\(where_): the demos declare \(parameter) as \(real)")
    }
  }

  @Test("lesson-format.md: 'answer: 4 ± 0.5 s' needs 'unit:', and lint says so in one line")
  func inlineUnitNeedsUnitLine() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let lesson = """
      ---
      id: units
      title: Units
      ---

      ## One {#one}

      ```quiz
      id: n
      kind: number
      ask: How long?
      answer: 4 ± 0.5 s
      UNIT
      ```

      """
    let dir = try Self.lessonDirectory(state, "u.md", lesson.replacingAll("UNIT", with: ""))
    let r = try runPiped(["lint", dir], input: "", state: state)
    #expect(r.status == .exited(1))
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 1, "\(r.stdout)")
    #expect(
      lines.first?.contains("the answer of question 'n' is in 's', which needs a line 'unit: s'")
        == true, "\(r.stdout)")
    try Self.write(lesson.replacingAll("UNIT", with: "unit: s"), to: dir + "/u.md")
    let fixed = try runPiped(["lint", dir], input: "", state: state)
    #expect(fixed.status == .exited(0), "\(fixed.stdout)")
  }

  @Test("lesson-format.md: opening text before the first ## is a step: its title and id")
  func openingTextIsAStep() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.lessonDirectory(
      state, "o.md",
      """
      ---
      id: opening
      title: The lesson's title
      ---

      # Pipes and pipelines

      Opening text.

      ## Next {#next}

      More.

      """)
    let r = try runPiped(
      ["--lessons", dir], input: "open opening pipes-and-pipelines\nwhere\n", state: state)
    #expect(r.stdout.contains("Opening text."), "\(r.stdout)")
    #expect(r.stdout.contains("step 1 of 2: Pipes and pipelines"), "\(r.stdout)")

    // Text before any heading: titled by the lesson's title, its id that title's slug.
    try Self.write(
      "---\nid: opening\ntitle: The lesson's title\n---\n\nOpening text.\n\n## Next {#next}\n\nMore.\n",
      to: dir + "/o.md")
    let bare = try runPiped(
      ["--lessons", dir], input: "open opening the-lessons-title\nwhere\n", state: state)
    #expect(bare.stdout.contains("step 1 of 2: The lesson's title"), "\(bare.stdout)")
  }

  @Test("lesson-format.md: order answers by the items' own words, commas and parentheses too")
  func orderByItemWords() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = try Self.lessonDirectory(
      state, "w.md",
      """
      ---
      id: ordering
      title: Ordering
      ---

      ## One {#one}

      ```quiz
      id: o
      kind: order
      ask: Put them in order.
      items:
        a) wait (for the child)
        b) fork, then copy
        c) exec
      answer: b, c, a
      ```

      """)
    for answer in [
      "fork, then copy, exec, wait (for the child)",
      "fork, then copy > exec > wait (for the child)",
      "b, c, a",
    ] {
      let r = try runPiped(
        ["quiz", "ordering", "--lessons", dir, "--answers", "-"], input: "o: \(answer)\n",
        state: state)
      #expect(r.stdout.contains("score: 1/1"), "\(answer): \(r.stdout)\(r.stderr)")
    }
    let wrong = try runPiped(
      ["quiz", "ordering", "--lessons", dir, "--answers", "-"],
      input: "o: exec, fork, then copy, wait (for the child)\n", state: state)
    #expect(
      wrong.stdout.contains("score: 0/1") && wrong.stdout.contains("\tincorrect\t"),
      "\(wrong.stdout)")
  }

  @Test("demos.md: proclab run --list shows each demo's parameters, default and bounds")
  func runListShowsParameters() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["run", "--list"], input: "", state: state)
    #expect(r.status == .exited(0))
    let lines = r.stdout.split(separator: "\n")
    let demo = try #require(lines.firstIndex { $0.hasPrefix("shm-race\t") }, "\(r.stdout)")
    let parameters = lines[(demo + 1)...].prefix { $0.hasPrefix("    ") }
    #expect(
      parameters.contains { $0.hasPrefix("    processes=2\ta whole number between 1 and 64\t") },
      "\(parameters)")
  }

  @Test("demos.md: a metric is text exactly when its unit is text, as the table says")
  func textMetrics() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(["demos", "--json"], input: "", state: state)
    let metrics = try DemoCatalogJSON.metrics(r.stdout)
    #expect(metrics.contains { $0.unit == "text" })
    let doc = try Self.document("docs/demos.md")
    for metric in metrics {
      let expected =
        switch metric.unit {
        case "text": "text"
        case "boolean": "boolean"
        case "list": "list"
        default: metric.type == "integer" ? "integer" : "number"
        }
      #expect(metric.type == expected, "\(metric)")
    }
    #expect(
      doc.split(separator: "\n").joined(separator: " ").contains("a metric in unit `text` is text"),
      "docs/demos.md lost the sentence")
  }

  @Test("lesson-format.md: the answers file takes lesson/question ids and plain ids under quiz all")
  func answersFileIDs() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let key = try runPiped(["quiz", "processes", "--key"], input: "", state: state)
    let answered = key.stdout.split(separator: "\n").filter {
      !$0.hasPrefix("#") && $0.contains(":") && !$0.hasSuffix(":")
    }
    let first = try #require(answered.first, "\(key.stdout)")
    let r = try runPiped(
      ["quiz", "all", "--answers", "-"], input: "processes/\(first)\n", state: state)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    let id = String(first.prefix { $0 != ":" })
    #expect(
      r.stdout.split(separator: "\n").contains { $0.hasPrefix("processes/\(id)\tcorrect") },
      "\(r.stdout)")
  }

  @Test("lesson-format.md/README.md: --shuffle --seed repeats an order; another seed another")
  func shuffleSeed() throws {
    let state = TempState()
    defer { state.cleanUp() }
    func order(_ seed: String) throws -> [Substring] {
      let r = try runPiped(
        ["quiz", "all", "--template", "--shuffle", "--seed", seed], input: "", state: state)
      #expect(r.status == .exited(0), "\(r.stderr)")
      return r.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.hasSuffix(":") }
    }
    let a = try order("7")
    #expect(a.count >= 20)
    #expect(try order("7") == a)
    #expect(try order("8") != a)
    let plain = try runPiped(["quiz", "all", "--template"], input: "", state: state)
    #expect(
      plain.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.hasSuffix(":") }
        != a)
  }

  @Test("progress.md: progress --json has figures and record; --csv the documented header")
  func progressExports() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let json = try runPiped(["progress", "--json"], input: "", state: state)
    #expect(json.status == .exited(0))
    let object = try JSONDecoder().decode([String: AnyJSON].self, from: Data(json.stdout.utf8))
    #expect(Set(object.keys).isSuperset(of: ["figures", "record"]), "\(json.stdout)")
    let csv = try runPiped(["progress", "--csv"], input: "", state: state)
    #expect(csv.status == .exited(0))
    #expect(
      csv.stdout.split(separator: "\n").first
        == "lesson,question,asked,right_first_time,box,to_review,last_asked", "\(csv.stdout)")
  }

  @Test("lesson-format.md/--help: $PROCLAB_LESSONS separates directories with ':'")
  func lessonsSeparator() throws {
    let state = TempState()
    defer { state.cleanUp() }
    for (name, id) in [("a", "from-a"), ("b", "from-b")] {
      mkdir(state.path + "/" + name, 0o700)
      try Self.write(
        "---\nid: \(id)\ntitle: \(id)\n---\n\n## One {#one}\n\nText.\n",
        to: state.path + "/\(name)/\(id).md")
    }
    var env = state
    env.extraEnvironment = ["PROCLAB_LESSONS=\(state.path)/a:\(state.path)/b"]
    let r = try runPiped(["lessons"], input: "", state: env)
    #expect(r.stdout.contains("\tfrom-a\t") && r.stdout.contains("\tfrom-b\t"), "\(r.stdout)")
    let help = try runPiped(["--help"], input: "", state: state)
    #expect(help.stdout.contains("--lessons DIR"), "\(help.stdout)")
    #expect(
      help.stdout.split(separator: "\n").joined(separator: " ").contains(
        "$PROCLAB_LESSONS (directories separated by ':')"), "\(help.stdout)")
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
