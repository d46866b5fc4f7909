//! Workbook import on any bytes (a ZIP of any parts, a sheet of any XML).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = server::admin::xlsx::first_sheet(bytes);
});
