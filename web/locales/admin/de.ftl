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
cm-chart-day = %-d. %b
cm-chart-day-long = %a, %-d. %b %Y
cm-chart-hour = %-d. %b %H:00
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
cm-r-retrying = { $count ->
    [one] {$count} wartet auf einen neuen Versuch
   *[other] {$count} warten auf einen neuen Versuch
}
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
cm-r-no-opens-unsent = Noch keine Öffnungen – sobald die Kampagne versendet ist, werden Öffnungen nur bei Kontakten gezählt, die in die Messung der Interaktion eingewilligt haben.
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

# Die Übersicht: erste Schritte, Warnungen zur Einrichtung (von `tidings check` auf Englisch
# ausgegeben), Laufzeit, Datenschutzfristen
cm-step-organisation = Name und Postanschrift Ihrer Organisation angeben
cm-step-sender = Absender (Einstellungen → E-Mail) und SMTP-Relay (Konfigurationsdatei) festlegen
cm-step-dkim = Ihre E-Mails mit DKIM signieren (tidings dkim generate)
cm-step-list = Eine Liste anlegen
cm-step-form = Ein Anmeldeformular erstellen
cm-step-campaign = Eine erste Kampagne versenden
cm-warn-public-url = Links in E-Mails und in den Anmeldeformularen führen zu {$url}, das nur dieser Rechner öffnen kann. Setzen Sie http.public_url (oder hostname) auf die Adresse, unter der dieser Server erreichbar ist.
cm-warn-mail-from = E-Mails werden von {$from} versendet, einer Adresse, die andere Mailserver ablehnen. Legen Sie unter Einstellungen → E-Mail einen Absender Ihrer eigenen Domain an (oder tragen Sie ihn in der Konfigurationsdatei ein), mit SPF und DKIM dafür.
cm-warn-relays = Es ist kein SMTP-Relay eingerichtet: Jede Nachricht (Bestätigungen, Kampagnen) wird nach {$outbox} geschrieben und erreicht niemanden. Fügen Sie einen Eintrag [[mail.relays]] hinzu.
cm-warn-self-signed = Das Zertifikat ist selbst signiert: Browser warnen auf jeder Seite, auch auf den Anmelde-, Abmelde- und Datenschutzseiten, die Ihre Kunden öffnen. Setzen Sie tls.cert_file und tls.key_file, oder betreiben Sie den Server hinter einem Reverse Proxy mit tls.mode = "off".
cm-warn-listen = Der Server lauscht nur auf {$listen}: Außerhalb dieses Rechners kann niemand {$hostname} erreichen. Setzen Sie listen = "0.0.0.0:443" (oder schalten Sie einen Reverse Proxy davor und setzen Sie proxy.trusted).
# Wo die Absender-Warnung behoben wird (statt der Zeile mit dem Konfigurationsschlüssel).
cm-warn-sender-where = Einstellungen → E-Mail oder die Konfigurationsdatei; tidings check nennt auch den Schlüssel
cm-dash-uptime-value = {$hours} Std. {$minutes} Min.
cm-priv-title = Datenschutzfristen
cm-priv-breach = Datenpanne entdeckt am {$discovered}
cm-priv-breach-overdue = Meldung an die Aufsichtsbehörde überfällig
cm-priv-breach-overdue-by = seit {$hours} h
# {$time} ist die verbleibende Zeit, die herunterzählt.
cm-priv-breach-notify = Aufsichtsbehörde innerhalb von {$time} benachrichtigen
cm-priv-time-left = {$hours} h {$minutes} min
cm-priv-requests-due = { $count ->
    [one] {$count} Datenschutzanfrage braucht bald eine Antwort
   *[other] {$count} Datenschutzanfragen brauchen bald eine Antwort
}
cm-priv-overdue-n = {$count} überfällig
cm-priv-overdue = überfällig
cm-priv-since = seit {$date}
cm-priv-days-over = { $count ->
    [one] ({$count} Tag)
   *[other] ({$count} Tage)
}
cm-priv-due = { $count ->
    [one] fällig am {$date} (noch {$count} Tag)
   *[other] fällig am {$date} (noch {$count} Tage)
}
cm-priv-more = und {$count} weitere.
cm-priv-none = Keine Datenschutzanfrage ist überfällig oder in den nächsten 7 Tagen fällig, und keine Datenpanne wartet auf ihre Meldung.
cm-priv-kind-access = Auskunft (Art. 15)
cm-priv-kind-portability = Datenübertragbarkeit (Art. 20)
cm-priv-kind-rectification = Berichtigung (Art. 16)
cm-priv-kind-erasure = Löschung (Art. 17)
cm-priv-kind-restriction = Einschränkung der Verarbeitung (Art. 18)
cm-priv-kind-objection = Widerspruch (Art. 21)
cm-priv-kind-withdrawal = Widerruf der Einwilligung (Art. 7 Abs. 3)

