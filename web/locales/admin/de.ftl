# Tidings: die Verwaltungsseiten auf Deutsch. Noch nicht übersetzte Seiten bleiben englisch.

## About this language
meta-language-name = Deutsch
meta-date = %-d. %B %Y
meta-datetime = %-d. %B %Y, %H:%M %Z
meta-date-locale = de_DE
meta-datetime-seconds = %-d. %B %Y, %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = .

## The frame of every page
admin-skip = Zum Inhalt springen
admin-sign-out = Abmelden
admin-account-nav = Konto
admin-main-nav = Hauptnavigation
admin-footer = Tidings {$version} · alle Daten bleiben auf diesem Server

## Navigation
nav-dashboard = Übersicht
nav-contacts = Kontakte
nav-lists = Listen
nav-campaigns = Kampagnen
nav-templates = Vorlagen
nav-media = Medien
nav-forms = Formulare
nav-reports = Berichte
nav-schema = Felder & Zwecke
nav-purposes = Zwecke
nav-requests = Datenschutz­anfragen
nav-retention = Aufbewahrung
nav-breaches = Datenpannen
nav-records = Verarbeitungs­verzeichnis
nav-users = Benutzer & Rollen
nav-tokens = API-Tokens
nav-audit = Protokoll
nav-settings = Einstellungen

## Your account
account-title = Ihr Konto
account-user-name = Benutzername
account-role = Rolle
account-password-set = Passwort gesetzt
account-password-expires = (läuft nach {$days} Tagen ab)
account-change-password = Passwort ändern
account-language = Sprache dieser Seiten
account-language-hint = Noch nicht übersetzte Seiten bleiben englisch.
account-language-save = Sprache speichern
account-language-saved = Die Sprache dieser Seiten ist gespeichert.
account-2fa = Zwei-Faktor-Authentifizierung
account-2fa-on = { $count ->
    [one] Eingeschaltet. Sie haben noch einen unbenutzten Wiederherstellungscode.
   *[other] Eingeschaltet. Sie haben noch {$count} unbenutzte Wiederherstellungscodes.
}
account-2fa-recovery-password = Passwort (für neue Wiederherstellungscodes)
account-2fa-recovery-new = Neue Wiederherstellungscodes
account-2fa-off-password = Passwort (zum Ausschalten der Zwei-Faktor-Authentifizierung)
account-2fa-off = Ausschalten
account-2fa-off-confirm = Zwei-Faktor-Authentifizierung ausschalten?
account-2fa-is-off = Ausgeschaltet. Eingeschaltet braucht die Anmeldung außer Ihrem Passwort einen Code aus einer Authenticator-App auf Ihrem Telefon.
account-2fa-turn-on = Zwei-Faktor-Authentifizierung einschalten
account-sessions = Ihre Sitzungen
account-session-signed-in = Angemeldet
account-session-last-seen = Zuletzt gesehen
account-session-network = Netzwerk
account-session-browser = Browser
account-session-this = diese
account-sessions-revoke = Überall sonst abmelden

## Dashboard
dash-title = Übersicht
dash-no-2fa = Ihr Konto hat noch keinen zweiten Faktor.
dash-turn-on-2fa = Zwei-Faktor-Authentifizierung einschalten – das dauert eine Minute
dash-getting-started = Erste Schritte
dash-done = (erledigt)
dash-checklist-goes = Diese Liste verschwindet, sobald alle Schritte erledigt sind.
dash-warnings = Was mit dieser Konfiguration schiefgehen wird
dash-warning-key = {$key} in der Konfigurationsdatei; tidings check listet dies ebenfalls auf
dash-status = Status
dash-users = { $count ->
    [one] Verwaltungsbenutzer
   *[other] Verwaltungsbenutzer
}
dash-locked = { $count ->
    [one] {$count} mit einem gesperrten Netzwerk
   *[other] {$count} mit einem gesperrten Netzwerk
}
dash-sessions = { $count ->
    [one] aktive Sitzung
   *[other] aktive Sitzungen
}
dash-audit-entries = { $count ->
    [one] Protokolleintrag
   *[other] Protokolleinträge
}
dash-store = Speicher auf der Festplatte
dash-uptime = Laufzeit
dash-last-backup = letzte Sicherung
dash-backup-failed = fehlgeschlagen
dash-none-yet = noch keine
dash-sign-ins = Anmeldungen der letzten 14 Tage
dash-sign-ins-summary = { $ok ->
    [one] {$ok} erfolgreiche Anmeldung
   *[other] {$ok} erfolgreiche Anmeldungen
}, { $failed ->
    [one] {$failed} fehlgeschlagener Versuch.
   *[other] {$failed} fehlgeschlagene Versuche.
}
dash-sign-ins-chart = Balkendiagramm der erfolgreichen Anmeldungen pro Tag in den letzten 14 Tagen, höchstens {$max} pro Tag
dash-recent = Letzte Aktivitäten
dash-col-when = Wann
dash-col-what = Was
dash-col-who = Wer
dash-col-from = Von
dash-open-audit = Protokoll öffnen
dash-nothing-yet = Bisher ist nichts geschehen.

## Campaigns
campaigns-intro = Eine Kampagne ist eine Nachricht an eine Zielgruppe (Listen, Tags oder eine Suche), sofort, zu einem festen Zeitpunkt oder wiederkehrend versendet. Nur angemeldete Kontakte, die in den Zweck der Kampagne eingewilligt haben, erhalten sie; jeder wird beim Versand erneut geprüft.
campaigns-new = Neue Kampagne
campaigns-name = Name
campaigns-name-hint = (für Sie; Empfänger sehen den Betreff)
campaigns-create = Entwurf anlegen
campaigns-all = Alle Kampagnen
campaigns-state = Status
campaigns-audience = Zielgruppe
campaigns-progress = Fortschritt
campaigns-created = Angelegt
campaigns-report = Bericht
campaigns-report-of = Bericht zu {$name}
campaigns-percent-done = {$percent} % erledigt
campaigns-sent-of = {$sent} von {$queued} versendet
campaigns-failed = {$count} fehlgeschlagen
campaigns-not-started = nicht begonnen
campaigns-empty = Noch keine Kampagnen. Geben Sie Ihrer ersten oben einen Namen; Text und Vorschau folgen auf der nächsten Seite.
campaign-state-draft = Entwurf
campaign-state-scheduled = Geplant
campaign-state-sending = Wird versendet
campaign-state-paused = Angehalten
campaign-state-sent = Versendet
campaign-state-cancelled = Abgebrochen
campaign-state-failed = Fehlgeschlagen

## Contacts
contacts-add = Kontakt hinzufügen
contacts-import = CSV importieren
contacts-export = Exportieren
contacts-masked-search = Ihre Rolle sieht Kontakte maskiert, daher ist die Suche nach Name oder Adresse aus; die Filter funktionieren.
contacts-search = Suchen
contacts-search-placeholder = E-Mail, Name, Telefon, Tag…
contacts-status = Status
contacts-tag = Tag
contacts-list = Liste
contacts-consent = Einwilligung
contacts-consent-granted = {$purpose}: erteilt
contacts-consent-withdrawn = {$purpose}: widerrufen
contacts-engagement = Interaktion
contacts-any = alle
contacts-columns = Spalten
contacts-columns-legend = Angezeigte Spalten
contacts-columns-hint = Die Auswahl steht in der Adresse der Seite: Setzen Sie ein Lesezeichen, um sie zu behalten.
contacts-clear = Zurücksetzen
contacts-saved-searches = Gespeicherte Suchen
contacts-saved-none = Noch keine. Wählen Sie Filter (Status, Tag, Liste, Einwilligung, Interaktion) und speichern Sie sie hier, um darauf zurückzukommen oder eine Kampagne an alle zu senden, auf die sie zum Zeitpunkt des Versands zutreffen.
contacts-save-search = Suche speichern
contacts-save-search-words = (die Suchbegriffe werden nicht gespeichert: Eine gespeicherte Suche ist eine Regel, keine Person)
contacts-save-as = „{$selection}“ speichern als

