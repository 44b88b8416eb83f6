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
# Diagramme (src/reports/chart.rs): die Zusammenfassung, die mit einem Diagramm vorgelesen wird,
# Tooltips, Achsen und Reihen. cm-chart-day, cm-chart-day-long und cm-chart-hour sind
# chrono-Datumsmuster (%d Tag, %b Monat, %a Wochentag, %Y Jahr, %H Stunde).
cm-chart-day = %d. %b
cm-chart-day-long = %a, %d. %b %Y
cm-chart-hour = %d. %b %H:00
cm-chart-no-data = Keine Daten.
cm-chart-one = {$axis}: {$label}.
cm-chart-range = {$axis} von {$first} bis {$last}.
cm-chart-highest = {$series}: Höchstwert {$value} ({$label}).
cm-chart-total = {$series}: insgesamt {$total}, Höchstwert {$value} ({$label}).
cm-chart-series-no-data = {$series}: keine Daten.
cm-chart-tip = {$label}: {$value} {$series}
cm-chart-numbers = {$title}: die Zahlen
cm-chart-as-table = {$title}, als Tabelle
cm-axis-hour = Stunde (UTC)
cm-axis-day = Tag (UTC)
cm-axis-campaign = Kampagne
cm-chart-opens-clicks-hour = Öffnungen und Klicks pro Stunde
cm-chart-opens-clicks-day = Öffnungen und Klicks pro Tag
cm-chart-compare = Öffnungs- und Klickraten der letzten Kampagnen
cm-chart-growth = Angemeldete Kontakte pro Tag
cm-chart-page-views = Seitenaufrufe pro Tag
cm-chart-orders = Bestellungen pro Tag
cm-series-opens = Öffnungen
    .tip = Öffnungen
cm-series-clicks = Klicks
    .tip = Klicks
cm-series-open-rate = Öffnungsrate
    .tip = Öffnungsrate
cm-series-click-rate = Klickrate
    .tip = Klickrate
cm-series-subscribed = Angemeldete
    .tip = Angemeldete
cm-series-contacts = Alle Kontakte
    .tip = Kontakte insgesamt
cm-series-page-views = Seitenaufrufe
    .tip = Seitenaufrufe
cm-series-orders = Bestellungen
    .tip = Bestellungen
