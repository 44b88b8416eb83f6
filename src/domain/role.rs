//! Roles and what each may do. Handlers never test roles: they ask a guard for a permission.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Admin,
    Marketer,
    /// Sees reports and contacts with personal data masked.
    Analyst,
    /// Data-protection officer: audit log and GDPR views.
    Dpo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Sign in to the admin UI and see the dashboard.
    ViewDashboard,
    ManageUsers,
    /// Grant or revoke the owner role (only owners).
    ManageOwners,
    ManageOwnTokens,
    ManageAllTokens,
    ViewAudit,
    ManageSettings,
    ViewContacts,
    EditContacts,
    SendCampaigns,
    /// See personal data unmasked (analysts see `j•••@example.com`).
    ViewPersonalData,
    /// Reveal one masked contact, with a reason; recorded in the audit log.
    UnmaskPersonalData,
    ManageGdpr,
    RunBackups,
    ViewMetrics,
    /// Send page views, shop events and orders through the events API (a shop backend's token).
    RecordEvents,
    /// Campaign reports, the comparison of campaigns and the engagement charts: aggregates only.
    /// Last, so stored token scopes (serialized by position) keep their meaning.
    ViewReports,
}

impl Permission {
    pub const ALL: [Permission; 17] = [
        Permission::ViewDashboard,
        Permission::ManageUsers,
        Permission::ManageOwners,
        Permission::ManageOwnTokens,
        Permission::ManageAllTokens,
        Permission::ViewAudit,
        Permission::ManageSettings,
        Permission::ViewContacts,
        Permission::EditContacts,
        Permission::SendCampaigns,
        Permission::ViewPersonalData,
        Permission::UnmaskPersonalData,
        Permission::ManageGdpr,
        Permission::RunBackups,
        Permission::ViewMetrics,
        Permission::RecordEvents,
        Permission::ViewReports,
    ];

    pub fn as_str(&self) -> &'static str {
        use Permission::*;
        match self {
            ViewDashboard => "view_dashboard",
            ManageUsers => "manage_users",
            ManageOwners => "manage_owners",
            ManageOwnTokens => "manage_own_tokens",
            ManageAllTokens => "manage_all_tokens",
            ViewAudit => "view_audit",
            ManageSettings => "manage_settings",
            ViewContacts => "view_contacts",
            EditContacts => "edit_contacts",
            SendCampaigns => "send_campaigns",
            ViewPersonalData => "view_personal_data",
            UnmaskPersonalData => "unmask_personal_data",
            ManageGdpr => "manage_gdpr",
            RunBackups => "run_backups",
            ViewMetrics => "view_metrics",
            RecordEvents => "record_events",
            ViewReports => "view_reports",
        }
    }

    pub fn describe(&self) -> &'static str {
        use Permission::*;
        match self {
            ViewDashboard => "Sign in and see the dashboard",
            ManageUsers => "Add, change and disable admin users",
            ManageOwners => "Grant or remove the owner role",
            ManageOwnTokens => "Create and revoke their own API tokens",
            ManageAllTokens => "Revoke anyone's API tokens",
            ViewAudit => "Read the audit log",
            ManageSettings => "Change settings",
            ViewContacts => "See contacts",
            EditContacts => "Create, edit and delete contacts",
            SendCampaigns => "Write templates, forms and campaigns, and send them",
            ViewPersonalData => "See personal data unmasked",
            UnmaskPersonalData => "Reveal one masked contact, with a reason (audited)",
            ManageGdpr => "Handle data-subject requests, retention and records",
            RunBackups => "Start backups",
            ViewMetrics => "Read the Prometheus metrics",
            RecordEvents => "Send website and shop events and orders through the API",
            ViewReports => "See campaign reports and engagement charts (aggregates, no personal data)",
        }
    }
}

impl FromStr for Permission {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Permission::ALL.into_iter().find(|p| p.as_str() == s).ok_or_else(|| format!("unknown scope `{s}`"))
    }
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Owner, Role::Admin, Role::Marketer, Role::Analyst, Role::Dpo];

    pub fn allows(&self, p: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Owner => true,
            Role::Admin => p != ManageOwners,
            Role::Marketer => {
                matches!(
                    p,
                    ViewDashboard
                        | ManageOwnTokens
                        | ViewContacts
                        | EditContacts
                        | SendCampaigns
                        | ViewPersonalData
                        | RecordEvents
                        | ViewReports
                )
            }
            // Analysts work on masked data; revealing one contact is a recorded exception.
            Role::Analyst => matches!(p, ViewDashboard | ViewContacts | UnmaskPersonalData | ViewReports),
            Role::Dpo => {
                matches!(p, ViewDashboard | ManageOwnTokens | ViewAudit | ViewContacts | ViewPersonalData | ManageGdpr)
            }
        }
    }

    pub fn permissions(&self) -> Vec<Permission> {
        Permission::ALL.into_iter().filter(|p| self.allows(*p)).collect()
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Marketer => "marketer",
            Role::Analyst => "analyst",
            Role::Dpo => "dpo",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Admin => "Administrator",
            Role::Marketer => "Marketer",
            Role::Analyst => "Analyst",
            Role::Dpo => "Data-protection officer",
        }
    }

    pub fn describe(&self) -> &'static str {
        match self {
            Role::Owner => "Everything, including granting the owner role.",
            Role::Admin => "Everything except granting the owner role.",
            Role::Marketer => "Contacts, campaigns, reports and their own API tokens.",
            Role::Analyst => "Reports and contacts, with personal data masked (revealing one is audited).",
            Role::Dpo => "Audit log, data-subject requests, retention and records.",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role `{s}` (expected owner, admin, marketer, analyst or dpo)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyst_cannot_see_personal_data_and_only_owner_manages_owners() {
        assert!(!Role::Analyst.allows(Permission::ViewPersonalData));
        assert!(!Role::Admin.allows(Permission::ManageOwners));
        assert!(Role::Owner.allows(Permission::ManageOwners));
        assert!(Role::Dpo.allows(Permission::ViewAudit));
        assert!(!Role::Marketer.allows(Permission::ViewAudit));
        assert!(Role::Analyst.allows(Permission::ViewReports));
        assert!(!Role::Analyst.allows(Permission::SendCampaigns));
    }
}
