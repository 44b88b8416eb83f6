# Tidings: the public pages and the mail people receive, in German (Deutsch).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: "Sie".

## About this language
meta-language-name = Deutsch
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d. %B %Y
meta-datetime = %-d. %B %Y, %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = de_DE

## System mail
mail-hello = Guten Tag,
mail-hello-name = Hallo {$name},
mail-confirm-subject = Bitte bestätigen Sie Ihre Anmeldung bei {$organisation}
mail-confirm-intro = diese Adresse wurde in ein Anmeldeformular von {$organisation} eingetragen. Bitte bestätigen Sie, dass Sie den Newsletter von {$organisation} erhalten möchten:
mail-confirm-button = Ja, ich möchte den Newsletter erhalten
mail-confirm-ignore = Falls Sie sich nicht angemeldet haben, ignorieren Sie diese Nachricht einfach: Ohne Ihre Bestätigung senden wir Ihnen nichts, und Ihre Adresse wird innerhalb weniger Tage gelöscht.
mail-portal-subject = Ihr Link zu Ihren personenbezogenen Daten bei {$organisation}
mail-portal-intro = jemand (hoffentlich Sie) hat auf der Datenschutzseite von {$organisation} darum gebeten, die personenbezogenen Daten einzusehen, die {$organisation} zu dieser Adresse gespeichert hat. Mit diesem Link können Sie sie aufrufen; er funktioniert nur einmal und ist 30 Minuten lang gültig:
mail-portal-button = Meine Daten ansehen
mail-portal-ignore = Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht einfach: Ohne den Link geschieht nichts.
mail-outcome-subject = Ihr Antrag zu Ihren personenbezogenen Daten
mail-outcome-done = wie von Ihnen gewünscht, haben wir {$done}.
mail-outcome-rectified = Ihre personenbezogenen Daten berichtigt (Art. 16 DSGVO)
mail-outcome-erased = Ihre personenbezogenen Daten gelöscht (Art. 17 DSGVO)
mail-outcome-restricted = die Verarbeitung Ihrer personenbezogenen Daten eingeschränkt (Art. 18 DSGVO)
mail-outcome-recipients = Wir hatten Ihre Daten an {$recipients} weitergegeben; unser Datenschutzbeauftragter informiert die Empfänger über diese Änderung.
mail-outcome-no-recipients = Wir hatten Ihre Daten an niemanden weitergegeben.
mail-outcome-closing = Bitte schreiben Sie uns, falls etwas nicht so ist, wie Sie es gewünscht haben.
mail-outcome-last = Dies ist die letzte Nachricht, die Sie von {$organisation} erhalten.
mail-footer-view = Im Browser ansehen
mail-footer-preferences = Einstellungen
mail-footer-unsubscribe = Abmelden
mail-footer-privacy = Datenschutz

## Every public page
page-language = Sprache
page-footer-dpo = Fragen zu Ihren Daten: {$contact}
page-footer-portal = Ihre personenbezogenen Daten einsehen und verwalten
page-optional = (optional)
page-required = (erforderlich)

## Pages that stop a visitor
too-many-requests = Zu viele Anfragen
    .text = Aus Ihrem Netzwerk kamen in der letzten Minute zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.
link-broken = Dieser Link funktioniert nicht
    .text = Der Link wurde möglicherweise nicht vollständig kopiert. Öffnen Sie ihn bitte erneut direkt aus der E-Mail oder verwenden Sie den Abmeldelink in einer neueren E-Mail.
form-too-large = Das Formular konnte nicht gesendet werden
    .text = Das Formular ist größer als {$limit}. Bitte gehen Sie zurück, kürzen Sie Ihre Eingaben und versuchen Sie es erneut.
form-unreadable = Das Formular konnte nicht gelesen werden
    .text = Bitte gehen Sie zurück und versuchen Sie es erneut.
form-foreign = Das Formular stammt nicht von dieser Seite
    .text = Bitte öffnen Sie Ihre E-Mail-Einstellungen über den Link in der E-Mail und versuchen Sie es erneut.

