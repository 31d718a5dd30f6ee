//! Names the shared library like a system library: its soname carries the ABI version
//! (`libocop.so.0`), which changes only when a function, status number or option bit changes
//! meaning or goes away; additions keep it. `install.sh` installs it under that name.

/// The ABI version, the soname's number.
const ABI_VERSION: u32 = 0;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libocop.so.{ABI_VERSION}");
    }
}
