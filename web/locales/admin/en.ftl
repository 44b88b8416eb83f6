# Tidings: the admin pages, in English (the source). Pages not yet converted are English
# whatever the staff member chose; each file here translates exactly these messages.

## About this language
meta-language-name = English
meta-date = %-d %B %Y
meta-datetime = %-d %B %Y, %H:%M %Z
meta-date-locale = en_GB
meta-datetime-seconds = %-d %B %Y, %H:%M:%S %Z
meta-number-decimal = .
meta-number-group = ,

## The frame of every page
admin-skip = Skip to content
admin-sign-out = Sign out
admin-account-nav = Account
admin-main-nav = Main
admin-footer = Tidings {$version} · all data stays on this server

## Navigation
nav-dashboard = Dashboard
nav-contacts = Contacts
nav-lists = Lists
nav-campaigns = Campaigns
nav-templates = Templates
nav-media = Media
nav-forms = Forms
nav-reports = Reports
nav-schema = Fields & purposes
nav-purposes = Purposes
nav-requests = Privacy requests
nav-retention = Retention
nav-breaches = Breaches
nav-records = Records of processing
nav-users = Users & roles
nav-tokens = API tokens
nav-audit = Audit log
nav-settings = Settings

## Your account
account-title = Your account
account-user-name = User name
account-role = Role
account-password-set = Password set
account-password-expires = (expires after {$days} days)
account-change-password = Change password
account-language = Language of these pages
account-language-hint = Pages not yet translated stay in English.
account-language-save = Save language
account-language-saved = The language of these pages is saved.
account-2fa = Two-factor authentication
account-2fa-on = { $count ->
    [one] On. You have one unused recovery code.
   *[other] On. You have {$count} unused recovery codes.
}
account-2fa-recovery-password = Password (to make new recovery codes)
account-2fa-recovery-new = New recovery codes
account-2fa-off-password = Password (to turn off two-factor)
account-2fa-off = Turn off
account-2fa-off-confirm = Turn off two-factor authentication?
account-2fa-is-off = Off. With it on, signing in needs a code from an authenticator app on your phone as well as your password.
account-2fa-turn-on = Turn on two-factor authentication
account-sessions = Your sessions
account-session-signed-in = Signed in
account-session-last-seen = Last seen
account-session-network = Network
account-session-browser = Browser
account-session-this = this one
account-sessions-revoke = Sign out everywhere else

## Dashboard
dash-title = Dashboard
dash-no-2fa = Your account has no second factor yet.
dash-turn-on-2fa = Turn on two-factor authentication — it takes a minute
dash-getting-started = Getting started
dash-done = (done)
dash-checklist-goes = This list goes away once every step is done.
dash-warnings = What will go wrong as configured
dash-warning-key = {$key} in the config file; tidings check lists these too
dash-status = Status
dash-users = { $count ->
    [one] admin user
   *[other] admin users
}
dash-locked = { $count ->
    [one] {$count} with a network locked out
   *[other] {$count} with a network locked out
}
dash-sessions = { $count ->
    [one] active session
   *[other] active sessions
}
dash-audit-entries = { $count ->
    [one] audit entry
   *[other] audit entries
}
dash-store = store on disk
dash-uptime = uptime
dash-last-backup = last backup
dash-backup-failed = failed
dash-none-yet = none yet
dash-sign-ins = Sign-ins, last 14 days
dash-sign-ins-summary = { $ok ->
    [one] {$ok} successful sign-in
   *[other] {$ok} successful sign-ins
}, { $failed ->
    [one] {$failed} failed attempt.
   *[other] {$failed} failed attempts.
}
dash-sign-ins-chart = Bar chart of successful sign-ins per day over the last 14 days, at most {$max} a day
dash-recent = Recent activity
dash-col-when = When
dash-col-what = What
dash-col-who = Who
dash-col-from = From
dash-open-audit = Open the audit log
dash-nothing-yet = Nothing has happened yet.

