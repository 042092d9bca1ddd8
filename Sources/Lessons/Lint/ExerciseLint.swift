import DemoContract

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
            LessonProblem(
              exercise.filesLocation,
              "exercise '\(exercise.id)': no file '\(name)' in "
                + ExerciseFiles.directory(kind, exercise: exercise.id, lesson: lesson.file)))
        }
      }
      for name in exercise.c?.files ?? [] {
        for kind in [ExerciseFiles.Kind.starter, .solution]
        where !ExerciseFiles.exists(
          kind, exercise: exercise.id, lesson: lesson.file, name: name, language: .c)
        {
          problems.append(
            LessonProblem(
              exercise.c?.filesLocation ?? exercise.filesLocation,
              "exercise '\(exercise.id)': no file '\(name)' in "
                + ExerciseFiles.directory(
                  kind, exercise: exercise.id, lesson: lesson.file, language: .c)))
        }
      }
      guard let traceMetrics else { continue }
      for check in exercise.checks {
        guard case .metrics(let rule) = check.condition else { continue }
        var types: [String: MetricDeclaration] = [:]
        for path in rule.metricPaths {
          guard let metric = traceMetrics.declaration(for: path) else {
            problems.append(
              LessonProblem(
                check.location,
                "exercise '\(exercise.id)': check reads '\(path)', which the trace does not report"
                  + (Self.nearestMetric(path, traceMetrics).map { "; did you mean '\($0)'?" }
                    ?? "")))
            continue
          }
          types[path] = metric
        }
        for message in Self.typeMismatches(rule, types) {
          problems.append(LessonProblem(check.location, "exercise '\(exercise.id)': " + message))
        }
      }
    }
    return problems
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
              exercise.location,
              "duplicate exercise id '\(exercise.id)' (also in "
                + "\(earlier.location.file):\(earlier.location.line)); exercise ids are unique "
                + "across all lessons"))
        } else {
          first[exercise.id] = exercise
          firstFile[exercise.id] = lesson.file
        }
      }
    }
    return problems
  }
}
