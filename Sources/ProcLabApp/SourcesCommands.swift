import ArgumentParser
import Demos
import Lessons
import OSKit
import Render

/// `sources` and `source <name>`: the tutorials the course follows, their Python examples and
/// their claims, read from the lessons' `python/sources.json` (docs/lesson-format.md).
struct SourcePages {
  let manifest: TutorialManifest
  let library: LessonLibrary
  let style: TerminalStyle

  /// The manifest of the library's lesson directories, or one line saying why there is none.
  static func load(_ library: LessonLibrary) -> Result<TutorialManifest, TutorialManifest.Failure> {
    TutorialManifest.find(in: library.directories)
      ?? .failure(
        TutorialManifest.Failure(
          file: "python/sources.json",
          reason: "no lesson directory has one (\(library.directories.joined(separator: ", ")))"
        ))
  }

  /// "4 gil" for a lesson id the library has, the bare id otherwise.
  func lessonLabel(_ id: String) -> String {
    guard let index = library.lessons.firstIndex(where: { $0.id == id }) else { return id }
    return "\(index + 1) \(id)"
  }

  /// The lesson's number in the path (what `open` takes), or its id when the path lacks it.
  func lessonNumber(_ id: String) -> String {
    library.lessons.firstIndex(where: { $0.id == id }).map { String($0 + 1) } ?? id
  }