# Eine Kampagne: Editor, Fortschritt, Planung und Fassungen in anderen Sprachen (campaign.html)
cm-ed-title = {$name} · Kampagne
cm-cancel = Abbrechen
cm-delete = Löschen
cm-close = Schließen
cm-prog-open-report = Bericht öffnen
cm-prog-report-holds = Öffnungen, Klicks, Links, Abmeldungen, Bestellungen
cm-prog-queued = Empfänger im Postausgang
cm-prog-still-adding = (werden noch hinzugefügt)
cm-prog-sent = Versendet
cm-prog-retrying = Warten auf neuen Versuch
cm-prog-failed = Fehlgeschlagen
cm-prog-skipped = Beim Versand ausgelassen
cm-prog-skipped-why = (inzwischen abgemeldet, gelöscht oder Einwilligung widerrufen)
cm-prog-started = Begonnen
cm-prog-finished = Abgeschlossen
cm-prog-last-error = Letzter Fehler:
cm-prog-pause = Anhalten
cm-prog-resume = Fortsetzen
cm-prog-cancel-confirm = Die Kampagne abbrechen? Niemand sonst erhält sie dann.
cm-prog-duplicate = Als neuen Entwurf kopieren
cm-prog-delete-confirm = Die Kampagne und den Nachweis, wer sie erhalten hat, löschen?
cm-ed-message = Nachricht
cm-ed-subject = Betreff
cm-ed-preheader = Vorschautext
cm-ed-preheader-hint = (die Zeile, die Posteingänge nach dem Betreff zeigen; in der Nachricht unsichtbar)
cm-ed-from = Absender
# {$link} ist ein Link mit dem Text von cm-ed-from-link.
cm-ed-from-hint = (bestätigte Absender; {$link})
cm-ed-from-link = einen hinzufügen oder bestätigen
cm-ed-from-default = Standard: {$sender}
cm-ed-default-sender = der Standardabsender
cm-ed-purpose = Zweck
cm-ed-purpose-hint = (die Einwilligung wird daran geprüft)
cm-ed-show-as = So anzeigen, wie ein Kontakt sie sieht
cm-ed-show-as-hint = (Adresse oder ID; leer: eine Beispielperson)
cm-ed-show = Anzeigen
cm-ed-preview-frame = Vorschau der Nachricht
cm-sched-recurring = Versendet nach dem Zeitplan {$schedule} jeweils eine Kopie; nächster Lauf am {$when} (Angabe in UTC; {$schedule}).
cm-sched-once = Wird am {$when} versendet (Angabe in UTC; {$schedule}).
cm-sched-unschedule = Planung aufheben (zurück zum Entwurf)
cm-sched-cancel-confirm = Die Kampagne abbrechen?
cm-ed-written-in = Geschrieben in
cm-ed-body = Text
# {$fields} und {$links} sind Listen von Platzhaltern, als Code gezeigt.
cm-ed-body-hint = – Platzhalter wie {$fields}, eigene Felder über ihren Schlüssel; Links {$links}
cm-media-insert = Bild einfügen
cm-media-library = Medienbibliothek
cm-media-picker-title = Ein Bild aus der Bibliothek einfügen
cm-media-picker-empty = Noch keine Bilder:
cm-media-picker-upload = eines in die Bibliothek hochladen
cm-ed-layout = Layout
cm-ed-layout-builtin = Eingebautes Layout (Fußzeile mit Abmeldung, Einstellungen, Datenschutz)
cm-ed-lists = Listen
cm-ed-no-lists = Noch keine Listen:
cm-ed-create-list = eine anlegen
cm-ed-tags = Tags
cm-ed-tags-hint = (durch Kommas getrennt; Kontakte mit einem davon)
cm-ed-search = Suche
cm-ed-search-hint = (Wörter wie in der Kontaktsuche; grenzt die Listen und Tags ein oder wählt allein für sich aus)
cm-ed-saved-search = Gespeicherte Suche
# {$link} ist ein Link mit dem Text von cm-ed-saved-search-link.
cm-ed-saved-search-hint = (grenzt die Listen und Tags ein oder wählt allein für sich aus; {$link})
cm-ed-saved-search-link = auf der Kontaktseite eine speichern
cm-ed-saved-search-none = keine
cm-ed-audience-count = Angemeldete Kontakte mit Einwilligung, die sie jetzt erhalten würden: {$count} (jeder einmal; wer sich vor dem Versand abmeldet oder die Einwilligung widerruft, wird ausgelassen).
cm-ed-audience-uncountable = Die Zielgruppe lässt sich so nicht zählen.
cm-ed-audience-choose = Wählen Sie Listen, Tags, eine Suche oder eine gespeicherte Suche.
cm-ed-relay = Relay
cm-ed-relay-default = Standard
cm-ed-save-draft = Entwurf speichern
cm-ed-preview = Vorschau
cm-ed-preview-test = Vorschau und Test
cm-ed-preview-as = Vorschau als
cm-ed-preview-as-hint = (Adresse oder ID eines Kontakts; leer: eine Beispielperson)
cm-ed-test-to = Test senden an
cm-ed-test-to-hint = (bis zu zehn Adressen; der Betreff beginnt mit [Test])
cm-ed-test-send = Test senden
cm-ed-preview-live = Aktualisiert sich beim Tippen. Fehler in der Vorlage erscheinen hier mit ihrer Zeile.
cm-send = Versenden
cm-send-save-first = Speichern Sie zuerst Ihre Änderungen: Versendet wird die gespeicherte Kampagne.
cm-send-confirm = „{$name}“ jetzt an etwa {$count} Kontakte senden?
cm-send-now = Jetzt senden
cm-send-or-schedule = Oder planen
cm-send-once-at = Einmal, am
cm-send-date = Datum
cm-send-time = Uhrzeit
cm-send-cron = Wiederkehrend, nach Cron-Zeitplan
cm-send-cron-example = 0 9 * * 1  (montags um 09:00)
cm-send-cron-label = Cron-Ausdruck
cm-send-time-zone = Zeitzone
cm-send-schedule = Planen
cm-send-delete-draft-confirm = Diesen Entwurf löschen?
cm-send-delete-draft = Entwurf löschen
cm-var-title = In anderen Sprachen
cm-var-intro = Jeder Kontakt erhält die Fassung in seiner eigenen Sprache, wenn es eine gibt, sonst den Text oben. Fassungen werden wie der Text der Kampagne selbst geprüft.
cm-var-subject = Betreff ({$language})
cm-var-preheader = Vorschautext ({$language})
cm-var-body = Nachricht ({$language})
cm-var-save = Fassung speichern ({$language})
cm-var-preview = Vorschau ({$language})

