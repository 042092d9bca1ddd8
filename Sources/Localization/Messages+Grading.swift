// The teacher's side in both languages (issue 18): `proclab grade`'s class table, its notes,
// the exercises across the class, the flags' headings and the `--html` page's own texts
// (Sources/Classroom). CSV and JSON keep their English field names and codes: they are for
// programs (docs/grading.md). A flag's detailed message is still written by the check that
// found it, in English: a later slice.
extension Messages {
  static let grading: [Message] = [
    Message(
      "grade.graded.one", en: "{count} result graded{lessons} by ProcLab {version}",
      ko: "결과 {count}개를 채점했습니다{lessons} (ProcLab {version})"),
    Message(
      "grade.graded.other", en: "{count} results graded{lessons} by ProcLab {version}",
      ko: "결과 {count}개를 채점했습니다{lessons} (ProcLab {version})"),
    Message("grade.graded.lessons", en: " for {lessons}", ko: ", 레슨: {lessons}"),
    Message("grade.column.student", en: "student", ko: "학생"),
    Message("grade.column.id", en: "id", ko: "학번"),
    Message("grade.column.score", en: "score", ko: "점수"),
    Message("grade.column.exercises", en: "exercises", ko: "연습 문제"),
    Message("grade.column.flags", en: "flags", ko: "표시"),
    Message(
      "grade.scoreNote",
      en: "score: points of quiz questions right on the first try (exercises earn none); "
        + "exercises: passed/checked",
      ko: "점수: 첫 시도에 맞힌 퀴즈 문제의 배점 합(연습 문제에는 점수가 없습니다). "
        + "연습 문제: 통과/검사"),
    Message("grade.exercises", en: "Exercises:", ko: "연습 문제:"),
    Message("grade.exercise.noOne", en: "checked by no one", ko: "검사한 학생이 없습니다"),
    Message(
      "grade.exercise.passed.one",
      en: "{passed} of {attempted} passed ({first} on the first try), {count} check",
      ko: "{attempted}명 중 {passed}명 통과(첫 시도에 {first}명), 검사 {count}번"),
    Message(
      "grade.exercise.passed.other",
      en: "{passed} of {attempted} passed ({first} on the first try), {count} checks",
      ko: "{attempted}명 중 {passed}명 통과(첫 시도에 {first}명), 검사 {count}번"),
    Message(
      "grade.exercise.line", en: "  {exercise} ({lesson}): {summary}",
      ko: "  {exercise} ({lesson}): {summary}"),
    Message(
      "grade.exercise.failedMost", en: "{line}; failed most: {condition} (on {count})",
      ko: "{line}. 가장 많이 실패한 조건: {condition} ({count}번)"),
    Message("grade.flagged", en: "Flagged:", ko: "표시된 학생:"),
    Message(
      "grade.unreadable", en: "Not graded (not a result file):", ko: "채점하지 못한 파일(결과 파일이 아님):"),

    // The HTML page.
    Message(
      "grade.html.title", en: "ProcLab class report: {count} students",
      ko: "ProcLab 학급 보고서: 학생 {count}명"),
    Message("grade.html.h1", en: "Class report", ko: "학급 보고서"),
    Message(
      "grade.html.meta",
      en: "{students} · {lessons}, {questions} · graded {time} by ProcLab {version}",
      ko: "{students} · {lessons}, {questions} · {time}에 채점 (ProcLab {version})"),
    Message("grade.html.students.one", en: "{count} student", ko: "학생 {count}명"),
    Message("grade.html.students.other", en: "{count} students", ko: "학생 {count}명"),
    Message("grade.html.lessons.one", en: "{count} lesson", ko: "레슨 {count}개"),
    Message("grade.html.lessons.other", en: "{count} lessons", ko: "레슨 {count}개"),
    Message("grade.html.questions.one", en: "{count} question", ko: "문제 {count}개"),
    Message("grade.html.questions.other", en: "{count} questions", ko: "문제 {count}개"),
    Message("grade.html.card.students", en: "students", ko: "학생"),
    Message("grade.html.card.median", en: "median score", ko: "점수 중앙값"),
    Message("grade.html.card.flagged", en: "students flagged", ko: "표시된 학생"),
    Message("grade.html.card.unreadable", en: "files unreadable", ko: "읽지 못한 파일"),
    Message("grade.html.questions", en: "Questions", ko: "문제"),
    Message("grade.html.scores", en: "Scores", ko: "점수"),
    Message("grade.html.predictions", en: "Predictions", ko: "예측"),
    Message("grade.html.exercises", en: "Exercises", ko: "연습 문제"),
    Message("grade.html.flaggedStudents", en: "Flagged students", ko: "표시된 학생"),
    Message("grade.html.allStudents", en: "All students", ko: "모든 학생"),
    Message("grade.html.unreadableFiles", en: "Unreadable files", ko: "읽지 못한 파일"),
    Message("grade.html.verdict.rightFirstTry", en: "right first try", ko: "첫 시도에 정답"),
    Message("grade.html.verdict.rightOnRetry", en: "right on retry", ko: "다시 시도해 정답"),
    Message("grade.html.verdict.wrong", en: "wrong", ko: "오답"),
    Message("grade.html.verdict.skipped", en: "skipped", ko: "건너뜀"),
    Message("grade.html.verdict.notAnswered", en: "not answered", ko: "답하지 않음"),
    Message("grade.html.verdict.notGraded", en: "not graded", ko: "채점하지 않음"),
    Message("grade.html.verdict.notCounted", en: "not counted", ko: "점수에 넣지 않음"),
    Message("grade.html.noLessons", en: "No lessons were graded.", ko: "채점한 레슨이 없습니다."),
    Message("grade.html.noFlagged", en: "No student's file was flagged.", ko: "표시된 학생 파일이 없습니다."),
    Message(
      "grade.html.flaggedNote",
      en:
        "{flagged} of {students} students: {codes}. A flag says what a check found; it is not a verdict.",
      ko: "학생 {students}명 중 {flagged}명: {codes}. 표시는 검사가 찾은 것을 알릴 뿐, 판정이 아닙니다."),
    Message("grade.html.col.student", en: "student", ko: "학생"),
    Message("grade.html.col.id", en: "id", ko: "학번"),
    Message("grade.html.col.host", en: "host", ko: "호스트"),
    Message("grade.html.col.score", en: "score", ko: "점수"),
    Message("grade.html.col.found", en: "what the checks found", ko: "검사가 찾은 것"),
    Message("grade.html.col.cpus", en: "CPUs", ko: "CPU 수"),
    Message("grade.html.col.share", en: "share", ko: "비율"),
    Message("grade.html.col.exercisesPassed", en: "exercises passed", ko: "통과한 연습 문제"),
    Message("grade.html.col.flags", en: "flags", ko: "표시"),
    Message("grade.html.col.file", en: "file", ko: "파일"),
    Message("grade.html.col.why", en: "why it could not be read", ko: "읽지 못한 이유"),
    Message("grade.html.col.question", en: "question", ko: "문제"),
    Message("grade.html.col.answers", en: "answers", ko: "답"),
    Message("grade.html.noResults", en: "No result files were graded.", ko: "채점한 결과 파일이 없습니다."),
    Message(
      "grade.html.allRead", en: "Every file given was read as a result file.",
      ko: "주어진 파일을 모두 결과 파일로 읽었습니다."),
    Message(
      "grade.html.exercisesOf", en: "{passed} of {attempted} checked",
      ko: "{attempted}개 검사, {passed}개 통과"),
    Message(
      "grade.html.noExercises", en: "The lessons graded have no exercises.",
      ko: "채점한 레슨에 연습 문제가 없습니다."),
    Message("grade.html.histogram", en: "Score histogram", ko: "점수 분포"),
    Message(
      "grade.html.histogram.description",
      en: "Students by score (points right on the first try over points graded), in steps of 10%.",
      ko: "점수(첫 시도에 맞힌 배점 ÷ 채점한 배점)별 학생 수, 10% 단위."),
    Message("grade.html.axis.score", en: "score", ko: "점수"),
    Message(
      "grade.html.histogram.caption.one",
      en:
        "{count} student by score: points right on the first try over the points of the questions graded{left}",
      ko: "점수별 학생 {count}명: 첫 시도에 맞힌 배점 ÷ 채점한 문제의 배점{left}"),
    Message(
      "grade.html.histogram.caption.other",
      en:
        "{count} students by score: points right on the first try over the points of the questions graded{left}",
      ko: "점수별 학생 {count}명: 첫 시도에 맞힌 배점 ÷ 채점한 문제의 배점{left}"),
    Message("grade.html.histogram.end", en: ".", ko: "."),
    Message(
      "grade.html.histogram.left", en: "; {count} with nothing graded left out.",
      ko: ". 채점한 것이 없는 {count}명은 뺐습니다."),
    Message(
      "grade.html.scored.one", en: "{count} student scored {label}", ko: "{label}: 학생 {count}명"),
    Message(
      "grade.html.scored.other", en: "{count} students scored {label}",
      ko: "{label}: 학생 {count}명"),
    Message(
      "grade.html.predictions.heading", en: "Predictions: what the class's own runs measured",
      ko: "예측: 학생들의 실행이 직접 잰 값"),
    Message(
      "grade.html.predictions.note",
      en:
        "Each prediction was graded against the student's own recorded run; these are the values those runs measured, machine by machine.",
      ko: "예측은 저마다 그 학생이 기록한 실행과 비교해 채점했습니다. 아래는 그 실행들이 기계마다 잰 값입니다."),
    Message("grade.html.noPredictions", en: "No predictions were graded.", ko: "채점한 예측이 없습니다."),
    Message(
      "grade.html.exercises.note",
      en:
        "Each exercise's checks as the students ran them with check, from their result files. Exercises earn no points: the scores above are the quizzes' alone.",
      ko: "학생들이 check로 돌린 연습 문제 검사를 결과 파일에서 읽었습니다. 연습 문제에는 점수가 없습니다. 위의 점수는 퀴즈만의 점수입니다."),
    Message("grade.html.col.exercise", en: "exercise", ko: "연습 문제"),
    Message("grade.html.col.checkedBy", en: "students who checked it", ko: "검사한 학생"),
    Message("grade.html.col.passedFirst", en: "passed first check", ko: "첫 검사에 통과"),
    Message("grade.html.col.passedLater", en: "passed later", ko: "나중에 통과"),
    Message("grade.html.col.notPassed", en: "not passed", ko: "통과 못 함"),
    Message("grade.html.col.checks", en: "checks", ko: "검사 수"),
    Message("grade.html.col.failedMost", en: "check failed most often", ko: "가장 자주 실패한 검사"),
    Message(
      "grade.html.exercise.bar",
      en: "{first} passed on the first check, {later} later, {notPassed} not passed",
      ko: "첫 검사에 {first}명 통과, 나중에 {later}명, 통과 못 함 {notPassed}명"),
    Message("grade.html.exercise.noOne", en: "checked by no one", ko: "검사한 학생이 없습니다"),
    Message(
      "grade.html.exercise.passed", en: "{passed} of {attempted} passed",
      ko: "{attempted}명 중 {passed}명 통과"),
    Message(
      "grade.html.exercise.failedMost", en: "{meaning}: failed on {failed} of {checks} checks",
      ko: "{meaning}: 검사 {checks}번 중 {failed}번 실패"),
    Message("grade.html.exercise.noneFailed", en: "none failed", ko: "실패한 검사 없음"),
    Message("grade.html.noStudents", en: "no students", ko: "학생 없음"),
    Message(
      "grade.html.wrongAnswers", en: "Most common wrong answers, {lesson}",
      ko: "가장 흔한 오답, {lesson}"),
    Message("grade.html.col.wrongAnswer", en: "wrong answer", ko: "오답"),
    Message("grade.html.col.students", en: "students", ko: "학생 수"),
    Message("grade.html.col.feedback", en: "feedback they hit", ko: "학생들이 받은 피드백"),
    Message("grade.html.empty", en: "(empty)", ko: "(빈 답)"),
    Message("grade.html.noFeedback", en: "no feedback written for it", ko: "이 답에 쓴 피드백이 없습니다"),

    // `proclab grade`'s own lines on standard error.
    Message(
      "grade.noFiles", en: "no *.json result files in {directory}",
      ko: "{directory}에 *.json 결과 파일이 없습니다"),
    Message("grade.nothingRead", en: "no result file could be read", ko: "결과 파일을 하나도 읽지 못했습니다"),
    Message(
      "grade.below", en: "{below} of {students} below --min-score {minimum}: {ids}",
      ko: "학생 {students}명 중 {below}명이 --min-score {minimum}에 못 미칩니다: {ids}"),
    Message(
      "grade.cannotWrite", en: "could not write {path}: {error}",
      ko: "{path}에 쓰지 못했습니다: {error}"),

    // A prediction's figure: what its metric is, how the class's runs spread.
    Message("grade.html.metric.unit", en: ", in {unit}", ko: ", 단위 {unit}"),
    Message("grade.html.metric.fact", en: "a fact of each machine", ko: "기계마다 정해진 사실"),
    Message(
      "grade.html.metric.varies", en: "measured, varies run to run", ko: "잰 값, 실행마다 다름"),
    Message(
      "grade.html.metric.what", en: "{label} ({demo}, {path}{unit}; {nature})",
      ko: "{label} ({demo}, {path}{unit}; {nature})"),
    Message(
      "grade.html.metric.title", en: "{label}: values measured by the class",
      ko: "{label}: 학생들의 실행이 잰 값"),
    Message(
      "grade.html.metric.description",
      en: "Students by the value of {path} their own run measured.",
      ko: "저마다의 실행이 잰 {path} 값별 학생 수."),
    Message(
      "grade.html.metric.runs.one", en: "{what}: {count} run, median {median}, {low} … {high}.",
      ko: "{what}: 실행 {count}번, 중앙값 {median}, {low} … {high}."),
    Message(
      "grade.html.metric.runs.other", en: "{what}: {count} runs, median {median}, {low} … {high}.",
      ko: "{what}: 실행 {count}번, 중앙값 {median}, {low} … {high}."),
    Message(
      "grade.html.metric.textRuns.one", en: "{what}: {count} run.", ko: "{what}: 실행 {count}번."),
    Message(
      "grade.html.metric.textRuns.other", en: "{what}: {count} runs.", ko: "{what}: 실행 {count}번."),
    Message(
      "grade.html.metric.none", en: "{what}: no student's run measured it.",
      ko: "{what}: 이 값을 잰 학생의 실행이 없습니다."),
  ]
}