## Notices after an action
notice-password-changed = Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden abgemeldet.
notice-totp-disabled = Die Zwei-Faktor-Authentifizierung ist ausgeschaltet.
notice-two-factor-required = Ihre Rolle verlangt die Zwei-Faktor-Authentifizierung: Richten Sie sie unten ein (mit einer Authenticator-App auf Ihrem Telefon), um fortzufahren.
notice-role-changed = Die Rolle wurde geändert.
notice-disabled = Das Konto ist gesperrt, seine Sitzungen sind beendet.
notice-enabled = Das Konto ist wieder freigegeben.
notice-unlocked = Die Sperre des Kontos ist aufgehoben.
notice-revoked = Das Token wurde widerrufen.
notice-saved = Einstellungen gespeichert.
notice-sender-saved = Der Absender wurde gespeichert.
notice-sender-default = Dieser Absender ist jetzt der Standard: Die nächste Nachricht geht von ihm aus.
notice-sender-removed = Der Absender wurde entfernt.
notice-sender-link-sent = An die Adresse des Absenders wurde ein Bestätigungslink geschickt: Öffnen Sie ihn aus diesem Postfach.
notice-sessions-revoked = Ihre anderen Sitzungen wurden abgemeldet.
notice-two-factor-reset = Die Zwei-Faktor-Authentifizierung dieses Benutzers wurde ausgeschaltet.
notice-logged-out = Sie wurden abgemeldet.
notice-contact-created = Der Kontakt wurde angelegt.
notice-contact-saved = Der Kontakt wurde gespeichert.
notice-search-saved = Die Suche ist gespeichert: Sie finden sie unter „Gespeicherte Suchen“ und als Zielgruppe für Kampagnen.
notice-search-deleted = Die gespeicherte Suche wurde gelöscht.
notice-contact-deleted = Der Kontakt wurde gelöscht.
notice-contact-deleted-suppressed = Der Kontakt wurde gelöscht; seine Adresse steht auf der Sperrliste und kann nicht erneut importiert werden.
notice-consent-recorded = Die Einwilligung wurde im Einwilligungsprotokoll festgehalten.
notice-contacts-merged = Die Kontakte wurden in diesen zusammengeführt.
notice-field-created = Das Feld wurde angelegt.
notice-field-saved = Das Feld wurde gespeichert.
notice-field-deleted = Das Feld wurde gelöscht.
notice-purpose-created = Der Zweck wurde angelegt.
notice-purpose-saved = Der Zweck wurde gespeichert.
notice-list-created = Die Liste wurde angelegt.
notice-list-saved = Die Liste wurde gespeichert.
notice-list-deleted = Die Liste wurde gelöscht und ihre Kontakte daraus entfernt.
notice-campaign-saved = Die Kampagne wurde gespeichert.
notice-campaign-started = Die Kampagne wird versendet.
notice-campaign-scheduled = Die Kampagne ist eingeplant.
notice-campaign-unscheduled = Die Kampagne ist wieder ein Entwurf.
notice-campaign-paused = Die Kampagne ist pausiert; bis Sie sie fortsetzen, wird nichts mehr versendet.
notice-campaign-resumed = Die Kampagne wird wieder versendet.
notice-campaign-cancelled = Die Kampagne ist abgebrochen; es wird nichts mehr versendet.
notice-campaign-duplicated = Dies ist eine Kopie der Kampagne, als Entwurf.
notice-campaign-deleted = Die Kampagne wurde gelöscht.
notice-template-saved = Die Vorlage wurde gespeichert.
notice-template-deleted = Die Vorlage wurde gelöscht.
notice-list-visible = Die Liste wird jetzt allen im Präferenzcenter angeboten.
notice-list-hidden = Das Präferenzcenter zeigt die Liste jetzt nur ihren Mitgliedern.
notice-request-created = Die Anfrage ist erfasst; ihre Frist läuft ab dem Tag ihres Eingangs.
notice-request-saved = Die Anfrage wurde aktualisiert.
notice-request-erased = Die Person wurde aus allen Speichern gelöscht; die Adresse ist gesperrt.
notice-request-restricted = Die Verarbeitung des Kontakts ist eingeschränkt, bis die Einschränkung aufgehoben wird.
notice-request-lifted = Die Einschränkung wurde aufgehoben.
notice-request-withdrawn = Der Widerruf ist im Einwilligungsprotokoll festgehalten.
notice-retention-ran = Die Aufbewahrung ist gelaufen: Alles, dessen Frist abgelaufen ist, wurde entfernt. Die Zahlen stehen unten und im Protokoll.
notice-retention-saved = Die Aufbewahrungsfristen sind gespeichert; der nächste Lauf wendet sie an.
notice-breach-recorded = Die Datenpanne ist erfasst und gezählt. Die 72 Stunden für die Meldung an die Behörde laufen ab ihrer Entdeckung.
notice-breach-saved = Die Datenpanne wurde aktualisiert.
notice-breach-assessed = Neu gezählt aus den Speichern und dem Protokoll.
notice-breach-notice-queued = Die Benachrichtigung wird für alle Betroffenen eingereiht; sie geht über den Postausgang hinaus.
notice-media-uploaded = Das Bild ist in der Mediathek. Fügen Sie es im Editor einer Kampagne ein.
notice-media-renamed = Das Bild wurde umbenannt; seine Adresse bleibt gleich.
notice-media-deleted = Das Bild wurde gelöscht.

## Figures and moments on every page
format-percent = {$value} %
time-just-now = gerade eben
time-minutes-ago = { $count ->
    [one] vor einer Minute
   *[other] vor {$count} Minuten
}
time-hours-ago = { $count ->
    [one] vor einer Stunde
   *[other] vor {$count} Stunden
}
time-days-ago = { $count ->
    [one] vor einem Tag
   *[other] vor {$count} Tagen
}
time-in-seconds = { $count ->
    [one] in einer Sekunde
   *[other] in {$count} Sekunden
}
time-in-minutes = { $count ->
    [one] in einer Minute
   *[other] in {$count} Minuten
}
time-in-hours = { $count ->
    [one] in einer Stunde
   *[other] in {$count} Stunden
}

## Contacts, lists, import, fields and purposes
# (messages of these pages go below this line, above the next heading)

## Campaigns, templates, media, forms and reports
# (messages of these pages go below this line, above the next heading)

## Privacy: requests, breaches, retention, records and the audit log
# (messages of these pages go below this line, above the next heading)
# Privacy requests
gdpr-requests-title = Datenschutzanfragen
gdpr-requests-intro = Jede Anfrage einer Person zu ihren Daten (Auskunft, Löschung, Einschränkung, Widerspruch …) wird hier mit ihrer Frist erfasst: ein Monat ab Eingang, mit Begründung um bis zu zwei weitere Monate verlängerbar. Jeder Schritt wird bei der Anfrage und im Protokoll festgehalten.
gdpr-requests-glance = Anfragen auf einen Blick
gdpr-requests-count-open = offen
gdpr-requests-count-overdue = überfällig
gdpr-requests-count-nearly-due = innerhalb von 7 Tagen fällig
gdpr-requests-all = Alle Anfragen
gdpr-requests-open = Offene Anfragen
gdpr-requests-show-open = Nur offene Anfragen zeigen
gdpr-requests-show-all = Auch abgeschlossene Anfragen zeigen (insgesamt {$count})
gdpr-requests-table = Anfragen
gdpr-col-request = Anfrage
gdpr-col-received = Eingegangen
gdpr-col-due = Fällig
gdpr-col-identity = Identität
gdpr-col-state = Stand
gdpr-received-by = { $channel ->
    [portal] über das Datenschutzportal
    [email] per E-Mail
    [letter] per Brief
    [phone] telefonisch
    [in_person] persönlich
   *[other] über die API
}
gdpr-channel = { $channel ->
    [portal] Datenschutzportal
    [email] E-Mail
    [letter] Brief
    [phone] Telefon
    [in_person] persönlich
   *[other] API
}
gdpr-requests-person-erased = Person gelöscht
gdpr-requests-no-contact = kein passender Kontakt
gdpr-tag-overdue = überfällig
gdpr-days-left = { $count ->
    [one] noch {$count} Tag
   *[other] noch {$count} Tage
}
gdpr-tag-extended = verlängert
gdpr-verification = { $state ->
    [verified] geprüft
    [failed] nicht nachgewiesen
   *[other] zu prüfen
}
gdpr-request-state = { $state ->
    [open] offen
    [done] erledigt
   *[other] abgelehnt
}
gdpr-requests-none = Es wurde noch keine Anfrage erfasst.
gdpr-requests-none-open = Keine offenen Anfragen. Erfassen Sie unten eine, wenn sich jemand per E-Mail, Brief oder Telefon nach seinen Daten erkundigt; Anfragen aus dem Datenschutzportal kommen von selbst hier an.
gdpr-register-title = Anfrage erfassen
gdpr-register-kind = Was die Person verlangt
gdpr-register-channel = Wie die Anfrage eingegangen ist
gdpr-register-for-contact = Für den Kontakt, von dem Sie kommen.
gdpr-register-email = E-Mail-Adresse der anfragenden Person
gdpr-register-email-hint = (findet ihren Kontakteintrag)
gdpr-register-received = Eingegangen am
gdpr-register-received-hint = (die Frist läuft ab diesem Tag; Datumsangaben in der Zeitzone {$zone})
gdpr-register-message = Was die Person geschrieben hat
gdpr-register-message-hint = (wird mit ihren Daten gespeichert und mit ihnen gelöscht)
gdpr-register-notify = Die Person per E-Mail informieren, sobald ihre Daten berichtigt, gelöscht oder eingeschränkt sind (Art. 19); abwählen, wenn sie das nicht wünscht
gdpr-register-submit = Anfrage erfassen
gdpr-kind-access = Auskunft (Art. 15)
gdpr-kind-portability = Datenübertragbarkeit (Art. 20)
gdpr-kind-rectification = Berichtigung (Art. 16)
gdpr-kind-erasure = Löschung (Art. 17)
gdpr-kind-restriction = Einschränkung der Verarbeitung (Art. 18)
gdpr-kind-objection = Widerspruch (Art. 21)
gdpr-kind-withdrawal = Widerruf der Einwilligung (Art. 7 Abs. 3)
gdpr-error-date = Bitte ein Datum wie 2026-11-23 angeben
gdpr-error-extend-months = Bitte 1 oder 2 Monate wählen
gdpr-error-password = Das ist nicht Ihr Passwort. Es wurde nichts gelöscht.
gdpr-error-erase-mode = Bitte „Löschen“ oder „Anonymisieren“ wählen

