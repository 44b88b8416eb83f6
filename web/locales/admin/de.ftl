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
# Rollen und was sie dürfen, überall, wo die Verwaltung sie nennt.
acc-role-owner = Inhaber
acc-role-admin = Administrator
acc-role-marketer = Marketing
acc-role-analyst = Analyst
acc-role-dpo = Datenschutzbeauftragter
acc-role-owner-describe = Alles, einschließlich der Vergabe der Inhaberrolle.
acc-role-admin-describe = Alles außer der Vergabe der Inhaberrolle.
acc-role-marketer-describe = Kontakte, Kampagnen, Berichte und eigene API-Tokens.
acc-role-analyst-describe = Berichte und Kontakte, mit maskierten personenbezogenen Daten (das Aufdecken eines Kontakts wird protokolliert).
acc-role-dpo-describe = Protokoll, Anfragen betroffener Personen, Aufbewahrung und Verarbeitungsverzeichnis.

# Anmeldung (in der Sprache des Browsers, bis die Person bekannt ist).
acc-login-title = Anmelden
acc-login-heading = Bei {$organisation} anmelden
acc-login-username = Benutzername
acc-login-password = Passwort
acc-login-submit = Anmelden
acc-login-forgot = Passwort vergessen? Bitten Sie einen Administrator, es zurückzusetzen, oder führen Sie auf dem Server {$command} aus.
acc-login-rate-limited = Zu viele Versuche aus Ihrem Netzwerk. Warten Sie eine Minute und versuchen Sie es dann erneut.
acc-login-rejected = Benutzername oder Passwort ist falsch.
acc-locked = Dieses Konto ist nach zu vielen fehlgeschlagenen Versuchen gesperrt. Die Sperre endet um {$time} Uhr (UTC) oder früher, wenn ein Administrator sie aufhebt.
acc-2fa-title = Authentifizierungscode
acc-2fa-heading = Geben Sie Ihren Authentifizierungscode ein
acc-2fa-intro = Öffnen Sie Ihre Authenticator-App und geben Sie den sechsstelligen Code für Tidings ein. Telefon verloren? Geben Sie stattdessen einen Ihrer Wiederherstellungscodes ein.
acc-2fa-code = Code
acc-2fa-verify = Prüfen
acc-2fa-cancel = Abbrechen und abmelden
acc-2fa-wrong = Dieser Code stimmt nicht oder wurde bereits verwendet.
acc-notice-title = Fehlgeschlagene Anmeldeversuche
acc-notice-heading = Jemand hat versucht, sich mit Ihrem Konto anzumelden
acc-notice-attempts = { $count ->
    [one] {$count} fehlgeschlagener Versuch
   *[other] {$count} fehlgeschlagene Versuche
}
acc-notice-failures = Seit Ihrer letzten Anmeldung { $count ->
    [one] wurde
   *[other] wurden
} {$attempts} unternommen, sich mit Ihrem Konto anzumelden.
acc-notice-failures-between = Seit Ihrer letzten Anmeldung { $count ->
    [one] wurde
   *[other] wurden
} {$attempts} unternommen, sich mit Ihrem Konto anzumelden, zwischen {$first} und {$last}.
acc-notice-where = Woher sie kamen (Adressen werden nur auf ihr Netzwerk gekürzt gespeichert)
acc-notice-network = Netzwerk
acc-notice-attempts-column = Versuche
acc-notice-held = Falls Sie das nicht waren: Ihr Passwort hat standgehalten. Netzwerke, die {$max}-mal scheitern, werden für {$minutes} Minuten von Ihrem Konto ausgesperrt, andere Netzwerke werden gebremst.
acc-notice-no-2fa = Mit Zwei-Faktor-Authentifizierung wäre ein erratenes Passwort nutzlos:
acc-notice-set-up = jetzt einrichten
acc-notice-has-2fa = Ihr zweiter Faktor schützt das Konto, selbst wenn jemand das Passwort errät.
acc-notice-audit = Die Versuche stehen im Protokoll.
acc-notice-continue = Weiter