# Der Bericht einer Kampagne (report.html), der Vergleich (reports.html, compare_table.html)
cm-report-title = Bericht: {$name}
cm-report-subject = Betreff „{$subject}“.
cm-report-started = Versand begonnen am {$started}.
cm-report-started-finished = Versand begonnen am {$started}, abgeschlossen am {$finished}.
cm-report-not-sent = Noch nicht versendet.
cm-no-message-sent = Es wurde keine Nachricht versendet.
cm-r-delivery = Zustellung
cm-r-recipients = Empfänger
cm-r-sent = versendet (vom Relay angenommen)
cm-r-delivered = zugestellt (kein Bounce gemeldet)
cm-r-bounced = unzustellbar
cm-r-bounced-how = ({$at_sending} beim Versand abgewiesen, {$later} später gemeldet)
cm-r-failed = fehlgeschlagen
cm-r-retrying = {$count} warten auf einen neuen Versuch
cm-r-skipped = beim Versand ausgelassen
cm-r-glance = Auf einen Blick
cm-r-glance-over = { $count ->
    [one] Bezogen auf {$delivered} zugestellte Nachricht: Diese Raten zählen alle Empfänger, ob messbar oder nicht.
   *[other] Bezogen auf {$delivered} zugestellte Nachrichten: Diese Raten zählen alle Empfänger, ob messbar oder nicht.
}
cm-r-clicks-per-delivered = { $count ->
    [one] Klicks pro zugestellter Nachricht ({$clicks} Klick von Personen)
   *[other] Klicks pro zugestellter Nachricht ({$clicks} Klicks von Personen)
}
cm-r-unsubscribed-n = abgemeldet ({$n})
cm-r-spam-n = als Spam markiert ({$n})
cm-r-revenue-from = { $count ->
    [one] Umsatz aus {$orders} Bestellung
   *[other] Umsatz aus {$orders} Bestellungen
}
cm-r-engagement = Interaktion
cm-r-base-measured = { $count ->
    [one] Öffnungs- und Klickraten beziehen sich auf {$measured} Empfänger, der in die Messung der Interaktion eingewilligt hat (nur er erhält das Zählpixel und zugeordnete Links).
   *[other] Öffnungs- und Klickraten beziehen sich auf die {$measured} Empfänger, die in die Messung der Interaktion eingewilligt haben (nur sie erhalten das Zählpixel und zugeordnete Links).
}
cm-r-base-delivered = Öffnungs- und Klickraten beziehen sich auf alle zugestellten Nachrichten (diese Kampagne wurde versendet, bevor messbare Empfänger gezählt wurden).
cm-r-base-none = Bei dieser Kampagne konnte noch kein Empfänger gemessen werden, daher gibt es keine Öffnungs- oder Klickraten.
cm-r-machines-apart = Automatische Öffnungen und Link-Scanner werden getrennt gezählt und gehen in keine Rate ein.
cm-r-opened = geöffnet
cm-r-or-clicked = (oder geklickt)
cm-r-open-rate = Öffnungsrate
cm-r-of-measurable = {$part} von {$base} messbaren
cm-r-of-delivered = {$part} von {$base} zugestellten
cm-r-opens-all = Öffnungen insgesamt (Personen)
cm-r-machine-opens = automatische Öffnungen (Datenschutz-Proxys, Vorabruf), nicht gezählt
cm-r-clicked = geklickt
cm-r-click-rate = Klickrate
cm-r-clicks-all = Klicks insgesamt
cm-r-clicks-anonymous = {$count} keiner Person zugeordnet
cm-r-clicks-scanners = {$count} durch Link-Scanner, nicht gezählt
cm-r-ctor = Klick-zu-Öffnungs-Rate
cm-r-unsubscribed = abgemeldet
cm-r-complaints = Spam-Beschwerden
cm-r-orders-within = { $count ->
    [one] Bestellungen innerhalb von {$count} Tag nach einem Klick
   *[other] Bestellungen innerhalb von {$count} Tagen nach einem Klick
}
cm-r-revenue-those = Umsatz aus diesen Bestellungen
cm-r-over-time = Öffnungen und Klicks im Zeitverlauf
cm-r-truncated = Nur die ersten 90 Tage werden gezeichnet; die Zahlen oben zählen alles.
cm-r-only-machines = Noch keine Öffnungen oder Klicks durch Personen – nur automatische (Datenschutz-Proxys, Link-Scanner), die nicht gezeichnet werden. Öffnungen werden nur bei Kontakten gezählt, die in die Messung der Interaktion eingewilligt haben.
cm-r-no-opens = Noch keine Öffnungen – Öffnungen werden nur bei Kontakten gezählt, die in die Messung der Interaktion eingewilligt haben.
cm-r-no-opens-unsent = Noch keine Öffnungen – Öffnungen werden nur bei Kontakten gezählt, die in die Messung der Interaktion eingewilligt haben, sobald die Kampagne versendet ist.
cm-r-links = Links nach Klicks
cm-r-link = Link
cm-r-link-clicks = Klicks
cm-r-link-share = Anteil
cm-r-link-scanners = Link-Scanner
cm-r-no-links = Diese Kampagne hat keine verfolgten Links (mit Platzhaltern personalisierte Links werden nie verfolgt).
cm-r-compared = Im Vergleich mit den letzten Kampagnen
cm-chart-no-rates = Noch keine Öffnungs- oder Klickraten zum Zeichnen: Raten brauchen Empfänger, die in die Messung der Interaktion eingewilligt haben.
cm-r-nothing-to-compare = Noch nichts zum Vergleichen: Dies ist die einzige bisher versendete Kampagne.
cm-r-notes = Wie diese Zahlen gezählt werden
cm-r-note-delivered-term = Zugestellt
cm-r-note-delivered = vom Relay angenommen, abzüglich später für diese Kampagne gemeldeter Bounces (aus dem Bounce-Postfach oder über einen Webhook).
cm-r-note-open-term = Öffnungsrate
cm-r-note-open = Empfänger, die geöffnet haben (ein Klick ohne erfasste Öffnung zählt mit: Bilder können blockiert sein), bezogen auf die Empfänger, die gemessen werden konnten.
cm-r-note-click-term = Klickrate
cm-r-note-click = Empfänger, die geklickt haben, bezogen auf dieselben.
cm-r-note-ctor-term = Klick-zu-Öffnungs-Rate
cm-r-note-ctor = Klickende bezogen auf Öffnende.
cm-r-note-unsubscribes-term = Abmeldungen
cm-r-note-unsubscribes = Kontakte, die sich über den Abmeldelink oder das Einstellungscenter dieser Kampagne abgemeldet haben.
cm-r-note-complaints-term = Beschwerden
cm-r-note-complaints = Spam-Meldungen (Feedback-Loops), die diese Kampagne nennen.
cm-r-note-orders-term = Bestellungen und Umsatz
# {$setting} ist der Name der Einstellung, als Code gezeigt.
cm-r-note-orders = Bestellungen eines Kontakts innerhalb von {$days} Tagen nach seinem letzten menschlichen Klick in dieser Kampagne ({$setting}). Der Umsatz ist die Summe der Bestellbeträge wie erfasst, in der Währung des Shops.
cm-r-note-utc = Zeiten sind in UTC.
cm-reports-intro = { $count ->
    [one] So schneiden die {$compared} zuletzt versendeten Kampagnen im Vergleich ab. Öffnungs- und Klickraten zählen nur Empfänger, die in die Messung der Interaktion eingewilligt haben; automatische Öffnungen und Link-Scanner bleiben außen vor. Eine Bestellung zählt für eine Kampagne, wenn sie innerhalb von {$count} Tag auf einen Klick darin folgt. Öffnen Sie eine Kampagne für ihren vollständigen Bericht.
   *[other] So schneiden die {$compared} zuletzt versendeten Kampagnen im Vergleich ab. Öffnungs- und Klickraten zählen nur Empfänger, die in die Messung der Interaktion eingewilligt haben; automatische Öffnungen und Link-Scanner bleiben außen vor. Eine Bestellung zählt für eine Kampagne, wenn sie innerhalb von {$count} Tagen auf einen Klick darin folgt. Öffnen Sie eine Kampagne für ihren vollständigen Bericht.
}
cm-reports-recent = Letzte Kampagnen
cm-reports-empty = Es wurde noch keine Kampagne versendet. Berichte erscheinen hier, sobald die erste hinausgeht.
cm-cmp-label = Die letzten Kampagnen im Vergleich
cm-cmp-campaign = Kampagne
cm-cmp-sent = Versendet
cm-cmp-delivered = Zugestellt
cm-cmp-clicks = Klicks
    .title = Klicks von Personen pro zugestellter Nachricht