# One privacy request
gdpr-request-since = seit {$when}
gdpr-request-extended = Verlängert: {$reason}
gdpr-request-handled-by = Bearbeitet von
gdpr-request-nobody = noch niemandem
gdpr-request-person = Person
gdpr-tag-restricted = Verarbeitung eingeschränkt
gdpr-request-person-erased = Gelöscht: Kein Speicher enthält die Person mehr.
gdpr-request-no-contact = Kein Kontakt passt: Tidings speichert nichts über diese Person (sagen Sie das in der Antwort).
gdpr-request-wrote = Was die Person geschrieben hat
gdpr-request-act = Das Verlangte ausführen
gdpr-request-verify-first = Stellen Sie zuerst sicher, dass die anfragende Person die ist, für die sie sich ausgibt (eine Antwort von der gespeicherten Adresse, ein unterschriebener Brief). Vorher wird nichts herausgegeben oder geändert.
gdpr-request-nothing-to-act-on = Es gibt keinen Kontakt, auf den sich die Anfrage anwenden ließe. Schließen Sie sie mit einer Antwort, die sagt, was Tidings speichert.
gdpr-request-archive-holds = Das Archiv enthält alles, was Tidings über {$email} speichert: eine lesbare Zusammenfassung mit den Angaben nach Artikel 15, alle Daten als JSON und eine CSV-Tabelle je Speicher.
gdpr-request-archive-download = Archiv herunterladen
gdpr-request-erase-confirm = {$email} aus allen Speichern löschen? Das lässt sich nicht rückgängig machen.
gdpr-request-erase-explain = Die Löschung entfernt die Person aus allen Speichern, dem Suchindex und allen Warteschlangen und vernichtet ihren Datenschlüssel. Nur ein mit Schlüssel gebildeter Hashwert der Adresse bleibt, damit ein Import oder eine Anmeldung sie nicht ohne neue Einwilligung zurückbringt. Das lässt sich nicht rückgängig machen.
gdpr-request-erase-totals = Summen von Kampagnen und Website
gdpr-request-erase-mode-erase = Löschen: auch ihren Anteil aus den Summen nehmen (Öffnungen, Klicks und Bestellungen einer Kampagne verringern sich um die der Person)
gdpr-request-erase-mode-anonymise = Anonymisieren: die Summen lassen, wie sie sind (sie nennen niemanden)
gdpr-request-erase-password = Mit Ihrem Passwort bestätigen
gdpr-request-erase-submit = Diese Person löschen
gdpr-request-restricted-since = Die Verarbeitung ist seit {$since} eingeschränkt: {$reason}
gdpr-request-lift = Einschränkung aufheben
gdpr-request-restrict-explain = Solange die Verarbeitung eingeschränkt ist, bleibt der Kontakt gespeichert, erhält aber keine E-Mails, sein Verhalten wird nicht erfasst und er fehlt in Exporten.
gdpr-request-restrict-reason = Warum (z. B. Richtigkeit bestritten, Widerspruch wird geprüft)
gdpr-request-restrict-submit = Verarbeitung einschränken
gdpr-request-withdraw-explain = Hält im Einwilligungsprotokoll einen Widerruf für jeden Marketing- und Tracking-Zweck fest: keine Newsletter mehr, keine Messung mehr. Transaktions-E-Mails, die für einen Vertrag nötig sind, gehen weiter.
gdpr-request-withdraw-submit = Widerruf festhalten
gdpr-request-correct = Kontakt berichtigen
gdpr-request-correct-history = jede Änderung bleibt in seinem Verlauf erhalten.
gdpr-request-manage = Anfrage bearbeiten
gdpr-request-notify = Die Person per E-Mail informieren, sobald es ausgeführt ist (Art. 19)
gdpr-request-assign-me = Mir zuweisen
gdpr-request-extend = Frist verlängern (Art. 12 Abs. 3)
gdpr-request-extend-by = Um
gdpr-months = { $count ->
    [one] {$count} Monat
   *[other] {$count} Monate
}
gdpr-request-extend-why = Warum (teilen Sie es der anfragenden Person im ersten Monat mit)
gdpr-request-notes = Interne Notizen
gdpr-save = Speichern
gdpr-request-response = Die an die anfragende Person gesendete Antwort
gdpr-request-close-done = Als erledigt abschließen
gdpr-request-close-refused = Ablehnen (mit Begründung)
gdpr-request-response-sent = Gesendete Antwort
gdpr-reopen = Wieder öffnen
gdpr-history = Verlauf

# The history of a request or a breach: each step as it is stored (in English)
gdpr-actor-system = System
gdpr-actor-cli = Kommandozeile
gdpr-actor-anonymous = anonym
gdpr-actor-portal = betroffene Person (Portal)
gdpr-step-registered = erfasst: { $kind ->
    [access] Auskunft
    [portability] Datenübertragbarkeit
    [rectification] Berichtigung
    [erasure] Löschung
    [restriction] Einschränkung der Verarbeitung
    [objection] Widerspruch
   *[other] Widerruf der Einwilligung
}, { $channel ->
    [portal] über das Datenschutzportal
    [email] per E-Mail
    [letter] per Brief
    [phone] telefonisch
    [in_person] persönlich
   *[other] über die API
}
gdpr-step-not-to-be-told = die anfragende Person möchte nicht über das Ergebnis informiert werden (Art. 19)
gdpr-step-to-be-told = die Person wird über das Ergebnis informiert (Art. 19)
gdpr-step-no-contact = kein Kontakt passt zur anfragenden Person: Es ist nichts gespeichert, oder die Adresse weicht ab
gdpr-step-identity = Identität { $state ->
    [verified] geprüft
    [failed] nicht nachgewiesen
   *[other] zu prüfen
}
gdpr-step-assigned = zugewiesen an {$name}
gdpr-step-unassigned = Zuweisung aufgehoben
gdpr-step-extended = Frist verlängert bis {$day} (die Begründung ist bei der Anfrage gespeichert)
gdpr-step-closed-done = abgeschlossen: erledigt, Antwort gesendet
gdpr-step-closed-refused = abgeschlossen: abgelehnt, Begründung gesendet
gdpr-step-reopened = wieder geöffnet
gdpr-step-archive = Archiv erstellt ({ $count ->
    [one] {$count} Datensatz
   *[other] {$count} Datensätze
})
gdpr-step-erased = Löschung ausgeführt: { $count ->
    [one] {$count} Datensatz
   *[other] {$count} Datensätze
} entfernt, Adresse gesperrt
gdpr-step-erased-anonymised = Löschung ausgeführt (anonymisiert: Kampagnensummen bleiben): { $count ->
    [one] {$count} Datensatz
   *[other] {$count} Datensätze
} entfernt, Adresse gesperrt
gdpr-step-recipients = Art. 19: zu informierende Empfänger (aus den Zwecken): {$recipients}
gdpr-step-asked-not-told = Art. 19: Die Person möchte nicht informiert werden; keine Mitteilung gesendet
gdpr-step-was-told = Art. 19: Die Person wurde per E-Mail informiert
gdpr-step-not-delivered = Art. 19: Die Mitteilung an die Person wurde nicht zugestellt ({$reason}); informieren Sie sie in der Antwort
gdpr-step-not-sent = Art. 19: Die Mitteilung an die Person konnte nicht gesendet werden ({$reason}); informieren Sie sie in der Antwort
gdpr-step-is-told = Art. 19: Die Person wird per E-Mail informiert
gdpr-step-restricted = Verarbeitung eingeschränkt
gdpr-step-lifted = Einschränkung aufgehoben
gdpr-step-withdrawal = Widerruf festgehalten für: {$purposes}
gdpr-step-portal-copy = über das Datenschutzportal verlangt: eine Kopie der eigenen Daten
gdpr-step-portal-erase = über das Datenschutzportal verlangt: Löschung aller eigenen Daten
gdpr-step-portal-corrected = über das Datenschutzportal berichtigt: {$fields}
gdpr-step-carried-out = sofort ausgeführt
gdpr-step-archive-downloaded = Archiv von der Person heruntergeladen ({ $count ->
    [one] {$count} Datensatz
   *[other] {$count} Datensätze
})
gdpr-step-erased-portal = auf Verlangen der Person über das Datenschutzportal gelöscht
gdpr-step-waiting-dpo = wartet auf den Datenschutzbeauftragten (die Konfiguration verlangt eine Prüfung)
gdpr-step-breach-recorded = erfasst; gezählt: { $subjects ->
    [one] eine betroffene Person
   *[other] {$subjects} betroffene Personen
} und { $records ->
    [one] ein betroffener Datensatz
   *[other] {$records} betroffene Datensätze
}
gdpr-step-breach-counted = neu gezählt: { $subjects ->
    [one] eine betroffene Person
   *[other] {$subjects} betroffene Personen
}, { $records ->
    [one] ein Datensatz
   *[other] {$records} Datensätze
}
gdpr-step-notified = Aufsichtsbehörde benachrichtigt
gdpr-step-notified-late = Aufsichtsbehörde benachrichtigt (verspätet, mit Begründung)
gdpr-step-closed = abgeschlossen
gdpr-step-notice-queued = Benachrichtigung der betroffenen Personen für { $count ->
    [one] einen Empfänger
   *[other] {$count} Empfänger
} eingereiht
gdpr-step-notices-queued = { $queued ->
    [one] eine Benachrichtigung
   *[other] {$queued} Benachrichtigungen
} in den Postausgang eingereiht, { $skipped ->
    [one] eine konnte es nicht
   *[other] {$skipped} konnten es nicht
}