# Passwörter und zweiter Faktor.
acc-password-title = Passwort wählen
acc-password-choose = Wählen Sie Ihr Passwort
acc-password-expired = Ihr Passwort ist abgelaufen.
acc-password-one-time = Sie haben sich mit einem Einmalpasswort angemeldet.
acc-password-continue = Wählen Sie ein eigenes Passwort, um fortzufahren, {$username}.
acc-password-change = Passwort ändern
acc-password-back = Zurück zu Ihrem Konto
acc-password-one-time-label = Einmalpasswort
acc-password-current = Aktuelles Passwort
acc-password-new = Neues Passwort
acc-password-new-hint = (mindestens {$min} Zeichen; am einfachsten ist ein Satz aus mehreren Wörtern)
acc-password-again = Neues Passwort wiederholen
acc-password-save = Passwort speichern
acc-totp-title = Zwei-Faktor-Authentifizierung einschalten
acc-totp-scan = Öffnen Sie eine Authenticator-App auf Ihrem Telefon (jede TOTP-App eignet sich) und scannen Sie diesen Code.
acc-totp-qr = QR-Code mit dem Geheimnis für Ihre Authenticator-App
acc-totp-no-scan = Scannen klappt nicht? Geben Sie stattdessen diesen Schlüssel ein:
acc-totp-enter = Geben Sie den sechsstelligen Code ein, den die App anzeigt.
acc-totp-confirm = Bestätigen
acc-codes-title = Wiederherstellungscodes
acc-codes-on = Die Zwei-Faktor-Authentifizierung ist eingeschaltet
acc-codes-new = Neue Wiederherstellungscodes
acc-codes-keep = Bewahren Sie diese Wiederherstellungscodes an einem sicheren Ort auf, nicht bei Ihrem Telefon. Mit jedem können Sie sich einmal anmelden, falls Sie das Telefon verlieren. Sie werden nur jetzt angezeigt.
acc-codes-keep-replaced = Bewahren Sie diese Wiederherstellungscodes an einem sicheren Ort auf, nicht bei Ihrem Telefon. Mit jedem können Sie sich einmal anmelden, falls Sie das Telefon verlieren. Sie werden nur jetzt angezeigt, und Ihre alten Codes gelten nicht mehr.
acc-codes-print = Drucken Sie diese Seite, oder kopieren Sie die Codes oder laden Sie sie herunter (die Schaltflächen brauchen JavaScript).
acc-codes-saved = Ich habe sie gesichert
acc-codes-copy-all = Alle Codes kopieren
acc-codes-download = Als Datei herunterladen
acc-copy = Kopieren
acc-copied = Kopiert

# Benutzer.
acc-users-title = Benutzer & Rollen
acc-users-add = Benutzer hinzufügen
acc-users-region = Benutzer
acc-users-user = Benutzer
acc-users-role = Rolle
acc-users-state = Status
acc-users-2fa = 2FA
acc-users-last-sign-in = Letzte Anmeldung
acc-users-you = Sie
acc-users-disabled = gesperrt
acc-users-network-locked = Netzwerk gesperrt
acc-users-awaiting = wartet auf die erste Anmeldung
acc-users-active = aktiv
acc-users-on = an
acc-users-off = aus
acc-users-never = nie
acc-users-roles = Rollen
acc-user-back = ← Benutzer
acc-user-display-name = Anzeigename
acc-user-locked = aktiv; Anmeldungen per Passwort aus einem Netzwerk, das zu oft gescheitert ist, sind bis {$until} gesperrt (andere Netzwerke nicht)
acc-user-two-factor = Zwei-Faktor
acc-user-created = Angelegt
acc-user-password-set = Passwort gesetzt
acc-user-change-role = Rolle ändern
acc-user-actions = Aktionen
acc-user-unlock = Sperre für alle Netzwerke aufheben
acc-user-reset-confirm = Das Passwort von {$username} zurücksetzen? Die Sitzungen enden dann.
acc-user-reset = Passwort zurücksetzen
acc-user-2fa-off-confirm = Die Zwei-Faktor-Authentifizierung für {$username} ausschalten?
acc-user-2fa-off = 2FA ausschalten
acc-user-enable = Konto freigeben
acc-user-disable-confirm = {$username} sperren? Die Sitzungen enden sofort.
acc-user-disable = Konto sperren
acc-user-sessions = Sitzungen
acc-user-no-sessions = Keine aktiven Sitzungen.
acc-user-audit = Letzte Protokolleinträge zu diesem Benutzer
acc-user-audit-region = Protokolleinträge zu diesem Benutzer
acc-user-all-entries = Alle Einträge
acc-user-none-yet = Noch keine.
acc-new-user-intro = Der neue Benutzer erhält ein Einmalpasswort, das auf der nächsten Seite angezeigt wird, und wählt bei der ersten Anmeldung ein eigenes.
acc-new-user-username-hint = (oft eine E-Mail-Adresse)
acc-new-user-optional = (freiwillig)
acc-new-user-submit = Benutzer anlegen
acc-created-title = Einmalpasswort
acc-created-added = Benutzer angelegt: {$username}
acc-created-reset = Passwort zurückgesetzt für {$username}
acc-created-give = Geben Sie dieses Einmalpasswort über einen vertrauenswürdigen Weg an {$name} weiter. Es wird nur jetzt angezeigt; bei der Anmeldung wird ein eigenes Passwort gewählt.
acc-created-done = Fertig

