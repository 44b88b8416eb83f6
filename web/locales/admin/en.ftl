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
cm-priv-title = Privacy deadlines
cm-priv-breach = Breach discovered {$discovered}
cm-priv-breach-overdue = notification to the authority overdue
cm-priv-breach-overdue-by = by {$hours} h
# {$time} is the time left, counting down.
cm-priv-breach-notify = notify the authority within {$time}
cm-priv-time-left = {$hours} h {$minutes} min
cm-priv-requests-due = { $count ->
    [one] {$count} privacy request needs an answer soon
   *[other] {$count} privacy requests need an answer soon
}
cm-priv-overdue-n = {$count} overdue
cm-priv-overdue = overdue
cm-priv-since = since {$date}
cm-priv-days-over = { $count ->
    [one] ({$count} day)
   *[other] ({$count} days)
}
cm-priv-due = { $count ->
    [one] due {$date} ({$count} day left)
   *[other] due {$date} ({$count} days left)
}
cm-priv-more = and {$count} more.
cm-priv-none = No privacy request is overdue or due within 7 days, and no breach is waiting to be notified.
cm-priv-kind-access = Access (Art. 15)
cm-priv-kind-portability = Data portability (Art. 20)
cm-priv-kind-rectification = Rectification (Art. 16)
cm-priv-kind-erasure = Erasure (Art. 17)
cm-priv-kind-restriction = Restriction of processing (Art. 18)
cm-priv-kind-objection = Objection (Art. 21)
cm-priv-kind-withdrawal = Consent withdrawal (Art. 7(3))

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
cm-ed-search-hint = (words as in the contacts search; narrows the lists and tags, or alone selects by itself)
cm-ed-saved-search = Saved search
# {$link} is a link saying cm-ed-saved-search-link.
cm-ed-saved-search-hint = (narrows the lists and tags, or alone selects by itself; {$link})
cm-ed-saved-search-link = save one on the contacts page
cm-ed-saved-search-none = none
cm-ed-audience-count = {$count} subscribed contacts with consent would receive it now (each once; anyone who unsubscribes or withdraws consent before the send is left out).
cm-ed-audience-uncountable = The audience cannot be counted as it stands.
cm-ed-audience-choose = Choose lists, tags, a search or a saved search.
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

## Privacy: requests, breaches, retention, records and the audit log
# (messages of these pages go below this line, above the next heading)

## Sign-in, users, tokens and settings
# (messages of these pages go below this line, above the next heading)
