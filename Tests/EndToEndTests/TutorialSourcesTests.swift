import Demos
import Glibc
import Lessons
import OSKit
import Render
import Testing

/// The shipped tutorial manifest (lessons/python/sources.json).
let shippedManifest: TutorialManifest? = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)
  let file = TutorialManifest.file(in: parts.joined(separator: "/") + "/lessons")
  return try? TutorialManifest.load(file: file)
}()

/// The tree's README.md.
let readmePath: String = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)
  return parts.joined(separator: "/") + "/README.md"
}()

/// Where `text` says "seed" or "seeds" as a word (case-insensitive), not counting the quiz's
/// `--seed` shuffle option: each hit with a little context, for the failure message.
func seedWords(in text: String) -> [String] {
  let cleaned = text.replacing("--seed", with: "--shuffle-number")
  let lines = cleaned.split(separator: "\n", omittingEmptySubsequences: false)
  var hits: [String] = []
  for (i, line) in lines.enumerated() {
    let lower = line.lowercased()
    var words: [Substring] = []
    var current = lower.startIndex
    // A word is a run of letters and digits; "seed-numbers" holds the word "seed".
    while current < lower.endIndex {
      guard let start = lower[current...].firstIndex(where: { $0.isLetter || $0.isNumber })
      else { break }
      let end =
        lower[start...].firstIndex(where: { !($0.isLetter || $0.isNumber) })
        ?? lower.endIndex
      words.append(lower[start..<end])
      current = end
    }
    if words.contains(where: { $0 == "seed" || $0 == "seeds" }) {
      hits.append("line \(i + 1): \(line)")
    }
  }
  return hits
}

/// Each demo with the parameters the "seed" check runs it with: the defaults, except where a
/// default run takes longer than about 5 s on 2 CPUs (timeit, spawn, primes, cpu-scaling),
/// which get their smallest sizes. A few more modes are added whose notes quote a tutorial.
func demoInvocationsForWordCheck() -> [[String]] {
  let smaller: [String: [String]] = [
    "timeit": ["runs=1", "target=0.005"],  // about 27 s by default
    "spawn": ["runs=1", "target=0.005"],  // about 13 s
    "primes": ["runs=1", "ways=serial,process"],  // about 15 s
    "cpu-scaling": ["n=1_000_000", "runs=1"],  // about 47 s
    "nice": ["for=0.2", "runs=1"],  // about 6 s
  ]
  var out = DemoCatalog.all.map { [$0.name] + (smaller[$0.name] ?? []) }
  out.append(["cpu-scaling", "n=1_000_000", "runs=1", "python=off"])  // the recorded figures
  out.append(["pool", "mode=apply", "duration=0.05"])
  return out
}

/// Writes `text` to a new file at `path`.
func writeFile(_ path: String, _ text: String) throws {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard fd >= 0 else { throw SystemError("creating \(path)") }
  defer { close(fd) }
  try FileIO.writeAll(fd, text)
}

@Suite("The tutorials: named, listed and shown", .serialized)
struct TutorialSourcesTests {
  @Test("no lesson, not the README and no doc says 'seed'")
  func noSeedInLessonsOrReadme() throws {
    #expect(!shippedLibrary.lessons.isEmpty)
    for lesson in shippedLibrary.lessons {
      let text = try #require(FileIO.readText(lesson.file), "cannot read \(lesson.file)")
      let hits = seedWords(in: text)
      #expect(hits.isEmpty, "\(lesson.file): \(hits.joined(separator: "; "))")
    }
    let docs = ["architecture.md", "demos.md", "lesson-format.md"].map {
      String(readmePath.dropLast("README.md".count)) + "docs/" + $0
    }
    for file in [readmePath] + docs {
      let text = try #require(FileIO.readText(file), "cannot read \(file)")
      let hits = seedWords(in: text)
      #expect(hits.isEmpty, "\(file): \(hits.joined(separator: "; "))")
    }
  }

  @Test("the check finds the word where it is, and not in --seed")
  func seedCheckFindsTheWord() {
    #expect(seedWords(in: "As Seed 004 says").count == 1)
    #expect(seedWords(in: "open gil seed-numbers").count == 1)
    #expect(seedWords(in: "the seeds' figures").count == 1)
    #expect(seedWords(in: "proclab quiz all --seed 7").isEmpty)
    #expect(seedWords(in: "seeded, seedling, linseed").isEmpty)
  }

