# Tidings: the public pages and the mail people receive, in English (the source).
# Every other file in this folder translates exactly these messages. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.

## About this language
meta-language-name = English
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d %B %Y
meta-datetime = %-d %B %Y, %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = en_GB

## System mail
# The mail the shop sends on its own: sign-up confirmation, privacy-portal link, request
# outcomes, and the link texts under every mail. They become the built-in message templates'
# text per language (the shop may edit those); {$organisation}, {$name}, {$done} and
# {$recipients} become the shop's name, the person's first name and what the mail is about.
mail-hello = Hello,
mail-hello-name = Hello {$name},
mail-confirm-subject = Please confirm your subscription to {$organisation}
mail-confirm-intro = this address was entered in a sign-up form of {$organisation}. Please confirm that you want to receive the newsletter of {$organisation}:
mail-confirm-button = Yes, subscribe me
mail-confirm-ignore = If you did not ask for this, ignore this message: without your confirmation nothing is sent and your address is removed within a few days.
mail-portal-subject = Your link to your personal data at {$organisation}
mail-portal-intro = someone (we hope you) asked on the privacy page of {$organisation} to see the personal data {$organisation} holds about this address. Open it with this link; it works once, for 30 minutes:
mail-portal-button = See my data
mail-portal-ignore = If you did not ask for this, ignore this message: nothing happens without the link.
mail-outcome-subject = Your request about your personal data
mail-outcome-done = as you asked, we have {$done}.
mail-outcome-rectified = corrected your personal data (Art. 16)
mail-outcome-erased = erased your personal data (Art. 17)
mail-outcome-restricted = restricted the processing of your personal data (Art. 18)
mail-outcome-recipients = We had passed your data on to {$recipients}; our data-protection officer tells them of this change.
mail-outcome-no-recipients = We had not passed your data on to anyone.
mail-outcome-closing = Write to us if anything is not as you asked.
mail-outcome-last = This is the last message you get from {$organisation}.
mail-footer-view = View in browser
mail-footer-preferences = Preferences
mail-footer-unsubscribe = Unsubscribe
mail-footer-privacy = Privacy

## Every public page
page-language = Language
page-footer-dpo = Questions about your data: {$contact}
page-footer-portal = See and manage your personal data
page-optional = (optional)
page-required = (required)

## Pages that stop a visitor
too-many-requests = Too many requests
    .text = Too many requests came from your network in the last minute. Wait a minute, then try again.
link-broken = This link does not work
    .text = The link may have been copied incompletely. Open it again from the email, or use the unsubscribe link in a more recent email.
form-too-large = The form could not be sent
    .text = The form is larger than {$limit}. Go back, shorten what you typed and try again.
form-unreadable = The form could not be read
    .text = Go back and try again.
form-foreign = The form did not come from this page
    .text = Open the preference centre from the link in the email and try again.

## Subscribe forms
form-email = Email address
form-first-name = First name
form-last-name = Last name
form-honeypot = Leave this field empty
form-needs-javascript = This form checks that it is sent by a browser, which needs JavaScript: please turn JavaScript on.
form-submit = Subscribe
form-not-found = Form not found
    .text = There is no subscribe form at this address.
form-not-sent = Not sent
form-check-inbox = Check your inbox
form-thank-you = Thank you
form-consent = Consent
form-bad-email = That is not an email address; check it and try again.
form-tick-purpose = Tick “{$purpose}” to sign up: without your agreement nothing can be sent to you.
form-tick-any = Tick at least one box: without your agreement nothing can be sent to you, so you would not be subscribed.
form-pow-missing = This form checks that it is sent by a browser, which needs JavaScript. Turn JavaScript on and try again.
form-pow-expired = The form was open too long. Go back, reload the page and send it again.
form-pow-failed = The browser check did not pass. Go back, reload the page and send it again.
form-control-character = The field “{$field}” contains a line break or another control character, which is not accepted. Go back and correct it.
form-too-often = Too many attempts
    .text = This form has been sent too often in a short time. Please wait a while and try again.
