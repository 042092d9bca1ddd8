public import DemoContract
import FoundationEssentials
import Glibc

/// The tutorials the course follows, as `python/sources.json` in a lesson directory lists them:
/// their names and titles, the lessons and demos that use them, their examples rewritten as
/// Python programs for ProcLab, and their claims with the step that checks each.
///
/// Every text a page shows has its Korean beside it (`gloss_ko`, `topics_ko`, `about_ko`,
/// `claim_ko`, `note_ko`), and every program a Korean copy (`ko/<tutorial>/<program>.py`, the
/// same code with Korean comments): `lint` reports what is missing.
public struct TutorialManifest: Sendable, Decodable {
  /// One tutorial (a blog post the lessons are built on).
  public struct Tutorial: Sendable, Decodable {
    /// The short name a student types: `source gil-tutorial`.
    public var name: String
    /// The post's own title, as written (often Korean).
    public var title: String
    /// The title in English.
    public var gloss: String
    public var author: String?
    public var date: String?
    public var topics: [String]
    /// Ids of the lessons that use it.
    public var lessons: [String]
    /// Names of the demos that reproduce it.
    public var demos: [String]
    public var examples: [Example]
    public var claims: [Claim]
    /// The gloss and the topics in Korean (the topics one for one).
    public var glossKorean: String?
    public var topicsKorean: [String]?

    enum CodingKeys: String, CodingKey {
      case name, title, gloss, author, date, topics, lessons, demos, examples, claims
      case glossKorean = "gloss_ko"
      case topicsKorean = "topics_ko"
    }

    /// The gloss in `language` (English when the Korean one is missing).
    public func gloss(in language: LessonLanguage) -> String {
      language == .ko ? glossKorean ?? gloss : gloss
    }

    /// The topics in `language` (English when the Korean ones are missing or fewer).
    public func topics(in language: LessonLanguage) -> [String] {
      guard language == .ko, let korean = topicsKorean, korean.count == topics.count else {
        return topics
      }
      return korean
    }
  }

  /// One example of a tutorial, rewritten as a Python program that ships with the lessons.
  public struct Example: Sendable, Decodable {
    /// The program, relative to the manifest's directory: `gil-tutorial/countdown.py`.
    public var file: String
    /// What it shows, in one line.
    public var about: String
    /// The demo (with parameters) that measures the same thing natively.
    public var demo: String?
    public var aboutKorean: String?

    enum CodingKeys: String, CodingKey {
      case file, about, demo
      case aboutKorean = "about_ko"
    }

    /// What it shows, in `language`.
    public func about(in language: LessonLanguage) -> String {
      language == .ko ? aboutKorean ?? about : about
    }
  }

  /// One thing a tutorial says, and where a lesson checks it.
  public struct Claim: Sendable, Decodable {
    /// The claim, in ProcLab's words.
    public var claim: String
    public var lesson: String
    public var step: String
    /// `holds`, `partly` or `does not hold`, on Linux and CPython as measured.
    public var verdict: String
    /// Why, when it does not simply hold.
    public var note: String?
    public var claimKorean: String?
    public var noteKorean: String?

    enum CodingKeys: String, CodingKey {
      case claim, lesson, step, verdict, note
      case claimKorean = "claim_ko"
      case noteKorean = "note_ko"
    }

    /// The claim in `language`.
    public func text(in language: LessonLanguage) -> String {
      language == .ko ? claimKorean ?? claim : claim
    }

    /// The note in `language`; nil when there is none.
    public func note(in language: LessonLanguage) -> String? {
      guard let note else { return nil }
      return language == .ko ? noteKorean ?? note : note
    }
  }

  /// The verdicts a claim may carry.
  public static let verdicts = ["holds", "partly", "does not hold"]

  public var tutorials: [Tutorial]
  /// The directory holding `sources.json` and the programs (`…/lessons/python`).
  public var directory: String = ""

  enum CodingKeys: String, CodingKey { case tutorials }

  /// The tutorial called `name`.
  public func tutorial(_ name: String) -> Tutorial? {
    tutorials.first { $0.name == name }
  }