# API-Tokens.
acc-tokens-title = API-Tokens
acc-tokens-intro = Mit Tokens nutzen Skripte und das Backend des Shops die REST-API unter {$api}. Senden Sie ein Token als {$header}. Ein Token darf nie mehr als seine Berechtigungen und nie mehr als die Rolle seines Eigentümers.
acc-tokens-created = Token „{$name}“ angelegt
acc-tokens-copy-now = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt und nur als Hash gespeichert.
acc-tokens-create = Token anlegen
acc-tokens-name = Name
acc-tokens-name-hint = (was es nutzt, z. B. „Shop-Backend“)
acc-tokens-scopes = Berechtigungen
acc-tokens-expires = Läuft ab nach (Tagen; leer für nie)
acc-tokens-create-submit = Token anlegen
acc-tokens-list = Tokens
acc-tokens-owner = Eigentümer
acc-tokens-created-column = Angelegt
acc-tokens-last-used = Zuletzt verwendet
acc-tokens-revoked = widerrufen
acc-tokens-expired = abgelaufen
acc-tokens-until = bis {$date}
acc-tokens-revoke-confirm = „{$name}“ widerrufen? Alles, was es nutzt, funktioniert dann nicht mehr.
acc-tokens-revoke = Widerrufen
acc-tokens-empty = Noch keine Tokens. Legen Sie oben eines an, wenn ein Skript oder Ihr Shop Zugriff auf die API braucht.
acc-tokens-days-invalid = Geben Sie eine Anzahl Tage zwischen 1 und 3650 ein, oder lassen Sie das Feld leer.
acc-scope-view-dashboard = Anmelden und die Übersicht sehen
acc-scope-manage-users = Verwaltungsbenutzer hinzufügen, ändern und sperren
acc-scope-manage-owners = Die Inhaberrolle vergeben oder entziehen
acc-scope-manage-own-tokens = Eigene API-Tokens anlegen und widerrufen
acc-scope-manage-all-tokens = API-Tokens aller Benutzer widerrufen
acc-scope-view-audit = Das Protokoll lesen
acc-scope-manage-settings = Einstellungen ändern
acc-scope-view-contacts = Kontakte sehen
acc-scope-edit-contacts = Kontakte anlegen, bearbeiten und löschen
acc-scope-send-campaigns = Vorlagen, Formulare und Kampagnen schreiben und versenden
acc-scope-view-personal-data = Personenbezogene Daten unmaskiert sehen
acc-scope-unmask-personal-data = Einen maskierten Kontakt mit Begründung aufdecken (protokolliert)
acc-scope-manage-gdpr = Anfragen betroffener Personen, Aufbewahrung und Verarbeitungsverzeichnis bearbeiten
acc-scope-run-backups = Sicherungen starten
acc-scope-view-metrics = Die Prometheus-Metriken lesen
acc-scope-record-events = Website- und Shop-Ereignisse sowie Bestellungen über die API senden
acc-scope-view-reports = Kampagnenberichte und Interaktionsdiagramme sehen (nur Summen, keine personenbezogenen Daten)