# What the audit log and a request's history name by reference
gdpr-name-token = Token „{$name}“
gdpr-name-campaign = Kampagne „{$name}“
gdpr-name-import = Import von {$name}
gdpr-name-form = Formular „{$name}“
gdpr-name-list = Liste „{$name}“
gdpr-name-field = Feld „{$name}“
gdpr-name-purpose = Zweck „{$name}“
gdpr-name-template = Vorlage „{$name}“
gdpr-name-saved-search = gespeicherte Suche „{$name}“
gdpr-name-request = {$kind}, Anfrage vom {$day}
gdpr-name-breach = Datenpanne, entdeckt am {$day}

# Breaches
gdpr-breaches-title = Datenpannen
gdpr-breaches-heading = Datenpannen
gdpr-breaches-intro = Erfassen Sie eine Datenpanne, sobald Sie davon wissen. Tidings zählt die betroffenen Personen und Datensätze, listet auf, wer im betroffenen Zeitraum Daten exportiert oder angesehen hat, entwirft die Meldung an die Aufsichtsbehörde (fällig binnen 72 Stunden nach Bekanntwerden, Art. 33) und bereitet die Benachrichtigung der betroffenen Personen vor (Art. 34). Jeder Schritt wird im Protokoll festgehalten.
gdpr-breaches-recorded = Erfasste Datenpannen
gdpr-col-discovered = Entdeckt
gdpr-col-affected = Betroffen
gdpr-col-people = Personen
gdpr-col-records = Datensätze
gdpr-col-authority = Behörde
gdpr-tag-closed = abgeschlossen
gdpr-tag-notified = gemeldet
gdpr-tag-late = verspätet
gdpr-overdue-by = seit {$hours} h überfällig
gdpr-time-left = noch {$hours} h {$minutes} min
gdpr-tag-not-notified = nicht gemeldet
gdpr-breaches-none = Es wurde keine Datenpanne erfasst. Wenn eine passiert, erfassen Sie sie sofort hier unten: Die 72 Stunden laufen ab dem Zeitpunkt, an dem Sie davon erfahren haben.
gdpr-breach-record-title = Datenpanne erfassen
gdpr-breach-discovered = Entdeckt (UTC)
gdpr-breach-window = Zeitraum, in dem die Daten offenlagen (UTC)
gdpr-breach-from = Von
gdpr-breach-to = Bis
gdpr-breach-to-hint = (leer: bis zur Entdeckung)
gdpr-breach-what = Was betroffen war
gdpr-breach-all = Alles
gdpr-breach-only-list = Nur Kontakte auf dieser Liste
gdpr-optional = (optional)
gdpr-breach-any-list = — jede Liste —
gdpr-breach-only-tag = Nur Kontakte mit diesem Tag
gdpr-breach-description = Was geschehen ist
gdpr-breach-description-hint = (die Art der Verletzung; nennen Sie hier keine Personen)
gdpr-breach-consequences = Wahrscheinliche Folgen
gdpr-breach-later = (kann später folgen)
gdpr-breach-measures = Ergriffene oder vorgeschlagene Maßnahmen
gdpr-breach-record = Datenpanne erfassen
gdpr-error-datetime = Bitte Datum und Uhrzeit wie 2026-11-23T14:05 (UTC) angeben
gdpr-affected = { $what ->
    [contacts] Kontaktprofile (Adressen, Namen, Felder, Listen, Tags)
    [consents] Einwilligungsnachweise und Formulareinsendungen
    [events] Erfasste Aktivität (Öffnungen, Klicks, Besuche, Bestellungen)
    [requests] Datenschutzanfragen und was die Anfragenden geschrieben haben
   *[other] Benutzerkonten der Verwaltung
}
gdpr-affected-short = { $what ->
    [contacts] Kontakte
    [consents] Einwilligungen
    [events] Ereignisse
    [requests] Anfragen
   *[other] Benutzer
}

