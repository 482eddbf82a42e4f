//! Compiles `proto/baocao/v1/*.proto` with the pure-Rust `protox` (no system
//! `protoc`), generates messages, clients and servers with
//! `tonic-prost-build`, and writes the encoded `FileDescriptorSet` (imports
//! and comments included) for gRPC reflection and proto3 JSON.

use std::error::Error;
use std::path::{Path, PathBuf};

/// The descriptor set's file name in `OUT_DIR`; `src/lib.rs` embeds it.
const DESCRIPTOR_FILE: &str = "baocao_v1_descriptor.bin";

fn main() -> Result<(), Box<dyn Error>> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let proto_root = manifest_dir.join("../../proto");
    let package_dir = proto_root.join("baocao/v1");

    let protos = proto_files(&package_dir)?;
    if protos.is_empty() {
        return Err(format!("no .proto files in {}", package_dir.display()).into());
    }
    println!("cargo:rerun-if-changed={}", package_dir.display());
    for proto in &protos {
        println!("cargo:rerun-if-changed={}", proto.display());
    }

    let mut compiler = protox::Compiler::new([&proto_root])?;
    compiler
        .include_imports(true)
        .include_source_info(true)
        .open_files(&protos)
        .map_err(|e| format!("compiling {}: {e:?}", package_dir.display()))?;
    std::fs::write(
        out_dir.join(DESCRIPTOR_FILE),
        compiler.encode_file_descriptor_set(),
    )?;

    // `prost::Name` impls give every message its full name
    // ("baocao.v1.Report"), which the JSON helpers look descriptors up by.
    let mut config = tonic_prost_build::Config::new();
    config.enable_type_names();
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .emit_rerun_if_changed(false)
        .compile_fds_with_config(compiler.file_descriptor_set(), config)?;
    Ok(())
}

/// The `.proto` files directly in `dir`, sorted so the output is
/// reproducible.
fn proto_files(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "proto") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
