// The lines of a lesson file that does not parse (Sources/Lessons/Parsing): its body, front
// matter, quiz blocks, answer keys and exercise blocks. Part of `Messages.lint`
// (Messages+Lint.swift), whose header says how they are used.
extension Messages {
  /// LessonParser.swift: the body of a lesson file.
  static let lintParser: [Message] = [
    Message(
      "lint.parse.nesting",
      en:
        "block quotes and lists nest more than {max} deep here; the deeper '>' and list markers would show as text",
      ko: "여기서는 인용과 목록이 {max}단계보다 깊게 겹칩니다. 더 깊은 '>'와 목록 기호는 글자 그대로 보이게 됩니다"),
    Message(
      "lint.parse.fenceOpen", en: "code fence opened here is never closed",
      ko: "여기서 연 코드 블록(```)이 닫히지 않습니다"),
    Message("lint.parse.emptyDemo", en: "empty demo block", ko: "빈 데모 블록입니다"),
    Message(
      "lint.parse.duplicateQuestion", en: "duplicate question id '{id}' (also at line {line})",
      ko: "질문 id '{id}'가 중복됩니다({line}번째 줄에도 있습니다)"),
    Message(
      "lint.parse.duplicateExercise", en: "duplicate exercise id '{id}' (also at line {line})",
      ko: "연습 문제 id '{id}'가 중복됩니다({line}번째 줄에도 있습니다)"),
    Message(
      "lint.parse.missingID", en: "missing 'id:' in the front matter",
      ko: "front matter에 'id:'가 없습니다"),
    Message(
      "lint.parse.badLessonID",
      en:
        "'{id}' is not a valid lesson id: use 1 to 64 letters, digits, '-' and '_', starting with a letter or digit",
      ko: "'{id}'는 올바른 레슨 id가 아닙니다. 글자, 숫자, '-', '_'로 1~64자를 쓰되 글자나 숫자로 시작하십시오"),
    Message(
      "lint.parse.digitsID",
      en: "a lesson id cannot be only digits: it would clash with lesson numbers",
      ko: "레슨 id는 숫자로만 이루어질 수 없습니다. 레슨 번호와 헷갈리게 됩니다"),
    Message(
      "lint.parse.missingTitle", en: "missing 'title:' in the front matter",
      ko: "front matter에 'title:'이 없습니다"),
    Message(
      "lint.parse.noSteps", en: "lesson has no steps: a step begins with a '## Heading' line",
      ko: "레슨에 단계가 없습니다. 단계는 '## 제목' 줄로 시작합니다"),
    Message(
      "lint.parse.duplicateStep",
      en: "duplicate step id '{id}' (also at line {line}); give one of the headings its own {#id}",
      ko: "단계 id '{id}'가 중복됩니다({line}번째 줄에도 있습니다). 제목 하나에 따로 {#id}를 붙이십시오"),
    Message(
      "lint.parse.questionStep",
      en: "question '{id}' names step '{step}', which this lesson does not have",
      ko: "질문 '{id}'가 단계 '{step}'을(를) 가리키는데, 이 레슨에는 그런 단계가 없습니다"),
    Message(
      "lint.parse.badStepID",
      en: "'{braced}' is not a valid step id: use letters, digits, '-' and '_'",
      ko: "'{braced}'는 올바른 단계 id가 아닙니다. 글자, 숫자, '-', '_'만 쓰십시오"),
  ]