## Subscribe forms
form-email = E-Mail-Adresse
form-first-name = Vorname
form-last-name = Nachname
form-honeypot = Dieses Feld bitte leer lassen
form-needs-javascript = Dieses Formular prüft, ob es von einem Browser gesendet wird, und benötigt dafür JavaScript. Bitte aktivieren Sie JavaScript.
form-submit = Abonnieren
form-not-found = Formular nicht gefunden
    .text = Unter dieser Adresse gibt es kein Anmeldeformular.
form-not-sent = Nicht gesendet
form-check-inbox = Bitte prüfen Sie Ihr Postfach
form-thank-you = Vielen Dank
form-consent = Einwilligung
form-bad-email = Das ist keine gültige E-Mail-Adresse. Bitte prüfen Sie Ihre Eingabe und versuchen Sie es erneut.
form-tick-purpose = Bitte kreuzen Sie „{$purpose}“ an, um sich anzumelden: Ohne Ihre Einwilligung dürfen wir Ihnen nichts zusenden.
form-tick-any = Bitte kreuzen Sie mindestens ein Kästchen an: Ohne Ihre Einwilligung dürfen wir Ihnen nichts zusenden, eine Anmeldung wäre also nicht möglich.
form-pow-missing = Dieses Formular prüft, ob es von einem Browser gesendet wird, und benötigt dafür JavaScript. Bitte aktivieren Sie JavaScript und versuchen Sie es erneut.
form-pow-expired = Das Formular war zu lange geöffnet. Bitte gehen Sie zurück, laden Sie die Seite neu und senden Sie das Formular erneut ab.
form-pow-failed = Die Browserprüfung ist fehlgeschlagen. Bitte gehen Sie zurück, laden Sie die Seite neu und senden Sie das Formular erneut ab.
form-control-character = Das Feld „{$field}“ enthält einen Zeilenumbruch oder ein anderes Steuerzeichen; diese sind nicht zulässig. Bitte gehen Sie zurück und korrigieren Sie Ihre Eingabe.
form-too-often = Zu viele Versuche
    .text = Dieses Formular wurde in kurzer Zeit zu oft gesendet. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.
form-confirm-title = Bitte bestätigen Sie Ihre Anmeldung
form-confirm-text = Sie möchten sich anmelden. Bitte bestätigen Sie dies mit einem Klick auf die Schaltfläche – vorher senden wir Ihnen nichts zu.
form-confirm-text-titled = Sie möchten sich anmelden („{$title}“). Bitte bestätigen Sie dies mit einem Klick auf die Schaltfläche – vorher senden wir Ihnen nichts zu.
form-confirm-button = Ja, Anmeldung bestätigen
form-confirmed = Anmeldung bestätigt
    .text = Vielen Dank, Ihre Anmeldung ist bestätigt. Sie können sich jederzeit über den Link in jeder E-Mail wieder abmelden.
form-link-expired = Dieser Link ist abgelaufen
    .text = Bestätigungslinks sind nur für begrenzte Zeit gültig. Bitte melden Sie sich über das Formular erneut an und verwenden Sie den neuen Link.
form-link-invalid = Dieser Link ist ungültig
    .text = Der Link ist unvollständig, wurde verändert, oder die zugehörige Anmeldung besteht nicht mehr. Bitte kopieren Sie den vollständigen Link aus der E-Mail oder melden Sie sich erneut an.

