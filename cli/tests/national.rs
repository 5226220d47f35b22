#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
//! `xianjie sample national`: the Parquet files hold exactly the generator's batches (types,
//! dictionaries, time zones and values survive the round trip); bad arguments are refused.

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::process::Command;

fn xianjie(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(args)
        .output()
        .expect("run xianjie")
}

#[test]
fn parquet_files_hold_the_generated_batches() {
    let dir = std::env::temp_dir().join(format!("xianjie-national-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = xianjie(&[
        "sample",
        "national",
        "--scale",
        "0.001",
        "--seed",
        "3",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("students.parquet"), "{text}");
    assert!(text.contains("5000"), "{text}");
    let expected = xianjie::sample::national::national(0.001, 3).unwrap();
    assert_eq!(expected.len(), 8);
    for (kind, batch) in expected {
        let path = dir.join(format!("{}.parquet", kind.as_str()));
        let file = std::fs::File::open(&path).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .with_batch_size(1 << 20)
            .build()
            .unwrap();
        let read: Vec<_> = reader.collect::<Result<_, _>>().unwrap();
        let back = arrow_select_concat(&read);
        assert_eq!(back.schema(), batch.schema(), "{}", kind.as_str());
        assert_eq!(back, batch, "{}", kind.as_str());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The batches of one file as one (one row group and one batch at this size).
fn arrow_select_concat(batches: &[arrow_array::RecordBatch]) -> arrow_array::RecordBatch {
    assert_eq!(batches.len(), 1, "one batch expected at this size");
    batches[0].clone()
}

#[test]
fn bad_arguments_are_refused() {
    let out = xianjie(&["sample", "national", "--scale", "0.001"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
    let dir = std::env::temp_dir().join("xianjie-national-never");
    for scale in ["0", "-1", "NaN", "11"] {
        let out = xianjie(&[
            "sample",
            "national",
            &format!("--scale={scale}"),
            "--out",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "--scale {scale}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--scale"),
            "--scale {scale}"
        );
    }
    assert!(!dir.exists());
}

/// JSON Lines written to a file (by the writing thread, blocks queued) are the lines printed on
/// stdout, in order, over many blocks and with rendering threads; a file that cannot take them
/// (a full disk) is an error naming it, never a silent loss.
#[test]
fn json_lines_to_a_file_are_what_stdout_shows() {
    let dir = std::env::temp_dir().join(format!("xianjie-national-jsonl-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.join("data");
    let out = xianjie(&[
        "sample",
        "national",
        "--scale",
        "0.05",
        "--out",
        data.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            data.to_str().unwrap(),
            "--year",
            "2024",
            "--format",
            "jsonl",
            // The generated records name no division: only named packs judge them.
            "--pack",
            "bj-3p2-2024",
            "--pack",
            "qz-pilot-2024",
        ];
        args.extend(extra);
        xianjie(&args)
    };
    let shown = check(&[]);
    assert_eq!(shown.status.code(), Some(1));
    let lines = String::from_utf8(shown.stdout).unwrap();
    // More than three blocks of 4,096 lines: several wait in the writing thread's queue.
    assert!(
        lines.lines().count() > 3 * 4096,
        "{}",
        lines.lines().count()
    );
    for threads in ["1", "2"] {
        let file = dir.join(format!("findings-{threads}.jsonl"));
        let out = check(&["--threads", threads, "--out", file.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            lines,
            "--threads {threads}"
        );
    }
    if std::path::Path::new("/dev/full").exists() {
        let out = check(&["--out", "/dev/full"]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("full") && err.contains("cannot write"),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
