//! Upload inspection on any bytes: PDF, Office, PNG, JPEG and WebP judged without panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = server::files::inspect::inspect(bytes);
});
