//! The workbench, built to wasm by trunk (`desk/index.html`).

fn main() {
    #[cfg(feature = "csr")]
    app::workbench::mount();
}
