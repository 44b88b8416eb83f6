//! Runs the built binary like systemd would: start, poll `tidings healthcheck`, stop with SIGTERM.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn binary_starts_reports_healthy_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = format!("127.0.0.1:{port}");
    let bin = env!("CARGO_BIN_EXE_tidings");
    let started = Instant::now();
    let mut child = Command::new(bin)
        .args(["serve", "--listen", &listen, "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // No --listen for the healthcheck: it finds the address the server recorded.
    let healthy = loop {
        let out = Command::new(bin).args(["healthcheck", "--data-dir"]).arg(dir.path()).output().unwrap();
        if out.status.success() {
            break Some(started.elapsed());
        }
        if started.elapsed() > Duration::from_secs(30) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let took = healthy.expect("server became healthy");
    eprintln!("cold start to healthy (debug build, incl. polling): {took:?}");
    // With the server gone, healthcheck fails.
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "server did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "exit status {exit:?}");
    assert!(!dir.path().join("control.sock").exists(), "control socket removed on stop");
    assert!(!dir.path().join("listening").exists(), "the recorded address removed on stop");
    let out = Command::new(bin)
        .args(["healthcheck", "--timeout", "2", "--data-dir"])
        .arg(dir.path())
        .env("TIDINGS_LISTEN", &listen)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let v = Command::new(bin).arg("version").output().unwrap();
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("tidings "));
}

/// Under systemd stdout is the journal, not a terminal: no colour codes, the banner in the
/// log's own format (JSON lines with `log.format = "json"`), and the first admin's one-time
/// password only in a 0600 file in the data directory, never in the log.
#[test]
fn logs_off_a_terminal_have_no_colour_and_no_password() {
    for format in ["text", "json"] {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("out.log");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let bin = env!("CARGO_BIN_EXE_tidings");
        let mut child = Command::new(bin)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
            .arg(dir.path())
            .env("TIDINGS_LOG__FORMAT", format)
            .env("TIDINGS_LOG__LEVEL", "info")
            .stdout(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let file = dir.path().join("first-admin-password");
        let deadline = Instant::now() + Duration::from_secs(30);
        while !std::fs::read_to_string(&log).unwrap_or_default().contains("is running") {
            assert!(Instant::now() < deadline, "no banner in the log");
            std::thread::sleep(Duration::from_millis(50));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let out = std::fs::read_to_string(&log).unwrap();
        assert!(!out.contains('\u{1b}'), "{format}: colour codes in a log file:\n{out}");
        let password = std::fs::read_to_string(&file).expect("the one-time password file").trim().to_string();
        assert!(password.len() >= 12);
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        assert!(!out.contains(&password), "{format}: the one-time password is in the log");
        assert!(out.contains("first-admin-password"), "{format}: the log names the file:\n{out}");
        if format == "json" {
            for line in out.lines().filter(|l| !l.trim().is_empty()) {
                assert!(serde_json::from_str::<serde_json::Value>(line).is_ok(), "not a JSON line: {line}");
            }
        }
    }
}
