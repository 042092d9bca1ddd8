// The REPL's own texts: the greeting, the prompt's refusals, lessons, where, demos
// (ProcLabApp's Session and Commands).
extension Messages {
  static let repl: [Message] = [
    Message(
      "repl.greeting", en: "{name} — processes, threads and IPC, measured live on this machine.",
      ko: "{name} — 프로세스, 스레드, IPC를 이 컴퓨터에서 직접 측정하며 배웁니다."),
    Message(
      "repl.start",
      en: "Type {lessons} to see the path, {open} to begin, {help} for every command.",
      ko: "{lessons}로 학습 경로를 보고, {open}로 시작하며, {help}로 모든 명령을 봅니다."),
    Message(
      "repl.howToLeave", en: "(To leave ProcLab, type quit or press Ctrl-D.)",
      ko: "(ProcLab을 마치려면 quit(종료)를 입력하거나 Ctrl-D를 누르십시오.)"),
    Message("repl.skippedLesson", en: "skipped lesson file {file}", ko: "레슨 파일을 건너뛰었습니다: {file}"),
    Message(
      "repl.unknownCommand.guess",
      en: "unknown command '{name}' — did you mean '{guess}'? (help lists every command)",
      ko: "알 수 없는 명령 '{name}' — 비슷한 명령: '{guess}' (help로 모든 명령을 봅니다)"),
    Message(
      "repl.unknownCommand", en: "unknown command '{name}'; type help to see the commands",
      ko: "알 수 없는 명령 '{name}'입니다. help를 입력하면 명령 목록을 봅니다"),
    Message(
      "repl.open.needsLesson",
      en: "open needs a lesson: a number or an id, e.g. open 1 (lessons lists them)",
      ko: "open에는 레슨 번호나 id가 필요합니다. 예: open 1 (lessons로 목록을 봅니다)"),
    Message(
      "repl.open.noLesson.guess",
      en: "no lesson '{key}' — did you mean '{guess}'?; lessons 1–{count} or an id from lessons",
      ko: "'{key}' 레슨이 없습니다 — 비슷한 레슨: '{guess}'. 레슨 1–{count} 또는 "
        + "lessons에 나온 id를 쓰십시오"),
    Message(
      "repl.open.noLesson", en: "no lesson '{key}'; lessons 1–{count} or an id from lessons",
      ko: "'{key}' 레슨이 없습니다. 레슨 1–{count} 또는 lessons에 나온 id를 쓰십시오"),
    Message(
      "repl.open.noStep.guess",
      en: "{lesson} has steps 1–{count} (Tab lists their ids) — did you mean '{guess}'?; "
        + "open {lesson} 1 starts it over",
      ko: "{lesson}의 단계는 1–{count}입니다(Tab으로 id를 봅니다) — 비슷한 단계: "
        + "'{guess}'. open {lesson} 1로 처음부터 시작합니다"),
    Message(
      "repl.open.noStep",
      en: "{lesson} has steps 1–{count} (Tab lists their ids); open {lesson} 1 starts it over",
      ko: "{lesson}의 단계는 1–{count}입니다(Tab으로 id를 봅니다). open {lesson} 1로 처음부터 "
        + "시작합니다"),
    Message(
      "repl.resuming", en: "Resuming where you left off (open {lesson} 1 starts over).",
      ko: "지난번에 멈춘 곳에서 이어 갑니다(open {lesson} 1로 처음부터 시작합니다)."),
    Message(
      "repl.noLessonOpen", en: "no lesson is open; open 1 starts the first one",
      ko: "열린 레슨이 없습니다. open 1로 첫 레슨을 시작합니다"),
    Message("repl.endOfLesson", en: "End of “{title}”.", ko: "“{title}” 레슨을 마쳤습니다."),
    Message(
      "repl.endOfLesson.next", en: " Type lessons to pick the next one, or back to revisit a step.",
      ko: " lessons로 다음 레슨을 고르거나 back으로 앞 단계를 다시 봅니다."),
    Message(
      "repl.firstStep", en: "this is the first step; next goes on",
      ko: "첫 단계입니다. next로 다음 단계로 갑니다"),
    Message(
      "repl.run.needsDemo", en: "run needs a demo name, e.g. run ids (demos lists them)",
      ko: "run에는 데모 이름이 필요합니다. 예: run ids (demos로 목록을 봅니다)"),
    Message(
      "repl.unknownDemo.guess",
      en: "unknown demo '{name}' — did you mean '{guess}'?; demos lists them",
      ko: "알 수 없는 데모 '{name}' — 비슷한 데모: '{guess}'. demos로 목록을 봅니다"),
    Message(
      "repl.unknownDemo", en: "unknown demo '{name}'; demos lists them",
      ko: "알 수 없는 데모 '{name}'입니다. demos로 목록을 봅니다"),
    Message(
      "repl.help.unknown", en: "no command or demo '{word}'; help lists the commands",
      ko: "명령도 데모도 아닙니다: '{word}'. help로 명령 목록을 봅니다"),
    Message(
      "repl.help.run", en: "  help run <demo> explains a demo's parameters",
      ko: "  help run <데모>로 데모의 매개변수 설명을 봅니다"),
    Message("repl.help.title", en: "Commands", ko: "명령"),
    Message(
      "repl.help.keys",
      en: "Keys: Tab completes, Up/Down recall, Ctrl-R searches history, Ctrl-C stops a demo or "
        + "clears the line, Ctrl-D leaves.",
      ko: "키: Tab은 자동 완성, 위/아래 화살표는 이전 입력, Ctrl-R은 기록 검색, Ctrl-C는 데모를 "
        + "멈추거나 줄을 지우고, Ctrl-D는 종료합니다."),
    Message(
      "repl.lessons.title", en: "The path, in order (each lesson builds on the ones before it)",
      ko: "학습 경로(각 레슨은 앞 레슨 위에 쌓입니다)"),
    Message("repl.lessons.number", en: "#", ko: "#"),
    Message("repl.lessons.id", en: "id", ko: "id"),
    Message("repl.lessons.lessonTitle", en: "title", ko: "제목"),
    Message("repl.lessons.steps", en: "steps", ko: "단계"),
    Message("repl.lessons.needs", en: "needs", ko: "선수 레슨"),
    Message("repl.lessons.summary", en: "summary", ko: "요약"),
    Message(
      "repl.lessons.how", en: "open <number> or open <id> starts a lesson.",
      ko: "open <번호> 또는 open <id>로 레슨을 시작합니다."),
    Message("repl.demos.title", en: "Demos", ko: "데모"),
    Message(
      "repl.typeAhead.droppedOne", en: "(1 key typed during the demo was dropped)",
      ko: "(데모가 실행되는 동안 입력한 키 1개는 버렸습니다)"),
    Message(
      "repl.typeAhead.dropped", en: "({keys} keys typed during the demo were dropped)",
      ko: "(데모가 실행되는 동안 입력한 키 {keys}개는 버렸습니다)"),
    Message(
      "repl.demos.how",
      en: "run <demo> [name=value …] runs one; help run <demo> explains its parameters.",
      ko: "run <데모> [이름=값 …]으로 실행하고, help run <데모>로 매개변수 설명을 봅니다."),
    Message(
      "repl.where.none", en: "No lesson is open. lessons lists them; open 1 starts the first.",
      ko: "열린 레슨이 없습니다. lessons로 목록을 보고 open 1로 첫 레슨을 시작합니다."),
    Message(
      "repl.where",
      en: "Lesson {number} “{title}” ({id}), step {step} of {count}: {stepTitle}",
      ko: "레슨 {number} “{title}”({id}), 단계 {step}/{count}: {stepTitle}"),
    // At the shell (ProcLabApp's ProcLabMain), and after a sweep at start.
    Message(
      "cli.noLesson", en: "no lesson '{lesson}'; proclab lessons lists them",
      ko: "'{lesson}' 레슨이 없습니다. proclab lessons로 목록을 봅니다"),
    Message(
      "cli.unknownDemo.guess", en: "unknown demo '{name}' — did you mean '{guess}'?",
      ko: "알 수 없는 데모 '{name}' — 비슷한 데모: '{guess}'"),
    Message("cli.unknownDemo", en: "unknown demo '{name}'", ko: "알 수 없는 데모 '{name}'"),
    Message("cli.demoFailed", en: "the demo failed", ko: "데모가 실패했습니다"),
    Message(
      "cli.skippedLesson", en: "skipped lesson file {file}: {reason}",
      ko: "레슨 파일을 건너뛰었습니다: {file}: {reason}"),
    Message("cli.skipped", en: "skipped {file}", ko: "건너뛰었습니다: {file}"),
    Message(
      "cli.noLessonsIn",
      en: "no lessons found in {dirs}: --lessons needs a folder of lesson files (*.md)",
      ko: "{dirs}에서 레슨을 찾지 못했습니다: --lessons에는 레슨 파일(*.md)이 든 폴더를 줍니다"),
    Message(
      "cli.swept", en: "removed {count} IPC object(s) left by a ProcLab process that died: {names}",
      ko: "끝나 버린 ProcLab 프로세스가 남긴 IPC 객체 {count}개를 지웠습니다: {names}"),
    // The lines above and below a step (ProcLabApp's StepPlayer).
    Message(
      "step.header", en: "── {lesson} · step {number} of {count} ──",
      ko: "── {lesson} · 단계 {number}/{count} ──"),
    Message(
      "step.hint.again", en: "again runs this step's demos, live; run <demo> runs one.",
      ko: "again으로 이 단계의 데모를 지금 다시 실행하고, run <데모>로 데모 하나를 실행합니다."),
    Message(
      "step.hint.last",
      en: "That was the last step. lessons shows the path; open the next lesson when ready.",
      ko: "마지막 단계였습니다. lessons로 학습 경로를 보고, 준비되면 다음 레슨을 여십시오."),
    Message(
      "step.hint.next", en: "Enter: next step · back · again · run <demo> · help",
      ko: "Enter: 다음 단계 · back · again · run <데모> · help"),
    Message(
      "step.hint.nextRead",
      en: "Enter: next step · back · again · read: the text again · run <demo> · help",
      ko: "Enter: 다음 단계 · back · again · read: 글 다시 보기 · run <데모> · help"),
    Message(
      "step.demoCannotRun", en: "this step names a demo that cannot run: {command}",
      ko: "이 단계가 가리키는 데모를 실행할 수 없습니다: {command}"),
  ]
}