form-confirm-title = Confirm your subscription
form-confirm-text = You asked to subscribe. Press the button to confirm; nothing is sent to you until you do.
form-confirm-text-titled = You asked to subscribe (“{$title}”). Press the button to confirm; nothing is sent to you until you do.
form-confirm-button = Yes, confirm my subscription
form-confirmed = Subscription confirmed
    .text = Thank you: your subscription is confirmed. You can unsubscribe at any time with the link in every email.
form-link-expired = This link has expired
    .text = Confirmation links are valid for a limited time. Subscribe again through the form and use the new link.
form-link-invalid = This link is not valid
    .text = The link is incomplete, was changed, or its sign-up no longer exists. Copy the whole link from the email, or subscribe again.

## Unsubscribe
unsubscribe-title = Unsubscribe
unsubscribe-question = Unsubscribe from {$shop}?
unsubscribe-question-address = Unsubscribe {$address} from {$shop}?
unsubscribe-already = This address is already unsubscribed. Confirm again if you like; nothing more will change.
unsubscribe-explained = You will get no more newsletters or offers from {$shop}, and every consent you gave us for them is withdrawn. Mail you need for an order (confirmations, invoices) still comes.
unsubscribe-button = Unsubscribe
unsubscribe-instead-link = Choose what you receive instead
unsubscribed-title = You are unsubscribed
unsubscribed-text = {$shop} will send you no more newsletters or offers.
unsubscribed-withdrawn = We also recorded that you withdrew your consent to:
unsubscribed-changed-mind = Changed your mind, or want only some of it?
unsubscribed-choose = Choose what you receive

## Preference centre
preferences-title = Your email preferences
preferences-for = For {$address} at {$shop}.
preferences-unsubscribed = You are unsubscribed from all email. Tick a topic and save to subscribe again.
preferences-paused = We are not sending any email to this address at the moment.
preferences-agree = What you agree to
preferences-lists = Lists
preferences-save = Save my choices
preferences-saved = Your choices are saved.
preferences-everything-done = You are unsubscribed from all email, and every consent is withdrawn.
preferences-everything = Unsubscribe from everything
preferences-everything-text = No more newsletters or offers, and every consent above withdrawn.
preferences-held-title = What we hold about you
preferences-held-email = Your email address ({$address}), since {$since}.
preferences-held-name = Your name, as you gave it to us.
preferences-held-phone = Your phone number.
preferences-held-locale = Your language or time zone, to write to you in it at a good hour.
preferences-held-custom = Further details you gave us: {$fields}.
preferences-held-lists = The lists you are on: {$lists}.
preferences-held-no-list = You are on no list.
preferences-held-consents = Your consents: for each topic above, when you agreed or withdrew, how, and the exact words you agreed to.
preferences-held-status = Whether you are subscribed, and the history of changes to your details.
preferences-use = We use it only to send you what you chose above. To get a copy of all of it, have it corrected or erased, use the privacy portal.
preferences-use-dpo = We use it only to send you what you chose above. To get a copy of all of it, have it corrected or erased, write to {$contact} or use the privacy portal.

