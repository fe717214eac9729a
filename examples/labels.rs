//! Developer aid: show how the label splitter reads a metadata line. `cargo run --example labels -- LINE`
fn main() {
    let line = std::env::args().nth(1).unwrap_or_default();
    for pair in sitelift::extract::labels::split_labels(&line) {
        println!("{:?} {:?} {:?}", pair.kind, pair.label, pair.value);
    }
}