# Zielgruppe, Zeitplan und gespeicherte Suchen einer Kampagne in Worten (src/http/pages/campaigns.rs)
cm-aud-lists = Listen {$names}
cm-aud-tags = Tags {$names}
cm-aud-either = {$first} oder {$second}
cm-aud-matching-alone = Kontakte passend zu „{$words}“
cm-aud-matching = {$audience}, passend zu „{$words}“
cm-aud-saved-alone = gespeicherte Suche „{$name}“
cm-aud-saved = {$audience}, innerhalb der gespeicherten Suche „{$name}“
cm-sched-at = {$when} ({$zone})
cm-sched-cron = `{$cron}` ({$zone})
cm-ss-pending = unbestätigt
cm-ss-subscribed = angemeldet
cm-ss-unsubscribed = abgemeldet
cm-ss-bounced = unzustellbar
cm-ss-complained = beschwert
cm-ss-tag = Tag {$tag}
cm-ss-list = Liste {$list}
cm-ss-granted = Einwilligung {$purpose} erteilt
cm-ss-withdrawn = Einwilligung {$purpose} widerrufen
cm-ss-opened-30d = in den letzten 30 Tagen geöffnet
cm-ss-clicked-30d = in den letzten 30 Tagen geklickt
cm-ss-not-opened-90d = seit 90 Tagen (oder nie) nicht geöffnet
cm-ss-inactive-180d = seit 180 Tagen (oder nie) keine Aktivität
cm-ss-buyers = mindestens eine Bestellung
cm-ss-everyone = alle Kontakte
cm-basis-consent = Einwilligung (Art. 6 Abs. 1 lit. a)
cm-basis-contract = Vertrag (Art. 6 Abs. 1 lit. b)
cm-basis-legitimate-interest = Berechtigtes Interesse (Art. 6 Abs. 1 lit. f)
cm-basis-legal-obligation = Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c)
# {$error} ist der Grund, wie ihn die Prüfungen vor dem Versand nennen.
cm-ed-saved-but = Gespeichert, aber so kann sie nicht versendet werden: {$error}
cm-ed-no-contact = es gibt keinen Kontakt `{$contact}`
cm-ed-test-no-address = Geben Sie mindestens eine Adresse an.
cm-ed-test-sent = {$to}: versendet
# {$why} ist die Antwort des Mailservers.
cm-ed-test-not-sent = {$to}: nicht versendet ({$why})
cm-preview-subject = Betreff:
cm-preview-cannot-render = Die Nachricht lässt sich nicht darstellen.