## Privacy portal
portal-title = Your personal data
portal-heading = Your personal data at {$shop}
portal-sent = If we hold data about that address, we have just sent it a link. It works once, for 30 minutes. Check your inbox (and the spam folder).
portal-intro = See what we hold about you, download a copy, correct it, change what you receive, or have it erased — without writing to anyone. Enter your email address and we send you a link to sign in.
portal-email = Your email address
portal-send-link = Send me a link
portal-bad-address = That is not an email address; check it and try again.
portal-link-expired = This link was valid for 30 minutes and has expired. Ask for a new one.
portal-link-used = This link has been used already; each works once. Ask for a new one.
portal-link-broken = This link does not work; it may have been copied incompletely. Ask for a new one.
portal-session-ended = Your portal session has ended (it lasts 30 minutes). Ask for a new link.
portal-nothing-held = We hold no data about you any more.
portal-open-title = Open your personal data
portal-open-text = This link works once and signs you in to your data for 30 minutes.
portal-continue = Continue
portal-signed-in = Signed in as {$address} until {$until}.
portal-restricted = Processing of your data is restricted at your request: we keep it, but use it for nothing else.
portal-held = What we hold
portal-email-label = Email
portal-name = Name
portal-phone = Phone
portal-subscription = Subscription
portal-lists = Lists
portal-since = Since
portal-consents = Your consents
portal-consent-given = {$purpose}: given on {$date}
portal-consent-withdrawn = {$purpose}: withdrawn on {$date}
portal-where-kept = Where it is kept
portal-download = Download everything (.zip)
portal-download-text = A readable summary with why we process your data, on which basis, for how long and who receives it, plus all data as JSON and spreadsheet tables.
portal-correct-name = Correct your name
portal-first-name = First name
portal-last-name = Last name
portal-save = Save
portal-saved = Your details are corrected.
portal-receive = What you receive
portal-receive-link = Choose lists and consents
portal-erase = Erase your data
portal-erase-review = We will erase everything we hold about you and confirm it by mail within a month.
portal-erase-now = Everything we hold about you is erased at once; this cannot be undone.
portal-erase-fingerprint = We keep only a keyed fingerprint of your address so that it is not added again without your fresh consent.
portal-erase-confirm = Yes, erase my data
portal-erase-button = Erase my data
portal-erase-queued = Your erasure request is registered; we will carry it out and confirm by mail within a month.
portal-erased = Your data is erased
    .text = Everything we held about you is erased. We keep only a keyed fingerprint of your address, so that it is not added again without your fresh consent.