# Einstellungen.
acc-settings-title = Einstellungen
acc-settings-email-link = E-Mail: Relays, DKIM und eine Testnachricht →
acc-settings-organisation = Organisation
acc-settings-organisation-intro = Wer der Verantwortliche ist: Das sieht Ihr Team, und die Personen auf Ihren Listen sehen es in der Fußzeile jeder Mail und im Datenschutzportal.
acc-settings-organisation-name = Name der Organisation
acc-settings-postal-address = Postanschrift
acc-settings-dpo-contact = Kontakt des Datenschutzbeauftragten
acc-settings-login-notice = Hinweis auf der Anmeldeseite
acc-settings-time-zone = Zeitzone
acc-settings-time-zone-hint = (ein in einem Formular eingegebenes Datum meint diesen Tag in dieser Zeitzone)
acc-settings-language = Sprache der öffentlichen Seiten und der Mails
acc-settings-language-hint = (wenn die Sprache des Lesers unbekannt oder nicht übersetzt ist)
acc-settings-currency = Währung
acc-settings-currency-hint = (Ihrer Bestellungen; bei jeder Umsatzzahl angezeigt)
acc-settings-two-factor = Zwei-Faktor-Authentifizierung verlangen
acc-settings-two-factor-now = Derzeit: {$rule}. Wer eine angekreuzte Rolle hat und sie noch nicht eingerichtet hat, wird bei der nächsten Anmeldung zuerst dorthin geführt.
acc-settings-two-factor-none = für alle Benutzer verfügbar, von niemandem verlangt
acc-settings-two-factor-all = von allen Benutzern verlangt
acc-settings-two-factor-some = verlangt von: {$roles}; für alle anderen verfügbar
acc-settings-two-factor-everyone = Alle
acc-settings-save = Speichern
acc-settings-legal-footer = Impressum in jeder Mail
acc-settings-legal-footer-intro = Die Angaben, die Ihre Mails von Gesetzes wegen tragen müssen, etwa Registergericht und Registernummer, Geschäftsführung und Umsatzsteuer-Identifikationsnummer. Jede Mail druckt sie unter dem Namen und der Anschrift Ihrer Organisation, in der Sprache, in der die Mail geschrieben ist; eine leer gelassene Sprache verwendet das Impressum in der Sprache des Shops, und fehlt auch dieses, hat die Mail keines.
acc-settings-legal-footer-rules = Reiner Text, Zeile für Zeile gedruckt: höchstens {$lines} Zeilen und {$chars} Zeichen pro Sprache.
acc-settings-legal-footer-shop = (Sprache des Shops)
acc-settings-legal-footer-save = Impressum speichern
acc-settings-config = Aus der Konfigurationsdatei
acc-settings-config-intro = Diese Werte stammen aus der Konfigurationsdatei und der Umgebung; ändern Sie sie dort und starten Sie neu.
acc-settings-data-dir = Datenverzeichnis
acc-settings-listen = Erreichbar unter
acc-settings-https = HTTPS
acc-settings-plain-http = einfaches HTTP hinter einem Proxy
acc-settings-hostname = Hostname
acc-settings-backups = Sicherungen
acc-settings-backups-value = {$dir}, Zeitplan {$schedule}, { $keep ->
    [one] die letzte wird aufbewahrt
   *[other] die letzten {$keep} werden aufbewahrt
}
acc-settings-off = aus
acc-settings-lockout = Sperre
acc-settings-lockout-value = nach {$failures} Fehlversuchen, für {$minutes} Minuten
acc-settings-password-expiry = Ablauf des Passworts
acc-settings-days = { $count ->
    [one] {$count} Tag
   *[other] {$count} Tage
}

