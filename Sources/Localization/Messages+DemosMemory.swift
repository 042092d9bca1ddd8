// The cow demo's own texts: headings, notes, table titles, column names and footers. Metric
// values and names, and the /proc field names (Private_Dirty, Shared_Dirty, Pss) are not
// here: they stay the same in both languages (lesson rules and the kernel use them).
extension Messages {
  static let demosMemory: [Message] = [
    Message(
      "demo.cow.heading.faults", en: "A child writes part of the memory it shares with its parent",
      ko: "자식이 부모와 공유하는 메모리의 일부에 씁니다"),
    Message(
      "demo.cow.progress.child", en: "forking a child that writes {percent} % of the pages",
      ko: "페이지의 {percent} %에 쓰는 자식을 fork하는 중"),
    Message("demo.cow.progress.done", en: "done", ko: "완료"),
    Message("demo.cow.column.writes", en: "writes", ko: "쓴 비율"),
    Message("demo.cow.column.pagesWritten", en: "pages written", ko: "쓴 페이지"),
    Message("demo.cow.column.faults", en: "minor faults", ko: "마이너 폴트"),
    Message("demo.cow.column.perFault", en: "per fault", ko: "폴트당 시간"),
    Message(
      "demo.cow.faults.title",
      en: "fork() of a parent holding {size} MiB it wrote ({pages} pages), one child a row",
      ko: "{size} MiB({pages}페이지)를 써 둔 부모의 fork(), 행마다 자식 하나"),
    Message(
      "demo.cow.faults.footer",
      en:
        "minor faults: getrusage(RUSAGE_SELF) in the child, around its writes; the memory columns: /proc/<pid>/smaps_rollup of the whole child after its writes",
      ko:
        "마이너 폴트: 자식이 쓰기 전후에 부른 getrusage(RUSAGE_SELF)의 차이입니다. 메모리 열: 쓰기를 마친 자식 전체의 /proc/<pid>/smaps_rollup 값입니다"
    ),
    Message(
      "demo.cow.before",
      en:
        "Before writing, each child's Private_Dirty was at most {private} and its Shared_Dirty {shared}: fork() had copied none of the {size} MiB, only shared it.",
      ko:
        "쓰기 전에는 자식마다 Private_Dirty가 많아야 {private}였고 Shared_Dirty는 {shared}였습니다. fork()는 {size} MiB 가운데 아무것도 복사하지 않고 공유하기만 했습니다."
    ),
    Message(
      "demo.cow.faultsPerPage",
      en:
        "The child that wrote {percent} % of the pages wrote {pages} pages and took {faults} minor faults: the first write to a shared page faults, and the kernel copies that one page. Its Private_Dirty grew by {growth}, at {perFault} a fault.",
      ko:
        "페이지의 {percent} %에 쓴 자식은 {pages}페이지에 쓰면서 마이너 폴트를 {faults}번 겪었습니다. 공유된 페이지에 처음 쓰면 폴트가 나고, 커널은 그 페이지 하나만 복사합니다. 이 자식의 Private_Dirty는 {growth} 늘었고, 폴트 하나에 {perFault}가 걸렸습니다."
    ),
    Message(
      "demo.cow.readOnly",
      en:
        "The child that wrote nothing took {faults} faults over the same steps: a page that is only read, or left alone, is never copied.",
      ko:
        "아무것도 쓰지 않은 자식은 같은 과정에서 폴트를 {faults}번 겪었습니다. 읽기만 하거나 건드리지 않은 페이지는 절대 복사되지 않습니다."
    ),
    Message(
      "demo.cow.thp",
      en:
        "Transparent huge pages are set to '{setting}' here; the demo asked for small pages on its region (madvise MADV_NOHUGEPAGE), so a page is {page} (the region's AnonHugePages: {huge}): one page-table entry, and one fault at its first write, per page.",
      ko:
        "이 머신의 투명 대형 페이지(transparent huge pages) 설정은 '{setting}'입니다. 데모는 자기 영역에 작은 페이지만 쓰도록 요청했으므로(madvise MADV_NOHUGEPAGE) 페이지 하나는 {page}입니다(영역의 AnonHugePages: {huge}). 페이지마다 페이지 테이블 항목이 하나이고, 처음 쓸 때 폴트도 하나입니다."
    ),
    Message(
      "demo.cow.noTHP", en: "This kernel has no transparent huge pages: a page is {page}.",
      ko: "이 커널에는 투명 대형 페이지(transparent huge pages)가 없습니다. 페이지 하나는 {page}입니다."),

    Message(
      "demo.cow.heading.fork", en: "The cost of starting a child, by the parent's size",
      ko: "부모의 크기에 따른 자식 시작 비용"),
    Message(
      "demo.cow.progress.fork", en: "timing with {size} MiB written",
      ko: "{size} MiB를 써 둔 채로 재는 중"),
    Message("demo.cow.column.parent", en: "parent holds", ko: "부모의 메모리"),
    Message("demo.cow.column.pageTables", en: "page tables", ko: "페이지 테이블"),
    Message(
      "demo.cow.fork.title", en: "Median time to start a child and reap it",
      ko: "자식을 시작하고 거두는 데 걸린 시간의 중앙값"),
    Message(
      "demo.cow.fork.footer",
      en:
        "{runs} timed runs a cell; fork and vfork: the child calls _exit at once; fork-exec and posix_spawn: the child runs {true}; page tables: the parent's VmPTE",
      ko:
        "칸마다 {runs}번 잰 값입니다. fork와 vfork: 자식이 곧바로 _exit를 부릅니다. fork-exec와 posix_spawn: 자식이 {true}를 실행합니다. 페이지 테이블: 부모의 VmPTE입니다"
    ),
    Message("demo.cow.fork.spread", en: "{way} mean ± σ: {spreads}", ko: "{way} 평균 ± σ: {spreads}"),
    Message(
      "demo.cow.fork.noisy",
      en:
        "{count} of {cells} cells had runs far from the others (an outlier, a slow first call): read the medians, and run again on a quieter machine",
      ko:
        "{cells}칸 가운데 {count}칸에서 다른 값과 동떨어진 측정이 있었습니다(이상값, 느린 첫 호출). 중앙값을 보고, 한가한 머신에서 다시 실행해 보십시오"
    ),
    Message(
      "demo.cow.fork.oneSize",
      en: "Give sizes= two sizes or more to see how the cost follows the parent's size.",
      ko: "비용이 부모의 크기를 어떻게 따라가는지 보려면 sizes=에 크기를 둘 이상 주십시오."),
    Message(
      "demo.cow.fork.grows",
      en:
        "fork took {forkSmall} with {small} MiB written and {forkLarge} with {large} MiB ({ratio}×): it copies no page, but it copies the parent's page tables ({tablesSmall} → {tablesLarge}) and marks every written page read-only in both processes.",
      ko:
        "fork는 {small} MiB를 써 둔 부모에서 {forkSmall}, {large} MiB에서 {forkLarge} 걸렸습니다({ratio}배). 페이지는 하나도 복사하지 않지만, 부모의 페이지 테이블({tablesSmall} → {tablesLarge})을 복사하고 쓴 페이지를 모두 양쪽 프로세스에서 읽기 전용으로 표시합니다."
    ),
    Message(
      "demo.cow.fork.vfork",
      en:
        "vfork took {vforkSmall} and {vforkLarge} ({ratio}×): its child borrows the parent's memory and page tables until it calls _exit or exec, so nothing is copied. posix_spawn does the same before it runs {true}; fork-exec pays fork's copy first.",
      ko:
        "vfork는 {vforkSmall}와 {vforkLarge}가 걸렸습니다({ratio}배). vfork의 자식은 _exit나 exec를 부를 때까지 부모의 메모리와 페이지 테이블을 빌려 쓰므로 아무것도 복사되지 않습니다. posix_spawn도 {true}를 실행하기 전에 같은 방식을 쓰고, fork-exec는 먼저 fork의 복사 비용을 치릅니다."
    ),
    Message(
      "demo.cow.fork.spawnGrow",
      en:
        "Lesson 5's run spawn grow=N showed the same from the other side: what fork costs is the size of the parent's page tables, not of its pages.",
      ko:
        "5장의 run spawn grow=N도 반대쪽에서 같은 것을 보여 주었습니다. fork의 비용은 부모 페이지의 양이 아니라 페이지 테이블의 크기입니다."
    ),
  ]
}
