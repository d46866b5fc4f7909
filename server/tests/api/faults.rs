//! A server started with a bad setting, or with its database down, stops at once with one line
//! saying what is wrong and a non-zero exit: never a panic, never a half-started portal.

use std::process::Command;

fn serve(envs: &[(&str, &str)]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("serve")
        .env_clear()
        .env("BIND_ADDR", "127.0.0.1:0")
        .envs(envs.iter().copied())
        .output()
        .expect("the server binary runs");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn bad_settings_and_a_database_down_at_start_stop_the_server_with_one_clear_line() {
    let dir = std::env::temp_dir().join(format!("fai-faults-{}", std::process::id()));
    let data = dir.display().to_string();
    let sqlite = format!("sqlite://{data}/fai.db?mode=rwc");
    let cases: [(&[(&str, &str)], &str); 8] = [
        (&[("DATABASE_URL", "mysql://db.example/fai")], "unsupported DATABASE_URL scheme"),
        (&[("BIND_ADDR", "nowhere")], "BIND_ADDR"),
        (&[("SMS_SENDER", "http"), ("SMS_GATEWAY_URL", "https://sms.example/send")], "SMS_GATEWAY_SECRET"),
        (&[("SMS_SENDER", "http"), ("SMS_GATEWAY_URL", "sms.example"), ("SMS_GATEWAY_SECRET", "s")], "SMS_GATEWAY_URL"),
        (&[("DATA_DIR", "/proc/no-such-place")], "data directory"),
        (
            &[("DATA_DIR", &data), ("DATABASE_URL", "postgres://nobody@127.0.0.1:1/fai")],
            "the database cannot be reached",
        ),
        (&[("DATA_DIR", &data), ("DATABASE_URL", &sqlite), ("STORAGE_URL", "ftp://files.example")], "STORAGE_URL"),
        (&[("PUBLIC_URL", "fai.example")], "PUBLIC_URL"),
    ];
    for (envs, says) in cases {
        let (code, stderr) = serve(envs);
        assert_eq!(code, Some(1), "{envs:?}: {stderr}");
        assert!(stderr.contains(says), "{envs:?} should say {says:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{envs:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{envs:?}: one line, not {stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
