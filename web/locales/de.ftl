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

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d. %B %Y, %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = .
archive-title = Ihre personenbezogenen Daten
archive-title-at = Ihre personenbezogenen Daten bei {$shop}
archive-made = Erstellt am {$date} für den Datensatz {$record}. Die Datei data.json in diesem Archiv enthält dieselben Daten vollständig und maschinenlesbar.
archive-who = Wer Ihre Daten verarbeitet
archive-controller-unnamed = Die Organisation, die Ihnen dieses Archiv gesendet hat
archive-dpo = Datenschutzbeauftragte(r): {$contact}.
archive-profile = Ihr Profil
archive-no-profile = Wir haben kein Profil über Sie gespeichert.
archive-email = E-Mail-Adresse
archive-first-name = Vorname
archive-last-name = Nachname
archive-phone = Telefon
archive-language = Sprache
archive-time-zone = Zeitzone
archive-tags = Schlagwörter
archive-lists = Listen
archive-subscription = Anmeldestatus
archive-recorded-through = Erfasst über
archive-recorded-on = Erfasst am
archive-last-changed = Zuletzt geändert
archive-merged = In diesen Datensatz zusammengeführte Datensätze
archive-yes = ja
archive-no = nein
archive-consents = Ihre Einwilligungen
archive-col-when = Wann
archive-col-purpose = Zweck
archive-col-given = Erteilt oder widerrufen
archive-col-how = Wie
archive-col-wording = Angezeigter Wortlaut
archive-consent-given = erteilt
archive-consent-withdrawn = widerrufen
archive-no-consent = Es ist keine Einwilligung verzeichnet.
archive-via-form = ein Anmeldeformular
archive-via-import = der Import einer Kontaktliste
archive-via-import-named = der Import einer Kontaktliste ({$batch})
archive-via-api = die Systeme des Shops (API)
archive-via-admin = eine Mitarbeiterin oder ein Mitarbeiter
archive-via-merge = die Zusammenführung zweier Datensätze über Sie
archive-via-subject = Sie selbst, auf einer unserer Seiten
archive-why = Warum wir Ihre Daten verarbeiten
archive-col-basis = Rechtsgrundlage
archive-col-data = Daten
archive-col-kept = Speicherdauer
archive-col-recipients = Empfänger
archive-no-recipients = niemand außerhalb der Organisation
archive-came-from = Woher Ihre Daten stammen
archive-no-source = Es ist keine Herkunft verzeichnet.
archive-where = Was wo gespeichert ist
archive-col-what = Was es ist
archive-col-records = Einträge
archive-col-file = Datei in diesem Archiv
archive-rights = Ihre Rechte
archive-rights-text = Sie haben das Recht auf Auskunft über Ihre Daten (Art. 15 DSGVO) und das Recht auf Datenübertragbarkeit (Art. 20 DSGVO), das Recht auf Berichtigung (Art. 16 DSGVO), das Recht auf Löschung (Art. 17 DSGVO) und das Recht auf Einschränkung der Verarbeitung (Art. 18 DSGVO), das Recht, jederzeit Widerspruch gegen eine auf berechtigte Interessen gestützte Verarbeitung und gegen Direktwerbung einzulegen (Art. 21 DSGVO), sowie das Recht, Ihre Einwilligung jederzeit zu widerrufen, ohne dass die Rechtmäßigkeit der aufgrund der Einwilligung bis zum Widerruf erfolgten Verarbeitung berührt wird (Art. 7 Abs. 3 DSGVO). Außerdem haben Sie das Recht auf Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO).
archive-rights-dpo = Für jedes dieser Anliegen schreiben Sie bitte an {$contact}.
archive-readme-intro = Dieses Archiv enthält alle personenbezogenen Daten, die diese Organisation über Sie speichert, mit dem Stand zum Zeitpunkt der Erstellung des Archivs.
archive-readme-data-json = data.json: alle Daten, maschinenlesbar (JSON).
archive-readme-keys = Die Bezeichnungen in data.json sind in jeder Sprache gleich (Englisch), damit Programme sie lesen können: „stores“ ordnet jedem Speicherort seine Einträge zu; „purposes“ gibt an, warum jede Art von Daten verarbeitet wird („name“, „description“), auf welcher Rechtsgrundlage („lawful_basis“), welche Daten („categories“), wie lange („retention_days“, „retention“) und wer sie erhält („recipients“); „wordings“ enthält die genauen Texte, denen Sie zugestimmt haben (die Einwilligungen verweisen darauf mit Zweck und Version); „controller“ nennt den Verantwortlichen; „records“ ist die Anzahl der Einträge; „generated_at“ ist der Zeitpunkt der Erstellung (UTC); „contact_id“ ist die Kennung Ihres Datensatzes.
archive-readme-wording-languages = „wording_languages“ gibt an, in welcher Sprache jeder dieser Texte verfasst ist, soweit dies erfasst wurde.
archive-readme-csv = csv/: dieselben Einträge als eine Tabelle je Speicherort (UTF-8, durch Kommas getrennt); die Spaltenüberschriften sind die Bezeichnungen aus data.json.
archive-readme-summary = summary.html: eine gut lesbare Übersicht zum Öffnen im Webbrowser, mit den Informationen, auf die Sie nach Artikel 15 DSGVO Anspruch haben.
archive-readme-portability = Sie können diese Daten zu einem anderen Anbieter mitnehmen (Artikel 20 DSGVO).
basis-consent = Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)
basis-contract = Vertragserfüllung (Art. 6 Abs. 1 lit. b DSGVO)
basis-legitimate-interest = Berechtigte Interessen (Art. 6 Abs. 1 lit. f DSGVO)
basis-legal-obligation = Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO)
retention-consent = {$days ->
    [one] {$days} Tag
   *[other] {$days} Tage
} nach dem Ende der Einwilligung: Sobald alle Einwilligungen einer Person widerrufen sind, werden ihre Daten nach der längsten Frist dieser Zwecke gelöscht, gerechnet ab dem späteren Zeitpunkt von letztem Widerruf und letzter Aktivität.
retention-other = {$days ->
    [one] {$days} Tag
   *[other] {$days} Tage
}; eine Person, deren Einwilligungen alle beendet sind, wird für diesen Zweck nicht länger gespeichert (ihre Daten werden mit ihr gelöscht), und Kontakte ohne jede Einwilligung werden durch die Regel für inaktive Kontakte entfernt, wenn diese eingeschaltet ist.
retention-removes-engagement = Öffnungen und Klicks, die älter sind, werden täglich gelöscht.
retention-removes-website = Seitenaufrufe, Shop-Ereignisse, Bestellungen und nicht zugeordnete Besucher, die älter sind, werden täglich gelöscht.
retention-removes-transactional = Transaktionsnachrichten (die Vorlage, die darin eingesetzten Daten und ihr Zustellstatus), die älter sind, werden täglich gelöscht, sobald sie zugestellt oder aufgegeben wurden.
store-contacts = Ihr Profil: E-Mail-Adresse, Name, Telefon, Sprache, Zeitzone, weitere Angaben, die Sie gemacht haben, Schlagwörter, Listen und Anmeldestatus.
store-consents = Ihre Einwilligungen: jede Erteilung und jeder Widerruf, mit dem genauen angezeigten Wortlaut, wie und wann, und einer gekürzten IP-Adresse.
store-contact-history = Der Verlauf der Änderungen an Ihrem Profil: welche Angaben sich wann und durch wen geändert haben.
store-contact-activity = Eine Zusammenfassung Ihrer Interaktionen: wann Sie zuletzt eine E-Mail geöffnet oder darin geklickt oder die Website besucht haben, mit Anzahlen, Bestellungen und Umsatz.
store-outbox = Die an Sie gesendeten oder zu sendenden Kampagnen, jeweils mit dem Zustellstatus.
store-messages = An Sie gesendete Servicenachrichten (etwa Bestätigungen) mit den darin enthaltenen Daten.
store-public-intake = Anfragen, die Sie auf unseren öffentlichen Seiten gestellt haben (ein Anmeldeformular, ein Zugangslink zu diesem Portal), gespeichert, bis sie einen Moment später ausgeführt werden.
store-sessions = Ihre Anmeldungen in der Verwaltung (nur Konten von Mitarbeitenden).
store-users = Ihr Mitarbeiterkonto: Anmeldename, Anzeigename, Rolle und Anmeldedaten.
store-user-preferences = Ihre Einstellungen als Mitarbeiter: die Sprache der Verwaltungsseiten.
store-api-tokens = Zugangsschlüssel für die Systeme des Shops, die mit Ihrem Mitarbeiterkonto erstellt wurden.
store-bounces = E-Mails an Sie, die nicht zugestellt werden konnten oder die Sie als Spam gemeldet haben: wann, und der angegebene Grund.
store-audit = Das Protokoll zur Rechenschaftspflicht: was wann und von wem mit Ihren Daten getan wurde (mit gekürzten IP-Adressen).
store-dsr-requests = Ihre Anträge zu Ihren Daten: Art, Daten, Stand und die unternommenen Schritte.
store-dsr-details = Was Sie in Ihren Anträgen geschrieben haben, und die Antworten, die Sie erhalten haben.
store-restrictions = Die von Ihnen verlangte Einschränkung der Verarbeitung: seit wann und warum.
store-events = Ihre Öffnungen und Klicks in unseren E-Mails sowie Ihre Seitenaufrufe, Shop-Ereignisse und Bestellungen auf der Website.
store-track-seen = Ob Sie jede E-Mail geöffnet oder darin geklickt haben (damit jede Person nur einmal gezählt wird).
store-visitor-links = Die Verbindung zwischen Ihren Besuchen auf der Website und Ihrem Profil (nachdem Sie auf einen Link in einer E-Mail geklickt oder ein Formular bestätigt haben).
store-form-submissions = Was Sie über ein Anmeldeformular gesendet haben, als Nachweis Ihrer Einwilligung: die Angaben, die angekreuzten Kästchen, der Zeitpunkt, eine gekürzte IP-Adresse und die Art des Browsers.
store-change-feed = Ein kurzlebiger Vermerk, dass sich Ihre Daten geändert haben (welche Art von Änderung und wann, ohne Inhalte), aufbewahrt, bis die internen Abläufe ihn berücksichtigt haben.
store-segment-memberships = Die vom Shop festgelegten Gruppen von Kontakten (Segmente), zu denen Sie gerade gehören, etwa nach Ihren Käufen oder Ihrem letzten Besuch, und seit wann.
store-segment-log = Wann Sie in jede dieser Gruppen gekommen sind oder sie verlassen haben.
store-journey-runs = Die automatisierten Nachrichtenfolgen (Journeys), die Sie gerade durchlaufen oder durchlaufen haben, der Schritt, bei dem Sie stehen, und was sie ausgelöst hat.
store-journey-log = Was jeder Schritt dieser Folgen für Sie getan hat und warum (zum Beispiel eine gesendete Nachricht, eine Wartezeit oder warum sie endete).
request-kind-access = Auskunft über Ihre Daten (Art. 15 DSGVO)
request-kind-portability = Datenübertragbarkeit (Art. 20 DSGVO)
request-kind-rectification = Berichtigung (Art. 16 DSGVO)
request-kind-erasure = Löschung (Art. 17 DSGVO)
request-kind-restriction = Einschränkung der Verarbeitung (Art. 18 DSGVO)
request-kind-objection = Widerspruch (Art. 21 DSGVO)
request-kind-withdrawal = Widerruf der Einwilligung (Art. 7 Abs. 3 DSGVO)
request-state-open = in Bearbeitung
request-state-done = erledigt
request-state-refused = abgelehnt

