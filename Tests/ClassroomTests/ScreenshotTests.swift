import Classroom
import FoundationEssentials
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// The page rendered by a real browser: Debian's headless Chromium takes a 1280 × 2000
/// screenshot, which must be a PNG of that size and not one flat colour.
@Suite(.serialized) struct ScreenshotTests {
  /// The first Chromium on PATH, or nil.
  static let chromium: String? = {
    let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if access(candidate, X_OK) == 0 { return candidate }
      }
    }
    return nil
  }()

  // Skipped, with the reason shown, where Chromium is not installed (Debian: apt-get install
  // chromium): the structure tests still run everywhere.
  @Test(
    .enabled(if: chromium != nil, "no chromium on PATH (Debian: apt-get install chromium)"),
    .timeLimit(.minutes(3)))
  func headlessChromiumRendersThePage() throws {
    let browser = try #require(Self.chromium)
    var template = Array("/tmp/proclab-screenshot-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let directory = try #require(made.map { String(cString: $0) })
    // PROCLAB_SCREENSHOT_DIR keeps the page and its screenshot there, to look at.
    let keep = ProcessEnvironment.value("PROCLAB_SCREENSHOT_DIR")
    defer {
      if let keep {
        _ = try? CapturedRun.run([
          "/bin/cp", directory + "/class.html", directory + "/class.png", keep,
        ])
      }
      _ = try? CapturedRun.run(["/bin/rm", "-rf", directory], timeout: 30)
    }
    let page = directory + "/class.html"
    let fd = open(page, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(fd >= 0)
    // PROCLAB_CLASS_REPORT_JSON draws a real `proclab grade --json` document instead.
    var report = SampleReport.make(students: 120)
    if let path = ProcessEnvironment.value("PROCLAB_CLASS_REPORT_JSON") {
      let bytes = try FileIO.readRegular(path, limit: 256 << 20)
      report = try JSONDecoder().decode(ClassReport.self, from: Data(bytes))
    }
    try FileIO.writeAll(fd, ClassReportHTML.page(report))
    close(fd)
    let screenshot = directory + "/class.png"
    let run = try CapturedRun.run(
      [
        browser, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
        "--no-first-run", "--user-data-dir=\(directory)/profile", "--screenshot=\(screenshot)",
        "--window-size=1280,2000", "file://\(page)",
      ],
      environment: ProcessEnvironment.current.filter { !$0.hasPrefix("HOME=") }
        + ["HOME=\(directory)"],
      newProcessGroup: true, timeout: 120)
    #expect(!run.timedOut)
    let bytes = try FileIO.readRegular(screenshot, limit: 64 << 20)
    #expect(Array(bytes.prefix(8)) == PNGImage.signature, "\(run.stderrText.suffix(400))")
    let image = try PNGImage(bytes)
    #expect(image.width == 1280)
    #expect(image.height == 2000)
    let colours = image.colours()
    // Text, bars in seven colours, anti-aliasing: hundreds of colours; a blank page has one.
    #expect(colours.count > 50, "only \(colours.count) colours")
    // The page is white behind its text.
    #expect(Array(image.pixels.prefix(3)) == [255, 255, 255])
  }
}
