/*
 * The header compiles on its own, twice in one translation unit, as C99 and as C++, with every
 * warning an error. Compiled only: tests/c_clients.rs builds it with gcc and with g++.
 */
#include "ocop.h"
#include "ocop.h"

/* Every type and constant is usable; nothing here is called. */
int ocop_header_compiles(const ocop_engine *engine, ocop_error *error);

int ocop_header_compiles(const ocop_engine *engine, ocop_error *error) {
  ocop_status status = OCOP_STATUS_OK;
  uint32_t options = OCOP_OPTION_PARTIAL | OCOP_OPTION_ENGLISH;
  size_t length = 0;
  (void)engine;
  (void)error;
  (void)length;
  return (int)status + (int)options + OCOP_VERSION_MAJOR + OCOP_VERSION_MINOR +
         OCOP_VERSION_PATCH + (int)sizeof OCOP_VERSION;
}
