// Why a demo failed, in the student's language: every `DemoError` a student can see (the
// closing line of a demo that could not finish) and the host's own lines for a demo it
// stopped. Part of `Messages.errors` (Messages+Errors.swift). Placeholders hold pids, CPU
// numbers, counts, durations and statuses already in the reader's language, and the system's
// own reason ({why}: strerror's text, as the C library gives it).
extension Messages {
  static let demoFailures: [Message] = [
    // The host: a demo it stopped, or one that ended without a report.
    Message(
      "demo.host.timeBudget", en: "the demo ran past its time budget of {time} and was stopped",
      ko: "데모가 제한 시간 {time}를 넘겨 멈췄습니다"),
    Message(
      "demo.host.interrupted", en: "interrupted: the demo was stopped, its processes reaped",
      ko: "중단됨: 데모를 멈추고 그 프로세스를 모두 거두었습니다"),
    Message(
      "demo.host.noReport", en: "the demo ended without a report ({status})",
      ko: "데모가 보고 없이 끝났습니다({status})"),
    Message(
      "demo.host.noReportLog", en: "the demo ended without a report ({status}); details in {log}",
      ko: "데모가 보고 없이 끝났습니다({status}). 자세한 내용: {log}"),
    Message("demo.error.stopped", en: "stopped", ko: "멈췄습니다"),
    Message("demo.error.stoppedBecause", en: "stopped: {why}", ko: "멈춤: {why}"),
    // Starting the demo's processes and threads.
    Message(
      "demo.error.cannotStart", en: "could not start {program}: {why}",
      ko: "{program}을(를) 시작하지 못했습니다: {why}"),
    Message(
      "demo.error.cannotRun", en: "cannot run {program}: {why}",
      ko: "{program}을(를) 실행할 수 없습니다: {why}"),
    Message(
      "demo.error.programNotStarted", en: "{program} did not start",
      ko: "{program}이(가) 시작하지 않았습니다"),
    Message(
      "demo.error.poolWorkerStart", en: "could not start pool worker {index} of {count}: {why}",
      ko: "풀 작업자 {count}개 중 {index}번째를 시작하지 못했습니다: {why}"),
    Message(
      "demo.error.poolWorkerLimit",
      en:
        "could not start pool worker {index} of {count}: {why} (the limit on processes was reached)",
      ko: "풀 작업자 {count}개 중 {index}번째를 시작하지 못했습니다: {why} (프로세스 수 제한에 닿았습니다)"),
    Message(
      "demo.error.poolThreadStart", en: "could not start pool thread {index} of {count}: {why}",
      ko: "풀 스레드 {count}개 중 {index}번째를 시작하지 못했습니다: {why}"),
    Message(
      "demo.error.countdownStart",
      en: "could not start countdown process {index} of {count}: {why}",
      ko: "카운트다운 프로세스 {count}개 중 {index}번째를 시작하지 못했습니다: {why}"),
    Message(
      "demo.error.countdownFailed", en: "countdown process {pid} {status}",
      ko: "카운트다운 프로세스 {pid}: {status}"),
    Message(
      "demo.error.spinnerNotStarted", en: "a scheduling worker ({mode}) did not start",
      ko: "스케줄링 작업자({mode})가 시작하지 않았습니다"),
    Message(
      "demo.error.notPlaced", en: "a worker could not be placed on CPU {cpu}: {why}",
      ko: "작업자를 CPU {cpu}에 둘 수 없었습니다: {why}"),
    Message(
      "demo.error.notMoved", en: "could not move the demo off CPU {cpu}",
      ko: "데모를 CPU {cpu}에서 옮기지 못했습니다"),
    Message(
      "demo.error.sameEmpty", en: "cpus=same: this process's CPU affinity is empty",
      ko: "cpus=same: 이 프로세스의 CPU 친화성(affinity)이 비어 있습니다"),
    Message(
      "demo.error.pinParent", en: "could not pin this process to CPU {cpu}: {why}",
      ko: "이 프로세스를 CPU {cpu}에 고정하지 못했습니다: {why}"),
    Message(
      "demo.error.pinChild", en: "could not pin the child to CPU {cpu}: {why}",
      ko: "자식을 CPU {cpu}에 고정하지 못했습니다: {why}"),
    Message(
      "demo.error.noMap", en: "could not map {size}: {why}",
      ko: "{size}를 매핑하지 못했습니다: {why}"),
    // Workers that ended badly or never answered.
    Message(
      "demo.error.timedOut", en: "timed out after {seconds} s waiting for {what}",
      ko: "{what} {seconds}초 동안 기다렸지만 시간이 다 됐습니다"),
    Message("demo.wait.workersAttach", en: "the workers to attach", ko: "작업 프로세스들이 연결되기를"),
    Message(
      "demo.wait.countAttach", en: "{count} workers to attach",
      ko: "작업 프로세스 {count}개가 연결되기를"),
    Message("demo.wait.workerAttach", en: "the worker to attach", ko: "작업 프로세스가 연결되기를"),
    Message(
      "demo.wait.queueWorkerAttach", en: "the queue worker to attach",
      ko: "큐 작업 프로세스가 연결되기를"),
    Message(
      "demo.wait.workerQueues", en: "the worker to open the queues",
      ko: "작업 프로세스가 큐를 열기를"),
    Message(
      "demo.wait.producersPut", en: "the producers to put their items",
      ko: "생산자들이 항목을 다 넣기를"),
    Message("demo.wait.workersFinish", en: "the workers to finish", ko: "작업 프로세스들이 끝나기를"),
    Message(
      "demo.error.workerFailed",
      en: "worker {pid} ({role}) {status}; the other workers were stopped and reaped",
      ko: "작업 프로세스 {pid}({role}): {status}. 나머지 작업 프로세스는 멈추고 거두었습니다"),
    Message(
      "demo.error.childNoReport", en: "child {pid} did not report",
      ko: "자식 {pid}이(가) 보고하지 않았습니다"),
    Message(
      "demo.error.childNoReportStatus", en: "the child did not report ({status})",
      ko: "자식이 보고하지 않았습니다({status})"),
    Message(
      "demo.error.orphanNoReport", en: "the orphan child did not report",
      ko: "고아 자식이 보고하지 않았습니다"),
    Message(
      "demo.error.orphanNoParent", en: "the orphan child did not report its new parent",
      ko: "고아 자식이 새 부모를 알려 주지 않았습니다"),
    Message(
      "demo.error.parentGone",
      en: "could not read /proc/{pid}: the parent ended before it could be read",
      ko: "/proc/{pid}을(를) 읽지 못했습니다: 읽기 전에 부모가 끝났습니다"),
    Message(
      "demo.error.forkChildNotReady", en: "the fork child did not get ready ({status})",
      ko: "fork한 자식이 준비되지 않았습니다({status})"),
    Message("demo.status.running", en: "still running", ko: "아직 실행 중"),
    Message(
      "demo.error.secondWriter", en: "the second writer ended badly ({status})",
      ko: "두 번째 writer가 잘못 끝났습니다({status})"),
    Message(
      "demo.error.writerNotStarted", en: "the writing child {pid} did not start",
      ko: "쓰는 자식 {pid}이(가) 시작하지 않았습니다"),
    Message(
      "demo.error.writerNoReport", en: "the writing child {pid} did not report",
      ko: "쓰는 자식 {pid}이(가) 보고하지 않았습니다"),
    Message(
      "demo.error.noSmaps", en: "could not read /proc/{pid}/smaps_rollup",
      ko: "/proc/{pid}/smaps_rollup을 읽지 못했습니다"),
    Message(
      "demo.error.noProcFd", en: "cannot read /proc/<pid>/fd here",
      ko: "여기서는 /proc/<pid>/fd를 읽을 수 없습니다"),
    Message(
      "demo.error.readerNotStarted", en: "the reader did not start",
      ko: "읽는 쪽이 시작하지 않았습니다"),
    Message(
      "demo.error.readerNoEOF", en: "the reader did not report end-of-file",
      ko: "읽는 쪽이 파일 끝(EOF)을 알리지 않았습니다"),
    Message(
      "demo.error.readerReport", en: "the reader's report did not parse",
      ko: "읽는 쪽의 보고를 해석하지 못했습니다"),
    Message(
      "demo.error.signalledNoReport",
      en: "the signalled child (pid {pid}) did not report its handler",
      ko: "시그널을 받은 자식(pid {pid})이 핸들러를 알려 주지 않았습니다"),
    Message(
      "demo.error.blockerStuck", en: "the blocking child (pid {pid}) did not unblock",
      ko: "시그널을 막은 자식(pid {pid})이 막기를 풀지 않았습니다"),
    Message(
      "demo.error.sigchldNoReport", en: "the SIGCHLD parent (pid {pid}) did not report",
      ko: "SIGCHLD 부모(pid {pid})가 보고하지 않았습니다"),
    Message(
      "demo.error.signalChildNoAnswer", en: "a signals-demo child (pid {pid}) did not answer",
      ko: "signals 데모의 자식(pid {pid})이 답하지 않았습니다"),
    Message(
      "demo.error.signalChildNotStarted", en: "a signals-demo child (pid {pid}) did not start",
      ko: "signals 데모의 자식(pid {pid})이 시작하지 않았습니다"),
    // Messages and tasks that did not arrive whole.
    Message(
      "demo.error.closedEarly", en: "the other end of the {mechanism} closed early",
      ko: "{mechanism}의 반대쪽 끝이 일찍 닫혔습니다"),
    Message(
      "demo.error.messageSize", en: "a message of {got} bytes, expected {expected}",
      ko: "메시지가 {got}바이트입니다. {expected}바이트여야 합니다"),
    Message(
      "demo.error.echoClosed", en: "the echo child closed its pipe",
      ko: "되돌려 보내는 자식이 파이프를 닫았습니다"),
    Message(
      "demo.error.echoSize", en: "the echo came back with {got} bytes, not {expected}",
      ko: "되돌아온 메시지가 {expected}바이트가 아니라 {got}바이트입니다"),
    Message(
      "demo.error.readerStopped", en: "the reading child stopped early",
      ko: "읽는 자식이 일찍 멈췄습니다"),
    Message(
      "demo.error.childClosedPipe", en: "the child closed its pipe early",
      ko: "자식이 파이프를 일찍 닫았습니다"),
    Message(
      "demo.error.messagesLost",
      en: "messages were lost or damaged (queue {queue}, pipe {pipe} of {count})",
      ko: "메시지가 사라지거나 망가졌습니다({count}개 중 큐 {queue}개, 파이프 {pipe}개)"),
    Message(
      "demo.error.threadNothing", en: "a thread produced nothing",
      ko: "스레드 하나가 아무 결과도 내지 않았습니다"),
    Message("demo.error.taskNoReport", en: "a task did not report", ko: "작업 하나가 보고하지 않았습니다"),
    Message("demo.error.poolNoTask", en: "the pool took no task", ko: "풀이 작업을 받지 않았습니다"),
    Message(
      "demo.error.poolBroken",
      en: "every pool worker has ended; the pool cannot run tasks any more",
      ko: "풀의 작업자가 모두 끝났습니다. 이 풀은 더 이상 작업을 실행할 수 없습니다"),
    Message("demo.error.poolClosed", en: "the pool is closed", ko: "풀이 닫혔습니다"),
    Message(
      "demo.error.poolChunk", en: "a chunk of {count} tasks is larger than this pool's {max}",
      ko: "작업 {count}개짜리 묶음은 이 풀의 최대 {max}개보다 큽니다"),
    Message(
      "demo.error.poolSend",
      en: "sending tasks to the pool's workers failed ({why}); they have ended",
      ko: "풀의 작업자에게 작업을 보내지 못했습니다({why}). 작업자들은 끝났습니다"),
    Message(
      "demo.error.stoppedPoolTask", en: "stopped while waiting for pool task {task}",
      ko: "풀 작업 {task}을(를) 기다리는 동안 멈췄습니다"),
    Message(
      "demo.error.stoppedTraced", en: "stopped while the program was traced",
      ko: "프로그램을 추적하는 동안 멈췄습니다"),
  ]
}
