//! `tidings check`: validate the configuration and show the effective values.

use clap::Args;

use super::StoreArgs;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: CheckArgs) -> Result<(), String> {
    let mut config = args.store.load(None)?;
    let warnings = config.warnings();
    if !config.metrics.token.is_empty() {
        config.metrics.token = "(set)".into();
    }
    for relay in &mut config.mail.relays {
        if !relay.password.is_empty() {
            relay.password = "(set)".into();
        }
    }
    let text = toml::to_string_pretty(&config).map_err(|e| e.to_string())?;
    println!("# configuration is valid; effective values:\n{text}");
    if warnings.is_empty() {
        println!("# nothing to warn about");
    } else {
        println!(
            "# {} warning{} (what will go wrong as configured):",
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        );
        for w in &warnings {
            let text = w.english();
            println!("#  - [{}] {text}", w.key);
            eprintln!("warning: [{}] {text}", w.key);
        }
    }
    Ok(())
}
