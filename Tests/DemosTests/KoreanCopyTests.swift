import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The Korean copies of the lessons' programs have the English programs' code, only their
/// comments and docstrings in Korean: the tutorials' Python programs (`lessons/python/ko/…`
/// against `lessons/python/…`) and the exercises' Korean starters (`starter.ko/…` against
/// `starter/…`). Compared by Python's own `tokenize` (C files with their comments removed), so
/// a changed name, literal, operator or indentation is a difference and a comment is not.
@Suite(
  "Korean copies of programs: the same code",
  .enabled(if: PythonSupport.python3 != nil, "python3 is not on PATH: nothing to tokenize with"))
struct KoreanCopyTests {
  /// lessons/ in this source tree.
  static let lessons = String(PythonSupport.programs.dropLast("/python".count))

  @Test("the comparison ignores comments and docstrings and finds any other difference")
  func comparisonFindsPlantedDifferences() throws {
    let dir = try #require(TemporaryFolder())
    defer { dir.remove() }
    let english = """
      #!/usr/bin/env python3
      \"\"\"What it shows.\"\"\"

      from os import getpid


      def pid():
          \"\"\"The pid.\"\"\"
          # Ask the kernel.
          return getpid()  # an int
      """
    let korean = """
      #!/usr/bin/env python3
      \"\"\"무엇을 보여 주는지.

      두 줄짜리 설명.
      \"\"\"
      from os import getpid
      # 주석만 있는 줄


      def pid():
          \"\"\"pid.\"\"\"
          return getpid()
      """
    try dir.write("en.py", english)
    try dir.write("ko.py", korean)
    #expect(try CodeParity.compare(dir.path + "/en.py", dir.path + "/ko.py") == nil)
    let planted: [(String, String)] = [
      ("return getpid()", "return getppid()"),  // a name
      ("from os import getpid", "from os import getpid, getppid"),  // a statement longer
      ("    return getpid()", "     return getpid()"),  // the indentation
      ("\"\"\"pid.\"\"\"", "\"\"\"pid.\"\"\"\n    x = \"pid\""),  // a string that is code
    ]
    for (from, to) in planted {
      try dir.write("changed.py", korean.replacing(from, with: to))
      let difference = try CodeParity.compare(dir.path + "/en.py", dir.path + "/changed.py")
      #expect(difference != nil, "not found: \(from) → \(to)")
    }
    try dir.write("changed.py", korean.replacing("return getpid", with: "return getppid"))
    let named = try #require(
      try CodeParity.compare(dir.path + "/en.py", dir.path + "/changed.py"))
    #expect(named.contains("changed.py:12") && named.contains("'getppid'"), "\(named)")
    try dir.write("en.c", "int main(void) { /* zero */ return 0; // done\n}\n")
    try dir.write("ko.c", "// 한국어 주석\nint main(void) {  return 0;\n\n}\n")
    #expect(try CodeParity.compare(dir.path + "/en.c", dir.path + "/ko.c") == nil)
    try dir.write("ko.c", "// 한국어 주석\nint main(void) { return 1; }\n")
    #expect(try CodeParity.compare(dir.path + "/en.c", dir.path + "/ko.c") != nil)
    try dir.write("ko.c", "int main(void) { return \"/* 0 */\"; }\n")
    try dir.write("en.c", "int main(void) { return \"\"; }\n")
    #expect(try CodeParity.compare(dir.path + "/en.c", dir.path + "/ko.c") != nil)
  }

  @Test("every tutorial program has a Korean copy with the same code, and no copy is extra")
  func tutorialProgramsHaveKoreanCopies() throws {
    let english = Set(try CodeParity.files(under: PythonSupport.programs, skipping: ["ko"]))
      .filter { $0.hasSuffix(".py") }
    let korean = Set(try CodeParity.files(under: PythonSupport.programs + "/ko", skipping: []))
    #expect(english.count >= 16, "\(english.sorted())")
    #expect(
      english.subtracting(korean).isEmpty, "no Korean copy: \(english.subtracting(korean).sorted())"
    )
    #expect(
      korean.subtracting(english).isEmpty,
      "no English original: \(korean.subtracting(english).sorted())")
    for file in english.intersection(korean).sorted() {
      let difference = try CodeParity.compare(
        PythonSupport.programs + "/" + file, PythonSupport.programs + "/ko/" + file)
      #expect(difference == nil, "\(file): \(difference ?? "")")
    }
  }

  @Test("every Korean copy speaks Korean and names its tutorial by its own title")
  func koreanCopiesNameTheirTutorial() throws {
    let manifest = try #require(FileIO.readText(PythonSupport.programs + "/sources.json"))
    let titles = try JSONDecoder().decode(Titles.self, from: Data(manifest.utf8))
    for tutorial in titles.tutorials {
      for file in try CodeParity.files(
        under: PythonSupport.programs + "/ko/" + tutorial.name, skipping: [])
      {
        let text = try #require(
          FileIO.readText(PythonSupport.programs + "/ko/\(tutorial.name)/\(file)"))
        let head = text.split(separator: "\n").prefix(8).joined(separator: "\n")
        #expect(
          head.contains(tutorial.title),
          "ko/\(tutorial.name)/\(file) does not name “\(tutorial.title)”")
        #expect(
          head.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) },
          "ko/\(tutorial.name)/\(file): no Hangul")
      }
    }
  }

  @Test("every exercise's Korean starter has the starter's code, file for file")
  func koreanStartersMatchTheStarters() throws {
    let root = Self.lessons + "/exercises"
    let exercises = try #require(FileIO.entries(in: root)).sorted()
    var compared = 0
    for id in exercises {
      let ko = "\(root)/\(id)/starter.ko"
      guard FileIO.entries(in: ko) != nil else { continue }
      for file in try CodeParity.files(under: ko, skipping: []) {
        let original = "\(root)/\(id)/starter/\(file)"
        guard FileIO.readText(original) != nil else {
          Issue.record("\(id): starter.ko/\(file) has no starter/\(file)")
          continue
        }
        let difference = try CodeParity.compare(original, ko + "/" + file)
        #expect(difference == nil, "\(id): \(difference ?? "")")
        compared += 1
      }
    }
    #expect(compared >= 14, "only \(compared) Korean starter files compared")
  }

  struct Titles: Decodable {
    struct Tutorial: Decodable {
      var name: String
      var title: String
    }
    var tutorials: [Tutorial]
  }
}

