import ArgumentParser
import Demos
import Lessons
import Localization
import OSKit
import Render

/// `sources` and `source <name>`: the tutorials the course follows, their Python examples and
/// their claims, read from the lessons' `python/sources.json` (docs/lesson-format.md).
///
/// In Korean the pages are Korean: the frame through the catalog (Messages+Sources.swift), the
/// tutorials' texts from the manifest's Korean fields, the programs from their Korean copies
/// (`python/ko/…`: the same code, Korean comments), the steps' titles from the Korean lessons.
struct SourcePages {
  let manifest: TutorialManifest
  let library: LessonLibrary
  let style: TerminalStyle

  /// The language of the pages: the library's (ProcLab's, `Catalog.language`).
  var language: LessonLanguage { library.language }

  /// The manifest of the library's lesson directories, or one line saying why there is none.
  static func load(_ library: LessonLibrary) -> Result<TutorialManifest, TutorialManifest.Failure> {
    TutorialManifest.find(in: library.directories)
      ?? .failure(
        TutorialManifest.Failure(
          file: "python/sources.json",
          reason: Catalog.text(
            "repl.sources.error.noManifest",
            ["directories": library.directories.joined(separator: ", ")])))
  }

  /// The line refusing a tutorial name that is not in the manifest, with the nearest name;
  /// `shell` lists every name (a shell has no `sources` at hand).
  static func unknownLine(_ name: String, in manifest: TutorialManifest, shell: Bool) -> String {
    let names = manifest.tutorials.map(\.name)
    var arguments = ["name": TerminalSafe.escape(name), "names": names.joined(separator: ", ")]
    guard let guess = Suggest.nearest(name, in: names) else {
      return Catalog.text(
        shell ? "repl.sources.error.unknownShell" : "repl.sources.error.unknown", arguments)
    }
    arguments["guess"] = guess
    return Catalog.text(
      shell ? "repl.sources.error.unknownShell.guess" : "repl.sources.error.unknown.guess",
      arguments)
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
    var out = [style.bold(Catalog.text("repl.sources.list.title")), rule]
    out.append(
      style.dim(
        DisplayWidth.pad(Catalog.text("repl.sources.list.name"), to: nameWidth)
          + Catalog.text("repl.sources.list.columns")))
    for t in manifest.tutorials {
      let by = [t.author, t.date].compactMap { $0 }.joined(separator: ", ")
      let cells = [
        "“\(t.title)”", t.gloss(in: language),
        by.isEmpty
          ? Catalog.text("repl.sources.list.noAuthor")
          : Catalog.text("repl.sources.list.by", ["author": by]),
        Catalog.text(
          "repl.sources.list.lessons",
          ["numbers": t.lessons.map(lessonNumber).joined(separator: ", ")]),
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
    out.append(wrapped(Catalog.text("repl.sources.list.footer")))
    return out.joined(separator: "\n")
  }

  /// The page of `source <name>`: title, topics, where it is used, each example's program
  /// with line numbers, and the claims with the step that checks each.
  func page(_ t: TutorialManifest.Tutorial) -> String {
    var out: [String] = []
    out.append(style.bold(wrapped("\(t.name): “\(t.title)”")))
    out.append(wrapped(t.gloss(in: language), indent: 2))
    let by = [t.author, t.date].compactMap { $0 }.joined(separator: ", ")
    out.append(
      wrapped(
        by.isEmpty
          ? Catalog.text("repl.sources.page.noAuthor")
          : Catalog.text("repl.sources.page.by", ["author": by]),
        indent: 2))
    out.append("")
    out.append(style.bold(Catalog.text("repl.sources.page.covers")))
    for topic in t.topics(in: language) {
      out.append(wrapped(bullet + topic, indent: 2, hanging: 4))
    }
    let used = Catalog.text(
      "repl.sources.page.used",
      [
        "lessons": t.lessons.map(lessonLabel).joined(separator: ", "),
        "demos": t.demos.joined(separator: ", "),
      ])
    out.append(wrapped(used, indent: 2, hanging: 4))
    for (i, example) in t.examples.enumerated() {
      out.append("")
      out += exampleLines(example, number: i + 1, of: t.examples.count)
    }
    out.append("")
    out.append(style.bold(Catalog.text("repl.sources.page.claims")))
    for (i, claim) in t.claims.enumerated() {
      out += claimLines(claim, number: i + 1)
    }
    return out.joined(separator: "\n")
  }

  func exampleLines(_ example: TutorialManifest.Example, number: Int, of count: Int) -> [String] {
    let name = example.file.split(separator: "/").last.map(String.init) ?? example.file
    let title = Catalog.text(
      "repl.sources.page.example",
      [
        "number": String(number), "count": String(count), "name": name,
        "about": example.about(in: language),
      ])
    var out = [style.bold(wrapped(title, hanging: 2))]
    // In Korean, the copy with Korean comments (the same code) when it is installed.
    let path = manifest.path(of: example, in: language)
    if let text = manifest.programText(of: example, in: language) {
      out += ProgramListing(style: style).lines(text)
    } else {
      out.append(
        wrapped(Catalog.text("repl.sources.page.notInstalled", ["file": example.file]), indent: 2))
    }
    // A program this binary carries has no file to name: the student saves the listing.
    let run =
      manifest.isBuiltIn(example)
      ? Catalog.text("repl.sources.page.runBuiltIn", ["name": name])
      : Catalog.text("repl.sources.page.run", ["path": path])
    out.append(wrapped(run, indent: 2, hanging: 4))
    if let demo = example.demo {
      let line =
        liveCommand(demo).map { Catalog.text("repl.sources.page.live", ["command": $0]) }
        ?? Catalog.text("repl.sources.page.demo", ["demo": demo])
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
    var out = [wrapped("\(number). \(claim.text(in: language))", indent: 2, hanging: 5)]
    let verdict = Self.verdictWord(claim.verdict)
    let line =
      claim.note(in: language).map {
        Catalog.text("repl.sources.page.verdictNote", ["verdict": verdict, "note": $0])
      } ?? Catalog.text("repl.sources.page.verdict", ["verdict": verdict])
    out.append(wrapped(line, indent: 5, hanging: 7))
    var checked = Catalog.text(
      "repl.sources.page.checked", ["lesson": claim.lesson, "step": claim.step])
    if let lesson = library.lesson(id: claim.lesson),
      let index = lesson.stepIndex(id: claim.step)
    {
      checked = Catalog.text(
        "repl.sources.page.checkedStep",
        [
          "lesson": claim.lesson, "step": claim.step, "label": lessonLabel(claim.lesson),
          "title": lesson.steps[index].title,
        ])
    }
    out.append(style.dim(wrapped(checked, indent: 5, hanging: 7)))
    return out
  }

  /// A claim's verdict (`holds`, `partly`, `does not hold`: the manifest's words) in ProcLab's
  /// language; a verdict lint rejects is shown as written.
  static func verdictWord(_ verdict: String) -> String {
    switch verdict {
    case "holds": Catalog.text("repl.sources.verdict.holds")
    case "partly": Catalog.text("repl.sources.verdict.partly")
    case "does not hold": Catalog.text("repl.sources.verdict.doesNotHold")
    default: verdict
    }
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

extension Session {
  /// `sources`: the tutorials in a table.
  func listSources() {
    switch SourcePages.load(library) {
    case .success(let manifest):
      say(SourcePages(manifest: manifest, library: library, style: style).list())
    case .failure(let failure):
      refuse(Catalog.text("repl.sources.error.unreadable", ["failure": "\(failure)"]))
    }
  }

  /// `source <name>`: one tutorial's page.
  func showSource(_ args: [String]) {
    let manifest: TutorialManifest
    switch SourcePages.load(library) {
    case .success(let found): manifest = found
    case .failure(let failure):
      refuse(Catalog.text("repl.sources.error.unreadable", ["failure": "\(failure)"]))
      return
    }
    guard let name = args.first else {
      say(SourcePages(manifest: manifest, library: library, style: style).list())
      return
    }
    guard let tutorial = manifest.tutorial(name.lowercased()) else {
      refuse(SourcePages.unknownLine(name, in: manifest, shell: false))
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
      try? FileIO.writeAll(
        2, "proclab: " + SourcePages.unknownLine(name, in: manifest, shell: true) + "\n")
      throw ExitCode(2)
    }
    let style = TerminalStyle.detect(
      fileDescriptor: 1, environment: TerminalStyle.processEnvironment())
    try FileIO.writeAll(
      1, SourcePages(manifest: manifest, library: library, style: style).page(tutorial) + "\n")
  }
}
