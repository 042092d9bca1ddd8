// The files of lessons/ carried inside the executable (builtin_lessons.c, generated/files.inc
// from generate.sh). Why C: an assembler `.incbin` puts a file's bytes in .rodata at no
// compile cost, where a Swift array literal of the same bytes takes minutes to type-check.
#pragma once

#include <stddef.h>

/// One carried file: its path relative to lessons/ ("python/sources.json") and its bytes,
/// from `start` up to (not including) `end`.
typedef struct {
  const char *_Nonnull path;
  const unsigned char *_Nonnull start;
  const unsigned char *_Nonnull end;
} pl_builtin_file;

/// How many files the executable carries (0 when it was built without generate.sh).
size_t pl_builtin_file_count(void);

/// The file at `index` (< pl_builtin_file_count()), in byte order of their paths.
const pl_builtin_file *_Nonnull pl_builtin_file_at(size_t index);

/// memfd_create(name, MFD_CLOEXEC): an anonymous file in memory. Why a shim: it needs
/// _GNU_SOURCE, which Swift's Glibc module does not define.
int pl_builtin_memfd(const char *_Nonnull name);
