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

## Subscription states, as a person reads them
status-pending = waiting for your confirmation
status-subscribed = subscribed
status-unsubscribed = unsubscribed
status-bounced = not delivered (the address bounced)
status-complained = stopped (you marked a mail as spam)
