// `proclab trace`'s words on the screen (Sources/Trace/TraceTexts.swift): the tables' titles,
// column names and ProcLab's own cells, the figures' titles and notes. The report (JSON) keeps
// the English ones, which lesson rules, checks and grading read by name; the screen translates.
extension Messages {
  static let traceScreen: [Message] = [
    Message("demo.trace.screen.heading", en: "trace: {command}", ko: "추적: {command}"),
    Message(
      "demo.trace.screen.title.processes", en: "processes and threads", ko: "프로세스와 스레드"),
    Message("demo.trace.screen.title.channels", en: "pipes and sockets", ko: "파이프와 소켓"),
    Message("demo.trace.screen.title.objects", en: "POSIX IPC objects", ko: "POSIX IPC 객체"),
    Message("demo.trace.screen.title.stdout", en: "the program's stdout", ko: "프로그램의 표준 출력"),
    Message("demo.trace.screen.title.stderr", en: "the program's stderr", ko: "프로그램의 표준 오류"),
    Message("demo.trace.screen.title.summary", en: "what it did", ko: "프로그램이 한 일"),
    Message("demo.trace.screen.title.tree", en: "process tree", ko: "프로세스 트리"),
    Message(
      "demo.trace.screen.title.timeline", en: "timeline (one lane per process and thread)",
      ko: "타임라인(프로세스와 스레드마다 한 줄)"),
    Message("demo.trace.screen.column.pid", en: "pid", ko: "pid"),
    Message("demo.trace.screen.column.parent", en: "parent", ko: "부모"),
    Message("demo.trace.screen.column.kind", en: "kind", ko: "종류"),
    Message("demo.trace.screen.column.program", en: "program", ko: "프로그램"),
    Message("demo.trace.screen.column.start", en: "start", ko: "시작"),
    Message("demo.trace.screen.column.end", en: "end", ko: "끝"),
    Message("demo.trace.screen.column.exit", en: "exit", ko: "종료"),
    Message("demo.trace.screen.column.zombie", en: "zombie", ko: "좀비"),
    Message("demo.trace.screen.column.reapedBy", en: "reaped by", ko: "거둔 쪽"),
    Message("demo.trace.screen.column.cpu", en: "CPU", ko: "CPU"),
    Message(
      "demo.trace.screen.column.switches", en: "switches vol/invol", ko: "문맥 교환 자발/비자발"),
    Message("demo.trace.screen.column.switchesShort", en: "switches vol/inv", ko: "교환 자발/비자발"),
    Message("demo.trace.screen.column.madeBy", en: "made by", ko: "만든 쪽"),
    Message("demo.trace.screen.column.readers", en: "read end held by", ko: "읽기 끝을 쥔 쪽"),
    Message("demo.trace.screen.column.writers", en: "write end held by", ko: "쓰기 끝을 쥔 쪽"),
    Message("demo.trace.screen.column.waited", en: "waited", ko: "기다린 쪽"),
    Message(
      "demo.trace.screen.column.leftOpen", en: "left open (pid fd)", ko: "열어 둔 끝 (pid fd)"),
    Message("demo.trace.screen.column.name", en: "name", ko: "이름"),
    Message("demo.trace.screen.column.made", en: "made", ko: "만든 시각"),
    Message("demo.trace.screen.column.openedBy", en: "opened by", ko: "연 쪽"),
    Message("demo.trace.screen.column.unlinkedBy", en: "unlinked by", ko: "unlink한 쪽"),
    Message("demo.trace.screen.column.atTheEnd", en: "at the end", ko: "끝났을 때"),
    Message("demo.trace.screen.column.stdout", en: "stdout", ko: "표준 출력"),
    Message("demo.trace.screen.column.stderr", en: "stderr", ko: "표준 오류"),
    Message("demo.trace.screen.column.metric", en: "metric", ko: "지표"),
    Message("demo.trace.screen.column.value", en: "value", ko: "값"),
    Message("demo.trace.screen.cell.thread", en: "thread", ko: "스레드"),
    Message("demo.trace.screen.cell.process", en: "process", ko: "프로세스"),
    Message("demo.trace.screen.cell.orphan", en: "orphan", ko: "고아"),
    Message("demo.trace.screen.cell.running", en: "running", ko: "실행 중"),
    Message("demo.trace.screen.cell.ended", en: "ended", ko: "끝남"),
    Message("demo.trace.screen.cell.run", en: "run", ko: "실행"),
    Message("demo.trace.screen.cell.zombie", en: "zombie", ko: "좀비"),
    Message("demo.trace.screen.cell.exit", en: "exit {code}", ko: "종료 {code}"),
    Message("demo.trace.screen.cell.pipe", en: "pipe", ko: "파이프"),
    Message("demo.trace.screen.cell.socket", en: "socket", ko: "소켓"),
    Message("demo.trace.screen.cell.shm", en: "shm", ko: "공유 메모리"),
    Message("demo.trace.screen.cell.sem", en: "sem", ko: "세마포어"),
    Message("demo.trace.screen.cell.mq", en: "mq", ko: "메시지 큐"),
    Message("demo.trace.screen.cell.eitherEnd", en: "(either end)", ko: "(양쪽 끝 모두)"),
    Message("demo.trace.screen.cell.madeAt", en: "{pid} at {time}", ko: "{pid} ({time})"),
    Message(
      "demo.trace.screen.cell.removed", en: "left: removed by ProcLab", ko: "남음: ProcLab이 지움"),
    Message(
      "demo.trace.screen.cell.notRemoved", en: "left: not removed ({error})",
      ko: "남음: 지우지 못함 ({error})"),
    Message("demo.trace.screen.cell.unlinked", en: "unlinked", ko: "unlink됨"),
    Message("demo.trace.screen.cell.gone", en: "gone", ko: "사라짐"),
    Message(
      "demo.trace.screen.cell.kept", en: "not made by this run: kept",
      ko: "이 실행이 만들지 않음: 그대로 둠"),
    Message("demo.trace.screen.cell.timeout", en: "timeout", ko: "시간 초과"),
    Message("demo.trace.screen.cell.processLimit", en: "process_limit", ko: "프로세스 수 한도"),
    Message("demo.trace.screen.cell.interrupted", en: "interrupted", ko: "중단(Ctrl-C)"),
    Message("demo.trace.screen.cell.polling", en: "polling", ko: "폴링(/proc)"),
    Message(
      "demo.trace.screen.cell.tracer", en: "(tracer, child subreaper)",
      ko: "(추적자, 자식 서브리퍼)"),
    Message(
      "demo.trace.screen.cell.outputCut", en: "{total} written; the first {shown} shown",
      ko: "{total}를 썼고, 처음 {shown}만 보입니다"),
    Message(
      "demo.trace.screen.note.threads.one", en: "{count} thread", ko: "스레드 {count}개"),
    Message(
      "demo.trace.screen.note.threads.other", en: "{count} threads", ko: "스레드 {count}개"),
    Message("demo.trace.screen.note.zombie", en: "zombie {time}", ko: "좀비 {time}"),
    Message(
      "demo.trace.screen.note.orphan", en: "orphan: reaped by {who}", ko: "고아: {who}이(가) 거둠"),
  ]
}