  // The text output carries every note, table, heading and figure a report holds; the JSON
  // report's other keys are the declared metrics, checked here through their declarations.
  @Test("no demo's summary, parameters, metric labels or output says 'seed'")
  func noSeedInDemos() throws {
    for demo in DemoCatalog.all {
      let declared =
        [demo.summary] + demo.parameters.flatMap { [$0.name, $0.help, $0.defaultValue] }
        + demo.metrics.flatMap { [$0.path, $0.label, $0.meaning] }
      let hits = seedWords(in: declared.joined(separator: "\n"))
      #expect(hits.isEmpty, "\(demo.name)'s declaration: \(hits)")
    }
    for invocation in demoInvocationsForWordCheck() {
      let state = TempState()
      defer { state.cleanUp() }
      let r = try runPiped(["run"] + invocation, input: "", state: state, timeout: 120)
      let line = invocation.joined(separator: " ")
      #expect(r.status == .exited(0), "\(line): \(r.status) \(r.stderr)")
      #expect(!r.stdout.isEmpty, "\(line) printed nothing")
      let hits = seedWords(in: r.stdout + r.stderr)
      #expect(hits.isEmpty, "\(line): \(hits.joined(separator: "; "))")
    }
  }

  @Test("the manifest lists five tutorials, each with its examples and claims")
  func manifestShape() throws {
    let manifest = try #require(shippedManifest, "lessons/python/sources.json did not load")
    #expect(
      manifest.tutorials.map(\.name) == [
        "ipc-tutorial", "process-tutorial", "concepts-tutorial", "pool-tutorial", "gil-tutorial",
      ])
    for t in manifest.tutorials {
      #expect(!t.examples.isEmpty && !t.claims.isEmpty && !t.topics.isEmpty, "\(t.name)")
      #expect(t.examples.allSatisfy { $0.file.hasPrefix(t.name + "/") }, "\(t.name)")
    }
    let problems = manifest.lint(
      lessons: shippedLibrary.lessons, demos: DemoCatalog.declarations, text: "",
      file: "sources.json")
    #expect(problems.filter(\.isError).isEmpty, "\(problems.filter(\.isError))")
  }

  @Test("a lesson that quotes a tutorial is listed under it, and a listed lesson quotes it")
  func lessonsNameTheirTutorials() throws {
    let manifest = try #require(shippedManifest)
    let phrase = [
      "ipc-tutorial": "ipc tutorial", "process-tutorial": "process tutorial",
      "concepts-tutorial": "concepts tutorial", "pool-tutorial": "pool tutorial",
      "gil-tutorial": "gil tutorial",
    ]
    for lesson in shippedLibrary.lessons {
      let raw = try #require(FileIO.readText(lesson.file)).lowercased()
      let text = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      for t in manifest.tutorials {
        let words = try #require(phrase[t.name])
        let quotes = text.contains(words)
        let listed = t.lessons.contains(lesson.id)
        let why = "\(lesson.id): quotes the \(words) \(quotes), listed under \(t.name) \(listed)"
        #expect(quotes == listed, Comment(rawValue: why))
        // Named in full, with the command that shows it, the first time.
        if quotes {
          #expect(text.contains("source \(t.name)"), "\(lesson.id) never says source \(t.name)")
        }
      }
    }
  }

  @Test("sources and every source page fit 80 columns under a pseudo-terminal")
  func pagesAt80Columns() throws {
    let manifest = try #require(shippedManifest)
    let state = TempState()
    defer { state.cleanUp() }
    let s = try PTYSession(state: state, rows: 40, cols: 80)
    defer { s.close() }
    #expect(s.expect("proclab › "), "no prompt: \(s.screen)")
    var m = s.mark
    s.type("sources\r")
    #expect(s.expect("source <name> shows", after: m), "no sources table: \(s.screen)")
    for t in manifest.tutorials {
      #expect(s.expect(t.name, after: m), "sources does not list \(t.name)")
    }
    for t in manifest.tutorials {
      m = s.mark
      s.type("source \(t.name)\r")
      s.type("where\r")
      #expect(s.expect("No lesson is open", after: m), "source \(t.name): \(s.screen)")
      let page = plainText(Array(s.output[m...]))
      for line in page.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= 80, "\(t.name) at 80 columns: \(line)")
      }
      let flat = page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(flat.contains(t.title.split(separator: " ").joined(separator: " ")), "\(t.name)")
      for example in t.examples {
        let name = try #require(example.file.split(separator: "/").last)
        #expect(page.contains(name), "source \(t.name) does not show \(example.file)")
      }
      for claim in t.claims {
        #expect(
          flat.contains("open \(claim.lesson) \(claim.step)"),
          "source \(t.name) does not show where '\(claim.claim)' is checked")
      }
    }
    m = s.mark
    s.type("source gil-t\t")
    #expect(s.expect("source gil-tutorial ", after: m), "Tab did not complete the name")
    s.type("\u{15}source gil-tutorail\r")
    #expect(s.expect("did you mean 'gil-tutorial'?", after: m))
    s.type("quit\r")
    #expect(s.waitForExit() == .exited(0))
  }

  @Test("every claim's step opens with open <lesson> <step>")
  func claimStepsOpen() throws {
    let manifest = try #require(shippedManifest)
    var seen = Set<String>()
    var pairs: [(lesson: String, step: String)] = []
    for claim in manifest.tutorials.flatMap(\.claims)
    where seen.insert(claim.lesson + " " + claim.step).inserted {
      pairs.append((claim.lesson, claim.step))
    }
    let state = TempState()
    defer { state.cleanUp() }
    let script = pairs.map { "open \($0.lesson) \($0.step)\nwhere\n" }.joined() + "quit\n"
    let r = try runPiped([], input: script, state: state, timeout: 120)
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(!r.stdout.contains("has steps 1–"), "a claim names a step open refuses: \(r.stdout)")
    for pair in pairs {
      let lesson = try #require(shippedLibrary.lesson(id: pair.lesson), "\(pair.lesson)")
      let index = try #require(lesson.stepIndex(id: pair.step), "\(pair.lesson) \(pair.step)")
      #expect(
        r.stdout.contains(
          "(\(lesson.id)), step \(index + 1) of \(lesson.steps.count): \(lesson.steps[index].title)"
        ), "open \(pair.lesson) \(pair.step) did not land on it")
    }
  }

  @Test(
    "a program is read when the page is shown: numbered, wrapped, control characters made visible")
  func programListing() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let dir = state.path + "/teacher"
    for sub in ["", "/python", "/python/gil-tutorial"] { _ = mkdir(dir + sub, 0o700) }
    let manifest = """
      {"tutorials": [{"name": "gil-tutorial", "title": "A title", "gloss": "A gloss",
        "topics": ["the GIL"], "lessons": ["gil"], "demos": ["cpu-scaling"],
        "examples": [
          {"file": "gil-tutorial/countdown.py", "about": "a countdown", "demo": "cpu-scaling"},
          {"file": "gil-tutorial/absent.py", "about": "not written yet"}],
        "claims": [{"claim": "Two threads took 16 s.", "lesson": "gil", "step": "cpython-rows",
          "verdict": "holds"}]}]}
      """
    try writeFile(dir + "/python/sources.json", manifest)
    let long = "x = '" + String(repeating: "가", count: 60) + "'"
    let program = "import os\n\tprint('tab')\nprint('\u{1B}[2J\u{07}')\n\(long)\n"
    try writeFile(dir + "/python/gil-tutorial/countdown.py", program)
    var environment = state.environment
    environment.append("COLUMNS=80")
    let r = try runPipedEnvironment(
      environment, input: "", arguments: ["source", "gil-tutorial", "--lessons", dir])
    #expect(r.status == .exited(0), "\(r.stderr)")
    #expect(!r.stdout.utf8.contains(0x1B) && !r.stdout.utf8.contains(0x07), "raw control bytes")
    #expect(r.stdout.contains("  1 | import os"))
    #expect(r.stdout.contains("  2 |     print('tab')"))
    #expect(r.stdout.contains("  3 | print('^[[2J^G')"))
    #expect(r.stdout.contains("(gil-tutorial/absent.py is not installed beside the lessons.)"))
    let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(flat.contains("Run it: python3 \(dir)/python/gil-tutorial/countdown.py"), "\(flat)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "\(r.stdout)")
    // The 60 wide syllables of line 4 go on over a continuation line with no number.
    let four = try #require(lines.firstIndex { $0.hasPrefix("  4 | x = '") })
    #expect(lines[four + 1].hasPrefix("    | 가"))
  }

  @Test("proclab source from a shell: the page, or a suggestion and status 2")
  func sourceFromShell() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let page = try runPiped(["source", "pool-tutorial"], input: "", state: state)
    #expect(page.status == .exited(0))
    #expect(page.stdout.contains("apply_vs_apply_async.py"))
    #expect(page.stdout.contains("open pools apply-reading"))
    let wrong = try runPiped(["source", "pool-tutorail"], input: "", state: state)
    #expect(wrong.status == .exited(2))
    #expect(wrong.stderr.contains("did you mean 'pool-tutorial'?"))
    let list = try runPiped(["sources"], input: "", state: state)
    #expect(list.status == .exited(0))
    #expect(list.stdout.contains("SeunghoChoe"))
  }
}
