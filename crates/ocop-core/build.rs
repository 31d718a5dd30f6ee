//! Bundles every rubric file under the workspace's `rubrics/` folder into the library, so that
//! the engine scores with no files on disk. The files are embedded as text and parsed lazily.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").ok_or_else(missing_env)?);
    let rubrics = manifest.join("../../rubrics");
    println!("cargo::rerun-if-changed={}", rubrics.display());
    let mut files = Vec::new();
    collect_json(&rubrics, &mut files)?;
    files.sort();

    let mut table = String::from(
        "/// Every bundled rubric file: path relative to `rubrics/`, and its text.\n\
         pub(super) static FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let relative = file
            .strip_prefix(&rubrics)
            .map_err(io::Error::other)?
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let absolute = fs::canonicalize(file)?;
        writeln!(
            table,
            "    ({relative:?}, include_str!({:?})),",
            absolute.display()
        )
        .map_err(io::Error::other)?;
    }
    table.push_str("];\n");
    let out = PathBuf::from(env::var_os("OUT_DIR").ok_or_else(missing_env)?);
    fs::write(out.join("bundled_rubrics.rs"), table)
}

fn collect_json(folder: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        // `rubrics/sources/` holds the converter's input, not rubric data: never bundled.
        if path.file_name().is_some_and(|name| name == "sources") {
            continue;
        }
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            collect_json(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            files.push(path);
        }
    }
    Ok(())
}

fn missing_env() -> io::Error {
    io::Error::other("cargo did not set the build environment")
}