## Subscription states, as a person reads them
status-pending = wartet auf Ihre Bestätigung
status-subscribed = angemeldet
status-unsubscribed = abgemeldet
status-bounced = nicht zustellbar (E-Mails an diese Adresse kamen zurück)
status-complained = gestoppt (Sie haben eine E-Mail als Spam markiert)

## Processing purposes as shipped
purpose-newsletter-name = Newsletter per E-Mail
purpose-newsletter-wording = Ja, senden Sie mir den Newsletter mit Neuigkeiten und Angeboten per E-Mail. Ich kann mich jederzeit über den Link in jeder E-Mail abmelden.
purpose-engagement-name = Messung der E-Mail-Nutzung
purpose-engagement-wording = Ja, Sie dürfen messen, ob ich Ihre E-Mails öffne und welche Links ich anklicke, um sie für mich relevanter zu gestalten.
purpose-website-tracking-name = Erfassung des Verhaltens auf der Website
purpose-website-tracking-wording = Ja, Sie dürfen erfassen, welche Seiten ich besuche und was ich im Shop tue, und dies mit meiner E-Mail-Adresse verknüpfen.
purpose-transactional-name = Transaktions-E-Mails
purpose-profiling-name = Interessenbewertung (Profiling)
purpose-profiling-wording = Wir schätzen anhand Ihrer Öffnungen und Klicks in unseren E-Mails, Ihrer Besuche auf unserer Website und Ihrer Bestellungen ein, wie sehr Sie sich für unsere Angebote interessieren, um Ihnen Passenderes zu senden. Sie können jederzeit widersprechen: Entfernen Sie das Häkchen, dann wird für Sie keine Bewertung mehr berechnet.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = "scores" zeigt, wie groß wir Ihr Interesse an unseren Angeboten einschätzen (Lead-Scores, eine Form des Profilings), berechnet, als das Archiv erstellt wurde: je Modell ("model", "name") der Wert ("score"; null, wenn Sie dem Profiling widersprochen haben) und woraus er sich zusammensetzt ("rules": was jede Regel zählt, "counted" wie oft, "points_given" vorher und "points_now" nachdem die Punkte mit der Zeit verfallen sind, "half_life_days"). "restricted" ist true, wenn die Verarbeitung Ihrer Daten eingeschränkt ist; dann wird kein Wert berechnet. Scores werden nie gespeichert.
archive-scores = Ihre Lead-Scores
archive-scores-intro = Aus dem, was Sie tun (unsere E-Mails öffnen, ihre Links anklicken, unsere Website besuchen, bestellen), und aus Ihren Angaben schätzen wir, wie sehr Sie sich für unsere Angebote interessieren, um auszuwählen, was wir Ihnen schicken. Das ist Profiling: Sie können ihm jederzeit widersprechen. Ein Score wird bei Bedarf berechnet und nie gespeichert; die Punkte jedes Ereignisses verfallen mit der Zeit. Es zählt nur, was Sie uns zu messen erlaubt haben.
archive-scores-restricted = Die Verarbeitung Ihrer Daten ist eingeschränkt: Für Sie wird kein Score berechnet.
archive-scores-objected = keiner (Sie haben dem Profiling widersprochen)
archive-scores-half-life = Punkte halbieren sich alle {$days} Tage
archive-scores-col-rule = Was zählt
archive-scores-col-counted = Wie oft gezählt
archive-scores-col-points = Punkte jetzt
archive-score-opened = Sie haben eine unserer E-Mails geöffnet
archive-score-clicked = Sie haben einen Link in einer unserer E-Mails angeklickt
archive-score-clicked-url = Sie haben in einer unserer E-Mails einen Link angeklickt, der „{$url}“ enthält
archive-score-page-viewed = Sie haben auf unserer Website eine Seite aufgerufen, deren Adresse „{$url}“ enthält
archive-score-custom = Sie haben auf unserer Website „{$name}“ ausgeführt
archive-score-form = Sie haben eines unserer Formulare abgeschickt
archive-score-ordered = Sie haben bestellt
archive-score-field = eine Angabe in Ihrem Profil: {$field}
archive-score-unsubscribed = Sie haben sich abgemeldet
archive-score-bounced = eine E-Mail an Sie konnte nicht zugestellt werden
