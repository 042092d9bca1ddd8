/// The Korean of `proclab --help` and of every subcommand's `--help`, keyed by the English
/// text ArgumentParser prints (the `abstract:`, `discussion:` and `help:` of the command
/// definitions in Sources/ProcLabApp), as `MetricLabels` keys the metrics' Korean by their
/// English label.
///
/// The screen's arguments, options, usage line and subcommands are ArgumentParser's own
/// (KoreanHelp in ProcLabApp translates only the texts), so they cannot drift from the
/// English; a help text changed or added without its Korean shows in English on the Korean
/// screen, which KoreanHelpTests fails on.
public enum HelpTexts {
  /// The Korean of a help text, if it has one.
  public static func korean(_ english: String) -> String? { table[english] }

  /// The section headings, by their English.
  public static let headings: [String: String] = [
    "OVERVIEW:": "개요:", "USAGE:": "사용법:", "ARGUMENTS:": "인자:", "OPTIONS:": "옵션:",
    "SUBCOMMANDS:": "하위 명령:",
  ]

  /// ArgumentParser's own words around the texts.
  public static let seeHelp = (english: ("See '", "' for detailed help."), korean: "자세한 도움말: ")
  /// `(default)` after a default subcommand's name, and `(default: …)` after a help text.
  public static let defaultMark = (english: "(default)", korean: "(기본)")
  public static let defaultValue = (english: " (default: ", korean: " (기본값: ")

  static let table: [String: String] = root.merging(commands) { a, _ in a }
    .merging(options) { a, _ in a }

  /// `proclab --help`: the overview, the discussion's lines, ArgumentParser's own options.
  static let root: [String: String] = [
    "Learn processes, threads and IPC with demos that run live on this machine.":
      "이 컴퓨터에서 실제로 돌아가는 데모로 프로세스, 스레드, IPC를 배웁니다.",
    "With no subcommand, ProcLab opens its REPL.": "하위 명령 없이 실행하면 ProcLab은 REPL을 엽니다.",
    "Every command that reads lessons (repl, quiz, progress, lessons, lint, sources and source) takes --lessons DIR, a directory of lesson files (repeatable). Lessons are read from each --lessons DIR, then $PROCLAB_LESSONS (directories separated by ':'), the installed share directory and the source tree; the first lesson found with an id wins.":
      "레슨을 읽는 명령(repl, quiz, progress, lessons, lint, sources, source)은 모두 레슨 파일 디렉터리 --lessons DIR을 받습니다(여러 번 쓸 수 있습니다). 레슨은 각 --lessons DIR, 그다음 $PROCLAB_LESSONS(':'로 나눈 디렉터리들), 설치된 share 디렉터리, 소스 트리 순서로 읽고, id가 같은 레슨은 먼저 찾은 것을 씁니다.",
    "--lang ko|en (with any subcommand) chooses the language; else $PROCLAB_LANG, then $LC_ALL, $LC_MESSAGES, $LANG, $LANGUAGE (ko, ko_KR.UTF-8… mean Korean), else English.":
      "--lang ko|en(어느 하위 명령과도 함께 씁니다)으로 언어를 고릅니다. 없으면 $PROCLAB_LANG, 그다음 $LC_ALL, $LC_MESSAGES, $LANG, $LANGUAGE를 보고(ko, ko_KR.UTF-8 등은 한국어), 그것도 없으면 영어입니다.",
    "Show the version.": "버전을 보여 줍니다.",
    "Show help information.": "도움말을 보여 줍니다.",
  ]