## Campaigns
campaigns-intro = A campaign is one message to an audience (lists, tags or a search), sent now, at a set time, or again and again. Only subscribed contacts who consented to the campaign's purpose receive it; each is checked again at the moment of sending.
campaigns-new = New campaign
campaigns-name = Name
campaigns-name-hint = (for you; recipients see the subject)
campaigns-create = Create draft
campaigns-all = All campaigns
campaigns-state = State
campaigns-audience = Audience
campaigns-progress = Progress
campaigns-created = Created
campaigns-report = Report
campaigns-report-of = Report of {$name}
campaigns-percent-done = {$percent}% done
campaigns-sent-of = {$sent} of {$queued} sent
campaigns-failed = {$count} failed
campaigns-not-started = not started
campaigns-empty = No campaigns yet. Give your first one a name above; you will write and preview it on the next page.
campaign-state-draft = Draft
campaign-state-scheduled = Scheduled
campaign-state-sending = Sending
campaign-state-paused = Paused
campaign-state-sent = Sent
campaign-state-cancelled = Cancelled
campaign-state-failed = Failed

## Contacts
contacts-add = Add a contact
contacts-import = Import CSV
contacts-export = Export
contacts-masked-search = Your role sees contacts masked, so searching by name or address is off; the filters work.
contacts-search = Search
contacts-search-placeholder = email, name, phone, tag…
contacts-status = Status
contacts-tag = Tag
contacts-list = List
contacts-consent = Consent
contacts-consent-granted = {$purpose}: granted
contacts-consent-withdrawn = {$purpose}: withdrawn
contacts-engagement = Engagement
contacts-any = any
contacts-columns = Columns
contacts-columns-legend = Columns to show
contacts-columns-hint = The choice stays in the page's address: bookmark it to keep it.
contacts-clear = Clear
contacts-saved-searches = Saved searches
contacts-saved-none = None yet. Choose filters (status, tag, list, consent, engagement) and save them here to come back to them, or to send a campaign to whoever matches at the time.
contacts-save-search = Save search
contacts-save-search-words = (the search words are not saved: a saved search is a rule, not a person)
contacts-save-as = Save “{$selection}” as

## Notices after an action
notice-password-changed = Your password has been changed. Other sessions were signed out.
notice-totp-disabled = Two-factor authentication is off.
notice-two-factor-required = Your role requires two-factor authentication: set it up below (an authenticator app on your phone) to go on.
notice-role-changed = The role has been changed.
notice-disabled = The account is disabled and its sessions have ended.
notice-enabled = The account is enabled again.
notice-unlocked = The account is unlocked.
notice-revoked = The token has been revoked.
notice-saved = Settings saved.
notice-sender-saved = The sender has been saved.
notice-sender-default = That sender is now the default: the next message goes out from it.
notice-sender-removed = The sender has been removed.
notice-sender-link-sent = A confirmation link has been mailed to the sender's address: open it from that mailbox.
notice-sessions-revoked = Your other sessions have been signed out.
notice-two-factor-reset = Two-factor authentication was turned off for this user.
notice-logged-out = You have been signed out.
notice-contact-created = The contact has been added.
notice-contact-saved = The contact has been saved.
notice-search-saved = The search is saved: find it under Saved searches, and as an audience for campaigns.
notice-search-deleted = The saved search has been deleted.
notice-contact-deleted = The contact has been deleted.
notice-contact-deleted-suppressed = The contact has been deleted; its address is on the suppression list and cannot be imported again.
notice-consent-recorded = The consent has been recorded in the ledger.
notice-contacts-merged = The contacts have been merged into this one.
notice-field-created = The field has been added.
notice-field-saved = The field has been saved.
notice-field-deleted = The field has been deleted.
notice-purpose-created = The purpose has been added.
notice-purpose-saved = The purpose has been saved.
notice-list-created = The list has been created.
notice-list-saved = The list has been saved.
notice-list-deleted = The list has been deleted and its contacts removed from it.
notice-campaign-saved = The campaign has been saved.
notice-campaign-started = The campaign is being sent.
notice-campaign-scheduled = The campaign is scheduled.
notice-campaign-unscheduled = The campaign is a draft again.
notice-campaign-paused = The campaign is paused; nothing more is sent until you resume it.
notice-campaign-resumed = The campaign is sending again.
notice-campaign-cancelled = The campaign is cancelled; nothing more is sent.
notice-campaign-duplicated = This is a copy of the campaign, as a draft.
notice-campaign-deleted = The campaign has been deleted.
notice-template-saved = The template has been saved.
notice-template-deleted = The template has been deleted.
notice-list-visible = The list is now offered to everyone in the preference centre.
notice-list-hidden = The preference centre now shows the list only to its members.
notice-request-created = The request is registered; its deadline runs from the day it was received.
notice-request-saved = The request has been updated.
notice-request-erased = The person has been erased from every store; the address is suppressed.
notice-request-restricted = Processing of the contact is restricted until lifted.
notice-request-lifted = The restriction has been lifted.
notice-request-withdrawn = The withdrawal is recorded in the consent ledger.
notice-retention-ran = Retention ran: everything past its period is removed. The counts are below and in the audit log.
notice-retention-saved = The retention periods are saved; the next run applies them.
notice-breach-recorded = The breach is recorded and counted. The 72 hours to notify the authority run from its discovery.
notice-breach-saved = The breach has been updated.
notice-breach-assessed = Counted again from the stores and the audit log.
notice-breach-notice-queued = The notice is being queued to everyone concerned; it leaves through the outbox.
notice-media-uploaded = The image is in the library. Insert it from a campaign's editor.
notice-media-renamed = The image has been renamed; its address stays the same.
notice-media-deleted = The image has been deleted.

