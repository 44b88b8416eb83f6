//! `tidings send-test-email`: send one message through a relay (or the outbox) and explain a
//! failure in words.

use clap::Args;

use super::StoreArgs;

#[derive(Debug, Args)]
pub struct SendTestArgs {
    /// Recipient of the test message.
    #[arg(long, value_name = "ADDRESS")]
    pub to: String,
    /// Relay to check, by name (default: the first configured one).
    #[arg(long, value_name = "NAME")]
    pub relay: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: SendTestArgs) -> Result<(), String> {
    let config = args.store.load(None)?;
    let to = crate::domain::EmailAddress::parse(&args.to).map_err(|e| format!("--to: {e}"))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the runtime: {e}"))?;
    let report = runtime
        .block_on(crate::mail::check::send_test_email(&config, to.as_str(), args.relay.as_deref()))
        .map_err(|e| e.to_string())?;
    println!("relay: {}", report.relay);
    println!("message id: {}", report.message_id);
    println!("DKIM: {}", if report.dkim_signed { "signed" } else { "not signed (no [mail.dkim] configured)" });
    println!("detail: {}", report.detail);
    if report.ok {
        println!("{}", report.summary);
        Ok(())
    } else {
        Err(report.summary)
    }
}