# Einstellungen → E-Mail.
acc-mail-title = E-Mail
acc-mail-back = ← Einstellungen
acc-mail-how = Wie Mail den Server verlässt
acc-mail-relays-intro = Nachrichten gehen über das erste Relay, sofern eine Kampagne kein anderes nennt. Relays werden in der Konfigurationsdatei festgelegt ({$section}); ändern Sie sie dort und starten Sie neu.
acc-mail-relay = Relay
acc-mail-server = Server
acc-mail-security = Sicherheit
acc-mail-login = Anmeldung
acc-mail-connections = Verbindungen
acc-mail-rate-limit = Höchstrate
acc-mail-default-relay = (Standard)
acc-mail-yes = ja
acc-mail-no = nein
acc-mail-none = keine
acc-mail-per-second = {$rate}/s
acc-mail-tls-implicit = implizites TLS
acc-mail-tls-starttls = STARTTLS
acc-mail-tls-none = kein TLS (Loopback)
acc-mail-no-relay-title = Kein SMTP-Relay konfiguriert:
acc-mail-no-relay = {$title} Jede Nachricht wird als {$eml}-Datei nach {$outbox} geschrieben statt versendet. Fügen Sie der Konfigurationsdatei einen Abschnitt {$section} hinzu, um wirklich zu versenden.
acc-mail-bounce-address = Adresse für Unzustellbarkeitsmeldungen
acc-mail-verp = VERP unter {$domain}
acc-mail-bounce-sender = die Absenderadresse
acc-mail-dkim-signed = signiert für {$domain}, Selektor {$selector}
acc-mail-dkim-ed25519 = und Ed25519-Selektor {$selector}
acc-mail-dkim-off = nicht signiert: Führen Sie {$command} aus und tragen Sie die ausgegebenen Zeilen ein
acc-mail-senders = Wer schreibt
acc-mail-from = Mail geht von {$sender} aus:
acc-mail-from-reply = Mail geht von {$sender} aus, Antworten an {$reply_to}:
acc-mail-source-saved = Das ist der Standardabsender unten.
acc-mail-source-config = Er stammt aus {$key} in der Konfigurationsdatei, bis hier ein Absender gespeichert ist (ein gespeicherter hat Vorrang).
acc-mail-source-derived = Er ist aus dem Namen der Organisation und der öffentlichen Adresse dieses Servers gebildet, bis hier ein Absender gespeichert ist.
acc-mail-applies = Eine Änderung hier gilt ab der nächsten Nachricht, ohne Neustart.
acc-mail-verified-word = bestätigten
acc-mail-verified-intro = Eine Kampagne kann von jedem {$verified} Absender versendet werden: einem, dessen Domain Tidings mit DKIM signiert (damit Empfänger DMARC bestanden sehen), oder einem, dessen Postfach einen dorthin geschickten Link bestätigt hat (gültig {$hours} Stunden, einmal verwendbar). Mail von einer unbestätigten Adresse einer fremden Domain wird abgewiesen oder landet im Spam.
acc-mail-sender = Absender
acc-mail-reply-to = Antwortadresse
acc-mail-verified = Bestätigt
acc-mail-default = Standard
acc-mail-verified-yes = ja: {$how}
acc-mail-verified-dkim = mit DKIM signiert für {$domain} (besteht DMARC)
acc-mail-verified-mailbox = aus dem Postfach bestätigt am {$date}
acc-mail-not-verified = nicht bestätigt
acc-mail-link-pending = (Link verschickt; gültig bis {$until})
acc-mail-send-new-link = Neuen Link schicken
acc-mail-send-link = Bestätigungslink schicken
acc-mail-make-default = Zum Standard machen
acc-mail-remove-confirm = {$address} entfernen?
acc-mail-remove = Entfernen
acc-mail-add-sender = Absender hinzufügen
acc-mail-add-sender-hint = (oder Name und Antwortadresse eines Absenders oben ändern: dessen Adresse eingeben)
acc-mail-address = Adresse
acc-mail-name = Name
acc-mail-name-hint = (leer: {$organisation})
acc-mail-reply-to-hint = (leer: Antworten gehen an den Absender)
acc-mail-save-sender = Absender speichern
acc-mail-no-such-sender = Diesen Absender gibt es nicht.
acc-mail-link-not-mailed = Der Link konnte nicht an {$address} geschickt werden: {$reason}
acc-mail-test = Testnachricht senden
acc-mail-test-intro = Prüft das Relay von Anfang bis Ende und erklärt einen Fehler in Worten (falscher TLS-Modus, abgelehnte Anmeldung, unbekannter Host, nicht vertrauenswürdiges Zertifikat).
acc-mail-test-outbox = Kein Relay konfiguriert: Die Nachricht wurde nach {$path} geschrieben (konfigurieren Sie {$section}, um wirklich zu versenden).
acc-mail-test-accepted = Das Relay hat die Nachricht an {$to} angenommen.
acc-mail-test-address = Die Adresse: {$error}
acc-mail-sent = Gesendet.
acc-mail-not-sent = Nicht gesendet.
acc-mail-message-id = Message-ID {$id}.
acc-mail-message-id-dkim = Message-ID {$id}, mit DKIM signiert.
acc-mail-send-to = Senden an
acc-mail-through = Über
acc-mail-send-test = Testnachricht senden
acc-mail-bounces = Unzustellbare Mails
acc-mail-bounces-intro = Ein harter Bounce (5.x.x) oder eine Spam-Beschwerde markiert den Kontakt sofort; {$limit} weiche Bounces (4.x.x) innerhalb von {$days} Tagen zählen wie ein harter. Kontakte mit Bounce oder Beschwerde erhalten keine Mail mehr.
acc-mail-generic-webhook = Allgemeiner Webhook
acc-mail-generic-webhook-value = {$endpoint} mit einem API-Token, das Kontakte bearbeiten darf (Aufbau des JSON: siehe README, „Bounces“)
acc-mail-mailgun-webhook = Mailgun-Webhook
acc-mail-mailgun-on = {$url} (Signaturen werden mit dem konfigurierten Schlüssel geprüft)
acc-mail-mailgun-off = aus: Setzen Sie {$key}, um {$url} einzuschalten
acc-mail-bounce-mailbox = Postfach für Unzustellbarkeitsmeldungen
acc-mail-mailbox-value = IMAP {$server}, {$tls}, Ordner {$folder}, alle {$seconds} s
acc-mail-mailbox-none = keines: Setzen Sie {$section}, um Zustellberichte aus einem Postfach zu lesen
acc-mail-last-poll = Letzter Abruf
acc-mail-poll-ok = {$time}: {$message}
acc-mail-poll-failed = {$time}: fehlgeschlagen: {$message}
acc-mail-not-yet = noch nicht
acc-mail-latest-events = Neueste Ereignisse
acc-mail-when = Wann
acc-mail-contact = Kontakt
acc-mail-kind = Art
acc-mail-status = Status
acc-mail-source = Quelle
acc-mail-diagnostic = Diagnose
acc-mail-bounce-hard = hart
acc-mail-bounce-soft = weich
acc-mail-bounce-complaint = Beschwerde
acc-mail-source-mailbox = Postfach
acc-mail-source-webhook = Webhook
acc-mail-source-mailgun = Mailgun
acc-mail-erased = (gelöscht)
acc-mail-no-events = Noch kein Bounce und keine Beschwerde erfasst.