## Figures and moments on every page
format-percent = {$value}%
time-just-now = just now
time-minutes-ago = { $count ->
    [one] a minute ago
   *[other] {$count} minutes ago
}
time-hours-ago = { $count ->
    [one] an hour ago
   *[other] {$count} hours ago
}
time-days-ago = { $count ->
    [one] a day ago
   *[other] {$count} days ago
}
time-in-seconds = { $count ->
    [one] in a second
   *[other] in {$count} seconds
}
time-in-minutes = { $count ->
    [one] in a minute
   *[other] in {$count} minutes
}
time-in-hours = { $count ->
    [one] in an hour
   *[other] in {$count} hours
}

## Contacts, lists, import, fields and purposes
# (messages of these pages go below this line, above the next heading)

## Campaigns, templates, media, forms and reports
# (messages of these pages go below this line, above the next heading)

## Privacy: requests, breaches, retention, records and the audit log
# (messages of these pages go below this line, above the next heading)

## Sign-in, users, tokens and settings
# (messages of these pages go below this line, above the next heading)
# Roles and what they may do, wherever the admin names them.
acc-role-owner = Owner
acc-role-admin = Administrator
acc-role-marketer = Marketer
acc-role-analyst = Analyst
acc-role-dpo = Data-protection officer
acc-role-owner-describe = Everything, including granting the owner role.
acc-role-admin-describe = Everything except granting the owner role.
acc-role-marketer-describe = Contacts, campaigns, reports and their own API tokens.
acc-role-analyst-describe = Reports and contacts, with personal data masked (revealing one is audited).
acc-role-dpo-describe = Audit log, data-subject requests, retention and records.

# Sign-in (the language of these pages is the browser's until the staff member is known).
acc-login-title = Sign in
acc-login-heading = Sign in to {$organisation}
acc-login-username = User name
acc-login-password = Password
acc-login-submit = Sign in
# {$command} is a shell command, shown as code.
acc-login-forgot = Forgot your password? Ask an administrator to reset it, or run {$command} on the server.
acc-login-rate-limited = Too many attempts from your network. Wait a minute and try again.
acc-login-rejected = Wrong user name or password.
# {$time} is hours and minutes in UTC ("14:05").
acc-locked = This account is locked after too many failed attempts. It unlocks at {$time} UTC, or sooner if an administrator unlocks it.
acc-2fa-title = Authentication code
acc-2fa-heading = Enter your authentication code
acc-2fa-intro = Open your authenticator app and enter the 6-digit code for Tidings. Lost your phone? Enter one of your recovery codes instead.
acc-2fa-code = Code
acc-2fa-verify = Verify
acc-2fa-cancel = Cancel and sign out
acc-2fa-wrong = That code is not right, or was already used.
acc-notice-title = Failed sign-in attempts
acc-notice-heading = Someone tried to sign in to your account
# Shown in bold inside acc-notice-failures as {$attempts}.
acc-notice-attempts = { $count ->
    [one] {$count} failed attempt
   *[other] {$count} failed attempts
}
acc-notice-failures = Since your previous sign-in there { $count ->
    [one] was
   *[other] were
} {$attempts} to sign in as you.
acc-notice-failures-between = Since your previous sign-in there { $count ->
    [one] was
   *[other] were
} {$attempts} to sign in as you, between {$first} and {$last}.
acc-notice-where = Where they came from (addresses are kept shortened to their network)
acc-notice-network = Network
acc-notice-attempts-column = Attempts
acc-notice-held = If these were not you, your password held: networks that fail {$max} times are locked out of your account for {$minutes} minutes, and other networks are slowed down.
# Followed by a link with the text of acc-notice-set-up.
acc-notice-no-2fa = Two-factor authentication would make a guessed password useless:
acc-notice-set-up = set it up
acc-notice-has-2fa = Your second factor protects the account even if the password is guessed.
acc-notice-audit = The attempts are in the audit log.
acc-notice-continue = Continue

