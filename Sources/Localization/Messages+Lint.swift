// The lines of `proclab lint` and of a lesson file that does not parse (Sources/Lessons/Lint,
// Parsing): each finding is a key with its arguments (`LintPhrase`), its English text the line
// tests and CI match, byte for byte as before the catalog. Lesson-format words (`id:`,
// `requires`, `pattern`, `check`, a demo's name) stay as they are written in a lesson file.
extension Messages {
  static let lint: [Message] =
    lintLines + lintLinter + lintCheckRules + lintParity + lintParser + lintFrontMatter
    + lintQuiz + lintAnswers + lintExercises + lintLibrary

  /// The line around a finding, and the pieces shared by many findings.
  static let lintLines: [Message] = [
    Message("lint.line.error", en: "{location}: {message}", ko: "{location}: {message}"),
    Message(
      "lint.line.warning", en: "{location}: warning: {message}", ko: "{location}: 경고: {message}"),
    Message("lint.line.note", en: "{location}: note: {message}", ko: "{location}: 참고: {message}"),
    Message("lint.didYouMean", en: "; did you mean '{near}'?", ko: "; 혹시 '{near}'을(를) 뜻했습니까?"),
    Message("lint.none", en: "none", ko: "없음"),
    Message("lint.text", en: "{text}", ko: "{text}"),
    Message("lint.aboutQuestion", en: "question '{id}': {detail}", ko: "질문 '{id}': {detail}"),
    Message("lint.aboutExercise", en: "exercise '{id}': {detail}", ko: "연습 문제 '{id}': {detail}"),
  ]

  /// LessonLinter.swift, ExerciseLint.swift.
  static let lintLinter: [Message] = [
    Message(
      "lint.cannotReadDirectory", en: "cannot read directory: {reason}",
      ko: "디렉터리를 읽을 수 없습니다: {reason}"),
    Message("lint.cannotRead", en: "cannot read: {reason}", ko: "읽을 수 없습니다: {reason}"),
    Message("lint.cannotReadFile", en: "cannot read", ko: "읽을 수 없습니다"),
    Message(
      "lint.sameFiles", en: "same lesson files as {original}, which is used instead",
      ko: "{original}와(과) 같은 레슨 파일이므로 {original}을(를) 대신 씁니다"),
    Message(
      "lint.duplicateLesson", en: "duplicate lesson id '{id}' (also in {file}:{line})",
      ko: "레슨 id '{id}'가 중복됩니다({file}:{line}에도 있습니다)"),
    Message(
      "lint.duplicateLessonIn", en: "duplicate lesson id '{id}' (also in {file})",
      ko: "레슨 id '{id}'가 중복됩니다({file}에도 있습니다)"),
    Message(
      "lint.overrides", en: "overrides the lesson '{id}' in {file}",
      ko: "{file}의 레슨 '{id}'을(를) 대신합니다"),
    Message(
      "lint.requiresUnknown", en: "requires unknown lesson '{id}'",
      ko: "requires에 없는 레슨 '{id}'이(가) 있습니다"),
    Message(
      "lint.requiresItself", en: "lesson '{id}' requires itself",
      ko: "레슨 '{id}'의 requires에 자기 자신이 있습니다"),
    Message("lint.requiresCycle", en: "requires cycle: {cycle}", ko: "requires가 돌고 돕니다: {cycle}"),
    Message(
      "lint.patternBroken", en: "pattern of question '{id}' does not compile: {why}",
      ko: "질문 '{id}'의 pattern을 해석할 수 없습니다: {why}"),
    Message("lint.unknownDemo", en: "unknown demo '{demo}'", ko: "알 수 없는 데모 '{demo}'"),
    Message(
      "lint.unknownDemoRun",
      en: "unknown demo '{demo}'; write the demo's name without 'run': {next}",
      ko: "알 수 없는 데모 '{demo}'; 'run' 없이 데모 이름만 쓰십시오: {next}"),
    Message(
      "lint.unknownDemoList", en: "unknown demo '{demo}'; the demos are: {names}",
      ko: "알 수 없는 데모 '{demo}'; 데모 목록: {names}"),
    Message(
      "lint.parameterTwice", en: "parameter '{name}' is given twice",
      ko: "매개변수 '{name}'이(가) 두 번 주어졌습니다"),
    Message(
      "lint.noReport", en: "demo '{demo}' did not produce a report",
      ko: "데모 '{demo}'이(가) 보고서를 내지 않았습니다"),
    Message(
      "lint.predictMetric",
      en: "check rule of question '{id}' reads metric '{path}', which '{demo}' does not report",
      ko: "질문 '{id}'의 check 규칙이 지표 '{path}'를 읽는데, '{demo}'은(는) 이 지표를 보고하지 않습니다"),
    Message(
      "lint.exerciseNoFile", en: "no file '{name}' in {directory}",
      ko: "{directory}에 파일 '{name}'이(가) 없습니다"),
    Message(
      "lint.exerciseMetric", en: "check reads '{path}', which the trace does not report",
      ko: "검사가 '{path}'를 읽는데, 추적(trace) 보고서에는 이 지표가 없습니다"),
    Message(
      "lint.duplicateExercise",
      en:
        "duplicate exercise id '{id}' (also in {file}:{line}); exercise ids are unique across all lessons",
      ko: "연습 문제 id '{id}'가 중복됩니다({file}:{line}에도 있습니다). 연습 문제 id는 모든 레슨을 통틀어 하나씩만 있어야 합니다"),
  ]