# One breach
gdpr-breach-title = Datenpanne, entdeckt am {$when}
gdpr-breach-back = Alle Datenpannen
gdpr-breach-authority = Meldung an die Aufsichtsbehörde
gdpr-breach-notified = am {$when}, { $late ->
    [yes] nach Ablauf der 72 Stunden (mit Begründung: {$reason})
   *[other] innerhalb der 72 Stunden
}
gdpr-breach-authority-reference = ; Aktenzeichen der Behörde: {$reference}
gdpr-breach-overdue-label = Überfällig:
gdpr-breach-overdue = Die 72 Stunden sind am {$when} abgelaufen, vor {$hours} h {$minutes} min.
gdpr-breach-notify-now = Melden Sie jetzt und geben Sie die Gründe für die Verzögerung an (Art. 33 Abs. 1).
gdpr-countdown-passed = (die Frist ist abgelaufen)
gdpr-hours-minutes = {$hours} h {$minutes} min
gdpr-breach-left = verbleiben: melden bis {$when} (72 Stunden nach der Entdeckung).
gdpr-breach-closed-unreported = Abgeschlossen ohne Meldung an die Behörde: {$reason}
gdpr-breach-concerns = Was betroffen ist
gdpr-breach-exposed = Offengelegt
gdpr-breach-range = {$from} bis {$to}
gdpr-breach-only-list-named = nur die Liste „{$list}“
gdpr-breach-only-tag-named = nur der Tag „{$tag}“
gdpr-breach-categories = Datenkategorien
gdpr-breach-counts = Zahlen
gdpr-count-people = { $count ->
    [one] Person
   *[other] Personen
}
gdpr-count-records = { $count ->
    [one] Datensatz
   *[other] Datensätze
}
gdpr-count-contacts = { $count ->
    [one] Kontaktprofil
   *[other] Kontaktprofile
}
gdpr-count-consents = { $count ->
    [one] Einwilligungsnachweis
   *[other] Einwilligungsnachweise
}
gdpr-count-events = { $count ->
    [one] erfasstes Ereignis
   *[other] erfasste Ereignisse
} von { $people ->
    [one] {$people} Person
   *[other] {$people} Personen
}
gdpr-count-requests = { $count ->
    [one] Datenschutzanfrage
   *[other] Datenschutzanfragen
}
gdpr-count-users = { $count ->
    [one] Benutzerkonto
   *[other] Benutzerkonten
}
gdpr-breach-counted-at = Gezählt am {$when} aus den Speichern, wie sie sind (seither gelöschte Personen lassen sich nicht mitzählen).
gdpr-breach-count-again = Neu zählen
gdpr-breach-activity = Im Protokoll während des Zeitraums festgehalten
gdpr-breach-activity-table = Aktivität im Zeitraum
gdpr-col-what = Was
gdpr-col-who = Wer
gdpr-col-times = Anzahl
gdpr-breach-open-audit = Protokoll für diese Tage öffnen
gdpr-breach-no-activity = Im Zeitraum wurde kein Export, keine Demaskierung, kein Archiv, keine Sicherung und keine Anmeldung festgehalten.
gdpr-breach-draft-title = Entwurf der Meldung an die Aufsichtsbehörde
gdpr-breach-draft-intro = Mit den Angaben, die Artikel 33 Abs. 3 verlangt. Kopieren Sie ihn in das Formular der Behörde, oder
gdpr-breach-draft-download = laden Sie ihn als Text herunter
gdpr-breach-draft-label = Text der Meldung
gdpr-breach-notified-at = Gemeldet am (UTC; leer: jetzt)
gdpr-breach-reference = Aktenzeichen der Behörde
gdpr-breach-delay = Gründe für eine Verzögerung über 72 Stunden hinaus
gdpr-breach-delay-hint = (Pflicht bei Verspätung)
gdpr-breach-mark-notified = Als gemeldet markieren
gdpr-breach-notice-title = Benachrichtigung der betroffenen Personen
gdpr-breach-notice-intro = Erforderlich, wenn die Verletzung voraussichtlich ein hohes Risiko für ihre Rechte und Freiheiten zur Folge hat (Art. 34). In klarer und einfacher Sprache; bearbeiten Sie den Text, bevor er hinausgeht.
gdpr-tag-queued = eingereiht
gdpr-breach-queued-for = {$when} für { $count ->
    [one] {$count} Empfänger
   *[other] {$count} Empfänger
}, über den Postausgang für Transaktions-E-Mails.
gdpr-breach-subject = Betreff
gdpr-breach-text = Text
gdpr-breach-paragraphs = (Absätze durch eine Leerzeile getrennt)
gdpr-breach-save-notice = Benachrichtigung speichern
gdpr-breach-versions = In anderen Sprachen
gdpr-breach-versions-intro = Jede Person erhält die Fassung in ihrer eigenen Sprache, wenn es eine gibt, sonst die in der Sprache des Shops, sonst den Text oben; Fußzeile und Sprache der E-Mail richten sich nach der Fassung.
gdpr-breach-version-none = Keine Fassung in dieser Sprache.
gdpr-breach-version-subject = Betreff ({$language})
gdpr-breach-version-text = Text ({$language})
gdpr-breach-version-save = {$language} speichern
gdpr-breach-version-remove = {$language} entfernen
gdpr-breach-send-confirm = { $count ->
    [one] Diese Benachrichtigung an {$count} Person senden? E-Mails lassen sich nicht zurückholen.
   *[other] Diese Benachrichtigung an {$count} Personen senden? E-Mails lassen sich nicht zurückholen.
}
gdpr-breach-reachable = von {$total} betroffenen Kontakten sind per E-Mail erreichbar (zurückgewiesene, als Spam gemeldete und gelöschte Adressen nicht).
gdpr-breach-send = Benachrichtigung an sie senden
gdpr-breach-no-contacts = Diese Datenpanne betrifft keine Kontakte; niemand ist per E-Mail zu benachrichtigen.
gdpr-breach-details = Einzelheiten
gdpr-breach-no-names = (nennen Sie hier keine Personen)
gdpr-breach-why-not-notified = Warum die Behörde nicht benachrichtigt wird
gdpr-breach-why-not-notified-hint = (z. B. führt voraussichtlich zu keinem Risiko für irgendjemanden)
gdpr-breach-close = Datenpanne abschließen

# The draft notification to the supervisory authority (Art. 33(3)); the API gives it in English
gdpr-draft-title = Meldung einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 DSGVO)
gdpr-draft-controller = Verantwortlicher: {$controller}
gdpr-draft-reference = Unser Zeichen: {$reference}
gdpr-draft-timing = Zeitlicher Ablauf
gdpr-draft-discovered = Bekannt geworden: {$when}
gdpr-draft-window = Zeitraum, in dem die Daten offenlagen: {$from} bis {$to}
gdpr-draft-this = Diese Meldung: {$timing}
gdpr-draft-in-time = binnen 72 Stunden nach Bekanntwerden ({ $hours ->
    [one] {$hours} Stunde
   *[other] {$hours} Stunden
} danach)
gdpr-draft-late = {$hours} Stunden nach Bekanntwerden, also nach Ablauf der 72 Stunden. Gründe für die Verzögerung: {$reasons}
gdpr-draft-nature = a) Art der Verletzung
gdpr-draft-affected = Betroffene Daten: {$affected}{$scope}
gdpr-draft-scope-list-tag = (Kontakte auf der Liste „{$list}“ mit dem Tag „{$tag}“)
gdpr-draft-scope-list = (Kontakte auf der Liste „{$list}“)
gdpr-draft-scope-tag = (Kontakte mit dem Tag „{$tag}“)
gdpr-draft-categories = Betroffene Kategorien personenbezogener Daten: {$categories}
gdpr-draft-subjects = Ungefähre Zahl der betroffenen Personen: {$count}
gdpr-draft-records = Ungefähre Zahl der betroffenen personenbezogenen Datensätze: {$count} ({$detail})
gdpr-draft-detail-contacts = { $count ->
    [one] {$count} Kontaktprofil
   *[other] {$count} Kontaktprofile
}
gdpr-draft-detail-consents = { $count ->
    [one] {$count} Einwilligungsnachweis oder Formulareinsendung
   *[other] {$count} Einwilligungsnachweise und Formulareinsendungen
}
gdpr-draft-detail-events = { $count ->
    [one] {$count} erfasstes Ereignis
   *[other] {$count} erfasste Ereignisse
} von { $people ->
    [one] {$people} Person
   *[other] {$people} Personen
}
gdpr-draft-detail-requests = { $count ->
    [one] {$count} Datenschutzanfrage
   *[other] {$count} Datenschutzanfragen
}
gdpr-draft-detail-users = { $count ->
    [one] {$count} Benutzerkonto der Verwaltung
   *[other] {$count} Benutzerkonten der Verwaltung
}
gdpr-draft-access = Im Protokoll festgehaltene Zugriffe in diesem Zeitraum (Exporte, Demaskierungen, Archive, Sicherungen, Anmeldungen): {$activity}
gdpr-draft-activity-line = {$count} × {$action} durch {$actor}
gdpr-draft-activity-none = keine festgehalten
gdpr-draft-dpo = b) Datenschutzbeauftragter oder sonstige Anlaufstelle für weitere Informationen
gdpr-draft-no-dpo = — noch keine Kontaktangabe des Datenschutzbeauftragten hinterlegt (Einstellungen)
gdpr-draft-consequences = c) Wahrscheinliche Folgen der Verletzung
gdpr-draft-measures = d) Ergriffene oder vorgeschlagene Maßnahmen zur Behebung der Verletzung und gegebenenfalls Maßnahmen zur Abmilderung ihrer möglichen nachteiligen Auswirkungen
gdpr-draft-pending = — {$what} (folgt; nach Art. 33 Abs. 4 dürfen Informationen schrittweise zur Verfügung gestellt werden)
gdpr-draft-pending-consequences = die wahrscheinlichen Folgen
gdpr-draft-pending-measures = die ergriffenen Maßnahmen
gdpr-draft-pending-delay = die Gründe für die Verzögerung
gdpr-draft-phases = Soweit Informationen noch nicht vollständig vorliegen, werden sie ohne unangemessene weitere Verzögerung schrittweise zur Verfügung gestellt (Art. 33 Abs. 4).