portal-requests = Your requests
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Sign out

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d %B %Y, %H:%M:%S %Z
meta-number-decimal = .
meta-number-group = ,
archive-title = Your personal data
archive-title-at = Your personal data at {$shop}
archive-made = Made on {$date} for the record {$record}. The file data.json in this archive holds the same data in full, machine-readable.
archive-who = Who holds it
archive-controller-unnamed = The organisation that sent you this archive
archive-dpo = Data protection officer: {$contact}.
archive-profile = Your profile
archive-no-profile = We hold no profile about you.
archive-email = Email address
archive-first-name = First name
archive-last-name = Last name
archive-phone = Phone
archive-language = Language
archive-time-zone = Time zone
archive-tags = Tags
archive-lists = Lists
archive-subscription = Subscription
archive-recorded-through = Recorded through
archive-recorded-on = Recorded on
archive-last-changed = Last changed
archive-merged = Records merged into this one
archive-yes = yes
archive-no = no
archive-consents = Your consents
archive-col-when = When
archive-col-purpose = Purpose
archive-col-given = Given or withdrawn
archive-col-how = How
archive-col-wording = The text shown
archive-consent-given = given
archive-consent-withdrawn = withdrawn
archive-no-consent = No consent is recorded.
archive-via-form = a subscribe form
archive-via-import = an import of a contact list
archive-via-import-named = an import of a contact list ({$batch})
archive-via-api = the shop's systems (API)
archive-via-admin = a member of staff
archive-via-merge = a merge of two records about you
archive-via-subject = you, on one of our pages
archive-why = Why we process your data
archive-col-basis = Lawful basis
archive-col-data = Data
archive-col-kept = Kept for
archive-col-recipients = Recipients
archive-no-recipients = nobody outside the organisation
archive-came-from = Where your data came from
archive-no-source = No source is recorded.
archive-where = What is kept, where
archive-col-what = What it is
archive-col-records = Records
archive-col-file = File in this archive
archive-rights = Your rights
archive-rights-text = You have the right of access to your data (Art. 15 GDPR) and the right to data portability (Art. 20), the right to rectification (Art. 16), the right to erasure (Art. 17) and the right to restriction of processing (Art. 18), the right to object at any time to processing based on legitimate interests and to direct marketing (Art. 21), and the right to withdraw your consent at any time, without affecting the lawfulness of processing based on consent before its withdrawal (Art. 7(3)). You also have the right to lodge a complaint with a supervisory authority (Art. 77).
archive-rights-dpo = Write to {$contact} for any of these.
archive-readme-intro = This archive holds all the personal data that this organisation keeps about you, as it was when the archive was made.
archive-readme-data-json = data.json: everything, machine-readable (JSON).
archive-readme-keys = The names in data.json are the same in every language, so that programs can read them: "stores" maps each place where data is kept to its records; "purposes" says why each kind of data is processed ("name", "description"), on which lawful basis ("lawful_basis"), which data ("categories"), for how long ("retention_days", "retention") and who receives it ("recipients"); "wordings" holds the exact texts you agreed to (the consents refer to them by purpose and version); "controller" names the organisation responsible; "records" counts the records; "generated_at" is when the archive was made (UTC); "contact_id" is the reference of your record.
archive-readme-wording-languages = "wording_languages" says which language each of those texts is in, where it was recorded.
archive-readme-csv = csv/: the same records as one spreadsheet table per place of storage (UTF-8, comma-separated); the column headings are the names used in data.json.
archive-readme-summary = summary.html: a readable summary, to open in a web browser, with the information Article 15 GDPR entitles you to.
archive-readme-portability = You may take this data to another service (Article 20 GDPR).
basis-consent = Consent (Art. 6(1)(a) GDPR)
basis-contract = Performance of a contract (Art. 6(1)(b) GDPR)
basis-legitimate-interest = Legitimate interests (Art. 6(1)(f) GDPR)
basis-legal-obligation = Legal obligation (Art. 6(1)(c) GDPR)
retention-consent = {$days ->
    [one] {$days} day
   *[other] {$days} days
} after the consent ends: once every consent a person gave has been withdrawn, they are erased after the longest period of those purposes, counted from the later of the last withdrawal and their last activity.
retention-other = {$days ->
    [one] {$days} day
   *[other] {$days} days
}; a person whose consents have all ended is not kept longer for this purpose (its data goes with them), and contacts without any consent are removed by the inactive-contacts rule when it is on.
retention-removes-engagement = Opens and clicks older than this are removed daily.
retention-removes-website = Page views, shop events, orders and unlinked visitors older than this are removed daily.
retention-removes-transactional = Transactional messages (the template and the data merged into it, and their delivery state) older than this are removed daily once delivered or given up.
store-contacts = Your profile: email address, name, phone, language, time zone, further details you gave, tags, lists and subscription status.
store-consents = Your consents: each one given or withdrawn, with the exact text shown, how and when, and a shortened IP address.
store-contact-history = The history of changes to your profile: which details changed, when and by whom.
store-contact-activity = A summary of your engagement: when you last opened or clicked an email or visited the website, with counts, orders and revenue.
store-outbox = The campaigns sent or to be sent to you, with the delivery state of each.
store-messages = Service messages sent to you (such as confirmations), with the data they contained.
store-public-intake = Requests you made on our public pages (a subscribe form, a sign-in link to this portal), kept until they are carried out a moment later.
store-sessions = Your sign-in sessions to the administration (staff accounts only).
store-users = Your staff account: login name, display name, role and sign-in credentials.
store-user-preferences = Your choices as a staff member: the language of the admin pages.
store-api-tokens = Access keys for the shop's systems created with your staff account.
store-bounces = Emails to you that could not be delivered or that you reported as spam: when, and the reason given.
store-audit = The accountability log: what was done with your data, when and by whom (with shortened IP addresses).
store-dsr-requests = Your requests about your data: kind, dates, state and the steps taken.
store-dsr-details = What you wrote in your requests and the answers sent to you.
store-restrictions = The restriction of processing you asked for: since when and why.
store-events = Your opens and clicks of our emails, and your page views, shop events and orders on the website.
store-track-seen = Whether you opened or clicked each email (so that each person is counted once).
store-visitor-links = The link between your visits to the website and your profile (after you clicked a link in an email or confirmed a form).
store-form-submissions = What you sent through a subscribe form, as proof of your consent: the values, the boxes ticked, when, a shortened IP address and the type of browser.
store-change-feed = A short-lived note that your details changed (the kind of change and when, not the contents), kept until the appliance's internal processes have taken it into account.
store-segment-memberships = The groups of contacts (segments) the shop has defined that you belong to now, for example by what you bought or when you last visited, and since when.
store-segment-log = When you entered or left each of those groups.
store-journey-runs = The automated series of messages (journeys) you are going through now or went through, the step you are at, and what started it.
store-journey-log = What each step of those series did for you, and why (for example a message sent, a wait, or why it ended).
request-kind-access = Access to your data (Art. 15 GDPR)
request-kind-portability = Data portability (Art. 20 GDPR)
request-kind-rectification = Rectification (Art. 16 GDPR)
request-kind-erasure = Erasure (Art. 17 GDPR)
request-kind-restriction = Restriction of processing (Art. 18 GDPR)
request-kind-objection = Objection (Art. 21 GDPR)
request-kind-withdrawal = Withdrawal of consent (Art. 7(3) GDPR)
request-state-open = in progress
request-state-done = completed
request-state-refused = refused