# Vorlagen (templates.html, template.html)
cm-tpls-layouts = Layouts
# {$content} ist der Name des Platzhalters, als Code gezeigt.
cm-tpls-layouts-text = umschließen den Text einer Kampagne (setzen Sie {$content} dort ein, wo er stehen soll).
cm-tpls-messages = Nachrichten
# {$api} ist die Adresse der API, als Code gezeigt.
cm-tpls-messages-text = sind vollständige E-Mails, die Ihr Shop über {$api} versendet (Bestellbestätigungen, Passwort-Zurücksetzungen) oder die Tidings selbst versendet, etwa die Bestätigung einer Anmeldung.
cm-tpls-data = Die Daten des Shops kommen als {$data} an.
cm-tpls-new = Neue Vorlage
cm-tpls-key = Schlüssel
cm-tpls-key-hint = (wie die API sie nennt, z. B. {$example})
cm-tpls-kind = Art
cm-tpls-kind-message = Nachricht
cm-tpls-kind-layout = Layout
cm-tpls-create = Anlegen
cm-tpls-all = Alle Vorlagen
cm-tpls-changed = Geändert
cm-tpls-built-in = eingebaut
cm-tpls-empty = Noch keine Vorlagen.
cm-tpl-kind-message = Nachricht
cm-tpl-kind-layout = Layout
cm-tpl-name-confirm-subscription = Anmeldung bestätigen (Double-Opt-in)
cm-tpl-name-privacy-link = Ihr Link zu Ihren personenbezogenen Daten (Datenschutzportal)
cm-tpl-name-request-outcome = Ihre Anfrage wurde ausgeführt (Art. 19)
cm-tpl-name-breach-notice = Benachrichtigung über eine Datenpanne (Art. 34)
cm-tpl-title = {$name} · Vorlage
cm-tpl-key = Schlüssel:
cm-tpl-layout-html = Layout-HTML (mit {$content})
cm-tpl-languages = Sprachen
cm-tpl-languages-breach = Betreff und Absätze jeder Benachrichtigung über eine Datenpanne schreibt der Datenschutzbeauftragte beim Erfassen der Datenpanne, in der Sprache, in der er schreibt; Linktexte und Sprachkennung der Benachrichtigung folgen der Sprache jedes Lesers.
cm-tpl-languages-intro = Jeder Leser erhält die Fassung in seiner eigenen Sprache (der Sprache des Kontakts, festgelegt durch die Seite, auf der er sich angemeldet hat), sonst die in der Standardsprache des Shops (Einstellungen), sonst den Text oben. Eine leer gelassene Fassung gibt es nicht.
cm-tpl-edited-alone = Diese eingebaute Nachricht wurde hier bearbeitet, bevor es Fassungen pro Sprache gab; das Update hat sie deshalb unverändert gelassen: Jeder Leser erhält den Text oben. Schreiben Sie die Fassungen unten, wenn Sie welche möchten.
cm-tpl-has-version = Fassung vorhanden
cm-tpl-layout-builtin = Eingebautes Layout für Transaktionsmails
cm-tpl-sample-data = Beispieldaten für die Vorschau
cm-tpl-sample-data-hint = (JSON, wie die API es senden würde)
cm-tpl-preview-in = Vorschau in
cm-tpl-preview-base = Der Text oben (die Standardsprache des Shops)
cm-save = Speichern
cm-tpl-preview-frame = Vorschau der Vorlage
cm-tpl-delete-confirm = Die Vorlage „{$name}“ löschen?
cm-tpl-delete = Vorlage löschen
cm-tpl-data-not-json = Die Beispieldaten sind kein JSON: {$error}
cm-tpl-layout-preview = Layout-Vorschau
cm-tpl-layout-preview-body = Hier steht der Text einer Kampagne.

