//! Config precedence (defaults < file < env < CLI), unknown keys, secrets from files.

use tidings::config::{CliOverrides, Config};

fn write(dir: &std::path::Path, text: &str) -> std::path::PathBuf {
    let p = dir.join("config.toml");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn layers_apply_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "listen = \"127.0.0.1:9001\"\nhostname = \"file.example\"\n[auth]\nmax_failed_logins = 7\nlockout_minutes = 3\n");
    // Defaults only.
    let d = Config::load_from(None, vec![], &CliOverrides::default()).unwrap().config;
    assert_eq!(d.listen.port(), 8443);
    // File over defaults.
    let f = Config::load_from(Some(&file), vec![], &CliOverrides::default()).unwrap().config;
    assert_eq!((f.listen.port(), f.hostname.as_str(), f.auth.max_failed_logins), (9001, "file.example", 7));
    // Env over file (nested with __).
    let env = vec![
        ("TIDINGS_LISTEN".to_string(), "127.0.0.1:9002".to_string()),
        ("TIDINGS_AUTH__MAX_FAILED_LOGINS".to_string(), "9".to_string()),
    ];
    let e = Config::load_from(Some(&file), env.clone(), &CliOverrides::default()).unwrap().config;
    assert_eq!((e.listen.port(), e.auth.max_failed_logins, e.auth.lockout_minutes), (9002, 9, 3));
    // CLI over env.
    let cli = CliOverrides { listen: Some("127.0.0.1:9003".parse().unwrap()), data_dir: Some("/tmp/x".into()) };
    let c = Config::load_from(Some(&file), env, &cli).unwrap().config;
    assert_eq!(c.listen.port(), 9003);
    assert_eq!(c.data_dir, std::path::PathBuf::from("/tmp/x"));
}

#[test]
fn an_unknown_key_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "[auth]\nmax_failed_login = 3\n");
    let err = Config::load_from(Some(&file), vec![], &CliOverrides::default()).unwrap_err().to_string();
    assert!(err.contains("auth.max_failed_login`"), "{err}");
    assert!(!err.contains("max_failed_login.max_failed_login"), "named once: {err}");
    let file = write(dir.path(), "lisen = \"x\"\n");
    let err = Config::load_from(Some(&file), vec![], &CliOverrides::default()).unwrap_err().to_string();
    assert!(err.contains("lisen"), "{err}");
}

#[test]
fn a_bad_value_names_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "listen = \"not an address\"\n");
    let err = Config::load_from(Some(&file), vec![], &CliOverrides::default()).unwrap_err().to_string();
    assert!(err.contains("listen"), "{err}");
    let err =
        Config::load_from(None, vec![("TIDINGS_JOBS__BACKUP".into(), "61 * * * *".into())], &CliOverrides::default())
            .unwrap_err()
            .to_string();
    assert!(err.contains("jobs.backup"), "{err}");
    let err = Config::load_from(
        None,
        vec![("TIDINGS_AUTH__MAX_FAILED_LOGINS".into(), "many".into())],
        &CliOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("environment variable TIDINGS_AUTH__MAX_FAILED_LOGINS"), "{err}");
    // A TOML syntax error names the line.
    let file = write(dir.path(), "[auth\nmax_failed_logins = 3\n");
    let err = Config::load_from(Some(&file), vec![], &CliOverrides::default()).unwrap_err().to_string();
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn unknown_env_vars_warn_and_file_secrets_load() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("token");
    std::fs::write(&secret, "s3cret-token\n").unwrap();
    let loaded = Config::load_from(
        None,
        vec![
            ("TIDINGS_METRICS__TOKEN_FILE".into(), secret.display().to_string()),
            ("TIDINGS_LISTN".into(), "x".into()),
        ],
        &CliOverrides::default(),
    )
    .unwrap();
    assert_eq!(loaded.config.metrics.token, "s3cret-token");
    assert!(loaded.warnings.iter().any(|w| w.contains("TIDINGS_LISTN")));
    let err = Config::load_from(
        None,
        vec![("TIDINGS_METRICS__TOKEN_FILE".into(), "/nonexistent/x".into())],
        &CliOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("TIDINGS_METRICS__TOKEN_FILE"), "{err}");
}

#[test]
fn init_writes_a_config_that_serve_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("etc/tidings.toml");
    std::fs::create_dir_all(cfg.parent().unwrap()).unwrap();
    let data = dir.path().join("data");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["init", "--config"])
        .arg(&cfg)
        .arg("--data-dir")
        .arg(&data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(data.join("master.key").exists());
    let loaded = Config::load_from(Some(&cfg), vec![], &CliOverrides::default()).unwrap().config;
    assert_eq!(loaded.data_dir, data);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(data.join("master.key")).unwrap().permissions().mode() & 0o777, 0o400);
    // A second init refuses to overwrite.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["init", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert!(!again.status.success());
}
