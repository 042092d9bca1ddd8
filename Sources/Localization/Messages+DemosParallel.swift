// The parallel demos' texts (cpu-scaling, pool, primes, parallel, sched): headings, table
// titles, column names, the cells drawn for a reader, notes. Metric names and values stay the
// same in both languages; so do the column names the Korean lessons quote in backticks
// (`CPU time`, `wall ÷ n`, `smallest factor`, `task's wall time`, `both running`, `preempted`).
// Over 400 lines for a reason: tables and nothing else (one per demo), every text a whole
// sentence in two languages.
extension Messages {
  static let demosParallel: [Message] = cpuScaling + pool + primes + parallel + python

  static let cpuScaling: [Message] = [
    Message("demo.cpuScaling.threads.one", en: "{count} thread", ko: "스레드 {count}개"),
    Message("demo.cpuScaling.threads.other", en: "{count} threads", ko: "스레드 {count}개"),
    Message("demo.cpuScaling.processes.one", en: "{count} process", ko: "프로세스 {count}개"),
    Message("demo.cpuScaling.processes.other", en: "{count} processes", ko: "프로세스 {count}개"),
    Message(
      "demo.cpuScaling.heading",
      en: "Counting down from {n} in every worker: one thread, {k} threads, {k} processes",
      ko: "작업자마다 {n}부터 거꾸로 세기: 스레드 하나, 스레드 {k}개, 프로세스 {k}개"),
    Message(
      "demo.cpuScaling.cpus",
      en: "CPUs: {online} online, this process may run on {list}: {usable} usable at once.",
      ko: "CPU: 온라인 {online}개, 이 프로세스는 {list}에서 실행될 수 있습니다. 동시에 쓸 수 있는 CPU는 {usable}개입니다."),
    Message(
      "demo.cpuScaling.cpus.quota",
      en:
        "CPUs: {online} online, this process may run on {list}, cgroup quota {quota} CPUs: {usable} usable at once.",
      ko:
        "CPU: 온라인 {online}개, 이 프로세스는 {list}에서 실행될 수 있고 cgroup 할당량은 {quota} CPU입니다. 동시에 쓸 수 있는 CPU는 {usable}개입니다."
    ),
    Message(
      "demo.cpuScaling.absent",
      en:
        "python3 is not on PATH: CPython is not measured here, and the rows marked \"CPython, recorded\" are the GIL tutorial's own figures.",
      ko:
        "PATH에 python3가 없습니다. 여기서는 CPython을 재지 않으며, \"CPython, 기록\"이라고 표시된 행은 GIL 튜토리얼이 직접 기록한 수치입니다."
    ),
    Message("demo.cpuScaling.recorded", en: "CPython, recorded", ko: "CPython, 기록"),
    Message(
      "demo.cpuScaling.nEach", en: "n each: ProcLab {n}; CPython {pyN} (n ÷ {scale}).",
      ko: "작업자마다 n: ProcLab {n}, CPython {pyN}(n ÷ {scale})."),
    Message(
      "demo.cpuScaling.nEachRecorded", en: "n each: ProcLab {n}; CPython, recorded: 100,000,000.",
      ko: "작업자마다 n: ProcLab {n}, CPython 기록: 100,000,000."),
    Message(
      "demo.cpuScaling.median.one",
      en:
        "ProcLab: median of {count} run; processes include starting them ({k} × posix_spawn of proclab).",
      ko: "ProcLab: 실행 {count}번의 중앙값, 프로세스 행에는 시작하는 시간도 들어 있습니다(proclab의 posix_spawn {k}번)."),
    Message(
      "demo.cpuScaling.median.other",
      en:
        "ProcLab: median of {count} runs; processes include starting them ({k} × posix_spawn of proclab).",
      ko: "ProcLab: 실행 {count}번의 중앙값, 프로세스 행에는 시작하는 시간도 들어 있습니다(proclab의 posix_spawn {k}번)."),
    Message(
      "demo.cpuScaling.pythonMedian.one",
      en:
        " CPython: lessons/python/gil-tutorial/countdown.py, run live with python3 -I, median of {count} run.",
      ko:
        " CPython: lessons/python/ko/gil-tutorial/countdown.py를 python3 -I로 방금 실행, 실행 {count}번의 중앙값."
    ),
    Message(
      "demo.cpuScaling.pythonMedian.other",
      en:
        " CPython: lessons/python/gil-tutorial/countdown.py, run live with python3 -I, median of {count} runs.",
      ko:
        " CPython: lessons/python/ko/gil-tutorial/countdown.py를 python3 -I로 방금 실행, 실행 {count}번의 중앙값."
    ),
    Message(
      "demo.cpuScaling.recordedFooter",
      en:
        "CPython, recorded: the figures the GIL tutorial recorded (CPython, on its author's machine), not measured here.",
      ko: "CPython 기록: GIL 튜토리얼이 기록한 수치(저자의 머신에서 CPython으로)이며, 여기서 잰 것이 아닙니다."),
    Message(
      "demo.cpuScaling.title",
      en:
        "Each worker counts down n; speedup = work done per second compared with one thread of the same runtime",
      ko: "작업자마다 n부터 거꾸로 셉니다. 속도 향상 = 같은 런타임의 스레드 하나와 비교한 초당 작업량"),
    Message("demo.cpuScaling.column.workers", en: "workers", ko: "작업자"),
    Message("demo.cpuScaling.column.wall", en: "wall time", ko: "경과 시간"),
    Message("demo.cpuScaling.column.speedup", en: "speedup", ko: "속도 향상"),
    Message(
      "demo.cpuScaling.pythonScale",
      en:
        "CPython counted down n ÷ {scale} = {pyN} per worker so that it stays interactive; compare the time per step, not the wall time.",
      ko:
        "CPython은 기다릴 만한 시간 안에 끝나도록 작업자마다 n ÷ {scale} = {pyN}부터 셌습니다. 경과 시간이 아니라 한 단계에 걸린 시간을 비교하세요."
    ),
    Message(
      "demo.cpuScaling.perStep",
      en:
        "Per step, one ProcLab (Swift) thread was {ratio} faster than one CPython thread: Swift's loop is compiled to a decrement and a branch, CPython's is interpreted bytecode on integer objects.",
      ko:
        "한 단계로 보면 ProcLab(Swift) 스레드 하나가 CPython 스레드 하나보다 {ratio} 빨랐습니다. Swift의 반복문은 감소 연산 하나와 분기 하나로 컴파일되고, CPython의 반복문은 정수 객체 위에서 해석되는 바이트코드입니다."
    ),
    Message(
      "demo.cpuScaling.recordedRows",
      en:
        "The CPython rows are the figures the GIL tutorial recorded (CPython, on its author's machine), not measured here: one thread counting down 100,000,000 took 8 s, two threads 16 s.",
      ko:
        "CPython 행은 GIL 튜토리얼이 기록한 수치(저자의 머신에서 CPython으로)이며 여기서 잰 것이 아닙니다. 스레드 하나가 100,000,000부터 세는 데 8초, 스레드 둘은 16초가 걸렸습니다."
    ),
    Message(
      "demo.cpuScaling.recordedRowsOff",
      en:
        "CPython was not run (python=off). The CPython rows are the figures the GIL tutorial recorded (CPython, on its author's machine), not measured here: one thread counting down 100,000,000 took 8 s, two threads 16 s.",
      ko:
        "CPython은 실행하지 않았습니다(python=off). CPython 행은 GIL 튜토리얼이 기록한 수치(저자의 머신에서 CPython으로)이며 여기서 잰 것이 아닙니다. 스레드 하나가 100,000,000부터 세는 데 8초, 스레드 둘은 16초가 걸렸습니다."
    ),
    Message(
      "demo.cpuScaling.recordedGIL",
      en:
        "Recorded, those figures show the GIL: two threads doing twice the work took twice as long, so together they were no faster than one.",
      ko:
        "기록된 그 수치가 GIL을 보여 줍니다. 두 배의 일을 하는 스레드 둘이 두 배 오래 걸렸으니, 함께 해도 하나보다 빠르지 않았습니다."
    ),
    Message(
      "demo.cpuScaling.swift.one",
      en:
        "ProcLab (Swift) threads have no global lock: {k} threads did {threads} the work of one thread per second, and {k} processes {processes}; with {count} usable CPU the best possible is {best}.",
      ko:
        "ProcLab(Swift) 스레드에는 전역 잠금이 없습니다. 스레드 {k}개는 스레드 하나의 초당 작업량의 {threads}를, 프로세스 {k}개는 {processes}를 해냈습니다. 쓸 수 있는 CPU가 {count}개이니 가능한 최대는 {best}입니다."
    ),
    Message(
      "demo.cpuScaling.swift.other",
      en:
        "ProcLab (Swift) threads have no global lock: {k} threads did {threads} the work of one thread per second, and {k} processes {processes}; with {count} usable CPUs the best possible is {best}.",
      ko:
        "ProcLab(Swift) 스레드에는 전역 잠금이 없습니다. 스레드 {k}개는 스레드 하나의 초당 작업량의 {threads}를, 프로세스 {k}개는 {processes}를 해냈습니다. 쓸 수 있는 CPU가 {count}개이니 가능한 최대는 {best}입니다."
    ),
    Message(
      "demo.cpuScaling.swift.busy.one",
      en:
        " Both fell short of it because other programs were using the CPUs too (load {load} on {count} usable CPU). Run it again when the machine is quieter.",
      ko:
        " 둘 다 거기에 못 미친 것은 다른 프로그램도 CPU를 쓰고 있었기 때문입니다(쓸 수 있는 CPU {count}개에 부하 {load}). 머신이 한가할 때 다시 실행해 보세요."
    ),
    Message(
      "demo.cpuScaling.swift.busy.other",
      en:
        " Both fell short of it because other programs were using the CPUs too (load {load} on {count} usable CPUs). Run it again when the machine is quieter.",
      ko:
        " 둘 다 거기에 못 미친 것은 다른 프로그램도 CPU를 쓰고 있었기 때문입니다(쓸 수 있는 CPU {count}개에 부하 {load}). 머신이 한가할 때 다시 실행해 보세요."
    ),
    Message(
      "demo.cpuScaling.swift.short",
      en:
        " Both fell short of it: starting the workers costs time too, and a short count feels it most (try a larger n).",
      ko: " 둘 다 거기에 못 미쳤습니다. 작업자를 시작하는 데도 시간이 들고, 짧게 셀수록 그 영향이 큽니다(n을 늘려 보세요)."),
    Message(
      "demo.cpuScaling.fewerCPUs",
      en:
        "There are fewer usable CPUs ({usable}) than workers ({k}): the extra workers wait their turn, so neither threads nor processes can go beyond {usable}×.",
      ko:
        "쓸 수 있는 CPU({usable}개)가 작업자({k}개)보다 적습니다. 남는 작업자는 차례를 기다리므로, 스레드도 프로세스도 {usable}×를 넘을 수 없습니다."
    ),
    Message(
      "demo.cpuScaling.python.cpus",
      en: " (their CPU time ÷ wall time: {cpus} CPUs busy on average)",
      ko: "(CPU 시간 ÷ 경과 시간: 평균 CPU {cpus}개가 바쁨)"),
    Message(
      "demo.cpuScaling.python.freeThreaded",
      en:
        "{k} CPython threads took {threads} against {one} for one thread: {speedup} the work per second{cpusText}. That is more than one thread's worth, which the GIL does not allow for pure-Python code: this python3 is probably a free-threaded build, with no GIL.",
      ko:
        "CPython 스레드 {k}개는 스레드 하나의 {one}에 비해 {threads}가 걸렸습니다. 초당 작업량은 {speedup}입니다{cpusText}. 스레드 하나 몫보다 많은데, 순수 Python 코드에서 GIL은 이것을 허락하지 않습니다. 이 python3는 아마 GIL이 없는 free-threaded 빌드일 것입니다."
    ),
    Message(
      "demo.cpuScaling.python.oneWorth",
      en:
        "{k} CPython threads took {threads} against {one} for one thread: {speedup} the work per second, no more than one thread's worth{cpusText}. Only the thread that holds the global interpreter lock (GIL) runs Python code, so the threads took turns.",
      ko:
        "CPython 스레드 {k}개는 스레드 하나의 {one}에 비해 {threads}가 걸렸습니다. 초당 작업량은 {speedup}로, 스레드 하나 몫을 넘지 못했습니다{cpusText}. 전역 인터프리터 잠금(GIL)을 쥔 스레드만 Python 코드를 실행하므로 스레드들은 번갈아 실행되었습니다."
    ),
    Message(
      "demo.cpuScaling.python.moreWorth",
      en:
        "{k} CPython threads took {threads} against {one} for one thread: {speedup} the work per second, more than one thread's worth on this run, yet the threads kept no more than one CPU busy at a time{cpusText}: with the GIL they still took turns.",
      ko:
        "CPython 스레드 {k}개는 스레드 하나의 {one}에 비해 {threads}가 걸렸습니다. 초당 작업량은 {speedup}로 이번 실행에서는 스레드 하나 몫보다 많았지만, 스레드들은 한 번에 CPU 하나보다 많이 쓰지 못했습니다{cpusText}. GIL 때문에 여전히 번갈아 실행된 것입니다."
    ),
    Message(
      "demo.cpuScaling.python.busy.one",
      en:
        " The machine was busy (load {load} on {count} usable CPU): the one-thread row was slowed by other programs more than the {k}-thread row, which makes the threads look faster than they are. Run it again when the machine is quieter.",
      ko:
        " 머신이 바빴습니다(쓸 수 있는 CPU {count}개에 부하 {load}). 다른 프로그램이 스레드 {k}개 행보다 스레드 하나 행을 더 느리게 만들어서, 스레드가 실제보다 빨라 보입니다. 머신이 한가할 때 다시 실행해 보세요."
    ),
    Message(
      "demo.cpuScaling.python.busy.other",
      en:
        " The machine was busy (load {load} on {count} usable CPUs): the one-thread row was slowed by other programs more than the {k}-thread row, which makes the threads look faster than they are. Run it again when the machine is quieter.",
      ko:
        " 머신이 바빴습니다(쓸 수 있는 CPU {count}개에 부하 {load}). 다른 프로그램이 스레드 {k}개 행보다 스레드 하나 행을 더 느리게 만들어서, 스레드가 실제보다 빨라 보입니다. 머신이 한가할 때 다시 실행해 보세요."
    ),
    Message(
      "demo.cpuScaling.python.noise",
      en: " A gap this size is the noise of one run; run it again (runs=3) and it shrinks.",
      ko: " 이만한 차이는 한 번 실행의 잡음입니다. 다시 실행하면(runs=3) 줄어듭니다."),
    Message(
      "demo.cpuScaling.python.processes",
      en:
        "{k} CPython processes, each with its own interpreter and its own GIL, reached {reached}: they ran on {bestCPUs} CPUs at once.",
      ko:
        "저마다 인터프리터와 GIL을 따로 가진 CPython 프로세스 {k}개는 {reached}에 이르렀습니다. CPU {bestCPUs}개에서 동시에 실행된 것입니다."
    ),
    Message(
      "demo.cpuScaling.python.processes.busy.one",
      en:
        "{k} CPython processes reached only {reached}: other programs were using the CPUs (load {load} on {count} usable CPU), so even separate interpreters had to take turns. Run it again when the machine is quieter.",
      ko:
        "CPython 프로세스 {k}개는 {reached}에 그쳤습니다. 다른 프로그램이 CPU를 쓰고 있어서(쓸 수 있는 CPU {count}개에 부하 {load}) 따로 떨어진 인터프리터끼리도 번갈아 실행되어야 했습니다. 머신이 한가할 때 다시 실행해 보세요."
    ),
    Message(
      "demo.cpuScaling.python.processes.busy.other",
      en:
        "{k} CPython processes reached only {reached}: other programs were using the CPUs (load {load} on {count} usable CPUs), so even separate interpreters had to take turns. Run it again when the machine is quieter.",
      ko:
        "CPython 프로세스 {k}개는 {reached}에 그쳤습니다. 다른 프로그램이 CPU를 쓰고 있어서(쓸 수 있는 CPU {count}개에 부하 {load}) 따로 떨어진 인터프리터끼리도 번갈아 실행되어야 했습니다. 머신이 한가할 때 다시 실행해 보세요."
    ),
    Message(
      "demo.cpuScaling.python.processes.oneCPU",
      en:
        "{k} CPython processes reached only {reached}: with one usable CPU, separate interpreters still take turns.",
      ko: "CPython 프로세스 {k}개는 {reached}에 그쳤습니다. 쓸 수 있는 CPU가 하나면 따로 떨어진 인터프리터도 번갈아 실행됩니다."),
    Message(
      "demo.cpuScaling.python.processes.short",
      en:
        "{k} CPython processes reached only {reached}, short of the {best} that {bestCPUs} free CPUs allow: starting {k} interpreters costs time too, and a short count feels it most (try a larger n or python_scale=10).",
      ko:
        "CPython 프로세스 {k}개는 {reached}에 그쳐, 남는 CPU {bestCPUs}개가 허락하는 {best}에 못 미쳤습니다. 인터프리터 {k}개를 시작하는 데도 시간이 들고, 짧게 셀수록 그 영향이 큽니다(n을 늘리거나 python_scale=10을 써 보세요)."
    ),
    Message(
      "demo.cpuScaling.python.processes.noise",
      en:
        " On this run threads even came out ahead of processes, the opposite of what the GIL predicts: that is the machine's noise, not the GIL.",
      ko: " 이번 실행에서는 스레드가 프로세스보다 앞서기까지 했는데, GIL로 예상되는 것과 반대입니다. 이것은 GIL이 아니라 머신의 잡음입니다."),
  ]

