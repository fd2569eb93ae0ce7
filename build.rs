//! Rebuild when embedded files change or are added: templates, translations,
//! static files and migrations are compiled into the binary.
fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=config/default.toml");
    println!("cargo:rerun-if-changed=src/catalogue/data");
}
