#!/usr/bin/env python3
"""Scores a council member's sheet through libocop with ctypes, as `ocop score FILE --format json`.

Usage: score.py [--library PATH] [--partial] [--english] SHEET

Prints the result document and exits with 0. For a sheet that is not valid, prints the error
document (every problem with its path, line, column and message) and exits with 1; for any other
failure, prints the message on standard error and exits with 2: the exit status of the command.

The library is found with --library, else $OCOP_LIBRARY, else the system's library path
(libocop.so.0, as crates/ocop-ffi/install.sh installs it). Run by tests/c_clients.rs.
"""

import argparse
import ctypes
import ctypes.util
import os
import sys

# From include/ocop.h, of this version: the library must be of the same one.
OCOP_VERSION = "0.1.0"
OCOP_STATUS_OK = 0
OCOP_STATUS_INVALID_INPUT = 200
OCOP_OPTION_PARTIAL = 1 << 0
OCOP_OPTION_ENGLISH = 1 << 1


class OcopError(Exception):
    """A failed call: its status and message."""

    def __init__(self, status, message):
        super().__init__(f"{message} (status {status})")
        self.status = status


class Library:
    """The functions of libocop this example uses, with their C signatures."""

    def __init__(self, path):
        lib = ctypes.CDLL(path)
        engine_p = ctypes.c_void_p
        error_p = ctypes.c_void_p
        size_p = ctypes.POINTER(ctypes.c_size_t)
        string_p = ctypes.POINTER(ctypes.c_char)

        lib.ocop_version.restype = ctypes.c_char_p
        lib.ocop_version.argtypes = []
        lib.ocop_engine_new_bundled.restype = ctypes.c_uint32
        lib.ocop_engine_new_bundled.argtypes = [ctypes.POINTER(engine_p), ctypes.POINTER(error_p)]
        lib.ocop_engine_free.restype = None
        lib.ocop_engine_free.argtypes = [engine_p]
        lib.ocop_engine_score_sheet.restype = ctypes.c_uint32
        lib.ocop_engine_score_sheet.argtypes = [
            engine_p,
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint32,
            ctypes.POINTER(string_p),
            size_p,
            ctypes.POINTER(error_p),
        ]
        lib.ocop_string_free.restype = None
        lib.ocop_string_free.argtypes = [string_p]
        lib.ocop_error_message.restype = ctypes.c_char_p
        lib.ocop_error_message.argtypes = [error_p]
        lib.ocop_error_document.restype = string_p
        lib.ocop_error_document.argtypes = [error_p, size_p]
        lib.ocop_error_free.restype = None
        lib.ocop_error_free.argtypes = [error_p]
        self.lib = lib

    def version(self):
        """The library's version, to compare with OCOP_VERSION."""
        return self.lib.ocop_version().decode()

    def error(self, status, error):
        """Raises the failure of a call, releasing its error object."""
        try:
            message = self.lib.ocop_error_message(error)
            raise OcopError(status, message.decode() if message else "no message")
        finally:
            self.lib.ocop_error_free(error)


class Engine:
    """An engine with the bundled rubrics; one engine may serve every thread."""

    def __init__(self, library):
        self.library = library
        self.handle = ctypes.c_void_p()
        error = ctypes.c_void_p()
        status = library.lib.ocop_engine_new_bundled(ctypes.byref(self.handle), ctypes.byref(error))
        if status != OCOP_STATUS_OK:
            library.error(status, error)

    def close(self):
        self.library.lib.ocop_engine_free(self.handle)
        self.handle = ctypes.c_void_p()

    def score_sheet(self, sheet, options=0):
        """The result document (bytes), or (False, error document) for an invalid sheet."""
        lib = self.library.lib
        result = ctypes.POINTER(ctypes.c_char)()
        length = ctypes.c_size_t()
        error = ctypes.c_void_p()
        status = lib.ocop_engine_score_sheet(
            self.handle, sheet, len(sheet), options,
            ctypes.byref(result), ctypes.byref(length), ctypes.byref(error),
        )
        if status == OCOP_STATUS_OK:
            try:
                return True, ctypes.string_at(result, length.value)
            finally:
                lib.ocop_string_free(result)
        if status == OCOP_STATUS_INVALID_INPUT:
            try:
                document = lib.ocop_error_document(error, ctypes.byref(length))
                return False, ctypes.string_at(document, length.value)
            finally:
                lib.ocop_error_free(error)
        self.library.error(status, error)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sheet", help="the member's sheet (JSON)")
    parser.add_argument("--library", default=os.environ.get("OCOP_LIBRARY"))
    parser.add_argument("--partial", action="store_true", help="score an unfinished sheet")
    parser.add_argument("--english", action="store_true", help="problem messages in English")
    args = parser.parse_args()

    path = args.library or ctypes.util.find_library("ocop")
    if path is None:
        print("score.py: libocop not found: give --library or $OCOP_LIBRARY", file=sys.stderr)
        return 2
    library = Library(path)
    # The constants and signatures above and the library must be of the same version.
    version = library.version()
    if version != OCOP_VERSION:
        print(f"score.py: libocop is {version}, score.py is {OCOP_VERSION}", file=sys.stderr)
        return 2
    with open(args.sheet, "rb") as file:
        sheet = file.read()
    options = (OCOP_OPTION_PARTIAL if args.partial else 0) | (
        OCOP_OPTION_ENGLISH if args.english else 0
    )
    try:
        engine = Engine(library)
        try:
            valid, document = engine.score_sheet(sheet, options)
        finally:
            engine.close()
    except OcopError as error:
        print(f"score.py: {error}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(document)
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