## Unsubscribe
unsubscribe-title = Abmelden
unsubscribe-question = E-Mails von {$shop} abbestellen?
unsubscribe-question-address = E-Mails von {$shop} an {$address} abbestellen?
unsubscribe-already = Diese Adresse ist bereits abgemeldet. Sie können die Abmeldung gern noch einmal bestätigen; dadurch ändert sich nichts weiter.
unsubscribe-explained = Sie erhalten dann keine Newsletter und Angebote mehr von {$shop}, und alle Einwilligungen, die Sie uns dafür erteilt haben, gelten als widerrufen. E-Mails, die Sie für eine Bestellung benötigen (Bestätigungen, Rechnungen), erhalten Sie weiterhin.
unsubscribe-button = Abmelden
unsubscribe-instead-link = Stattdessen auswählen, was Sie erhalten möchten
unsubscribed-title = Sie sind abgemeldet
unsubscribed-text = {$shop} sendet Ihnen keine Newsletter und Angebote mehr.
unsubscribed-withdrawn = Außerdem haben wir vermerkt, dass Sie folgende Einwilligungen widerrufen haben:
unsubscribed-changed-mind = Haben Sie es sich anders überlegt, oder möchten Sie nur einen Teil davon erhalten?
unsubscribed-choose = Auswählen, was Sie erhalten möchten

## Preference centre
preferences-title = Ihre E-Mail-Einstellungen
preferences-for = Für {$address} bei {$shop}.
preferences-unsubscribed = Sie sind von allen E-Mails abgemeldet. Wählen Sie ein Thema aus und speichern Sie Ihre Auswahl, um sich wieder anzumelden.
preferences-paused = Wir senden derzeit keine E-Mails an diese Adresse.
preferences-agree = Womit Sie einverstanden sind
preferences-lists = Listen
preferences-save = Auswahl speichern
preferences-saved = Ihre Auswahl wurde gespeichert.
preferences-everything-done = Sie sind von allen E-Mails abgemeldet, und alle Einwilligungen sind widerrufen.
preferences-everything = Von allem abmelden
preferences-everything-text = Keine Newsletter und Angebote mehr, und alle oben genannten Einwilligungen werden widerrufen.
preferences-held-title = Welche Daten wir über Sie speichern
preferences-held-email = Ihre E-Mail-Adresse ({$address}), seit dem {$since}.
preferences-held-name = Ihr Name, so wie Sie ihn uns angegeben haben.
preferences-held-phone = Ihre Telefonnummer.
preferences-held-locale = Ihre Sprache oder Zeitzone, damit wir Ihnen in Ihrer Sprache und zu einer passenden Uhrzeit schreiben.
preferences-held-custom = Weitere Angaben, die Sie uns gemacht haben: {$fields}.
preferences-held-lists = Die Listen, auf denen Sie stehen: {$lists}.
preferences-held-no-list = Sie stehen auf keiner Liste.
preferences-held-consents = Ihre Einwilligungen: zu jedem der oben genannten Themen, wann und auf welchem Weg Sie eingewilligt oder widerrufen haben, und der genaue Wortlaut, dem Sie zugestimmt haben.
preferences-held-status = Ihr Anmeldestatus und der Verlauf der Änderungen an Ihren Angaben.
preferences-use = Wir verwenden diese Daten ausschließlich, um Ihnen zu senden, was Sie oben ausgewählt haben. Wenn Sie eine Kopie aller Daten erhalten oder sie berichtigen oder löschen lassen möchten, nutzen Sie bitte das Datenschutzportal.
preferences-use-dpo = Wir verwenden diese Daten ausschließlich, um Ihnen zu senden, was Sie oben ausgewählt haben. Wenn Sie eine Kopie aller Daten erhalten oder sie berichtigen oder löschen lassen möchten, schreiben Sie bitte an {$contact} oder nutzen Sie das Datenschutzportal.

