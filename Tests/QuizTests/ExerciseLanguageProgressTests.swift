import Foundation
import Quiz
import Testing

/// Progress keeps which languages an exercise was passed in (docs/exercises.md, "Progress").
@Suite("Exercise progress by language")
struct ExerciseLanguageProgressTests {
  @Test("each language is recorded once, in the order first passed; older entries read as none")
  func languages() throws {
    var progress = Progress()
    progress.recordExercisePassed("reap-three", at: 10, language: "c")
    progress.recordExercisePassed("reap-three", at: 20, language: "python")
    progress.recordExercisePassed("reap-three", at: 30, language: "c")
    let entry = try #require(progress.exercises?["reap-three"])
    #expect(entry.languages == ["c", "python"])
    #expect(entry.passes == 3)
    #expect(entry.firstPassed == 10 && entry.lastPassed == 30)
    let old = #"{"firstPassed": 1, "lastPassed": 2, "passes": 1}"#
    let decoded = try JSONDecoder().decode(ExerciseProgress.self, from: Data(old.utf8))
    #expect(decoded.languages == nil)
    let again = try JSONDecoder().decode(
      ExerciseProgress.self, from: JSONEncoder().encode(entry))
    #expect(again == entry)
  }
}