  /// FrontMatter.swift: the front matter of a lesson file.
  static let lintFrontMatter: [Message] = [
    Message(
      "lint.parse.emptyFile",
      en: "empty file: a lesson starts with front matter (a '---' line, id:, title:, '---')",
      ko: "빈 파일입니다. 레슨은 front matter('---' 줄, id:, title:, '---')로 시작합니다"),
    Message(
      "lint.parse.noFrontMatter",
      en: "missing front matter: a lesson file starts with a '---' line, then id: and title:",
      ko: "front matter가 없습니다. 레슨 파일은 '---' 줄로 시작하고 id:와 title:이 이어집니다"),
    Message(
      "lint.parse.frontMatterOpen", en: "front matter not closed: no '---' line after line 1",
      ko: "front matter가 닫히지 않았습니다. 1번째 줄 뒤에 '---' 줄이 없습니다"),
    Message(
      "lint.parse.listItem", en: "a '- item' line belongs under 'requires:'",
      ko: "'- 항목' 줄은 'requires:' 아래에만 올 수 있습니다"),
    Message(
      "lint.parse.indented", en: "indented line outside a front matter value",
      ko: "front matter 값 밖에 들여 쓴 줄이 있습니다"),
    Message(
      "lint.parse.keyValue", en: "expected 'key: value' in the front matter",
      ko: "front matter에는 'key: value' 꼴의 줄이 와야 합니다"),
    Message(
      "lint.parse.notKey", en: "'{key}' is not a front matter key",
      ko: "'{key}'는 front matter 키가 아닙니다"),
    Message(
      "lint.parse.keyTwice", en: "'{key}' is given twice (first at line {line})",
      ko: "'{key}'가 두 번 주어졌습니다(처음은 {line}번째 줄)"),
    Message(
      "lint.parse.bracket", en: "'[' without ']' in requires", ko: "requires에 '['만 있고 ']'가 없습니다"),
    Message(
      "lint.parse.order", en: "order must be a whole number from 0 to 1000000",
      ko: "order는 0부터 1000000까지의 정수여야 합니다"),
    Message(
      "lint.parse.unknownKey", en: "unknown front matter key '{key}' (known: {known})",
      ko: "알 수 없는 front matter 키 '{key}'(쓸 수 있는 키: {known})"),
    Message(
      "lint.parse.requiresNotID", en: "'{item}' in requires is not a lesson id",
      ko: "requires의 '{item}'는 레슨 id가 아닙니다"),
    Message(
      "lint.parse.requiredTwice", en: "'{item}' is required twice",
      ko: "'{item}'가 requires에 두 번 있습니다"),
  ]