# Die Seite, die das Postfach eines Absenders zur Bestätigung öffnet.
acc-sender-confirm-title = Absender bestätigen
acc-sender-confirm-heading = {$address} als Absender für {$shop} bestätigen?
acc-sender-confirm-text = {$shop} kann dann seine Newsletter und Mitteilungen von dieser Adresse versenden. Falls Sie das nicht erwartet haben, schließen Sie diese Seite: Solange sie nicht bestätigt ist, wird von ihr nichts versendet.
acc-sender-confirm-button = Diesen Absender bestätigen
acc-sender-confirmed = Absender bestätigt
acc-sender-confirmed-text = {$address} ist bestätigt: Kampagnen können jetzt von dieser Adresse versendet werden. Sie können diese Seite schließen.
acc-sender-link-dead = Dieser Link funktioniert nicht
acc-sender-link-dead-text = Der Link ist abgelaufen, wurde schon verwendet oder wurde unvollständig kopiert. Schicken Sie unter Einstellungen → E-Mail einen neuen.

# Fehlerseiten.
acc-error-400 = Ungültige Anfrage
acc-error-401 = Nicht angemeldet
acc-error-403 = Kein Zugriff
acc-error-404 = Nicht gefunden
acc-error-405 = Methode nicht erlaubt
acc-error-409 = Konflikt
acc-error-413 = Zu groß
acc-error-414 = Adresse zu lang
acc-error-415 = Nicht unterstütztes Format
acc-error-422 = Ungültige Eingabe
acc-error-423 = Gesperrt
acc-error-429 = Zu viele Anfragen
acc-error-500 = Serverfehler
acc-error-502 = Fehler beim Weiterleiten
acc-error-503 = Vorübergehend nicht verfügbar
acc-error-not-found = Unter dieser Adresse gibt es keine Seite.
acc-error-forbidden = Ihre Rolle erlaubt das nicht.
acc-error-csrf = Das Formular war abgelaufen oder kam von einer anderen Website. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
acc-error-internal = Auf dem Server ist etwas schiefgegangen; der Fehler wurde protokolliert.
acc-error-dashboard = Zur Übersicht
