/// The language lessons are read in. A Korean lesson is `ko/<file>` beside the English
/// `<file>`, with the same lesson id, step ids and question ids (the parity contract,
/// docs/lesson-format.md), so progress, review and results are shared between the two.
public enum LessonLanguage: String, Sendable, Hashable, CaseIterable {
  /// English: the lesson directories' own files; `ko/` is never read.
  case en
  /// Korean: `ko/<file>` for every lesson that has one, the English file otherwise.
  case ko

  /// The subdirectory of a lesson directory holding this language's lessons; `nil` for
  /// English, whose lessons are the directory's own files.
  public var subdirectory: String? {
    switch self {
    case .en: nil
    case .ko: "ko"
    }
  }
}

extension LessonLibrary {
  /// The mark after the title of a lesson shown in English in another language's library.
  public static let englishOnlyMark = "[EN]"

  /// A lesson's title as `lessons` lists it: with `englishOnlyMark` when it is shown in
  /// English although the library's language is another.
  public func listedTitle(_ lesson: Lesson) -> String {
    isOnlyInEnglish(lesson) ? lesson.title + " " + Self.englishOnlyMark : lesson.title
  }

  /// The one line under the list that explains the mark, when some lesson carries it.
  public var englishOnlyNote: String? {
    guard lessons.contains(where: isOnlyInEnglish) else { return nil }
    switch language {
    case .en: return nil
    case .ko:
      return "\(Self.englishOnlyMark) 표시가 있는 강의는 아직 영어로만 있습니다. "
        + "진도와 퀴즈 기록은 언어를 바꿔도 그대로 이어집니다."
    }
  }
}

extension Lesson {
  /// This translation with the original's choice and item texts as alternates of its own, so
  /// that a student may answer a translated question with the original's words too. Only
  /// questions with as many choices (items) as the original's get them.
  func addingAlternates(from original: Lesson) -> Lesson {
    var lesson = self
    for (i, question) in lesson.questions.enumerated() {
      guard let theirs = original.question(id: question.id) else { continue }
      if theirs.choices.count == question.choices.count {
        for j in question.choices.indices {
          lesson.questions[i].choices[j].alternates.append(theirs.choices[j].text)
        }
      }
      if theirs.items.count == question.items.count {
        for j in question.items.indices {
          lesson.questions[i].items[j].alternates.append(theirs.items[j].text)
        }
      }
    }
    return lesson
  }
}
