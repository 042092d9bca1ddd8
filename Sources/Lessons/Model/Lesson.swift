/// One lesson file, parsed: its front matter, its steps and its quiz questions.
public struct Lesson: Sendable, Hashable {
  /// The stable id from the front matter (`processes`); progress is saved under it.
  public var id: String
  /// The title from the front matter.
  public var title: String
  /// One sentence from the front matter's `summary:`, or empty.
  public var summary: String
  /// The lessons this one builds on, as written in `requires:`, with where each is written.
  public var requirements: [LessonRequirement]
  /// The optional `order:` from the front matter: where the lesson goes in the learning path.
  public var order: Int?
  /// The file's path as it was given to the parser.
  public var file: String
  /// The 1-based position in the learning path of the library that loaded it; 0 before that.
  public var number: Int
  /// The text of the `# Title` heading, if the file has one.
  public var heading: String?
  /// The steps, in file order.
  public var steps: [Step]
  /// Every quiz question that parsed without errors, in file order.
  public var questions: [Question]
  /// Questions left out of the quiz because lint finds an error in them (the library leaves
  /// them out: ``LessonLinter/leavingOutBrokenQuestions(_:)``).
  public var leftOut: [LeftOutQuestion] = []
  /// Every `key: value` line of the front matter, as written.
  public var frontMatter: [FrontMatterEntry]
  /// Where the lesson's id is written (the front matter's `id:` value), or the file's start.
  public var location: SourceLocation

  /// Creates a lesson; the parser is the usual way to get one.
  public init(
    id: String, title: String, summary: String = "", requirements: [LessonRequirement] = [],
    order: Int? = nil, file: String, number: Int = 0, heading: String? = nil,
    steps: [Step] = [], questions: [Question] = [], frontMatter: [FrontMatterEntry] = [],
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.requirements = requirements
    self.order = order
    self.file = file
    self.number = number
    self.heading = heading
    self.steps = steps
    self.questions = questions
    self.frontMatter = frontMatter
    self.location = location ?? SourceLocation(file: file, line: 1)
  }

  /// The ids of the lessons this one builds on.
  public var requires: [String] { requirements.map(\.id) }

  /// The step with this id.
  public func step(id: String) -> Step? { steps.first { $0.id == id } }

  /// The 0-based index of the step with this id (progress stores ids, the player indices).
  public func stepIndex(id: String) -> Int? { steps.firstIndex { $0.id == id } }

  /// The question with this id.
  public func question(id: String) -> Question? { questions.first { $0.id == id } }

  /// The value of a front matter key as written (the last one if repeated).
  public func frontMatterValue(_ key: String) -> String? {
    frontMatter.last { $0.key == key }?.value
  }
}

/// One entry of `requires:`: a lesson id and where it is written.
public struct LessonRequirement: Sendable, Hashable {
  /// The required lesson's id.
  public var id: String
  /// Where the id is written.
  public var location: SourceLocation

  /// Creates a requirement.
  public init(id: String, location: SourceLocation) {
    self.id = id
    self.location = location
  }
}

/// One `key: value` line of a lesson's front matter, as written.
public struct FrontMatterEntry: Sendable, Hashable {
  /// The key (`id`, `title`, or any other).
  public var key: String
  /// The value with surrounding spaces and quotes removed; list items joined with `, `.
  public var value: String
  /// Where the key is written.
  public var location: SourceLocation

  /// Creates an entry.
  public init(key: String, value: String, location: SourceLocation) {
    self.key = key
    self.value = value
    self.location = location
  }
}

/// A step of a lesson: the text under one `## Heading`, what the player shows at a time.
public struct Step: Sendable, Hashable {
  /// A stable id: `{#id}` at the end of the heading, else a slug of the heading.
  public var id: String
  /// The heading's text, without `{#id}`.
  public var title: String
  /// The step's content, in file order.
  public var blocks: [Block]
  /// Where the heading is (for a step before any `##` heading, where its content starts).
  public var location: SourceLocation
  /// Whether the id was written as `{#id}` rather than derived from the heading.
  public var hasExplicitID: Bool

  /// Creates a step.
  public init(
    id: String, title: String, blocks: [Block], location: SourceLocation,
    hasExplicitID: Bool = false
  ) {
    self.id = id
    self.title = title
    self.blocks = blocks
    self.location = location
    self.hasExplicitID = hasExplicitID
  }

  /// The demos the step invokes, in order.
  public var demos: [DemoInvocation] {
    blocks.compactMap { if case .demo(let d) = $0 { d } else { nil } }
  }

  /// The ids of the questions written in this step, in order.
  public var questionIDs: [String] {
    blocks.compactMap { if case .question(let id) = $0 { id } else { nil } }
  }

  /// The step's Markdown blocks joined by blank lines (demos and questions left out).
  public var markdown: String {
    blocks.compactMap { if case .markdown(let m) = $0 { m } else { nil } }
      .joined(separator: "\n\n")
  }
}

/// A piece of a step.
public enum Block: Sendable, Hashable {
  /// Markdown to render: paragraphs, lists, tables, code to show (never to run).
  case markdown(String)
  /// One line of a ```` ```demo ```` block: a built-in demo to offer to run.
  case demo(DemoInvocation)
  /// A ```` ```quiz ```` block: the id of the question (see `Lesson.questions`).
  case question(String)
  /// An ```` ```exercise ```` block that parsed without errors (docs/exercises.md).
  case exercise(Exercise)
}

/// A built-in demo named in a lesson, with its `name=value` parameters as written.
public struct DemoInvocation: Sendable, Hashable, CustomStringConvertible {
  /// The demo's name (`shm-race`).
  public var demo: String
  /// The `name=value` words, as written.
  public var arguments: [String]
  /// Where the demo's name is written.
  public var location: SourceLocation
  /// Where each of `arguments` is written.
  public var argumentLocations: [SourceLocation]

  /// Creates an invocation.
  public init(
    demo: String, arguments: [String] = [], location: SourceLocation,
    argumentLocations: [SourceLocation]? = nil
  ) {
    self.demo = demo
    self.arguments = arguments
    self.location = location
    self.argumentLocations = argumentLocations ?? arguments.map { _ in location }
  }

  /// The words after `run` at the prompt: `shm-race processes=2 sync=none`.
  public var commandLine: String { ([demo] + arguments).joined(separator: " ") }

  public var description: String { commandLine }
}