# Passwords and the second factor.
acc-password-title = Choose a password
acc-password-choose = Choose your password
acc-password-expired = Your password has expired.
acc-password-one-time = You signed in with a one-time password.
acc-password-continue = Choose your own password to continue, {$username}.
acc-password-change = Change your password
acc-password-back = Back to your account
acc-password-one-time-label = One-time password
acc-password-current = Current password
acc-password-new = New password
acc-password-new-hint = (at least {$min} characters; a phrase of several words is easiest)
acc-password-again = New password again
acc-password-save = Save password
acc-totp-title = Turn on two-factor authentication
acc-totp-scan = Open an authenticator app on your phone (any TOTP app works) and scan this code.
acc-totp-qr = QR code holding your authenticator secret
# Followed by the key, in groups of four characters.
acc-totp-no-scan = Cannot scan? Type this key instead:
acc-totp-enter = Enter the 6-digit code the app shows.
acc-totp-confirm = Confirm
acc-codes-title = Recovery codes
acc-codes-on = Two-factor authentication is on
acc-codes-new = New recovery codes
acc-codes-keep = Keep these recovery codes somewhere safe, away from your phone. Each signs you in once if you lose the phone. They are shown only now.
acc-codes-keep-replaced = Keep these recovery codes somewhere safe, away from your phone. Each signs you in once if you lose the phone. They are shown only now, and your old codes no longer work.
acc-codes-print = Print this page, or copy or download the codes (the buttons need JavaScript).
acc-codes-saved = I have saved them
acc-codes-copy-all = Copy all codes
acc-codes-download = Download as a file
acc-copy = Copy
acc-copied = Copied

# Users.
acc-users-title = Users & roles
acc-users-add = Add a user
acc-users-region = Users
acc-users-user = User
acc-users-role = Role
acc-users-state = State
acc-users-2fa = 2FA
acc-users-last-sign-in = Last sign-in
acc-users-you = you
acc-users-disabled = disabled
acc-users-network-locked = network locked
acc-users-awaiting = awaiting first sign-in
acc-users-active = active
acc-users-on = on
acc-users-off = off
acc-users-never = never
acc-users-roles = Roles
acc-user-back = ← Users
acc-user-display-name = Display name
acc-user-locked = active; sign-ins by password from a network that failed too often are locked until {$until} (other networks are not)
acc-user-two-factor = Two-factor
acc-user-created = Created
acc-user-password-set = Password set
acc-user-change-role = Change role
acc-user-actions = Actions
acc-user-unlock = Unlock every network
acc-user-reset-confirm = Reset the password of {$username}? Their sessions will end.
acc-user-reset = Reset password
acc-user-2fa-off-confirm = Turn off two-factor authentication for {$username}?
acc-user-2fa-off = Turn off 2FA
acc-user-enable = Enable account
acc-user-disable-confirm = Disable {$username}? Their sessions end at once.
acc-user-disable = Disable account
acc-user-sessions = Sessions
acc-user-no-sessions = No active sessions.
acc-user-audit = Recent audit entries about this user
acc-user-audit-region = Audit entries about this user
acc-user-all-entries = All entries
acc-user-none-yet = None yet.
acc-new-user-intro = The new user gets a one-time password, shown on the next page, and chooses their own at first sign-in.
acc-new-user-username-hint = (often an email address)
acc-new-user-optional = (optional)
acc-new-user-submit = Add user
acc-created-title = One-time password
acc-created-added = User added: {$username}
acc-created-reset = Password reset for {$username}
acc-created-give = Give this one-time password to {$name} over a channel you trust. It is shown only now; they will choose their own password when they sign in.
acc-created-done = Done