# Retention
gdpr-retention-title = Aufbewahrung
gdpr-retention-intro = Jede Art von Datensatz wird für ihre eigene Frist aufbewahrt und dann vom täglichen Aufbewahrungslauf entfernt (durch den eingebauten Zeitplaner, ohne System-Cron). Ein Probelauf zählt, was jede Regel jetzt entfernen würde, und ändert nichts; jeder Lauf schreibt seine Zahlen ins Protokoll.
gdpr-retention-dry-run = Probelauf
gdpr-retention-run-confirm = Alles, dessen Frist abgelaufen ist, jetzt entfernen? Das lässt sich nicht rückgängig machen.
gdpr-retention-run = Jetzt ausführen
gdpr-retention-dry-run-done = Probelauf: Es wurde nichts geändert.
gdpr-retention-would-remove = { $count ->
    [one] Ein Lauf jetzt würde {$count} Datensatz entfernen, wie unten gezählt.
   *[other] Ein Lauf jetzt würde {$count} Datensätze entfernen, wie unten gezählt.
}
gdpr-retention-nothing-due = Im Moment hat nichts seine Frist überschritten.
gdpr-retention-rules = Regeln
gdpr-retention-rules-table = Aufbewahrungsregeln
gdpr-retention-col-rule = Regel
gdpr-retention-col-data = Daten
gdpr-retention-col-kept = Aufbewahrt für
gdpr-retention-col-set-in = Frist festgelegt in
gdpr-retention-col-then = Danach
gdpr-retention-col-would-go = Fiele jetzt weg
gdpr-days = { $count ->
    [one] {$count} Tag
   *[other] {$count} Tage
}
gdpr-retention-off = aus
gdpr-retention-kept = bleibt
gdpr-retention-action = { $action ->
    [anonymise] anonymisieren
   *[other] löschen
}
gdpr-retention-never-inactive = Kontakte, deren Verarbeitung eingeschränkt ist oder die eine offene Datenschutzanfrage haben, werden nie als inaktiv entfernt. Die Fristen für Ereignisse sind die Aufbewahrungsfristen der Zwecke: Ändern Sie sie unter
gdpr-retention-purposes-link = Zwecke
gdpr-retention-last-run = Letzter Lauf
gdpr-retention-last-run-at = {$when} ({$ago}), durch {$who}.
gdpr-retention-never-ran = Die Aufbewahrung ist noch nicht gelaufen. Der Zeitplaner führt sie täglich aus; „Jetzt ausführen“ führt sie sofort aus.
gdpr-retention-periods = Fristen, die Sie hier festlegen
gdpr-retention-inactive-days = Kontakte entfernen, die so viele Tage inaktiv waren
gdpr-retention-inactive-days-hint = (0 behält sie: Die Regel ist aus; sonst 30 bis {$max})
gdpr-retention-inactive-is = Ein inaktiver Kontakt wird
gdpr-retention-inactive-anonymise = anonymisiert: gelöscht, aber die Summen von Kampagnen und Website zählen weiter, was er getan hat
gdpr-retention-inactive-delete = vollständig gelöscht: auch sein Anteil wird aus den Summen genommen
gdpr-retention-inactive-means = Inaktiv heißt: keine Öffnung, kein Klick, kein Besuch, keine Bestellung und keine Änderung am Kontakt innerhalb der Frist.
gdpr-retention-closed-requests = Abgeschlossene Datenschutzanfragen aufbewahren für (Tage, 30 bis {$max})
gdpr-retention-audit = Protokolleinträge aufbewahren für (Tage, 365 bis {$max})
gdpr-retention-save = Fristen speichern
gdpr-error-days = Bitte eine ganze Zahl von Tagen angeben
gdpr-rule-email-events = E-Mail-Öffnungen und -Klicks
gdpr-rule-data-email-events = E-Mail-Interaktionen
gdpr-rule-website-events = Seitenaufrufe, Shop-Ereignisse und Bestellungen
gdpr-rule-data-website-events = Website-Aktivität, Bestellungen
gdpr-rule-website-visitors = Website-Besucher ohne Verknüpfung mit einem Kontakt
gdpr-rule-data-website-visitors = pseudonyme Besucher-IDs und ihre Besuche
gdpr-rule-inactive-contacts = Inaktive Kontakte
gdpr-rule-data-contacts = Kontakte mit allem, was zu ihnen gehört
gdpr-rule-unconfirmed-sign-ups = Von niemandem bestätigte Anmeldungen
gdpr-rule-data-sign-ups = Formulareinsendungen (und die dabei angelegten Kontakte)
gdpr-rule-import-uploads = Hochgeladene, nie importierte CSV-Dateien
gdpr-rule-data-uploads = zum Import hochgeladene Kontaktlisten
gdpr-rule-closed-requests = Abgeschlossene Datenschutzanfragen
gdpr-rule-data-requests = das Anfrageregister und was dazu abgelegt wurde
gdpr-rule-tombstones = Löschvermerke
gdpr-rule-data-tombstones = Schlüssel-Hashes gelöschter Adressen
gdpr-rule-audit-entries = Protokolleinträge
gdpr-rule-data-audit = wer was wann getan hat
gdpr-rule-consent-ended = Kontakte, deren Einwilligungen alle geendet haben
gdpr-rule-transactional = Transaktionsnachrichten
gdpr-rule-data-transactional = Nachrichten an eine Person und die darin eingesetzten Daten (Bestelldetails, Links)
gdpr-rule-set-purpose = Zweck „{$purpose}“
gdpr-rule-set-here = diese Seite
gdpr-rule-set-config = Konfigurationsdatei ({$key})
gdpr-rule-set-fixed = fest (ein Tag)
gdpr-rule-set-consent-purposes = jeder Einwilligungszweck (Felder & Zwecke); angezeigt wird die längste Frist
gdpr-rule-also-event-ids = und { $count ->
    [one] {$count} gegen Doppelzählung aufbewahrte Bestell- oder Ereignis-ID
   *[other] {$count} gegen Doppelzählung aufbewahrte Bestell- und Ereignis-IDs
}
gdpr-rule-also-visits = und { $count ->
    [one] {$count} älterer Besuch noch aktiver Besucher
   *[other] {$count} ältere Besuche noch aktiver Besucher
}
gdpr-rule-also-sign-ups = { $count ->
    [one] {$count} davon hat dabei den eigenen Kontakt angelegt, der mit der Anmeldung gelöscht wird
   *[other] {$count} davon haben dabei ihren Kontakt angelegt, der mit der Anmeldung gelöscht wird
}
gdpr-rule-also-sign-ups-done = { $count ->
    [one] {$count} davon hatte dabei den eigenen Kontakt angelegt, der mit der Anmeldung gelöscht wurde
   *[other] {$count} davon hatten dabei ihren Kontakt angelegt, der mit der Anmeldung gelöscht wurde
}
gdpr-rule-also-consent-ended = aufbewahrt für die längste Frist der Zwecke, in die sie eingewilligt hatten, ab dem späteren Zeitpunkt von letztem Widerruf und letzter Aktivität

# The audit log
gdpr-audit-title = Protokoll
gdpr-audit-verify = Kette prüfen
gdpr-audit-intro = Jede Anmeldung, jede Änderung und jede Verwaltungsaktion, die neuesten zuerst. Die Einträge sind mit Schlüssel-Hashes verkettet: Ein geänderter oder entfernter Eintrag fällt bei der Prüfung auf (auch mit
gdpr-audit-intro-end = ). Einträge speichern nur IDs, damit Umbenennen oder Löschen das Protokoll nie umschreibt; diese Seite zeigt die aktuellen Namen dessen, was Sie sehen dürfen.
gdpr-audit-intact = { $count ->
    [one] Kette intakt: {$count} Eintrag geprüft.
   *[other] Kette intakt: {$count} Einträge geprüft.
}
gdpr-audit-broken = Kette unterbrochen bei Eintrag {$seq}: {$reason}
gdpr-audit-action = Aktion
gdpr-audit-any = alle
gdpr-audit-actor = Akteur
gdpr-audit-actor-placeholder = person:… oder cli
gdpr-audit-target = Ziel
gdpr-audit-target-placeholder = contact:…, campaign:…, request:…
gdpr-audit-from = Von
gdpr-audit-to = Bis
gdpr-audit-filter = Filtern
gdpr-audit-clear = Zurücksetzen
gdpr-audit-entries = Protokolleinträge
gdpr-audit-col-when = Zeitpunkt (UTC)
gdpr-audit-col-network = Netzwerk
gdpr-audit-col-details = Details
gdpr-audit-entries-by = Einträge von {$who}
gdpr-audit-entries-about = Einträge zu {$what}
gdpr-audit-open-named = {$name} öffnen
gdpr-audit-open = öffnen
gdpr-audit-older = Ältere Einträge
gdpr-audit-none-match = Keine Einträge passen zu diesen Filtern.
gdpr-audit-empty = Das Protokoll ist leer.
gdpr-audit-break-anchor = der Aufbewahrungsanker wurde verändert (er trägt nicht die Signatur des Protokollschlüssels)
gdpr-audit-break-unreadable = der Eintrag ist nicht lesbar
gdpr-audit-break-misplaced = der Eintrag ist unter einer anderen Folgenummer gespeichert
gdpr-audit-break-missing = Eintrag {$expected} fehlt (der nächste vorhandene ist {$next})
gdpr-audit-break-not-following = der Eintrag folgt nicht auf den vorherigen (Kette unterbrochen)
gdpr-audit-break-altered = der Eintrag wurde verändert (MAC stimmt nicht)
gdpr-audit-break-head-missing = der signierte Kopf fehlt
gdpr-audit-break-head-malformed = der signierte Kopf ist fehlerhaft
gdpr-audit-break-head-altered = der signierte Kopf wurde verändert
gdpr-audit-break-head-mismatch = laut Kopf endet das Protokoll bei Eintrag {$head}, es endet aber bei {$last}: Einträge wurden entfernt oder hinzugefügt