## Subscription states, as a person reads them
status-pending = waiting for your confirmation
status-subscribed = subscribed
status-unsubscribed = unsubscribed
status-bounced = not delivered (the address bounced)
status-complained = stopped (you marked a mail as spam)

## Processing purposes as shipped
purpose-newsletter-name = Newsletter email
purpose-newsletter-wording = Yes, send me the newsletter with news and offers by email. I can unsubscribe at any time with the link in every email.
purpose-engagement-name = Email engagement measurement
purpose-engagement-wording = Yes, you may measure whether I open your emails and which links I click, to make them more relevant.
purpose-website-tracking-name = Website behaviour tracking
purpose-website-tracking-wording = Yes, you may record which pages I visit and what I do in the shop, and link it to my email address.
purpose-transactional-name = Transactional email
purpose-profiling-name = Interest score (profiling)
purpose-profiling-wording = We estimate from your email opens and clicks, your visits to our website and your orders how interested you are in our offers, to send you what is more relevant. You can object at any time: untick this and no score is computed for you any more.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = "scores" shows how interested in our offers we take you to be (lead scores, a kind of profiling), as computed when the archive was made: per model ("model", "name") the score ("score"; null if you objected to profiling) and what it is made of ("rules": what each rule counts, "counted" how many times, "points_given" before and "points_now" after the points faded with time, "half_life_days"). "restricted" is true when processing of your data is restricted, and then no score is computed. Scores are never stored.
archive-scores = Your lead scores
archive-scores-intro = From what you do (opening our emails, clicking their links, visiting our website, ordering) and what your record says, we work out how interested you may be in our offers, to choose what to send you. This is profiling: you may object to it at any time. A score is computed when needed and never stored; each event's points fade with time. Only what you allowed us to measure counts.
archive-scores-restricted = Processing of your data is restricted: no score is computed for you.
archive-scores-objected = none (you objected to profiling)
archive-scores-half-life = points halve every {$days} days
archive-scores-col-rule = What counts
archive-scores-col-counted = Times counted
archive-scores-col-points = Points now
archive-score-opened = you opened one of our emails
archive-score-clicked = you clicked a link in one of our emails
archive-score-clicked-url = you clicked a link containing “{$url}” in one of our emails
archive-score-page-viewed = you viewed a page containing “{$url}” on our website
archive-score-custom = you did “{$name}” on our website
archive-score-form = you submitted one of our forms
archive-score-ordered = you ordered
archive-score-field = a value in your profile: {$field}
archive-score-unsubscribed = you unsubscribed
archive-score-bounced = an email to you could not be delivered