  /// CheckRuleLint.swift: a check rule against its demo's declared metrics.
  static let lintCheckRules: [Message] = [
    Message(
      "lint.checkMetric", en: "check rule reads metric '{path}', which '{demo}' does not report",
      ko: "check 규칙이 지표 '{path}'를 읽는데, '{demo}'은(는) 이 지표를 보고하지 않습니다"),
    Message(
      "lint.choiceNotNumber",
      en:
        "choice {label}) '{text}' is not a number, which a {rule} rule compares; write each choice as a number (4)",
      ko: "보기 {label}) '{text}'은(는) 수가 아닌데, {rule} 규칙은 수를 비교합니다. 보기마다 수로 쓰십시오(4)"),
    Message(
      "lint.choiceNotNumberIn",
      en:
        "choice {label}) '{text}' is not a number in '{unit}', which a {rule} rule compares; write each choice as a number (4, 4 {unit})",
      ko:
        "보기 {label}) '{text}'은(는) '{unit}' 단위의 수가 아닌데, {rule} 규칙은 수를 비교합니다. 보기마다 수로 쓰십시오(4, 4 {unit})"
    ),
    Message("lint.rule.within", en: "within", ko: "within"),
    Message("lint.rule.atLeast", en: "at least", ko: "at least"),
    Message("lint.rule.atMost", en: "at most", ko: "at most"),
    Message("lint.rule.numeric", en: "numeric", ko: "수 비교"),
    Message(
      "lint.unitMismatch", en: "the answer is in '{unit}' but metric '{path}' is {why}",
      ko: "답은 '{unit}' 단위인데 지표 '{path}'는 {why}"),
    Message(
      "lint.unitNotA", en: "{unit}, not a {dimension}", ko: "{unit} 단위이고 {dimension}이(가) 아닙니다"),
    Message("lint.unitIn", en: "in {unit}", ko: "{unit} 단위입니다"),
    Message(
      "lint.unitScale", en: "in {unit}: the rule would compare the two numbers as they are",
      ko: "{unit} 단위입니다. 규칙은 두 수를 단위 없이 그대로 비교하게 됩니다"),
    Message("lint.dimension.time", en: "time", ko: "시간"),
    Message("lint.dimension.size", en: "size", ko: "크기"),
    Message("lint.dimension.percent", en: "percent", ko: "백분율"),
    Message("lint.dimension.factor", en: "factor", ko: "배수"),
    Message(
      "lint.typeMismatch", en: "check rule compares metric '{path}' ({type}) with {with}",
      ko: "check 규칙이 지표 '{path}'({type})를 {with}와(과) 비교합니다"),
    Message("lint.withOrdered", en: "< or >, which need numbers", ko: "수가 있어야 하는 < 또는 >"),
    Message("lint.withType", en: "a {type}", ko: "{type} 값"),
    Message("lint.withNumberAnswer", en: "a number answer", ko: "수로 된 답"),
    Message("lint.type.number", en: "number", ko: "수"),
    Message("lint.type.integer", en: "integer", ko: "정수"),
    Message("lint.type.boolean", en: "boolean", ko: "참·거짓"),
    Message("lint.type.text", en: "text", ko: "텍스트"),
    Message("lint.type.list", en: "list", ko: "목록"),
  ]

