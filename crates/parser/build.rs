//! Puts a fingerprint of the parser's rules into `PARSER_VERSION`; see
//! `rules_fingerprint.rs`.

#[path = "rules_fingerprint.rs"]
mod rules_fingerprint;

fn main() {
    let root = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    for dir in rules_fingerprint::RULE_DIRS {
        // Cargo scans a directory given here for any change in it.
        println!("cargo::rerun-if-changed={dir}");
    }
    println!("cargo::rerun-if-changed=rules_fingerprint.rs");
    let print = rules_fingerprint::fingerprint(&root, &rules_fingerprint::RULE_DIRS)
        .expect("reading the parser's sources to fingerprint them");
    println!("cargo::rustc-env=BAOCAO_PARSER_RULES={print}");
}