/// The code of two programs compared, through python3 (`tokenize`).
enum CodeParity {
  /// nil when `english` and `korean` have the same code; else the first difference, with the
  /// file and line of each side.
  static func compare(_ english: String, _ korean: String) throws -> String? {
    let python3 = try #require(PythonSupport.python3)
    let r = try PythonSupport.run(python3, ["-I", "-c", script, english, korean], timeout: 30)
    if r.status == .exited(0) { return nil }
    #expect(r.status == .exited(1), "the comparison failed: \(r.status) \(r.stderr)")
    return String(r.stdout.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  /// The regular files under `directory`, as paths relative to it, not descending into the
  /// subdirectories named in `skipping`.
  static func files(under directory: String, skipping: Set<String>) throws -> [String] {
    let names = try #require(FileIO.entries(in: directory), "cannot read \(directory)")
    var out: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      var info = stat()
      guard stat(directory + "/" + name, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFDIR {
        guard !skipping.contains(name) else { continue }
        out += try files(under: directory + "/" + name, skipping: []).map { name + "/" + $0 }
      } else if info.st_mode & S_IFMT == S_IFREG, !name.hasSuffix(".pyc") {
        out.append(name)
      }
    }
    return out
  }

  /// The comparison: prints the first difference and exits 1, or exits 0. Python's tokens
  /// without comments, blank-line tokens and bare string statements (docstrings: they
  /// change only `__doc__`); C with its comments removed and white space collapsed.
  static let script = #"""
    # (Not an import line: ModuleGraphTests reads lines that begin with the word as imports.)
    io, sys, tokenize = (__import__(name) for name in ("io", "sys", "tokenize"))

    def python_code(text):
        toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
        quiet = (tokenize.NL, tokenize.COMMENT, tokenize.ENCODING)
        out, skip_newline = [], False
        for i, t in enumerate(toks):
            if t.type in quiet:
                continue
            if skip_newline and t.type == tokenize.NEWLINE:
                skip_newline = False
                continue
            if t.type == tokenize.STRING:
                before = next((u for u in reversed(toks[:i]) if u.type not in quiet), None)
                after = next((u for u in toks[i + 1:] if u.type not in quiet), None)
                starts = before is None or before.type in (
                    tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
                if starts and after is not None and after.type in (
                        tokenize.NEWLINE, tokenize.ENDMARKER):
                    skip_newline = True
                    continue
            out.append((tokenize.tok_name[t.type], t.string, t.start[0]))
        return out

    def c_code(text):
        out, i, line, n, word = [], 0, 1, len(text), []
        def flush():
            if word:
                out.append(("c", "".join(word), line))
                word.clear()
        while i < n:
            c = text[i]
            if text.startswith("//", i):
                flush()
                j = text.find("\n", i)
                i = n if j < 0 else j
            elif text.startswith("/*", i):
                flush()
                j = text.find("*/", i + 2)
                j = n if j < 0 else j + 2
                line += text.count("\n", i, j)
                i = j
            elif c in "\"'":
                flush()
                j = i + 1
                while j < n and text[j] != c and text[j] != "\n":
                    j += 2 if text[j] == "\\" else 1
                out.append(("c", text[i:j + 1], line))
                i = j + 1
            elif c.isspace():
                flush()
                if c == "\n":
                    line += 1
                    out.append(("c", "\n", line))
                i += 1
            else:
                word.append(c)
                i += 1
        flush()
        collapsed = []
        for tok in out:
            if tok[1] == "\n" and (not collapsed or collapsed[-1][1] == "\n"):
                continue
            collapsed.append(tok)
        return collapsed

    def code(path):
        text = open(path, encoding="utf-8").read()
        try:
            return c_code(text) if path.endswith((".c", ".h")) else python_code(text)
        except (tokenize.TokenError, SyntaxError) as error:
            print(f"{path}: cannot be tokenized: {error}")
            sys.exit(3)

    english, korean = sys.argv[1], sys.argv[2]
    a, b = code(english), code(korean)
    for x, y in zip(a, b):
        if x[:2] != y[:2]:
            print(f"{english}:{x[2]}: {x[1]!r} but {korean}:{y[2]}: {y[1]!r}")
            sys.exit(1)
    if len(a) != len(b):
        longer, path = (a, english) if len(a) > len(b) else (b, korean)
        extra = longer[min(len(a), len(b))]
        print(f"{path}:{extra[2]}: {extra[1]!r} has no counterpart in the other file")
        sys.exit(1)
    """#
}

/// A fresh directory under /tmp for one test, removed with its files.
struct TemporaryFolder {
  let path: String

  init?() {
    var template = Array("/tmp/proclab-parity-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
      return String(cString: base)
    }
    guard let made else { return nil }
    path = made
  }

  func write(_ name: String, _ text: String) throws {
    let fd = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { throw SystemError("creating \(path)/\(name)") }
    defer { close(fd) }
    try FileIO.writeAll(fd, text)
  }

  func remove() {
    for name in FileIO.entries(in: path) ?? [] { unlink(path + "/" + name) }
    rmdir(path)
  }
}
