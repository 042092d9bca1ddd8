// The timing table's texts (TimingTable: spawn, timeit and the other timing demos) and the
// spawn demo's own: headings, titles, the rows drawn for a reader, notes. The timing table's
// column names (`median`, `runs × loops`, `relative`) stay as they are: the lessons teach them
// by name in both languages. Metric values and names stay the same in both languages too.
extension Messages {
  static let demosTiming: [Message] = [
    // Measure's warnings under a timing table: the machine, then the runs.
    // Measure's machine line under every timing table (MachineEnvironment.summaryLine).
    Message("demo.machine.summary.cpus.one", en: "{count} CPU online", ko: "온라인 CPU {count}개"),
    Message("demo.machine.summary.cpus.other", en: "{count} CPUs online", ko: "온라인 CPU {count}개"),
    Message(
      "demo.machine.summary.quota.single", en: "cgroup quota {quota} CPU",
      ko: "cgroup 할당량 {quota} CPU"),
    Message(
      "demo.machine.summary.quota.several", en: "cgroup quota {quota} CPUs",
      ko: "cgroup 할당량 {quota} CPU"),
    Message("demo.machine.summary.noQuota", en: "no cgroup quota", ko: "cgroup 할당량 없음"),
    Message(
      "demo.machine.summary.cpuLine", en: "{cpus} (affinity {list}, {quota})",
      ko: "{cpus}(affinity {list}, {quota})"),
    Message("demo.machine.summary.load", en: "load {load}", ko: "부하 {load}"),
    Message(
      "demo.machine.debugBuild",
      en: "this is a debug build: timings are slower than a release build — use `make run`",
      ko: "디버그 빌드입니다. 릴리스 빌드보다 시간이 느리게 나옵니다. `make run`을 쓰세요"),
    Message(
      "demo.machine.oneCPU",
      en: "only one CPU is online: threads and processes take turns instead of running at once",
      ko: "온라인 CPU가 하나뿐입니다. 스레드와 프로세스가 동시에 실행되지 못하고 번갈아 실행됩니다"),
    Message(
      "demo.machine.quota.single",
      en:
        "the cgroup CPU quota ({quota} CPU) is lower than the {online} CPUs online: parallel work is throttled beyond that",
      ko: "cgroup CPU 할당량({quota} CPU)이 온라인 CPU {online}개보다 적습니다. 그 이상의 병렬 작업은 억제됩니다"),
    Message(
      "demo.machine.quota.several",
      en:
        "the cgroup CPU quota ({quota} CPUs) is lower than the {online} CPUs online: parallel work is throttled beyond that",
      ko: "cgroup CPU 할당량({quota} CPU)이 온라인 CPU {online}개보다 적습니다. 그 이상의 병렬 작업은 억제됩니다"),
    Message(
      "demo.machine.affinity",
      en: "this process may run on only {count} of the {online} CPUs (affinity {list})",
      ko: "이 프로세스는 CPU {online}개 중 {count}개에서만 실행될 수 있습니다(affinity {list})"),
    Message(
      "demo.machine.busy.single",
      en: "the machine is busy (load {load} on {usable} usable CPU): timings will be noisy",
      ko: "머신이 바쁩니다(쓸 수 있는 CPU {usable}개에 부하 {load}). 시간 측정값이 흔들릴 것입니다"),
    Message(
      "demo.machine.busy.several",
      en: "the machine is busy (load {load} on {usable} usable CPUs): timings will be noisy",
      ko: "머신이 바쁩니다(쓸 수 있는 CPU {usable}개에 부하 {load}). 시간 측정값이 흔들릴 것입니다"),
    Message(
      "demo.timing.slowest",
      en:
        "the slowest run took {ratio}× as long as the fastest: a result may be cached or the machine busy",
      ko: "가장 느린 run이 가장 빠른 run보다 {ratio}배 오래 걸렸습니다. 결과가 캐시되었거나 머신이 바빴을 수 있습니다"),
    Message(
      "demo.timing.outlier", en: "run {runs} is an outlier (robust z-score {z}, above 3.5)",
      ko: "{runs}번째 run은 이상값입니다(robust z-score {z}, 3.5 초과)"),
    Message(
      "demo.timing.outliersMany",
      en: "runs {runs} are outliers (robust z-scores {z}, above 3.5)",
      ko: "{runs}번째 run은 이상값입니다(robust z-score {z}, 3.5 초과)"),
    Message(
      "demo.timing.outliers", en: "outliers (robust z-score above 3.5): {list}",
      ko: "이상값(robust z-score 3.5 초과): {list}"),
    Message("demo.timing.listAnd", en: "{rest} and {last}", ko: "{rest}, {last}"),
    Message("demo.timing.outlierItem", en: "{label}: run {runs}", ko: "{label}: {runs}번째 run"),
    Message(
      "demo.timing.outlierItemMany", en: "{label}: runs {runs}", ko: "{label}: {runs}번째 run"),
    Message(
      "demo.timing.firstCall",
      en:
        "the first call took {ratio}× as long as a typical one: it paid one-off costs (page faults, lazy initialisation, cold caches)",
      ko:
        "첫 호출이 보통 호출보다 {ratio}배 오래 걸렸습니다. 한 번만 드는 비용(페이지 폴트, 지연 초기화, 차가운 캐시)을 치렀습니다"
    ),
    Message(
      "demo.timing.maxLoops",
      en:
        "a run of the most loops allowed ({loops}) still took less than {target} s: the work may have been optimised away (an impossibly fast result: do not trust this row)",
      ko:
        "허용된 최대 반복({loops}번)으로 한 run도 {target}초보다 짧았습니다. 작업이 최적화로 지워졌을 수 있습니다(불가능할 만큼 빠른 결과이니 이 행은 믿지 마세요)"
    ),
    Message(
      "demo.timing.shortRuns",
      en:
        "runs last {run} ms, less than the {target} ms aimed for, to stay within {limit} s: expect more noise",
      ko: "{limit}초 안에 끝내려고 run 하나가 목표한 {target}밀리초보다 짧은 {run}밀리초입니다. 잡음이 더 클 것입니다"),
    Message(
      "demo.timing.fewerRuns", en: "only {count} of {runs} runs fit in the {limit} s limit",
      ko: "{limit}초 한도 안에 run {runs}번 중 {count}번만 들어갔습니다"),
    Message("demo.timing.fastest", en: "1.00 (fastest)", ko: "1.00 (가장 빠름)"),
    Message(
      "demo.timing.cpuFooter",
      en:
        "{label}: CPU per loop {user} user + {sys} sys; context switches {voluntary} voluntary, {involuntary} involuntary",
      ko:
        "{label}: 반복당 CPU user {user} + sys {sys}, 문맥 교환 자발 {voluntary}회, 비자발 {involuntary}회"),

    // timeit
    Message("demo.timeit.row.insert", en: "insert loop into a Set", ko: "Set에 insert하는 반복문"),
    Message("demo.timeit.row.append", en: "append loop", ko: "append 반복문"),
    Message(
      "demo.timeit.row.reserve", en: "append loop with reserveCapacity",
      ko: "reserveCapacity를 쓴 append 반복문"),
    Message("demo.timeit.python.setAdd", en: "set.add loop", ko: "set.add 반복문"),
    Message("demo.timeit.python.listAppend", en: "list.append loop", ko: "list.append 반복문"),
    Message("demo.timeit.progress", en: "timing {what}", ko: "{what} 측정 중"),
    Message(
      "demo.timeit.title", en: "Building 0..<100, fastest first", ko: "0..<100 만들기, 빠른 순"),
    Message(
      "demo.timeit.warmup",
      en:
        "Each row ran once to warm up, then {runs} timed runs, each repeating the code enough times to last at least {target}. The median resists a stray slow run; σ says how much runs disagree.",
      ko:
        "각 행은 예열로 한 번 실행한 뒤 측정 run을 {runs}번 했고, run마다 코드를 최소 {target} 동안 이어질 만큼 반복했습니다. 중앙값(median)은 어쩌다 느린 run 하나에 흔들리지 않고, σ는 run끼리 얼마나 다른지 알려 줍니다."
    ),
    Message(
      "demo.timeit.blackHole",
      en:
        "blackHole(…) hands every result to a function the optimizer cannot see into, so the work cannot be deleted as unused.",
      ko: "blackHole(…)은 모든 결과를 최적화기가 들여다볼 수 없는 함수에 넘깁니다. 그래서 쓰이지 않는다는 이유로 작업이 지워지지 않습니다."),
    Message(
      "demo.timeit.python",
      en:
        "The {python} rows are the process tutorial's ways, timed just now by Python's timeit in lessons/python/process-tutorial/timeit_collections.py (CPython {version}): the same warm-up, {runs} runs of enough loops to last {target}. The tutorial's str(range(100)) builds no numbers at all: it is the text \"range(0, 100)\".",
      ko:
        "{python} 행은 프로세스 튜토리얼의 방법들을 lessons/python/ko/process-tutorial/timeit_collections.py에서 Python의 timeit으로 방금 잰 것입니다(CPython {version}). 예열은 같고, {target} 동안 이어질 만큼의 반복으로 run을 {runs}번 했습니다. 튜토리얼의 str(range(100))은 숫자를 하나도 만들지 않습니다. 그것은 \"range(0, 100)\"이라는 글자일 뿐입니다."
    ),

    // spawn
    Message("demo.spawn.heading.lifecycle", en: "Start, join, terminate", ko: "시작, join, 종료"),
    Message(
      "demo.spawn.heading.cost", en: "What it costs to start something",
      ko: "무언가를 시작하는 데 드는 비용"),
    Message(
      "demo.spawn.lifecycle.title", en: "Process start / join / terminate",
      ko: "프로세스 시작 / join / 종료"),
    Message("demo.spawn.column.step", en: "step", ko: "단계"),
    Message("demo.spawn.column.result", en: "result", ko: "결과"),
    Message(
      "demo.spawn.row.exitWith", en: "start a worker that exits with 3; join",
      ko: "상태 3으로 끝나는 작업자를 시작하고 join"),
    Message(
      "demo.spawn.row.sleeps", en: "start a worker that sleeps ({state})",
      ko: "잠드는 작업자를 시작 ({state})"),
    Message("demo.spawn.row.running", en: "running", ko: "실행 중"),
    Message(
      "demo.spawn.row.terminate", en: "terminate it (SIGTERM); join",
      ko: "그것을 종료(SIGTERM)하고 join"),
    Message(
      "demo.spawn.progress.timing", en: "timing {method}", ko: "{method} 시간 재는 중"),
    Message(
      "demo.spawn.progress.grow", en: "writing {grow} MiB, then timing fork again",
      ko: "{grow} MiB를 쓴 뒤 fork 시간을 다시 재는 중"),
    Message("demo.spawn.progress.done", en: "done", ko: "완료"),
    Message("demo.spawn.grownLabel", en: "fork, parent +{grow} MiB", ko: "fork, 부모 +{grow} MiB"),
    Message(
      "demo.spawn.title", en: "Creating and reaping one process (or thread)",
      ko: "프로세스(또는 스레드) 하나를 만들고 거두기"),
    Message(
      "demo.spawn.eachRow", en: "Each row starts one child and waits for it: {meanings}.",
      ko: "각 행은 자식 하나를 시작하고 그것을 기다립니다. {meanings}."),
    Message(
      "demo.spawn.noCopy",
      en:
        "fork copies no memory up front (pages are shared copy-on-write), exec replaces the program, and posix_spawn does both in one call; a thread skips making a new address space altogether.",
      ko:
        "fork는 처음에 메모리를 복사하지 않고(페이지는 쓰기 시 복사(copy-on-write)로 공유됩니다), exec는 프로그램을 바꾸며, posix_spawn은 이 둘을 한 번의 호출로 합니다. 스레드는 새 주소 공간을 만드는 일 자체를 건너뜁니다."
    ),
    Message(
      "demo.spawn.mappings",
      en:
        "But fork does copy the parent's list of mappings and the page-table entries of every mapping it has written to, so its cost grows with the parent: this demo process has {mappings} mappings, {resident} kB resident and {pageTables} kB of page tables. A small C program has fewer of each (make bench times both).",
      ko:
        "하지만 fork는 부모의 매핑 목록과, 부모가 쓴 적 있는 모든 매핑의 페이지 테이블 항목은 복사합니다. 그래서 비용이 부모의 크기에 따라 커집니다. 이 데모 프로세스는 매핑 {mappings}개, 상주 메모리 {resident} kB, 페이지 테이블 {pageTables} kB를 가지고 있습니다. 작은 C 프로그램은 어느 것이든 더 적습니다(make bench가 둘 다 잽니다)."
    ),
    Message(
      "demo.spawn.remapped",
      en:
        "This process started by mapping {kib} KiB of its read-only data again, read-only: Swift had left it in a writable mapping, whose entries every fork would copy. A mapping with no written page is not copied at all; the child reads it from the file if it needs it.",
      ko:
        "이 프로세스는 시작할 때 읽기 전용 데이터 {kib} KiB를 읽기 전용으로 다시 매핑했습니다. Swift가 그것을 쓰기 가능한 매핑에 두었는데, 그런 매핑의 항목은 fork할 때마다 복사되기 때문입니다. 쓴 페이지가 없는 매핑은 전혀 복사되지 않고, 자식이 필요하면 파일에서 읽습니다."
    ),
    Message(
      "demo.spawn.grown",
      en:
        "After writing {grow} MiB, the process has {resident} kB resident and {pageTables} kB of page tables: the row \"{row}\" shows what copying them costs. Nothing of those pages is copied: the child shares them copy-on-write, and _exits before touching any.",
      ko:
        "{grow} MiB를 쓴 뒤 프로세스의 상주 메모리는 {resident} kB, 페이지 테이블은 {pageTables} kB입니다. \"{row}\" 행이 그것들을 복사하는 비용을 보여 줍니다. 그 페이지들 자체는 하나도 복사되지 않습니다. 자식은 그것들을 쓰기 시 복사로 공유하고, 건드리기 전에 _exit합니다."
    ),
    Message(
      "demo.spawn.growHint",
      en: "grow=256 writes 256 MiB first and times fork again, to see that cost grow.",
      ko: "grow=256을 주면 먼저 256 MiB를 쓰고 fork 시간을 다시 재어, 그 비용이 커지는 것을 보여 줍니다."),
  ]
}
