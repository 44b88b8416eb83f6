//! `tidings user add|list|reset-password|unlock|disable|enable`

use clap::{Args, Subcommand};

use super::{op, StoreArgs};
use crate::control::Request;
use crate::domain::Role;

#[derive(Debug, Args)]
pub struct UserArgs {
    #[command(subcommand)]
    pub command: UserCommand,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; prints a one-time password that must be changed at first login.
    Add {
        username: String,
        /// owner, admin, marketer, analyst or dpo.
        #[arg(long, default_value = "admin")]
        role: Role,
        /// Display name.
        #[arg(long, default_value = "")]
        name: String,
    },
    /// List users with role, state and 2FA.
    List,
    /// Set a new one-time password and end the user's sessions.
    ResetPassword { username: String },
    /// Lift a lockout.
    Unlock { username: String },
    /// Disable an account and end its sessions.
    Disable { username: String },
    /// Enable a disabled account.
    Enable { username: String },
}

pub fn run(args: UserArgs) -> Result<(), String> {
    let req = match args.command {
        UserCommand::Add { username, role, name } => Request::UserAdd { username, display_name: name, role },
        UserCommand::List => Request::UserList,
        UserCommand::ResetPassword { username } => Request::UserResetPassword { username },
        UserCommand::Unlock { username } => Request::UserUnlock { username },
        UserCommand::Disable { username } => Request::UserDisable { username },
        UserCommand::Enable { username } => Request::UserEnable { username },
    };
    op(&args.store, req)
}