  static let pool: [Message] = [
    Message(
      "demo.pool.thread",
      en: "thread",
      ko: "스레드"),
    Message(
      "demo.pool.worker",
      en: "worker",
      ko: "작업자"),
    Message(
      "demo.pool.threads",
      en: "threads",
      ko: "스레드"),
    Message(
      "demo.pool.workers",
      en: "workers",
      ko: "작업자"),
    Message(
      "demo.pool.name.thread",
      en: "Thread pool",
      ko: "스레드 풀"),
    Message(
      "demo.pool.name.process",
      en: "Pool",
      ko: "Pool"),
    Message(
      "demo.pool.kind.thread",
      en: "thread",
      ko: "스레드"),
    Message(
      "demo.pool.kind.process",
      en: "process",
      ko: "프로세스"),
    Message(
      "demo.pool.idle",
      en: " · idle",
      ko: " · 쉼"),
    Message(
      "demo.pool.heading.sleep",
      en:
        "{pool}({workers}).map(f, range({count}){chunk}): each f(x) sleeps {duration} and returns x * x",
      ko: "{pool}({workers}).map(f, range({count}){chunk}): f(x)마다 {duration} 잠든 뒤 x * x를 돌려줍니다"),
    Message(
      "demo.pool.heading.spin",
      en:
        "{pool}({workers}).map(f, range({count}){chunk}): each f(x) keeps a CPU busy {duration} and returns x * x",
      ko:
        "{pool}({workers}).map(f, range({count}){chunk}): f(x)마다 {duration} 동안 CPU를 바쁘게 한 뒤 x * x를 돌려줍니다"
    ),
    Message(
      "demo.pool.schedule.timeline",
      en: "Which {worker} ran which value, and when",
      ko: "어느 {worker}가 어떤 값을 언제 실행했나"),
    Message(
      "demo.pool.schedule.title",
      en: "The GIL tutorial's table, measured",
      ko: "GIL 튜토리얼의 표, 직접 잰 값"),
    Message(
      "demo.pool.schedule.returned",
      en: "map returned {values} in {total}.",
      ko: "map은 {total} 만에 {values}를 돌려주었습니다."),
    Message(
      "demo.pool.schedule.rounds",
      en:
        "{count} tasks on {workers} {workerNames} need ⌈{count} ÷ {workers}⌉ = {rounds} rounds of {duration}: {best} at best. Measured: {total}, that is {durations} task durations; the other {overhead} went on handing out tasks, waking {workerNames} and collecting results.",
      ko:
        "작업 {count}개를 {workerNames} {workers}개로 하려면 {duration}짜리 라운드가 ⌈{count} ÷ {workers}⌉ = {rounds}번 필요하므로, 아무리 빨라도 {best}입니다. 잰 값은 {total}로 작업 시간의 {durations}배이고, 나머지 {overhead}는 작업을 나눠 주고 {workerNames}를 깨우고 결과를 모으는 데 들었습니다."
    ),
    Message(
      "demo.pool.schedule.chunks",
      en:
        "{count} tasks in chunks of {chunksize} on {workers} {workerNames} need {ideal} task durations (the busiest {worker}'s chunks) of {duration}: {best} at best. Measured: {total}, that is {durations} task durations; the other {overhead} went on handing out tasks, waking {workerNames} and collecting results.",
      ko:
        "작업 {count}개를 {chunksize}개씩 묶어 {workerNames} {workers}개로 하려면 {duration}짜리 작업 시간이 {ideal}번 필요하므로(가장 바쁜 {worker}의 묶음), 아무리 빨라도 {best}입니다. 잰 값은 {total}로 작업 시간의 {durations}배이고, 나머지 {overhead}는 작업을 나눠 주고 {workerNames}를 깨우고 결과를 모으는 데 들었습니다."
    ),
    Message(
      "demo.pool.schedule.startup",
      en:
        "Starting the {workers} {workerNames} took {startup} before map was called; a pool pays that once and then reuses them.",
      ko:
        "map을 부르기 전에 {workerNames} {workers}개를 시작하는 데 {startup}가 걸렸습니다. 풀은 이 비용을 한 번만 치르고 그 뒤로는 다시 씁니다."
    ),
    Message(
      "demo.pool.schedule.spin",
      en:
        "These tasks keep a CPU busy, and there are more {workerNames} ({workers}) than usable CPUs ({usable}): they take turns on the CPUs, so each task took longer than {duration} of wall time.",
      ko:
        "이 작업들은 CPU를 바쁘게 하는데, {workerNames}({workers}개)가 쓸 수 있는 CPU({usable}개)보다 많습니다. CPU를 번갈아 쓰므로 작업마다 경과 시간이 {duration}보다 길어졌습니다."
    ),
    Message(
      "demo.pool.schedule.recorded",
      en:
        "The GIL tutorial recorded 4 s for 10 one-second tasks on Pool(3) (CPython, not measured here); run pool duration=1 for the same tasks.",
      ko:
        "GIL 튜토리얼은 Pool(3)에서 1초짜리 작업 10개에 4초가 걸렸다고 기록했습니다(CPython, 여기서 잰 것이 아님). 같은 작업을 보려면 pool duration=1을 실행하세요."
    ),
    Message(
      "demo.pool.apply.heading.one",
      en: "apply versus apply_async: {count} task of {duration} on a {kind} pool of {workers}",
      ko: "apply 대 apply_async: {kind} {workers}개짜리 풀에서 {duration}짜리 작업 {count}개"),
    Message(
      "demo.pool.apply.heading.other",
      en: "apply versus apply_async: {count} tasks of {duration} on a {kind} pool of {workers}",
      ko: "apply 대 apply_async: {kind} {workers}개짜리 풀에서 {duration}짜리 작업 {count}개"),
    Message(
      "demo.pool.apply.footer",
      en: "apply: {apply} in all; apply_async: {async} in all (all {count} sent within {sent}).",
      ko: "apply: 모두 {apply}, apply_async: 모두 {async}({count}개를 모두 {sent} 안에 보냄)."),
    Message(
      "demo.pool.apply.timeline.apply",
      en: "apply: one task at a time",
      ko: "apply: 한 번에 작업 하나"),
    Message(
      "demo.pool.apply.timeline.async",
      en: "apply_async: every task sent at once",
      ko: "apply_async: 모든 작업을 한꺼번에 보냄"),
    Message(
      "demo.pool.apply.title",
      en: "Results, in the order the program asked for them",
      ko: "프로그램이 요청한 순서대로 본 결과"),
    Message(
      "demo.pool.column.task",
      en: "task",
      ko: "작업"),
    Message(
      "demo.pool.column.startedAt",
      en: "started at",
      ko: "시작 시각"),
    Message(
      "demo.pool.column.endedAt",
      en: "ended at",
      ko: "끝난 시각"),
    Message(
      "demo.pool.column.round",
      en: "round",
      ko: "라운드"),
    Message(
      "demo.pool.column.value",
      en: "value",
      ko: "값"),
    Message(
      "demo.pool.column.took",
      en: "took",
      ko: "걸린 시간"),
    Message(
      "demo.pool.column.finishedAt",
      en: "finished at",
      ko: "끝난 시각"),
    Message(
      "demo.pool.column.done",
      en: "done",
      ko: "끝남"),
    Message(
      "demo.pool.column.total",
      en: "total",
      ko: "합계"),
    Message(
      "demo.pool.column.taskDurations",
      en: "task durations",
      ko: "작업 시간 배수"),
    Message(
      "demo.pool.column.mostAtOnce",
      en: "most at once",
      ko: "최대 동시 실행"),
    Message(
      "demo.pool.column.resultsInOrder",
      en: "results in order",
      ko: "순서대로 본 결과"),
    Message(
      "demo.pool.apply.note.one",
      en:
        "apply waited for each task before sending the next, so the {count} task ran by itself: {apply}, {applyDurations} task durations, although {workers} {workerNames} were free.",
      ko:
        "apply는 다음 작업을 보내기 전에 작업마다 기다렸으므로, 작업 {count}개가 차례로 하나씩 실행되었습니다. {workerNames} {workers}개가 놀고 있었는데도 {apply}, 작업 시간의 {applyDurations}배가 걸렸습니다."
    ),
    Message(
      "demo.pool.apply.note.other",
      en:
        "apply waited for each task before sending the next, so the {count} tasks ran one after another: {apply}, {applyDurations} task durations, although {workers} {workerNames} were free.",
      ko:
        "apply는 다음 작업을 보내기 전에 작업마다 기다렸으므로, 작업 {count}개가 차례로 하나씩 실행되었습니다. {workerNames} {workers}개가 놀고 있었는데도 {apply}, 작업 시간의 {applyDurations}배가 걸렸습니다."
    ),
    Message(
      "demo.pool.apply.noteAlmost.one",
      en:
        "apply waited for each task before sending the next, so the {count} task ran by itself: {apply}, {applyDurations} task durations, although {workers} {workerNames} were free.",
      ko:
        "apply는 다음 작업을 보내기 전에 작업마다 기다렸으므로, 작업 {count}개가 (거의) 차례로 하나씩 실행되었습니다. {workerNames} {workers}개가 놀고 있었는데도 {apply}, 작업 시간의 {applyDurations}배가 걸렸습니다."
    ),
    Message(
      "demo.pool.apply.noteAlmost.other",
      en:
        "apply waited for each task before sending the next, so the {count} tasks ran one after another (almost): {apply}, {applyDurations} task durations, although {workers} {workerNames} were free.",
      ko:
        "apply는 다음 작업을 보내기 전에 작업마다 기다렸으므로, 작업 {count}개가 (거의) 차례로 하나씩 실행되었습니다. {workerNames} {workers}개가 놀고 있었는데도 {apply}, 작업 시간의 {applyDurations}배가 걸렸습니다."
    ),
    Message(
      "demo.pool.apply.asyncNote",
      en:
        "apply_async returned a future at once; with every task sent, up to {concurrent} ran at the same time, and the whole took {async}, {asyncDurations} task durations (⌈{count} ÷ {workers}⌉ = {rounds} at best). get() on the futures in the order they were made gives the results in that order, whichever task finished first.",
      ko:
        "apply_async는 곧바로 future를 돌려주었습니다. 모든 작업을 보내자 최대 {concurrent}개가 동시에 실행되었고, 전체는 {async}, 작업 시간의 {asyncDurations}배가 걸렸습니다(가장 빠르면 ⌈{count} ÷ {workers}⌉ = {rounds}). 만든 순서대로 future에 get()을 부르면, 어느 작업이 먼저 끝났든 결과는 그 순서대로 나옵니다."
    ),
    Message(
      "demo.pool.apply.recorded",
      en:
        "The pool tutorial recorded 4.24 s with apply and 1.29 s with apply_async for four one-second tasks on Pool(4) (CPython, not measured here); run pool mode=apply duration=1 for the same tasks.",
      ko:
        "풀 튜토리얼은 Pool(4)에서 1초짜리 작업 네 개에 apply로 4.24초, apply_async로 1.29초가 걸렸다고 기록했습니다(CPython, 여기서 잰 것이 아님). 같은 작업을 보려면 pool mode=apply duration=1을 실행하세요."
    ),
    Message(
      "demo.pool.overhead.heading.one",
      en: "The cost of a task itself: tasks that do nothing, {count} worker",
      ko: "작업 자체의 비용: 아무것도 하지 않는 작업, 작업자 {count}개"),
    Message(
      "demo.pool.overhead.heading.other",
      en: "The cost of a task itself: tasks that do nothing, {count} workers",
      ko: "작업 자체의 비용: 아무것도 하지 않는 작업, 작업자 {count}개"),
    Message(
      "demo.pool.overhead.call",
      en: "a plain function call (no pool)",
      ko: "평범한 함수 호출(풀 없음)"),
    Message(
      "demo.pool.overhead.threadSpawn",
      en: "a new thread per task (start + join)",
      ko: "작업마다 새 스레드(start + join)"),
    Message(
      "demo.pool.overhead.threadPool",
      en: "thread pool map, chunksize=1",
      ko: "스레드 풀 map, chunksize=1"),
    Message(
      "demo.pool.overhead.processSpawn",
      en: "a new process per task (spawn + wait)",
      ko: "작업마다 새 프로세스(spawn + wait)"),
    Message(
      "demo.pool.overhead.processPool",
      en: "process pool map, chunksize=1",
      ko: "프로세스 풀 map, chunksize=1"),
    Message(
      "demo.pool.overhead.processPoolChunked",
      en: "process pool map, chunksize={chunk}",
      ko: "프로세스 풀 map, chunksize={chunk}"),
    Message(
      "demo.pool.overhead.title",
      en: "Time per task, fastest first",
      ko: "작업당 시간, 빠른 순"),
    Message(
      "demo.pool.overhead.saving",
      en:
        "Starting a process for every task costs {spawn}; handing a task to a process that is already running costs {pool}: that saving, {ratio}, is why pools exist (the concepts tutorial: pools save creation time, cap the number of workers and separate making tasks from running them).",
      ko:
        "작업마다 프로세스를 시작하면 {spawn}가 들고, 이미 실행 중인 프로세스에 작업을 넘기면 {pool}가 듭니다. 이 절약({ratio})이 풀이 있는 까닭입니다(개념 튜토리얼: 풀은 생성 시간을 아끼고, 작업자 수에 상한을 두고, 작업을 만드는 일과 실행하는 일을 나눕니다)."
    ),
    Message(
      "demo.pool.overhead.chunked",
      en:
        "A pool task costs a write to a pipe, a worker waking up, a result written back and a thread waking to collect it. chunksize={chunk} sends {chunk} tasks per message and brings it down to {chunked}; a thread pool needs no pipes ({threadPool} per task) but its threads share one process.",
      ko:
        "풀 작업 하나에는 파이프에 write 한 번, 작업자 깨우기, 결과 되돌려 쓰기, 그것을 모을 스레드 깨우기가 듭니다. chunksize={chunk}는 메시지 하나에 작업 {chunk}개를 보내 그 비용을 {chunked}로 낮춥니다. 스레드 풀은 파이프가 필요 없지만(작업당 {threadPool}) 스레드들이 프로세스 하나를 함께 씁니다."
    ),
    Message(
      "demo.pool.overhead.python",
      en:
        "CPython's multiprocessing.Pool, measured just now on this machine, needs {median} per empty task: {ratio} the cost of this Swift process pool (it pickles every task and result and passes them through extra threads).",
      ko:
        "방금 이 머신에서 잰 CPython의 multiprocessing.Pool은 빈 작업 하나에 {median}가 듭니다. 이 Swift 프로세스 풀 비용의 {ratio}입니다(작업과 결과를 모두 pickle하고 별도의 스레드를 거쳐 넘기기 때문입니다)."
    ),
    Message(
      "demo.pool.overhead.pythonNote",
      en: "measured now by lessons/python/process-tutorial/pool_overhead.py (CPython {version})",
      ko: "lessons/python/ko/process-tutorial/pool_overhead.py로 방금 잰 값(CPython {version})"),
    Message(
      "demo.pool.python.title.one",
      en:
        "{pool}({workers}).map over {count} task of {duration}: {swift} and {python}, measured now",
      ko: "{duration}짜리 작업 {count}개에 {pool}({workers}).map: {swift}와 {python}, 방금 잰 값"),
    Message(
      "demo.pool.python.title.other",
      en:
        "{pool}({workers}).map over {count} tasks of {duration}: {swift} and {python}, measured now",
      ko: "{duration}짜리 작업 {count}개에 {pool}({workers}).map: {swift}와 {python}, 방금 잰 값"),
    Message(
      "demo.pool.python.startedProcesses.one",
      en: "{pool}({workers}) started {count} process in {startup} before map",
      ko: "{pool}({workers})는 map 전에 {startup} 동안 프로세스 {count}개를 시작했습니다"),
    Message(
      "demo.pool.python.startedProcesses.other",
      en: "{pool}({workers}) started {count} processes in {startup} before map",
      ko: "{pool}({workers})는 map 전에 {startup} 동안 프로세스 {count}개를 시작했습니다"),
    Message(
      "demo.pool.python.startedThreads.one",
      en: "{pool}({workers}) started {count} thread in {startup} before map",
      ko: "{pool}({workers})는 map 전에 {startup} 동안 스레드 {count}개를 시작했습니다"),
    Message(
      "demo.pool.python.startedThreads.other",
      en: "{pool}({workers}) started {count} threads in {startup} before map",
      ko: "{pool}({workers})는 map 전에 {startup} 동안 스레드 {count}개를 시작했습니다"),
    Message(
      "demo.pool.python.same",
      en: "CPython's results are the same as ProcLab's: x * x for every value.",
      ko: "CPython의 결과는 ProcLab과 같습니다. 모든 값에서 x * x입니다."),
    Message(
      "demo.pool.python.differ",
      en: "CPython's results differ for values {values}.",
      ko: "CPython의 결과는 값 {values}에서 다릅니다."),
    Message(
      "demo.pool.python.compare",
      en:
        "CPython's pool took {python} for the same {count} tasks ({durations} task durations; {rounds} rounds at best), ProcLab's {swift}. Both pools hand a value to whichever worker is free, so which worker ran which value can change from run to run; the number of rounds does not.",
      ko:
        "같은 작업 {count}개에 CPython의 풀은 {python}(작업 시간의 {durations}배, 가장 빠르면 {rounds}라운드), ProcLab의 풀은 {swift}가 걸렸습니다. 두 풀 모두 비어 있는 작업자에게 값을 넘기므로, 어느 작업자가 어떤 값을 실행하는지는 실행할 때마다 바뀔 수 있지만 라운드 수는 바뀌지 않습니다."
    ),
    Message(
      "demo.pool.python.recorded",
      en:
        " The GIL tutorial used 10 tasks of one second on Pool(3): run pool duration=1 for that (about 4 s for each runtime, 9 s in all).",
      ko:
        " GIL 튜토리얼은 Pool(3)에서 1초짜리 작업 10개를 썼습니다. 그것을 보려면 pool duration=1을 실행하세요(런타임마다 약 4초, 모두 9초쯤)."
    ),
    Message(
      "demo.pool.python.fourTasks",
      en:
        "The CPython rows run the pool tutorial's four tasks; with tasks={count} they are not shown.",
      ko: "CPython 행은 풀 튜토리얼의 작업 네 개를 실행합니다. tasks={count}이면 보이지 않습니다."),
    Message(
      "demo.pool.python.applyTitle.one",
      en: "Pool({workers}): {count} task of {duration} with apply, then with apply_async",
      ko: "Pool({workers}): {duration}짜리 작업 {count}개를 apply로, 그다음 apply_async로"),
    Message(
      "demo.pool.python.applyTitle.other",
      en: "Pool({workers}): {count} tasks of {duration} with apply, then with apply_async",
      ko: "Pool({workers}): {duration}짜리 작업 {count}개를 apply로, 그다음 apply_async로"),
    Message(
      "demo.pool.python.applyNote",
      en:
        "In both runtimes apply ran one task at a time ({apply} task durations in CPython) and apply_async ran them together ({async}). The pool tutorial recorded 4.24 s and 1.29 s for tasks of one second: run pool mode=apply duration=1 for that (about 5 s for each runtime).",
      ko:
        "두 런타임 모두 apply는 한 번에 작업 하나를 실행했고(CPython에서 작업 시간의 {apply}배) apply_async는 함께 실행했습니다({async}배). 풀 튜토리얼은 1초짜리 작업에 4.24초와 1.29초를 기록했습니다. 그것을 보려면 pool mode=apply duration=1을 실행하세요(런타임마다 약 5초)."
    ),
  ]

