// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "ProcLab",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "proclab", targets: ["proclab"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
  ],
  targets: [
    // libedit, found through pkg-config; Debian's package is libedit-dev.
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // Fixed-signature C shims for variadic OS calls, _GNU_SOURCE-only calls and the
    // bodies of raw fork() children (which may only make async-signal-safe calls).
    .target(
      name: "CProcLab",
      cSettings: [.define("_GNU_SOURCE")],
      linkerSettings: [.linkedLibrary("rt"), .linkedLibrary("pthread"), .linkedLibrary("util")]
    ),
    // libedit's shims: variadic el_set/el_get/history calls and the interruptible character
    // reader. Only the line editor links libedit; the OS shims (CProcLab) do not.
    .target(name: "CLineEdit", dependencies: ["CProcLab", "CEditLine"]),
    // The files of lessons/ inside the executable, by `.incbin` from the list generate.sh
    // writes (the Makefile runs it before every build); BuiltinLessons reads them as a tree.
    .target(
      name: "CBuiltinLessons", exclude: ["generate.sh", "generated"],
      cSettings: [.define("_GNU_SOURCE")]),
    .target(name: "BuiltinLessons", dependencies: ["CBuiltinLessons"], swiftSettings: strict),
    .target(
      name: "OSKit",
      dependencies: [
        "CProcLab", "Localization",
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: strict
    ),
    // The contract between a demo and everything that reads it: declarations (parameters,
    // metrics with units), validated parameters, JSON values, the event stream and the report
    // with the data they carry (tables, figures, the machine). Pure data; imports only
    // FoundationEssentials (the event lines' JSON coding).
    .target(name: "DemoContract", swiftSettings: strict),
    // The language ProcLab speaks (`Language.current`) and the message catalog of its own
    // texts in English and Korean. The bottom module: depends on nothing.
    .target(name: "Localization", swiftSettings: strict),
    .target(
      name: "Measure", dependencies: ["DemoContract", "Localization"], swiftSettings: strict),
    .target(
      name: "Render", dependencies: ["DemoContract", "Localization"], swiftSettings: strict),
    // ptrace shims for the tracer: the variadic ptrace call, the W* macros, and the traced
    // child's code between fork and exec.
    .target(name: "CTrace", cSettings: [.define("_GNU_SOURCE")]),
    // `proclab trace`: a command's processes and threads followed with ptrace (or /proc
    // polling where ptrace is refused), reported under the demo contract (docs/trace.md).
    .target(
      name: "Trace",
      dependencies: ["CTrace", "DemoContract", "OSKit", "Measure", "Render", "Localization"],
      swiftSettings: strict),
    .target(
      name: "LineEditor", dependencies: ["CLineEdit", "CProcLab", "CEditLine", "OSKit"],
      swiftSettings: strict),
    .target(
      name: "Demos",
      dependencies: [
        "DemoContract", "OSKit", "Measure", "Render", "CProcLab", "BuiltinLessons",
        "Localization", "Trace", "Exercises",
      ],
      swiftSettings: strict
    ),
    .target(
      name: "Lessons",
      dependencies: ["DemoContract", "OSKit", "Render", "BuiltinLessons", "Localization"],
      swiftSettings: strict),
    .target(
      name: "Quiz", dependencies: ["DemoContract", "Lessons", "Localization", "OSKit"],
      swiftSettings: strict),
    // Exercises (docs/exercises.md): the student's workspace, a check run under the tracer
    // and graded by the exercise's checks, and the watch on the workspace.
    .target(
      name: "Exercises", dependencies: ["DemoContract", "Lessons", "Measure", "OSKit", "Trace"],
      swiftSettings: strict),
    // The student's result: who they are, the hash-chained record of quiz answers, the result
    // file `submit` writes (docs/grading.md). Pure data and state files through OSKit.
    .target(
      name: "Results", dependencies: ["DemoContract", "Localization", "OSKit"],
      swiftSettings: strict),
    // The teacher's side (docs/grading.md): result files re-graded into one class report,
    // and that report drawn as a table, CSV, JSON and a self-contained HTML page.
    .target(
      name: "Classroom",
      dependencies: [
        "DemoContract", "Lessons", "Localization", "OSKit", "Quiz", "Render", "Results",
      ],
      swiftSettings: strict),
    .target(
      name: "ProcLabApp",
      dependencies: [
        "DemoContract", "CProcLab", "LineEditor", "Lessons", "Demos", "Quiz", "Render", "Measure",
        "OSKit", "Results", "Classroom", "Localization", "Trace", "BuiltinLessons", "Exercises",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(name: "proclab", dependencies: ["ProcLabApp"], swiftSettings: strict),
    // `make bench`: ProcLab's figures beside reference programs, run in alternation.
    .target(
      name: "BenchKit", dependencies: ["DemoContract", "CProcLab", "OSKit", "Render"],
      swiftSettings: strict),
    .executableTarget(
      name: "proclab-bench",
      dependencies: [
        "BenchKit", "DemoContract", "OSKit", "ProcLabTestSupport", "Render",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),

    // What the test targets share: running the binary under test and capturing its output.
    .target(
      name: "ProcLabTestSupport", dependencies: ["DemoContract", "OSKit", "Lessons", "Results"],
      path: "Tests/TestSupport",
      swiftSettings: strict),
    .testTarget(name: "DemoContractTests", dependencies: ["DemoContract"], swiftSettings: strict),
    .testTarget(
      name: "LocalizationTests", dependencies: ["Localization"], swiftSettings: strict),
    .testTarget(name: "OSKitTests", dependencies: ["CProcLab", "OSKit"], swiftSettings: strict),
    .testTarget(
      name: "MeasureTests", dependencies: ["DemoContract", "Localization", "Measure"],
      swiftSettings: strict),
    .testTarget(
      name: "LineEditorTests", dependencies: ["LineEditor", "OSKit"], swiftSettings: strict),
    .testTarget(
      name: "RenderTests", dependencies: ["DemoContract", "Localization", "Render"],
      resources: [.copy("Golden")],
      swiftSettings: strict),
    // Fuzz/: inputs found by `make fuzz`, replayed by FuzzReplayTests.
    .testTarget(
      name: "LessonsTests",
      dependencies: ["Lessons", "DemoContract", "Demos", "Render", "BuiltinLessons", "OSKit"],
      exclude: ["Fuzz"],
      swiftSettings: strict),
    .testTarget(
      name: "DemosTests",
      dependencies: [
        "Classroom", "DemoContract", "Demos", "Measure", "OSKit", "Render", "ProcLabTestSupport",
        "Localization", "Trace",
      ],
      swiftSettings: strict),
    .testTarget(
      name: "QuizTests",
      dependencies: [
        "Quiz", "Lessons", "DemoContract", "Demos", "CProcLab", "Measure", "OSKit", "Localization",
      ],
      // Fixtures/: reports recorded from real `proclab run <demo> --json`, read by GradingTests.
      exclude: ["Fixtures"],
      swiftSettings: strict),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "DemoContract", "CProcLab", "OSKit", "Demos", "Lessons", "Quiz", "Render", "Results",
        "Classroom", "Localization", "ProcLabTestSupport",
      ],
      // TraceFixtures/: C programs TraceTests compiles with cc at test time.
      exclude: ["TraceFixtures"],
      swiftSettings: strict),
    .testTarget(
      name: "ResultsTests",
      dependencies: ["Results", "DemoContract", "OSKit", "ProcLabTestSupport"],
      swiftSettings: strict),
    // ClassGrader: re-grading, the record that counts, every flag with a doctored file.
    .testTarget(
      name: "ClassGraderTests",
      dependencies: ["Classroom", "DemoContract", "Demos", "Lessons", "Render", "Results"],
      swiftSettings: strict),
    // Exercise blocks parsed and linted, checks evaluated, and every shipped exercise's
    // starter failing and solution passing under the tracer.
    .testTarget(
      name: "ExercisesTests",
      dependencies: ["DemoContract", "Exercises", "Lessons", "OSKit", "Trace"],
      swiftSettings: strict),
    .testTarget(name: "BenchTests", dependencies: ["BenchKit", "OSKit"], swiftSettings: strict),
    .testTarget(
      name: "ClassroomTests",
      dependencies: [
        "Classroom", "DemoContract", "Lessons", "OSKit", "ProcLabTestSupport", "Results",
      ],
      swiftSettings: strict),
  ]
)