  /// Each subcommand's abstract and discussion.
  static let commands: [String: String] = [
    "Open the interactive REPL (the default).": "대화형 REPL을 엽니다(기본).",
    "Run one demo and print its output (or its report as JSON).":
      "데모 하나를 실행하고 그 출력(또는 JSON 보고서)을 보여 줍니다.",
    "List the demos, their parameters and the metrics they report.":
      "데모와 그 매개변수, 데모가 보고하는 지표를 나열합니다.",
    "Take a lesson's quiz, or grade a file of answers (--answers FILE --json).":
      "레슨의 퀴즈를 풀거나, 답 파일을 채점합니다(--answers FILE --json).",
    "Show or export your progress.": "진도를 보여 주거나 내보냅니다.",
    "List the lessons in the order of the path.": "레슨을 학습 경로 순서대로 나열합니다.",
    "Check lesson files: demos, parameters, ids, answers, requires.":
      "레슨 파일을 검사합니다: 데모, 매개변수, id, 답, requires.",
    "List the tutorials the lessons follow.": "레슨이 따르는 튜토리얼을 나열합니다.",
    "Show one tutorial: its examples as Python programs, and its claims.":
      "튜토리얼 하나를 보여 줍니다: Python 프로그램으로 된 예제와 그 주장.",
    "Show or set your name and student id (for submit).": "이름과 학번을 보여 주거나 정합니다(submit에 씁니다).",
    "Show your name and student id.": "이름과 학번을 보여 줍니다.",
    "Set your name and student id, kept in the state directory.":
      "이름과 학번을 정해 상태 디렉터리에 둡니다.",
    "Write your result file for your teacher: your recorded quiz answers and runs.":
      "선생님께 낼 결과 파일을 씁니다: 기록된 퀴즈 답과 실행 기록.",
    "Grade your class's result files (from proclab submit) with your lessons.":
      "학급의 결과 파일(proclab submit으로 만든 것)을 선생님의 레슨으로 채점합니다.",
    "Exit status: 0 graded (everyone at --min-score, if given); 1 a student below --min-score; 2 no file could be read as a result file; 64 a usage error.":
      "종료 코드: 0 채점함(--min-score를 주었다면 모두 그 이상); 1 --min-score보다 낮은 학생이 있음; 2 결과 파일로 읽을 수 있는 파일이 없음; 64 사용법 오류.",
    "The OS terms in Korean and English, searched by either (glossary 세마포어).":
      "운영체제 용어를 한국어와 영어로 보여 주고, 어느 쪽으로든 찾습니다(glossary 세마포어).",
    "Run a program and show every process and thread it made (tree, timeline, zombies).":
      "프로그램을 실행하고, 그 프로그램이 만든 프로세스와 스레드를 모두 보여 줍니다(트리, 타임라인, 좀비).",
    "The program runs with standard input on /dev/null, as argv (no shell: write sh -c '…' for one). Options come before the program; a '--' before it is allowed.":
      "프로그램은 표준 입력을 /dev/null에 둔 채 argv 그대로 실행됩니다(셸을 거치지 않으니, 셸이 필요하면 sh -c '…'로 쓰십시오). 옵션은 프로그램 앞에 오고, 프로그램 앞에 '--'를 써도 됩니다.",
    "List the exercises, or start one: its starter files are copied to your workspace.":
      "연습 문제를 나열하거나 하나를 시작합니다: 시작 파일을 작업 공간에 복사합니다.",
    "Run an exercise under trace and check what it really did (exit 0: all passed).":
      "연습 문제를 추적(trace)하며 실행하고, 실제로 한 일을 검사합니다(종료 코드 0: 모두 통과).",
  ]

