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
# Privacy requests
gdpr-requests-title = Privacy requests
gdpr-requests-intro = Every request a person makes about their data (access, erasure, restriction, objection …) is registered here with its deadline: one month from receipt, extendable by up to two more with a reason. Each step is kept with the request and in the audit log.
gdpr-requests-glance = Requests at a glance
gdpr-requests-count-open = open
gdpr-requests-count-overdue = overdue
gdpr-requests-count-nearly-due = due within 7 days
gdpr-requests-all = All requests
gdpr-requests-open = Open requests
gdpr-requests-show-open = Show open requests only
gdpr-requests-show-all = Show closed requests too ({$count} in all)
gdpr-requests-table = Requests
gdpr-col-request = Request
gdpr-col-received = Received
gdpr-col-due = Due
gdpr-col-identity = Identity
gdpr-col-state = State
gdpr-received-by = by { $channel ->
    [in_person] in person
   *[other] {$channel}
}
gdpr-channel = { $channel ->
    [in_person] in person
   *[other] {$channel}
}
gdpr-requests-person-erased = person erased
gdpr-requests-no-contact = no matching contact
gdpr-tag-overdue = overdue
gdpr-days-left = { $count ->
    [one] {$count} day left
   *[other] {$count} days left
}
gdpr-tag-extended = extended
gdpr-verification = { $state ->
    [verified] verified
    [failed] not proven
   *[other] to verify
}
gdpr-request-state = { $state ->
    [open] open
    [done] done
   *[other] refused
}
gdpr-requests-none = No request has been registered yet.
gdpr-requests-none-open = No open requests. Register one below when someone asks about their data by email, letter or phone; requests from the privacy portal arrive here by themselves.
gdpr-register-title = Register a request
gdpr-register-kind = What the person asks for
gdpr-register-channel = How it arrived
gdpr-register-for-contact = For the contact you came from.
gdpr-register-email = The requester's email address
gdpr-register-email-hint = (finds their contact record)
gdpr-register-received = Received on
gdpr-register-received-hint = (the deadline runs from this day; dates are in {$zone})
gdpr-register-message = What they wrote
gdpr-register-message-hint = (kept with their data, erased with it)
gdpr-register-notify = Tell the person by mail once their data is corrected, erased or restricted (Art. 19); untick if they asked not to be told
gdpr-register-submit = Register request
gdpr-kind-access = Access (Art. 15)
gdpr-kind-portability = Data portability (Art. 20)
gdpr-kind-rectification = Rectification (Art. 16)
gdpr-kind-erasure = Erasure (Art. 17)
gdpr-kind-restriction = Restriction of processing (Art. 18)
gdpr-kind-objection = Objection (Art. 21)
gdpr-kind-withdrawal = Consent withdrawal (Art. 7(3))
gdpr-error-date = use a date like 2026-11-23
gdpr-error-extend-months = choose 1 or 2 months
gdpr-error-password = That is not your password. Nothing was erased.
gdpr-error-erase-mode = choose to erase or to anonymise

