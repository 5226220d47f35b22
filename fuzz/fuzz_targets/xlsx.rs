//! Workbook bytes: `table::read_xlsx`, then `check_table` with the default options.
//! Invariants: no panic, no allocation past the RSS limit (a memory bomb is a crash); the read
//! dataset survives a write/re-read.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xianjie::table::{self, ReadOptions};

fuzz_target!(|data: &[u8]| {
    match table::read_xlsx(data, &ReadOptions::default()) {
        Ok(read) => {
            xianjie_fuzz::assert_roundtrip(&read.dataset);
            let report = table::check_table(&read, &xianjie::Options::default())
                .expect("default options must resolve");
            xianjie_fuzz::render(&report);
        }
        Err(e) => assert!(!e.errors.is_empty(), "an InputError without issues"),
    }
});
