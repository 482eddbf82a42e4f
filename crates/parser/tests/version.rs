//! `PARSER_VERSION` changes whenever the parser's rules or the catalog do,
//! so that `baocao reparse` reads again what an earlier build stored.

#[path = "../rules_fingerprint.rs"]
mod rules_fingerprint;

use std::path::{Path, PathBuf};

use baocao_parser::PARSER_VERSION;
use rules_fingerprint::{RULE_DIRS, fingerprint};

#[test]
fn the_version_names_the_sources_it_was_built_from() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let now = fingerprint(root, &RULE_DIRS).expect("sources readable");
    assert_eq!(
        PARSER_VERSION,
        format!("baocao-parser/{}+{now}", env!("CARGO_PKG_VERSION"))
    );
    // The domain crate's sources are part of it: the catalog decides
    // which indicator a figure belongs to.
    let parser_only = fingerprint(root, &RULE_DIRS[..1]).expect("sources readable");
    assert_ne!(now, parser_only);
}

/// A scratch tree laid out like the workspace: `parser/src` and
/// `domain/src`, removed when dropped.
struct Tree(PathBuf);

impl Tree {
    fn new(name: &str) -> Tree {
        let dir = std::env::temp_dir().join(format!("baocao-rules-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("parser/src/obs")).unwrap();
        std::fs::create_dir_all(dir.join("domain/src")).unwrap();
        Tree(dir)
    }
    fn write(&self, path: &str, text: &str) {
        std::fs::write(self.0.join(path), text).unwrap();
    }
    fn print(&self) -> String {
        fingerprint(&self.0.join("parser"), &RULE_DIRS).unwrap()
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn any_change_to_a_rule_or_the_catalog_changes_the_fingerprint() {
    let tree = Tree::new("change");
    tree.write("parser/src/lib.rs", "pub fn parse() {}\n");
    tree.write("parser/src/obs/engine.rs", "// \"tăng 5%\"\n");
    tree.write("domain/src/catalog.rs", "const A: &str = \"chỉ số\";\n");
    let first = tree.print();
    assert_eq!(first.len(), 16);
    assert!(first.bytes().all(|b| b.is_ascii_hexdigit()));
    // The same sources give the same print.
    assert_eq!(tree.print(), first);

    tree.write("domain/src/catalog.rs", "const A: &str = \"chỉ số \";\n");
    let catalog_changed = tree.print();
    assert_ne!(catalog_changed, first);

    tree.write("parser/src/obs/engine.rs", "// \"tăng 6%\"\n");
    let rule_changed = tree.print();
    assert_ne!(rule_changed, catalog_changed);

    // A file moved, with the same bytes, is another source.
    std::fs::rename(
        tree.0.join("parser/src/obs/engine.rs"),
        tree.0.join("parser/src/engine.rs"),
    )
    .unwrap();
    assert_ne!(tree.print(), rule_changed);

    // A new file counts too.
    let before = tree.print();
    tree.write("parser/src/vocabulary.txt", "sản lượng\n");
    assert_ne!(tree.print(), before);
}

#[test]
fn a_missing_neighbour_directory_adds_nothing() {
    let tree = Tree::new("missing");
    tree.write("parser/src/lib.rs", "pub fn parse() {}\n");
    let with_empty_domain = tree.print();
    std::fs::remove_dir_all(tree.0.join("domain")).unwrap();
    assert_eq!(tree.print(), with_empty_domain);
}