  /// The absolute path of an example's program in English.
  public func path(of example: Example) -> String {
    directory + "/" + example.file
  }

  /// The path of its copy with comments in Korean (`ko/<file>`: the same code).
  public func koreanPath(of example: Example) -> String {
    directory + "/ko/" + example.file
  }

  /// The program a page in `language` shows: the Korean copy in Korean when it is there,
  /// else the English program.
  public func path(of example: Example, in language: LessonLanguage) -> String {
    if language == .ko, LessonFiles.exists(koreanPath(of: example)) {
      return koreanPath(of: example)
    }
    return path(of: example)
  }

  /// The text of an example's program in `language`, from disk or from the lessons the
  /// executable carries; nil when it cannot be read.
  public func programText(of example: Example, in language: LessonLanguage = .en) -> String? {
    (try? LessonFiles.read(path(of: example, in: language))).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// Whether an example's program is one the executable carries (it has no path on disk).
  public func isBuiltIn(_ example: Example) -> Bool {
    LessonFiles.isBuiltIn(path(of: example))
  }

  /// Where the manifest of a lesson directory is.
  public static func file(in lessonDirectory: String) -> String {
    lessonDirectory + "/python/sources.json"
  }

  /// Why a manifest could not be read.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }

    public init(file: String, reason: String) {
      self.file = file
      self.reason = reason
    }
  }

  /// Reads and decodes `file`.
  /// - Throws: `Failure` when the file cannot be read or is not a manifest.
  public static func load(file: String) throws(Failure) -> TutorialManifest {
    let bytes: [UInt8]
    do throws(LessonFiles.Failure) {
      bytes = try LessonFiles.read(file)
    } catch {
      throw Failure(file: file, reason: "cannot read: \(error.reason)")
    }
    do {
      var manifest = try JSONDecoder().decode(TutorialManifest.self, from: Data(bytes))
      manifest.directory = String(file.dropLast("/sources.json".count))
      return manifest
    } catch {
      throw Failure(file: file, reason: "not a tutorial manifest: \(error)")
    }
  }

  /// The manifest of the first lesson directory that has one (the same precedence as lessons).
  /// - Returns: the manifest, nil when no directory has one, or the failure of the first found.
  public static func find(in directories: [String]) -> Result<TutorialManifest, Failure>? {
    for directory in directories {
      let file = file(in: directory)
      guard LessonFiles.exists(file) else { continue }
      do throws(Failure) {
        return .success(try load(file: file))
      } catch {
        return .failure(error)
      }
    }
    return nil
  }