  static let primes: [Message] = [
    Message(
      "demo.primes.heading",
      en: "is_prime over the process tutorial's PRIMES list",
      ko: "프로세스 튜토리얼의 PRIMES 목록에 is_prime 적용"),
    Message(
      "demo.primes.progress.checking",
      en: "checking {n}",
      ko: "{n} 검사 중"),
    Message(
      "demo.primes.way.serialMap",
      en: "serial: map(is_prime, PRIMES)",
      ko: "직렬: map(is_prime, PRIMES)"),
    Message(
      "demo.primes.way.processPool.one",
      en: "process pool ({count} worker): map",
      ko: "프로세스 풀(작업자 {count}개): map"),
    Message(
      "demo.primes.way.processPool.other",
      en: "process pool ({count} workers): map",
      ko: "프로세스 풀(작업자 {count}개): map"),
    Message(
      "demo.primes.way.withStartup",
      en: "process pool, started and closed each run",
      ko: "프로세스 풀, 실행마다 시작하고 닫음"),
    Message(
      "demo.primes.way.threadPool.one",
      en: "thread pool ({count} thread): map",
      ko: "스레드 풀(스레드 {count}개): map"),
    Message(
      "demo.primes.way.threadPool.other",
      en: "thread pool ({count} threads): map",
      ko: "스레드 풀(스레드 {count}개): map"),
    Message(
      "demo.primes.way.taskGroup.one",
      en: "Swift task group ({count} thread)",
      ko: "Swift withTaskGroup(스레드 {count}개)"),
    Message(
      "demo.primes.way.taskGroup.other",
      en: "Swift task group ({count} threads)",
      ko: "Swift withTaskGroup(스레드 {count}개)"),
    Message(
      "demo.primes.answers.title",
      en: "Is it prime? (the last number is not)",
      ko: "소수인가?(마지막 수는 아님)"),
    Message(
      "demo.primes.column.serial",
      en: "serial",
      ko: "직렬"),
    Message(
      "demo.primes.column.processPool",
      en: "process pool",
      ko: "프로세스 풀"),
    Message(
      "demo.primes.column.threadPool",
      en: "thread pool",
      ko: "스레드 풀"),
    Message(
      "demo.primes.column.taskGroup",
      en: "task group",
      ko: "task group"),
    Message(
      "demo.primes.column.serialTime",
      en: "serial time",
      ko: "직렬 시간"),
    Message(
      "demo.primes.agree",
      en: "Every way gave the same answers.",
      ko: "모든 방법이 같은 답을 냈습니다."),
    Message(
      "demo.primes.disagree",
      en: "The ways DISAGREE: this is a bug in ProcLab.",
      ko: "방법마다 답이 다릅니다. ProcLab의 버그입니다."),
    Message(
      "demo.primes.timing.title.one",
      en: "Checking all six numbers ({count} run each)",
      ko: "여섯 수를 모두 검사(방법마다 {count}번 실행)"),
    Message(
      "demo.primes.timing.title.other",
      en: "Checking all six numbers ({count} runs each)",
      ko: "여섯 수를 모두 검사(방법마다 {count}번 실행)"),
    Message(
      "demo.primes.speedup.title",
      en: "Speedup over serial, and efficiency (speedup ÷ CPUs used)",
      ko: "직렬 대비 속도 향상과 효율(속도 향상 ÷ 쓴 CPU 수)"),
    Message(
      "demo.primes.column.way",
      en: "way",
      ko: "방법"),
    Message(
      "demo.primes.column.efficiency",
      en: "efficiency",
      ko: "효율"),
    Message(
      "demo.primes.cpusUsed.one",
      en:
        "CPUs used: min(workers {workers}, usable CPUs {usable}) = {count}. Best possible, counting trial divisions, with these six numbers on {count} CPU: {ideal}.",
      ko:
        "쓴 CPU: min(작업자 {workers}, 쓸 수 있는 CPU {usable}) = {count}. 나눗셈 횟수로 셀 때 이 여섯 수를 CPU {count}개로 처리한 가능한 최대: {ideal}."
    ),
    Message(
      "demo.primes.cpusUsed.other",
      en:
        "CPUs used: min(workers {workers}, usable CPUs {usable}) = {count}. Best possible, counting trial divisions, with these six numbers on {count} CPUs: {ideal}.",
      ko:
        "쓴 CPU: min(작업자 {workers}, 쓸 수 있는 CPU {usable}) = {count}. 나눗셈 횟수로 셀 때 이 여섯 수를 CPU {count}개로 처리한 가능한 최대: {ideal}."
    ),
    Message(
      "demo.primes.serial",
      en:
        "Serially the six checks took {serial}. Five numbers are prime, so each needs about {divisions} trial divisions; the last is not prime and stops at its factor {factor} ({last}).",
      ko:
        "여섯 번의 검사는 직렬로 {serial}가 걸렸습니다. 다섯 수는 소수라서 저마다 시험 나눗셈이 약 {divisions}번 필요하고, 마지막 수는 소수가 아니라서 인수 {factor}에서 멈춥니다({last})."
    ),
    Message(
      "demo.primes.pieces",
      en:
        "The work comes in six pieces, five of them equally big: on {p} CPUs the five big ones need {rounds} rounds, so no pool can beat {ideal} here, however it is written. The best measured was {best} ({label}).",
      ko:
        "일은 여섯 조각이고 그중 다섯은 크기가 같습니다. CPU {p}개에서는 큰 다섯 조각에 {rounds}라운드가 필요하므로, 어떻게 짜든 어떤 풀도 여기서 {ideal}를 넘을 수 없습니다. 잰 값 중 가장 좋은 것은 {best}({label})였습니다."
    ),
    Message(
      "demo.primes.amdahl",
      en:
        "Amdahl's law: if a fraction s of a job must run serially, p CPUs can speed it up at most 1 ÷ (s + (1 − s) ÷ p). Read backwards, {best} on {p} CPUs behaves like a serial fraction of {fraction}: here that is the uneven split plus starting tasks and passing results, not code that cannot run in parallel.",
      ko:
        "암달의 법칙(Amdahl's law): 일의 비율 s가 직렬로만 실행되어야 한다면, CPU p개로 얻는 속도 향상은 최대 1 ÷ (s + (1 − s) ÷ p)입니다. 거꾸로 읽으면 CPU {p}개에서 {best}는 직렬 비율 {fraction}과 같습니다. 여기서 그것은 병렬로 실행할 수 없는 코드가 아니라, 고르지 않은 분배에 작업 시작과 결과 전달이 더해진 것입니다."
    ),
    Message(
      "demo.primes.oneCPU",
      en:
        "Only one CPU is usable, so every way takes about as long as the serial one: a pool adds workers, not CPUs. Amdahl's law, 1 ÷ (s + (1 − s) ÷ p), gives 1 for p = 1 whatever s is.",
      ko:
        "쓸 수 있는 CPU가 하나뿐이라 모든 방법이 직렬과 비슷하게 걸립니다. 풀은 작업자를 늘릴 뿐 CPU를 늘리지 않습니다. 암달의 법칙 1 ÷ (s + (1 − s) ÷ p)은 p = 1이면 s가 무엇이든 1입니다."
    ),
    Message(
      "demo.primes.recorded",
      en:
        "The process tutorial recorded 2.05 s serially and 0.60 s with ProcessPoolExecutor (CPython, on the author's machine, not measured here); CPython threads could not have helped, because of its global interpreter lock. Swift threads have no such lock, so the thread pool and the task group scale like the process pool.",
      ko:
        "프로세스 튜토리얼은 직렬로 2.05초, ProcessPoolExecutor로 0.60초를 기록했습니다(저자의 머신에서 CPython으로, 여기서 잰 것이 아님). CPython 스레드는 전역 인터프리터 잠금 때문에 도움이 될 수 없었습니다. Swift 스레드에는 그런 잠금이 없으므로, 스레드 풀과 task group도 프로세스 풀처럼 확장됩니다."
    ),
    Message(
      "demo.primes.timeline",
      en: "Process pool: which worker checked which number (last run)",
      ko: "프로세스 풀: 어느 작업자가 어느 수를 검사했나(마지막 실행)"),
    Message(
      "demo.primes.python.serial",
      en: "serial: map(is_prime, {list})",
      ko: "직렬: map(is_prime, {list})"),
    Message(
      "demo.primes.python.pool",
      en: "ProcessPoolExecutor({workers}).map, starting it included",
      ko: "ProcessPoolExecutor({workers}).map, 시작 시간 포함"),
    Message(
      "demo.primes.python.full",
      en: "one run each, on the tutorial's PRIMES list",
      ko: "방법마다 한 번, 튜토리얼의 PRIMES 목록으로"),
    Message(
      "demo.primes.python.small",
      en:
        "one run each, on each number of PRIMES ÷ 100, the same shape (five primes, then a composite), about a tenth of the trial divisions each; python_list=full runs the tutorial's list (about 3 s more)",
      ko:
        "방법마다 한 번, PRIMES의 각 수 ÷ 100으로. 모양은 같고(소수 다섯 개 뒤에 합성수 하나) 시험 나눗셈은 각각 약 10분의 1입니다. python_list=full이면 튜토리얼의 목록을 씁니다(약 3초 더 걸림)"
    ),
    Message(
      "demo.primes.python.answers",
      en:
        "CPython's answers: {answers}, the same serially and in the pool. The process tutorial recorded 2.05 s serially and 0.60 s with ProcessPoolExecutor on its author's machine.",
      ko:
        "CPython의 답: {answers}. 직렬과 풀에서 같습니다. 프로세스 튜토리얼은 저자의 머신에서 직렬로 2.05초, ProcessPoolExecutor로 0.60초를 기록했습니다."
    ),
    Message(
      "demo.primes.python.disagree",
      en:
        "CPython's answers: {answers}; serial and pool DISAGREE. The process tutorial recorded 2.05 s serially and 0.60 s with ProcessPoolExecutor on its author's machine.",
      ko:
        "CPython의 답: {answers}. 직렬과 풀의 답이 다릅니다. 프로세스 튜토리얼은 저자의 머신에서 직렬로 2.05초, ProcessPoolExecutor로 0.60초를 기록했습니다."
    ),
  ]