# API tokens. {$api} and {$header} are shown as code.
acc-tokens-title = API tokens
acc-tokens-intro = Tokens let scripts and the shop's backend use the REST API at {$api}. Send one as {$header}. A token never does more than its scopes, nor more than its owner's role.
acc-tokens-created = Token “{$name}” created
acc-tokens-copy-now = Copy it now: it is shown only this once and stored only as a hash.
acc-tokens-create = Create a token
acc-tokens-name = Name
acc-tokens-name-hint = (what uses it, e.g. “shop backend”)
acc-tokens-scopes = Scopes
acc-tokens-expires = Expires after (days, empty for never)
acc-tokens-create-submit = Create token
acc-tokens-list = Tokens
acc-tokens-owner = Owner
acc-tokens-created-column = Created
acc-tokens-last-used = Last used
acc-tokens-revoked = revoked
acc-tokens-expired = expired
acc-tokens-until = until {$date}
acc-tokens-revoke-confirm = Revoke “{$name}”? Anything using it stops working.
acc-tokens-revoke = Revoke
acc-tokens-empty = No tokens yet. Create one above when a script or your shop needs API access.
acc-tokens-days-invalid = Enter a number of days between 1 and 3650, or leave it empty.
acc-scope-view-dashboard = Sign in and see the dashboard
acc-scope-manage-users = Add, change and disable admin users
acc-scope-manage-owners = Grant or remove the owner role
acc-scope-manage-own-tokens = Create and revoke their own API tokens
acc-scope-manage-all-tokens = Revoke anyone's API tokens
acc-scope-view-audit = Read the audit log
acc-scope-manage-settings = Change settings
acc-scope-view-contacts = See contacts
acc-scope-edit-contacts = Create, edit and delete contacts
acc-scope-send-campaigns = Write templates, forms and campaigns, and send them
acc-scope-view-personal-data = See personal data unmasked
acc-scope-unmask-personal-data = Reveal one masked contact, with a reason (audited)
acc-scope-manage-gdpr = Handle data-subject requests, retention and records
acc-scope-run-backups = Start backups
acc-scope-view-metrics = Read the Prometheus metrics
acc-scope-record-events = Send website and shop events and orders through the API
acc-scope-view-reports = See campaign reports and engagement charts (aggregates, no personal data)

