// A fingerprint of the sources that decide what the parser reads from a
// report: this crate's `src` and the domain crate's `src` (the indicator
// catalog and its aliases). The build script puts it into
// `PARSER_VERSION`, so a build whose rules differ in any byte reports a
// different version, and `baocao reparse` reads again the reports an
// earlier build stored. A test checks it against the sources as they are.
//
// FNV-1a (64 bits) over each file's path relative to its `src`, with '/'
// separators, and its bytes, in the order of the sorted paths: no
// dependency, and the same answer on every platform and checkout place.

use std::path::{Path, PathBuf};

/// The directories whose files are fingerprinted, relative to the parser
/// crate's manifest directory.
pub const RULE_DIRS: [&str; 2] = ["src", "../domain/src"];

/// The fingerprint of the files under `dirs` (each relative to `root`),
/// as 16 lowercase hex digits. A directory that does not exist adds
/// nothing, so that the crate still builds without its neighbour.
pub fn fingerprint(root: &Path, dirs: &[&str]) -> std::io::Result<String> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for dir in dirs {
        let base = root.join(dir);
        if !base.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        walk(&base, &mut files)?;
        let mut named: Vec<(String, PathBuf)> = files
            .into_iter()
            .map(|p| {
                let rel = p.strip_prefix(&base).unwrap_or(&p);
                let name = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                (format!("{dir}/{name}"), p)
            })
            .collect();
        named.sort();
        for (name, path) in named {
            eat(name.as_bytes());
            eat(&[0]);
            eat(&std::fs::read(&path)?);
            eat(&[0]);
        }
    }
    Ok(format!("{hash:016x}"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