# One privacy request
gdpr-request-since = since {$when}
gdpr-request-extended = Extended: {$reason}
gdpr-request-handled-by = Handled by
gdpr-request-nobody = nobody yet
gdpr-request-person = Person
gdpr-tag-restricted = processing restricted
gdpr-request-person-erased = Erased: no store holds them any more.
gdpr-request-no-contact = No contact matches: Tidings holds nothing about this person (say so in the response).
gdpr-request-wrote = What they wrote
gdpr-request-act = Do what was asked
gdpr-request-verify-first = First make sure the requester is who they say they are (a reply from the address on record, a signed letter). Nothing is handed over or changed before that.
gdpr-request-nothing-to-act-on = There is no contact to act on. Close the request with a response saying what Tidings holds.
gdpr-request-archive-holds = The archive holds everything Tidings keeps about {$email}: a readable summary with the Article 15 information, all data as JSON, and one CSV table per store.
gdpr-request-archive-download = Download the archive
gdpr-request-erase-confirm = Erase {$email} from every store? This cannot be undone.
gdpr-request-erase-explain = Erasing removes the person from every store, the search index and every queue, and destroys their data key. Only a keyed hash of the address stays, so an import or a sign-up cannot bring them back without fresh consent. This cannot be undone.
gdpr-request-erase-totals = Campaign and site totals
gdpr-request-erase-mode-erase = Erase: take what they did out of the totals too (a campaign's opens, clicks and orders drop by theirs)
gdpr-request-erase-mode-anonymise = Anonymise: keep the totals as they are (they name no one)
gdpr-request-erase-password = Confirm with your password
gdpr-request-erase-submit = Erase this person
gdpr-request-restricted-since = Processing is restricted since {$since}: {$reason}
gdpr-request-lift = Lift the restriction
gdpr-request-restrict-explain = While restricted the contact is kept but gets no mail, is not tracked and is left out of exports.
gdpr-request-restrict-reason = Why (e.g. accuracy contested, pending an objection)
gdpr-request-restrict-submit = Restrict processing
gdpr-request-withdraw-explain = Records a withdrawal in the consent ledger for every marketing and tracking purpose: no more newsletters, no more measurement. Transactional mail needed for a contract continues.
gdpr-request-withdraw-submit = Record the withdrawal
gdpr-request-correct = Correct the contact
gdpr-request-correct-history = every change is kept in its history.
gdpr-request-manage = Manage the request
gdpr-request-notify = Tell the person by mail once it is carried out (Art. 19)
gdpr-request-assign-me = Assign to me
gdpr-request-extend = Extend the deadline (Art. 12(3))
gdpr-request-extend-by = By
gdpr-months = { $count ->
    [one] {$count} month
   *[other] {$count} months
}
gdpr-request-extend-why = Why (tell the requester within the first month)
gdpr-request-notes = Internal notes
gdpr-save = Save
gdpr-request-response = The response sent to the requester
gdpr-request-close-done = Close as done
gdpr-request-close-refused = Refuse (with reasons)
gdpr-request-response-sent = Response sent
gdpr-reopen = Reopen
gdpr-history = History

# The history of a request or a breach: each step as it is stored (in English)
gdpr-actor-system = system
gdpr-actor-cli = cli
gdpr-actor-anonymous = anonymous
gdpr-actor-portal = data subject (portal)
gdpr-step-registered = registered ({$kind} request by {$channel})
gdpr-step-not-to-be-told = the requester does not want to be told of the outcome (Art. 19)
gdpr-step-to-be-told = the person is to be told of the outcome (Art. 19)
gdpr-step-no-contact = no contact matches the requester: nothing is held, or the address differs
gdpr-step-identity = identity {$state}
gdpr-step-assigned = assigned to {$name}
gdpr-step-unassigned = unassigned
gdpr-step-extended = deadline extended to {$day} (the reason is kept with the request)
gdpr-step-closed-done = closed: done, response sent
gdpr-step-closed-refused = closed: refused, reasons sent
gdpr-step-reopened = reopened
gdpr-step-archive = archive produced ({$count} records)
gdpr-step-erased = erasure carried out: {$count} records removed, address suppressed
gdpr-step-erased-anonymised = erasure carried out (anonymised: campaign totals kept): {$count} records removed, address suppressed
gdpr-step-recipients = Art. 19: recipients to tell (from the purposes): {$recipients}
gdpr-step-asked-not-told = Art. 19: the person asked not to be told; no notice sent
gdpr-step-was-told = Art. 19: the person was told by mail
gdpr-step-not-delivered = Art. 19: the notice to the person was not delivered ({$reason}); tell them in the response
gdpr-step-not-sent = Art. 19: the notice to the person could not be sent ({$reason}); tell them in the response
gdpr-step-is-told = Art. 19: the person is told by mail
gdpr-step-restricted = processing restricted
gdpr-step-lifted = restriction lifted
gdpr-step-withdrawal = withdrawal recorded for: {$purposes}
gdpr-step-portal-copy = asked through the privacy portal: a copy of my data
gdpr-step-portal-erase = asked through the privacy portal: erase all my data
gdpr-step-portal-corrected = asked through the privacy portal: corrected {$fields}
gdpr-step-carried-out = carried out at once
gdpr-step-archive-downloaded = archive downloaded by the person ({$count} records)
gdpr-step-erased-portal = erased at the person's request through the privacy portal
gdpr-step-waiting-dpo = waiting for the DPO (the configuration asks for review)
gdpr-step-breach-recorded = recorded; counted {$subjects} data subjects and {$records} records concerned
gdpr-step-breach-counted = counted again: {$subjects} data subjects, {$records} records
gdpr-step-notified = supervisory authority notified
gdpr-step-notified-late = supervisory authority notified (late, with reasons)
gdpr-step-closed = closed
gdpr-step-notice-queued = notice to the people concerned queued for {$count} recipients
gdpr-step-notices-queued = {$queued} notices queued to the outbox, {$skipped} could not be

# What the audit log and a request's history name by reference
gdpr-name-token = token “{$name}”
gdpr-name-campaign = campaign “{$name}”
gdpr-name-import = import of {$name}
gdpr-name-form = form “{$name}”
gdpr-name-list = list “{$name}”
gdpr-name-field = field “{$name}”
gdpr-name-purpose = purpose “{$name}”
gdpr-name-template = template “{$name}”
gdpr-name-saved-search = saved search “{$name}”
gdpr-name-request = {$kind} request of {$day}
gdpr-name-breach = breach discovered {$day}

# Breaches
gdpr-breaches-title = Breaches
gdpr-breaches-heading = Personal-data breaches
gdpr-breaches-intro = Record a breach as soon as you know of it. Tidings counts the people and records it concerns, lists who exported or viewed data in its time window, drafts the notification to the supervisory authority (due within 72 hours of discovery, Art. 33) and prepares the notice to the people concerned (Art. 34). Every step is kept in the audit log.
gdpr-breaches-recorded = Recorded breaches
gdpr-col-discovered = Discovered
gdpr-col-affected = Affected
gdpr-col-people = People
gdpr-col-records = Records
gdpr-col-authority = Authority
gdpr-tag-closed = closed
gdpr-tag-notified = notified
gdpr-tag-late = late
gdpr-overdue-by = overdue by {$hours} h
gdpr-time-left = {$hours} h {$minutes} min left
gdpr-tag-not-notified = not notified
gdpr-breaches-none = No breach has been recorded. When one happens, record it below straight away: the 72 hours run from when you became aware of it.
gdpr-breach-record-title = Record a breach
gdpr-breach-discovered = Discovered (UTC)
gdpr-breach-window = When the data was exposed (UTC)
gdpr-breach-from = From
gdpr-breach-to = To
gdpr-breach-to-hint = (empty: until discovered)
gdpr-breach-what = What was affected
gdpr-breach-all = All of it
gdpr-breach-only-list = Only contacts on this list
gdpr-optional = (optional)
gdpr-breach-any-list = — any list —
gdpr-breach-only-tag = Only contacts with this tag
gdpr-breach-description = What happened
gdpr-breach-description-hint = (the nature of the breach; do not name people here)
gdpr-breach-consequences = Likely consequences
gdpr-breach-later = (may follow later)
gdpr-breach-measures = Measures taken or proposed
gdpr-breach-record = Record the breach
gdpr-error-datetime = use a date and time like 2026-11-23T14:05 (UTC)
gdpr-affected = { $what ->
    [contacts] Contact profiles (addresses, names, fields, lists, tags)
    [consents] Consent records and form submissions
    [events] Tracked activity (opens, clicks, visits, orders)
    [requests] Privacy requests and what requesters wrote
   *[other] Admin user accounts
}
gdpr-affected-short = { $what ->
    [contacts] contacts
    [consents] consents
    [events] events
    [requests] requests
   *[other] users
}

# One breach
gdpr-breach-title = Breach discovered {$when}
gdpr-breach-back = All breaches
gdpr-breach-authority = Notifying the supervisory authority
gdpr-breach-notified = on {$when}, { $late ->
    [yes] after the 72 hours (reasons given: {$reason})
   *[other] within the 72 hours
}
gdpr-breach-authority-reference = ; the authority's reference: {$reference}
gdpr-breach-overdue-label = Overdue:
gdpr-breach-overdue = the 72 hours ended {$when}, {$hours} h {$minutes} min ago.
gdpr-breach-notify-now = Notify now, and give the reasons for the delay (Art. 33(1)).
gdpr-countdown-passed = (the deadline has passed)
gdpr-hours-minutes = {$hours} h {$minutes} min
gdpr-breach-left = left: notify by {$when} (72 hours after discovery).
gdpr-breach-closed-unreported = Closed without notifying the authority: {$reason}
gdpr-breach-concerns = What it concerns
gdpr-breach-exposed = Exposed
gdpr-breach-range = {$from} to {$to}
gdpr-breach-only-list-named = only the list “{$list}”
gdpr-breach-only-tag-named = only the tag “{$tag}”
gdpr-breach-categories = Data categories
gdpr-breach-counts = Counts
gdpr-count-people = { $count ->
    [one] person
   *[other] people
}
gdpr-count-records = { $count ->
    [one] record
   *[other] records
}
gdpr-count-contacts = { $count ->
    [one] contact profile
   *[other] contact profiles
}
gdpr-count-consents = { $count ->
    [one] consent record
   *[other] consent records
}
gdpr-count-events = { $count ->
    [one] tracked event
   *[other] tracked events
} of { $people ->
    [one] {$people} person
   *[other] {$people} people
}
gdpr-count-requests = { $count ->
    [one] privacy request
   *[other] privacy requests
}
gdpr-count-users = { $count ->
    [one] admin account
   *[other] admin accounts
}
gdpr-breach-counted-at = Counted {$when} from the stores as they are (people erased since cannot be counted).
gdpr-breach-count-again = Count again
gdpr-breach-activity = Recorded in the audit log during the window
gdpr-breach-activity-table = Activity in the window
gdpr-col-what = What
gdpr-col-who = Who
gdpr-col-times = Times
gdpr-breach-open-audit = Open the audit log for these days
gdpr-breach-no-activity = No export, unmasking, archive, backup or sign-in was recorded in the window.
gdpr-breach-draft-title = Draft notification to the supervisory authority
gdpr-breach-draft-intro = With the information Article 33(3) asks for. Copy it into the authority's form, or
gdpr-breach-draft-download = download it as text
gdpr-breach-draft-label = Notification text
gdpr-breach-notified-at = Notified on (UTC; empty: now)
gdpr-breach-reference = The authority's reference
gdpr-breach-delay = Reasons for a delay past 72 hours
gdpr-breach-delay-hint = (required if late)
gdpr-breach-mark-notified = Mark as notified
gdpr-breach-notice-title = Notice to the people concerned
gdpr-breach-notice-intro = Needed when the breach is likely to result in a high risk to them (Art. 34). In plain language; edit it before it goes.
gdpr-tag-queued = queued
gdpr-breach-queued-for = {$when} for { $count ->
    [one] {$count} recipient
   *[other] {$count} recipients
}, through the transactional outbox.
gdpr-breach-subject = Subject
gdpr-breach-text = Text
gdpr-breach-paragraphs = (paragraphs separated by a blank line)
gdpr-breach-save-notice = Save the notice
gdpr-breach-versions = In other languages
gdpr-breach-versions-intro = Each person gets the version in their own language where there is one, else the version in the shop's language, else the text above; the mail's footer and language follow the version.
gdpr-breach-version-none = No version in this language.
gdpr-breach-version-subject = Subject in {$language}
gdpr-breach-version-text = Text in {$language}
gdpr-breach-version-save = Save {$language}
gdpr-breach-version-remove = Remove {$language}
gdpr-breach-send-confirm = { $count ->
    [one] Send this notice to {$count} person? Mail cannot be called back.
   *[other] Send this notice to {$count} people? Mail cannot be called back.
}
gdpr-breach-reachable = of the {$total} contacts concerned can be reached by mail (bounced, complained and erased addresses cannot).
gdpr-breach-send = Send the notice to them
gdpr-breach-no-contacts = This breach concerns no contacts; there is no one to notify by mail.
gdpr-breach-details = Details
gdpr-breach-no-names = (do not name people here)
gdpr-breach-why-not-notified = Why the authority is not notified
gdpr-breach-why-not-notified-hint = (e.g. unlikely to result in a risk to anyone)
gdpr-breach-close = Close the breach

# The draft notification to the supervisory authority (Art. 33(3)); the API gives it in English
gdpr-draft-title = Notification of a personal data breach to the supervisory authority (GDPR Art. 33)
gdpr-draft-controller = Controller: {$controller}
gdpr-draft-reference = Our reference: {$reference}
gdpr-draft-timing = Timing
gdpr-draft-discovered = Discovered: {$when}
gdpr-draft-window = Period in which the data was exposed: {$from} to {$to}
gdpr-draft-this = This notification: {$timing}
gdpr-draft-in-time = within 72 hours of discovery ({ $hours ->
    [one] {$hours} hour
   *[other] {$hours} hours
} after it)
gdpr-draft-late = {$hours} hours after discovery, later than 72 hours. Reasons for the delay: {$reasons}
gdpr-draft-nature = (a) Nature of the breach
gdpr-draft-affected = Data affected: {$affected}{$scope}
gdpr-draft-scope-list-tag = (contacts on the list “{$list}” with the tag “{$tag}”)
gdpr-draft-scope-list = (contacts on the list “{$list}”)
gdpr-draft-scope-tag = (contacts with the tag “{$tag}”)
gdpr-draft-categories = Categories of personal data concerned: {$categories}
gdpr-draft-subjects = Approximate number of data subjects concerned: {$count}
gdpr-draft-records = Approximate number of personal data records concerned: {$count} ({$detail})
gdpr-draft-detail-contacts = { $count ->
    [one] {$count} contact profile
   *[other] {$count} contact profiles
}
gdpr-draft-detail-consents = { $count ->
    [one] {$count} consent record or form submission
   *[other] {$count} consent records and form submissions
}
gdpr-draft-detail-events = { $count ->
    [one] {$count} tracked event
   *[other] {$count} tracked events
} of { $people ->
    [one] {$people} person
   *[other] {$people} people
}
gdpr-draft-detail-requests = { $count ->
    [one] {$count} privacy request
   *[other] {$count} privacy requests
}
gdpr-draft-detail-users = { $count ->
    [one] {$count} admin account
   *[other] {$count} admin accounts
}
gdpr-draft-access = Access recorded in the audit log during that period (exports, unmasking, archives, backups, sign-ins): {$activity}
gdpr-draft-activity-line = {$count} × {$action} by {$actor}
gdpr-draft-activity-none = none recorded
gdpr-draft-dpo = (b) Data-protection officer or other contact point
gdpr-draft-no-dpo = — no DPO contact is set yet (Settings)
gdpr-draft-consequences = (c) Likely consequences of the breach
gdpr-draft-measures = (d) Measures taken or proposed to address the breach, including measures to mitigate its possible adverse effects
gdpr-draft-pending = — {$what} (to be completed; Art. 33(4) allows providing it in phases)
gdpr-draft-pending-consequences = the likely consequences
gdpr-draft-pending-measures = the measures taken
gdpr-draft-pending-delay = the reasons for the delay
gdpr-draft-phases = Where information is not yet complete, it will be provided in phases without undue further delay (Art. 33(4)).

# Retention
gdpr-retention-title = Retention
gdpr-retention-intro = Each kind of record is kept for its own period and then removed by the daily retention run (the built-in scheduler, no system cron). A dry run counts what each rule would remove now and changes nothing; every run writes its counts to the audit log.
gdpr-retention-dry-run = Dry run
gdpr-retention-run-confirm = Remove everything past its period now? This cannot be undone.
gdpr-retention-run = Run now
gdpr-retention-dry-run-done = Dry run: nothing was changed.
gdpr-retention-would-remove = { $count ->
    [one] Running now would remove {$count} record, as counted below.
   *[other] Running now would remove {$count} records, as counted below.
}
gdpr-retention-nothing-due = Nothing is past its period right now.
gdpr-retention-rules = Rules
gdpr-retention-rules-table = Retention rules
gdpr-retention-col-rule = Rule
gdpr-retention-col-data = Data
gdpr-retention-col-kept = Kept for
gdpr-retention-col-set-in = Period set in
gdpr-retention-col-then = Then
gdpr-retention-col-would-go = Would go now
gdpr-days = { $count ->
    [one] {$count} day
   *[other] {$count} days
}
gdpr-retention-off = off
gdpr-retention-kept = kept
gdpr-retention-action = { $action ->
    [anonymise] anonymise
   *[other] delete
}
gdpr-retention-never-inactive = Contacts whose processing is restricted, or who have an open privacy request, are never removed as inactive. Event periods are the purposes' retention periods: change them on
gdpr-retention-purposes-link = Purposes
gdpr-retention-last-run = Last run
gdpr-retention-last-run-at = {$when} ({$ago}), by {$who}.
gdpr-retention-never-ran = Retention has not run yet. The scheduler runs it daily; “Run now” runs it at once.
gdpr-retention-periods = Periods you set here
gdpr-retention-inactive-days = Remove contacts inactive for this many days
gdpr-retention-inactive-days-hint = (0 keeps them: the rule is off; otherwise 30 to {$max})
gdpr-retention-inactive-is = An inactive contact is
gdpr-retention-inactive-anonymise = anonymised: erased, while campaign and site totals keep counting what they did
gdpr-retention-inactive-delete = deleted: erased, and their part taken out of the totals too
gdpr-retention-inactive-means = Inactive means: no open, click, visit or order, and no change to the contact, within the period.
gdpr-retention-closed-requests = Keep closed privacy requests for (days, 30 to {$max})
gdpr-retention-audit = Keep audit log entries for (days, 365 to {$max})
gdpr-retention-save = Save periods
gdpr-error-days = enter a whole number of days
gdpr-rule-email-events = Email opens and clicks
gdpr-rule-data-email-events = email interactions
gdpr-rule-website-events = Page views, shop events and orders
gdpr-rule-data-website-events = website activity, orders
gdpr-rule-website-visitors = Website visitors not linked to a contact
gdpr-rule-data-website-visitors = pseudonymous visitor ids and their visits
gdpr-rule-inactive-contacts = Inactive contacts
gdpr-rule-data-contacts = contacts with everything about them
gdpr-rule-unconfirmed-sign-ups = Sign-ups nobody confirmed
gdpr-rule-data-sign-ups = form submissions (and contacts they created)
gdpr-rule-import-uploads = Uploaded CSV files never imported
gdpr-rule-data-uploads = contact lists uploaded for import
gdpr-rule-closed-requests = Closed privacy requests
gdpr-rule-data-requests = the register of requests and what was filed with them
gdpr-rule-tombstones = Erasure tombstones
gdpr-rule-data-tombstones = keyed hashes of erased addresses
gdpr-rule-audit-entries = Audit log entries
gdpr-rule-data-audit = who did what and when
gdpr-rule-consent-ended = Contacts whose every consent has ended
gdpr-rule-transactional = Transactional messages
gdpr-rule-data-transactional = messages to a person and the data merged into them (order details, links)
gdpr-rule-set-purpose = the purpose “{$purpose}”
gdpr-rule-set-here = this page
gdpr-rule-set-config = the config file ({$key})
gdpr-rule-set-fixed = fixed (one day)
gdpr-rule-set-consent-purposes = each consent purpose (Fields & purposes); the longest shown
gdpr-rule-also-event-ids = and {$count} order and event ids kept against double counting
gdpr-rule-also-visits = and {$count} older visits of visitors still active
gdpr-rule-also-sign-ups = {$count} of them created their contact, which is erased with the sign-up
gdpr-rule-also-sign-ups-done = {$count} of them created their contact, which was erased with the sign-up
gdpr-rule-also-consent-ended = kept for the longest period of the purposes they had agreed to, from the later of the last withdrawal and their last activity

# The audit log
gdpr-audit-title = Audit log
gdpr-audit-verify = Verify the chain
gdpr-audit-intro = Every sign-in, change and administrative action, newest first. Entries are chained with keyed hashes: an edited or removed entry is detected by verification (also
gdpr-audit-intro-end = ). Entries store ids only, so that renaming or erasing never rewrites the log; this page shows the current names of what you may see.
gdpr-audit-intact = Chain intact: {$count} entries verified.
gdpr-audit-broken = Chain broken at entry {$seq}: {$reason}
gdpr-audit-action = Action
gdpr-audit-any = any
gdpr-audit-actor = Actor
gdpr-audit-actor-placeholder = person:… or cli
gdpr-audit-target = Target
gdpr-audit-target-placeholder = contact:…, campaign:…, request:…
gdpr-audit-from = From
gdpr-audit-to = To
gdpr-audit-filter = Filter
gdpr-audit-clear = Clear
gdpr-audit-entries = Audit entries
gdpr-audit-col-when = When (UTC)
gdpr-audit-col-network = Network
gdpr-audit-col-details = Details
gdpr-audit-entries-by = Entries by {$who}
gdpr-audit-entries-about = Entries about {$what}
gdpr-audit-open-named = Open {$name}
gdpr-audit-open = open
gdpr-audit-older = Older entries
gdpr-audit-none-match = No entries match these filters.
gdpr-audit-empty = The audit log is empty.
gdpr-audit-break-anchor = the retention anchor was altered (it does not carry the audit key's signature)
gdpr-audit-break-unreadable = entry is unreadable
gdpr-audit-break-misplaced = entry is stored under another sequence number
gdpr-audit-break-missing = entry {$expected} is missing (next present is {$next})
gdpr-audit-break-not-following = entry does not follow the previous one (chain broken)
gdpr-audit-break-altered = entry was altered (MAC mismatch)
gdpr-audit-break-head-missing = the signed head is missing
gdpr-audit-break-head-malformed = the signed head is malformed
gdpr-audit-break-head-altered = the signed head was altered
gdpr-audit-break-head-mismatch = the head says the log ends at entry {$head}, but it ends at {$last}: entries were removed or added

# Records of processing (Art. 30); the API and the JSON download give them in English
gdpr-records-title = Records of processing
gdpr-records-heading = Records of processing activities
gdpr-records-download = Download (JSON)
gdpr-records-intro = Article 30 GDPR. Generated from the purposes, the settings and the configuration as they are now ({$when}): change a purpose and this record changes with it. Print this page (or save it as PDF) for an HTML copy.
gdpr-records-controller = Controller
gdpr-records-name = Name
gdpr-records-set-in-settings = — set it in Settings
gdpr-records-address = Address
gdpr-records-dpo = Data-protection officer
gdpr-records-where = Where the data is
gdpr-records-purposes = Purposes
gdpr-records-col-purpose = Purpose
gdpr-records-col-basis = Lawful basis
gdpr-records-col-data = Data
gdpr-records-col-subjects = Data subjects
gdpr-records-col-recipients = Recipients
gdpr-records-col-erased-after = Erased after
gdpr-records-no-recipients = none outside the controller
gdpr-records-processors = Processors and transfers
gdpr-records-processor = {$role}; data: {$data}
gdpr-records-no-processor = No processor: no SMTP relay is configured.
gdpr-records-transfers = Transfers to third countries: {$transfers}
gdpr-records-measures = Technical and organisational measures
gdpr-records-stores = Where personal data is kept
gdpr-records-stores-table = Stores
gdpr-records-col-store = Store
gdpr-records-col-what-for = What for
gdpr-records-col-erased = Erased with the person
gdpr-records-erased-yes = yes
gdpr-records-erased-no = no: {$why}
gdpr-records-subjects-customers = customers and prospects of the controller
gdpr-records-subjects-subscribers = newsletter subscribers
gdpr-records-relay-role = SMTP relay: delivers email on the controller's behalf
gdpr-records-transfers-none = None: without an SMTP relay, mail is written to files on this server and nothing leaves it.
gdpr-records-transfers-relay = None by the appliance itself. State here whether a configured SMTP relay processes data outside the EU/EEA and on which safeguard (Art. 46).
gdpr-records-location = On this server: {$path}
gdpr-records-description-newsletter = Sending our newsletter and offers by email.
gdpr-records-description-engagement = Measuring whether our emails are opened and which links are clicked, per recipient.
gdpr-records-description-website-tracking = Recording page views and shop events on our website and linking them to the contact.
gdpr-records-description-transactional = Order confirmations, invoices, password resets and other mail needed to fulfil a contract.
gdpr-records-recipient-relay = our SMTP relay (processor)
gdpr-records-2fa-none = available to every user, required of none
gdpr-records-2fa-all = required of every user
gdpr-records-2fa-some = required of {$roles}; available to every other user
gdpr-role-owner = Owner
gdpr-role-admin = Administrator
gdpr-role-marketer = Marketer
gdpr-role-analyst = Analyst
gdpr-role-dpo = Data-protection officer
gdpr-measure-encryption = Personal data is encrypted at rest per person (ChaCha20-Poly1305 under a per-person key wrapped by a master key kept outside the store); erasure destroys the person's key.
gdpr-measure-https = All web traffic is HTTPS (TLS 1.2+ through rustls); the admin session cookie is HttpOnly, Secure and SameSite.
gdpr-measure-proxy = The server speaks plain HTTP behind a reverse proxy that terminates TLS (tls.mode = "off"); the admin session cookie is HttpOnly and SameSite.
gdpr-measure-passwords = Staff passwords are hashed with Argon2id (at least {$length} characters); after {$attempts} failed sign-ins from one network an account is locked for that network for {$minutes} minutes and slowed down elsewhere; two-factor authentication (TOTP) is {$two_factor}.
gdpr-measure-roles = Role-based access: roles without the personal-data permission see masked data; unmasking is recorded with its reason.
gdpr-measure-audit = Every administrative action is written to an append-only, hash-chained audit log whose integrity can be verified.
gdpr-measure-truncation = IP addresses are truncated before storage (IPv4 /24, IPv6 /48); user agents are reduced to browser family.
gdpr-measure-no-third-parties = No request is made to third parties from the server or its pages (no CDN, no external fonts, no third-party CAPTCHA or analytics).
gdpr-measure-tracking-consent = Tracking of email engagement and website behaviour only with the person's consent (or as configured), honouring Do Not Track and Global Privacy Control.
gdpr-measure-retention = Retention runs by itself every day: tracked events, website visitors, unconfirmed sign-ups, abandoned uploads, closed requests, erasure tombstones, audit entries (and, if chosen, inactive contacts) are removed when their period ends; each run's counts are in the audit log.
gdpr-measure-pseudonyms = Audit entries name contacts by a pseudonym keyed with the person's own data key, which stops resolving when the person is erased.
gdpr-measure-backups = Backups can be encrypted; erasures are journalled and re-applied when an older backup is restored.
gdpr-measure-requests = Data-subject requests are registered with their deadlines; access, erasure, restriction and objection are carried out from the register and recorded.
# Each store holding personal data, as its registration says (src/store/registry.rs)
gdpr-store-users = admin accounts: login name, display name, role, credentials
gdpr-store-user-preferences = each staff member's own choices: language of the admin pages, columns of the contacts list
gdpr-store-user-lookup = find an admin account by login name (keyed hash, no plaintext)
gdpr-store-sessions = signed-in admin sessions
gdpr-store-api-tokens = REST API tokens of admin users
gdpr-store-audit = who did what and when, for accountability (GDPR Art. 5(2))
gdpr-store-audit-kept = the controller must be able to show what was done; entries hold admin ids and contact pseudonyms that stop resolving when the contact is erased
gdpr-store-audit-subjects = which contact each pseudonym in the audit log stands for, while the contact exists
gdpr-store-mail-outbox-files = messages written to <data_dir>/outbox/ while no SMTP relay is configured
gdpr-store-public-intake = requests from the public pages that name an address (a privacy-portal sign-in, a subscribe-form submission), kept from the answer until they are carried out a moment later
gdpr-store-outbox = who is to receive, and received, each campaign, with the delivery state
gdpr-store-message-queue = delivery state of each transactional message
gdpr-store-message-keys = idempotency keys of transactional messages (keyed hashes)
gdpr-store-message-pending = transactional messages not yet delivered (the sender's work list)
gdpr-store-messages = transactional messages to a person: template and the data merged into it
gdpr-store-events-by-time = the event log in time order (retention walks it)
gdpr-store-events = tracked events of a contact: opens, clicks, page views, shop events and orders
gdpr-store-track-seen = whether a contact opened or clicked each mailing (unique counts)
gdpr-store-visitor-links = which website visitors are linked to a contact (after a tracked click or a confirmed form)
gdpr-store-visitors = website visitors (a keyed hash of the tracker's random id): first and last visit, linked contact
gdpr-store-visitor-events = page views, shop events and orders of website visitors not (yet) linked to a contact
gdpr-store-track-event-ids = ids of orders and API events already recorded, so that a retry does not count twice
gdpr-store-form-submissions = what a person submitted through a subscribe form, to prove consent: values, purposes ticked with the wording version shown, truncated IP, browser family, submission and confirmation times
gdpr-store-form-pending = sign-ups waiting for confirmation, in time order, for the daily removal of unconfirmed ones
gdpr-store-dsr-requests = the register of data-subject requests: kind, dates, state, steps taken
gdpr-store-dsr-by-contact = which requests a contact made (lookup)
gdpr-store-dsr-details = what a requester wrote and the responses sent
gdpr-store-restrictions = contacts whose processing is restricted (Art. 18), since when and why
gdpr-store-portal-nonces = privacy-portal links already used (so each works once)
gdpr-store-contact-email-buckets = find a contact by email address (keyed hash, no plaintext)
gdpr-store-contacts = contact profiles: email, names, phone, locale, time zone, custom fields, tags, lists, status
gdpr-store-consents = the consent ledger: every grant and withdrawal per purpose, with wording, source, truncated IP
gdpr-store-contact-history = the contact's change history (which fields changed, when, by whom)
gdpr-store-contact-aliases = ids of contacts merged into another, pointing at the one that remains
gdpr-store-contact-activity = per-contact engagement aggregates (last open, click and visit; counts; orders and revenue)
gdpr-store-search-index = the full-text contact index in data_dir/search (derived from the contacts tree)
gdpr-store-bounces = bounces and complaints per contact: kind, SMTP status, diagnostic, source, campaign, time
gdpr-store-bounce-recent = which contacts the newest bounce and complaint events belong to (for the settings page)
# Categories of personal data, as the registry and the shipped purposes name them
gdpr-category-actions-taken = actions taken
gdpr-category-admin-user-ids = admin user ids
gdpr-category-browser-family = browser family
gdpr-category-campaign-received = campaign received
gdpr-category-change-history = change history
gdpr-category-consent-state = consent state
gdpr-category-consents = consents
gdpr-category-contact-details = contact details
gdpr-category-contact-id = contact id
gdpr-category-contact-identifiers = contact identifiers
gdpr-category-contact-pseudonyms = contact pseudonyms
gdpr-category-correspondence = correspondence about the request
gdpr-category-country = country
gdpr-category-custom-fields = custom fields
gdpr-category-delivery-failures = delivery failures
gdpr-category-delivery-state = delivery state
gdpr-category-display-name = display name
gdpr-category-email-address = email address
gdpr-category-sort-keys = email address and name (sort keys)
gdpr-category-email-interactions = email interactions
gdpr-category-event-kind = event kind
gdpr-category-form-values = form values
gdpr-category-interface-language = interface language
gdpr-category-email-hash = keyed hash of email address
gdpr-category-login-hash = keyed hash of login name
gdpr-category-list-columns = list columns
gdpr-category-login-name = login name
gdpr-category-login-times = login times
gdpr-category-mailing-opened = mailing opened or clicked
gdpr-category-message-content = message content
gdpr-category-message-merge-fields = message content (merge fields)
gdpr-category-message-data = message data supplied by the shop (order details, links)
gdpr-category-order-data = order data
gdpr-category-order-totals = order totals
gdpr-category-orders = orders
gdpr-category-owner-id = owner id
gdpr-category-page-views = page views
gdpr-category-password-hash = password hash
gdpr-category-profile = profile
gdpr-category-visitor-id = pseudonymous visitor id
gdpr-category-requests-made = requests made
gdpr-category-restriction = restriction of processing
gdpr-category-role = role
gdpr-category-second-factor = second-factor secret
gdpr-category-shop-events = shop events
gdpr-category-sign-in-times = sign-in times
gdpr-category-spam-complaints = spam complaints
gdpr-category-status = status
gdpr-category-subscription-preferences = subscription preferences
gdpr-category-subscription-status = subscription status
gdpr-category-tags-and-lists = tags and lists
gdpr-category-token-name = token name
gdpr-category-truncated-ip = truncated IP address
gdpr-category-truncated-ips = truncated IP addresses
gdpr-category-usage-times = usage times
gdpr-category-visit-times = visit times
gdpr-category-website-activity = website activity
gdpr-category-word-prefixes = word prefixes of email, names, phone, tags, lists and text fields

# The dashboard's block of privacy deadlines
gdpr-dash-title = Privacy deadlines
gdpr-dash-breach-overdue = notification to the authority overdue
gdpr-dash-by-hours = by {$hours} h
gdpr-dash-notify-within = notify the authority within
gdpr-dash-requests = { $count ->
    [one] {$count} privacy request needs an answer soon
   *[other] {$count} privacy requests need an answer soon
}
gdpr-dash-overdue = {$count} overdue
gdpr-dash-since = since {$when}
gdpr-dash-due = due {$when}
gdpr-dash-more = and {$count} more.
gdpr-dash-none = No privacy request is overdue or due within 7 days, and no breach is waiting to be notified.

## Sign-in, users, tokens and settings
# (messages of these pages go below this line, above the next heading)
