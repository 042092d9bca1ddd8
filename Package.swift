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
    .package(url: "https://github.com/apple/swift-atomics", from: "1.2.0"),
  ],
  targets: [
    // libedit, found through pkg-config; Debian's package is libedit-dev.
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // Fixed-signature C shims for variadic libedit calls, _GNU_SOURCE-only calls and the
    // bodies of raw fork() children (which may only make async-signal-safe calls).
    .target(
      name: "CProcLab",
      dependencies: ["CEditLine"],
      cSettings: [.define("_GNU_SOURCE")],
      linkerSettings: [.linkedLibrary("rt"), .linkedLibrary("pthread"), .linkedLibrary("util")]
    ),
    .target(
      name: "OSKit",
      dependencies: [
        "CProcLab",
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: strict
    ),
    .target(name: "Measure", swiftSettings: strict),
    .target(name: "Render", swiftSettings: strict),
    .target(name: "LineEditor", dependencies: ["CProcLab", "CEditLine"], swiftSettings: strict),
    .target(
      name: "Demos",
      dependencies: [
        "OSKit", "Measure", "Render", "CProcLab",
        .product(name: "Atomics", package: "swift-atomics"),
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: strict
    ),
    .target(name: "Lessons", dependencies: ["Demos", "OSKit", "Render"], swiftSettings: strict),
    .target(
      name: "Quiz", dependencies: ["Lessons", "Demos", "Render", "OSKit"], swiftSettings: strict),
    .target(
      name: "ProcLabApp",
      dependencies: [
        "LineEditor", "Lessons", "Demos", "Quiz", "Render", "Measure", "OSKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(name: "proclab", dependencies: ["ProcLabApp"], swiftSettings: strict),
    // `make bench`: ProcLab's figures beside reference programs, run in alternation.
    .target(name: "BenchKit", dependencies: ["OSKit", "Render", "Demos"], swiftSettings: strict),
    .executableTarget(
      name: "proclab-bench",
      dependencies: [
        "BenchKit", "OSKit", "Render",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),

    .testTarget(name: "OSKitTests", dependencies: ["OSKit"], swiftSettings: strict),
    .testTarget(name: "MeasureTests", dependencies: ["Measure"], swiftSettings: strict),
    .testTarget(
      name: "RenderTests", dependencies: ["Render"], resources: [.copy("Golden")],
      swiftSettings: strict),
    // Fuzz/: inputs found by `make fuzz`, replayed by FuzzReplayTests.
    .testTarget(
      name: "LessonsTests", dependencies: ["Lessons", "Demos", "Render"], exclude: ["Fuzz"],
      swiftSettings: strict),
    .testTarget(name: "DemosTests", dependencies: ["Demos", "OSKit"], swiftSettings: strict),
    .testTarget(
      name: "QuizTests", dependencies: ["Quiz", "Lessons", "Demos"], swiftSettings: strict),
    .testTarget(
      name: "EndToEndTests", dependencies: ["OSKit", "Demos", "Lessons", "Quiz", "Render"],
      swiftSettings: strict),
    .testTarget(name: "BenchTests", dependencies: ["BenchKit"], swiftSettings: strict),
  ]
)
