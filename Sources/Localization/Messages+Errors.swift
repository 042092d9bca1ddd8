// Error lines of ProcLab's own that reach the screen: a demo's refused parameters (DemoContract
// says what was wrong as data, `ParameterError.Reason`; the words are here) and a demo's
// failure (`DemoError`).
extension Messages {
  static let errors: [Message] =
    demoFailures + [
      Message(
        "demo.timeBudget.refused",
        en: "{option} {value}: must be more than 0 and at most {max} seconds",
        ko: "{option} {value}: 0보다 크고 {max}초 이하여야 합니다"),
      Message(
        "cli.trace.needsProgram",
        en: "trace needs a program to run, e.g. proclab trace -- python3 x.py",
        ko: "trace에는 실행할 프로그램이 필요합니다. 예: proclab trace -- python3 x.py"),
      Message(
        "repl.trace.needsProgram",
        en: "trace needs a program to run, e.g. trace python3 my_program.py",
        ko: "trace에는 실행할 프로그램이 필요합니다. 예: trace python3 my_program.py"),
      Message(
        "cli.trace.maxProcesses",
        en: "--max-processes {value}: must be a whole number from {min} to {max}",
        ko: "--max-processes {value}: {min}부터 {max}까지의 정수여야 합니다"),
      Message(
        "cli.trace.maxOutput",
        en: "--max-output {value}: must be a number of bytes from {min} to {max}",
        ko: "--max-output {value}: {min}부터 {max}까지의 바이트 수여야 합니다"),
      Message(
        "demo.error.noCPU", en: "no CPU is allowed to this process", ko: "이 프로세스가 쓸 수 있는 CPU가 없습니다"),
      Message(
        "demo.error.apartNeedsTwo",
        en:
          "cpus=apart needs two CPUs, and this process may use only CPU {cpus}; use cpus=same or cpus=any",
        ko: "cpus=apart에는 CPU가 두 개 필요한데, 이 프로세스는 CPU {cpus}만 쓸 수 있습니다. cpus=same이나 cpus=any를 쓰십시오"),
      Message(
        "demo.error.noSort",
        en: "sort is not installed here (coreutils); this demo feeds lines to it",
        ko: "여기에는 sort가 설치되어 있지 않습니다(coreutils). 이 데모는 sort에 줄을 넣어 줍니다"),
      Message(
        "demo.error.noCat", en: "cat is not installed here (coreutils); the child execs it",
        ko: "여기에는 cat이 설치되어 있지 않습니다(coreutils). 자식이 cat을 exec합니다"),
      Message(
        "demo.error.noLsWc",
        en: "ls or wc is not installed here (coreutils); this part runs ls | wc -l",
        ko: "여기에는 ls나 wc가 설치되어 있지 않습니다(coreutils). 이 부분은 ls | wc -l을 실행합니다"),
      Message(
        "demo.error.poolTooLong",
        en:
          "{count} tasks of {duration} on {workers} workers would take at least {total}; use fewer tasks, more workers or a shorter duration",
        ko:
          "{duration}짜리 작업 {count}개를 작업자 {workers}개로 돌리면 적어도 {total}가 걸립니다. 작업을 줄이거나, 작업자를 늘리거나, 작업 시간을 줄이십시오"
      ),
      Message(
        "demo.error.applyTooLong",
        en:
          "{count} tasks of {duration} one at a time would take {total}; use fewer tasks or a shorter duration",
        ko: "{duration}짜리 작업 {count}개를 하나씩 돌리면 {total}가 걸립니다. 작업을 줄이거나 작업 시간을 줄이십시오"),
      Message(
        "demo.error.stoppedPython", en: "stopped while python3 was running",
        ko: "python3가 실행되는 동안 멈췄습니다"),
      Message(
        "demo.error.pythonTimeout", en: "python3 took longer than {time} and was stopped",
        ko: "python3가 {time}보다 오래 걸려 멈췄습니다"),
      Message(
        "cli.answers.refused.file", en: "cannot grade the answers file: {why}",
        ko: "답안 파일을 채점할 수 없습니다: {why}"),
      Message(
        "cli.answers.refused.stdin", en: "cannot grade the answers on standard input: {why}",
        ko: "표준 입력으로 받은 답안을 채점할 수 없습니다: {why}"),
      Message(
        "cli.answers.notText.file",
        en:
          "{file} is not text: UTF-8 (a byte-order mark is fine) or UTF-16 with a byte-order mark",
        ko: "{file}은(는) 텍스트가 아닙니다. UTF-8(바이트 순서 표시가 있어도 됩니다)이나 바이트 순서 표시가 있는 UTF-16이어야 합니다"),
      Message(
        "cli.answers.notText.stdin",
        en: "it is not text: UTF-8 (a byte-order mark is fine) or UTF-16 with a byte-order mark",
        ko: "텍스트가 아닙니다. UTF-8(바이트 순서 표시가 있어도 됩니다)이나 바이트 순서 표시가 있는 UTF-16이어야 합니다"),
      Message("quiz.answersFile.line", en: "line {line}: {message}", ko: "{line}번째 줄: {message}"),
      Message(
        "quiz.answersFile.noColon",
        en: "no ':' in this line; write 'question-id: answer', or start a comment with #",
        ko: "이 줄에 ':'가 없습니다. '문제-id: 답'으로 쓰거나, 주석은 #으로 시작하십시오"),
      Message(
        "quiz.answersFile.noID",
        en: "no question id before ':'; write 'question-id: answer', or start a comment with #",
        ko: "':' 앞에 문제 id가 없습니다. '문제-id: 답'으로 쓰거나, 주석은 #으로 시작하십시오"),
      Message(
        "quiz.answersFile.second",
        en: "a second answer for '{id}'; only the first, on line {first}, is graded",
        ko: "'{id}'의 두 번째 답입니다. {first}번째 줄의 첫 답만 채점합니다"),
      Message(
        "quiz.answersFile.case",
        en: "'{id}' is not a question id (ids are case-sensitive); write '{exact}'",
        ko: "'{id}'은(는) 문제 id가 아닙니다(id는 대소문자를 구별합니다). '{exact}'로 쓰십시오"),
      Message(
        "quiz.answersFile.guess", en: "no question '{id}' in this quiz; did you mean '{guess}'?",
        ko: "이 퀴즈에는 '{id}' 문제가 없습니다. '{guess}'을(를) 말씀하셨나요?"),
      Message(
        "quiz.answersFile.unknown",
        en: "no question '{id}' in this quiz; quiz --template lists the ids",
        ko: "이 퀴즈에는 '{id}' 문제가 없습니다. quiz --template이 id를 모두 보여 줍니다"),
      Message("cli.answers.problem", en: "answers {problem}", ko: "답안 파일 {problem}"),
      Message("demo.help.lesson", en: "lesson: {lesson}", ko: "레슨: {lesson}"),
      Message(
        "demo.help.reports", en: "reports (label · unit · measured or fact):",
        ko: "보고하는 값(이름 · 단위 · 측정값 또는 사실):"),
      Message("demo.help.measured", en: "measured", ko: "측정값"),
      Message("demo.help.fact", en: "fact", ko: "사실"),
      Message("demo.help.example", en: "example: {command}", ko: "예: {command}"),
      // A metric's unit in `help run`: English is the declared word (`MetricUnit`).
      Message("demo.unit.seconds", en: "seconds", ko: "초"),
      Message("demo.unit.nanoseconds", en: "nanoseconds", ko: "나노초"),
      Message("demo.unit.bytesPerSecond", en: "bytes/s", ko: "바이트/초"),
      Message("demo.unit.messagesPerSecond", en: "messages/s", ko: "메시지/초"),
      Message("demo.unit.bytes", en: "bytes", ko: "바이트"),
      Message("demo.unit.kibibytes", en: "KiB", ko: "KiB"),
      Message("demo.unit.count", en: "count", ko: "개수"),
      Message("demo.unit.ratio", en: "ratio", ko: "배율"),
      Message("demo.unit.fraction", en: "fraction", ko: "비율"),
      Message("demo.unit.durations", en: "durations", ko: "작업 시간의 배수"),
      Message("demo.unit.runnable", en: "runnable tasks", ko: "실행 가능한 작업 수"),
      Message("demo.unit.cpu", en: "cpu", ko: "CPU 번호"),
      Message("demo.unit.pid", en: "pid", ko: "pid"),
      Message("demo.unit.id", en: "id", ko: "id"),
      Message("demo.unit.exitStatus", en: "exit status", ko: "종료 상태"),
      Message("demo.unit.exitcode", en: "exitcode", ko: "exitcode"),
      Message("demo.unit.boolean", en: "boolean", ko: "참/거짓"),
      Message("demo.unit.text", en: "text", ko: "텍스트"),
      Message("demo.unit.list", en: "list", ko: "목록"),
      Message("demo.param.value", en: "{word}: {why}", ko: "{word}: {why}"),
      Message(
        "demo.param.needsValue", en: "needs a value: {allowed}",
        ko: "값이 없습니다. 쓸 수 있는 값: {allowed}"),
      Message(
        "demo.param.notWhole", en: "not a whole number; must be between {min} and {max}",
        ko: "정수가 아닙니다. {min}부터 {max}까지의 정수여야 합니다"),
      Message(
        "demo.param.notNumber", en: "not a number; must be between {min} and {max}",
        ko: "수가 아닙니다. {min}부터 {max}까지의 수여야 합니다"),
      Message("demo.param.mustBe", en: "must be {allowed}", ko: "쓸 수 있는 값: {allowed}"),
      Message(
        "demo.param.emptyItem", en: "empty item in list; allowed: {allowed}",
        ko: "목록에 빈 항목이 있습니다. 쓸 수 있는 항목: {allowed}"),
      Message(
        "demo.param.unknownItem", en: "unknown item '{item}'; allowed: {allowed}",
        ko: "'{item}'은(는) 쓸 수 없는 항목입니다. 쓸 수 있는 항목: {allowed}"),
      Message(
        "demo.param.notNameValue",
        en: "'{word}': parameters are written name=value; {demo} takes {names}",
        ko: "'{word}': 매개변수는 이름=값 꼴로 씁니다. {demo}의 매개변수: {names}"),
      Message(
        "demo.param.missingName", en: "'{word}': missing parameter name; {demo} takes {names}",
        ko: "'{word}': 매개변수 이름이 없습니다. {demo}의 매개변수: {names}"),
      Message(
        "demo.param.unknownName", en: "unknown parameter '{name}' for {demo}; it takes {names}",
        ko: "{demo}에는 '{name}'이라는 매개변수가 없습니다. {demo}의 매개변수: {names}"),
      Message("demo.param.noParameters", en: "no parameters", ko: "매개변수 없음"),
      Message(
        "demo.param.allowed.integer", en: "a whole number between {min} and {max}",
        ko: "{min}부터 {max}까지의 정수"),
      Message(
        "demo.param.allowed.decimal", en: "a number between {min} and {max}",
        ko: "{min}부터 {max}까지의 수"),
      Message("demo.param.allowed.choice", en: "one of {words}", ko: "{words} 가운데 하나"),
      Message(
        "demo.param.allowed.list", en: "one or more of {words} (comma-separated)",
        ko: "{words} 가운데 하나 이상(쉼표로 구분)"),
      Message(
        "demo.param.allowed.flag", en: "on or off (also true/false, yes/no, 1/0)",
        ko: "on 또는 off(true/false, yes/no, 1/0도 됩니다)"),
    ]
}
