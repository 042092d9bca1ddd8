# ProcLab — two commands set everything up: `make run` and `make test`.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
# Release builds for students; debug builds for tests.
RELEASE_BIN = .build/release/proclab
DEBUG_BIN = .build/debug/proclab
# Release builds are one static executable: the Swift runtime, Foundation, libedit and glibc
# linked in. It starts faster, and fork() is cheaper from a process with a dozen mappings than
# from one with seventy (shared libraries, their relocations). lld ships with the toolchain and
# needs no library order. libedit-dev brings the static libedit, libtinfo, libbsd and libmd.
STATIC_LIBS = $(addprefix -Xlinker ,$(shell pkg-config --static --libs-only-l libedit libbsd 2>/dev/null))
RELEASE_FLAGS = --static-swift-stdlib -Xswiftc -static-executable -Xswiftc -use-ld=lld $(STATIC_LIBS)
# If the static link is impossible here, the shared C libraries with the Swift runtime linked in.
FALLBACK_FLAGS = --static-swift-stdlib -Xswiftc -use-ld=lld
export RELEASE_FLAGS
SOURCES := $(shell find Sources -name '*.swift' -o -name '*.c' -o -name '*.h' -o -name '*.modulemap' 2>/dev/null) Package.swift $(shell find lessons -type f 2>/dev/null)
# The executable carries every file of lessons/ (Sources/CBuiltinLessons): this lists them
# for the C target before each build; the list changes only when a file does.
BUILTIN_LESSONS = bash Sources/CBuiltinLessons/generate.sh

.PHONY: builtin-lessons run test test-release soak lint format build release install uninstall deps bench bench-quick clean fuzz sanitize help

help:
	@echo "make run      build (release) and start the ProcLab REPL"
	@echo "make test     lint, build and run every test"
	@echo "make test-release  every test again, run against the release binary"
	@echo "make soak     the SIGKILL loops, 200 iterations each (SOAK_ITERATIONS)"
	@echo "make install  install proclab and its lessons under PREFIX ($(PREFIX))"
	@echo "make bench    compare ProcLab's figures with reference programs"
	@echo "make lint     check formatting (swift format lint --strict)"
	@echo "make fuzz     fuzz the lesson and answer parsers (FUZZ_SECONDS=600)"
	@echo "make sanitize every test under TSan, then ASan"

