import Lessons
import Testing

/// Lessons 15 (signals) and 16 (file descriptors) are about system calls: each has an exercise
/// with a C variant, in the step it practises, in English and Korean alike; the shipped-exercise
/// suites then prove their starters fail and their solutions pass.
@Suite("Exercises of the system-call lessons")
struct SyscallLessonExerciseTests {
  @Test(
    "sigchld-reaper in signals, dup2-redirect in file-descriptors: Python and C, both languages",
    arguments: [LessonLanguage.en, .ko])
  func present(_ language: LessonLanguage) {
    let found = Dictionary(
      ShippedExerciseTests.exercises(language).map { ($0.0.id, $0) },
      uniquingKeysWith: { first, _ in first })
    for (id, lesson, step, cFile) in [
      ("sigchld-reaper", "signals", "sigchld-reading", "sigchld_reaper.c"),
      ("dup2-redirect", "file-descriptors", "pipeline", "dup2_redirect.c"),
    ] {
      guard let (exercise, owner) = found[id] else {
        Issue.record("no exercise \(id) in the \(language) lessons")
        continue
      }
      #expect(owner.id == lesson, "\(id) is in \(owner.id)")
      #expect(exercise.stepID == step, "\(id) practises \(exercise.stepID)")
      #expect(exercise.c?.files == [cFile], "\(id): \(String(describing: exercise.c?.files))")
      #expect(exercise.checks.count >= 3, "\(id) has \(exercise.checks.count) checks")
    }
  }
}
