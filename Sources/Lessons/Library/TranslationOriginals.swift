import OSKit

/// The English originals of one translated lesson, parsed when their words are first needed.
///
/// A Korean library answers a translated question with the original's choice and item texts
/// too (``Lesson/addingAlternates(from:)``). Parsing every original before the prompt would
/// double the start-up work for words that only an answer typed in English needs, so the
/// library keeps their files here and parses them on the first such answer, once.
final class TranslationOriginals: Sendable {
  /// The translated lesson's id: an original parsed with another id gives no words.
  let id: String
  /// The originals' files (usually one), in the order the library met them.
  let files: [String]
  let linter: LessonLinter
  /// The parsed originals, once parsed.
  private let parsed = Monitor<[Lesson]?>(nil)

  init(id: String, files: [String], linter: LessonLinter) {
    self.id = id
    self.files = files
    self.linter = linter
  }

  /// The originals, parsed (and linted, as a library loads them) on the first call; those
  /// that cannot be read or have another id are left out.
  var lessons: [Lesson] {
    parsed.withLock { state in
      if let state { return state }
      let found = files.compactMap { file -> Lesson? in
        guard case .lesson(let lesson, _) = FileOutcome.make(file, linter: linter),
          lesson.id == id
        else { return nil }
        return lesson
      }
      state = found
      return found
    }
  }

  /// `lesson` with each choice and item linked to its text in the originals.
  func linking(_ lesson: Lesson) -> Lesson {
    var linked = lesson
    for (i, question) in lesson.questions.enumerated() {
      for j in question.choices.indices {
        linked.questions[i].choices[j].original = OriginalText(
          source: self, question: question.id, index: j, count: question.choices.count,
          isItem: false)
      }
      for j in question.items.indices {
        linked.questions[i].items[j].original = OriginalText(
          source: self, question: question.id, index: j, count: question.items.count,
          isItem: true)
      }
    }
    return linked
  }
}

/// Where a translated choice (or item) stands in its lesson's English originals: its texts
/// there, read when first asked for. Equal when it names the same place in the same files.
struct OriginalText: Sendable, Hashable {
  let source: TranslationOriginals
  /// The question's id, the same in both languages.
  let question: String
  /// The choice's (item's) 0-based position.
  let index: Int
  /// How many choices (items) the translated question has: an original with another number
  /// gives no words, as ``Lesson/addingAlternates(from:)`` does.
  let count: Int
  let isItem: Bool

  /// The texts of the same choice in the originals.
  var texts: [String] {
    source.lessons.compactMap { lesson in
      guard let q = lesson.question(id: question) else { return nil }
      let list = isItem ? q.items : q.choices
      return list.count == count ? list[index].text : nil
    }
  }

  static func == (a: OriginalText, b: OriginalText) -> Bool {
    a.source.files == b.source.files && a.source.id == b.source.id && a.question == b.question
      && a.index == b.index && a.count == b.count && a.isItem == b.isItem
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(source.files)
    hasher.combine(question)
    hasher.combine(index)
    hasher.combine(isItem)
  }
}