  /// QuizBlock.swift, QuizFieldScanning.swift: a quiz block's fields.
  static let lintQuiz: [Message] = [
    Message(
      "lint.quiz.notForKind", en: "'{key}' does not apply to a {kind} question",
      ko: "'{key}'는 {kind} 질문에 쓸 수 없습니다"),
    Message("lint.quiz.noAsk", en: "question '{id}' has no 'ask:'", ko: "질문 '{id}'에 'ask:'가 없습니다"),
    Message(
      "lint.quiz.twoChoices", en: "question '{id}' needs at least two choices",
      ko: "질문 '{id}'에는 보기가 두 개 이상 있어야 합니다"),
    Message(
      "lint.quiz.twoItems", en: "question '{id}' needs at least two items",
      ko: "질문 '{id}'에는 항목이 두 개 이상 있어야 합니다"),
    Message(
      "lint.quiz.unknownKey", en: "unknown key '{key}' in a quiz block",
      ko: "quiz 블록에 알 수 없는 키 '{key}'가 있습니다"),
    Message(
      "lint.quiz.notAKey", en: "'{key} {argument}' is not a key; write '{key}: …'",
      ko: "'{key} {argument}'는 키가 아닙니다. '{key}: …'로 쓰십시오"),
    Message("lint.quiz.noID", en: "quiz question has no 'id:'", ko: "quiz 질문에 'id:'가 없습니다"),
    Message(
      "lint.quiz.badID", en: "'{id}' is not a valid question id: use letters, digits, '-' and '_'",
      ko: "'{id}'는 올바른 질문 id가 아닙니다. 글자, 숫자, '-', '_'만 쓰십시오"),
    Message(
      "lint.quiz.noKind", en: "question '{id}' has no 'kind:' ({kinds})",
      ko: "질문 '{id}'에 'kind:'가 없습니다({kinds})"),
    Message(
      "lint.quiz.unknownKind", en: "unknown question kind '{kind}' ({kinds})",
      ko: "알 수 없는 질문 종류 '{kind}'({kinds})"),
    Message("lint.quiz.emptyHint", en: "empty hint", ko: "빈 힌트입니다"),
    Message(
      "lint.quiz.stepID", en: "'step:' needs the id of the step that teaches this question",
      ko: "'step:'에는 이 질문을 가르치는 단계의 id가 있어야 합니다"),
    Message(
      "lint.quiz.unit", en: "'unit:' needs a unit, such as s or ms",
      ko: "'unit:'에는 s나 ms 같은 단위가 있어야 합니다"),
    Message(
      "lint.quiz.retries", en: "retries must be a whole number from 0 to 20",
      ko: "retries는 0부터 20까지의 정수여야 합니다"),
    Message(
      "lint.quiz.points",
      en: "points must be a whole number from 1 to 100 (what the question is worth; default 1)",
      ko: "points는 1부터 100까지의 정수여야 합니다(질문의 배점, 기본 1)"),
    Message(
      "lint.quiz.lettered",
      en: "{what} are lettered a), b), c)… in order; expected '{label})' here",
      ko: "{what}에는 a), b), c)… 차례로 글자를 붙입니다. 여기에는 '{label})'가 와야 합니다"),
    Message("lint.quiz.noText", en: "{label}) has no text", ko: "{label})에 글이 없습니다"),
    Message("lint.quiz.atMost26", en: "at most 26 {what}", ko: "{what}는 26개까지입니다"),
    Message("lint.quiz.choices", en: "choices", ko: "보기"),
    Message("lint.quiz.items", en: "items", ko: "항목"),
    Message(
      "lint.quiz.indentedFirst", en: "indented line before any 'key:' in a quiz block",
      ko: "quiz 블록에서 'key:'보다 먼저 들여 쓴 줄이 있습니다"),
    Message(
      "lint.quiz.expectedChoice", en: "expected a choice such as 'a) text'",
      ko: "'a) text' 같은 보기가 와야 합니다"),
    Message(
      "lint.quiz.keyValue",
      en: "expected 'key: value' in a quiz block (or indent a continued value)",
      ko: "quiz 블록에는 'key: value' 꼴의 줄이 와야 합니다(이어지는 값이면 들여 쓰십시오)"),
    Message(
      "lint.quiz.ownLine", en: "write each choice on its own line: a) …, b) …",
      ko: "보기는 한 줄에 하나씩 쓰십시오: a) …, b) …"),
  ]

