import DemoContract
import Localization

/// The linter's checks of exercise blocks beyond what the parser finds (docs/exercises.md,
/// "Lint"): the files present under `starter/` and `solution/`, and each condition reading only
/// metrics the trace report declares, compared with values of their own types.
extension LessonLinter {
  /// The problems of one lesson's exercises.
  func lintExercises(of lesson: Lesson) -> [LessonProblem] {
    var problems: [LessonProblem] = []
    for exercise in lesson.exercises {
      for name in exercise.files {
        for kind in [ExerciseFiles.Kind.starter, .solution]
        where !ExerciseFiles.exists(kind, exercise: exercise.id, lesson: lesson.file, name: name) {
          problems.append(
            Self.aboutExercise(
              exercise, at: exercise.filesLocation,
              LintPhrase(
                "lint.exerciseNoFile",
                [
                  "name": name,
                  "directory": ExerciseFiles.directory(
                    kind, exercise: exercise.id, lesson: lesson.file),
                ])))
        }
      }
      for name in exercise.c?.files ?? [] {
        for kind in [ExerciseFiles.Kind.starter, .solution]
        where !ExerciseFiles.exists(
          kind, exercise: exercise.id, lesson: lesson.file, name: name, language: .c)
        {
          problems.append(
            Self.aboutExercise(
              exercise, at: exercise.c?.filesLocation ?? exercise.filesLocation,
              LintPhrase(
                "lint.exerciseNoFile",
                [
                  "name": name,
                  "directory": ExerciseFiles.directory(
                    kind, exercise: exercise.id, lesson: lesson.file, language: .c),
                ])))
        }
      }
      guard let traceMetrics else { continue }
      for check in exercise.checks {
        guard case .metrics(let rule) = check.condition else { continue }
        var types: [String: MetricDeclaration] = [:]
        for path in rule.metricPaths {
          guard let metric = traceMetrics.declaration(for: path) else {
            problems.append(
              Self.aboutExercise(
                exercise, at: check.location,
                LintPhrase(
                  "lint.exerciseMetric",
                  Self.nearestMetric(path, traceMetrics).withNear(["path": path]))))
            continue
          }
          types[path] = metric
        }
        for phrase in Self.typeMismatches(rule, types) {
          problems.append(Self.aboutExercise(exercise, at: check.location, phrase))
        }
      }
    }
    return problems
  }

  /// `exercise '<id>': <detail>` at `location`.
  static func aboutExercise(
    _ exercise: Exercise, at location: SourceLocation, _ detail: LintPhrase
  ) -> LessonProblem {
    LessonProblem(
      location, key: "lint.aboutExercise", ["id": exercise.id], phrases: ["detail": detail])
  }

  /// One error for each exercise id used by two lessons (progress and workspaces are named
  /// by the id alone).
  static func duplicateExercises(_ lessons: [Lesson]) -> [LessonProblem] {
    var first: [String: Exercise] = [:]
    var firstFile: [String: String] = [:]
    var problems: [LessonProblem] = []
    for lesson in lessons {
      for exercise in lesson.exercises {
        if let earlier = first[exercise.id] {
          guard firstFile[exercise.id] != lesson.file else { continue }  // the parser said so
          problems.append(
            LessonProblem(
              exercise.location, key: "lint.duplicateExercise",
              [
                "id": exercise.id, "file": earlier.location.file,
                "line": String(earlier.location.line),
              ]))
        } else {
          first[exercise.id] = exercise
          firstFile[exercise.id] = lesson.file
        }
      }
    }
    return problems
  }
}
