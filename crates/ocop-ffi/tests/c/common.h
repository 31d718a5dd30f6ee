/*
 * Helpers shared by the C tests: checks that fail loudly (with or without NDEBUG), files, and
 * the description of a failed call.
 */
#ifndef OCOP_TEST_COMMON_H
#define OCOP_TEST_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ocop.h"

/* Stops the test with the failed condition and its place. */
#define CHECK(condition)                                                                 \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);      \
      exit(1);                                                                           \
    }                                                                                    \
  } while (0)

/* Stops the test unless a call returned `expected`, printing the error object when it has one. */
#define CHECK_STATUS(status, expected, error)                                            \
  do {                                                                                   \
    ocop_status check_status_ = (status);                                                \
    if (check_status_ != (ocop_status)(expected)) {                                      \
      fprintf(stderr, "%s:%d: status %u, expected %u (%s): %s\n", __FILE__, __LINE__,    \
              (unsigned)check_status_, (unsigned)(expected), #expected,                  \
              (error) != NULL ? ocop_error_message(error) : "no error object");          \
      exit(1);                                                                           \
    }                                                                                    \
  } while (0)

/* A path in a folder, allocated with malloc. */
static inline char *path_in(const char *folder, const char *name) {
  size_t length = strlen(folder) + 1 + strlen(name) + 1;
  char *path = malloc(length);
  CHECK(path != NULL);
  snprintf(path, length, "%s/%s", folder, name);
  return path;
}

/* The contents of a file, allocated with malloc and NUL-terminated; its length in *len. */
static inline char *read_file(const char *path, size_t *len) {
  FILE *file = fopen(path, "rb");
  char *text;
  long size;
  if (file == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(1);
  }
  CHECK(fseek(file, 0, SEEK_END) == 0);
  size = ftell(file);
  CHECK(size >= 0);
  CHECK(fseek(file, 0, SEEK_SET) == 0);
  text = malloc((size_t)size + 1);
  CHECK(text != NULL);
  CHECK(fread(text, 1, (size_t)size, file) == (size_t)size);
  text[size] = '\0';
  fclose(file);
  *len = (size_t)size;
  return text;
}

/* The contents of a file in a folder (see read_file). */
static inline char *read_file_in(const char *folder, const char *name, size_t *len) {
  char *path = path_in(folder, name);
  char *text = read_file(path, len);
  free(path);
  return text;
}

/* Stops the test unless a string returned with its length equals a file's contents. */
static inline void check_same_as_file(const char *text, size_t len, const char *folder,
                                      const char *name) {
  size_t expected_len;
  char *expected = read_file_in(folder, name, &expected_len);
  CHECK(text != NULL);
  CHECK(strlen(text) == len);
  if (len != expected_len || memcmp(text, expected, len) != 0) {
    fprintf(stderr, "the library's document differs from %s:\n--- library\n%s\n--- expected\n%s\n",
            name, text, expected);
    exit(1);
  }
  free(expected);
}

#endif /* OCOP_TEST_COMMON_H */