# Die Medienbibliothek (media.html)
cm-media-intro = Bilder für Kampagnen, von diesem Server unter ihrer eigenen Adresse ausgeliefert: Nachrichten laden nie ein Bild von anderswo. PNG, JPEG, GIF (Animationen bleiben erhalten) oder WebP, bis {$max_mb} MiB und {$max_side} Pixel pro Seite. Bilder, die breiter als {$mail_width} Pixel sind, werden auf {$mail_width} Pixel Breite gebracht; jedes Bild wird allein aus seinen Pixeln neu gespeichert, sodass Kameradaten (eine GPS-Position, eine Seriennummer) nicht erhalten bleiben. SVG wird nicht angenommen: Es kann Skripte enthalten.
cm-media-upload-title = Ein Bild hochladen
cm-media-image = Bild
cm-media-drop = (oder auf dieses Feld ziehen)
cm-media-upload = Hochladen
cm-media-images = Bilder
cm-media-from = (aus {$width} × {$height})
cm-media-address-of = Adresse von {$name}
cm-media-alt = Name (Alternativtext)
cm-media-rename = Umbenennen
cm-media-delete-confirm = Dieses Bild löschen? Bereits versendete E-Mails laden es von hier.
cm-media-empty = Noch keine Bilder. Laden Sie oben eines hoch und fügen Sie es dann im Editor einer Kampagne mit „{$button}“ ein.
cm-media-by-token = ein API-Token

