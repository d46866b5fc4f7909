//! The residents' app, built to wasm by trunk (`index.html`).

fn main() {
    #[cfg(feature = "csr")]
    app::resident::mount();
}
