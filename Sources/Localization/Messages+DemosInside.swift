// The mp-inside demo's own texts (what a tutorial program's multiprocessing started, traced):
// notes, headings, table titles, column names, the parts processes and threads play; and the
// line `trace` says when it traced the interpreter behind a launcher script.
extension Messages {
  static let demosInside: [Message] = [
    Message(
      "demo.inside.heading", en: "{file} with start method {start}, traced",
      ko: "시작 방식(start method) {start}로 실행한 {file}, 추적 결과"),
    Message(
      "demo.inside.failed", en: "{file} did not finish well under the tracer ({status}): {stderr}",
      ko: "{file}이(가) 추적 중에 제대로 끝나지 않았습니다({status}): {stderr}"),
    Message("demo.inside.role.program", en: "the program", ko: "프로그램 자신"),
    Message("demo.inside.role.worker", en: "worker {n}", ko: "작업자 {n}"),
    Message("demo.inside.role.tracker", en: "resource tracker", ko: "자원 추적기(resource tracker)"),
    Message("demo.inside.role.forkserver", en: "forkserver", ko: "포크 서버(forkserver)"),
    Message("demo.inside.role.handler", en: "Pool thread {handler}", ko: "Pool 스레드 {handler}"),
    Message(
      "demo.inside.role.feeder", en: "Queue feeder thread", ko: "Queue 공급 스레드(feeder)"),
    Message("demo.inside.role.otherThread", en: "thread {name}", ko: "스레드 {name}"),
    Message("demo.inside.role.unnamedThread", en: "thread (not named)", ko: "스레드(이름 없음)"),
    Message("demo.inside.tree.exit", en: "exit {code}", ko: "종료 코드 {code}"),
    Message("demo.inside.tree.threads", en: "threads: {count}", ko: "스레드 {count}개"),
    Message("demo.inside.tree.zombie", en: "zombie {time}", ko: "좀비 {time}"),
    Message(
      "demo.inside.tree.orphan", en: "orphan: reaped by ProcLab ({pid})",
      ko: "고아 프로세스: ProcLab({pid})이 거둠"),
    Message("demo.inside.lane.program", en: "program", ko: "프로그램"),
    Message("demo.inside.lane.tracker", en: "tracker", ko: "자원 추적기"),
    Message("demo.inside.lane.forkserver", en: "forkserver", ko: "포크 서버"),
    Message("demo.inside.lane.handler", en: "Pool handler", ko: "Pool 관리"),
    Message("demo.inside.lane.feeder", en: "Queue feeder", ko: "Queue 공급"),
    Message("demo.inside.lane.thread", en: "thread", ko: "스레드"),
    Message("demo.inside.role.notTraced", en: "not seen by the trace", ko: "추적에 없음"),
    Message(
      "demo.inside.table.started", en: "What the trace saw start",
      ko: "추적이 본, 시작된 프로세스와 스레드"),
    Message(
      "demo.inside.table.startedFooter",
      en: "id: pid or thread id; in: a process's parent, a thread's process",
      ko: "번호: pid 또는 스레드 id; 소속: 프로세스는 부모, 스레드는 속한 프로세스"),
    Message("demo.inside.column.id", en: "id", ko: "번호"),
    Message("demo.inside.column.in", en: "in", ko: "소속"),
    Message("demo.inside.column.what", en: "what it is", ko: "정체"),
    Message("demo.inside.column.start", en: "start", ko: "시작"),
    Message("demo.inside.column.end", en: "end", ko: "끝"),
    Message(
      "demo.inside.table.values", en: "Which process ran which value",
      ko: "어느 프로세스가 어느 값을 처리했나"),
    Message("demo.inside.column.value", en: "value", ko: "값"),
    Message("demo.inside.column.result", en: "result", ko: "결과"),
    Message("demo.inside.column.pid", en: "pid", ko: "pid"),
    Message("demo.inside.column.process", en: "process", ko: "프로세스"),
    Message(
      "demo.inside.figure.tree", en: "process tree, each process named by its part",
      ko: "프로세스 트리(역할별 이름)"),
    Message(
      "demo.inside.figure.timeline", en: "timeline (one lane per process and thread)",
      ko: "타임라인(프로세스와 스레드마다 한 줄)"),
    Message(
      "demo.inside.note.workers.fork",
      en:
        "The trace saw {count} worker processes ({pids}). With fork each is a copy of the program made by fork() with no exec, so its command line is the program's.",
      ko:
        "추적이 본 작업자 프로세스는 {count}개({pids})입니다. fork 방식에서는 각 작업자가 fork()로 만든 프로그램의 복사본이고 exec을 하지 않으므로, 명령줄도 프로그램과 같습니다."
    ),
    Message(
      "demo.inside.note.workers.spawn",
      en:
        "The trace saw {count} worker processes ({pids}). With spawn each is a new python3 that the program started with exec, running multiprocessing.spawn's spawn_main, which imports the program again.",
      ko:
        "추적이 본 작업자 프로세스는 {count}개({pids})입니다. spawn 방식에서는 각 작업자가 프로그램이 exec으로 새로 띄운 python3이며, multiprocessing.spawn의 spawn_main을 실행해 프로그램을 다시 import합니다."
    ),
    Message(
      "demo.inside.note.workers.forkserver",
      en:
        "The trace saw {count} worker processes ({pids}). With forkserver the program first started a forkserver (pid {server}), and every worker was forked from it, not from the program.",
      ko:
        "추적이 본 작업자 프로세스는 {count}개({pids})입니다. forkserver 방식에서는 프로그램이 먼저 포크 서버(pid {server})를 띄우고, 작업자는 모두 프로그램이 아니라 이 포크 서버에서 fork됩니다."
    ),
    Message(
      "demo.inside.note.agree",
      en: "These are the pids the program itself reported for its workers (os.getpid() in each).",
      ko: "프로그램이 작업자마다 os.getpid()로 알려 준 pid와 같습니다."),
    Message(
      "demo.inside.note.disagree",
      en:
        "The pids the program reported for its workers are not the ones the trace saw as workers: read the table to see which differ.",
      ko: "프로그램이 알려 준 작업자 pid가 추적이 본 작업자와 다릅니다. 표에서 어느 것이 다른지 확인하세요."),
    Message(
      "demo.inside.note.tracker",
      en:
        "The resource tracker (pid {pid}) is one more python3 process: it removes the named semaphores and shared memory the program registered with it if the program dies without removing them.",
      ko:
        "자원 추적기(pid {pid})는 python3 프로세스가 하나 더 있는 것입니다. 프로그램이 등록한 이름 있는 세마포어와 공유 메모리를, 프로그램이 지우지 못하고 죽으면 대신 지웁니다."
    ),
    Message(
      "demo.inside.note.noTracker",
      en:
        "No resource tracker started: with {start}, multiprocessing unlinks each semaphore as soon as it is made, so there is nothing to track.",
      ko:
        "자원 추적기는 시작되지 않았습니다. {start} 방식에서는 multiprocessing이 세마포어를 만들자마자 이름을 지우므로 추적할 것이 없습니다."
    ),
    Message(
      "demo.inside.note.handlers",
      en:
        "The program's own process ran {threads} threads besides its main one; {handlers} of them are the Pool's handler threads: _handle_workers starts and replaces workers, _handle_tasks sends them the tasks, _handle_results collects what they return.",
      ko:
        "프로그램 자신의 프로세스에는 메인 스레드 말고도 스레드가 {threads}개 있었고, 그중 {handlers}개가 Pool의 관리 스레드입니다. _handle_workers는 작업자를 띄우고 바꾸며, _handle_tasks는 작업을 보내고, _handle_results는 돌아온 결과를 모읍니다."
    ),
    Message(
      "demo.inside.note.feeders.pool",
      en:
        "{count} threads are a Queue's feeder thread (QueueFeederThread), {inWorkers} of them in the workers: each worker put its pid into a multiprocessing.Queue when it started, and a Queue starts its feeder thread in a process at the first put(), to pickle the items and write them to the pipe.",
      ko:
        "{count}개 스레드가 Queue의 공급 스레드(QueueFeederThread)이고, 그중 {inWorkers}개가 작업자 안에 있습니다. 작업자는 시작할 때 자기 pid를 multiprocessing.Queue에 put()했고, Queue는 한 프로세스에서 처음 put()할 때 공급 스레드를 띄워 항목을 pickle해서 파이프에 씁니다."
    ),
    Message(
      "demo.inside.note.feeders.queue",
      en:
        "{count} threads are a Queue's feeder thread (QueueFeederThread): {inProgram} in the program, which put the items into a JoinableQueue, and {inWorkers} in the consumers that reported one. A Queue starts its feeder thread in a process at the first put(); put() hands the item to it and returns, and the thread pickles it and writes it to the pipe.",
      ko:
        "{count}개 스레드가 Queue의 공급 스레드(QueueFeederThread)입니다. JoinableQueue에 항목을 넣은 프로그램 쪽에 {inProgram}개, 그것을 알려 온 소비자 쪽에 {inWorkers}개입니다. Queue는 한 프로세스에서 처음 put()할 때 공급 스레드를 띄웁니다. put()은 항목을 이 스레드에 넘기고 바로 돌아오며, 스레드가 항목을 pickle해서 파이프에 씁니다."
    ),
    Message(
      "demo.inside.note.nothingLeft",
      en:
        "When the program ended, nothing it started was still running and it left no IPC object for ProcLab to remove.",
      ko: "프로그램이 끝났을 때 그것이 띄운 것 중 아직 실행 중인 것은 없었고, ProcLab이 지울 IPC 객체도 남기지 않았습니다."
    ),
    Message(
      "demo.inside.note.left",
      en:
        "ProcLab killed {killed} processes that outlived the program and removed {ipc} IPC objects it left.",
      ko: "ProcLab이 프로그램보다 오래 남은 프로세스 {killed}개를 종료하고, 남긴 IPC 객체 {ipc}개를 지웠습니다."
    ),
    Message(
      "demo.inside.note.shim",
      en:
        "python3 on PATH ({shim}) is a launcher script; ProcLab traced the interpreter it runs, {real}, so the launcher's own processes are not counted.",
      ko:
        "PATH의 python3({shim})은 실행기 스크립트이므로, ProcLab은 그것이 실행하는 인터프리터 {real}을(를) 추적했습니다. 실행기 자신의 프로세스는 세지 않습니다."
    ),
    Message(
      "demo.trace.interpreter",
      en:
        "{shim} is a launcher script (a pyenv shim, say): traced the interpreter it runs, {real}.",
      ko: "{shim}은(는) 실행기 스크립트(pyenv shim 등)이므로, 그것이 실행하는 인터프리터 {real}을(를) 추적했습니다."
    ),
  ]
}