  /// LessonParity.swift: a translation (`ko/<file>`) against its English lesson.
  static let lintParity: [Message] = [
    Message(
      "lint.parity.lessonID", en: "lesson id '{id}' differs from '{english}' in {file}",
      ko: "레슨 id '{id}'가 {file}의 '{english}'와 다릅니다"),
    Message(
      "lint.parity.order", en: "order {mine} differs from {theirs} in {file}",
      ko: "order {mine}이(가) {file}의 {theirs}와 다릅니다"),
    Message(
      "lint.parity.requires", en: "requires [{mine}] differs from [{theirs}] in {file}",
      ko: "requires [{mine}]가 {file}의 [{theirs}]와 다릅니다"),
    Message(
      "lint.parity.stepMissing", en: "step '{id}' ({at}) is missing from the translation",
      ko: "단계 '{id}'({at})가 번역에 없습니다"),
    Message(
      "lint.parity.stepExtra", en: "step '{id}' is not in {file}", ko: "단계 '{id}'가 {file}에 없습니다"),
    Message(
      "lint.parity.stepOrder", en: "step '{id}' is out of order: {file} has '{other}' here",
      ko: "단계 '{id}'의 순서가 다릅니다. {file}에는 이 자리에 '{other}'가 있습니다"),
    Message(
      "lint.parity.exercisePlace",
      en: "exercise '{id}' is exercise {n} of step '{step}' here; {file} has '{other}' there",
      ko: "연습 문제 '{id}'는 여기서 단계 '{step}'의 {n}번째 연습 문제인데, {file}에는 그 자리에 '{other}'가 있습니다"),
    Message(
      "lint.parity.exercisePlaceNone",
      en: "exercise '{id}' is exercise {n} of step '{step}' here; {file} has no exercise there",
      ko: "연습 문제 '{id}'는 여기서 단계 '{step}'의 {n}번째 연습 문제인데, {file}에는 그 자리에 연습 문제가 없습니다"),
    Message(
      "lint.parity.exerciseField",
      en: "exercise '{id}': {field} '{mine}' here differs from '{theirs}' in {file}",
      ko: "연습 문제 '{id}': 여기의 {field} '{mine}'가 {file}의 '{theirs}'와 다릅니다"),
    Message(
      "lint.parity.exerciseMissing", en: "step '{step}' lacks the exercise '{id}' of {at}",
      ko: "단계 '{step}'에 {at}의 연습 문제 '{id}'가 없습니다"),
    Message(
      "lint.parity.demoExtra", en: "demo block '{demo}' is not in step '{step}' of {file}",
      ko: "데모 블록 '{demo}'가 {file}의 단계 '{step}'에 없습니다"),
    Message(
      "lint.parity.demoPlace",
      en: "demo block {n} of step '{step}' is '{demo}'; {at} has '{other}'",
      ko: "단계 '{step}'의 {n}번째 데모 블록은 '{demo}'인데, {at}에는 '{other}'가 있습니다"),
    Message(
      "lint.parity.demoMissing", en: "step '{step}' lacks the demo block '{demo}' of {at}",
      ko: "단계 '{step}'에 {at}의 데모 블록 '{demo}'가 없습니다"),
    Message(
      "lint.parity.questionMissing", en: "question '{id}' ({at}) is missing from the translation",
      ko: "질문 '{id}'({at})가 번역에 없습니다"),
    Message(
      "lint.parity.questionExtra", en: "question '{id}' is not in {file}",
      ko: "질문 '{id}'가 {file}에 없습니다"),
    Message(
      "lint.parity.englishAnswer",
      en: "question '{id}' does not accept the English answer '{answer}'",
      ko: "질문 '{id}'가 영어 답 '{answer}'를 받아들이지 않습니다"),
    Message(
      "lint.parity.noPattern", en: "question '{id}' has no pattern; {at} has one",
      ko: "질문 '{id}'에는 pattern이 없는데, {at}에는 있습니다"),
    Message(
      "lint.parity.questionField",
      en: "question '{id}': {field} is '{mine}' here, '{theirs}' in {at}",
      ko: "질문 '{id}': {field}가 여기서는 '{mine}', {at}에서는 '{theirs}'입니다"),
    Message(
      "lint.parity.noEnglish",
      en: "translation without an English lesson: no {name} in {directory}",
      ko: "영어 레슨이 없는 번역입니다: {directory}에 {name}이(가) 없습니다"),
    Message("lint.field.checkConditions", en: "check conditions", ko: "검사 조건"),
    Message("lint.field.hints", en: "number of hints", ko: "힌트 수"),
    Message("lint.field.cVariant", en: "C variant", ko: "C 변형"),
    Message("lint.field.cHints", en: "number of c-hints", ko: "c-hints 수"),
    Message("lint.field.choices", en: "number of choices", ko: "보기 수"),
    Message("lint.field.items", en: "number of items", ko: "항목 수"),
  ]

  /// LessonLibrary.swift: why a lesson file was not loaded, and what loading found.
  static let lintLibrary: [Message] = [
    Message("lint.skipped.atLine", en: "line {line}: {message}", ko: "{line}번째 줄: {message}"),
    Message("lint.skipped.notLesson", en: "not a lesson", ko: "레슨이 아닙니다"),
    Message(
      "lint.skipped.noSteps", en: "no steps: a step begins with a '## Heading' line",
      ko: "단계가 없습니다. 단계는 '## 제목' 줄로 시작합니다"),
    Message(
      "lint.skipped.idUsed", en: "lesson id '{id}' is already used by {file}",
      ko: "레슨 id '{id}'는 이미 {file}에서 쓰고 있습니다"),
    Message(
      "lint.overridden", en: "lesson '{id}' is overridden by {file}",
      ko: "레슨 '{id}'는 {file}의 것으로 대신합니다"),
  ]
}