## Privacy portal
portal-title = Ihre personenbezogenen Daten
portal-heading = Ihre personenbezogenen Daten bei {$shop}
portal-sent = Falls wir Daten zu dieser Adresse gespeichert haben, haben wir soeben einen Link dorthin gesendet. Er funktioniert nur einmal und ist 30 Minuten lang gültig. Bitte prüfen Sie Ihren Posteingang (und den Spam-Ordner).
portal-intro = Hier können Sie einsehen, welche Daten wir über Sie gespeichert haben, eine Kopie herunterladen, die Daten berichtigen, ändern, was Sie von uns erhalten, oder die Daten löschen lassen – ohne jemandem schreiben zu müssen. Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Zugangslink.
portal-email = Ihre E-Mail-Adresse
portal-send-link = Link zusenden
portal-bad-address = Das ist keine gültige E-Mail-Adresse. Bitte prüfen Sie Ihre Eingabe und versuchen Sie es erneut.
portal-link-expired = Dieser Link war 30 Minuten lang gültig und ist abgelaufen. Bitte fordern Sie einen neuen an.
portal-link-used = Dieser Link wurde bereits verwendet; jeder Link funktioniert nur einmal. Bitte fordern Sie einen neuen an.
portal-link-broken = Dieser Link funktioniert nicht; möglicherweise wurde er nicht vollständig kopiert. Bitte fordern Sie einen neuen an.
portal-session-ended = Ihre Sitzung im Portal ist abgelaufen (sie dauert 30 Minuten). Bitte fordern Sie einen neuen Link an.
portal-nothing-held = Wir haben keine Daten mehr über Sie gespeichert.
portal-open-title = Ihre personenbezogenen Daten aufrufen
portal-open-text = Dieser Link funktioniert nur einmal und gewährt Ihnen 30 Minuten lang Zugriff auf Ihre Daten.
portal-continue = Weiter
portal-signed-in = Zugang für {$address}, gültig bis zum {$until}.
portal-restricted = Die Verarbeitung Ihrer Daten ist auf Ihren Wunsch eingeschränkt: Wir speichern sie, verwenden sie aber für nichts anderes.
portal-held = Was wir gespeichert haben
portal-email-label = E-Mail
portal-name = Name
portal-phone = Telefon
portal-subscription = Anmeldestatus
portal-lists = Listen
portal-since = Gespeichert seit
portal-consents = Ihre Einwilligungen
portal-consent-given = {$purpose}: erteilt am {$date}
portal-consent-withdrawn = {$purpose}: widerrufen am {$date}
portal-where-kept = Wo Ihre Daten gespeichert sind
portal-download = Alles herunterladen (.zip)
portal-download-text = Eine gut lesbare Übersicht darüber, warum wir Ihre Daten verarbeiten, auf welcher Rechtsgrundlage, wie lange und wer sie erhält, dazu alle Daten als JSON und als Tabellen.
portal-correct-name = Namen berichtigen
portal-first-name = Vorname
portal-last-name = Nachname
portal-save = Speichern
portal-saved = Ihre Angaben wurden berichtigt.
portal-receive = Was Sie erhalten
portal-receive-link = Listen und Einwilligungen auswählen
portal-erase = Ihre Daten löschen
portal-erase-review = Wir löschen alle Daten, die wir über Sie gespeichert haben, und bestätigen Ihnen dies innerhalb eines Monats per E-Mail.
portal-erase-now = Alle Daten, die wir über Sie gespeichert haben, werden sofort gelöscht. Dies kann nicht rückgängig gemacht werden.
portal-erase-fingerprint = Wir behalten lediglich einen mit einem geheimen Schlüssel gebildeten digitalen Fingerabdruck Ihrer Adresse, damit sie nicht ohne Ihre erneute Einwilligung wieder aufgenommen wird.
portal-erase-confirm = Ja, meine Daten löschen
portal-erase-button = Meine Daten löschen
portal-erase-queued = Ihr Antrag auf Löschung ist eingegangen. Wir führen ihn aus und bestätigen Ihnen dies innerhalb eines Monats per E-Mail.
portal-erased = Ihre Daten wurden gelöscht
    .text = Alle Daten, die wir über Sie gespeichert hatten, wurden gelöscht. Wir behalten lediglich einen mit einem geheimen Schlüssel gebildeten digitalen Fingerabdruck Ihrer Adresse, damit sie nicht ohne Ihre erneute Einwilligung wieder aufgenommen wird.
portal-requests = Ihre Anträge
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Sitzung beenden

## Subscription states, as a person reads them
status-pending = wartet auf Ihre Bestätigung
status-subscribed = angemeldet
status-unsubscribed = abgemeldet
status-bounced = nicht zustellbar (E-Mails an diese Adresse kamen zurück)
status-complained = gestoppt (Sie haben eine E-Mail als Spam markiert)