  static let parallel: [Message] = [
    Message(
      "demo.parallel.case.oneCPU",
      en: "Both tasks pinned to CPU {cpu}",
      ko: "두 작업 모두 CPU {cpu}에 고정"),
    Message(
      "demo.parallel.case.twoCPUs",
      en: "Both tasks free to use CPUs {first} and {second}",
      ko: "두 작업 모두 CPU {first}과 {second}를 자유롭게 씀"),
    Message(
      "demo.parallel.case.only",
      en: "Both tasks free to use every allowed CPU (only CPU {cpu})",
      ko: "두 작업 모두 허용된 모든 CPU를 자유롭게 씀(CPU {cpu}뿐)"),
    Message(
      "demo.parallel.notPinned",
      en: "not pinned",
      ko: "고정 안 함"),
    Message(
      "demo.parallel.lane",
      en: "task {task} (CPU {cpus})",
      ko: "작업 {task}(CPU {cpus})"),
    Message(
      "demo.parallel.whole",
      en: "The whole run",
      ko: "실행 전체"),
    Message(
      "demo.parallel.closeUp",
      en: "The first {zoom}, close up",
      ko: "처음 {zoom}을 가까이서"),
    Message(
      "demo.parallel.task",
      en: "task {task}",
      ko: "작업 {task}"),
    Message(
      "demo.parallel.title",
      en: "Two tasks of {work} of CPU work each",
      ko: "CPU 작업이 각각 {work}인 작업 두 개"),
    Message(
      "demo.parallel.column.case",
      en: "case",
      ko: "경우"),
    Message(
      "demo.parallel.column.cpu",
      en: "its CPU time",
      ko: "CPU 시간"),
    Message(
      "demo.parallel.column.doneAfter",
      en: "both done after",
      ko: "둘 다 끝난 시각"),
    Message(
      "demo.parallel.footer",
      en:
        "preempted: involuntary context switches (the kernel took the CPU away). Each task writes down the time after every ~{slice} of work; a longer gap means it was waiting for the CPU.",
      ko:
        "preempted: 비자발적 문맥 교환(context switch, 커널이 CPU를 빼앗음). 작업마다 약 {slice}씩 일할 때마다 시각을 적어 둡니다. 간격이 길면 CPU를 기다리고 있었다는 뜻입니다."
    ),
    Message(
      "demo.parallel.oneCPU",
      en:
        "On one CPU the tasks were concurrent but not parallel: both made progress, but they ran at the same moment only {oneBoth} of the time. The kernel's scheduler gave each a few milliseconds in turn (see the close-up), so each needed {stretch} its CPU time in wall time, and both were done after {one}.",
      ko:
        "CPU 하나에서 두 작업은 동시적(concurrent)이었지만 병렬(parallel)은 아니었습니다. 둘 다 진행했지만 같은 순간에 실행된 것은 시간의 {oneBoth}뿐입니다. 커널의 스케줄러가 각 작업에 몇 밀리초씩 번갈아 주었으므로(가까이 본 그림 참고) 작업마다 경과 시간이 CPU 시간의 {stretch}였고, 둘 다 {one} 뒤에 끝났습니다."
    ),
    Message(
      "demo.parallel.oneCPU.busy",
      en:
        " That is more than the 2× that taking turns explains: other programs were using this CPU too (load {load}).",
      ko: " 번갈아 실행해서 생기는 2×보다 큽니다. 다른 프로그램도 이 CPU를 쓰고 있었습니다(부하 {load})."),
    Message(
      "demo.parallel.twoCPUs",
      en:
        "Free to use two CPUs, they ran in parallel, at the same moments {twoBoth} of the time: done after {two}, {sooner} sooner, with the same CPU time. Parallelism needs more than one CPU; concurrency needs only a scheduler.",
      ko:
        "CPU 두 개를 자유롭게 쓰자 두 작업은 병렬로, 시간의 {twoBoth} 동안 같은 순간에 실행되었습니다. {two} 뒤에 끝나 {sooner} 빨랐고, CPU 시간은 같았습니다. 병렬성에는 CPU가 둘 이상 필요하고, 동시성에는 스케줄러만 있으면 됩니다."
    ),
    Message(
      "demo.parallel.twoCPUs.busy",
      en:
        "Free to use two CPUs, they still ran at the same moment only {twoBoth} of the time (done after {two}): the machine is busy (load {load} on {online} CPUs), so other programs held the second CPU. Run it again when the machine is quiet to see them overlap.",
      ko:
        "CPU 두 개를 자유롭게 썼는데도 같은 순간에 실행된 것은 시간의 {twoBoth}뿐입니다({two} 뒤에 끝남). 머신이 바빠서(CPU {online}개에 부하 {load}) 다른 프로그램이 두 번째 CPU를 잡고 있었습니다. 겹치는 모습을 보려면 머신이 한가할 때 다시 실행하세요."
    ),
    Message(
      "demo.parallel.onlyOne",
      en:
        "This process may run on one CPU only (affinity {list}), so the second case cannot differ from the first: with one CPU, tasks can only take turns ({two} against {one}).",
      ko:
        "이 프로세스는 CPU 하나에서만 실행될 수 있으므로(affinity {list}) 두 번째 경우는 첫 번째와 다를 수 없습니다. CPU가 하나면 작업은 번갈아 실행될 수밖에 없습니다({two} 대 {one})."
    ),
    Message(
      "demo.sched.heading",
      en: "sched: events at relative times, with priorities, in one thread",
      ko: "sched: 스레드 하나에서 우선순위와 함께 정해진 시각에 실행되는 이벤트"),
    Message(
      "demo.sched.slow",
      en: "slow (busy 1.5 units)",
      ko: "slow(1.5단위 동안 바쁨)"),
    Message(
      "demo.sched.title",
      en: "The order the events ran in (entered in the order of the plan, one cancelled)",
      ko: "이벤트가 실행된 순서(계획 순서대로 넣었고, 하나는 취소함)"),
    Message(
      "demo.sched.column.event",
      en: "event",
      ko: "이벤트"),
    Message(
      "demo.sched.column.due",
      en: "due at",
      ko: "예정 시각"),
    Message(
      "demo.sched.column.priority",
      en: "priority",
      ko: "우선순위"),
    Message(
      "demo.sched.column.ran",
      en: "ran at",
      ko: "실행 시각"),
    Message(
      "demo.sched.column.late",
      en: "late by",
      ko: "늦은 시간"),
    Message(
      "demo.sched.planned",
      en: "Planned: {events}. One unit = {unit}; entering the events took {setup}.",
      ko: "계획: {events}. 한 단위 = {unit}, 이벤트를 넣는 데 {setup}가 걸렸습니다."),
    Message(
      "demo.sched.planned.event",
      en: "{name} at {at} units, priority {priority}",
      ko: "{name}: {at}단위, 우선순위 {priority}"),
    Message(
      "demo.sched.heap",
      en:
        "The scheduler keeps its events in a min-heap ordered by (due time, priority, order entered); run() takes the first, sleeps until it is due and calls it. 'keyword' and 'positional' were due at the same moment, so priority 1 ran before priority 2 although it was entered later; the cancelled event never ran.",
      ko:
        "스케줄러는 이벤트를 (예정 시각, 우선순위, 넣은 순서)로 정렬된 최소 힙에 보관합니다. run()은 맨 앞의 것을 꺼내 예정 시각까지 잠들었다가 부릅니다. 'keyword'와 'positional'은 예정 시각이 같았으므로, 나중에 넣었어도 우선순위 1이 우선순위 2보다 먼저 실행되었습니다. 취소한 이벤트는 실행되지 않았습니다."
    ),
    Message(
      "demo.sched.urgent",
      en:
        "'urgent' was due at {due} with the best priority, but ran at {ran}, {late} late: an event scheduler calls one function at a time in one thread and cannot interrupt the slow one.",
      ko:
        "'urgent'는 가장 높은 우선순위로 {due}에 예정되었지만 {ran}에, {late} 늦게 실행되었습니다. 이벤트 스케줄러는 스레드 하나에서 한 번에 함수 하나를 부르므로 느린 함수를 끊을 수 없습니다."
    ),
    Message(
      "demo.sched.enterabs",
      en:
        "The events were entered with enterabs, at absolute times. With enter, times are relative to the moment of entering, so two events entered microseconds apart are not due together and priority does not decide (Python's sched documentation shows 'keyword' running after 'positional' for that reason).",
      ko:
        "이벤트는 enterabs로 절대 시각에 넣었습니다. enter로 넣으면 시각은 넣는 순간에 대한 상대 시각이므로, 몇 마이크로초 차이로 넣은 두 이벤트는 예정 시각이 같지 않고 우선순위가 순서를 정하지 않습니다(Python의 sched 문서에서 'keyword'가 'positional' 뒤에 실행되는 까닭입니다)."
    ),
    Message(
      "demo.sched.kernel",
      en:
        "The kernel's process scheduler is a different thing with a similar name: it decides which runnable thread of which process gets each CPU, and takes a CPU away from a thread whose time slice is used up (preemption; see the parallel demo). sched only decides when to call your functions.",
      ko:
        "커널의 프로세스 스케줄러는 이름만 비슷할 뿐 다른 것입니다. 어느 프로세스의 어느 실행 가능한 스레드가 각 CPU를 받을지 정하고, 타임 슬라이스를 다 쓴 스레드에게서 CPU를 빼앗습니다(선점(preemption), parallel 데모 참고). sched는 함수를 언제 부를지만 정합니다."
    ),
  ]