  /// The table of `sources`: the short name in the first column; the title, its English
  /// gloss, the author and the lessons wrapped in the second (a tutorial's title is too long
  /// for a cell that would be cut short).
  func list() -> String {
    let nameWidth = max(4, manifest.tutorials.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
    let rule = style.dim(String(repeating: style.unicode ? "─" : "-", count: style.width))
    var out = [style.bold("The tutorials the lessons follow"), rule]
    out.append(
      style.dim(DisplayWidth.pad("name", to: nameWidth) + "title · in English · author · lessons"))
    for t in manifest.tutorials {
      let by = [t.author, t.date].compactMap { $0 }.joined(separator: ", ")
      let cells = [
        "“\(t.title)”", t.gloss, "by " + (by.isEmpty ? "an author the post does not name" : by),
        "lessons " + t.lessons.map(lessonNumber).joined(separator: ", "),
      ]
      var first = true
      for cell in cells {
        let text = wrapped(cell, indent: nameWidth)
        if first {
          out.append(style.bold(t.name) + String(text.dropFirst(DisplayWidth.of(t.name))))
          first = false
        } else {
          out.append(text)
        }
      }
    }
    out.append(rule)
    out.append(
      wrapped(
        "source <name> shows a tutorial's examples as Python programs, and its claims; "
          + "open <number> opens a lesson."))
    return out.joined(separator: "\n")
  }

  /// The page of `source <name>`: title, topics, where it is used, each example's program
  /// with line numbers, and the claims with the step that checks each.
  func page(_ t: TutorialManifest.Tutorial) -> String {
    var out: [String] = []
    out.append(style.bold(wrapped("\(t.name): “\(t.title)”")))
    out.append(wrapped(t.gloss, indent: 2))
    let by = [t.author, t.date].compactMap { $0 }.joined(separator: ", ")
    out.append(wrapped(by.isEmpty ? "The post names no author." : "By \(by).", indent: 2))
    out.append("")
    out.append(style.bold("What it covers"))
    for topic in t.topics { out.append(wrapped(bullet + topic, indent: 2, hanging: 4)) }
    out.append(
      wrapped(
        "Lessons: " + t.lessons.map(lessonLabel).joined(separator: ", ") + ". Demos: "
          + t.demos.joined(separator: ", ") + ".", indent: 2, hanging: 4))
    for (i, example) in t.examples.enumerated() {
      out.append("")
      out += exampleLines(example, number: i + 1, of: t.examples.count)
    }
    out.append("")
    out.append(style.bold("What it claims, and the step that checks it"))
    for (i, claim) in t.claims.enumerated() {
      out += claimLines(claim, number: i + 1)
    }
    return out.joined(separator: "\n")
  }

  func exampleLines(_ example: TutorialManifest.Example, number: Int, of count: Int) -> [String] {
    let name = example.file.split(separator: "/").last.map(String.init) ?? example.file
    var out = [
      style.bold(
        wrapped("Example \(number) of \(count): \(name) — \(example.about)", hanging: 2))
    ]
    let path = manifest.path(of: example)
    if let text = manifest.programText(of: example) {
      out += ProgramListing(style: style).lines(text)
    } else {
      out.append(wrapped("(\(example.file) is not installed beside the lessons.)", indent: 2))
    }
    // A program this binary carries has no file to name: the student saves the listing.
    let run =
      manifest.isBuiltIn(example)
      ? "python3 \(name), with the program above saved as \(name)" : "python3 \(path)"
    out.append(wrapped("Run it: " + run, indent: 2, hanging: 4))
    if let demo = example.demo {
      let line =
        liveCommand(demo).map { "Live, beside ProcLab's figures: run \($0)" }
        ?? "ProcLab's demo of it: run \(demo)"
      out.append(wrapped(line, indent: 2, hanging: 4))
    }
    return out
  }

  /// The command that runs the demo with CPython beside its own figures (`python=on`, or the
  /// demo as it is when it runs python3 by itself, `python=auto`); nil when it cannot.
  func liveCommand(_ demo: String) -> String? {
    let words = demo.split(separator: " ").map(String.init)
    guard let definition = words.first.flatMap(DemoCatalog.listed),
      let spec = definition.parameters.first(where: { $0.name == "python" })
    else { return nil }
    switch spec.kind {
    case .flag: return demo + " python=on"
    case .choice(let options) where options.contains("on"): return demo + " python=on"
    case .choice(let options) where options.contains("auto"): return demo
    default: return nil
    }
  }

  func claimLines(_ claim: TutorialManifest.Claim, number: Int) -> [String] {
    var out = [wrapped("\(number). \(claim.claim)", indent: 2, hanging: 5)]
    let verdict = "Verdict: " + claim.verdict + (claim.note.map { " — \($0)" } ?? "") + "."
    out.append(wrapped(verdict, indent: 5, hanging: 7))
    var checked = "Checked in: open \(claim.lesson) \(claim.step)"
    if let lesson = library.lesson(id: claim.lesson),
      let index = lesson.stepIndex(id: claim.step)
    {
      checked += " (lesson \(lessonLabel(claim.lesson)), “\(lesson.steps[index].title)”)"
    }
    out.append(style.dim(wrapped(checked, indent: 5, hanging: 7)))
    return out
  }

  var bullet: String { style.unicode ? "• " : "* " }

  /// `text` wrapped to the terminal width: `indent` columns before the first line, `hanging`
  /// before the others.
  func wrapped(_ text: String, indent: Int = 0, hanging: Int? = nil) -> String {
    let hanging = hanging ?? indent
    let text = style.asciiFallback(text)
    let first = DisplayWidth.wrap(text, width: max(8, style.width - indent))
    guard let head = first.first else { return "" }
    let rest = first.dropFirst().joined(separator: " ")
    var lines = [String(repeating: " ", count: indent) + head]
    if !rest.isEmpty {
      lines += DisplayWidth.wrap(rest, width: max(8, style.width - hanging)).map {
        String(repeating: " ", count: hanging) + $0
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// A program's text with line numbers, made safe for a terminal (control characters shown as
/// `^X` or `\xNN`, tabs expanded) and hard-wrapped to the width, continuation lines unnumbered.
struct ProgramListing {
  let style: TerminalStyle

  func lines(_ text: String) -> [String] {
    var source = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if source.last == "" { source.removeLast() }
    let digits = String(source.count).count
    let bar = style.unicode ? " │ " : " | "
    let gutter = 2 + digits + bar.count
    let room = max(8, style.width - gutter)
    var out: [String] = []
    for (i, line) in source.enumerated() {
      let number = String(i + 1)
      let label =
        "  " + String(repeating: " ", count: digits - number.count) + number + style.dim(bar)
      let blank = String(repeating: " ", count: 2 + digits) + style.dim(bar)
      let pieces = Self.hardWrap(Self.terminalSafe(line), width: room)
      if pieces == [""] {
        // An empty line: the number and the bar, without the space after it.
        let empty =
          "  " + String(repeating: " ", count: digits - number.count) + number
          + style.dim(String(bar.dropLast()))
        out.append(empty)
        continue
      }
      for (j, piece) in pieces.enumerated() {
        out.append((j == 0 ? label : blank) + piece)
      }
    }
    return out
  }

  /// `line` with tabs expanded to 4-column stops and every control character made visible.
  static func terminalSafe(_ line: String) -> String {
    let line = line.hasSuffix("\r") ? String(line.dropLast()) : line
    var out = ""
    var column = 0
    for scalar in line.unicodeScalars {
      switch scalar.value {
      case 0x09:
        let spaces = 4 - column % 4
        out += String(repeating: " ", count: spaces)
        column += spaces
      case 0x00..<0x20:
        out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
        column += 2
      case 0x7F:
        out += "^?"
        column += 2
      case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
        let hex = String(scalar.value, radix: 16)
        out += "\\u{\(hex)}"
        column += hex.count + 4
      default:
        out.unicodeScalars.append(scalar)
        column += DisplayWidth.of(String(scalar))
      }
    }
    return out
  }

  /// Splits `line` into pieces of at most `width` display columns, keeping every character:
  /// after the last space of a piece when that space is past its middle, else mid-word.
  static func hardWrap(_ line: String, width: Int) -> [String] {
    var pieces: [String] = []
    var current: [Character] = []
    var used = 0
    for character in line {
      let w = DisplayWidth.of(String(character))
      if used + w > width, !current.isEmpty {
        var cut = current.count
        if let space = current.lastIndex(of: " "), space + 1 > current.count / 2,
          space + 1 < current.count
        {
          cut = space + 1
        }
        pieces.append(String(current[..<cut]))
        current = Array(current[cut...])
        used = current.reduce(0) { $0 + DisplayWidth.of(String($1)) }
      }
      current.append(character)
      used += w
    }
    pieces.append(String(current))
    return pieces
  }
}

extension Session {
  /// `sources`: the tutorials in a table.
  func listSources() {
    switch SourcePages.load(library) {
    case .success(let manifest):
      say(SourcePages(manifest: manifest, library: library, style: style).list())
    case .failure(let failure):
      refuse("the tutorials' list cannot be read: \(failure)")
    }
  }

  /// `source <name>`: one tutorial's page.
  func showSource(_ args: [String]) {
    let manifest: TutorialManifest
    switch SourcePages.load(library) {
    case .success(let found): manifest = found
    case .failure(let failure):
      refuse("the tutorials' list cannot be read: \(failure)")
      return
    }
    let names = manifest.tutorials.map(\.name)
    guard let name = args.first else {
      say(SourcePages(manifest: manifest, library: library, style: style).list())
      return
    }
    guard let tutorial = manifest.tutorial(name.lowercased()) else {
      let hint = Suggest.nearest(name, in: names).map { " — did you mean '\($0)'?" } ?? ""
      refuse("no tutorial '\(name)'\(hint); sources lists them")
      return
    }
    say(SourcePages(manifest: manifest, library: library, style: style).page(tutorial))
  }

  /// Tutorial names for Tab completion (none when there is no manifest).
  static func tutorialNames(_ library: LessonLibrary) -> [String] {
    guard case .success(let manifest) = SourcePages.load(library) else { return [] }
    return manifest.tutorials.map(\.name)
  }
}

/// `proclab sources` from a shell.
struct ListSources: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources", abstract: "List the tutorials the lessons follow.")

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let library = lessons.library()
    guard case .success(let manifest) = SourcePages.load(library) else {
      if case .failure(let failure) = SourcePages.load(library) {
        try? FileIO.writeAll(2, "proclab: \(failure)\n")
      }
      throw ExitCode(1)
    }
    let style = TerminalStyle.detect(
      fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
    try FileIO.writeAll(
      1, SourcePages(manifest: manifest, library: library, style: style).list() + "\n")
  }
}

/// `proclab source <name>` from a shell.
struct ShowSource: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "source",
    abstract: "Show one tutorial: its examples as Python programs, and its claims.")

  @Argument(help: "The tutorial's short name (proclab sources lists them).")
  var name: String

  @OptionGroup var lessons: LessonOptions

  func run() throws {
    let library = lessons.library()
    let manifest: TutorialManifest
    switch SourcePages.load(library) {
    case .success(let found): manifest = found
    case .failure(let failure):
      try? FileIO.writeAll(2, "proclab: \(failure)\n")
      throw ExitCode(1)
    }
    guard let tutorial = manifest.tutorial(name.lowercased()) else {
      let names = manifest.tutorials.map(\.name)
      let hint = Suggest.nearest(name, in: names).map { " — did you mean '\($0)'?" } ?? ""
      try? FileIO.writeAll(
        2,
        "proclab: no tutorial '\(name)'\(hint); the tutorials: \(names.joined(separator: ", "))\n"
      )
      throw ExitCode(2)
    }
    let style = TerminalStyle.detect(
      fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
    try FileIO.writeAll(
      1, SourcePages(manifest: manifest, library: library, style: style).page(tutorial) + "\n")
  }
}
