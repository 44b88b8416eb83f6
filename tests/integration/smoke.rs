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
