//! Prints the parse of a file as JSON (serde's view of the domain types),
//! for looking at the parser's output while working on it.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let bytes = std::fs::read(&path).expect("read");
    match baocao_parser::parse(&bytes, &Default::default()) {
        Ok(r) => println!("{}", serde_json::to_string_pretty(&r).expect("json")),
        Err(e) => eprintln!("error: {e}"),
    }
}