  /// QuizAnswers.swift: a question's answer key, a predict question's demo and rule, feedback.
  static let lintAnswers: [Message] = [
    Message(
      "lint.answer.bothRange", en: "give either 'answer:' or 'range:', not both",
      ko: "'answer:'와 'range:' 중 하나만 쓰십시오"),
    Message(
      "lint.answer.toleranceRange", en: "'tolerance' goes with 'answer:', not with 'range:'",
      ko: "'tolerance'는 'range:'가 아니라 'answer:'와 함께 씁니다"),
    Message("lint.answer.none", en: "question '{id}' has no answer", ko: "질문 '{id}'에 답이 없습니다"),
    Message(
      "lint.answer.notAmong",
      en: "answer '{answer}' of question '{id}' is not among the choices ({range})",
      ko: "질문 '{id}'의 답 '{answer}'가 보기에 없습니다({range})"),
    Message(
      "lint.answer.letters",
      en: "the answer of question '{id}' is written as letters, such as b or a, c",
      ko: "질문 '{id}'의 답은 b나 a, c처럼 글자로 씁니다"),
    Message(
      "lint.answer.truth", en: "the answer of question '{id}' is true or false",
      ko: "질문 '{id}'의 답은 true나 false입니다"),
    Message("lint.answer.emptyAccept", en: "empty 'accept:'", ko: "'accept:'가 비어 있습니다"),
    Message("lint.answer.emptyPattern", en: "empty 'pattern:'", ko: "'pattern:'이 비어 있습니다"),
    Message(
      "lint.answer.order",
      en: "the answer of question '{id}' must name every item once, in order (e.g. c, a, b)",
      ko: "질문 '{id}'의 답은 모든 항목을 한 번씩 차례대로 적어야 합니다(예: c, a, b)"),
    Message(
      "lint.answer.needsUnit",
      en:
        "the answer of question '{id}' is in '{unit}', which needs a line 'unit: {unit}' (without unit:, the answer is a plain number)",
      ko: "질문 '{id}'의 답이 '{unit}' 단위이니 'unit: {unit}' 줄이 있어야 합니다(unit:이 없으면 답은 단위 없는 수입니다)"),
    Message(
      "lint.answer.bad", en: "the answer of question '{id}': {detail}",
      ko: "질문 '{id}'의 답: {detail}"),
    Message(
      "lint.answer.toleranceTwice",
      en: "the tolerance is given twice: in 'answer:' and in 'tolerance:'",
      ko: "허용 오차가 'answer:'와 'tolerance:'에 두 번 주어졌습니다"),
    Message(
      "lint.answer.tolerance",
      en: "a tolerance is a percentage such as 5% or an amount such as ± 0.5",
      ko: "허용 오차는 5% 같은 백분율이나 ± 0.5 같은 양으로 씁니다"),
    Message("lint.answer.negative", en: "a tolerance cannot be negative", ko: "허용 오차는 음수일 수 없습니다"),
    Message(
      "lint.answer.range", en: "a range is written low..high, such as 3..5",
      ko: "범위는 3..5처럼 낮은값..높은값으로 씁니다"),
    Message(
      "lint.answer.rangeOrder", en: "the range's low end is above its high end",
      ko: "범위의 낮은 끝이 높은 끝보다 큽니다"),
    Message("lint.answer.rangeBad", en: "range of question: {detail}", ko: "질문의 범위: {detail}"),
    Message(
      "lint.answer.predictAnswer",
      en: "a predict question has no answer: its check rule grades it live",
      ko: "predict 질문에는 답을 쓰지 않습니다. check 규칙이 실제 실행으로 채점합니다"),
    Message(
      "lint.answer.demoLine", en: "'demo:' names a demo and its parameters on one line",
      ko: "'demo:'에는 데모와 그 매개변수를 한 줄에 씁니다"),
    Message(
      "lint.answer.needsDemo", en: "predict question '{id}' needs a 'demo:' line",
      ko: "predict 질문 '{id}'에는 'demo:' 줄이 있어야 합니다"),
    Message(
      "lint.answer.needsCheck", en: "predict question '{id}' needs a 'check:' rule",
      ko: "predict 질문 '{id}'에는 'check:' 규칙이 있어야 합니다"),
    Message("lint.answer.badRule", en: "bad check rule: {detail}", ko: "잘못된 check 규칙: {detail}"),
    Message(
      "lint.answer.ruleChoices",
      en:
        "this rule is graded true or false; a predict question with choices needs a rule over the answer, such as 'equals metric …'",
      ko: "이 규칙은 참·거짓으로 채점됩니다. 보기가 있는 predict 질문에는 'equals metric …'처럼 답을 비교하는 규칙이 있어야 합니다"),
    Message(
      "lint.answer.feedbackFor", en: "write the answer the feedback is for: 'feedback b: …'",
      ko: "피드백이 어느 답에 대한 것인지 쓰십시오: 'feedback b: …'"),
    Message(
      "lint.answer.feedbackEmpty", en: "feedback for '{answer}' has no text",
      ko: "'{answer}'에 대한 피드백에 글이 없습니다"),
    Message(
      "lint.answer.feedbackBad", en: "feedback for '{answer}': {detail}",
      ko: "'{answer}'에 대한 피드백: {detail}"),
    Message(
      "lint.answer.feedbackRight",
      en:
        "feedback for '{answer}' is for the right answer, and a right answer gets the explanation instead",
      ko: "'{answer}'에 대한 피드백은 맞는 답에 대한 것인데, 맞는 답에는 피드백 대신 설명(explain)이 나갑니다"),
  ]

