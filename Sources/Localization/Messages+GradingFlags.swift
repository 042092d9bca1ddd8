// What `grade`'s checks find (Classroom's StudentGrading, ReportPlausibility, ExerciseGrading
// and ClassGrader; docs/grading.md "Flags"): each flag's sentence and why a file is not a result
// file. The English is what JSON and CSV carry in every language; the Korean is what a Korean
// teacher reads on the table and the page. Codes, verdicts, ids and metric names stay as written.
extension Messages {
  static let gradingFlags: [Message] = [
    Message(
      "grade.flag.verdictChanged",
      en: "{at} (record {sequence}): recorded {recorded}, re-graded {regraded} from the answer "
        + "'{answer}'",
      ko: "{at} (기록 {sequence}): 기록된 판정은 {recorded}, 답 '{answer}'을(를) 다시 채점한 "
        + "판정은 {regraded}입니다"),
    Message(
      "grade.flag.verdictChanged.run",
      en: "{at} (record {sequence}): recorded {recorded}, re-graded {regraded} from the answer "
        + "'{answer}' against the student's recorded run",
      ko: "{at} (기록 {sequence}): 기록된 판정은 {recorded}, 답 '{answer}'을(를) 학생이 기록한 "
        + "실행으로 다시 채점한 판정은 {regraded}입니다"),
    Message(
      "grade.flag.unknownSchema", en: "result schema {schema}, graded as schema {current}",
      ko: "결과 스키마 {schema}, 스키마 {current}(으)로 채점했습니다"),
    Message(
      "grade.flag.chainBroken", en: "the quiz record was edited: {problem}",
      ko: "퀴즈 기록이 수정되었습니다: {problem}"),
    Message(
      "grade.flag.unknownRecord",
      en: "record {sequence} is of kind '{kind}', which ProcLab {version} does not know: not "
        + "graded, its content not checked (grade with a newer ProcLab)",
      ko: "기록 {sequence}의 종류는 '{kind}'(으)로, ProcLab {version}이(가) 모르는 종류입니다. "
        + "채점하지 않았고 내용도 확인하지 않았습니다(더 새로운 ProcLab으로 채점하십시오)"),
    Message(
      "grade.flag.unknownLesson",
      en: "lesson '{lesson}' is not one of the teacher's: its answers are not graded",
      ko: "레슨 '{lesson}'는 선생님의 레슨이 아닙니다. 그 답은 채점하지 않았습니다"),
    Message(
      "grade.flag.lessonVersion",
      en: "lesson '{lesson}' was played from another version of its file (sha256 {sha}…, the "
        + "teacher's is {teacher}…); graded against the teacher's",
      ko: "레슨 '{lesson}'는 다른 버전의 파일로 풀었습니다(sha256 {sha}…, 선생님의 것은 "
        + "{teacher}…). 선생님의 레슨으로 채점했습니다"),
    Message("grade.flag.hash", en: "{hash}", ko: "{hash}"),
    Message("grade.flag.unknownHash", en: "unknown", ko: "알 수 없음"),
    Message(
      "grade.flag.duplicateStudent", en: "student id {id} is also in {files}",
      ko: "학번 {id}은(는) {files}에도 있습니다"),
    // Times (ReportPlausibility).
    Message(
      "grade.flag.answeredBefore",
      en: "record {later} was answered before record {earlier} ({duration} earlier)",
      ko: "기록 {later}이(가) 기록 {earlier}보다 먼저 답해졌습니다({duration} 앞)"),
    Message(
      "grade.flag.submittedBefore", en: "the file was submitted {duration} before its last answer",
      ko: "파일이 마지막 답보다 {duration} 먼저 제출되었습니다"),
    Message("grade.duration.seconds", en: "{n} s", ko: "{n}초"),
    Message("grade.duration.milliseconds", en: "{n} ms", ko: "{n}밀리초"),
    // One record's run.
    Message("grade.flag.at", en: "{at}: {problem}", ko: "{at}: {problem}"),
    Message(
      "grade.flag.run.endedBeforeStart", en: "its run ended before it started",
      ko: "실행이 시작하기 전에 끝났습니다"),
    Message(
      "grade.flag.run.answeredBeforeEnd", en: "it was answered before its run ended",
      ko: "실행이 끝나기 전에 답했습니다"),
    Message(
      "grade.flag.run.startedBeforeShown", en: "its run started before the question was shown",
      ko: "문제가 보이기 전에 실행이 시작되었습니다"),
    Message(
      "grade.flag.run.eventOutOfOrder",
      en: "its {event} event is out of order (outside the run or before the one before)",
      ko: "{event} 이벤트의 순서가 맞지 않습니다(실행 밖이거나 앞 이벤트보다 앞섭니다)"),
    Message(
      "grade.flag.run.runnerPID",
      en: "the runner pid is {pid}, but its started event names pid {started}",
      ko: "실행기 pid는 {pid}인데, started 이벤트는 pid {started}를 가리킵니다"),
    Message(
      "grade.flag.run.noStarted", en: "its run has a report but no started event",
      ko: "실행에 보고서는 있는데 started 이벤트가 없습니다"),
    Message(
      "grade.flag.run.otherDemo", en: "the question runs {demo}, the recorded run is of {run}",
      ko: "문제는 {demo}를 실행하는데 기록된 실행은 {run}입니다"),
    Message(
      "grade.flag.run.otherReport", en: "the run is of {run}, its report of {report}",
      ko: "실행은 {run}인데 그 보고서는 {report}입니다"),
    Message(
      "grade.flag.run.cpus",
      en: "the run reports {run} CPUs online, the machine that submitted {submitted}",
      ko: "실행은 온라인 CPU {run}개를 보고하는데, 제출한 기계는 {submitted}개입니다"),
    Message(
      "grade.flag.run.notAMachine",
      en: "the run may use {affinity} CPUs of {online} online: not a machine",
      ko: "실행이 온라인 CPU {online}개 중 {affinity}개를 쓸 수 있다고 합니다. 있을 수 없는 "
        + "기계입니다"),
    // A report's metrics against their declarations.
    Message(
      "grade.flag.metric.unknownDemo",
      en: "its report is of {demo}, a demo this grader does not know",
      ko: "보고서는 {demo}의 것인데, 이 채점기가 모르는 데모입니다"),
    Message(
      "grade.flag.metric.undeclared", en: "its report has {name}, which {demo} does not report",
      ko: "보고서에 {name}이(가) 있는데, {demo}는 이를 보고하지 않습니다"),
    Message(
      "grade.flag.metric.type", en: "{name} is a {kind}, declared {declared}",
      ko: "{name}은(는) {kind}인데, {declared}(으)로 선언되었습니다"),
    Message(
      "grade.flag.metric.range", en: "{name} is {value}, but {why}",
      ko: "{name}은(는) {value}인데, {why}"),
    Message(
      "grade.flag.metric.cpus", en: "{name} is {value}, more than the {cpus} CPUs online",
      ko: "{name}은(는) {value}(으)로, 온라인 CPU {cpus}개보다 많습니다"),
    Message(
      "grade.flag.metric.atMost", en: "{name} is {value}, more than {other} ({limit})",
      ko: "{name}은(는) {value}(으)로, {other}({limit})보다 많습니다"),
    Message(
      "grade.flag.metric.sameAs", en: "{name} is {value}, but {other} is {same}",
      ko: "{name}은(는) {value}인데, {other}은(는) {same}입니다"),
    Message("grade.range.fraction", en: "a fraction is between 0 and 1", ko: "비율은 0과 1 사이입니다"),
    Message("grade.range.pid", en: "a process id is at least 1", ko: "프로세스 id는 1 이상입니다"),
    Message(
      "grade.range.exitStatus", en: "an exit status is 0 to 255", ko: "종료 상태는 0부터 255까지입니다"),
    Message(
      "grade.range.exitcode", en: "an exitcode is 0 to 255, or -1 to -64 (killed by that signal)",
      ko: "exitcode는 0부터 255까지, 또는 -1부터 -64까지(그 번호의 시그널로 죽음)입니다"),
    Message("grade.range.count", en: "a count is never negative", ko: "개수는 음수일 수 없습니다"),
    Message(
      "grade.range.negative", en: "a value in {unit} is never negative",
      ko: "{unit} 단위의 값은 음수일 수 없습니다"),
    // Exercise checks (ExerciseGrading).
    Message(
      "grade.flag.exercise.notInLesson",
      en: "exercise '{exercise}' (record {sequence}) is not in the teacher's lesson '{lesson}': "
        + "its checks are not counted",
      ko: "연습 문제 '{exercise}'(기록 {sequence})는 선생님의 레슨 '{lesson}'에 없습니다. 그 검사는 "
        + "세지 않았습니다"),
    Message(
      "grade.flag.exercise.label", en: "exercise {exercise} (record {sequence})",
      ko: "연습 문제 {exercise}(기록 {sequence})"),
    Message("grade.flag.labelled", en: "{label}: {problem}", ko: "{label}: {problem}"),
    Message(
      "grade.flag.exercise.attempt",
      en: "recorded as attempt {attempt}, it is check {count} of {exercise} in the chain",
      ko: "{attempt}번째 시도로 기록되었지만, 체인에서는 {exercise}의 {count}번째 검사입니다"),
    Message(
      "grade.flag.exercise.recordedPassed", en: "recorded as passed, its checks say not passed",
      ko: "통과로 기록되었지만 검사로는 통과하지 못했습니다"),
    Message(
      "grade.flag.exercise.recordedNotPassed", en: "recorded as not passed, its checks say passed",
      ko: "통과하지 못한 것으로 기록되었지만 검사로는 통과했습니다"),
    Message(
      "grade.flag.exercise.checkMissing", en: "check '{condition}' is not in the record",
      ko: "검사 '{condition}'이(가) 기록에 없습니다"),
    Message(
      "grade.flag.exercise.held",
      en: "check '{condition}' recorded as held on {held} of {runs} runs, held on {count} by its "
        + "recorded metrics",
      ko: "검사 '{condition}'은(는) {runs}번 실행 중 {held}번 성립했다고 기록되었지만, 기록된 "
        + "지표로는 {count}번 성립합니다"),
    // Why a file is not a result file (ClassGrader).
    Message(
      "grade.file.directory", en: "cannot read directory: {error}",
      ko: "디렉터리를 읽을 수 없습니다: {error}"),
    Message(
      "grade.file.notJSON", en: "not JSON, so not a ProcLab result file",
      ko: "JSON이 아니므로 ProcLab 결과 파일이 아닙니다"),
    Message(
      "grade.file.notObject", en: "JSON but not an object: not a ProcLab result file",
      ko: "JSON이지만 객체가 아닙니다. ProcLab 결과 파일이 아닙니다"),
    Message(
      "grade.file.noSchema", en: "a JSON file without 'schema': not a ProcLab result file",
      ko: "'schema'가 없는 JSON 파일입니다. ProcLab 결과 파일이 아닙니다"),
    Message(
      "grade.file.otherSchema",
      en: "result schema {schema}, which this grader does not read (it reads schema {current}): "
        + "{why}",
      ko: "결과 스키마 {schema}은(는) 이 채점기가 읽지 않습니다(읽는 스키마: {current}): {why}"),
    Message(
      "grade.file.notResult", en: "not a ProcLab result file: {why}",
      ko: "ProcLab 결과 파일이 아닙니다: {why}"),
    Message("grade.file.missing", en: "'{path}' is missing", ko: "'{path}'이(가) 없습니다"),
    Message("grade.file.wrongType", en: "'{path}' has the wrong type", ko: "'{path}'의 형식이 틀렸습니다"),
    Message("grade.file.notJSONAtAll", en: "not JSON", ko: "JSON이 아닙니다"),
    Message("grade.file.invalid", en: "'{path}' is not valid", ko: "'{path}'이(가) 올바르지 않습니다"),
    Message("grade.file.unreadable", en: "it could not be read", ko: "읽을 수 없었습니다"),
    // grade's usage errors (GradeCommand.validate).
    Message(
      "grade.usage.minScore",
      en: "--min-score '{value}' is not a score: a whole number of points (60) or a percentage "
        + "from 0% to 100% (60%)",
      ko: "--min-score '{value}'는 점수가 아닙니다. 점수는 정수(60)나 0%부터 100%까지의 "
        + "백분율(60%)로 씁니다"),
    Message(
      "grade.usage.jsonAndCSV",
      en: "--json and --csv - both write to standard output: give --csv a file",
      ko: "--json과 --csv -는 둘 다 표준 출력에 씁니다. --csv에는 파일을 주십시오"),
  ]
}