# Anmeldeformulare (forms.html, form_edit.html)
cm-notice-form-created = Das Formular ist angelegt. Kopieren Sie das Snippet unten oder verlinken Sie die gehostete Seite.
cm-notice-form-saved = Das Formular ist gespeichert.
cm-notice-form-deleted = Das Formular ist gelöscht.
cm-forms-title = Anmeldeformulare
cm-forms-new = Neues Formular
cm-forms-intro = Ein Formular sammelt Anmeldungen auf einer von diesem Server gehosteten Seite oder, als HTML-Snippet, auf Ihrer eigenen Website. Mit Double-Opt-in bestätigt die Person per E-Mail, bevor ihr irgendetwas zugesendet wird; die Einwilligung wird mit dem genauen angezeigten Wortlaut festgehalten.
cm-forms-form = Formular
cm-forms-submissions = Einsendungen
cm-forms-confirmed = Bestätigt
cm-forms-pending = Unbestätigt
cm-forms-options = Optionen
cm-forms-double-opt-in = Double-Opt-in
cm-forms-single-opt-in = Single-Opt-in
cm-forms-proof-of-work = Rechenaufgabe
cm-forms-empty = Noch keine Formulare. Legen Sie das erste an: Wählen Sie, was abgefragt wird, in welche Listen die Personen kommen und für welche Zwecke um Einwilligung gebeten wird.
cm-form-new-title = Neues Anmeldeformular
cm-form-submissions = Einsendungen
cm-form-confirmed = bestätigt
cm-form-pending = warten auf Bestätigung
cm-form-where = Wo sich Personen anmelden
cm-form-hosted = Gehostete Seite:
cm-form-snippet = HTML-Snippet für Ihre Website
cm-form-snippet-hint = Markieren Sie den ganzen Text (in das Feld klicken, dann Strg+A oder ⌘A), kopieren Sie ihn und fügen Sie ihn in das HTML Ihrer Seite ein. Es ist ein einfaches Formular: Es braucht kein Skript. Wenn Sie den Wortlaut eines Zwecks später ändern, kopieren Sie das Snippet erneut: Personen stimmen dem Text zu, den ihre Seite zeigt, und genau diese Fassung hält das Einwilligungsprotokoll fest.
cm-form-snippet-hint-pow = Markieren Sie den ganzen Text (in das Feld klicken, dann Strg+A oder ⌘A), kopieren Sie ihn und fügen Sie ihn in das HTML Ihrer Seite ein. Es ist ein einfaches Formular: Es braucht kein Skript außer der Prüfung per Rechenaufgabe, die von diesem Server geladen wird. Wenn Sie den Wortlaut eines Zwecks später ändern, kopieren Sie das Snippet erneut: Personen stimmen dem Text zu, den ihre Seite zeigt, und genau diese Fassung hält das Einwilligungsprotokoll fest.
cm-form-name-hint = (nur für diese Übersicht)
cm-form-heading = Überschrift auf der Seite
cm-form-intro = Einleitung
cm-form-optional = (optional)
cm-form-fields = Abgefragte Felder
cm-form-email-always = E-Mail-Adresse (immer)
cm-form-first-name = Vorname
cm-form-last-name = Nachname
cm-field-kind-text = Text
cm-field-kind-number = Zahl
cm-field-kind-date = Datum
cm-field-kind-boolean = Ja / Nein
cm-field-kind-choice = Einfachauswahl
cm-field-kind-multi = Mehrfachauswahl
cm-form-lists = Listen, in die Personen nach ihrer Bestätigung aufgenommen werden
cm-form-consent = Einwilligungen, um die gebeten wird
cm-form-consent-hint = Jeder Zweck erscheint als nicht angekreuztes Kästchen mit genau diesem Text; die angezeigte Fassung wird im Einwilligungsprotokoll festgehalten.
cm-form-wording-version = (Wortlaut v{$version})
cm-form-wording-quoted = „{$wording}“
cm-form-required = für eine Anmeldung anzukreuzen
cm-form-required-hint = (ohne das Kreuz wird das Formular abgelehnt und nennt den Grund)
cm-form-double-opt-in = Double-Opt-in: einen Bestätigungslink senden ({$hours} Stunden gültig); Anmeldungen, die nicht innerhalb von {$days} Tagen bestätigt werden, werden entfernt
cm-form-proof-of-work = Schutz durch Rechenaufgabe: Der Browser löst vor dem Absenden eine kleine Aufgabe (braucht JavaScript; kein CAPTCHA eines Drittanbieters)
cm-form-thank-you = Danketext nach dem Absenden
cm-form-redirect = Stattdessen weiterleiten zu
cm-form-redirect-hint = (optional: eine https://-Adresse oder ein Pfad auf dieser Website)
cm-form-create = Formular anlegen
cm-form-save = Formular speichern
cm-form-languages-intro = Besucher erhalten das Formular in ihrer Sprache: der, die sie auf der Seite wählen, sonst der ihres Browsers, sonst der unten festgelegten Sprache des Formulars. Beschriftungen, Schaltflächen und Meldungen übersetzt Tidings; Überschrift, Einleitung und Danketext stammen von Ihnen – geben Sie sie pro Sprache an (leer: der Text oben erscheint). Einwilligungstexte gehören zu jedem Zweck, unter Felder & Zwecke.
cm-form-own-language = Die Sprache des Formulars
cm-form-shop-language = die Sprache des Shops (Einstellungen)
cm-form-texts-given = Texte vorhanden
cm-form-heading-in = Überschrift ({$language})
cm-form-intro-in = Einleitung ({$language})
cm-form-thank-you-in = Danketext ({$language})
cm-form-save-languages = Sprachen speichern
cm-form-delete-confirm = Das Formular „{$name}“ löschen? Seine gehostete Seite und seine Bestätigungslinks funktionieren dann nicht mehr; bereits eingegangene Einsendungen bleiben als Nachweis der Einwilligung bei ihren Kontakten.
cm-form-delete = Formular löschen
# Überschrift und Danketext eines neuen Formulars, in der Sprache des Shops: Besucher lesen sie.
cm-form-default-title = Abonnieren Sie unseren Newsletter
cm-form-default-thank-you = Vielen Dank. Bitte sehen Sie in Ihrem Posteingang nach: Wir haben Ihnen einen Link geschickt, mit dem Sie Ihre Anmeldung bestätigen.

# Letzte Aktivitäten auf der Übersicht: jede Protokollaktion in Worten (verlinkt auf das danach gefilterte Protokoll)
cm-action-auth-login = Angemeldet
cm-action-auth-login-failed = Anmeldung fehlgeschlagen
cm-action-auth-second-factor-failed = Zweiter Faktor fehlgeschlagen
cm-action-auth-lockout = Gesperrt
cm-action-auth-unlock = Entsperrt
cm-action-auth-logout = Abgemeldet
cm-action-auth-sessions-revoked = Andere Sitzungen abgemeldet
cm-action-auth-password-changed = Passwort geändert
cm-action-auth-password-reset = Passwort zurückgesetzt
cm-action-auth-totp-enrolled = Zwei-Faktor-Authentifizierung eingeschaltet
cm-action-auth-totp-disabled = Zwei-Faktor-Authentifizierung ausgeschaltet
cm-action-auth-recovery-code-used = Wiederherstellungscode verwendet
cm-action-auth-recovery-codes-regenerated = Neue Wiederherstellungscodes erstellt
cm-action-user-created = Benutzer angelegt
cm-action-user-role-changed = Rolle geändert
cm-action-user-disabled = Benutzer deaktiviert
cm-action-user-enabled = Benutzer aktiviert
cm-action-token-created = API-Token erstellt
cm-action-token-revoked = API-Token widerrufen
cm-action-settings-changed = Einstellungen geändert
cm-action-backup-created = Sicherung erstellt
cm-action-backup-restored = Sicherung wiederhergestellt
cm-action-system-started = Server gestartet
cm-action-contact-created = Kontakt angelegt
cm-action-contact-updated = Kontakt geändert
cm-action-contact-deleted = Kontakt gelöscht
cm-action-contact-merged = Kontakte zusammengeführt
cm-action-contact-unmasked = Kontakt unmaskiert angezeigt
cm-action-contact-consent-recorded = Einwilligung erfasst
cm-action-contacts-exported = Kontakte exportiert
cm-action-contacts-imported = Kontakte importiert
cm-action-contacts-bulk-upserted = Kontakte gesammelt angelegt oder aktualisiert
cm-action-contacts-bulk-action = Sammelaktion für Kontakte
cm-action-field-created = Feld angelegt
cm-action-field-changed = Feld geändert
cm-action-field-deleted = Feld gelöscht
cm-action-purpose-created = Zweck angelegt
cm-action-purpose-changed = Zweck geändert
cm-action-list-created = Liste angelegt
cm-action-list-changed = Liste geändert
cm-action-list-deleted = Liste gelöscht
cm-action-saved-search-saved = Suche gespeichert
cm-action-saved-search-deleted = Gespeicherte Suche gelöscht
cm-action-search-reindexed = Suchindex neu aufgebaut
cm-action-mail-test-sent = Testmail versendet
cm-action-contact-status-changed = Kontaktstatus geändert
cm-action-campaign-created = Kampagne angelegt
cm-action-campaign-changed = Kampagne geändert
cm-action-campaign-scheduled = Kampagne geplant
cm-action-campaign-started = Versand der Kampagne begonnen
cm-action-campaign-paused = Kampagne angehalten
cm-action-campaign-resumed = Kampagne fortgesetzt
cm-action-campaign-cancelled = Kampagne abgebrochen
cm-action-campaign-finished = Kampagne abgeschlossen
cm-action-template-saved = Vorlage gespeichert
cm-action-template-deleted = Vorlage gelöscht
cm-action-form-created = Formular angelegt
cm-action-form-changed = Formular geändert
cm-action-form-deleted = Formular gelöscht
cm-action-message-queued = Nachricht eingereiht
cm-action-request-created = Datenschutzanfrage erfasst
cm-action-request-changed = Datenschutzanfrage aktualisiert
cm-action-request-archive-produced = Datenarchiv erstellt
cm-action-contact-erased = Person gelöscht
cm-action-contact-restricted = Verarbeitung eingeschränkt
cm-action-contact-restriction-lifted = Einschränkung aufgehoben
cm-action-retention-run = Aufbewahrung angewandt
cm-action-retention-policy-changed = Aufbewahrungsfristen geändert
cm-action-breach-recorded = Datenpanne erfasst
cm-action-breach-assessed = Datenpanne bewertet
cm-action-breach-changed = Datenpanne aktualisiert
cm-action-breach-notice-queued = Benachrichtigung über Datenpanne eingereiht
cm-action-media-uploaded = Bild hochgeladen
cm-action-media-changed = Bild umbenannt
cm-action-media-deleted = Bild gelöscht

## Privacy: requests, breaches, retention, records and the audit log
# (messages of these pages go below this line, above the next heading)

## Sign-in, users, tokens and settings
# (messages of these pages go below this line, above the next heading)