  /// ExerciseBlock.swift, ExerciseCVariant.swift: an exercise block's fields.
  static let lintExercises: [Message] = [
    Message(
      "lint.exercise.keyValue", en: "expected 'key: value' in an exercise block (keys: {keys})",
      ko: "exercise 블록에는 'key: value' 꼴의 줄이 와야 합니다(키: {keys})"),
    Message(
      "lint.exercise.emptyHint", en: "empty hint: write the hint after '{key}:'",
      ko: "빈 힌트입니다. '{key}:' 뒤에 힌트를 쓰십시오"),
    Message(
      "lint.exercise.keyTwice", en: "'{key}' is given twice in this exercise (also at line {line})",
      ko: "이 연습 문제에 '{key}'가 두 번 주어졌습니다({line}번째 줄에도 있습니다)"),
    Message(
      "lint.exercise.unknownKey", en: "unknown key '{key}' in an exercise block",
      ko: "exercise 블록에 알 수 없는 키 '{key}'가 있습니다"),
    Message(
      "lint.exercise.noKey", en: "exercise block has no '{key}:'", ko: "exercise 블록에 '{key}:'가 없습니다"
    ),
    Message(
      "lint.exercise.noValue", en: "exercise block has no '{key}:' value",
      ko: "exercise 블록의 '{key}:'에 값이 없습니다"),
    Message(
      "lint.exercise.badID",
      en:
        "'{id}' is not a valid exercise id: use 1 to 64 lower-case letters, digits and '-', starting with a letter",
      ko: "'{id}'는 올바른 연습 문제 id가 아닙니다. 영어 소문자, 숫자, '-'로 1~64자를 쓰되 글자로 시작하십시오"),
    Message(
      "lint.exercise.noCheck", en: "exercise '{id}' has no 'check:' line: it needs at least one",
      ko: "연습 문제 '{id}'에 'check:' 줄이 없습니다. 적어도 하나 있어야 합니다"),
    Message(
      "lint.exercise.noHint", en: "exercise '{id}' has no 'hint:' line: it needs at least one",
      ko: "연습 문제 '{id}'에 'hint:' 줄이 없습니다. 적어도 하나 있어야 합니다"),
    Message(
      "lint.exercise.noTask", en: "exercise '{id}' has no task: write it after a last line 'task:'",
      ko: "연습 문제 '{id}'에 과제가 없습니다. 마지막 'task:' 줄 뒤에 쓰십시오"),
    Message(
      "lint.exercise.checkForm",
      en:
        "a check is '<condition> :: <what it means>', e.g. 'check: zombies == 0 :: every child reaped'",
      ko: "검사는 '<조건> :: <뜻>' 꼴로 씁니다. 예: 'check: zombies == 0 :: 자식을 모두 거둠'"),
    Message(
      "lint.exercise.noCondition", en: "a check needs a condition before '::'",
      ko: "검사에는 '::' 앞에 조건이 있어야 합니다"),
    Message(
      "lint.exercise.noMeaning", en: "a check needs what it means after '::'",
      ko: "검사에는 '::' 뒤에 그 뜻이 있어야 합니다"),
    Message(
      "lint.exercise.badCheck", en: "check '{condition}': {detail}",
      ko: "검사 '{condition}': {detail}"),
    Message(
      "lint.exercise.badFile",
      en:
        "'{name}' is not a file name an exercise may have: use letters, digits, '.', '_' and '-', no '/', not starting with '.'",
      ko: "'{name}'는 연습 문제 파일 이름으로 쓸 수 없습니다. 글자, 숫자, '.', '_', '-'를 쓰고, '/' 없이, '.'로 시작하지 않게 쓰십시오"),
    Message(
      "lint.exercise.fileTwice", en: "'{name}' is listed twice in 'files:'",
      ko: "'files:'에 '{name}'가 두 번 있습니다"),
    Message(
      "lint.exercise.tooManyFiles",
      en: "an exercise has at most {max} files; this one lists {count}",
      ko: "연습 문제 파일은 {max}개까지인데, 여기에는 {count}개가 있습니다"),
    Message(
      "lint.exercise.runShell",
      en:
        "'{bad}' in 'run:': it is argv words split at spaces, run without a shell; write the pipeline or redirection in the program instead",
      ko: "'run:'에 '{bad}'가 있습니다. run:은 빈칸으로 나눈 argv 낱말이고 셸 없이 실행되니, 파이프라인이나 리디렉션은 프로그램 안에 쓰십시오"),
    Message(
      "lint.exercise.runProgram",
      en:
        "'{program}': the program is a name found in PATH (python3) or one of the exercise's files written ./name",
      ko: "'{program}': 프로그램은 PATH에서 찾는 이름(python3)이거나 ./name으로 쓴 연습 문제 파일이어야 합니다"),
    Message(
      "lint.exercise.number", en: "{key}: '{value}' must be a whole number from {min} to {max}",
      ko: "{key}: '{value}'는 {min}부터 {max}까지의 정수여야 합니다"),
    Message(
      "lint.exercise.cNoKey",
      en:
        "exercise '{id}' has a C variant but no '{key}:': a C variant needs c-files, c-build, c-run and a c-hint",
      ko: "연습 문제 '{id}'에 C 변형이 있는데 '{key}:'가 없습니다. C 변형에는 c-files, c-build, c-run, c-hint가 있어야 합니다"),
    Message(
      "lint.exercise.cNoValue",
      en:
        "exercise '{id}' has a C variant but no '{key}:' value: a C variant needs c-files, c-build, c-run and a c-hint",
      ko:
        "연습 문제 '{id}'에 C 변형이 있는데 '{key}:'에 값이 없습니다. C 변형에는 c-files, c-build, c-run, c-hint가 있어야 합니다"
    ),
    Message(
      "lint.exercise.cNoHint",
      en: "exercise '{id}' has a C variant but no 'c-hint:' line: it needs at least one",
      ko: "연습 문제 '{id}'에 C 변형이 있는데 'c-hint:' 줄이 없습니다. 적어도 하나 있어야 합니다"),
    Message(
      "lint.exercise.cBuildShell",
      en:
        "'{bad}' in 'c-build:': it is argv words split at spaces, run without a shell, e.g. 'cc -Wall -O2 -o prog prog.c'",
      ko:
        "'c-build:'에 '{bad}'가 있습니다. c-build:는 빈칸으로 나눈 argv 낱말이고 셸 없이 실행됩니다. 예: 'cc -Wall -O2 -o prog prog.c'"
    ),
    Message(
      "lint.exercise.cBuildPath",
      en: "'c-build:' starts with the compiler's name, found in PATH (cc), not a path",
      ko: "'c-build:'는 경로가 아니라 PATH에서 찾는 컴파일러 이름(cc)으로 시작합니다"),
    Message(
      "lint.exercise.cBuildOutput",
      en:
        "'c-build:' must name the program it makes with '-o <name>', e.g. 'cc -Wall -O2 -o prog prog.c'",
      ko: "'c-build:'에는 만들 프로그램을 '-o <name>'으로 적어야 합니다. 예: 'cc -Wall -O2 -o prog prog.c'"),
    Message(
      "lint.exercise.cBuildName",
      en:
        "'-o {output}': the program made is a plain file name (letters, digits, '.', '_', '-') and not one of 'c-files:'",
      ko:
        "'-o {output}': 만드는 프로그램은 평범한 파일 이름(글자, 숫자, '.', '_', '-')이어야 하고 'c-files:'에 있는 파일이면 안 됩니다"),
    Message(
      "lint.exercise.cRunShell",
      en: "'{bad}' in 'c-run:': it is argv words split at spaces, run without a shell",
      ko: "'c-run:'에 '{bad}'가 있습니다. c-run:은 빈칸으로 나눈 argv 낱말이고 셸 없이 실행됩니다"),
    Message(
      "lint.exercise.cRunProgram",
      en: "'c-run:' starts the program 'c-build:' makes: write './{output}'",
      ko: "'c-run:'은 'c-build:'가 만든 프로그램을 실행합니다. './{output}'로 쓰십시오"),
  ]
}
