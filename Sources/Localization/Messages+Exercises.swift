// Exercises at the prompt and from the shell (ProcLabApp's Exercise*.swift; docs/exercises.md):
// `exercise`, `check`, `watch`, `hint`, and the line a step shows where an exercise stands.
extension Messages {
  static let exercises: [Message] = [
    Message(
      "command.exercise.usage", en: "exercise [id] [c]", ko: "exercise [id] [c] (연습)"),
    Message(
      "command.exercise.help",
      en: "list the exercises, or start one: its files are copied to your workspace",
      ko: "연습 문제를 나열하거나 하나를 시작합니다. 파일이 작업 디렉터리로 복사됩니다"),
    Message("command.check.usage", en: "check [id] [c]", ko: "check [id] [c] (검사)"),
    Message(
      "command.check.help",
      en: "run your program under trace and check what it really did",
      ko: "내 프로그램을 추적하며 실행하고, 실제로 한 일을 검사합니다"),
    Message("command.watch.usage", en: "watch [id] [c]", ko: "watch [id] [c] (지켜보기)"),
    Message(
      "command.watch.help", en: "check again on every save, until Ctrl-C",
      ko: "저장할 때마다 다시 검사합니다(Ctrl-C로 멈춤)"),
    Message("command.hint.usage", en: "hint", ko: "hint (힌트)"),
    Message(
      "command.hint.help", en: "the next hint of the exercise you are doing",
      ko: "하고 있는 연습 문제의 다음 힌트"),

    Message(
      "repl.exercise.stepLine", en: "**Exercise `{id}`**: {title} — type `exercise {id}`",
      ko: "**연습 `{id}`**: {title} — `exercise {id}`를 입력하십시오"),
    Message(
      "repl.exercise.stepLineC",
      en: "**Exercise `{id}`**: {title} — type `exercise {id}` (in C: `exercise {id} c`)",
      ko: "**연습 `{id}`**: {title} — `exercise {id}`를 입력하십시오(C로는 `exercise {id} c`)"),
    Message("repl.exercise.list.title", en: "Exercises of {lesson}", ko: "{lesson}의 연습 문제"),
    Message("repl.exercise.list.allTitle", en: "Exercises", ko: "연습 문제"),
    Message("repl.exercise.list.id", en: "id", ko: "id"),
    Message("repl.exercise.list.exerciseTitle", en: "exercise", ko: "연습 문제"),
    Message("repl.exercise.list.lesson", en: "lesson", ko: "레슨"),
    Message("repl.exercise.list.done", en: "done", ko: "완료"),
    Message("repl.exercise.list.languages", en: "languages", ko: "언어"),
    Message(
      "repl.exercise.list.how",
      en: "exercise <id> starts one: its files are copied to your workspace and its task shown "
        + "(exercise <id> c: in C, where the languages say so).",
      ko: "exercise <id>로 시작합니다. 파일이 작업 디렉터리로 복사되고 과제가 나옵니다(언어에 C가 "
        + "있으면 exercise <id> c로 C로 합니다)."),
    Message(
      "repl.exercise.list.none",
      en: "the lesson {lesson} has no exercises; exercise all lists every lesson's",
      ko: "{lesson} 레슨에는 연습 문제가 없습니다. 모든 레슨의 연습 문제는 exercise all로 봅니다"),
    Message(
      "repl.exercise.list.empty", en: "no lesson has exercises", ko: "연습 문제가 있는 레슨이 없습니다"),
    Message(
      "repl.exercise.unknown.guess",
      en: "no exercise '{id}' — did you mean '{guess}'?; exercise lists them",
      ko: "'{id}' 연습 문제가 없습니다 — 비슷한 것: '{guess}'. exercise로 목록을 봅니다"),
    Message(
      "repl.exercise.unknown", en: "no exercise '{id}'; exercise lists them",
      ko: "'{id}' 연습 문제가 없습니다. exercise로 목록을 봅니다"),
    Message(
      "repl.exercise.usage",
      en: "exercise takes one exercise id (then c for its C variant), or all",
      ko: "exercise에는 연습 문제 id 하나(C로 하려면 뒤에 c)나 all을 씁니다"),
    Message(
      "repl.exercise.language.unknown",
      en: "'{word}' is not a language of exercise {id}: use one of {languages}",
      ko: "'{word}'는 연습 문제 {id}의 언어가 아닙니다. 다음 중 하나를 쓰십시오: {languages}"),
    Message(
      "repl.exercise.language.noC",
      en:
        "exercise {id} is done in Python only: it has no C variant (exercise lists the languages)",
      ko: "연습 문제 {id}는 파이썬으로만 합니다. C 버전이 없습니다(exercise로 언어를 봅니다)"),
    Message(
      "repl.exercise.c.how",
      en: "In C: write the same program in {files}. check builds it here with '{build}', then "
        + "traces '{run}' with the same checks.",
      ko: "C로 합니다: 같은 프로그램을 {files}에 쓰십시오. check가 여기서 빌드하고('{build}') "
        + "같은 검사로 추적합니다('{run}')."),
    Message(
      "repl.exercise.c.also", en: "This exercise can be done in C too: exercise {id} c",
      ko: "이 연습 문제는 C로도 할 수 있습니다: exercise {id} c"),
    Message(
      "repl.exercise.workspace", en: "Your files are in {path}",
      ko: "내 파일은 {path}에 있습니다"),
    Message(
      "repl.exercise.copied", en: "{name}: copied from the starter",
      ko: "{name}: 시작 파일에서 복사했습니다"),
    Message(
      "repl.exercise.kept",
      en: "{name}: kept as you edited it, not overwritten (delete it to get the starter back)",
      ko: "{name}: 고친 그대로 두었습니다. 덮어쓰지 않습니다(지우면 시작 파일을 다시 받습니다)"),
    Message(
      "repl.exercise.unchanged", en: "{name}: the starter, not edited yet",
      ko: "{name}: 아직 고치지 않은 시작 파일입니다"),
    Message(
      "repl.exercise.next",
      en: "Edit the file, then type check (or watch, to check on every save); hint gives a hint.",
      ko: "파일을 고친 뒤 check를 입력하십시오(저장할 때마다 검사하려면 watch). hint는 힌트를 "
        + "줍니다."),
    Message(
      "repl.exercise.noCurrent",
      en: "no exercise chosen: exercise <id> starts one (exercise lists them)",
      ko: "고른 연습 문제가 없습니다. exercise <id>로 시작합니다(목록: exercise)"),
    Message(
      "repl.exercise.noHintContext",
      en: "hint is for a quiz question or an exercise: exercise <id> starts one",
      ko: "hint는 퀴즈 문제나 연습 문제에서 씁니다. exercise <id>로 연습 문제를 시작하십시오"),
    Message(
      "repl.exercise.noMoreHints", en: "no more hints for {id}: that was the last of {count}",
      ko: "{id}의 힌트는 더 없습니다. {count}개 중 마지막이었습니다"),
    Message("repl.exercise.hint", en: "Hint {n} of {count}:", ko: "힌트 {n}/{count}:"),
    Message(
      "repl.exercise.refused", en: "exercise {id}: {why}", ko: "연습 문제 {id}: {why}"),

    Message("repl.check.heading", en: "check {id}: {command}", ko: "검사 {id}: {command}"),
    Message(
      "repl.check.runs", en: "{runs} runs; every check must hold on every run",
      ko: "{runs}번 실행합니다. 모든 검사가 매번 맞아야 합니다"),
    Message(
      "repl.check.heldOn", en: "held on {held} of {runs} runs", ko: "{runs}번 중 {held}번 맞음"),
    Message(
      "repl.check.undetermined", en: "could not be decided: {why}", ko: "판정할 수 없습니다: {why}"),
    Message(
      "repl.check.passed", en: "All {count} checks passed: {id} is done.",
      ko: "검사 {count}개를 모두 통과했습니다. {id} 완료."),
    Message(
      "repl.check.failed", en: "{failed} of {count} checks failed.",
      ko: "검사 {count}개 중 {failed}개가 틀렸습니다."),
    Message(
      "repl.check.reread", en: "Reread step {step}: {title} (open {lesson} {step})",
      ko: "{step} 단계를 다시 읽으십시오: {title} (open {lesson} {step})"),
    Message(
      "repl.check.stopped", en: "run {n} was stopped: {why}",
      ko: "{n}번째 실행이 멈춰졌습니다: {why}"),
    Message(
      "repl.check.c.buildInterrupted",
      en: "check stopped by Ctrl-C while compiling: the compiler was stopped, nothing is recorded",
      ko: "컴파일하는 동안 Ctrl-C로 검사를 멈췄습니다. 컴파일러를 멈췄고, 아무것도 기록하지 않았습니다"),
    Message(
      "repl.check.interrupted",
      en: "check stopped by Ctrl-C; nothing it started is left running",
      ko: "Ctrl-C로 검사를 멈췄습니다. 시작한 프로세스는 하나도 남지 않았습니다"),
    Message(
      "repl.check.missingFiles",
      en: "{files} not in the workspace: type 'exercise {exercise}' to copy the starter",
      ko: "작업 폴더에 {files}이(가) 없습니다. 'exercise {exercise}'로 시작 파일을 복사합니다"),
    Message(
      "repl.check.cannotRun", en: "cannot run {command}: {why}",
      ko: "{command}를 실행할 수 없습니다: {why}"),
    Message(
      "repl.check.whatItDid", en: "What run {n} did:", ko: "{n}번째 실행이 한 일:"),
    Message(
      "repl.check.output.line", en: "{stream} line {n}: {text}", ko: "{stream} {n}번째 줄: {text}"),
    Message(
      "repl.check.output.noLine",
      en: "no line of {stream} does ({lines} lines; the first: {first})",
      ko: "{stream}에 그런 줄이 없습니다({lines}줄, 첫 줄: {first})"),
    Message("repl.check.output.empty", en: "{stream} is empty", ko: "{stream}가 비어 있습니다"),
    Message("repl.check.output.lines", en: "{stream}: {count} lines", ko: "{stream}: {count}줄"),
    Message(
      "repl.check.polling",
      en: "traced by polling /proc ({why}): a process that lives under 1 ms may be missed",
      ko: "/proc를 폴링해 추적했습니다({why}). 1 ms보다 짧게 사는 프로세스는 놓칠 수 있습니다"),
    Message(
      "repl.check.usage", en: "check takes at most one exercise id, then c or python",
      ko: "check에는 연습 문제 id를 하나까지만, 그 뒤에 c나 python을 씁니다"),
    Message(
      "repl.check.c.build", en: "built first with: {build}", ko: "먼저 빌드합니다: {build}"),
    Message(
      "repl.check.c.noCompiler",
      en: "{compiler} is not installed: install a C compiler (sudo apt install gcc), or do the "
        + "exercise in Python: exercise {id} python",
      ko: "{compiler}가 설치되어 있지 않습니다. C 컴파일러를 설치하거나(sudo apt install gcc) "
        + "파이썬으로 하십시오: exercise {id} python"),
    Message("repl.check.c.compiles", en: "it compiles", ko: "컴파일됨"),
    Message(
      "repl.check.c.exited", en: "the compiler exited with status {status}:",
      ko: "컴파일러가 상태 {status}로 끝났습니다:"),
    Message(
      "repl.check.c.killed", en: "the compiler was killed by {signal}:",
      ko: "컴파일러가 {signal}로 죽었습니다:"),
    Message(
      "repl.check.c.timeout", en: "the compiler was stopped after {seconds} s:",
      ko: "{seconds}초가 지나 컴파일러를 멈췄습니다:"),
    Message(
      "repl.check.c.moreLines", en: "… and {count} more lines",
      ko: "… 그리고 {count}줄 더"),
    Message(
      "repl.check.c.notRun",
      en: "The program did not compile: its {count} checks run once it does.",
      ko: "프로그램이 컴파일되지 않았습니다. 검사 {count}개는 컴파일된 뒤에 실행됩니다."),

    Message(
      "repl.watch.start",
      en: "Watching {path}: every save is checked again. Ctrl-C stops watching.",
      ko: "{path}를 지켜봅니다. 저장할 때마다 다시 검사합니다. Ctrl-C로 멈춥니다."),
    Message(
      "repl.watch.saved", en: "Saved: checking {id} again.", ko: "저장됨: {id}를 다시 검사합니다."),
    Message(
      "repl.watch.stopped", en: "Stopped watching {id}; nothing is left running.",
      ko: "{id} 지켜보기를 멈췄습니다. 남은 프로세스는 없습니다."),
    Message(
      "repl.watch.cannot", en: "cannot watch {path}: {why}", ko: "{path}를 지켜볼 수 없습니다: {why}"),

    Message(
      "repl.exercise.progress.line", en: "Exercises passed: {done} of {count} ({ids})",
      ko: "통과한 연습 문제: {count}개 중 {done}개 ({ids})"),
    Message(
      "repl.exercise.progress.none",
      en: "Exercises passed: 0 of {count} (exercise lists them)",
      ko: "통과한 연습 문제: {count}개 중 0개 (exercise로 목록을 봅니다)"),
  ]
}
