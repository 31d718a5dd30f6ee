//! Bundles every rubric file under the workspace's `rubrics/` folder into the library, so that
//! the engine scores with no files on disk. The files are embedded as text and parsed lazily;
//! the record of released data, `rubrics/fingerprints.csv`, becomes a table of constants.

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

    // A file is found by a `match` on its name, and the texts are only referenced from its
    // arms: finding one compares a few names instead of scanning a list, and touches neither the
    // other texts' pages nor a table of pointers the loader would relocate at every start (a
    // start-up cost that counts when a command scores one sheet).
    let mut names = String::new();
    let mut folders = Vec::new();
    let mut arms = String::new();
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let relative = file
            .strip_prefix(&rubrics)
            .map_err(io::Error::other)?
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if let Some(folder) = relative.strip_suffix("/rubric.json") {
            folders.push(folder.to_owned());
        }
        names.push_str(&relative);
        names.push('\n');
        let absolute = fs::canonicalize(file)?;
        writeln!(
            arms,
            "        {relative:?} => Some(include_str!({:?})),",
            absolute.display()
        )
        .map_err(io::Error::other)?;
    }
    let table = format!(
        "/// Every bundled rubric file's path relative to `rubrics/`, one per line, sorted.\n\
         #[cfg(test)]\n\
         pub(super) static NAMES: &str = {names:?};\n\
         /// Every bundled rubric folder (one holding `rubric.json`), sorted.\n\
         pub(super) static FOLDERS: &[&str] = &{folders:?};\n\
         /// The text of a bundled file, by its path relative to `rubrics/`.\n\
         pub(super) fn text(name: &str) -> Option<&'static str> {{\n    \
             match name {{\n{arms}        _ => None,\n    }}\n}}\n"
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").ok_or_else(missing_env)?);
    fs::write(out.join("bundled_rubrics.rs"), table)?;
    fs::write(
        out.join("released_files.rs"),
        released_table(&rubrics.join("fingerprints.csv"))?,
    )
}

/// `fingerprints.csv` as a static array of `ReleasedFile`: every start looks files up in it, and
/// a table of constants costs nothing to read and holds no memory (parsing the text did both).
fn released_table(csv: &Path) -> io::Result<String> {
    println!("cargo::rerun-if-changed={}", csv.display());
    let text = fs::read_to_string(csv)?;
    let mut table = String::from(
        "/// Every file of every released rubric revision with its fingerprint, as\n\
         /// `rubrics/fingerprints.csv` records it.\n\
         static RELEASED: &[ReleasedFile] = &[\n",
    );
    let rows = text.lines().enumerate().filter(|(_, line)| {
        !line.starts_with('#') && !line.starts_with("rubric,") && !line.trim().is_empty()
    });
    for (index, line) in rows {
        let malformed = || {
            io::Error::other(format!(
                "{}:{}: expected rubric,revision,file,fingerprint",
                csv.display(),
                index + 1
            ))
        };
        let fields: Vec<&str> = line.split(',').collect();
        let [rubric, revision, file, fingerprint] = fields[..] else {
            return Err(malformed());
        };
        let revision: u32 = revision.parse().map_err(|_| malformed())?;
        writeln!(
            table,
            "    ReleasedFile {{ rubric: {rubric:?}, revision: {revision}, file: {file:?}, \
             fingerprint: {fingerprint:?} }},"
        )
        .map_err(io::Error::other)?;
    }
    table.push_str("];\n");
    Ok(table)
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
