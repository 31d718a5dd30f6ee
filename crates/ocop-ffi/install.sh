#!/bin/sh
# Builds libocop and installs it under a prefix, as a system library is installed:
#
#   PREFIX/lib/libocop.so.VERSION   the shared library, soname libocop.so.0 (the ABI version)
#   PREFIX/lib/libocop.so.0         -> libocop.so.VERSION, what programs load
#   PREFIX/lib/libocop.so           -> libocop.so.0, what `-locop` links
#   PREFIX/lib/libocop.a            the static library
#   PREFIX/include/ocop.h           the header
#   PREFIX/lib/pkgconfig/ocop.pc    for `pkg-config --cflags --libs ocop`
#
# Usage: crates/ocop-ffi/install.sh [--prefix DIR] [--destdir DIR] [--profile release|dev]
#   --prefix   where it is installed and found (default /usr/local)
#   --destdir  a staging root prepended to every path, for packagers (default none)
#   --profile  the cargo profile to build (default release)
# CARGO_TARGET_DIR is honoured. Seconds once the crate is built: no cargo-c needed.
set -eu

prefix=/usr/local
destdir=
profile=release
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --destdir) destdir=$2; shift 2 ;;
        --profile) profile=$2; shift 2 ;;
        *) echo "usage: $0 [--prefix DIR] [--destdir DIR] [--profile release|dev]" >&2; exit 2 ;;
    esac
done
case "$prefix" in
    /*) ;;
    *) echo "$0: --prefix must be an absolute path" >&2; exit 2 ;;
esac

crate=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$crate/../.." && pwd)
cargo build --quiet --locked --profile "$profile" -p ocop-ffi --manifest-path "$root/Cargo.toml"
case "$profile" in
    dev) built=debug ;;
    *) built=$profile ;;
esac
built=${CARGO_TARGET_DIR:-$root/target}/$built

version=$(sed -n 's/^#define OCOP_VERSION "\(.*\)"$/\1/p' "$crate/include/ocop.h")
abi=$(sed -n 's/^const ABI_VERSION: u32 = \([0-9]*\);$/\1/p' "$crate/build.rs")
lib=$destdir$prefix/lib
include=$destdir$prefix/include

install -d "$lib/pkgconfig" "$include"
install -m 755 "$built/libocop_ffi.so" "$lib/libocop.so.$version"
ln -sf "libocop.so.$version" "$lib/libocop.so.$abi"
ln -sf "libocop.so.$abi" "$lib/libocop.so"
install -m 644 "$built/libocop_ffi.a" "$lib/libocop.a"
install -m 644 "$crate/include/ocop.h" "$include/ocop.h"
sed -e "s|@prefix@|$prefix|" -e "s|@version@|$version|" "$crate/ocop.pc.in" >"$lib/pkgconfig/ocop.pc"
chmod 644 "$lib/pkgconfig/ocop.pc"
echo "libocop $version installed under $destdir$prefix"
