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

## Sign-in, users, tokens and settings
# (messages of these pages go below this line, above the next heading)