# Records of processing (Art. 30); the API and the JSON download give them in English
gdpr-records-title = Verarbeitungsverzeichnis
gdpr-records-heading = Verzeichnis von Verarbeitungstätigkeiten
gdpr-records-download = Herunterladen (JSON)
gdpr-records-intro = Artikel 30 DSGVO. Erstellt aus den Zwecken, den Einstellungen und der Konfiguration in ihrem jetzigen Stand ({$when}): Ändern Sie einen Zweck, ändert sich dieses Verzeichnis mit. Drucken Sie diese Seite (oder speichern Sie sie als PDF), um eine Kopie abzulegen.
gdpr-records-controller = Verantwortlicher
gdpr-records-name = Name
gdpr-records-set-in-settings = — in den Einstellungen angeben
gdpr-records-address = Anschrift
gdpr-records-dpo = Datenschutzbeauftragter
gdpr-records-where = Speicherort der Daten
gdpr-records-purposes = Zwecke
gdpr-records-col-purpose = Zweck
gdpr-records-col-basis = Rechtsgrundlage
gdpr-records-col-data = Daten
gdpr-records-col-subjects = Betroffene Personen
gdpr-records-col-recipients = Empfänger
gdpr-records-col-erased-after = Gelöscht nach
gdpr-records-no-recipients = keine außerhalb des Verantwortlichen
gdpr-records-processors = Auftragsverarbeiter und Übermittlungen
gdpr-records-processor = {$role}; Daten: {$data}
gdpr-records-no-processor = Kein Auftragsverarbeiter: Es ist kein SMTP-Relay konfiguriert.
gdpr-records-transfers = Übermittlungen an Drittländer: {$transfers}
gdpr-records-measures = Technische und organisatorische Maßnahmen
gdpr-records-stores = Wo personenbezogene Daten gespeichert sind
gdpr-records-stores-table = Speicher
gdpr-records-col-store = Speicher
gdpr-records-col-what-for = Wofür
gdpr-records-col-erased = Mit der Person gelöscht
gdpr-records-erased-yes = ja
gdpr-records-erased-no = nein: {$why}
gdpr-records-subjects-customers = Kunden und Interessenten des Verantwortlichen
gdpr-records-subjects-subscribers = Newsletter-Abonnenten
gdpr-records-relay-role = SMTP-Relay: stellt E-Mails im Auftrag des Verantwortlichen zu
gdpr-records-transfers-none = Keine: Ohne SMTP-Relay werden E-Mails als Dateien auf diesem Server abgelegt, und nichts verlässt ihn.
gdpr-records-transfers-relay = Keine durch die Anwendung selbst. Geben Sie hier an, ob ein konfiguriertes SMTP-Relay Daten außerhalb der EU bzw. des EWR verarbeitet und auf Grundlage welcher geeigneten Garantien (Art. 46).
gdpr-records-location = Auf diesem Server: {$path}
gdpr-records-description-newsletter = Versand unseres Newsletters und unserer Angebote per E-Mail.
gdpr-records-description-engagement = Messung, ob unsere E-Mails geöffnet und welche Links angeklickt werden, je Empfänger.
gdpr-records-description-website-tracking = Erfassung von Seitenaufrufen und Shop-Ereignissen auf unserer Website und ihre Verknüpfung mit dem Kontakt.
gdpr-records-description-transactional = Auftragsbestätigungen, Rechnungen, Passwort-Zurücksetzungen und andere E-Mails, die zur Erfüllung eines Vertrags nötig sind.
gdpr-records-recipient-relay = unser SMTP-Relay (Auftragsverarbeiter)
gdpr-records-2fa-none = für alle Benutzer verfügbar und für keinen Pflicht
gdpr-records-2fa-all = für alle Benutzer Pflicht
gdpr-records-2fa-some = Pflicht für {$roles} und für alle anderen Benutzer verfügbar
gdpr-role-owner = Inhaber
gdpr-role-admin = Administrator
gdpr-role-marketer = Marketing
gdpr-role-analyst = Analyse
gdpr-role-dpo = Datenschutzbeauftragter
gdpr-measure-encryption = Personenbezogene Daten werden je Person verschlüsselt gespeichert (ChaCha20-Poly1305 mit einem eigenen Schlüssel je Person, der mit einem außerhalb des Speichers verwahrten Hauptschlüssel verschlüsselt ist); die Löschung vernichtet den Schlüssel der Person.
gdpr-measure-https = Der gesamte Webverkehr läuft über HTTPS (TLS 1.2+ mit rustls); das Sitzungscookie der Verwaltung ist HttpOnly, Secure und SameSite.
gdpr-measure-proxy = Der Server spricht einfaches HTTP hinter einem Reverse-Proxy, der TLS terminiert (tls.mode = "off"); das Sitzungscookie der Verwaltung ist HttpOnly und SameSite.
gdpr-measure-passwords = Passwörter der Mitarbeitenden werden mit Argon2id gehasht (mindestens {$length} Zeichen); nach {$attempts} fehlgeschlagenen Anmeldungen aus einem Netzwerk wird ein Konto für dieses Netzwerk {$minutes} Minuten gesperrt und anderswo verlangsamt; die Zwei-Faktor-Authentifizierung (TOTP) ist {$two_factor}.
gdpr-measure-roles = Rollenbasierter Zugriff: Rollen ohne die Berechtigung für personenbezogene Daten sehen maskierte Daten; jedes Aufdecken wird mit seinem Grund festgehalten.
gdpr-measure-audit = Jede Verwaltungsaktion wird in ein nur fortschreibbares, per Hash verkettetes Protokoll geschrieben, dessen Unversehrtheit sich prüfen lässt.
gdpr-measure-truncation = IP-Adressen werden vor dem Speichern gekürzt (IPv4 /24, IPv6 /48); User-Agents werden auf die Browserfamilie reduziert.
gdpr-measure-no-third-parties = Weder der Server noch seine Seiten stellen Anfragen an Dritte (kein CDN, keine externen Schriften, kein CAPTCHA und keine Analyse von Drittanbietern).
gdpr-measure-tracking-consent = E-Mail-Interaktionen und Website-Verhalten werden nur mit Einwilligung der Person (oder wie konfiguriert) erfasst; die Browsersignale gegen Tracking (DNT und Global Privacy Control) werden beachtet.
gdpr-measure-retention = Die Aufbewahrung läuft jeden Tag von selbst: Erfasste Ereignisse, Website-Besucher, unbestätigte Anmeldungen, abgebrochene Uploads, abgeschlossene Anfragen, Löschvermerke und Protokolleinträge (und, falls gewählt, inaktive Kontakte) werden nach Ablauf ihrer Frist entfernt; die Zahlen jedes Laufs stehen im Protokoll.
gdpr-measure-pseudonyms = Protokolleinträge nennen Kontakte über ein Pseudonym, das mit dem eigenen Datenschlüssel der Person gebildet ist und nicht mehr aufgelöst werden kann, sobald die Person gelöscht ist.
gdpr-measure-backups = Sicherungen können verschlüsselt werden; Löschungen werden festgehalten und beim Wiederherstellen einer älteren Sicherung erneut angewendet.
gdpr-measure-requests = Anfragen betroffener Personen werden mit ihren Fristen erfasst; Auskunft, Löschung, Einschränkung und Widerspruch werden aus dem Register heraus ausgeführt und festgehalten.
# Each store holding personal data, as its registration says (src/store/registry.rs)
gdpr-store-users = Verwaltungskonten: Anmeldename, Anzeigename, Rolle, Zugangsdaten
gdpr-store-user-preferences = die eigenen Einstellungen jedes Mitarbeiters: Sprache der Verwaltungsseiten, Spalten der Kontaktliste
gdpr-store-user-lookup = ein Verwaltungskonto über den Anmeldenamen finden (Schlüssel-Hash, kein Klartext)
gdpr-store-sessions = angemeldete Sitzungen in der Verwaltung
gdpr-store-api-tokens = REST-API-Tokens von Verwaltungsbenutzern
gdpr-store-audit = wer was wann getan hat, für die Rechenschaftspflicht (Art. 5 Abs. 2 DSGVO)
gdpr-store-audit-kept = der Verantwortliche muss nachweisen können, was getan wurde; die Einträge enthalten IDs von Verwaltungsbenutzern und Pseudonyme von Kontakten, die nicht mehr aufgelöst werden können, sobald der Kontakt gelöscht ist
gdpr-store-audit-subjects = für welchen Kontakt jedes Pseudonym im Protokoll steht, solange es den Kontakt gibt
gdpr-store-mail-outbox-files = Nachrichten, die nach <data_dir>/outbox/ geschrieben werden, solange kein SMTP-Relay konfiguriert ist
gdpr-store-public-intake = Anfragen von den öffentlichen Seiten, die eine Adresse nennen (eine Anmeldung am Datenschutzportal, die Einsendung eines Anmeldeformulars), gespeichert von der Antwort bis zu ihrer Ausführung einen Moment später
gdpr-store-outbox = wer jede Kampagne erhalten soll und erhalten hat, mit dem Zustellstatus
gdpr-store-message-queue = Zustellstatus jeder Transaktionsnachricht
gdpr-store-message-keys = Idempotenzschlüssel von Transaktionsnachrichten (Schlüssel-Hashes)
gdpr-store-message-pending = noch nicht zugestellte Transaktionsnachrichten (die Arbeitsliste des Versands)
gdpr-store-messages = Transaktionsnachrichten an eine Person: Vorlage und die darin eingesetzten Daten
gdpr-store-events-by-time = das Ereignisprotokoll in zeitlicher Reihenfolge (die Aufbewahrung arbeitet es ab)
gdpr-store-events = erfasste Ereignisse eines Kontakts: Öffnungen, Klicks, Seitenaufrufe, Shop-Ereignisse und Bestellungen
gdpr-store-track-seen = ob ein Kontakt eine Aussendung geöffnet oder darin geklickt hat (für eindeutige Zahlen)
gdpr-store-visitor-links = welche Website-Besucher mit einem Kontakt verknüpft sind (nach einem erfassten Klick oder einem bestätigten Formular)
gdpr-store-visitors = Website-Besucher (ein Schlüssel-Hash der Zufalls-ID des Trackers): erster und letzter Besuch, verknüpfter Kontakt
gdpr-store-visitor-events = Seitenaufrufe, Shop-Ereignisse und Bestellungen von Website-Besuchern, die (noch) mit keinem Kontakt verknüpft sind
gdpr-store-track-event-ids = IDs bereits erfasster Bestellungen und API-Ereignisse, damit eine Wiederholung nicht doppelt zählt
gdpr-store-form-submissions = was eine Person über ein Anmeldeformular gesendet hat, zum Nachweis der Einwilligung: Angaben, angekreuzte Zwecke mit der gezeigten Fassung des Wortlauts, gekürzte IP, Browserfamilie, Zeitpunkte von Einsendung und Bestätigung
gdpr-store-form-pending = Anmeldungen, die auf ihre Bestätigung warten, in zeitlicher Reihenfolge, für das tägliche Entfernen unbestätigter Anmeldungen
gdpr-store-dsr-requests = das Register der Anfragen betroffener Personen: Art, Zeitpunkte, Stand, unternommene Schritte
gdpr-store-dsr-by-contact = welche Anfragen ein Kontakt gestellt hat (zum Nachschlagen)
gdpr-store-dsr-details = was Anfragende geschrieben haben und die gesendeten Antworten
gdpr-store-restrictions = Kontakte, deren Verarbeitung eingeschränkt ist (Art. 18), seit wann und warum
gdpr-store-portal-nonces = bereits benutzte Links zum Datenschutzportal (damit jeder nur einmal funktioniert)
gdpr-store-contact-email-buckets = einen Kontakt über die E-Mail-Adresse finden (Schlüssel-Hash, kein Klartext)
gdpr-store-contacts = Kontaktprofile: E-Mail, Namen, Telefon, Sprache, Zeitzone, eigene Felder, Tags, Listen, Status
gdpr-store-consents = das Einwilligungsprotokoll: jede Erteilung und jeder Widerruf je Zweck, mit Wortlaut, Quelle, gekürzter IP
gdpr-store-contact-history = der Änderungsverlauf des Kontakts (welche Felder sich wann und durch wen geändert haben)
gdpr-store-contact-aliases = IDs von Kontakten, die mit einem anderen zusammengeführt wurden, mit Verweis auf den verbleibenden
gdpr-store-contact-activity = Interaktionssummen je Kontakt (letzte Öffnung, letzter Klick und Besuch; Anzahlen; Bestellungen und Umsatz)
gdpr-store-search-index = der Volltextindex der Kontakte in data_dir/search (abgeleitet aus dem Kontaktspeicher)
gdpr-store-bounces = Bounces und Beschwerden je Kontakt: Art, SMTP-Status, Diagnose, Quelle, Kampagne, Zeitpunkt
gdpr-store-bounce-recent = zu welchen Kontakten die neuesten Bounces und Beschwerden gehören (für die Einstellungsseite)
# Categories of personal data, as the registry and the shipped purposes name them
gdpr-category-actions-taken = ausgeführte Aktionen
gdpr-category-admin-user-ids = IDs von Verwaltungsbenutzern
gdpr-category-browser-family = Browserfamilie
gdpr-category-campaign-received = erhaltene Kampagne
gdpr-category-change-history = Änderungsverlauf
gdpr-category-consent-state = Einwilligungsstand
gdpr-category-consents = Einwilligungen
gdpr-category-contact-details = Kontaktdaten
gdpr-category-contact-id = Kontakt-ID
gdpr-category-contact-identifiers = Kontaktkennungen
gdpr-category-contact-pseudonyms = Pseudonyme von Kontakten
gdpr-category-correspondence = Schriftwechsel zur Anfrage
gdpr-category-country = Land
gdpr-category-custom-fields = eigene Felder
gdpr-category-delivery-failures = Zustellfehler
gdpr-category-delivery-state = Zustellstatus
gdpr-category-display-name = Anzeigename
gdpr-category-email-address = E-Mail-Adresse
gdpr-category-sort-keys = E-Mail-Adresse und Name (Sortierschlüssel)
gdpr-category-email-interactions = E-Mail-Interaktionen
gdpr-category-event-kind = Ereignisart
gdpr-category-form-values = Formularangaben
gdpr-category-interface-language = Sprache der Oberfläche
gdpr-category-email-hash = Schlüssel-Hash der E-Mail-Adresse
gdpr-category-login-hash = Schlüssel-Hash des Anmeldenamens
gdpr-category-list-columns = Spalten der Liste
gdpr-category-login-name = Anmeldename
gdpr-category-login-times = Anmeldezeiten
gdpr-category-mailing-opened = Aussendung geöffnet oder geklickt
gdpr-category-message-content = Nachrichteninhalt
gdpr-category-message-merge-fields = Nachrichteninhalt (Platzhalterfelder)
gdpr-category-message-data = vom Shop gelieferte Nachrichtendaten (Bestelldetails, Links)
gdpr-category-order-data = Bestelldaten
gdpr-category-order-totals = Bestellsummen
gdpr-category-orders = Bestellungen
gdpr-category-owner-id = Inhaber-ID
gdpr-category-page-views = Seitenaufrufe
gdpr-category-password-hash = Passwort-Hash
gdpr-category-profile = Profil
gdpr-category-visitor-id = pseudonyme Besucher-ID
gdpr-category-requests-made = gestellte Anfragen
gdpr-category-restriction = Einschränkung der Verarbeitung
gdpr-category-role = Rolle
gdpr-category-second-factor = Geheimnis des zweiten Faktors
gdpr-category-shop-events = Shop-Ereignisse
gdpr-category-sign-in-times = Anmeldezeitpunkte
gdpr-category-spam-complaints = Spam-Beschwerden
gdpr-category-status = Status
gdpr-category-subscription-preferences = Abonnement-Einstellungen
gdpr-category-subscription-status = Anmeldestatus
gdpr-category-tags-and-lists = Tags und Listen
gdpr-category-token-name = Token-Name
gdpr-category-truncated-ip = gekürzte IP-Adresse
gdpr-category-truncated-ips = gekürzte IP-Adressen
gdpr-category-usage-times = Nutzungszeiten
gdpr-category-visit-times = Besuchszeiten
gdpr-category-website-activity = Website-Aktivität
gdpr-category-word-prefixes = Wortanfänge von E-Mail, Namen, Telefon, Tags, Listen und Textfeldern

# The dashboard's block of privacy deadlines
gdpr-dash-title = Datenschutzfristen
gdpr-dash-breach-overdue = Meldung an die Behörde überfällig
gdpr-dash-by-hours = seit {$hours} h
gdpr-dash-notify-within = Behörde benachrichtigen innerhalb von
gdpr-dash-requests = { $count ->
    [one] {$count} Datenschutzanfrage braucht bald eine Antwort
   *[other] {$count} Datenschutzanfragen brauchen bald eine Antwort
}
gdpr-dash-overdue = {$count} überfällig
gdpr-dash-since = seit {$when}
gdpr-dash-due = fällig {$when}
gdpr-dash-more = und {$count} weitere.
gdpr-dash-none = Keine Datenschutzanfrage ist überfällig oder innerhalb von 7 Tagen fällig, und keine Datenpanne wartet auf ihre Meldung.

## Sign-in, users, tokens and settings
# (messages of these pages go below this line, above the next heading)
