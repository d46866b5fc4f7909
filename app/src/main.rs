//! The browser entry point that trunk builds to wasm.

fn main() {
    #[cfg(feature = "csr")]
    app::mount();
}
