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
campaign-state-testing = Waiting for the A/B winner

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
contacts-saved-none = None yet. Choose filters (status, tag, list, consent, engagement, segment) and save them here to come back to them, or to send a campaign to whoever matches at the time.
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
c-saved-delete-confirm = Delete the saved search “{$name}”?
c-saved-delete = Delete the saved search {$name}
c-results-count = Page {$page} of {$pages} · { $count ->
    [one] {$total} contact
   *[other] {$total} contacts
}
c-results-matching = Page {$page} of {$pages} · { $count ->
    [one] {$total} contact matches
   *[other] {$total} contacts match
}
c-results-region = Contacts found
c-select-page = Select all on this page
c-select-one = Select {$email}
c-pages = Pages
c-first-page = First page
c-prev-page = Previous page
c-next-page = Next page
c-last-page = Last page
c-no-match = No contacts match this search.
c-show-all = Show all contacts
c-empty-title = No contacts yet
c-empty-intro = Add your first contact by hand, or bring in an existing list from a CSV file (from your shop, a spreadsheet or another newsletter tool).
c-empty-import = Import a CSV file
c-empty-readonly = Contacts appear here once someone with the right to edit contacts adds or imports them.
c-choose = choose…
c-bulk-actions = Bulk actions
c-bulk-none = Tick contacts to act on them
c-bulk-selected = { $count ->
    [one] {$count} selected
   *[other] {$count} selected
}
c-bulk-all-selected = All {$total} matching selected
c-bulk-select-all = Select all {$total} matching this search
c-bulk-action = Action
c-bulk-apply = Apply
c-bulk-add-tag = Add tag
c-bulk-remove-tag = Remove tag
c-bulk-add-to-list = Add to list
c-bulk-remove-from-list = Remove from list
c-bulk-export = Export (CSV)
c-bulk-delete = Delete
c-bulk-doing-add-tag = Add the tag {$tag}
c-bulk-doing-remove-tag = Remove the tag {$tag}
c-bulk-doing-add-to-list = Add to the list {$list}
c-bulk-doing-remove-from-list = Remove from the list {$list}
c-bulk-doing-delete-suppress = Delete (addresses kept on the suppression list)
c-bulk-doing-delete = Delete
c-bulk-too-many = Choose at most {$max} contacts, or all matching.
c-bulk-not-a-contact = One of the ticked rows is not a contact.
c-bulk-none-ticked = Tick at least one contact, or choose all matching.
c-scope-matching = all matching: {$filters}
c-scope-selected = { $count ->
    [one] {$count} selected contact
   *[other] {$count} selected contacts
}
c-describe-words = search words
c-describe-tag = tag {$tag}
c-describe-list = list {$list}
c-describe-granted = consent {$purpose} granted
c-describe-withdrawn = consent {$purpose} withdrawn
c-describe-every = every contact
c-engagement-opened = opened in the last 30 days
c-engagement-clicked = clicked in the last 30 days
c-engagement-not-opened = not opened in 90 days (or never)
c-engagement-inactive = no activity in 180 days (or never)
c-engagement-buyers = placed at least one order
c-status-pending = Pending confirmation
c-status-subscribed = Subscribed
c-status-unsubscribed = Unsubscribed
c-status-bounced = Bounced
c-status-complained = Complained
c-status-word-pending = pending
c-status-word-subscribed = subscribed
c-status-word-unsubscribed = unsubscribed
c-status-word-bounced = bounced
c-status-word-complained = complained
c-source-form = form
c-source-import = import
c-source-api = api
c-source-admin = admin
c-field-email = Email
c-field-name = Name
c-field-first-name = First name
c-field-last-name = Last name
c-field-phone = Phone
c-field-locale = Language
c-field-time-zone = Time zone
c-field-status = Status
c-field-tags = Tags
c-field-lists = Lists
c-field-source = Source
c-field-added = Added
c-field-changed = Changed
c-yes = yes
c-no = no
c-edit = Edit
c-merge-with = Merge with another contact
c-register-request = Register a privacy request
c-restricted = Processing restricted
c-restricted-since = since {$since} (Art. 18): no mail, no tracking, left out of exports.
c-see-request = See the request
c-unmasked = Shown unmasked this once. Your reason has been recorded in the audit log; reloading the page masks it again.
c-masked-title = Personal data is masked
c-masked-role = Your role sees names, addresses and phone numbers masked.
c-masked-why = If your work needs this contact's details, say why: the reason is recorded in the audit log.
c-reason = Reason
c-reason-placeholder = e.g. ticket 4711: the person asked about their subscription
c-unmask = Unmask this contact
c-profile = Profile
c-merged = Merged
c-merged-count = { $count ->
    [one] {$count} other contact merged into this one
   *[other] {$count} other contacts merged into this one
}
c-custom-fields = Custom fields
c-consent-region = Consent per purpose
c-purpose = Purpose
c-basis = Lawful basis
c-state = State
c-since = Since
c-granted = granted
c-withdrawn = withdrawn
c-not-asked = not asked
c-no-purposes = No purposes are registered.
c-record-consent = Record a grant or withdrawal
c-person-has = The person has
c-granted-consent = granted consent
c-withdrawn-consent = withdrawn consent
c-note = Note
c-note-hint = how and where, e.g. “by phone, 23 Nov, call ref 118”
c-record = Record
c-ledger = Consent ledger
c-ledger-intro = Every grant and withdrawal as it was recorded; entries are never changed or removed (except by erasure of the whole contact).
c-when-utc = When (UTC)
c-through = Through
c-wording = Wording
c-network = Network
c-browser = Browser
c-version = version {$version}
c-masked = masked
c-nothing-recorded = Nothing recorded yet.
c-timeline = Timeline
c-timeline-intro = Newest first: changes, consents, mail sent, and what the contact did where they allowed it to be measured (opens, clicks, page views, shop events, orders).
c-timeline-masked = Addresses are shown without their query, and event properties and browsers are hidden, while personal data is masked.
c-timeline-newest = Back to the newest entries
c-timeline-by = by {$actor}
c-timeline-older = Show older entries
c-delete = Delete
c-delete-intro = Deleting removes the contact everywhere in the store: profile, consent ledger, history and the search index.
c-delete-confirm = Delete this contact with its consent ledger and history? This cannot be undone.
c-keep-suppression = Keep a suppression entry so this address cannot be imported again
c-keep-suppression-hint = a keyed hash, not the address
c-delete-contact = Delete contact
c-via-form = form {$form}
c-via-import = import {$import}
c-via-token = API token {$token}
c-via-admin = admin user {$user}
c-via-merge = merged from contact {$contact}
c-via-unsubscribe-page = the person, on the unsubscribe page
c-via-preferences-page = the person, on the preferences page
c-via-subject = the person, on the {$page} page
c-tl-consent-granted = Consent granted for {$purpose}
c-tl-consent-withdrawn = Consent withdrawn for {$purpose}
c-tl-changed = Changed {$fields}
c-tl-merged = Merged: {$detail}
c-tl-unmasked = Personal data revealed to a masked viewer
c-tl-status = Status changed from {$from} to {$to}
c-tl-status-why = Status changed from {$from} to {$to} ({$why})
c-tl-status-other = Status changed ({$detail})
c-history-by-person-preferences = by the person, in the preference centre
c-history-bulk = bulk action {$job}
c-history-merged = contact {$contact} merged into this one
c-tl-campaign-sent = Sent: campaign “{$campaign}”
c-tl-campaign-queued = Queued: campaign “{$campaign}”
c-tl-campaign-retry = Waiting to retry: campaign “{$campaign}”
c-tl-campaign-waiting = Waiting for their best hour: campaign “{$campaign}”
c-tl-campaign-failed = Not delivered: campaign “{$campaign}”
c-tl-campaign-skipped = Left out of: campaign “{$campaign}”
c-tl-message = Message “{$template}” ({$state})
c-tl-journey-message = Message of the journey “{ $journey }”, step { $step } ({ $state })
c-slot-queued = queued
c-slot-retry = retry
c-slot-waiting = waiting for their best hour
c-sendtime-title = Best hour to send
c-sendtime-learned = Usually active {$days} {$from}–{$to} h ({$within} of {$total} signals; times in {$zone}).
c-sendtime-shop-peak = Too few signals ({$signals}): the shop's peak, {$day} {$hour} h ({$zone}).
c-sendtime-no-data = Too few signals ({$signals}), and none in the shop yet: the window's start.
c-sendtime-objected = Objected to profiling: none (their mail goes at the window's start).
c-sendtime-restricted = Processing restricted: none.
c-slot-sent = sent
c-slot-failed = failed
c-slot-skipped = skipped
c-note-smtp = SMTP {$code}
c-note-network = the relay could not be reached
c-note-erased = contact erased
c-note-not-subscribed = no longer subscribed
c-note-suppressed = address suppressed
c-note-no-consent = no consent for the purpose
c-note-render-failed = the template failed for this contact
c-note-error = the message could not be prepared (see the log)
c-note-restricted = processing restricted (Art. 18)
c-actor-sender = the sender
c-tl-hard-bounce = Hard bounce
c-tl-soft-bounce = Soft bounce
c-tl-complaint = Spam complaint
c-tl-created = Created (source: {$source})
c-ev-query-masked = {$address} (query masked)
c-ev-masked = (masked)
c-ev-campaign = campaign “{$name}”
c-ev-message = message “{$name}”
c-ev-deleted-campaign = a deleted campaign
c-ev-gone-mailing = a mailing no longer here
c-ev-a-message = a message
c-ev-by-pixel = the open pixel
c-ev-by-click = a tracked link
c-ev-by-tracker = the website tracker
c-ev-by-api = the events API
c-ev-by-tracking = tracking
c-ev-opened = Opened {$mailing}
c-ev-opened-machine = Opened {$mailing} by a machine
c-ev-clicked = Clicked a link in {$mailing}
c-ev-fetched-machine = A link in {$mailing} was fetched by a machine
c-ev-page-view = Viewed a page
c-ev-custom = Event {$name}
c-ev-unnamed = (unnamed)
c-ev-item = {$quantity} × {$item} at {$price}
c-ev-attributed = attributed to {$mailing}
c-ev-order = Order of {$amount}
c-ev-machine = taken for a machine ({$why}); not counted as a person's open or click
c-ev-machine-head = HEAD request (a link checker)
c-ev-machine-no-agent = no user agent
c-ev-machine-apple = Apple Mail Privacy Protection proxy
c-ev-machine-bot = user agent of a scanner or bot
c-ev-machine-fast = seconds after delivery (a link scanner)
c-ev-machine-scanner = link scanner
c-ev-referrer = came from {$address}
c-ev-properties-hidden = properties hidden while personal data is masked
c-back-to-contact = Back to the contact
c-back-to-contacts = Back to contacts
c-save = Save
c-cancel = Cancel
c-form-edit-title = Edit {$email}
c-form-not-saved = The contact was not saved: { $count ->
    [one] {$count} field needs a change.
   *[other] {$count} fields need a change.
}
c-form-phone-region = with the country code, or a {$region} number
c-form-phone-hint = with the country code, e.g. +49 30 1234567
c-form-locale-hint = e.g. en, de-AT
c-form-time-zone-hint = e.g. Europe/Berlin
c-form-date-hint = YYYY-MM-DD
c-form-tags-hint = separated by commas
c-form-no-lists = There are no lists yet;
c-form-create-list = create one
c-form-create-list-end = {" "}to put contacts on it.
c-form-add = Add contact
c-merge-title = Merge contacts
c-merge-into = Merge into {$name}
c-merge-intro = Merging moves another contact into this one: you choose, field by field, which value stays; tags and lists are combined; the other contact's consent ledger and history are copied here with their original times and wordings; then the other contact is deleted and its old address (link) leads here.
c-merge-find = 1. Find the other contact
c-merge-find-label = Find the contact to merge
c-merge-email-or-name = Email or name
c-merge-same = That is this contact: choose a different one.
c-choose-button = Choose
c-merge-none = No other contact matches “{$q}”. Search by the beginning of an email address or a name.
c-merge-choose = 2. Choose the values to keep
c-merge-this = This contact
c-merge-stays = stays;
c-merge-goes = is merged into it and deleted.
c-merge-keep-other = Keep {$email} instead
c-merge-another = Choose another contact
c-merge-confirm = Merge {$other} into {$survivor}? {$other} is deleted afterwards.
c-merge-values = Values of both contacts
c-merge-field = Field
c-merge-this-stays = This contact (stays)
c-merge-other-in = {$email} (merged in)
c-merge-of-this = {$label} of this contact:
c-merge-of-other = {$label} of {$email}:
c-empty = empty
c-merge-same-value = the same
c-merge-combined = both combined
c-bulk-page-title = Contacts: bulk action
c-bulk-heading = Bulk action
c-progress = Progress
c-bulk-of = {$done} of {$total}
c-bulk-running = Working… this page updates by itself.
c-bulk-done = Done: {$done} of {$total} contacts gone through, {$changed} changed.
c-bulk-interrupted = Interrupted after {$done} of {$total} contacts (the server stopped). What was done is kept; run the same action again to finish it.
c-bulk-stopped = Stopped after {$done} of {$total} contacts: {$message}
c-bulk-delete-title = { $count ->
    [one] Delete {$n} contact?
   *[other] Delete {$n} contacts?
}
c-bulk-delete-intro = { $count ->
    [one] This deletes {$n} contact ({$scope}) everywhere: records, consent ledger, history and search. It cannot be undone.
   *[other] This deletes {$n} contacts ({$scope}) everywhere: records, consent ledger, history and search. It cannot be undone.
}
c-bulk-keep-suppressed = Keep the addresses on the suppression list, so that an import cannot bring them back
c-bulk-delete-button = { $count ->
    [one] Delete {$n} contact
   *[other] Delete {$n} contacts
}
c-key = Key
c-created = Created
c-actions = Actions
c-description = Description
c-optional = optional
c-lists-intro = Lists group contacts for sending: a contact can be on several. Put contacts on a list from their form, or by a column in a CSV import.
c-lists-preferences = The preference centre (linked from every mail) shows each person the lists they are on, so they can leave them; a list offered to everyone can also be joined there.
c-lists-in-preferences = In the preference centre
c-lists-rename = Rename or describe
c-lists-key = The key
c-lists-key-stays = stays: contacts, campaigns, forms and imports keep working.
c-lists-members = contacts on {$name}
c-lists-offered = Offered to everyone
c-lists-members-only = Members only
c-lists-hide = Show to members only
c-lists-offer = Offer to everyone
c-lists-delete-confirm = Delete the list “{$name}”? { $count ->
    [one] 1 contact is
   *[other] {$count} contacts are
} removed from it; the contacts themselves stay.
c-lists-none = No lists yet.
c-lists-none-create = Create the first below, for example “Newsletter” or “Customers”.
c-lists-create = Create a list
c-lists-create-button = Create list
c-import-title = Import contacts
c-import-upload = 1. Upload a CSV file
c-import-formats = UTF-8 (with or without BOM), comma, semicolon, tab or pipe separated, with or without a header row. Up to {$mb} MiB here; larger files go through
c-import-formats-end = on the server.
c-import-next = Next you will map the columns, choose what happens to contacts that already exist, and say on what lawful basis you hold the data.
c-import-file = CSV file
c-import-upload-button = Upload and preview
c-import-recent = Recent imports
c-import-started = Started
c-import-file-col = File
c-import-rows = Rows
c-import-updated = Updated
c-import-suppressed = Suppressed
c-import-bad-rows = Bad rows
c-import-state-done = done
c-import-state-running = running
c-import-state-interrupted = interrupted
c-import-state-failed = failed
c-import-none = No imports yet. Upload a file above to add contacts in bulk.
c-import-too-big = The file is larger than {$mb} MiB. Import it with `tidings import` on the server instead.
c-import-no-file = Choose a CSV file to upload.
c-import-unknown-field = unknown field {$field}
c-import-map-title = Map columns — import
c-import-of = Import “{$file}”
c-import-map = 2. Map the columns
c-import-separated = {$size}, separated by
c-import-tab = tab
c-import-preview = . Below: the first {$rows} rows. Columns left on “Ignore” are not imported.
c-import-header-row = The first row holds column names
c-import-mapping = Column mapping and preview
c-import-column = Column
c-import-as = Import as
c-import-first-values = First values
c-import-column-as = Import “{$header}” as
c-import-ignore = Ignore
c-import-custom = {$label} (custom)
c-import-existing = 3. Contacts that already exist
c-import-matched = Matched by email address
c-policy-overwrite = Overwrite existing values
c-policy-fill-blanks = Only fill empty fields
c-policy-skip-existing = Skip existing contacts
c-import-dates = Dates in the file are written
c-import-dates-iso = year first: 2026-12-24
c-import-dates-dmy = day first: 24.12.2026 or 24/12/2026
c-import-keep-rows = Keep a row whose optional field cannot be read: leave that field empty and list it in the report (otherwise the whole row is refused)
c-import-tags = Add these tags to every imported contact (comma-separated)
c-import-lists = Add every imported contact to
c-import-basis = 4. Lawful basis
c-import-basis-intro = Tidings records why you may hold these contacts. Without it the import does not start.
c-import-these-people = These people…
c-import-consented = consented to a purpose
c-import-purposes = Purposes they consented to, and the proof for each
c-import-collected = Where and when was consent to “{$purpose}” collected?
c-import-collected-placeholder = e.g. newsletter box at checkout on shop.example, 2024–2026
c-import-no-consent-purpose = No purpose is based on consent yet: add one under Privacy → Purposes.
c-import-other-basis = For another basis: what does it rest on?
c-import-other-placeholder = e.g. customers with an order in the last 2 years
c-import-start = Start the import
c-import-title-file = Import {$file}
c-import-all = All imports
c-import-progress = Import progress
c-import-running = Importing… this page updates by itself.
c-import-done = Done.
c-import-interrupted = Interrupted.
c-import-failed = Failed: {$message}
c-import-rows-read = Rows read
c-import-unchanged = Unchanged
c-import-skipped = Skipped (existing)
c-import-suppressed-erased = Suppressed (erased addresses)
c-import-summary = Lawful basis: {$basis}. Policy for existing contacts: {$policy}.
c-import-report = Download the bad-row report (CSV: line, column, reason)
c-import-go = Go to contacts
c-basis-consent = Consent (Art. 6(1)(a))
c-basis-contract = Contract (Art. 6(1)(b))
c-basis-legitimate-interest = Legitimate interest (Art. 6(1)(f))
c-basis-legal-obligation = Legal obligation (Art. 6(1)(c))
c-schema-tabs = Fields and purposes
c-fields-intro = Fields of your own that every contact can carry besides email, name and phone: a customer number, a birthday, a favourite shop. Each has a type, and every form, import and API call checks values against it.
c-fields = Fields
c-fields-label = Label
c-fields-type = Type
c-fields-options-or-length = Options or length
c-fields-up-to = up to {$count} characters
c-fields-delete-confirm = Delete the field “{$label}”? Its values are no longer shown or exported, and are dropped from each contact when it is next saved.
c-fields-none = No custom fields yet. Add one below; it then appears on every contact's form and as a column for CSV imports.
c-fields-add = Add a field
c-fields-label-hint = what people see, e.g. “Customer number”
c-fields-key-hint = for the API and CSV columns: lower-case letters, digits and _, e.g. customer_no; cannot be changed later
c-fields-fixed-later = cannot be changed later
c-fields-options = Options
c-fields-options-hint = single and multiple choice only: one per line
c-fields-max-len = Longest value in characters
c-fields-max-len-hint = text only; empty for 255
c-fields-add-button = Add field
c-field-fixed = The key and the type stay as they are: stored values, imports and API clients depend on them. To change them, add a new field.
c-field-options-hint = one per line; contacts keep a value that is no longer an option until it is changed
c-kind-text = Text
c-kind-number = Number
c-kind-date = Date
c-kind-boolean = Yes / no
c-kind-choice = Single choice
c-kind-multi-choice = Multiple choice
c-not-whole-number = `{$value}` is not a whole number
c-one-per-line = one per line
c-purpose-wording = Consent wording
c-purpose-wording-hint = the exact text people agree to; needed for consent; a changed text is stored as a new version
c-purpose-categories = Data categories
c-purpose-kept-days = Kept for (days)
c-purpose-kept = Kept for
c-purpose-recipients = Recipients
c-purpose-recipients-hint = one per line, e.g. “our SMTP relay (processor)”
c-purposes-intro = The register of what contact data is used for (Art. 30 GDPR): on which lawful basis, which categories of data, how long it is kept and who receives it. Purposes based on consent carry the exact text people agree to; each change of that text is kept as a new version, and every consent in the ledger points at the version that was shown.
c-days = { $count ->
    [one] {$count} day
   *[other] {$count} days
}
c-none = none
c-purposes-add-first = Add the first below.
c-purposes-add = Add a purpose
c-purposes-not-added = The purpose was not added; see the message below.
c-purposes-name-hint = e.g. “Product recommendations”
c-purposes-key-hint = lower-case letters, digits and _; cannot be changed later
c-purposes-add-button = Add purpose
c-purpose-current-wording = Current wording
c-purpose-not-saved = Not saved; see the message below.
c-purpose-languages = In other languages
c-purpose-languages-intro = People read forms, the preference centre and the portal in their own language. Give the name in each language; a language without its own shows the purpose's.
c-purpose-languages-consent = People read forms, the preference centre and the portal in their own language. Give the name and the text they agree to in each language; a language without its own shows the purpose's. Each text is a wording version of its own: the ledger records which one, in which language, each person agreed to.
c-purpose-no-name = name not given
c-purpose-text-version = text version {$version}
c-purpose-no-text = no text yet
c-purpose-outdated = older than the current text
c-purpose-name-in = Name in {$language}
c-purpose-text-in = Text people agree to, in {$language}
c-purpose-save-language = Save {$language}
c-purpose-history = Wording history
c-purpose-history-intro = Every version stays: consents in the ledger refer to the version that was shown when they were given.
c-purpose-version-at = Version {$version}, {$at}
c-purpose-language-unknown = language not recorded
c-purpose-current = current
c-purpose-no-wording = No wording yet.
c-purpose-no-wording-consent = No wording yet: a purpose based on consent needs one.
c-ledger-merged = merged from contact {$contact}
c-history-before-merge = on contact {$contact} before the merge
c-actor-system = system
c-actor-cli = cli
c-actor-anonymous = anonymous
c-import-basis-consent = consent to “{$purpose}”, collected: {$collected}
c-consent-choose-state = choose granted or withdrawn

## Campaigns, templates, media, forms and reports
# (messages of these pages go below this line, above the next heading)

# Charts (src/reports/chart.rs): the summary read out with a chart, its tooltips, axes and series.
# cm-chart-day, cm-chart-day-long and cm-chart-hour are chrono date patterns (%d day, %b month,
# %a weekday, %Y year, %H hour).
cm-chart-day = %d %b
cm-chart-day-long = %a %d %b %Y
cm-chart-hour = %d %b %H:00
cm-chart-no-data = No data.
cm-chart-one = {$axis}: {$label}.
cm-chart-range = {$axis} from {$first} to {$last}.
cm-chart-highest = {$series}: highest {$value} ({$label}).
cm-chart-total = {$series}: {$total} in all, at most {$value} ({$label}).
cm-chart-series-no-data = {$series}: no data.
cm-chart-tip = {$label}: {$value} {$series}
cm-chart-numbers = {$title}: the numbers
cm-chart-as-table = {$title}, as a table
cm-axis-hour = Hour (UTC)
cm-axis-day = Day (UTC)
cm-axis-campaign = Campaign
cm-chart-opens-clicks-hour = Opens and clicks per hour
cm-chart-opens-clicks-day = Opens and clicks per day
cm-chart-compare = Open and click-through rates of recent campaigns
cm-chart-growth = Subscribed contacts per day
cm-chart-page-views = Page views per day
cm-chart-orders = Orders per day
cm-series-opens = Opens
    .tip = opens
cm-series-clicks = Clicks
    .tip = clicks
cm-series-open-rate = Open rate
    .tip = open rate
cm-series-click-rate = Click-through rate
    .tip = click-through rate
cm-series-subscribed = Subscribed
    .tip = subscribed
cm-series-contacts = All contacts
    .tip = all contacts
cm-series-page-views = Page views
    .tip = page views
cm-series-orders = Orders
    .tip = orders

# A campaign's report (report.html), the comparison (reports.html, compare_table.html)
cm-report-title = Report: {$name}
cm-report-subject = Subject “{$subject}”.
cm-report-started = Sending started {$started}.
cm-report-started-finished = Sending started {$started}, finished {$finished}.
cm-report-not-sent = Not sent yet.
cm-no-message-sent = No message was sent.
cm-r-delivery = Delivery
cm-r-recipients = recipients
cm-r-sent = sent (accepted by the relay)
cm-r-delivered = delivered (no bounce reported)
cm-r-bounced = bounced
cm-r-bounced-how = ({$at_sending} refused at sending, {$later} reported later)
cm-r-failed = failed
cm-r-retrying = {$count} waiting to retry
cm-r-skipped = left out at sending
cm-r-glance = At a glance
cm-r-glance-over = { $count ->
    [one] Over the {$delivered} delivered message: these rates count everyone, measured or not.
   *[other] Over the {$delivered} delivered messages: these rates count everyone, measured or not.
}
cm-r-clicks-per-delivered = { $count ->
    [one] clicks per delivered message ({$clicks} click by people)
   *[other] clicks per delivered message ({$clicks} clicks by people)
}
cm-r-unsubscribed-n = unsubscribed ({$n})
cm-r-spam-n = marked as spam ({$n})
cm-r-revenue-from = { $count ->
    [one] revenue from {$orders} order
   *[other] revenue from {$orders} orders
}
cm-r-engagement = Engagement
cm-r-base-measured = { $count ->
    [one] Open and click rates are over the {$measured} recipient who consented to engagement measurement (only they get the open pixel and attributed links).
   *[other] Open and click rates are over the {$measured} recipients who consented to engagement measurement (only they get the open pixel and attributed links).
}
cm-r-base-delivered = Open and click rates are over all delivered messages (this campaign was sent before measurable recipients were counted).
cm-r-base-none = No recipient of this campaign could be measured yet, so there are no open or click rates.
cm-r-machines-apart = Machine opens and link scanners are counted apart and left out of every rate.
cm-r-opened = opened
cm-r-or-clicked = (or clicked)
cm-r-open-rate = open rate
cm-r-of-measurable = {$part} of {$base} measurable
cm-r-of-delivered = {$part} of {$base} delivered
cm-r-opens-all = opens in all (people)
cm-r-machine-opens = machine opens (privacy proxies, prefetch), not counted
cm-r-clicked = clicked
cm-r-click-rate = click-through rate
cm-r-clicks-all = clicks in all
cm-r-clicks-anonymous = {$count} not attributed to a person
cm-r-clicks-scanners = {$count} by link scanners, not counted
cm-r-ctor = click-to-open rate
cm-r-unsubscribed = unsubscribed
cm-r-complaints = spam complaints
cm-r-orders-within = { $count ->
    [one] orders within {$count} day of a click
   *[other] orders within {$count} days of a click
}
cm-r-revenue-those = revenue from those orders
cm-r-over-time = Opens and clicks over time
cm-r-truncated = Only the first 90 days are drawn; the figures above count everything.
cm-r-only-machines = No opens or clicks by people yet — only machines (privacy proxies, link scanners), which are not drawn. Opens are counted only for contacts who consented to engagement measurement.
cm-r-no-opens = No opens yet — opens are counted only for contacts who consented to engagement measurement.
cm-r-no-opens-unsent = No opens yet — opens are counted only for contacts who consented to engagement measurement, once the campaign is sent.
cm-r-links = Links by clicks
cm-r-link = Link
cm-r-link-clicks = Clicks
cm-r-link-share = Share
cm-r-link-scanners = Link scanners
cm-r-no-links = This campaign has no tracked links (links personalised with merge fields are never tracked).
cm-r-compared = Compared with recent campaigns
cm-chart-no-rates = No open or click rates to draw yet: rates need recipients who consented to engagement measurement.
cm-r-nothing-to-compare = Nothing to compare with yet: this is the only campaign that has been sent.
cm-r-notes = How these figures are counted
cm-r-note-delivered-term = Delivered
cm-r-note-delivered = accepted by the relay, minus bounces reported later for this campaign (from the bounce mailbox or a webhook).
cm-r-note-open-term = Open rate
cm-r-note-open = recipients who opened (a click without a recorded open counts too: images may be blocked), over recipients who could be measured.
cm-r-note-click-term = Click-through rate
cm-r-note-click = recipients who clicked, over the same.
cm-r-note-ctor-term = Click-to-open
cm-r-note-ctor = clickers over openers.
cm-r-note-unsubscribes-term = Unsubscribes
cm-r-note-unsubscribes = contacts who left through this campaign's unsubscribe link or preference centre.
cm-r-note-complaints-term = Complaints
cm-r-note-complaints = spam reports (feedback loops) naming this campaign.
cm-r-note-orders-term = Orders and revenue
# {$setting} is the setting's name, shown as code.
cm-r-note-orders = orders of a contact within {$days} days after their last human click in this campaign ({$setting}). Revenue is the sum of order amounts as recorded, in the shop's currency.
cm-r-note-utc = Times are UTC.
cm-reports-intro = { $count ->
    [one] How the {$compared} most recently sent campaigns compare. Open and click rates count only recipients who consented to engagement measurement; machine opens and link scanners are left out. Orders count for a campaign when they follow a click in it within {$count} day. Open a campaign for its full report.
   *[other] How the {$compared} most recently sent campaigns compare. Open and click rates count only recipients who consented to engagement measurement; machine opens and link scanners are left out. Orders count for a campaign when they follow a click in it within {$count} days. Open a campaign for its full report.
}
cm-reports-recent = Recent campaigns
cm-reports-empty = No campaign has been sent yet. Reports appear here once the first one goes out.
cm-cmp-label = Recent campaigns compared
cm-cmp-campaign = Campaign
cm-cmp-sent = Sent
cm-cmp-delivered = Delivered
cm-cmp-clicks = Clicks
    .title = Clicks by people per delivered message
cm-cmp-unsubs = Unsubs
    .title = Unsubscribed, over delivered
cm-cmp-complaints = Compl.
    .title = Spam complaints, over delivered
cm-cmp-opened = Opened
    .title = Open rate over measurable recipients (how many in brackets)
cm-cmp-clicked = Clicked
    .title = Click-through rate over measurable recipients
cm-cmp-ctor = CTOR
    .title = Click-to-open rate
cm-cmp-orders = Orders
cm-cmp-revenue = Revenue
cm-cmp-of = (of {$base})

# The dashboard's audience and engagement (dashboard_reports.html)
cm-dash-audience = Audience and engagement, last {$days} days
cm-dash-subscribed = subscribed
cm-dash-opens = { $count ->
    [one] open
   *[other] opens
}
cm-dash-clicks = { $count ->
    [one] click
   *[other] clicks
}
cm-dash-page-views = { $count ->
    [one] page view
   *[other] page views
}
cm-dash-orders = { $count ->
    [one] order
   *[other] orders
}
cm-dash-growth = List growth
# {$job} is the job's name, shown as code.
cm-dash-growth-note = List sizes are recorded once a day (the {$job} job); the line starts on the first day the appliance counted them.
cm-dash-email = Email engagement
cm-dash-email-empty = No opens or clicks in these days — opens are counted only for contacts who consented to engagement measurement.
cm-dash-site = Website
cm-dash-site-empty = No page views in these days (the website tracker needs tracking.sites and each visitor's consent).
cm-dash-orders-h = Orders
cm-dash-orders-empty = No orders in these days.
cm-dash-compare = Compare recent campaigns

# The dashboard: the first steps, the setup warnings (also printed in English by `tidings check`),
# the uptime, the privacy deadlines
cm-step-organisation = Name your organisation and its postal address
cm-step-sender = Set the sender (Settings → Email) and an SMTP relay (config file)
cm-step-dkim = Sign your mail with DKIM (tidings dkim generate)
cm-step-list = Create a list
cm-step-form = Build a subscribe form
cm-step-campaign = Send a first campaign
cm-warn-public-url = Links in mail and on the subscribe forms point to {$url}, which only this machine can open. Set http.public_url (or hostname) to the address people reach this server at.
cm-warn-mail-from = Mail is sent from {$from}, an address other mail servers refuse. Add a sender of your own domain in Settings → Email (or set mail.from), with SPF and DKIM for it.
cm-warn-relays = No SMTP relay is configured: every message (confirmations, campaigns) is written to {$outbox} and nobody receives it. Add a [[mail.relays]] entry.
cm-warn-self-signed = The certificate is self-signed: browsers warn on every page, including the subscribe, unsubscribe and privacy pages your customers open. Set tls.cert_file and tls.key_file, or run behind a reverse proxy with tls.mode = "off".
cm-warn-listen = The server listens on {$listen} only: nobody outside this machine can reach {$hostname}. Set listen = "0.0.0.0:443" (or put a reverse proxy in front and set proxy.trusted).
# Where the sender warning is fixed (shown instead of the config key line).
cm-warn-sender-where = mail.from in the config file; tidings check lists these too
cm-dash-uptime-value = {$hours}h {$minutes}m
# {$time} is the time left, counting down.
# A campaign: the editor, its progress, scheduling and versions in other languages (campaign.html)
cm-ed-title = {$name} · Campaign
cm-cancel = Cancel
cm-delete = Delete
cm-close = Close
cm-prog-open-report = Open the report
cm-prog-report-holds = opens, clicks, links, unsubscribes, orders
cm-prog-queued = Recipients in the outbox
cm-prog-still-adding = (still adding)
cm-prog-sent = Sent
cm-prog-retrying = Waiting to retry
cm-prog-best-hour = Waiting for their best hour (within { $hours } h)
cm-prog-best-hour-next = the next at
cm-prog-failed = Failed
cm-prog-skipped = Left out at sending
cm-prog-skipped-why = (unsubscribed, erased or consent withdrawn meanwhile)
cm-prog-started = Started
cm-prog-finished = Finished
cm-prog-last-error = Last error:
cm-prog-pause = Pause
cm-prog-resume = Resume
cm-prog-cancel-confirm = Cancel the campaign? Nobody else will receive it.
cm-prog-duplicate = Duplicate as a new draft
cm-prog-delete-confirm = Delete the campaign and its record of who received it?
cm-ed-message = Message
cm-ed-subject = Subject
cm-ed-preheader = Preheader
cm-ed-preheader-hint = (the line inboxes show after the subject; hidden in the message)
cm-ed-send-time = Deliver at each contact's best hour within the next … hours
cm-ed-send-time-hint = (1 to 72; empty sends to everyone at once. Chosen from the hours each contact clicks, visits the shop and orders; people who objected to profiling get it at the start)
cm-ed-from = From
# {$link} is a link saying cm-ed-from-link.
cm-ed-from-hint = (verified senders; {$link})
cm-ed-from-link = add or verify one
cm-ed-from-default = Default: {$sender}
cm-ed-default-sender = the default sender
cm-ed-purpose = Purpose
cm-ed-purpose-hint = (consent is checked against it)
cm-ed-show-as = Show it as a contact would see it
cm-ed-show-as-hint = (address or id; empty: a sample person)
cm-ed-show = Show
cm-ed-preview-frame = Message preview
cm-sched-recurring = Sends a copy {$schedule}; next run at {$when} (UTC shown; {$schedule}).
cm-sched-once = Sends at {$when} (UTC shown; {$schedule}).
cm-sched-unschedule = Unschedule (back to draft)
cm-sched-cancel-confirm = Cancel the campaign?
cm-ed-written-in = Written in
cm-ed-body = Body
# {$fields} and {$links} are lists of merge fields, shown as code.
cm-ed-body-hint = — merge fields like {$fields}, custom fields by key; links {$links}
cm-media-insert = Insert image
cm-media-library = Media library
cm-media-picker-title = Insert an image from the library
cm-media-picker-empty = No images yet:
cm-media-picker-upload = upload one to the library
cm-ed-layout = Layout
cm-ed-layout-builtin = Built-in layout (footer with unsubscribe, preferences, privacy)
cm-ed-lists = Lists
cm-ed-no-lists = No lists yet:
cm-ed-create-list = create one
cm-ed-tags = Tags
cm-ed-tags-hint = (comma-separated; contacts with any of them)
cm-ed-search = Search
cm-ed-search-hint = (words as in the contacts search; narrows the lists, tags and segments, or alone selects by itself)
cm-ed-saved-search = Saved search
# {$link} is a link saying cm-ed-saved-search-link.
cm-ed-saved-search-hint = (narrows the lists, tags and segments, or alone selects by itself; {$link})
cm-ed-saved-search-link = save one on the contacts page
cm-ed-saved-search-none = none
cm-ed-audience-count = {$count} subscribed contacts with consent would receive it now (each once; anyone who unsubscribes or withdraws consent before the send is left out).
cm-ed-audience-uncountable = The audience cannot be counted as it stands.
cm-ed-audience-choose = Choose lists, tags, segments, a search or a saved search.
cm-ed-relay = Relay
cm-ed-relay-default = Default
cm-ed-save-draft = Save draft
cm-ed-preview = Preview
cm-ed-preview-test = Preview and test
cm-ed-preview-as = Preview as
cm-ed-preview-as-hint = (a contact's address or id; empty: a sample person)
cm-ed-test-to = Send a test to
cm-ed-test-to-hint = (up to ten addresses; the subject starts with [Test])
cm-ed-test-send = Send test
cm-ed-preview-live = Updates as you type. Template errors show here with their line.
cm-send = Send
cm-send-save-first = Save your changes first: sending uses the saved campaign.
cm-send-confirm = Send “{$name}” to about {$count} contacts now?
cm-send-now = Send now
cm-send-or-schedule = Or schedule it
cm-send-once-at = Once, at
cm-send-date = Date
cm-send-time = Time
cm-send-cron = Again and again, on the cron schedule
cm-send-cron-example = 0 9 * * 1  (Mondays at 09:00)
cm-send-cron-label = Cron expression
cm-send-time-zone = Time zone
cm-send-schedule = Schedule
cm-send-delete-draft-confirm = Delete this draft?
cm-send-delete-draft = Delete draft
cm-var-title = In other languages
cm-var-intro = Each contact gets the version in their own language where there is one, and the text above otherwise. Versions are checked like the campaign's own text.
cm-var-subject = Subject in {$language}
cm-var-preheader = Preheader in {$language}
cm-var-body = Message in {$language}
cm-var-save = Save {$language}
cm-var-preview = Preview in {$language}

# A campaign's audience, schedule and saved searches in words (src/http/pages/campaigns.rs)
cm-aud-lists = lists {$names}
cm-aud-tags = tags {$names}
cm-aud-either = {$first} or {$second}
cm-aud-matching-alone = contacts matching “{$words}”
cm-aud-matching = {$audience}, matching “{$words}”
cm-aud-saved-alone = saved search “{$name}”
cm-aud-saved = {$audience}, within saved search “{$name}”
cm-sched-at = {$when} ({$zone})
cm-sched-cron = every `{$cron}` ({$zone})
cm-ss-pending = pending
cm-ss-subscribed = subscribed
cm-ss-unsubscribed = unsubscribed
cm-ss-bounced = bounced
cm-ss-complained = complained
cm-ss-tag = tag {$tag}
cm-ss-list = list {$list}
cm-ss-granted = consent {$purpose} granted
cm-ss-withdrawn = consent {$purpose} withdrawn
cm-ss-opened-30d = opened in the last 30 days
cm-ss-clicked-30d = clicked in the last 30 days
cm-ss-not-opened-90d = not opened in 90 days (or never)
cm-ss-inactive-180d = no activity in 180 days (or never)
cm-ss-buyers = placed at least one order
cm-ss-everyone = every contact
cm-basis-consent = Consent (Art. 6(1)(a))
cm-basis-contract = Contract (Art. 6(1)(b))
cm-basis-legitimate-interest = Legitimate interest (Art. 6(1)(f))
cm-basis-legal-obligation = Legal obligation (Art. 6(1)(c))
# {$error} is the reason, as the sending checks give it.
cm-ed-saved-but = Saved, but it cannot be sent like this: {$error}
cm-ed-no-contact = there is no contact `{$contact}`
cm-ed-test-no-address = Give at least one address.
cm-ed-test-sent = {$to}: sent
# {$why} is the mail server's answer.
cm-ed-test-not-sent = {$to}: not sent ({$why})
cm-preview-subject = Subject:
cm-preview-cannot-render = The message cannot be rendered.

# Templates (templates.html, template.html)
cm-tpls-layouts = Layouts
# {$content} is the placeholder's name, shown as code.
cm-tpls-layouts-text = wrap a campaign's text (put {$content} where it goes).
cm-tpls-messages = Messages
# {$api} is the API's address, shown as code.
cm-tpls-messages-text = are whole emails your shop sends through {$api} (order confirmations, password resets) or that Tidings sends itself, like the sign-up confirmation.
cm-tpls-data = The shop's data arrives as {$data}.
cm-tpls-new = New template
cm-tpls-key = Key
cm-tpls-key-hint = (what the API names it, e.g. {$example})
cm-tpls-kind = Kind
cm-tpls-kind-message = Message
cm-tpls-kind-layout = Layout
cm-tpls-create = Create
cm-tpls-all = All templates
cm-tpls-changed = Changed
cm-tpls-built-in = built in
cm-tpls-empty = No templates yet.
cm-tpl-kind-message = message
cm-tpl-kind-layout = layout
cm-tpl-name-confirm-subscription = Confirm your subscription (double opt-in)
cm-tpl-name-privacy-link = Your link to your personal data (privacy portal)
cm-tpl-name-request-outcome = Your request was carried out (Art. 19)
cm-tpl-name-breach-notice = Notice of a personal-data breach (Art. 34)
cm-tpl-title = {$name} · Template
cm-tpl-key = Key:
cm-tpl-layout-html = Layout HTML (with {$content})
cm-tpl-languages = Languages
cm-tpl-languages-breach = The data-protection officer writes each breach notice's subject and paragraphs when the breach is recorded, in the language they write it in; the notice's link texts and language tag follow each reader's language.
cm-tpl-languages-intro = Each reader gets the version in their own language (the contact's language, set from the page they signed up on), else the one in the shop's default language (Settings), else the text above. A version left empty is none.
cm-tpl-edited-alone = This built-in message was edited here before it had versions per language, so the upgrade left it as it was: every reader gets the text above. Write the versions below if you want them.
cm-tpl-has-version = has a version
cm-tpl-layout-builtin = Built-in transactional layout
cm-tpl-sample-data = Sample data for the preview
cm-tpl-sample-data-hint = (JSON, as the API would send it)
cm-tpl-preview-in = Preview in
cm-tpl-preview-base = The text above (the shop's default language)
cm-save = Save
cm-tpl-preview-frame = Template preview
cm-tpl-delete-confirm = Delete the template “{$name}”?
cm-tpl-delete = Delete template
cm-tpl-data-not-json = Sample data is not JSON: {$error}
cm-tpl-layout-preview = Layout preview
cm-tpl-layout-preview-body = This is where a campaign's text goes.

# The media library (media.html)
cm-media-intro = Images for campaigns, served by this server at their own address: messages never load a picture from elsewhere. PNG, JPEG, GIF (animations kept) or WebP, up to {$max_mb} MiB and {$max_side} pixels a side. Images wider than {$mail_width} pixels are made {$mail_width} wide; every image is stored again from its pixels alone, so camera data (a GPS position, a serial number) is not kept. SVG is not accepted: it can carry scripts.
cm-media-upload-title = Upload an image
cm-media-image = Image
cm-media-drop = (or drop it on this box)
cm-media-upload = Upload
cm-media-images = Images
cm-media-from = (from {$width} × {$height})
cm-media-address-of = Address of {$name}
cm-media-alt = Name (alt text)
cm-media-rename = Rename
cm-media-delete-confirm = Delete this image? Mail already sent loads it from here.
cm-media-empty = No images yet. Upload one above, then insert it from a campaign's editor with “{$button}”.
cm-media-by-token = an API token

# Subscribe forms (forms.html, form_edit.html)
cm-notice-form-created = The form has been created. Copy the snippet below, or link to the hosted page.
cm-notice-form-saved = The form has been saved.
cm-notice-form-deleted = The form has been deleted.
cm-forms-title = Subscribe forms
cm-forms-new = New form
cm-forms-intro = A form collects sign-ups on a hosted page of this server or, as an HTML snippet, on your own website. With double opt-in the person confirms by email before anything is sent to them; consent is recorded with the exact wording shown.
cm-forms-form = Form
cm-forms-submissions = Submissions
cm-forms-confirmed = Confirmed
cm-forms-pending = Pending
cm-forms-options = Options
cm-forms-double-opt-in = double opt-in
cm-forms-single-opt-in = single opt-in
cm-forms-proof-of-work = proof of work
cm-forms-empty = No forms yet. Create the first one: choose what to ask, which lists to add people to and which purposes to ask consent for.
cm-form-new-title = New subscribe form
cm-form-submissions = submissions
cm-form-confirmed = confirmed
cm-form-pending = waiting for confirmation
cm-form-where = Where people subscribe
cm-form-hosted = Hosted page:
cm-form-snippet = HTML snippet for your website
cm-form-snippet-hint = Select all the text (click in the box, then Ctrl+A or ⌘A), copy it and paste it into your page's HTML. It is a plain form: no script is needed. If you change a purpose's wording later, copy the snippet again: people agree to the text their page shows, and that version is what the ledger records.
cm-form-snippet-hint-pow = Select all the text (click in the box, then Ctrl+A or ⌘A), copy it and paste it into your page's HTML. It is a plain form: no script is needed except the proof-of-work check, loaded from this server. If you change a purpose's wording later, copy the snippet again: people agree to the text their page shows, and that version is what the ledger records.
cm-form-name-hint = (for this list only)
cm-form-heading = Heading on the page
cm-form-intro = Introduction
cm-form-optional = (optional)
cm-form-fields = Fields to ask
cm-form-email-always = Email address (always)
cm-form-first-name = First name
cm-form-last-name = Last name
cm-field-kind-text = Text
cm-field-kind-number = Number
cm-field-kind-date = Date
cm-field-kind-boolean = Yes / no
cm-field-kind-choice = Single choice
cm-field-kind-multi = Multiple choice
cm-form-lists = Lists to add people to once they confirm
cm-form-consent = Consent to ask for
cm-form-consent-hint = Each purpose is shown as an unticked box with this exact text; the version shown is recorded in the consent ledger.
cm-form-wording-version = (wording v{$version})
cm-form-wording-quoted = “{$wording}”
cm-form-required = a sign-up must tick it
cm-form-required-hint = (without it, the form is refused and says why)
cm-form-double-opt-in = Double opt-in: send a confirmation link (valid {$hours} hours); sign-ups not confirmed within {$days} days are removed
cm-form-proof-of-work = Proof of work: the browser solves a small puzzle before sending (needs JavaScript; no third-party CAPTCHA)
cm-form-thank-you = Thank-you text after sending
cm-form-redirect = Instead, send people to
cm-form-redirect-hint = (optional: an https:// address or a path on this site)
cm-form-create = Create form
cm-form-save = Save form
cm-form-languages-intro = Visitors get the form in their language: the one they choose on the page, else their browser's, else the form's own below. Labels, buttons and messages are translated by Tidings; the heading, introduction and thank-you text are yours — give them per language (empty: the text above shows). Consent texts are per purpose, under Fields & purposes.
cm-form-own-language = The form's own language
cm-form-shop-language = the shop's language (Settings)
cm-form-texts-given = texts given
cm-form-heading-in = Heading in {$language}
cm-form-intro-in = Introduction in {$language}
cm-form-thank-you-in = Thank-you text in {$language}
cm-form-save-languages = Save languages
cm-form-delete-confirm = Delete the form “{$name}”? Its hosted page and confirmation links stop working; submissions already made stay with their contacts as proof of consent.
cm-form-delete = Delete form
# A new form's heading and thank-you text, in the shop's language: visitors read them.
cm-form-default-title = Subscribe to our newsletter
cm-form-default-thank-you = Thank you. Please check your inbox: we have sent you a link to confirm your subscription.

# The dashboard's recent activity: each audit action in words (it links to the audit log filtered by it)
cm-action-auth-login = Signed in
cm-action-auth-login-failed = Sign-in failed
cm-action-auth-second-factor-failed = Second factor failed
cm-action-auth-lockout = Locked out
cm-action-auth-unlock = Unlocked
cm-action-auth-logout = Signed out
cm-action-auth-sessions-revoked = Other sessions signed out
cm-action-auth-password-changed = Password changed
cm-action-auth-password-reset = Password reset
cm-action-auth-totp-enrolled = Two-factor authentication turned on
cm-action-auth-totp-disabled = Two-factor authentication turned off
cm-action-auth-recovery-code-used = Recovery code used
cm-action-auth-recovery-codes-regenerated = New recovery codes made
cm-action-user-created = User created
cm-action-user-role-changed = Role changed
cm-action-user-disabled = User disabled
cm-action-user-enabled = User enabled
cm-action-token-created = API token created
cm-action-token-revoked = API token revoked
cm-action-settings-changed = Settings changed
cm-action-backup-created = Backup made
cm-action-backup-restored = Backup restored
cm-action-system-started = Server started
cm-action-contact-created = Contact added
cm-action-contact-updated = Contact changed
cm-action-contact-deleted = Contact deleted
cm-action-contact-merged = Contacts merged
cm-action-contact-unmasked = Contact shown unmasked
cm-action-contact-consent-recorded = Consent recorded
cm-action-contacts-exported = Contacts exported
cm-action-contacts-imported = Contacts imported
cm-action-contacts-bulk-upserted = Contacts added or updated in bulk
cm-action-contacts-bulk-action = Bulk action on contacts
cm-action-field-created = Field added
cm-action-field-changed = Field changed
cm-action-field-deleted = Field deleted
cm-action-purpose-created = Purpose added
cm-action-purpose-changed = Purpose changed
cm-action-list-created = List created
cm-action-list-changed = List changed
cm-action-list-deleted = List deleted
cm-action-saved-search-saved = Search saved
cm-action-saved-search-deleted = Saved search deleted
cm-action-search-reindexed = Search index rebuilt
cm-action-mail-test-sent = Test mail sent
cm-action-contact-status-changed = Contact status changed
cm-action-campaign-created = Campaign created
cm-action-campaign-changed = Campaign changed
cm-action-campaign-scheduled = Campaign scheduled
cm-action-campaign-started = Campaign sending started
cm-action-campaign-paused = Campaign paused
cm-action-campaign-resumed = Campaign resumed
cm-action-campaign-cancelled = Campaign cancelled
cm-action-campaign-finished = Campaign finished
cm-action-template-saved = Template saved
cm-action-template-deleted = Template deleted
cm-action-form-created = Form created
cm-action-form-changed = Form changed
cm-action-form-deleted = Form deleted
cm-action-message-queued = Message queued
cm-action-request-created = Privacy request registered
cm-action-request-changed = Privacy request updated
cm-action-request-archive-produced = Data archive produced
cm-action-contact-erased = Person erased
cm-action-contact-restricted = Processing restricted
cm-action-contact-restriction-lifted = Restriction lifted
cm-action-retention-run = Retention ran
cm-action-retention-policy-changed = Retention periods changed
cm-action-breach-recorded = Breach recorded
cm-action-breach-assessed = Breach assessed
cm-action-breach-changed = Breach updated
cm-action-breach-notice-queued = Breach notice queued
cm-action-media-uploaded = Image uploaded
cm-action-media-changed = Image renamed
cm-action-media-deleted = Image deleted
cm-action-segment-saved = Segment saved
cm-action-segment-deleted = Segment deleted

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
gdpr-store-change-feed = the change feed: what changed about whom and when, until every reader has followed it
gdpr-store-clock-index = the durable clock's timers by kind and key
gdpr-store-segment-members = which contacts each segment holds now, and since when
gdpr-store-segment-member-of = which segments a contact belongs to
gdpr-store-segment-log = when a contact entered or left each segment
gdpr-store-journey-runs = where each contact stands in the journeys they run through
gdpr-store-journey-entries = when a contact last entered each journey
gdpr-store-journey-log = what each step of a journey did for a contact, and why
gdpr-store-search-index = the full-text contact index in data_dir/search (derived from the contacts tree)
gdpr-store-bounces = bounces and complaints per contact: kind, SMTP status, diagnostic, source, campaign, time
gdpr-store-bounce-recent = which contacts the newest bounce and complaint events belong to (for the settings page)
# Categories of personal data, as the registry and the shipped purposes name them
gdpr-category-actions-taken = actions taken
gdpr-category-admin-user-ids = admin user ids
gdpr-category-browser-family = browser family
gdpr-category-campaign-received = campaign received
gdpr-category-change-history = change history
gdpr-category-change-kinds = kinds and times of changes to the person's record (ids, no contact details)
gdpr-category-segment-memberships = segment memberships
gdpr-category-segment-transitions = segment entries and exits
gdpr-category-journey-runs = journey runs
gdpr-category-journey-history = journey history
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

# Segments: the list, the builder, the segment's page and a contact's segments with why.
nav-segments = Segments
seg-title = Segments
seg-intro = A segment is a filter kept true by itself: contacts enter and leave it as they change, as they act and as time passes. Campaigns and journeys can start from it.
seg-new = New segment
seg-new-title = New segment
seg-edit-title = Edit “{$name}”
seg-edit = Edit
seg-empty = No segments yet. Create one to group contacts by what they are, what they did and what they agreed to.
seg-col-segment = Segment
seg-col-size = Contacts
seg-col-state = State
seg-col-name = Name
seg-col-since = In it since
seg-version = Version
seg-size = { $count ->
    [one] 1 contact
   *[other] { $n } contacts
}
seg-notice-created = Segment created. It is being built over every contact.
seg-notice-saved = Segment saved.
seg-notice-deleted = Segment deleted.
seg-notice-cancelled = The build was stopped. The segment holds nobody until it is saved again.
seg-build = Build
seg-build-queued = Waiting to be built
seg-build-running = Building: { $done } of { $total } contacts looked at
seg-build-running-js = Building: @done@ of @total@ contacts looked at
seg-build-ready = Built { $time } in { $seconds } s; kept up to date since
seg-build-cancelled = Build stopped { $time } after { $done } contacts
seg-build-failed = Build failed { $time }: { $error }
seg-build-not-ready = Until the build ends the segment shows no size and no members: a count now would be wrong.
seg-build-cancel = Stop the build
seg-build-again = Save the segment again to build it.
seg-definition = Definition
seg-growth = Growth over 30 days
seg-growth-empty = No days recorded yet.
seg-chart-size = Contacts in the segment per day
seg-chart-moves = Entered and left per day
seg-series-size = Contacts
    .tip = contacts in the segment
seg-series-entered = Entered
    .tip = contacts entered
seg-series-exited = Left
    .tip = contacts left
seg-members = Members
seg-members-masked = Addresses are masked for your role.
seg-members-not-built = The members are listed once the segment is built.
seg-members-none = Nobody is in this segment now.
seg-members-next = Next contacts
seg-members-first = First contacts
seg-delete = Delete segment
seg-delete-intro = The segment and its memberships are removed; the contacts stay. The entries and exits already recorded on contacts stay in their history.
seg-delete-confirm = Delete this segment?
seg-delete-used = Other segments use this one; change them first:
seg-deleted-segment = a deleted segment
seg-name = Name
seg-description = Description
seg-conditions = Who is in it
seg-conditions-hint = Add conditions and groups; a group matches when all, any or none of what it holds is true.
seg-json = The filter as JSON
seg-json-hint = The same JSON as the API's /api/v1/segments. Without scripts, edit it here.
seg-preview = Who matches now
seg-preview-nojs = The count shows here as you build (it needs scripts); saving counts too.
seg-preview-count = @matched@ of @total@ contacts match
seg-preview-partial = @matched@ of the first @examined@ of @total@ contacts match (the count stopped after 3 seconds; the build counts them all)
seg-preview-nobody = Nobody matches.
seg-preview-wait = Counting…
seg-create = Create segment
seg-save = Save segment
seg-back = Cancel
seg-save-rebuilds = Changing the conditions builds the segment again over every contact; its members stay as they were until the new build ends.
seg-contact-title = Segments
seg-contact-none = In no segment.
seg-contact-since = since { $time }
seg-contact-why = why?
seg-contact-log = Entered and left
seg-log-entered = Entered “{ $name }” (version { $version })
seg-log-exited = Left “{ $name }” (version { $version })
seg-next-change = May change by itself at { $time }.
seg-held = held
seg-not-held = did not hold
seg-yes = yes
seg-no = no
seg-quoted = “{ $value }”
seg-group-all = All of these:
seg-group-any = Any of these:
seg-group-none = None of these:
seg-group-empty = (nothing: everybody)
seg-within-days = in the last { $days ->
    [one] day
   *[other] { $days } days
}
seg-consent-granted = Consent to “{ $purpose }” given
seg-consent-withdrawn = Consent to “{ $purpose }” withdrawn
seg-consent-never = Consent to “{ $purpose }” never given
seg-restricted = Processing restricted
seg-not-restricted = Processing not restricted
seg-performed = Did { $event } at least { $count ->
    [one] once
   *[other] { $count } times
}
seg-not-performed = Did not do { $event } in the last { $days ->
    [one] day
   *[other] { $days } days
}
seg-orders = Ordered at least { $count ->
    [one] once
   *[other] { $count } times
}
seg-orders-item = item { $sku }
seg-orders-revenue = for { $amount } or more
seg-score = Score “{ $model }” { $op }
seg-in-segment = In the segment “{ $name }”
seg-not-in-segment = Not in the segment “{ $name }”
seg-seen-count = { $count ->
    [0] none
    [one] once
   *[other] { $count } times
}
seg-seen-count-last = { $count ->
    [0] none; the last on { $last }
    [one] once, on { $last }
   *[other] { $count } times, the last on { $last }
}
seg-seen-empty = empty
seg-seen-masked = (masked)
seg-event-any = anything tracked
seg-event-open = an open
seg-event-click = a click
seg-event-page-view = a page view
seg-event-custom = a custom event
seg-event-order = an order
seg-event-named = the event “{ $name }”
seg-event-url = at an address containing { $url }
seg-event-property = where { $name } is { $value }
seg-field-email = Email
seg-field-first-name = First name
seg-field-last-name = Last name
seg-field-phone = Phone
seg-field-status = Status
seg-field-source = Source
seg-field-tags = Tags
seg-field-lists = Lists
seg-field-locale = Language
seg-field-time-zone = Time zone
seg-field-created-at = Created
seg-field-updated-at = Last changed
seg-field-last-open = Last open
seg-field-last-click = Last click
seg-field-last-seen = Last seen on the website
seg-field-opens = Opens
seg-field-clicks = Clicks
seg-field-page-views = Page views
seg-field-orders = Orders
seg-field-revenue = Revenue
seg-op-equals = is { $value }
seg-op-not-equals = is not { $value }
seg-op-contains = contains { $value }
seg-op-not-contains = does not contain { $value }
seg-op-starts-with = starts with { $value }
seg-op-ends-with = ends with { $value }
seg-op-one-of = is one of { $value }
seg-op-empty = is empty
seg-op-not-empty = is not empty
seg-op-gt = is more than { $value }
seg-op-gte = is at least { $value }
seg-op-lt = is less than { $value }
seg-op-lte = is at most { $value }
seg-op-between = is between { $from } and { $to }
seg-op-before = is before { $value }
seg-op-after = is after { $value }
seg-op-on = is on { $value }
seg-op-within-last-days = is within the last { $days ->
    [one] day
   *[other] { $days } days
}
seg-op-more-than-days-ago = is more than { $days ->
    [one] a day
   *[other] { $days } days
} ago
seg-op-within-next-days = is within the next { $days ->
    [one] day
   *[other] { $days } days
}
seg-op-anniversary-today = has its anniversary today
seg-op-is-true = is yes
seg-op-is-false = is no
seg-op-equals-label = is
seg-op-not-equals-label = is not
seg-op-contains-label = contains
seg-op-not-contains-label = does not contain
seg-op-starts-with-label = starts with
seg-op-ends-with-label = ends with
seg-op-one-of-label = is one of
seg-op-empty-label = is empty
seg-op-not-empty-label = is not empty
seg-op-gt-label = is more than
seg-op-gte-label = is at least
seg-op-lt-label = is less than
seg-op-lte-label = is at most
seg-op-between-label = is between
seg-op-before-label = is before
seg-op-after-label = is after
seg-op-on-label = is on
seg-op-within-last-days-label = is within the last … days
seg-op-more-than-days-ago-label = is more than … days ago
seg-op-within-next-days-label = is within the next … days
seg-op-anniversary-today-label = has its anniversary today
seg-op-is-true-label = is yes
seg-op-is-false-label = is no
seg-b-all = All of these are true
seg-b-any = Any of these is true
seg-b-none = None of these is true
seg-b-add-condition = Condition
seg-b-add-group = Group
seg-b-remove = Remove
seg-b-what = Condition
seg-b-operator = Operator
seg-b-value = Value
seg-b-from = from
seg-b-to = to
seg-b-days = days
seg-b-at-least = at least
seg-b-times = times
seg-b-within-days = in the last
seg-b-any-time = any
seg-b-event-kind = Event
seg-b-event-name = event name
seg-b-event-url = address contains
seg-b-property-name = property
seg-b-property-value = value
seg-b-sku = item (SKU or category)
seg-b-min-revenue = revenue at least
seg-b-purpose = Purpose
seg-b-consent-state = Consent
seg-b-granted = given
seg-b-withdrawn = withdrawn
seg-b-never = never given
seg-b-yes = yes
seg-b-no = no
seg-b-segment = In another segment
seg-b-member = is in
seg-b-not-member = is not in
seg-b-model = score model
seg-b-kind-field = Fields
seg-b-kind-behaviour = Behaviour
seg-b-kind-privacy = Consent and privacy
seg-b-kind-other = Segments
seg-b-performed = Did something (events)
seg-b-not-performed = Did not do something
seg-b-orders = Ordered
seg-b-score = Lead score
seg-b-restricted = Processing restricted
seg-b-consent = Consent
seg-b-one-of-hint = values, separated by commas
seg-b-group = Group
seg-b-empty-group = Nothing yet: add a condition. An empty group matches everybody.

# Campaigns that target segments (issue 22).
c-note-excluded = in a segment the campaign leaves out
cm-aud-segments = segments {$names}
cm-aud-except = {$audience}, leaving out members of segments {$names}
cm-aud-except-alone = leaving out members of segments {$names}
cm-aud-segment-deleted = a deleted segment
cm-ed-segments = Segments
cm-ed-segments-hint = (their members now, besides the lists and tags; a segment must be built before the campaign is sent)
cm-ed-exclude-segments = Leave out members of
cm-ed-exclude-segments-hint = (whichever list, tag or segment brings them in; checked again as each message goes out)
cm-ed-segment-size = { $count ->
    [one] 1 member
   *[other] {$count} members
}
cm-ed-segment-not-built = not built yet
# {$link} is a link saying cm-ed-segments-link.
cm-ed-no-segments = No segments yet: {$link}.
cm-ed-segments-link = define one
# {$audience} is the audience in words, as the campaign's summary says it.
cm-report-audience = Audience: {$audience}.

## Lead scoring (issue 22)
nav-scoring = Scoring
cm-action-score-model-saved = Scoring model saved
cm-action-score-model-deleted = Scoring model deleted
gdpr-records-description-profiling = Working out from a person's email opens and clicks, website visits, orders and profile how interested they are in our offers (a lead score), to choose what to send them, and at which hours of the week they are usually active, to deliver a campaign or automated email at such an hour when we choose to. Both are computed when needed, never stored; they count only the opens, clicks and visits that the engagement and tracking settings allowed to be measured for that person.
gdpr-category-profile-fields = profile fields
gdpr-records-scoring-logic = How the score and the best hour to send are worked out (the scoring models as they are now, then send-time optimisation):
gdpr-records-scoring-none = No scoring model is defined: no score is computed for anyone.
gdpr-records-sendtime-logic = Send-time optimisation: when a campaign or an automated email is set to go at each contact's best hour within a window (at most {$window} hours), each of the person's newest {$events} events is counted at its local hour of the week in their time zone — human link clicks and website visits that the tracking settings allowed to be measured for them, and orders; {$opens}; hits taken for machines never count. To these counts are added {$pseudo} times the shop's pattern (every human signal of the last {$days} days, naming no one, as shares that sum to 1), and the message goes at the hour within the window with the highest total. With fewer than {$minimum} signals of their own it goes at the shop's busiest hour within the window; with no signals in the shop either, at the window's start. Nothing is stored: it is worked out when the message is queued. Someone who objected to profiling gets the message at the window's start, and nothing about them is read for it.
gdpr-records-sendtime-opens-counted = opens count too
gdpr-records-sendtime-opens-not-counted = opens do not count (they say little about a person)
cm-notice-score-created = Model created. Segments that use its score are being rebuilt.
cm-notice-score-saved = Model saved. Segments that use its score are being rebuilt.
cm-notice-score-deleted = Model deleted.
cm-score-models-title = Lead scoring
cm-score-new = New scoring model
cm-score-intro = A model gives points for what people do and for what their record says; each event's points halve with the model's half-life. Scores are computed when read, only from what each person allowed to be measured, and a person who objects to profiling has none. Segments can use a score ("engagement ≥ 50").
cm-score-empty = No scoring model yet.
cm-score-col-model = Model
cm-score-col-key = Key
cm-score-col-half-life = Half-life (days)
cm-score-col-rules = Rules
cm-score-form-intro = One row per rule: choose what it counts and its points (negative points take away). Fill in only the fields that rule uses; rows left without "counts" are ignored.
cm-score-name = Name
cm-score-key = Key
cm-score-key-hint = (lower-case letters, digits, _ and -; segments name the score by it; it cannot change)
cm-score-half-life-days = Half-life in days
cm-score-half-life-hint = (after this many days an event's points count half)
cm-score-rules = Rules
cm-score-rules-hint = Web address and event rules match part of the address; properties are written name=value, separated by commas; a field rule takes an operator such as equals, contains, gte or one_of (values separated by commas); a cap limits the points per window of that many days.
cm-score-col-on = Counts
cm-score-col-points = Points
cm-score-col-what = Which
cm-score-col-cap = Cap
cm-score-on-none = (no rule)
cm-score-on-opened = Opened an email
cm-score-on-clicked = Clicked a link
cm-score-on-page-viewed = Viewed a page
cm-score-on-custom = Performed an event
cm-score-on-form-submitted = Submitted a form
cm-score-on-ordered = Ordered
cm-score-on-field = Field value
cm-score-on-unsubscribed = Unsubscribed
cm-score-on-bounced = Email bounced
cm-score-per-unit = per unit of the order's amount
cm-score-url = Address contains
cm-score-event = Event name
cm-score-properties = Properties
cm-score-form = Form id
cm-score-field = Field
cm-score-op = Operator
cm-score-value = Value
cm-score-cap-points = At most (points)
cm-score-cap-days = per days
cm-score-more-rows = More rows
cm-score-save = Save model
cm-score-delete = Delete model
cm-score-error-row = Rule { $row }, { $field }: { $message }
cm-score-title = Scores
cm-score-none = No scoring model is defined.
cm-score-restricted = Processing of this contact is restricted: no score is computed.
cm-score-objected = objected to profiling: no score
cm-score-col-rule = Rule
cm-score-col-counted = Counted
cm-score-col-raw = Points given
cm-score-col-decayed = Decayed since
cm-score-col-now = Points now
cm-score-masked = hidden (personal data)
cm-score-half-life = points halve every { $days } days

# A segment as a filter of the contact list
contacts-segment = Segment
c-segment-choice = { $segment } ({ $size })
c-segment-choice-building = { $segment } (being built)
c-describe-segment = in segment { $segment }
c-segment-unknown = There is no such segment (it may have been deleted), so nobody is listed. Choose another segment or clear the filters.
c-segment-not-built = The segment “{ $segment }” is still being built. Its members are listed here once the build is done: until then only a part of them would show.
seg-members-search = Search and export these members

# Scoring models in words (records of processing, the models' list, a contact's scores)
cm-score-words-opened = opened an email (where engagement may be measured)
cm-score-words-clicked = clicked a link in an email (where engagement may be measured)
cm-score-words-clicked-url = clicked a link containing { $url } (where engagement may be measured)
cm-score-words-page-viewed = viewed a page containing { $url } (where website tracking is allowed)
cm-score-words-custom = performed { $name } (where website tracking is allowed)
cm-score-words-custom-where = performed { $name } with { $properties } (where website tracking is allowed)
cm-score-words-property = { $key } = { $value }
cm-score-words-form-any = submitted a form
cm-score-words-form = submitted the form { $form }
cm-score-words-ordered = ordered
cm-score-words-field = { $field } { $op } (while it holds; no decay)
cm-score-words-unsubscribed = unsubscribed
cm-score-words-bounced = an email to them bounced
cm-score-words-points = { $what }: { $points } points
cm-score-words-points-per-unit = { $what }: { $points } points and { $per_unit } per unit of the order's amount
cm-score-words-cap = { $rule }, at most { $points } per { $days } days
cm-score-words-model = “{ $name }” ({ $key }): { $rules }; every event's points halve every { $days } days

cm-action-journey-saved = Journey saved
cm-action-journey-published = Journey published
cm-action-journey-state-changed = Journey paused, resumed or archived
cm-action-journey-deleted = Journey deleted
cm-action-journey-enrolled = Contacts added to a journey
jr-recipe-welcome = Welcome series
jr-recipe-welcome-about = After a sign-up is confirmed: a welcome at once, then tips two days later on a weekday morning.
jr-recipe-cart = Abandoned cart
jr-recipe-cart-about = A cart event without an order within an hour: a reminder, and a last one a day later; an order ends it.
jr-recipe-post-purchase = Post-purchase cross-sell
jr-recipe-post-purchase-about = A week after each order (once per order number): what goes well with it.
jr-recipe-birthday = Birthday
jr-recipe-birthday-about = Every year on the contact's birthday at 9:00 in their time zone: wishes. Needs a date field with the key birthday.
jr-recipe-win-back = Win-back
jr-recipe-win-back-about = When a contact enters a segment of the inactive (choose it): a mail, and an offer if they do not click within two weeks.
jr-recipe-re-permission = Re-permission
jr-recipe-re-permission-about = Asks whether they still want your mail; those who do not click within two weeks are tagged lapsed.

## Journeys: the admin pages
jr-nav = Journeys
jr-title = Journeys
jr-new = New journey
jr-empty = No journeys yet.
jr-empty-what = A journey is a workflow each contact runs through on their own: something starts it (a sign-up, an event like a cart, entering a segment, a tag, a date such as a birthday, a schedule, or you adding them by hand), then it sends mail, waits, checks and branches, step by step, until it ends or its goal is reached. Start from a recipe and adjust it.
jr-col-journey = Journey
jr-col-status = Status
jr-col-version = Version
jr-col-entered = Entered in total
jr-status-draft = Draft
jr-status-live = Live
jr-status-paused = Paused
jr-status-archived = Archived
jr-name = Name
jr-description = Description
jr-recipe-choose = Start from
jr-recipe-blank = Blank journey
jr-recipe-blank-about = Started by hand, and straight to its end: write the steps yourself.
jr-create = Create journey
jr-back = Back to the journeys
jr-back-journey = Back to the journey
jr-notice-created = The journey was created as a draft. Check it, then publish it.
jr-notice-saved = The draft was saved.
jr-notice-published = Published: the journey is live.
jr-notice-paused = Paused: nobody enters, runs wait where they are.
jr-notice-resumed = Resumed: the journey is live again.
jr-notice-archived = Archived: every run ended and nobody enters any more.
jr-notice-deleted = The journey was deleted.
jr-notice-enrolled = { $count ->
    [one] One contact started the journey.
   *[other] { $count } contacts started the journey.
}
jr-version = version { $version }
jr-actions = Actions
jr-edit = Edit the draft
jr-pause = Pause
jr-resume = Resume
jr-delete = Delete
jr-delete-confirm = Delete this journey for good?
jr-publish-title = Publish
jr-publish = Publish the draft
jr-publish-first = Publishing makes the draft live: its triggers start runs from then on.
jr-publish-again = Publishing makes the draft the next version; runs going on move to it at the same step.
jr-publish-blocked = Fix the problems below before publishing.
jr-publish-moves = Runs at steps the draft no longer has
jr-publish-moves-hint = Choose the step of the new version where each of these runs goes on.
jr-publish-move = { $count ->
    [one] One run waits at “{ $step }”: move it to
   *[other] { $count } runs wait at “{ $step }”: move them to
}
jr-publish-choose = Choose a step
jr-archive = Archive
jr-archive-confirm = I understand: every run ends now, queued mail is withdrawn, and nobody enters any more.
jr-problems = Before it can be published
jr-entry = Entry, rules and goal
jr-triggers = Who enters
jr-triggers-none = Nobody: add a trigger.
jr-rules = Rules
jr-goal-title = Goal
jr-goal = Reaching { $what } ends the run and counts as converted.
jr-goal-none = No goal: runs end at an exit.
jr-draft-unreadable = The draft cannot be read: see the problems, or edit its JSON.
jr-steps = Steps
jr-steps-counts = Counters of version { $version } on each step.
jr-start = Start
jr-count-entered = Entered
jr-count-waiting = Waiting now
jr-count-passed = Passed
jr-count-left = Left
jr-count-converted = Converted
jr-chart-waiting = Waiting now by step
jr-chart-empty = Nobody is waiting at any step.
jr-axis-step = Step
jr-series-waiting-in-text = waiting
jr-span-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
jr-span-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
jr-span-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
jr-day-mon = Mon
jr-day-tue = Tue
jr-day-wed = Wed
jr-day-thu = Thu
jr-day-fri = Fri
jr-day-sat = Sat
jr-day-sun = Sun
jr-date-once = the date in { $field }
jr-date-yearly = the day and month in { $field }, every year
jr-offset-before = { $count ->
    [one] 1 day before
   *[other] { $count } days before
}
jr-offset-after = { $count ->
    [one] 1 day after
   *[other] { $count } days after
}
jr-in-segment = membership of the segment { $name }
jr-step-send = Send “{ $subject }” (purpose { $purpose })
jr-step-send-no-purpose = Send “{ $subject }” (no consent purpose yet)
jr-step-send-best-hour = at the contact's best hour within { $hours } h
jr-step-wait = Wait { $span }
jr-step-wait-until = Wait until { $time } on { $days }, in the contact's time zone
jr-step-wait-until-any-day = Wait until { $time }, in the contact's time zone
jr-step-wait-until-date = Wait until { $date }, at { $time } in the contact's time zone
jr-step-wait-for = Wait for { $what }, at most { $span }
jr-step-condition = Check the contact
jr-step-split = Split at random
jr-step-notify = Tell { $to }: “{ $subject }”
jr-step-exit = Exit
jr-update-add-tags = Add tags { $names }
jr-update-remove-tags = Remove tags { $names }
jr-update-add-lists = Add to lists { $names }
jr-update-remove-lists = Remove from lists { $names }
jr-update-set-fields = Set { $fields }
jr-update-nothing = Change nothing
jr-branch-n = condition { $n }
jr-route-then = then
jr-route-comes = if it comes
jr-route-timeout = else
jr-route-if = If { $label }
jr-route-otherwise = otherwise
jr-route-arm = { $label } { $percent }%
jr-route-arm-holdout = { $label } { $percent }% (holdout)
jr-trigger-segment-entered = Enters the segment { $name }
jr-trigger-segment-exited = Leaves the segment { $name }
jr-trigger-event = When { $what } is recorded
jr-trigger-form-submitted = Submits the form { $form }
jr-trigger-form-submitted-any = Submits any form
jr-trigger-form-confirmed = Confirms a sign-up through the form { $form }
jr-trigger-form-confirmed-any = Confirms a sign-up through any form
jr-trigger-consent = Grants consent for { $purpose }
jr-trigger-tag = Gets the tag { $tag }
jr-trigger-date = On { $date }, at { $time } in the contact's time zone
jr-trigger-schedule = On the schedule { $cron } (in the shop's time zone), every subscribed contact
jr-trigger-schedule-segment = On the schedule { $cron } (in the shop's time zone), the members of the segment { $name }
jr-trigger-manual = Added by hand or through the API
jr-rule-reentry-never = A contact goes through it once only.
jr-rule-reentry-always = A contact may enter again whenever it starts them (one run at a time).
jr-rule-reentry-cooldown = { $count ->
    [one] A contact may enter again 1 day after their last entry.
   *[other] A contact may enter again { $count } days after their last entry.
}
jr-rule-dedupe = Events with the same { $property } start one run only.
jr-rule-quiet = Quiet hours { $from }–{ $to } in the contact's time zone: mail waits until they end.
jr-rule-quiet-none = No quiet hours.
jr-rule-cap-defer = At most { $max } messages in { $hours } h per contact; more wait.
jr-rule-cap-skip = At most { $max } messages in { $hours } h per contact; more are skipped.
jr-rule-cap-none = No frequency cap.
jr-definition = Definition (JSON)
jr-definition-hint = Triggers, start, steps, rules and goal, as the API takes them. The draft is saved even with problems; publishing checks it.
jr-edit-title = Edit “{ $name }”
jr-save = Save the draft
jr-try = Try it
jr-try-hint = The draft run for one contact on a virtual clock: every step it would take. Nothing is sent and nothing changes.
jr-try-contact = Contact (email address or id)
jr-try-comes = What it waits for comes
jr-try-run = Try
jr-try-result = It would go like this
jr-try-nothing-sent = A dry run: nothing was sent.
jr-enrol = Add contacts
jr-enrol-hint = Contacts added by hand start at the first step, under the journey's rules (one at a time, re-entry). At most 10,000 at once.
jr-enrol-segment = Every member of a segment
jr-enrol-no-segment = No segment
jr-enrol-emails = Or contacts by email address, one a line
jr-enrol-add = Add to the journey
jr-contact-title = Journeys
jr-contact-none = This contact has not been in any journey.
jr-run-waiting = waiting at { $step } until { $time }
jr-run-at = at { $step }
jr-run-completed = ended { $time }: completed
jr-run-goal = ended { $time }: goal reached
jr-run-left = ended { $time }: left ({ $reason })
jr-run-about = Version { $version }, entered { $time } ({ $trigger })
jr-line-entered = entered: { $trigger }
jr-line-queued = queued the message
jr-line-waiting = waiting until { $time }
jr-line-deferred-quiet = deferred: quiet hours until { $time }
jr-line-deferred = deferred: { $reason } until { $time }
jr-line-skipped = skipped: { $reason }
jr-line-branch = took the branch “{ $label }”
jr-line-split = went down the arm “{ $label }”
jr-line-updated = updated the contact: { $what }
jr-line-notified = told { $to }
jr-line-came = what it waited for came: { $what }
jr-line-timed-out = nothing came in time
jr-line-goal = goal reached: { $what }
jr-line-goal-reached = goal reached
jr-line-left = left: { $reason }
jr-line-completed = completed
jr-line-moved = moved from step { $from } to step { $to } in version { $version }
jr-line-failed = stopped: { $error }
jr-line-would-send = would send “{ $subject }”
jr-cause-segment-entered = entered the segment { $segment }
jr-cause-segment-left = left the segment { $segment }
jr-cause-event = the event { $name }
jr-cause-order = an order
jr-cause-order-id = order { $id }
jr-cause-page-view = viewed { $url }
jr-cause-click = a click
jr-cause-open = an open
jr-cause-form-submitted = a form submitted
jr-cause-form-confirmed = a sign-up confirmed
jr-cause-consent = consent given to { $purpose }
jr-cause-tagged = tagged { $tag }
jr-splits = Splits
jr-splits-about = Each arm's runs and how many of them reached the goal, over every version; the interval and the probability of being best as in a campaign's A/B test; beside a holdout (the arm that sends nothing), how many more conversions per run an arm brings.
jr-split-of = Split at { $step }
jr-split-arm = Arm
jr-split-runs = Runs
jr-split-converted = Reached the goal
jr-split-rate = Rate
jr-split-incremental = Added by the journey
jr-split-holdout = holdout
jr-split-too-few = Too few runs or conversions yet to tell the arms apart.
jr-cause-by-hand = added by hand
jr-cause-date = their date { $field } came
jr-cause-schedule = the journey's schedule
jr-cause-dry-run = a dry run
jr-cause-assumed = what it waits for (assumed in a dry run)
jr-cause-already-in-segment = already in the segment
jr-cause-consent-withdrawn = consent for { $purpose } withdrawn
jr-cause-status = status changed to { $status }
jr-cause-restricted = processing restricted
jr-cause-deleted = the contact was deleted
jr-cause-archived = the journey was archived
jr-cause-version-gone = the journey's version is gone
jr-cause-no-date = no date in { $field }
jr-cause-loop = more than 64 steps at once: a loop without a wait
jr-cause-cap = frequency cap { $max } in { $hours } h

# A/B tests on campaigns (the campaign page and its report)
cm-ab-title = A/B test
cm-ab-intro = Variants B to D change the subject, the sender name, the preheader or the message of the campaign as written above, which is variant A. A share of the audience is split evenly among the variants, each contact always into the same one; after the wait the winner goes to everyone else. Nobody gets more than one message.
cm-ab-variant = Variant {$letter}
cm-ab-keep = Leave a field empty to keep A's. A variant with every field empty is not part of the test.
cm-ab-subject = Subject
cm-ab-sender-name = Sender name
cm-ab-preheader = Preheader
cm-ab-body = Message
cm-ab-percent = Test share, in percent of the audience ({$min} to {$max})
cm-ab-metric = Winner by
cm-ab-metric-clicks = Unique clicks
cm-ab-metric-orders = Orders attributed
cm-ab-metric-revenue = Revenue attributed, per recipient
cm-ab-metric-opens = Opens (unreliable)
cm-ab-opens-unreliable = Opens are unreliable: privacy proxies such as Apple Mail's open every message, and opens are measured only for recipients who consented to it.
cm-ab-wait = Wait before the winner is chosen, in hours ({$min} to {$max})
cm-ab-too-few = With fewer than {$recipients} delivered recipients in any variant, or fewer than {$events} events in all variants together, the figures are too few to tell: the automatic choice then sends A, the campaign as written, to the rest.
cm-ab-save = Save the A/B test
cm-ab-remove = Remove the A/B test
cm-ab-setup = Set up
cm-ab-setup-summary = { $arms } variants, { $percent }% of the audience, { $hours } h wait
cm-ab-winner = Winner
cm-ab-winner-is = Winner: variant {$letter}
cm-ab-decide-at = The winner is chosen at
cm-ab-decision-automatic = chosen by the metric
cm-ab-decision-too-few = too few to tell, so A as written
cm-ab-decision-manual = chosen by a person
cm-ab-send-now = Send the winner now
cm-ab-choose = Send {$letter} to the rest
cm-ab-send-now-how = “Send the winner now” takes the variant the figures favour at this moment, without waiting. While the test share is still being sent, the choice is kept and the rest follows as soon as it is done.
cm-ab-see-report = The variants in the report
cm-ab-drafts-only = No A/B test. A test is set up on a draft.
cm-ab-report-intro = {$percent}% of the audience was split among the variants; winner by {$metric}.
cm-ab-report-rest = { $count } recipients beyond the test got the winner.
cm-ab-leading = The figures favour variant {$letter} now.
cm-ab-axis = Variant
cm-ab-rate = Rate
cm-ab-interval-head = 95% credible interval
cm-ab-interval = {$low} to {$high}
cm-ab-p-best = Probability it is best
cm-ab-chart = {$metric} by variant, with 95% credible intervals
cm-ab-no-data = Nothing measured yet.
cm-ab-model-rate = Rates per delivered recipient: Beta-Binomial with a uniform prior; the probability that a variant is best is computed from the posteriors.
cm-ab-model-revenue = Revenue per delivered recipient: each variant's mean with a normal approximation; with few buyers (mostly zeros and a few large orders) its interval is too narrow.
cm-ab-model-split = Clicks and opens count by variant only for recipients who allow measurement; the split is random, so that share is alike in every variant.
jr-form-deleted = a form deleted since
jr-step-report = Report of this message
jr-report-title = Step { $step } of “{ $name }”: report
jr-report-about = Sends “{ $subject }” (purpose { $purpose }). Opens, clicks, unsubscribes and bounces of every version of this step count here.
jr-report-step = The step
jr-report-step-hint = The step's counters, summed over every published version.
jr-report-nothing-sent = Nothing has been sent from this step yet.
jr-report-note-sent = Sent: messages the relay accepted. A journey sends one message at a time as runs reach the step, so there is no count of recipients queued, failed or skipped as a campaign has.
jr-ed-title = Steps
jr-ed-hint = Build the journey step by step: each card is a step, and the ways out of a step are columns below it. Changes are checked as you go; save the draft when it suits you.
jr-ed-unreadable = The visual editor cannot read this draft: fix its JSON under “Advanced”, and the steps appear here again.
jr-ed-kind-send = Send an email
jr-ed-kind-wait = Wait
jr-ed-kind-wait_until = Wait until a time of day
jr-ed-kind-wait_until_date = Wait until a date field
jr-ed-kind-wait_for = Wait for an event or a segment
jr-ed-kind-condition = Condition
jr-ed-kind-split = Random split
jr-ed-kind-update = Update the contact
jr-ed-kind-notify = Notify staff
jr-ed-kind-exit = Exit
jr-ed-subject = Subject
jr-ed-preheader = Preheader
jr-ed-body = Message (Markdown)
jr-ed-sender = Sender
jr-ed-sender-default = The shop's default sender
jr-ed-purpose = Consent purpose
jr-ed-choose = Choose…
jr-ed-days = days
jr-ed-hours = hours
jr-ed-minutes = minutes
jr-ed-time = Time of day
jr-ed-weekdays = On these days (none ticked: any day)
jr-ed-field = Date field
jr-ed-offset = Days before (−) or after (+)
jr-ed-anniversary = Every year (birthdays)
jr-ed-segment = Segment
jr-ed-event-kind = Event
jr-ed-event-any = any event
jr-ed-event-open = an open
jr-ed-event-click = a click
jr-ed-event-page_view = a page view
jr-ed-event-custom = a custom event
jr-ed-event-order = an order
jr-ed-event-name = Event name
jr-ed-event-url = URL contains
jr-ed-property-name = Property
jr-ed-property-value = Property value
jr-ed-timeout = At most
jr-ed-waits-for = Waits for
jr-ed-wait-event = an event
jr-ed-wait-segment = entering a segment
jr-ed-branch-label = Name of the branch
jr-ed-who = Who goes this way
jr-ed-who-segment = members of a segment
jr-ed-who-tag = contacts with a tag
jr-ed-who-filter = a filter (JSON)
jr-ed-tag = Tag
jr-ed-filter-json = Filter as JSON (as segments take it)
jr-ed-add-branch = Add a branch
jr-ed-remove-branch = Remove this branch
jr-ed-arm-label = Name of the arm
jr-ed-percent = Percent
jr-ed-holdout = Holdout (control group)
jr-ed-add-arm = Add an arm
jr-ed-remove-arm = Remove this arm
jr-ed-add-tags = Add tags
jr-ed-remove-tags = Remove tags
jr-ed-add-lists = Add to lists
jr-ed-remove-lists = Remove from lists
jr-ed-comma = separated by commas
jr-ed-set-field = Field to set
jr-ed-value = Value (empty clears it)
jr-ed-add-field = Set a field
jr-ed-remove-field = Do not set this field
jr-ed-notify-to = Address to notify
jr-ed-notify-subject = Subject of the notification
jr-ed-notify-text = Text
jr-ed-way-then = then
jr-ed-way-comes = if it comes
jr-ed-way-timeout = if it does not come in time
jr-ed-way-if = if @label@
jr-ed-way-otherwise = otherwise
jr-ed-way-arm = @label@: @percent@ %
jr-ed-branch-n = branch @n@
jr-ed-arm-n = arm @n@
jr-ed-add-step = Add a step
jr-ed-add-step-at = Add a step here (@way@)
jr-ed-add-start = Add a step at the start
jr-ed-step-type = Kind of step
jr-ed-add = Add
jr-ed-cancel = Cancel
jr-ed-remove-step = Remove step
jr-ed-move-up = Move up
jr-ed-move-down = Move down
jr-ed-continues-at = continues at
jr-ed-start = Start
jr-ed-unreachable = Not reachable from the start
jr-ed-refuse-branches = This step has several ways out: make them lead to the same step, or remove the steps on them first. Removing it would leave open where its runs go.
jr-ed-refuse-exit = Other steps lead to this exit, and it has no step after it for them to lead to instead: add another exit, or change those steps first.
jr-ed-refuse-last = A journey has at least one step.
jr-ed-refuse-loop = This step leads back to itself: change where it leads first.
jr-ed-removed = Step @step@ removed.
jr-ed-added = Step @step@ added.
jr-ed-save = Save the draft
jr-ed-saving = Saving…
jr-ed-saved = The draft was saved.
jr-ed-save-failed = Not saved:
jr-ed-publish = Go to publishing
jr-ed-checking = Checking…
jr-ed-no-problems = Nothing stands in the way of publishing.
jr-ed-problems = Before it can be published
jr-ed-triggers = Who enters
jr-ed-trigger = Trigger
jr-ed-add-trigger = Add a trigger
jr-ed-remove-trigger = Remove this trigger
jr-ed-t-segment_entered = enters a segment
jr-ed-t-segment_exited = leaves a segment
jr-ed-t-event = an event is recorded
jr-ed-t-form_submitted = submits a form
jr-ed-t-form_confirmed = confirms a sign-up
jr-ed-t-consent_granted = gives consent
jr-ed-t-tag_added = gets a tag
jr-ed-t-date = on a date field (not started in this version)
jr-ed-t-schedule = on a schedule (not started in this version)
jr-ed-t-manual = added by hand or through the API
jr-ed-form = Form
jr-ed-any-form = any form
jr-ed-cron = Cron expression (seconds first)
jr-ed-rules = Rules
jr-ed-reentry = Entering again
jr-ed-reentry-never = never: once per contact
jr-ed-reentry-always = always (one run at a time)
jr-ed-reentry-cooldown = after a number of days
jr-ed-cooldown = Days since the last entry
jr-ed-dedupe = One run per value of the event property
jr-ed-dedupe-hint = e.g. order_id; empty: none
jr-ed-quiet = Quiet hours in the contact's time zone
jr-ed-from = from
jr-ed-to = to
jr-ed-cap = Frequency cap
jr-ed-cap-max = Messages at most
jr-ed-cap-hours = in hours
jr-ed-cap-then = Beyond it
jr-ed-cap-defer = defer
jr-ed-cap-skip = skip
jr-ed-goal = Goal
jr-ed-goal-none = no goal
jr-ed-goal-event = an event
jr-ed-goal-segment = entering a segment
jr-ed-on = Turn on
jr-ed-remove = Remove
jr-ed-advanced = Advanced: the definition as JSON
jr-ed-nojs = The visual editor needs JavaScript; the definition can be edited as JSON below.
jr-report-base-none = No recipient of this step's message could be measured yet, so there are no open or click rates.
jr-report-no-links = This message has no tracked links (links personalised with merge fields are never tracked).