# libedit's headers are the one system dependency. Install them when missing (as root), or say
# exactly what to run.
deps:
	@if ! pkg-config --exists libedit 2>/dev/null || [ ! -f /usr/include/histedit.h ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing libedit-dev (ProcLab's line editor)…"; \
	    (apt-get install -y -q libedit-dev pkg-config >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q libedit-dev pkg-config >/dev/null)) || \
	     { echo "Could not install libedit-dev; run: apt-get update && apt-get install -y libedit-dev pkg-config"; exit 1; }; \
	  else \
	    echo "ProcLab needs libedit's headers. Run this, then make again:"; \
	    echo "    sudo apt-get install -y libedit-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

builtin-lessons:
	@$(BUILTIN_LESSONS)

$(RELEASE_BIN): $(SOURCES) | deps
	@$(BUILTIN_LESSONS)
	@$(SWIFT) build -c release --product proclab $(RELEASE_FLAGS) || { \
	  echo "The static link failed (above); building against the shared C libraries instead."; \
	  $(SWIFT) build -c release --product proclab $(FALLBACK_FLAGS); }

release: deps $(RELEASE_BIN)

run: deps release
	@$(RELEASE_BIN) $(ARGS)

build: deps builtin-lessons
	$(SWIFT) build --build-tests

# swift-format is the toolchain's (nothing is built for it); --parallel checks files on every
# core (about 17 s of CPU for the whole tree, one core's worth of wall-clock time without it).
lint:
	$(SWIFT) format lint --strict --parallel --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --parallel --recursive Package.swift Sources Tests

# The tests run in a few test processes at once (.ci/test-shards says why that is safe);
# SHARDS=1 runs them in one.
test: deps lint builtin-lessons
	$(SWIFT) build --build-tests
	$(DEBUG_BIN) lint
	SWIFT="$(SWIFT)" bash .ci/test-shards

# Every test again, with the release binary (static, its read-only data remapped) as the
# program the end-to-end and demo tests run.
test-release: deps release builtin-lessons
	$(SWIFT) build --build-tests
	PROCLAB_BIN=$(CURDIR)/$(RELEASE_BIN) SWIFT="$(SWIFT)" bash .ci/test-shards

# The SIGKILL loops (the REPL or the demo runner killed at random moments; nothing may be left)
# with SOAK_ITERATIONS iterations each instead of make test's 30. As root, they run again with
# /dev/mqueue mounted, in a private mount namespace (unshare -m), so that no other program on
# the machine sees the mount; it ends with the namespace.
SOAK_ITERATIONS ?= 200
SOAK_TESTS = KillLoopTests|CatalogKillLoopTests|LeftoverTests
soak: deps builtin-lessons
	$(SWIFT) build --build-tests
	PROCLAB_KILL_ITERATIONS=$(SOAK_ITERATIONS) $(SWIFT) test --skip-build --no-parallel --filter '$(SOAK_TESTS)'
	@if [ "$$(id -u)" = 0 ] && command -v unshare >/dev/null && ! mountpoint -q /dev/mqueue; then \
	  made=; [ -d /dev/mqueue ] || { mkdir /dev/mqueue && made=1; }; \
	  echo "== again with /dev/mqueue mounted (a private mount namespace)"; \
	  unshare -m sh -c 'mount -t mqueue none /dev/mqueue && PROCLAB_KILL_ITERATIONS=$(SOAK_ITERATIONS) $(SWIFT) test --skip-build --no-parallel --filter "$(SOAK_TESTS)"'; \
	  status=$$?; if [ -n "$$made" ]; then rmdir /dev/mqueue; fi; exit $$status; \
	fi

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/proclab/lessons
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/proclab
	cp -R lessons/. $(DESTDIR)$(PREFIX)/share/proclab/lessons/
	@echo "Installed: $(DESTDIR)$(PREFIX)/bin/proclab (lessons in $(PREFIX)/share/proclab/lessons)"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/proclab
	rm -rf $(DESTDIR)$(PREFIX)/share/proclab

# QUICK=1: the short run (under a minute); results in bench/results/latest.json.
bench: deps release
	@QUICK="$(QUICK)" bash bench/run.sh

bench-quick:
	@$(MAKE) bench QUICK=1

# libFuzzer on the lesson parser and the quiz-answer/check-rule parsers (Fuzz/run.sh), seeded
# from lessons/*.md. FUZZ_SECONDS is the total time, split between the two fuzzers. Builds into
# .build-fuzz and fuzz-out/; findings are kept in Tests/LessonsTests/Fuzz/crashes/, which
# `make test` replays.
FUZZ_SECONDS ?= 600
fuzz: deps builtin-lessons
	FUZZ_SECONDS="$(FUZZ_SECONDS)" SWIFT="$(SWIFT)" bash Fuzz/run.sh

# Every test under ThreadSanitizer, then under AddressSanitizer, each in its own scratch path
# (.build-tsan, .build-asan); the proclab the tests spawn is the sanitized one (PROCLAB_BIN).
# Sanitizer reports, also those of spawned processes, go to <scratch>/sanitizer-reports/ and are
# printed at the end; any report fails the target. Known false positives and the lessons'
# deliberate races are listed, with reasons, in sanitizers/*.supp. SANITIZE_SKIP: a regex
# of tests to leave out (swift test --skip); SANITIZERS: a subset of "thread address". ASan links
# with lld: gold warns about every ASan check symbol.
SANITIZERS ?= thread address
sanitize: deps builtin-lessons
	@status=0; for s in $(SANITIZERS); do \
	  case $$s in thread) scratch=.build-tsan; link= ;; \
	    address) scratch=.build-asan; link="-Xswiftc -use-ld=lld" ;; \
	    *) echo "unknown sanitizer $$s"; exit 2 ;; esac; \
	  reports="$(CURDIR)/$$scratch/sanitizer-reports"; rm -rf "$$reports"; mkdir -p "$$reports"; \
	  echo "== swift test --sanitize=$$s (scratch path $$scratch)"; \
	  $(SWIFT) build --build-tests --sanitize=$$s --scratch-path $$scratch $$link || { status=1; continue; }; \
	  PROCLAB_BIN="$(CURDIR)/$$scratch/debug/proclab" \
	  TSAN_OPTIONS="suppressions=$(CURDIR)/sanitizers/tsan.supp log_path=$$reports/tsan $$TSAN_OPTIONS" \
	  ASAN_OPTIONS="log_path=$$reports/asan $$ASAN_OPTIONS" \
	  LSAN_OPTIONS="suppressions=$(CURDIR)/sanitizers/lsan.supp print_suppressions=0 $$LSAN_OPTIONS" \
	    $(SWIFT) test --skip-build --no-parallel --sanitize=$$s --scratch-path $$scratch $$link \
	    $(if $(SANITIZE_SKIP),--skip '$(SANITIZE_SKIP)') || status=1; \
	  found=$$(grep -l -E '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer)' "$$reports"/* 2>/dev/null); \
	  if [ -n "$$found" ]; then \
	    echo "== $$s sanitizer: $$(echo "$$found" | wc -l) process(es) reported, in $$reports:"; \
	    cat $$found; status=1; \
	  else echo "== $$s sanitizer: no reports"; fi; \
	done; exit $$status

clean:
	rm -rf .build .build-*
