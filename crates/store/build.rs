//! Rebuilds the crate when a migration is added: `sqlx::migrate!` embeds
//! the files it finds, and only changes to those files are tracked.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