  static let python: [Message] = [
    Message(
      "demo.python.absent",
      en: "python3 is not on PATH: the CPython rows are not shown.",
      ko: "PATH에 python3가 없습니다. CPython 행은 보이지 않습니다."),
    Message(
      "demo.python.notFound",
      en:
        "The lessons' Python programs (lessons/python) were not found (set PROCLAB_PYTHON_DIR): the CPython rows are not shown.",
      ko:
        "레슨의 Python 프로그램(lessons/python)을 찾지 못했습니다(PROCLAB_PYTHON_DIR를 설정하세요). CPython 행은 보이지 않습니다."
    ),
    Message(
      "demo.python.didNotFinish",
      en: "CPython's {file} did not finish: {error}. Its rows are not shown.",
      ko: "CPython의 {file}이 끝나지 않았습니다: {error}. 그 행은 보이지 않습니다."),
    Message(
      "demo.python.skipped",
      en: "{skipped} for python3: the CPython rows of lessons/python/{file} are not shown.",
      ko: "python3에 {skipped}: lessons/python/{file}의 CPython 행은 보이지 않습니다."),
    Message(
      "demo.python.failed",
      en: "CPython's {file} failed ({summary}). Its rows are not shown.",
      ko: "CPython의 {file}이 실패했습니다({summary}). 그 행은 보이지 않습니다."),
  ]
}