cm-cmp-unsubs = Abm.
    .title = Abmeldungen, bezogen auf zugestellte Nachrichten
cm-cmp-complaints = Beschw.
    .title = Spam-Beschwerden, bezogen auf zugestellte Nachrichten
cm-cmp-opened = Geöffnet
    .title = Öffnungsrate bezogen auf messbare Empfänger (wie viele, in Klammern)
cm-cmp-clicked = Geklickt
    .title = Klickrate bezogen auf messbare Empfänger
cm-cmp-ctor = CTOR
    .title = Klick-zu-Öffnungs-Rate
cm-cmp-orders = Bestellungen
cm-cmp-revenue = Umsatz
cm-cmp-of = (von {$base})
# Zielgruppe und Interaktion auf der Übersicht (dashboard_reports.html)
cm-dash-audience = Zielgruppe und Interaktion der letzten {$days} Tage
cm-dash-subscribed = angemeldet
cm-dash-opens = { $count ->
    [one] Öffnung
   *[other] Öffnungen
}
cm-dash-clicks = { $count ->
    [one] Klick
   *[other] Klicks
}
cm-dash-page-views = { $count ->
    [one] Seitenaufruf
   *[other] Seitenaufrufe
}
cm-dash-orders = { $count ->
    [one] Bestellung
   *[other] Bestellungen
}
cm-dash-growth = Listenwachstum
# {$job} ist der Name des Jobs, als Code gezeigt.
cm-dash-growth-note = Die Listengrößen werden einmal täglich erfasst (Job {$job}); die Linie beginnt am ersten Tag, an dem das System sie gezählt hat.
cm-dash-email = Interaktion mit E-Mails
cm-dash-email-empty = Keine Öffnungen oder Klicks in diesen Tagen – Öffnungen werden nur bei Kontakten gezählt, die in die Messung der Interaktion eingewilligt haben.
cm-dash-site = Website
cm-dash-site-empty = Keine Seitenaufrufe in diesen Tagen (das Website-Tracking braucht tracking.sites und die Einwilligung jedes Besuchers).
cm-dash-orders-h = Bestellungen
cm-dash-orders-empty = Keine Bestellungen in diesen Tagen.
cm-dash-compare = Die letzten Kampagnen vergleichen

## Privacy: requests, breaches, retention, records and the audit log
# (messages of these pages go below this line, above the next heading)

## Sign-in, users, tokens and settings
# (messages of these pages go below this line, above the next heading)
