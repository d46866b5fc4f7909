//! The workbench, built to wasm by trunk (`desk/index.html`).

fn main() {
    #[cfg(all(feature = "csr", feature = "workbench"))]
    app::workbench::mount();
}
