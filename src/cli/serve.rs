//! `tidings serve`

use std::net::SocketAddr;

use clap::Args;

use super::StoreArgs;
use crate::startup::Application;

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
    crate::telemetry::init(&config.log.level, &config.log.format);
    actix_web::rt::System::new().block_on(async move {
        let mut app = Application::build(config.clone()).await.map_err(|e| format!("{e:#}"))?;
        let pending_admin = app.take_first_admin();
        let tls_fingerprint = app.tls_fingerprint.clone();
        let self_signed = app.self_signed;
        // Serve at once; the first owner's password hash finishes meanwhile.
        let server = actix_web::rt::spawn(app.run_until_stopped());
        let first_admin = pending_admin.await.map_err(|e| format!("{e:#}"))?;
        let url = config.admin_url();
        println!();
        println!("  Tidings {} is running at {url}", env!("CARGO_PKG_VERSION"));
        if let Some(fp) = &tls_fingerprint {
            if self_signed {
                println!("  Self-signed certificate, SHA-256 fingerprint:");
                println!("    {fp}");
                println!(
                    "  (your browser will warn once; compare the fingerprint, or configure tls.cert_file/key_file)"
                );
            }
        }
        if let Some(admin) = &first_admin {
            println!();
            println!("  First admin created. Sign in with:");
            println!("    user name: {}", admin.username);
            println!("    one-time password: {}", admin.password);
            println!("  You will choose your own password at first sign-in.");
        }
        println!("  Data directory: {}", config.data_dir.display());
        println!();
        server.await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())
    })
}