# Settings.
acc-settings-title = Settings
acc-settings-email-link = Email: relays, DKIM and a test message →
acc-settings-organisation = Organisation
acc-settings-organisation-intro = Who the data controller is: shown to your team, and later to the people on your lists in mail footers and the privacy portal.
acc-settings-organisation-name = Organisation name
acc-settings-postal-address = Postal address
acc-settings-dpo-contact = Data-protection officer contact
acc-settings-login-notice = Notice on the sign-in page
acc-settings-time-zone = Time zone
acc-settings-time-zone-hint = (a date typed in a form means that day here)
acc-settings-language = Language of public pages and mail
acc-settings-language-hint = (when the reader's own is not known or not translated)
acc-settings-currency = Currency
acc-settings-currency-hint = (of your orders; shown with every revenue figure)
acc-settings-two-factor = Require two-factor authentication
# {$rule} is one of the three acc-settings-two-factor-… texts below.
acc-settings-two-factor-now = Now: {$rule}. A user of a ticked role who has not set it up is taken to set it up at their next sign-in, before anything else.
acc-settings-two-factor-none = available to every user, required of none
acc-settings-two-factor-all = required of every user
acc-settings-two-factor-some = required of {$roles}; available to every other user
acc-settings-two-factor-everyone = Everyone
acc-settings-save = Save
acc-settings-legal-footer = Legal footer of every mail
acc-settings-legal-footer-intro = The lines the law asks you to print in your mail, such as the register court and number, the managing directors and the VAT ID. Each mail prints them under your organisation's name and address, in the language the mail is written in; a language left empty uses the footer of the shop's language, and without that one the mail has none.
acc-settings-legal-footer-rules = Plain text, printed line by line: at most {$lines} lines and {$chars} characters per language.
acc-settings-legal-footer-shop = (the shop's language)
acc-settings-legal-footer-save = Save legal footer
acc-settings-config = From the config file
acc-settings-config-intro = These come from the configuration file and environment; change them there and restart.
acc-settings-data-dir = Data directory
acc-settings-listen = Listening on
acc-settings-https = HTTPS
acc-settings-plain-http = plain HTTP behind a proxy
acc-settings-hostname = Host name
acc-settings-backups = Backups
# {$dir} and {$schedule} are shown as code; {$keep} is how many backups are kept.
acc-settings-backups-value = {$dir}, schedule {$schedule}, keeping {$keep}
acc-settings-off = off
acc-settings-lockout = Lockout
acc-settings-lockout-value = after {$failures} failures, for {$minutes} minutes
acc-settings-password-expiry = Password expiry
acc-settings-days = { $count ->
    [one] {$count} day
   *[other] {$count} days
}

# Settings → Email. Arguments named after configuration keys, paths and commands are shown as code.
acc-mail-title = Email
acc-mail-back = ← Settings
acc-mail-how = How mail leaves
acc-mail-relays-intro = Messages go through the first relay unless a campaign names another. Relays are set in the configuration file ({$section}); change them there and restart.
acc-mail-relay = Relay
acc-mail-server = Server
acc-mail-security = Security
acc-mail-login = Login
acc-mail-connections = Connections
acc-mail-rate-limit = Rate limit
acc-mail-default-relay = (default)
acc-mail-yes = yes
acc-mail-no = no
acc-mail-none = none
acc-mail-per-second = {$rate}/s
acc-mail-tls-implicit = implicit TLS
acc-mail-tls-starttls = STARTTLS
acc-mail-tls-none = no TLS (loopback)
# {$title} is acc-mail-no-relay-title, in bold.
acc-mail-no-relay-title = No SMTP relay is configured:
acc-mail-no-relay = {$title} every message is written as an {$eml} file to {$outbox} instead of being sent. Add a {$section} section to the configuration file to send for real.
acc-mail-bounce-address = Bounce address
acc-mail-verp = VERP on {$domain}
acc-mail-bounce-sender = the sender address
acc-mail-dkim-signed = signed for {$domain}, selector {$selector}
acc-mail-dkim-ed25519 = and Ed25519 selector {$selector}
acc-mail-dkim-off = not signed: run {$command} and add the lines it prints
acc-mail-senders = Who is writing
# {$sender} is the name and address, in bold; the sentence goes on with one of the acc-mail-source-… texts.
acc-mail-from = Mail goes out from {$sender}:
acc-mail-from-reply = Mail goes out from {$sender}, replies to {$reply_to}:
acc-mail-source-saved = the default sender below.
acc-mail-source-config = {$key} in the configuration file, until a sender is saved here (a saved one wins).
acc-mail-source-derived = made up from the organisation's name and this server's public address, until a sender is saved here.
acc-mail-applies = A change here applies to the next message, without a restart.
# {$verified} is acc-mail-verified-word, emphasised.
acc-mail-verified-word = verified
acc-mail-verified-intro = A campaign can be sent from any {$verified} sender: one whose domain Tidings signs with DKIM (so receivers see it pass DMARC), or whose mailbox confirmed a link mailed to it (valid {$hours} hours, usable once). Mail from an unverified address of someone else's domain is rejected or lands in spam.
acc-mail-sender = Sender
acc-mail-reply-to = Reply-To
acc-mail-verified = Verified
acc-mail-default = default
# {$how} is acc-mail-verified-dkim or acc-mail-verified-mailbox.
acc-mail-verified-yes = yes: {$how}
acc-mail-verified-dkim = DKIM-signed for {$domain} (passes DMARC)
acc-mail-verified-mailbox = confirmed from its mailbox on {$date}
acc-mail-not-verified = not verified
acc-mail-link-pending = (link sent; valid until {$until})
acc-mail-send-new-link = Send a new link
acc-mail-send-link = Send confirmation link
acc-mail-make-default = Make default
acc-mail-remove-confirm = Remove {$address}?
acc-mail-remove = Remove
acc-mail-add-sender = Add a sender
acc-mail-add-sender-hint = (or change the name and Reply-To of one above: type its address)
acc-mail-address = Address
acc-mail-name = Name
acc-mail-name-hint = (empty: {$organisation})
acc-mail-reply-to-hint = (empty: replies go to the sender)
acc-mail-save-sender = Save sender
acc-mail-no-such-sender = There is no such sender.
# {$reason} is the mail system's own words, in English.
acc-mail-link-not-mailed = The link could not be mailed to {$address}: {$reason}
acc-mail-test = Send a test message
acc-mail-test-intro = Checks the relay end to end and explains a failure in words (wrong TLS mode, refused login, unknown host, untrusted certificate).
acc-mail-test-outbox = No relay is configured: the message was written to {$path} (configure {$section} to send for real).
acc-mail-test-accepted = The relay accepted the message for {$to}.
acc-mail-test-address = The address: {$error}
acc-mail-sent = Sent.
acc-mail-not-sent = Not sent.
acc-mail-message-id = Message-ID {$id}.
acc-mail-message-id-dkim = Message-ID {$id}, DKIM-signed.
acc-mail-send-to = Send to
acc-mail-through = Through
acc-mail-send-test = Send test message
acc-mail-bounces = Bounces
acc-mail-bounces-intro = A hard bounce (5.x.x) or a spam complaint marks the contact at once; {$limit} soft bounces (4.x.x) within {$days} days count as a hard one. Bounced and complained contacts receive no more mail.
acc-mail-generic-webhook = Generic webhook
acc-mail-generic-webhook-value = {$endpoint} with an API token that may edit contacts (JSON shape: see the README, "Bounces")
acc-mail-mailgun-webhook = Mailgun webhook
acc-mail-mailgun-on = {$url} (signatures checked with the configured key)
acc-mail-mailgun-off = off: set {$key} to enable {$url}
acc-mail-bounce-mailbox = Bounce mailbox
acc-mail-mailbox-value = IMAP {$server}, {$tls}, folder {$folder}, every {$seconds} s
acc-mail-mailbox-none = none: set {$section} to read delivery reports from a mailbox
acc-mail-last-poll = Last poll
# {$message} is what the poll reported, in English.
acc-mail-poll-ok = {$time}: {$message}
acc-mail-poll-failed = {$time}: failed: {$message}
acc-mail-not-yet = not yet
acc-mail-latest-events = Latest events
acc-mail-when = When
acc-mail-contact = Contact
acc-mail-kind = Kind
acc-mail-status = Status
acc-mail-source = Source
acc-mail-diagnostic = Diagnostic
acc-mail-bounce-hard = hard
acc-mail-bounce-soft = soft
acc-mail-bounce-complaint = complaint
acc-mail-source-mailbox = mailbox
acc-mail-source-webhook = webhook
acc-mail-source-mailgun = mailgun
acc-mail-erased = (erased)
acc-mail-no-events = No bounce or complaint recorded yet.

# The page a sender's mailbox opens to confirm it (read by the shop's own staff).
acc-sender-confirm-title = Confirm a sender
# {$address} is the address, set apart.
acc-sender-confirm-heading = Confirm {$address} as a sender for {$shop}?
acc-sender-confirm-text = {$shop} will then be able to send its newsletters and notices from this address. If you did not expect this, close this page: nothing is sent from it until it is confirmed.
acc-sender-confirm-button = Confirm this sender
acc-sender-confirmed = Sender confirmed
acc-sender-confirmed-text = {$address} is confirmed: campaigns can now be sent from it. You can close this page.
acc-sender-link-dead = This link does not work
acc-sender-link-dead-text = The link has expired, was already used, or was copied incompletely. Send a new one from Settings → Email.

# Error pages: the status, and the reasons that say nothing beyond it.
acc-error-400 = Bad Request
acc-error-401 = Unauthorized
acc-error-403 = Forbidden
acc-error-404 = Not Found
acc-error-405 = Method Not Allowed
acc-error-409 = Conflict
acc-error-413 = Payload Too Large
acc-error-414 = URI Too Long
acc-error-415 = Unsupported Media Type
acc-error-422 = Unprocessable Entity
acc-error-423 = Locked
acc-error-429 = Too Many Requests
acc-error-500 = Internal Server Error
acc-error-502 = Bad Gateway
acc-error-503 = Service Unavailable
acc-error-not-found = There is no page at this address.
acc-error-forbidden = Your role does not allow this.
acc-error-csrf = The form had expired or came from another site. Go back, reload the page and try again.
acc-error-internal = Something went wrong on the server; it has been logged.
acc-error-dashboard = Go to the dashboard