  /// Each argument's and option's help.
  static let options: [String: String] = [
    "A directory of lesson files (repeatable).": "레슨 파일 디렉터리(여러 번 쓸 수 있습니다).",
    "The demo to run (proclab run --list shows them).": "실행할 데모(proclab run --list로 목록을 봅니다).",
    "Parameters as name=value.": "name=value 꼴의 매개변수.",
    "Print the final report as one JSON object instead of tables.":
      "표 대신 최종 보고서를 JSON 객체 하나로 출력합니다.",
    "List the demos.": "데모를 나열합니다.",
    "Stop the demo after this many seconds, more than 0 and at most 3600 seconds (default: the demo's own budget).":
      "이 초만큼 지나면 데모를 멈춥니다. 0보다 크고 3600초 이하(기본: 데모 자신의 시간 예산).",
    "One JSON document: every demo's declaration (parameters, metrics).":
      "JSON 문서 하나: 모든 데모의 선언(매개변수, 지표).",
    "The metric tables of docs/demos.md, as generated from the declarations.":
      "선언에서 만든 docs/demos.md의 지표 표.",
    "A lesson id or number, or 'all'.": "레슨 id나 번호, 또는 'all'.",
    "Ask the questions in a random order.": "문제를 무작위 순서로 냅니다.",
    "Seed for --shuffle, to repeat an order.": "--shuffle의 시드(같은 순서를 되풀이할 때).",
    "Grade the answers in this file (one 'question-id: answer' per line).":
      "이 파일의 답을 채점합니다(한 줄에 'question-id: answer' 하나).",
    "With --answers: print the per-question results as JSON.":
      "--answers와 함께: 문제별 결과를 JSON으로 출력합니다.",
    "Print an empty answers file: each question's id and ask, as comments.":
      "빈 답 파일을 출력합니다: 문제마다 id와 질문을 주석으로 답니다.",
    "Print the answer key and check rules (the teacher's view).":
      "정답과 check 규칙을 출력합니다(교사용 보기).",
    "Print progress as JSON.": "진도를 JSON으로 출력합니다.",
    "Print one CSV row per question asked.": "낸 문제마다 CSV 한 줄씩 출력합니다.",
    "Lesson files or directories (default: the lesson directories).":
      "레슨 파일이나 디렉터리(기본: 레슨 디렉터리들).",
    "The tutorial's short name (proclab sources lists them).":
      "튜토리얼의 짧은 이름(proclab sources로 목록을 봅니다).",
    "Your name as your teacher knows it, in quotes (Hangul welcome).":
      "선생님이 아는 이름을 따옴표 안에 씁니다(한글 환영).",
    "Your student id: ASCII letters, digits, - and _.": "학번: ASCII 글자, 숫자, -, _.",
    "The lessons to submit (ids); none: every lesson you answered questions of.":
      "낼 레슨(id). 주지 않으면 문제에 답한 모든 레슨.",
    "Where to write it (default proclab-result-<id>.json).": "쓸 곳(기본 proclab-result-<id>.json).",
    "Result files, or directories of them (every *.json in name order).":
      "결과 파일, 또는 결과 파일이 든 디렉터리(안의 *.json을 이름순으로).",
    "Write one row per student as CSV to FILE (- for standard output).":
      "학생마다 한 줄씩 CSV로 FILE에 씁니다(-는 표준 출력).",
    "Print the class report as JSON (docs/grade.schema.json) instead of the table.":
      "표 대신 학급 보고서를 JSON(docs/grade.schema.json)으로 출력합니다.",
    "Exit 1 when a student scored below N points, or N% of their total.":
      "어떤 학생이 N점, 또는 자기 총점의 N%보다 낮으면 종료 코드 1로 끝납니다.",
    "Write the class report as one self-contained HTML page.":
      "학급 보고서를 그것만으로 완결된 HTML 페이지 하나로 씁니다.",
    "A term, or part of one, in Korean or English.": "용어나 그 일부(한국어나 영어).",
    "Print the report as one JSON object instead of tables and figures.":
      "표와 그림 대신 보고서를 JSON 객체 하나로 출력합니다.",
    "Stop it after this many seconds, more than 0 and at most 3600 seconds (default 30).":
      "이 초만큼 지나면 멈춥니다. 0보다 크고 3600초 이하(기본 30).",
    "Stop it when it has made more than N processes, from 1 to 4096 (default 64).":
      "프로세스를 N개보다 많이 만들면 멈춥니다. 1부터 4096까지(기본 64).",
    "Show at most this many bytes of its stdout and of its stderr, from 0 to 16777216 (default 65536).":
      "stdout과 stderr를 각각 이 바이트 수까지만 보여 줍니다. 0부터 16777216까지(기본 65536).",
    "The program and its arguments.": "실행할 프로그램과 그 인자.",
    "An exercise id, or 'all' (default: every exercise).": "연습 문제 id, 또는 'all'(기본: 모든 연습 문제).",
    "c for the exercise's C variant (default: python).": "연습 문제의 C 변형이면 c(기본: python).",
    "The exercise id.": "연습 문제 id.",
    "c to build and check the exercise's C variant (default: python).":
      "연습 문제의 C 변형을 빌드해 검사하려면 c(기본: python).",
  ]
}
