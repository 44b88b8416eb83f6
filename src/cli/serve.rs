//! `tidings serve`

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::Args;

use super::StoreArgs;
use crate::startup::{Application, FirstAdmin};

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address and port to listen on (overrides `listen` and TIDINGS_LISTEN).
    #[arg(long, value_name = "ADDR:PORT")]
    pub listen: Option<SocketAddr>,
}

pub fn run(args: ServeArgs) -> Result<(), String> {
    let config = args.store.load(args.listen)?;
    crate::telemetry::init(&config.log);
    actix_web::rt::System::new().block_on(async move {
        let mut app = Application::build(config.clone()).await.map_err(|e| format!("{e:#}"))?;
        let pending_admin = app.take_first_admin();
        let tls_fingerprint = app.tls_fingerprint.clone();
        let self_signed = app.self_signed;
        // Serve at once; the first owner's password hash finishes meanwhile.
        let server = actix_web::rt::spawn(app.run_until_stopped());
        let first_admin = pending_admin.await.map_err(|e| format!("{e:#}"))?;
        let url = config.admin_url();
        let fingerprint = tls_fingerprint.filter(|_| self_signed);
        // The one-time password goes to a person at a terminal, and otherwise into a file only
        // the service user can read: never into the journal or a log file.
        let password_file = match (&first_admin, std::io::stdout().is_terminal()) {
            (Some(admin), false) => Some(write_password_file(&config.data_dir, &admin.password)?),
            _ => None,
        };
        if std::io::stdout().is_terminal() && config.log.format != "json" {
            print_banner(&url, fingerprint.as_deref(), first_admin.as_ref(), &config.data_dir);
        } else {
            tracing::info!(
                url = %url,
                self_signed_fingerprint = fingerprint.as_deref(),
                first_admin = first_admin.as_ref().map(|a| a.username.as_str()),
                first_admin_password_file = password_file.as_ref().map(|p| p.display().to_string()),
                data_dir = %config.data_dir.display(),
                "Tidings {} is running{}",
                env!("CARGO_PKG_VERSION"),
                match &password_file {
                    Some(p) => format!(
                        "; first admin created: its one-time password is in {} (readable by this user only)",
                        p.display()
                    ),
                    None => String::new(),
                }
            );
        }
        server.await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())
    })
}

/// Where the first admin's one-time password is written when no terminal shows it.
pub use crate::auth::FIRST_ADMIN_PASSWORD_FILE as PASSWORD_FILE;

fn write_password_file(data_dir: &Path, password: &str) -> Result<PathBuf, String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = data_dir.join(PASSWORD_FILE);
    let _ = std::fs::remove_file(&path);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| format!("writing {}: {e}", path.display()))?;
    writeln!(f, "{password}").map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(path)
}

fn print_banner(url: &str, fingerprint: Option<&str>, admin: Option<&FirstAdmin>, data_dir: &Path) {
    println!();
    println!("  Tidings {} is running at {url}", env!("CARGO_PKG_VERSION"));
    if let Some(fp) = fingerprint {
        println!("  Self-signed certificate, SHA-256 fingerprint:");
        println!("    {fp}");
        println!("  (your browser will warn once; compare the fingerprint, or configure tls.cert_file/key_file)");
    }
    if let Some(admin) = admin {
        println!();
        println!("  First admin created. Sign in with:");
        println!("    user name: {}", admin.username);
        println!("    one-time password: {}", admin.password);
        println!("  You will choose your own password at first sign-in.");
    }
    println!("  Data directory: {}", data_dir.display());
    println!();
}