  /// Checks the manifest against the lessons and demos it names: every program file exists
  /// (a missing one is a warning: `source` then says so), every lesson, step and demo exists,
  /// every verdict is known, and names are unique.
  /// - Parameters:
  ///   - lessons: the lessons claims and tutorials may name.
  ///   - demos: the demos tutorials and examples may name.
  ///   - text: the manifest's text, to give each problem a line.
  ///   - file: the manifest's path, for the problems' locations.
  public func lint(
    lessons: [Lesson], demos: [DemoDeclaration], text: String, file: String
  ) -> [LessonProblem] {
    let demoNames = demos.map(\.name)
    func listed(_ name: String) -> DemoDeclaration? { demos.first { $0.name == name } }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    /// The line of the first occurrence of `"value"` after line `from`, so each problem
    /// points at the entry it is about.
    func location(_ value: String, after from: Int = 0) -> SourceLocation {
      let quoted = "\"" + value + "\""
      let index = lines.indices.first { $0 >= from && lines[$0].contains(quoted) }
      return SourceLocation(file: file, line: (index ?? 0) + 1)
    }
    var problems: [LessonProblem] = []
    let byID = Dictionary(lessons.map { ($0.id, $0) }) { a, _ in a }
    let lessonIDs = byID.keys.sorted()
    var names: Set<String> = []
    for tutorial in tutorials {
      let start = location(tutorial.name).line - 1
      if !names.insert(tutorial.name).inserted {
        problems.append(
          LessonProblem(location(tutorial.name), "duplicate tutorial name '\(tutorial.name)'"))
      }
      if !Self.isShortName(tutorial.name) {
        problems.append(
          LessonProblem(
            location(tutorial.name),
            "tutorial name '\(tutorial.name)' must be lower-case letters, digits and '-'"))
      }
      for id in tutorial.lessons where byID[id] == nil {
        problems.append(
          LessonProblem(
            location(id, after: start),
            "unknown lesson '\(id)'" + Suggestions.didYouMean(id, lessonIDs)))
      }
      for demo in tutorial.demos where listed(demo) == nil {
        problems.append(
          LessonProblem(
            location(demo, after: start),
            "unknown demo '\(demo)'" + Suggestions.didYouMean(demo, demoNames)))
      }
      problems += koreanProblems(tutorial, at: location(tutorial.name))
      for example in tutorial.examples {
        let at = location(example.file, after: start)
        if (try? LessonFiles.read(path(of: example))) == nil {
          problems.append(
            LessonProblem(
              at, "program \(example.file) not found in \(directory)", severity: .warning))
        }
        if example.aboutKorean == nil {
          problems.append(
            LessonProblem(at, "example \(example.file) has no about_ko (its line in Korean)"))
        }
        if !LessonFiles.exists(koreanPath(of: example)) {
          problems.append(
            LessonProblem(
              at,
              "program \(example.file) has no Korean copy ko/\(example.file) in \(directory) "
                + "(the same code, its comments in Korean)", severity: .warning))
        }
        if let demo = example.demo {
          let words = demo.split(separator: " ").map(String.init)
          if let name = words.first, let definition = listed(name) {
            do throws(ParameterError) {
              _ = try definition.validate(Array(words.dropFirst()))
            } catch {
              problems.append(LessonProblem(at, "demo of \(example.file): \(error.message)"))
            }
          } else {
            problems.append(LessonProblem(at, "demo of \(example.file): unknown demo '\(demo)'"))
          }
        }
      }
      for claim in tutorial.claims {
        let at = location(claim.claim, after: start)
        if claim.claimKorean == nil {
          problems.append(LessonProblem(at, "claim has no claim_ko (the claim in Korean)"))
        }
        if (claim.note == nil) != (claim.noteKorean == nil) {
          problems.append(
            LessonProblem(
              at,
              claim.note == nil
                ? "claim has a note_ko but no note: a note_ko translates the note"
                : "claim has a note but no note_ko (the note in Korean)"))
        }
        guard let lesson = byID[claim.lesson] else {
          problems.append(
            LessonProblem(
              at,
              "claim names unknown lesson '\(claim.lesson)'"
                + Suggestions.didYouMean(claim.lesson, lessonIDs)))
          continue
        }
        if lesson.stepIndex(id: claim.step) == nil {
          problems.append(
            LessonProblem(
              at,
              "claim names step '\(claim.step)', which lesson '\(lesson.id)' does not have"
                + Suggestions.didYouMean(claim.step, lesson.steps.map(\.id))))
        }
        if !Self.verdicts.contains(claim.verdict) {
          problems.append(
            LessonProblem(
              at,
              "verdict '\(claim.verdict)' is not one of: "
                + Self.verdicts.joined(separator: ", ")))
        }
      }
    }
    return problems
  }

  /// A tutorial's Korean gloss and topics: missing, or not one for one with the English.
  func koreanProblems(_ tutorial: Tutorial, at: SourceLocation) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    if tutorial.glossKorean == nil {
      problems.append(
        LessonProblem(at, "tutorial '\(tutorial.name)' has no gloss_ko (the gloss in Korean)"))
    }
    let korean = tutorial.topicsKorean?.count
    if korean != tutorial.topics.count {
      problems.append(
        LessonProblem(
          at,
          "tutorial '\(tutorial.name)' has \(tutorial.topics.count) topics and "
            + (korean.map { "\($0) topics_ko" } ?? "no topics_ko")
            + ": each topic needs its Korean, in the same order"))
    }
    return problems
  }

  static func isShortName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      }
  }
}
