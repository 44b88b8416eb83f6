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
campaign-state-testing = Wartet auf die A/B-Siegervariante

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
contacts-saved-none = Noch keine. Wählen Sie Filter (Status, Tag, Liste, Einwilligung, Interaktion, Segment) und speichern Sie sie hier, um darauf zurückzukommen oder eine Kampagne an alle zu senden, auf die sie zum Zeitpunkt des Versands zutreffen.
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
c-saved-delete-confirm = Die gespeicherte Suche „{$name}“ löschen?
c-saved-delete = Gespeicherte Suche {$name} löschen
c-results-count = Seite {$page} von {$pages} · { $count ->
    [one] {$total} Kontakt
   *[other] {$total} Kontakte
}
c-results-matching = Seite {$page} von {$pages} · { $count ->
    [one] {$total} Treffer
   *[other] {$total} Treffer
}
c-results-region = Gefundene Kontakte
c-select-page = Alle auf dieser Seite auswählen
c-select-one = {$email} auswählen
c-pages = Seiten
c-first-page = Erste Seite
c-prev-page = Vorherige Seite
c-next-page = Nächste Seite
c-last-page = Letzte Seite
c-no-match = Keine Kontakte passen zu dieser Suche.
c-show-all = Alle Kontakte anzeigen
c-empty-title = Noch keine Kontakte
c-empty-intro = Legen Sie Ihren ersten Kontakt von Hand an oder übernehmen Sie eine vorhandene Liste aus einer CSV-Datei (aus Ihrem Shop, einer Tabellenkalkulation oder einem anderen Newsletter-Programm).
c-empty-import = CSV-Datei importieren
c-empty-readonly = Kontakte erscheinen hier, sobald jemand mit dem Recht zum Bearbeiten von Kontakten sie anlegt oder importiert.
c-choose = auswählen …
c-bulk-actions = Sammelaktionen
c-bulk-none = Markieren Sie Kontakte, um sie zu bearbeiten
c-bulk-selected = { $count ->
    [one] {$count} ausgewählt
   *[other] {$count} ausgewählt
}
c-bulk-all-selected = Alle {$total} Treffer ausgewählt
c-bulk-select-all = Alle {$total} Treffer dieser Suche auswählen
c-bulk-action = Aktion
c-bulk-apply = Ausführen
c-bulk-add-tag = Tag hinzufügen
c-bulk-remove-tag = Tag entfernen
c-bulk-add-to-list = Zur Liste hinzufügen
c-bulk-remove-from-list = Aus der Liste entfernen
c-bulk-export = Exportieren (CSV)
c-bulk-delete = Löschen
c-bulk-doing-add-tag = Tag „{$tag}“ hinzufügen
c-bulk-doing-remove-tag = Tag „{$tag}“ entfernen
c-bulk-doing-add-to-list = Zur Liste „{$list}“ hinzufügen
c-bulk-doing-remove-from-list = Aus der Liste „{$list}“ entfernen
c-bulk-doing-delete-suppress = Löschen (Adressen bleiben auf der Sperrliste)
c-bulk-doing-delete = Löschen
c-bulk-too-many = Wählen Sie höchstens {$max} Kontakte oder alle Treffer.
c-bulk-not-a-contact = Eine der markierten Zeilen ist kein Kontakt.
c-bulk-none-ticked = Markieren Sie mindestens einen Kontakt oder wählen Sie alle Treffer.
c-scope-matching = alle Treffer: {$filters}
c-scope-selected = { $count ->
    [one] {$count} ausgewählter Kontakt
   *[other] {$count} ausgewählte Kontakte
}
c-describe-words = Suchbegriffe
c-describe-tag = Tag {$tag}
c-describe-list = Liste {$list}
c-describe-granted = Einwilligung {$purpose} erteilt
c-describe-withdrawn = Einwilligung {$purpose} widerrufen
c-describe-every = alle Kontakte
c-engagement-opened = in den letzten 30 Tagen geöffnet
c-engagement-clicked = in den letzten 30 Tagen geklickt
c-engagement-not-opened = seit 90 Tagen nicht geöffnet (oder nie)
c-engagement-inactive = seit 180 Tagen keine Aktivität (oder nie)
c-engagement-buyers = mindestens eine Bestellung
c-status-pending = Bestätigung ausstehend
c-status-subscribed = Angemeldet
c-status-unsubscribed = Abgemeldet
c-status-bounced = Unzustellbar
c-status-complained = Als Spam gemeldet
c-status-word-pending = unbestätigt
c-status-word-subscribed = angemeldet
c-status-word-unsubscribed = abgemeldet
c-status-word-bounced = unzustellbar
c-status-word-complained = als Spam gemeldet
c-source-form = Formular
c-source-import = Import
c-source-api = API
c-source-admin = Verwaltung
c-field-email = E-Mail
c-field-name = Name
c-field-first-name = Vorname
c-field-last-name = Nachname
c-field-phone = Telefon
c-field-locale = Sprache
c-field-time-zone = Zeitzone
c-field-status = Status
c-field-tags = Tags
c-field-lists = Listen
c-field-source = Quelle
c-field-added = Hinzugefügt
c-field-changed = Geändert
c-yes = ja
c-no = nein
c-edit = Bearbeiten
c-merge-with = Mit einem anderen Kontakt zusammenführen
c-register-request = Datenschutzanfrage erfassen
c-restricted = Verarbeitung eingeschränkt
c-restricted-since = seit {$since} (Art. 18): keine E-Mails, kein Tracking, in keinem Export.
c-see-request = Zur Anfrage
c-unmasked = Einmalig unmaskiert angezeigt. Ihre Begründung ist im Protokoll festgehalten; beim Neuladen der Seite ist wieder alles maskiert.
c-masked-title = Personenbezogene Daten sind maskiert
c-masked-role = Ihre Rolle sieht Namen, Adressen und Telefonnummern maskiert.
c-masked-why = Wenn Sie die Daten dieses Kontakts für Ihre Arbeit brauchen, nennen Sie den Grund: Er wird im Protokoll festgehalten.
c-reason = Begründung
c-reason-placeholder = z. B. Ticket 4711: Die Person hat nach ihrem Abonnement gefragt
c-unmask = Kontakt unmaskiert anzeigen
c-profile = Profil
c-merged = Zusammengeführt
c-merged-count = { $count ->
    [one] {$count} anderer Kontakt wurde in diesen übernommen
   *[other] {$count} andere Kontakte wurden in diesen übernommen
}
c-custom-fields = Eigene Felder
c-consent-region = Einwilligung je Zweck
c-purpose = Zweck
c-basis = Rechtsgrundlage
c-state = Stand
c-since = Seit
c-granted = erteilt
c-withdrawn = widerrufen
c-not-asked = nicht erfragt
c-no-purposes = Es sind keine Zwecke erfasst.
c-record-consent = Erteilung oder Widerruf festhalten
c-person-has = Die Person hat
c-granted-consent = eingewilligt
c-withdrawn-consent = ihre Einwilligung widerrufen
c-note = Notiz
c-note-hint = wie und wo, z. B. „telefonisch, 23. Nov., Anruf-Nr. 118“
c-record = Festhalten
c-ledger = Einwilligungsprotokoll
c-ledger-intro = Jede Erteilung und jeder Widerruf, wie festgehalten; Einträge werden nie geändert oder entfernt (außer durch Löschung des ganzen Kontakts).
c-when-utc = Wann (UTC)
c-through = Über
c-wording = Wortlaut
c-network = Netzwerk
c-browser = Browser
c-version = Version {$version}
c-masked = maskiert
c-nothing-recorded = Noch nichts festgehalten.
c-timeline = Verlauf
c-timeline-intro = Neueste zuerst: Änderungen, Einwilligungen, versendete E-Mails und was der Kontakt getan hat, wo er der Messung zugestimmt hat (Öffnungen, Klicks, Seitenaufrufe, Shop-Ereignisse, Bestellungen).
c-timeline-masked = Solange personenbezogene Daten maskiert sind, erscheinen Adressen ohne ihre Parameter; Eigenschaften von Ereignissen und der Browser erscheinen gar nicht.
c-timeline-newest = Zurück zu den neuesten Einträgen
c-timeline-by = durch {$actor}
c-timeline-older = Ältere Einträge anzeigen
c-delete = Löschen
c-delete-intro = Das Löschen entfernt den Kontakt überall im Speicher: Profil, Einwilligungsprotokoll, Verlauf und Suchindex.
c-delete-confirm = Diesen Kontakt mit Einwilligungsprotokoll und Verlauf löschen? Das lässt sich nicht rückgängig machen.
c-keep-suppression = Einen Sperreintrag behalten, damit diese Adresse nicht erneut importiert werden kann
c-keep-suppression-hint = ein Hash mit geheimem Schlüssel, nicht die Adresse
c-delete-contact = Kontakt löschen
c-via-form = Formular {$form}
c-via-import = Import {$import}
c-via-token = API-Token {$token}
c-via-admin = Verwaltungsbenutzer {$user}
c-via-merge = übernommen aus Kontakt {$contact}
c-via-unsubscribe-page = die Person, auf der Abmeldeseite
c-via-preferences-page = die Person, im Präferenzcenter
c-via-subject = die Person, auf der Seite „{$page}“
c-tl-consent-granted = Einwilligung in „{$purpose}“ erteilt
c-tl-consent-withdrawn = Einwilligung in „{$purpose}“ widerrufen
c-tl-changed = Geändert: {$fields}
c-tl-merged = Zusammengeführt: {$detail}
c-tl-unmasked = Personenbezogene Daten einer Person mit maskierter Sicht gezeigt
c-tl-status = Status von „{$from}“ zu „{$to}“ geändert
c-tl-status-why = Status von „{$from}“ zu „{$to}“ geändert ({$why})
c-tl-status-other = Status geändert ({$detail})
c-history-by-person-preferences = durch die Person, im Präferenzcenter
c-history-bulk = Sammelaktion {$job}
c-history-merged = Kontakt {$contact} in diesen übernommen
c-tl-campaign-sent = Versendet: Kampagne „{$campaign}“
c-tl-campaign-queued = Eingereiht: Kampagne „{$campaign}“
c-tl-campaign-retry = Wartet auf neuen Versuch: Kampagne „{$campaign}“
c-tl-campaign-waiting = Wartet auf die beste Stunde: Kampagne „{$campaign}“
c-tl-campaign-failed = Nicht zugestellt: Kampagne „{$campaign}“
c-tl-campaign-skipped = Ausgelassen: Kampagne „{$campaign}“
c-tl-message = Nachricht „{$template}“ ({$state})
c-tl-journey-message = Nachricht der Journey „{ $journey }“, Schritt { $step } ({ $state })
c-slot-queued = eingereiht
c-slot-retry = neuer Versuch
c-slot-waiting = wartet auf die beste Stunde
c-sendtime-title = Beste Stunde für den Versand
c-sendtime-learned = Meist aktiv {$days} {$from}–{$to} Uhr ({$within} von {$total} Signalen; Zeiten in {$zone}).
c-sendtime-shop-peak = Zu wenige Signale ({$signals}): die belebteste Stunde des Shops, {$day} {$hour} Uhr ({$zone}).
c-sendtime-no-data = Zu wenige Signale ({$signals}), und noch keine im Shop: der Beginn des Zeitfensters.
c-sendtime-objected = Hat dem Profiling widersprochen: keine (E-Mails gehen zu Beginn des Zeitfensters).
c-sendtime-restricted = Verarbeitung eingeschränkt: keine.
c-slot-sent = versendet
c-slot-failed = fehlgeschlagen
c-slot-skipped = ausgelassen
c-note-smtp = SMTP {$code}
c-note-network = das Relay war nicht erreichbar
c-note-erased = Kontakt gelöscht
c-note-not-subscribed = nicht mehr angemeldet
c-note-suppressed = Adresse gesperrt
c-note-no-consent = keine Einwilligung in den Zweck
c-note-render-failed = die Vorlage ist für diesen Kontakt fehlgeschlagen
c-note-error = die Nachricht konnte nicht vorbereitet werden (siehe Server-Log)
c-note-restricted = Verarbeitung eingeschränkt (Art. 18)
c-actor-sender = den Versand
c-tl-hard-bounce = Hardbounce
c-tl-soft-bounce = Softbounce
c-tl-complaint = Spam-Beschwerde
c-tl-created = Angelegt (Quelle: {$source})
c-ev-query-masked = {$address} (Parameter maskiert)
c-ev-masked = (maskiert)
c-ev-campaign = Kampagne „{$name}“
c-ev-message = Nachricht „{$name}“
c-ev-deleted-campaign = gelöschte Kampagne
c-ev-gone-mailing = nicht mehr vorhandene Sendung
c-ev-a-message = Nachricht
c-ev-by-pixel = das Öffnungspixel
c-ev-by-click = einen verfolgten Link
c-ev-by-tracker = den Website-Tracker
c-ev-by-api = die Ereignis-API
c-ev-by-tracking = Tracking
c-ev-opened = Geöffnet: {$mailing}
c-ev-opened-machine = Maschinell geöffnet: {$mailing}
c-ev-clicked = Link geklickt ({$mailing})
c-ev-fetched-machine = Link maschinell abgerufen ({$mailing})
c-ev-page-view = Seite aufgerufen
c-ev-custom = Ereignis {$name}
c-ev-unnamed = (ohne Namen)
c-ev-item = {$quantity} × {$item} zu {$price}
c-ev-attributed = zugeordnet: {$mailing}
c-ev-order = Bestellung über {$amount}
c-ev-machine = als Maschine erkannt ({$why}); zählt nicht als Öffnung oder Klick einer Person
c-ev-machine-head = HEAD-Anfrage (ein Linkprüfer)
c-ev-machine-no-agent = kein User-Agent
c-ev-machine-apple = Proxy von Apple Mail Privacy Protection
c-ev-machine-bot = User-Agent eines Scanners oder Bots
c-ev-machine-fast = Sekunden nach der Zustellung (ein Linkscanner)
c-ev-machine-scanner = Linkscanner
c-ev-referrer = kam von {$address}
c-ev-properties-hidden = Eigenschaften ausgeblendet, solange personenbezogene Daten maskiert sind
c-back-to-contact = Zurück zum Kontakt
c-back-to-contacts = Zurück zu den Kontakten
c-save = Speichern
c-cancel = Abbrechen
c-form-edit-title = {$email} bearbeiten
c-form-not-saved = Der Kontakt wurde nicht gespeichert: { $count ->
    [one] {$count} Feld muss geändert werden.
   *[other] {$count} Felder müssen geändert werden.
}
c-form-phone-region = mit Ländervorwahl oder als Nummer aus {$region}
c-form-phone-hint = mit Ländervorwahl, z. B. +49 30 1234567
c-form-locale-hint = z. B. en, de-AT
c-form-time-zone-hint = z. B. Europe/Berlin
c-form-date-hint = JJJJ-MM-TT
c-form-tags-hint = durch Kommas getrennt
c-form-no-lists = Es gibt noch keine Listen;
c-form-create-list = legen Sie eine an
c-form-create-list-end = , um Kontakte daraufzusetzen.
c-form-add = Kontakt anlegen
c-merge-title = Kontakte zusammenführen
c-merge-into = In {$name} zusammenführen
c-merge-intro = Beim Zusammenführen wird ein anderer Kontakt in diesen übernommen: Sie wählen Feld für Feld, welcher Wert bleibt; Tags und Listen werden vereinigt; Einwilligungsprotokoll und Verlauf des anderen Kontakts werden mit ihren ursprünglichen Zeitpunkten und Wortlauten hierher kopiert; danach wird der andere Kontakt gelöscht, und seine alte Adresse (sein Link) führt hierher.
c-merge-find = 1. Den anderen Kontakt finden
c-merge-find-label = Kontakt zum Zusammenführen finden
c-merge-email-or-name = E-Mail oder Name
c-merge-same = Das ist dieser Kontakt: Wählen Sie einen anderen.
c-choose-button = Auswählen
c-merge-none = Kein anderer Kontakt passt zu „{$q}“. Suchen Sie nach dem Anfang einer E-Mail-Adresse oder eines Namens.
c-merge-choose = 2. Die Werte wählen, die bleiben
c-merge-this = Dieser Kontakt
c-merge-stays = bleibt;
c-merge-goes = wird in ihn übernommen und gelöscht.
c-merge-keep-other = Stattdessen {$email} behalten
c-merge-another = Anderen Kontakt wählen
c-merge-confirm = {$other} in {$survivor} zusammenführen? {$other} wird danach gelöscht.
c-merge-values = Werte beider Kontakte
c-merge-field = Feld
c-merge-this-stays = Dieser Kontakt (bleibt)
c-merge-other-in = {$email} (wird übernommen)
c-merge-of-this = {$label} dieses Kontakts:
c-merge-of-other = {$label} von {$email}:
c-empty = leer
c-merge-same-value = gleich
c-merge-combined = beide vereinigt
c-bulk-page-title = Kontakte: Sammelaktion
c-bulk-heading = Sammelaktion
c-progress = Fortschritt
c-bulk-of = {$done} von {$total}
c-bulk-running = In Arbeit … diese Seite aktualisiert sich von selbst.
c-bulk-done = Fertig: {$done} von {$total} Kontakten durchgegangen, {$changed} geändert.
c-bulk-interrupted = Unterbrochen nach {$done} von {$total} Kontakten (der Server wurde beendet). Das Erledigte bleibt; führen Sie dieselbe Aktion noch einmal aus, um sie abzuschließen.
c-bulk-stopped = Abgebrochen nach {$done} von {$total} Kontakten: {$message}
c-bulk-delete-title = { $count ->
    [one] {$n} Kontakt löschen?
   *[other] {$n} Kontakte löschen?
}
c-bulk-delete-intro = { $count ->
    [one] Damit wird {$n} Kontakt ({$scope}) überall gelöscht: Datensätze, Einwilligungsprotokoll, Verlauf und Suche. Das lässt sich nicht rückgängig machen.
   *[other] Damit werden {$n} Kontakte ({$scope}) überall gelöscht: Datensätze, Einwilligungsprotokoll, Verlauf und Suche. Das lässt sich nicht rückgängig machen.
}
c-bulk-keep-suppressed = Die Adressen auf der Sperrliste behalten, damit ein Import sie nicht zurückbringt
c-bulk-delete-button = { $count ->
    [one] {$n} Kontakt löschen
   *[other] {$n} Kontakte löschen
}
c-key = Schlüssel
c-created = Angelegt
c-actions = Aktionen
c-description = Beschreibung
c-optional = optional
c-lists-intro = Listen fassen Kontakte für den Versand zusammen; ein Kontakt kann auf mehreren stehen. Setzen Sie Kontakte über ihr Formular oder über eine Spalte beim CSV-Import auf eine Liste.
c-lists-preferences = Das Präferenzcenter (in jeder E-Mail verlinkt) zeigt jeder Person die Listen, auf denen sie steht, damit sie sie verlassen kann; einer Liste, die allen angeboten wird, kann man dort auch beitreten.
c-lists-in-preferences = Im Präferenzcenter
c-lists-rename = Umbenennen oder beschreiben
c-lists-key = Der Schlüssel
c-lists-key-stays = bleibt: Kontakte, Kampagnen, Formulare und Importe funktionieren weiter.
c-lists-members = Kontakte auf {$name}
c-lists-offered = Allen angeboten
c-lists-members-only = Nur Mitglieder
c-lists-hide = Nur Mitgliedern zeigen
c-lists-offer = Allen anbieten
c-lists-delete-confirm = Die Liste „{$name}“ löschen? { $count ->
    [one] 1 Kontakt wird
   *[other] {$count} Kontakte werden
} daraus entfernt; die Kontakte selbst bleiben.
c-lists-none = Noch keine Listen.
c-lists-none-create = Legen Sie unten die erste an, zum Beispiel „Newsletter“ oder „Kunden“.
c-lists-create = Liste anlegen
c-lists-create-button = Liste anlegen
c-import-title = Kontakte importieren
c-import-upload = 1. CSV-Datei hochladen
c-import-formats = UTF-8 (mit oder ohne BOM), getrennt durch Komma, Semikolon, Tabulator oder senkrechten Strich, mit oder ohne Kopfzeile. Hier bis {$mb} MiB; größere Dateien importieren Sie mit
c-import-formats-end = auf dem Server.
c-import-next = Danach ordnen Sie die Spalten zu, legen fest, was mit bereits vorhandenen Kontakten geschieht, und geben an, auf welcher Rechtsgrundlage Sie die Daten halten.
c-import-file = CSV-Datei
c-import-upload-button = Hochladen und Vorschau zeigen
c-import-recent = Letzte Importe
c-import-started = Begonnen
c-import-file-col = Datei
c-import-rows = Zeilen
c-import-updated = Aktualisiert
c-import-suppressed = Gesperrt
c-import-bad-rows = Fehlerhafte Zeilen
c-import-state-done = fertig
c-import-state-running = läuft
c-import-state-interrupted = unterbrochen
c-import-state-failed = fehlgeschlagen
c-import-none = Noch keine Importe. Laden Sie oben eine Datei hoch, um viele Kontakte auf einmal hinzuzufügen.
c-import-too-big = Die Datei ist größer als {$mb} MiB. Importieren Sie sie stattdessen mit `tidings import` auf dem Server.
c-import-no-file = Wählen Sie eine CSV-Datei zum Hochladen.
c-import-unknown-field = unbekanntes Feld {$field}
c-import-map-title = Spalten zuordnen – Import
c-import-of = „{$file}“ importieren
c-import-map = 2. Spalten zuordnen
c-import-separated = {$size}, getrennt durch
c-import-tab = Tabulator
c-import-preview = . Unten: die ersten {$rows} Zeilen. Spalten auf „Ignorieren“ werden nicht importiert.
c-import-header-row = Die erste Zeile enthält die Spaltennamen
c-import-mapping = Spaltenzuordnung und Vorschau
c-import-column = Spalte
c-import-as = Importieren als
c-import-first-values = Erste Werte
c-import-column-as = „{$header}“ importieren als
c-import-ignore = Ignorieren
c-import-custom = {$label} (eigenes Feld)
c-import-existing = 3. Bereits vorhandene Kontakte
c-import-matched = Erkannt an der E-Mail-Adresse
c-policy-overwrite = Vorhandene Werte überschreiben
c-policy-fill-blanks = Nur leere Felder füllen
c-policy-skip-existing = Vorhandene Kontakte überspringen
c-import-dates = Datumsangaben in der Datei
c-import-dates-iso = Jahr zuerst: 2026-12-24
c-import-dates-dmy = Tag zuerst: 24.12.2026 oder 24/12/2026
c-import-keep-rows = Eine Zeile behalten, deren optionales Feld nicht lesbar ist: dieses Feld leer lassen und im Bericht aufführen (sonst wird die ganze Zeile abgelehnt)
c-import-tags = Diese Tags jedem importierten Kontakt hinzufügen (durch Kommas getrennt)
c-import-lists = Jeden importierten Kontakt aufnehmen in
c-import-basis = 4. Rechtsgrundlage
c-import-basis-intro = Tidings hält fest, warum Sie diese Kontakte speichern dürfen. Ohne diese Angabe beginnt der Import nicht.
c-import-these-people = Diese Personen …
c-import-consented = haben in einen Zweck eingewilligt
c-import-purposes = Zwecke, in die sie eingewilligt haben, und der Nachweis für jeden
c-import-collected = Wo und wann wurde die Einwilligung in „{$purpose}“ eingeholt?
c-import-collected-placeholder = z. B. Newsletter-Kästchen an der Kasse auf shop.example, 2024–2026
c-import-no-consent-purpose = Noch beruht kein Zweck auf Einwilligung: Legen Sie einen unter „Zwecke“ an.
c-import-other-basis = Bei einer anderen Rechtsgrundlage: Worauf beruht sie?
c-import-other-placeholder = z. B. Kunden mit einer Bestellung in den letzten 2 Jahren
c-import-start = Import starten
c-import-title-file = Import {$file}
c-import-all = Alle Importe
c-import-progress = Fortschritt des Imports
c-import-running = Import läuft … diese Seite aktualisiert sich von selbst.
c-import-done = Fertig.
c-import-interrupted = Unterbrochen.
c-import-failed = Fehlgeschlagen: {$message}
c-import-rows-read = Gelesene Zeilen
c-import-unchanged = Unverändert
c-import-skipped = Übersprungen (vorhanden)
c-import-suppressed-erased = Gesperrt (gelöschte Adressen)
c-import-summary = Rechtsgrundlage: {$basis}. Umgang mit vorhandenen Kontakten: {$policy}.
c-import-report = Bericht der fehlerhaften Zeilen herunterladen (CSV: Zeile, Spalte, Grund)
c-import-go = Zu den Kontakten
c-basis-consent = Einwilligung (Art. 6 Abs. 1 lit. a)
c-basis-contract = Vertrag (Art. 6 Abs. 1 lit. b)
c-basis-legitimate-interest = Berechtigtes Interesse (Art. 6 Abs. 1 lit. f)
c-basis-legal-obligation = Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c)
c-schema-tabs = Felder und Zwecke
c-fields-intro = Eigene Felder, die jeder Kontakt neben E-Mail, Name und Telefon haben kann: eine Kundennummer, ein Geburtstag, eine Lieblingsfiliale. Jedes Feld hat einen Typ, und jedes Formular, jeder Import und jeder API-Aufruf prüft die Werte daran.
c-fields = Felder
c-fields-label = Bezeichnung
c-fields-type = Typ
c-fields-options-or-length = Optionen oder Länge
c-fields-up-to = bis zu {$count} Zeichen
c-fields-delete-confirm = Das Feld „{$label}“ löschen? Seine Werte werden nicht mehr angezeigt oder exportiert und beim nächsten Speichern eines Kontakts aus ihm entfernt.
c-fields-none = Noch keine eigenen Felder. Legen Sie unten eines an; es erscheint dann im Formular jedes Kontakts und als Spalte für CSV-Importe.
c-fields-add = Feld hinzufügen
c-fields-label-hint = was angezeigt wird, z. B. „Kundennummer“
c-fields-key-hint = für die API und CSV-Spalten: Kleinbuchstaben, Ziffern und _, z. B. kunden_nr; später nicht änderbar
c-fields-fixed-later = später nicht änderbar
c-fields-options = Optionen
c-fields-options-hint = nur bei Einfach- und Mehrfachauswahl: eine pro Zeile
c-fields-max-len = Längster Wert in Zeichen
c-fields-max-len-hint = nur bei Text; leer für 255
c-fields-add-button = Feld hinzufügen
c-field-fixed = Schlüssel und Typ bleiben, wie sie sind: Gespeicherte Werte, Importe und API-Clients hängen davon ab. Um sie zu ändern, legen Sie ein neues Feld an.
c-field-options-hint = eine pro Zeile; Kontakte behalten einen Wert, der keine Option mehr ist, bis er geändert wird
c-kind-text = Text
c-kind-number = Zahl
c-kind-date = Datum
c-kind-boolean = Ja / Nein
c-kind-choice = Einfachauswahl
c-kind-multi-choice = Mehrfachauswahl
c-not-whole-number = „{$value}“ ist keine ganze Zahl
c-one-per-line = eine pro Zeile
c-purpose-wording = Wortlaut der Einwilligung
c-purpose-wording-hint = der genaue Text, dem Personen zustimmen; bei Einwilligung nötig; ein geänderter Text wird als neue Version gespeichert
c-purpose-categories = Datenkategorien
c-purpose-kept-days = Aufbewahrungsdauer (Tage)
c-purpose-kept = Aufbewahrung
c-purpose-recipients = Empfänger
c-purpose-recipients-hint = einer pro Zeile, z. B. „unser SMTP-Relay (Auftragsverarbeiter)“
c-purposes-intro = Das Verzeichnis, wofür Kontaktdaten verwendet werden (Art. 30 DSGVO): auf welcher Rechtsgrundlage, welche Datenkategorien, wie lange sie aufbewahrt werden und wer sie erhält. Zwecke, die auf Einwilligung beruhen, enthalten den genauen Text, dem Personen zustimmen; jede Änderung dieses Textes wird als neue Version aufbewahrt, und jede Einwilligung im Protokoll verweist auf die Version, die gezeigt wurde.
c-days = { $count ->
    [one] {$count} Tag
   *[other] {$count} Tage
}
c-none = keiner
c-purposes-add-first = Legen Sie unten den ersten an.
c-purposes-add = Zweck hinzufügen
c-purposes-not-added = Der Zweck wurde nicht angelegt; siehe die Meldung unten.
c-purposes-name-hint = z. B. „Produktempfehlungen“
c-purposes-key-hint = Kleinbuchstaben, Ziffern und _; später nicht änderbar
c-purposes-add-button = Zweck hinzufügen
c-purpose-current-wording = Aktueller Wortlaut
c-purpose-not-saved = Nicht gespeichert; siehe die Meldung unten.
c-purpose-languages = In anderen Sprachen
c-purpose-languages-intro = Personen lesen Formulare, das Präferenzcenter und das Portal in ihrer eigenen Sprache. Geben Sie den Namen in jeder Sprache an; eine Sprache ohne eigenen Namen zeigt den des Zwecks.
c-purpose-languages-consent = Personen lesen Formulare, das Präferenzcenter und das Portal in ihrer eigenen Sprache. Geben Sie den Namen und den Text, dem sie zustimmen, in jeder Sprache an; eine Sprache ohne eigene Fassung zeigt die des Zwecks. Jeder Text ist eine eigene Version des Wortlauts: Das Protokoll hält fest, welcher Version jede Person in welcher Sprache zugestimmt hat.
c-purpose-no-name = kein Name angegeben
c-purpose-text-version = Textversion {$version}
c-purpose-no-text = noch kein Text
c-purpose-outdated = älter als der aktuelle Text
c-purpose-name-in = Name ({$language})
c-purpose-text-in = Text der Einwilligung ({$language})
c-purpose-save-language = {$language} speichern
c-purpose-history = Versionen des Wortlauts
c-purpose-history-intro = Jede Version bleibt erhalten: Einwilligungen im Protokoll verweisen auf die Version, die bei ihrer Erteilung gezeigt wurde.
c-purpose-version-at = Version {$version}, {$at}
c-purpose-language-unknown = Sprache nicht erfasst
c-purpose-current = aktuell
c-purpose-no-wording = Noch kein Wortlaut.
c-purpose-no-wording-consent = Noch kein Wortlaut: Ein Zweck, der auf Einwilligung beruht, braucht einen.
c-ledger-merged = übernommen aus Kontakt {$contact}
c-history-before-merge = bei Kontakt {$contact} vor dem Zusammenführen
c-actor-system = das System
c-actor-cli = die Kommandozeile
c-actor-anonymous = eine anonyme Person
c-import-basis-consent = Einwilligung in „{$purpose}“, eingeholt: {$collected}
c-consent-choose-state = wählen Sie „eingewilligt“ oder „widerrufen“

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
# {$time} ist die verbleibende Zeit, die herunterzählt.
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
cm-prog-best-hour = Warten auf ihre beste Stunde (innerhalb von { $hours } Std.)
cm-prog-best-hour-next = die nächste um
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
cm-ed-send-time = Jedem Kontakt zu seiner besten Stunde innerhalb der nächsten … Stunden zustellen
cm-ed-send-time-hint = (1 bis 72; leer sendet allen sofort. Gewählt nach den Stunden, in denen ein Kontakt klickt, den Shop besucht und bestellt; wer dem Profiling widersprochen hat, erhält sie zu Beginn)
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
cm-ed-search-hint = (Wörter wie in der Kontaktsuche; grenzt die Listen, Tags und Segmente ein oder wählt allein für sich aus)
cm-ed-saved-search = Gespeicherte Suche
# {$link} ist ein Link mit dem Text von cm-ed-saved-search-link.
cm-ed-saved-search-hint = (grenzt die Listen, Tags und Segmente ein oder wählt allein für sich aus; {$link})
cm-ed-saved-search-link = auf der Kontaktseite eine speichern
cm-ed-saved-search-none = keine
cm-ed-audience-count = Angemeldete Kontakte mit Einwilligung, die sie jetzt erhalten würden: {$count} (jeder einmal; wer sich vor dem Versand abmeldet oder die Einwilligung widerruft, wird ausgelassen).
cm-ed-audience-uncountable = Die Zielgruppe lässt sich so nicht zählen.
cm-ed-audience-choose = Wählen Sie Listen, Tags, Segmente, eine Suche oder eine gespeicherte Suche.
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
cm-action-segment-saved = Segment gespeichert
cm-action-segment-deleted = Segment gelöscht

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
gdpr-store-change-feed = das Änderungsprotokoll: was sich bei wem wann geändert hat, bis jeder Leser es verarbeitet hat
gdpr-store-clock-index = die Zeitgeber der dauerhaften Uhr nach Art und Schlüssel
gdpr-store-segment-members = welche Kontakte jedes Segment gerade enthält, und seit wann
gdpr-store-segment-member-of = zu welchen Segmenten ein Kontakt gehört
gdpr-store-segment-log = wann ein Kontakt in ein Segment kam oder es verließ
gdpr-store-journey-runs = wo jeder Kontakt in den Journeys steht, die er durchläuft
gdpr-store-journey-entries = wann ein Kontakt zuletzt in jede Journey eingetreten ist
gdpr-store-journey-log = was jeder Schritt einer Journey für einen Kontakt getan hat, und warum
gdpr-store-search-index = der Volltextindex der Kontakte in data_dir/search (abgeleitet aus dem Kontaktspeicher)
gdpr-store-bounces = Bounces und Beschwerden je Kontakt: Art, SMTP-Status, Diagnose, Quelle, Kampagne, Zeitpunkt
gdpr-store-bounce-recent = zu welchen Kontakten die neuesten Bounces und Beschwerden gehören (für die Einstellungsseite)
# Categories of personal data, as the registry and the shipped purposes name them
gdpr-category-actions-taken = ausgeführte Aktionen
gdpr-category-admin-user-ids = IDs von Verwaltungsbenutzern
gdpr-category-browser-family = Browserfamilie
gdpr-category-campaign-received = erhaltene Kampagne
gdpr-category-change-history = Änderungsverlauf
gdpr-category-change-kinds = Art und Zeitpunkt von Änderungen am Datensatz der Person (Kennungen, keine Kontaktdaten)
gdpr-category-segment-memberships = Zugehörigkeit zu Segmenten
gdpr-category-segment-transitions = Eintritte in und Austritte aus Segmenten
gdpr-category-journey-runs = Journey-Durchläufe
gdpr-category-journey-history = Journey-Verlauf
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

# Segmente: die Liste, der Baukasten, die Seite eines Segments und die Segmente eines Kontakts mit Begründung.
nav-segments = Segmente
seg-title = Segmente
seg-intro = Ein Segment ist ein Filter, der sich selbst aktuell hält: Kontakte kommen hinein und fallen heraus, wenn sie sich ändern, etwas tun oder Zeit vergeht. Kampagnen und Journeys können davon ausgehen.
seg-new = Neues Segment
seg-new-title = Neues Segment
seg-edit-title = „{$name}“ bearbeiten
seg-edit = Bearbeiten
seg-empty = Noch keine Segmente. Legen Sie eines an, um Kontakte danach zu gruppieren, wer sie sind, was sie getan und wozu sie eingewilligt haben.
seg-col-segment = Segment
seg-col-size = Kontakte
seg-col-state = Stand
seg-col-name = Name
seg-col-since = Dabei seit
seg-version = Version
seg-size = { $count ->
    [one] 1 Kontakt
   *[other] { $n } Kontakte
}
seg-notice-created = Segment angelegt. Es wird über alle Kontakte aufgebaut.
seg-notice-saved = Segment gespeichert.
seg-notice-deleted = Segment gelöscht.
seg-notice-cancelled = Der Aufbau wurde angehalten. Das Segment enthält niemanden, bis es erneut gespeichert wird.
seg-build = Aufbau
seg-build-queued = Wartet auf den Aufbau
seg-build-running = Im Aufbau: { $done } von { $total } Kontakten geprüft
seg-build-running-js = Im Aufbau: @done@ von @total@ Kontakten geprüft
seg-build-ready = Aufgebaut am { $time } in { $seconds } s; seitdem laufend aktuell
seg-build-cancelled = Aufbau am { $time } nach { $done } Kontakten angehalten
seg-build-failed = Aufbau am { $time } fehlgeschlagen: { $error }
seg-build-not-ready = Bis der Aufbau fertig ist, zeigt das Segment weder Größe noch Mitglieder: eine Zahl wäre jetzt falsch.
seg-build-cancel = Aufbau anhalten
seg-build-again = Speichern Sie das Segment erneut, um es aufzubauen.
seg-definition = Definition
seg-growth = Entwicklung über 30 Tage
seg-growth-empty = Noch keine Tage erfasst.
seg-chart-size = Kontakte im Segment pro Tag
seg-chart-moves = Hinzugekommen und ausgeschieden pro Tag
seg-series-size = Kontakte
    .tip = Kontakte im Segment
seg-series-entered = Hinzugekommen
    .tip = Kontakte hinzugekommen
seg-series-exited = Ausgeschieden
    .tip = Kontakte ausgeschieden
seg-members = Mitglieder
seg-members-masked = Adressen sind für Ihre Rolle maskiert.
seg-members-not-built = Die Mitglieder werden aufgeführt, sobald das Segment aufgebaut ist.
seg-members-none = Derzeit ist niemand in diesem Segment.
seg-members-next = Weitere Kontakte
seg-members-first = Erste Kontakte
seg-delete = Segment löschen
seg-delete-intro = Das Segment und seine Mitgliedschaften werden entfernt; die Kontakte bleiben. Bereits erfasste Ein- und Austritte bleiben im Verlauf der Kontakte.
seg-delete-confirm = Dieses Segment löschen?
seg-delete-used = Andere Segmente verwenden dieses; ändern Sie zuerst diese:
seg-deleted-segment = ein gelöschtes Segment
seg-name = Name
seg-description = Beschreibung
seg-conditions = Wer dazugehört
seg-conditions-hint = Fügen Sie Bedingungen und Gruppen hinzu; eine Gruppe trifft zu, wenn alles, irgendetwas oder nichts von dem zutrifft, was sie enthält.
seg-json = Der Filter als JSON
seg-json-hint = Dasselbe JSON wie in der API unter /api/v1/segments. Ohne Skripte bearbeiten Sie es hier.
seg-preview = Wer jetzt zutrifft
seg-preview-nojs = Die Anzahl erscheint hier während des Aufbaus (dafür braucht es Skripte); beim Speichern wird ebenfalls gezählt.
seg-preview-count = @matched@ von @total@ Kontakten treffen zu
seg-preview-partial = @matched@ der ersten @examined@ von @total@ Kontakten treffen zu (die Zählung endete nach 3 Sekunden; der Aufbau zählt alle)
seg-preview-nobody = Niemand trifft zu.
seg-preview-wait = Zähle …
seg-create = Segment anlegen
seg-save = Segment speichern
seg-back = Abbrechen
seg-save-rebuilds = Wenn Sie die Bedingungen ändern, wird das Segment über alle Kontakte neu aufgebaut; seine Mitglieder bleiben, bis der neue Aufbau fertig ist.
seg-contact-title = Segmente
seg-contact-none = In keinem Segment.
seg-contact-since = seit { $time }
seg-contact-why = warum?
seg-contact-log = Ein- und Austritte
seg-log-entered = In „{ $name }“ aufgenommen (Version { $version })
seg-log-exited = Aus „{ $name }“ ausgeschieden (Version { $version })
seg-next-change = Kann sich am { $time } von selbst ändern.
seg-held = trifft zu
seg-not-held = trifft nicht zu
seg-yes = ja
seg-no = nein
seg-quoted = „{ $value }“
seg-group-all = Alle diese:
seg-group-any = Mindestens eines davon:
seg-group-none = Nichts davon:
seg-group-empty = (nichts: alle)
seg-within-days = in den letzten { $days ->
    [one] Tag
   *[other] { $days } Tagen
}
seg-consent-granted = Einwilligung in „{ $purpose }“ erteilt
seg-consent-withdrawn = Einwilligung in „{ $purpose }“ widerrufen
seg-consent-never = Einwilligung in „{ $purpose }“ nie erteilt
seg-restricted = Verarbeitung eingeschränkt
seg-not-restricted = Verarbeitung nicht eingeschränkt
seg-performed = Hat { $event } mindestens { $count ->
    [one] einmal
   *[other] { $count }-mal
} ausgelöst
seg-not-performed = Hat { $event } in den letzten { $days ->
    [one] Tag
   *[other] { $days } Tagen
} nicht ausgelöst
seg-orders = Hat mindestens { $count ->
    [one] einmal
   *[other] { $count }-mal
} bestellt
seg-orders-item = Artikel { $sku }
seg-orders-revenue = für { $amount } oder mehr
seg-score = Score „{ $model }“ { $op }
seg-in-segment = Im Segment „{ $name }“
seg-not-in-segment = Nicht im Segment „{ $name }“
seg-seen-count = { $count ->
    [0] keinmal
    [one] einmal
   *[other] { $count }-mal
}
seg-seen-count-last = { $count ->
    [0] keinmal; zuletzt am { $last }
    [one] einmal, am { $last }
   *[other] { $count }-mal, zuletzt am { $last }
}
seg-seen-empty = leer
seg-seen-masked = (maskiert)
seg-event-any = irgendetwas Erfasstes
seg-event-open = ein Öffnen
seg-event-click = einen Klick
seg-event-page-view = einen Seitenaufruf
seg-event-custom = ein eigenes Ereignis
seg-event-order = eine Bestellung
seg-event-named = das Ereignis „{ $name }“
seg-event-url = an einer Adresse mit { $url }
seg-event-property = bei dem { $name } gleich { $value } ist
seg-field-email = E-Mail
seg-field-first-name = Vorname
seg-field-last-name = Nachname
seg-field-phone = Telefon
seg-field-status = Status
seg-field-source = Herkunft
seg-field-tags = Schlagwörter
seg-field-lists = Listen
seg-field-locale = Sprache
seg-field-time-zone = Zeitzone
seg-field-created-at = Angelegt
seg-field-updated-at = Zuletzt geändert
seg-field-last-open = Zuletzt geöffnet
seg-field-last-click = Zuletzt geklickt
seg-field-last-seen = Zuletzt auf der Website
seg-field-opens = Öffnungen
seg-field-clicks = Klicks
seg-field-page-views = Seitenaufrufe
seg-field-orders = Bestellungen
seg-field-revenue = Umsatz
seg-op-equals = ist { $value }
seg-op-not-equals = ist nicht { $value }
seg-op-contains = enthält { $value }
seg-op-not-contains = enthält nicht { $value }
seg-op-starts-with = beginnt mit { $value }
seg-op-ends-with = endet auf { $value }
seg-op-one-of = ist eines von { $value }
seg-op-empty = ist leer
seg-op-not-empty = ist nicht leer
seg-op-gt = ist größer als { $value }
seg-op-gte = ist mindestens { $value }
seg-op-lt = ist kleiner als { $value }
seg-op-lte = ist höchstens { $value }
seg-op-between = liegt zwischen { $from } und { $to }
seg-op-before = ist vor dem { $value }
seg-op-after = ist nach dem { $value }
seg-op-on = ist am { $value }
seg-op-within-last-days = liegt in den letzten { $days ->
    [one] Tag
   *[other] { $days } Tagen
}
seg-op-more-than-days-ago = liegt mehr als { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} zurück
seg-op-within-next-days = liegt in den nächsten { $days ->
    [one] Tag
   *[other] { $days } Tagen
}
seg-op-anniversary-today = hat heute Jahrestag
seg-op-is-true = ist ja
seg-op-is-false = ist nein
seg-op-equals-label = ist
seg-op-not-equals-label = ist nicht
seg-op-contains-label = enthält
seg-op-not-contains-label = enthält nicht
seg-op-starts-with-label = beginnt mit
seg-op-ends-with-label = endet auf
seg-op-one-of-label = ist eines von
seg-op-empty-label = ist leer
seg-op-not-empty-label = ist nicht leer
seg-op-gt-label = ist größer als
seg-op-gte-label = ist mindestens
seg-op-lt-label = ist kleiner als
seg-op-lte-label = ist höchstens
seg-op-between-label = liegt zwischen
seg-op-before-label = ist vor dem
seg-op-after-label = ist nach dem
seg-op-on-label = ist am
seg-op-within-last-days-label = liegt in den letzten … Tagen
seg-op-more-than-days-ago-label = liegt mehr als … Tage zurück
seg-op-within-next-days-label = liegt in den nächsten … Tagen
seg-op-anniversary-today-label = hat heute Jahrestag
seg-op-is-true-label = ist ja
seg-op-is-false-label = ist nein
seg-b-all = Alle diese treffen zu
seg-b-any = Mindestens eines davon trifft zu
seg-b-none = Nichts davon trifft zu
seg-b-add-condition = Bedingung
seg-b-add-group = Gruppe
seg-b-remove = Entfernen
seg-b-what = Bedingung
seg-b-operator = Vergleich
seg-b-value = Wert
seg-b-from = von
seg-b-to = bis
seg-b-days = Tage
seg-b-at-least = mindestens
seg-b-times = mal
seg-b-within-days = in den letzten
seg-b-any-time = beliebig
seg-b-event-kind = Ereignis
seg-b-event-name = Name des Ereignisses
seg-b-event-url = Adresse enthält
seg-b-property-name = Eigenschaft
seg-b-property-value = Wert
seg-b-sku = Artikel (SKU oder Kategorie)
seg-b-min-revenue = Umsatz mindestens
seg-b-purpose = Zweck
seg-b-consent-state = Einwilligung
seg-b-granted = erteilt
seg-b-withdrawn = widerrufen
seg-b-never = nie erteilt
seg-b-yes = ja
seg-b-no = nein
seg-b-segment = In einem anderen Segment
seg-b-member = ist in
seg-b-not-member = ist nicht in
seg-b-model = Score-Modell
seg-b-kind-field = Felder
seg-b-kind-behaviour = Verhalten
seg-b-kind-privacy = Einwilligung und Datenschutz
seg-b-kind-other = Segmente
seg-b-performed = Hat etwas getan (Ereignisse)
seg-b-not-performed = Hat etwas nicht getan
seg-b-orders = Hat bestellt
seg-b-score = Lead-Score
seg-b-restricted = Verarbeitung eingeschränkt
seg-b-consent = Einwilligung
seg-b-one-of-hint = Werte, durch Kommas getrennt
seg-b-group = Gruppe
seg-b-empty-group = Noch nichts: fügen Sie eine Bedingung hinzu. Eine leere Gruppe trifft auf alle zu.

# Kampagnen an Segmente (Issue 22).
c-note-excluded = in einem Segment, das die Kampagne auslässt
cm-aud-segments = Segmente {$names}
cm-aud-except = {$audience}, ohne Mitglieder der Segmente {$names}
cm-aud-except-alone = ohne Mitglieder der Segmente {$names}
cm-aud-segment-deleted = ein gelöschtes Segment
cm-ed-segments = Segmente
cm-ed-segments-hint = (ihre jetzigen Mitglieder, zusätzlich zu den Listen und Tags; ein Segment muss aufgebaut sein, bevor die Kampagne versendet wird)
cm-ed-exclude-segments = Mitglieder auslassen von
cm-ed-exclude-segments-hint = (gleich über welche Liste, welches Tag oder Segment sie dazukommen; bei jeder Nachricht erneut geprüft)
cm-ed-segment-size = { $count ->
    [one] 1 Mitglied
   *[other] {$count} Mitglieder
}
cm-ed-segment-not-built = noch nicht aufgebaut
# {$link} ist ein Link mit dem Text von cm-ed-segments-link.
cm-ed-no-segments = Noch keine Segmente: {$link}.
cm-ed-segments-link = eines anlegen
# {$audience} ist die Zielgruppe in Worten, wie die Übersicht der Kampagne sie nennt.
cm-report-audience = Zielgruppe: {$audience}.

## Lead scoring (issue 22)
nav-scoring = Bewertung
cm-action-score-model-saved = Bewertungsmodell gespeichert
cm-action-score-model-deleted = Bewertungsmodell gelöscht
gdpr-records-description-profiling = Aus den Öffnungen und Klicks einer Person in E-Mails, ihren Website-Besuchen, Bestellungen und ihrem Profil wird geschätzt, wie sehr sie sich für unsere Angebote interessiert (Lead-Bewertung), um auszuwählen, was wir ihr senden, und zu welchen Stunden der Woche sie meist aktiv ist, um eine Kampagne oder automatisierte E-Mail zu einer solchen Stunde zuzustellen, wenn wir das so einstellen. Beides wird bei Bedarf berechnet, nie gespeichert; gezählt werden nur die Öffnungen, Klicks und Besuche, die die Einstellungen zu Interaktionen und Tracking für diese Person messen ließen.
gdpr-category-profile-fields = Profilfelder
gdpr-records-scoring-logic = So werden die Bewertung und die beste Stunde für den Versand ermittelt (die Bewertungsmodelle in ihrem aktuellen Stand, dann die Versandzeit-Optimierung):
gdpr-records-scoring-none = Es ist kein Bewertungsmodell angelegt: für niemanden wird eine Bewertung berechnet.
gdpr-records-sendtime-logic = Versandzeit-Optimierung: Soll eine Kampagne oder automatisierte E-Mail jeden Kontakt zu seiner besten Stunde innerhalb eines Zeitfensters (höchstens {$window} Stunden) erreichen, wird jedes der neuesten {$events} Ereignisse der Person zu seiner örtlichen Stunde der Woche in ihrer Zeitzone gezählt – Klicks auf Links und Besuche der Website durch Menschen, soweit die Tracking-Einstellungen sie für diese Person messen ließen, und Bestellungen; {$opens}; als Maschine erkannte Zugriffe zählen nie. Zu diesen Zahlen wird das {$pseudo}-Fache des Musters des Shops addiert (alle menschlichen Signale der letzten {$days} Tage, ohne jemanden zu nennen, als Anteile mit der Summe 1), und die Nachricht geht zu der Stunde im Zeitfenster mit der höchsten Summe. Mit weniger als {$minimum} eigenen Signalen geht sie zur belebtesten Stunde des Shops im Zeitfenster; hat auch der Shop keine Signale, zu Beginn des Zeitfensters. Nichts davon wird gespeichert: es wird berechnet, wenn die Nachricht eingereiht wird. Wer dem Profiling widersprochen hat, erhält die Nachricht zu Beginn des Zeitfensters, und nichts über ihn wird dafür gelesen.
gdpr-records-sendtime-opens-counted = Öffnungen zählen auch
gdpr-records-sendtime-opens-not-counted = Öffnungen zählen nicht (sie sagen wenig über eine Person)
cm-notice-score-created = Modell angelegt. Segmente, die seine Bewertung verwenden, werden neu aufgebaut.
cm-notice-score-saved = Modell gespeichert. Segmente, die seine Bewertung verwenden, werden neu aufgebaut.
cm-notice-score-deleted = Modell gelöscht.
cm-score-models-title = Lead-Bewertung
cm-score-new = Neues Bewertungsmodell
cm-score-intro = Ein Modell vergibt Punkte für das, was Personen tun, und für das, was in ihrem Datensatz steht; die Punkte jedes Ereignisses halbieren sich mit der Halbwertszeit des Modells. Bewertungen werden beim Lesen berechnet, nur aus dem, dessen Messung die Person erlaubt hat, und wer dem Profiling widerspricht, hat keine. Segmente können eine Bewertung verwenden („Engagement ≥ 50“).
cm-score-empty = Noch kein Bewertungsmodell.
cm-score-col-model = Modell
cm-score-col-key = Schlüssel
cm-score-col-half-life = Halbwertszeit (Tage)
cm-score-col-rules = Regeln
cm-score-form-intro = Eine Zeile je Regel: wählen Sie, was sie zählt, und ihre Punkte (negative Punkte ziehen ab). Füllen Sie nur die Felder aus, die die Regel verwendet; Zeilen ohne Auswahl bei „Zählt“ werden übergangen.
cm-score-name = Name
cm-score-key = Schlüssel
cm-score-key-hint = (Kleinbuchstaben, Ziffern, _ und -; Segmente nennen die Bewertung so; er lässt sich nicht ändern)
cm-score-half-life-days = Halbwertszeit in Tagen
cm-score-half-life-hint = (nach so vielen Tagen zählen die Punkte eines Ereignisses noch zur Hälfte)
cm-score-rules = Regeln
cm-score-rules-hint = Regeln zu Adressen und Ereignissen treffen auf einen Teil der Adresse zu; Eigenschaften werden als name=wert geschrieben, durch Kommas getrennt; eine Feldregel nimmt einen Operator wie equals, contains, gte oder one_of (Werte durch Kommas getrennt); eine Obergrenze begrenzt die Punkte je Zeitraum von so vielen Tagen.
cm-score-col-on = Zählt
cm-score-col-points = Punkte
cm-score-col-what = Welche
cm-score-col-cap = Obergrenze
cm-score-on-none = (keine Regel)
cm-score-on-opened = E-Mail geöffnet
cm-score-on-clicked = Link geklickt
cm-score-on-page-viewed = Seite aufgerufen
cm-score-on-custom = Ereignis ausgeführt
cm-score-on-form-submitted = Formular abgeschickt
cm-score-on-ordered = Bestellt
cm-score-on-field = Feldwert
cm-score-on-unsubscribed = Abgemeldet
cm-score-on-bounced = E-Mail unzustellbar
cm-score-per-unit = je Einheit des Bestellbetrags
cm-score-url = Adresse enthält
cm-score-event = Name des Ereignisses
cm-score-properties = Eigenschaften
cm-score-form = Formular-ID
cm-score-field = Feld
cm-score-op = Operator
cm-score-value = Wert
cm-score-cap-points = Höchstens (Punkte)
cm-score-cap-days = je Tage
cm-score-more-rows = Weitere Zeilen
cm-score-save = Modell speichern
cm-score-delete = Modell löschen
cm-score-error-row = Regel { $row }, { $field }: { $message }
cm-score-title = Bewertungen
cm-score-none = Es ist kein Bewertungsmodell angelegt.
cm-score-restricted = Die Verarbeitung dieses Kontakts ist eingeschränkt: es wird keine Bewertung berechnet.
cm-score-objected = hat dem Profiling widersprochen: keine Bewertung
cm-score-col-rule = Regel
cm-score-col-counted = Gezählt
cm-score-col-raw = Vergebene Punkte
cm-score-col-decayed = Seitdem verfallen
cm-score-col-now = Punkte jetzt
cm-score-masked = verborgen (personenbezogene Daten)
cm-score-half-life = Punkte halbieren sich alle { $days } Tage

# A segment as a filter of the contact list
contacts-segment = Segment
c-segment-choice = { $segment } ({ $size })
c-segment-choice-building = { $segment } (wird aufgebaut)
c-describe-segment = im Segment { $segment }
c-segment-unknown = Dieses Segment gibt es nicht (vielleicht wurde es gelöscht), daher wird niemand aufgeführt. Wählen Sie ein anderes Segment oder setzen Sie die Filter zurück.
c-segment-not-built = Das Segment „{ $segment }“ wird noch aufgebaut. Seine Mitglieder erscheinen hier, sobald der Aufbau fertig ist: bis dahin wäre nur ein Teil von ihnen zu sehen.
seg-members-search = Diese Mitglieder durchsuchen und exportieren

# Scoring models in words (records of processing, the models' list, a contact's scores)
cm-score-words-opened = hat eine E-Mail geöffnet (wo die Messung der Interaktion erlaubt ist)
cm-score-words-clicked = hat einen Link in einer E-Mail angeklickt (wo die Messung der Interaktion erlaubt ist)
cm-score-words-clicked-url = hat einen Link angeklickt, der { $url } enthält (wo die Messung der Interaktion erlaubt ist)
cm-score-words-page-viewed = hat eine Seite aufgerufen, deren Adresse { $url } enthält (wo Website-Tracking erlaubt ist)
cm-score-words-custom = hat { $name } ausgeführt (wo Website-Tracking erlaubt ist)
cm-score-words-custom-where = hat { $name } mit { $properties } ausgeführt (wo Website-Tracking erlaubt ist)
cm-score-words-property = { $key } = { $value }
cm-score-words-form-any = hat ein Formular abgeschickt
cm-score-words-form = hat das Formular { $form } abgeschickt
cm-score-words-ordered = hat bestellt
cm-score-words-field = { $field } { $op } (solange das zutrifft; ohne Verfall)
cm-score-words-unsubscribed = hat sich abgemeldet
cm-score-words-bounced = eine E-Mail an die Person kam zurück
cm-score-words-points = { $what }: { $points } Punkte
cm-score-words-points-per-unit = { $what }: { $points } Punkte und { $per_unit } je Einheit des Bestellbetrags
cm-score-words-cap = { $rule }, höchstens { $points } je { $days } Tage
cm-score-words-model = „{ $name }“ ({ $key }): { $rules }; die Punkte jedes Ereignisses halbieren sich alle { $days } Tage

cm-action-journey-saved = Journey gespeichert
cm-action-journey-published = Journey veröffentlicht
cm-action-journey-state-changed = Journey pausiert, fortgesetzt oder archiviert
cm-action-journey-deleted = Journey gelöscht
cm-action-journey-enrolled = Kontakte einer Journey hinzugefügt
jr-recipe-welcome = Willkommensserie
jr-recipe-welcome-about = Nach einer bestätigten Anmeldung: sofort ein Willkommen, zwei Tage später Tipps an einem Werktagmorgen.
jr-recipe-cart = Verlassener Warenkorb
jr-recipe-cart-about = Ein Warenkorb-Ereignis ohne Bestellung innerhalb einer Stunde: eine Erinnerung und einen Tag später eine letzte; eine Bestellung beendet den Ablauf.
jr-recipe-post-purchase = Empfehlungen nach dem Kauf
jr-recipe-post-purchase-about = Eine Woche nach jeder Bestellung (einmal pro Bestellnummer): was dazu passt.
jr-recipe-birthday = Geburtstag
jr-recipe-birthday-about = Jedes Jahr am Geburtstag des Kontakts um 9:00 in seiner Zeitzone: Glückwünsche. Braucht ein Datumsfeld mit dem Schlüssel birthday.
jr-recipe-win-back = Rückgewinnung
jr-recipe-win-back-about = Wenn ein Kontakt in ein Segment der Inaktiven kommt (wählen Sie es): eine E-Mail und ein Angebot, falls binnen zwei Wochen kein Klick kommt.
jr-recipe-re-permission = Erneute Einwilligung
jr-recipe-re-permission-about = Fragt, ob weiterhin E-Mails gewünscht sind; wer binnen zwei Wochen nicht klickt, erhält das Schlagwort lapsed.

## Journeys: die Verwaltungsseiten
jr-nav = Journeys
jr-title = Journeys
jr-new = Neue Journey
jr-empty = Noch keine Journeys.
jr-empty-what = Eine Journey ist ein Ablauf, den jeder Kontakt für sich durchläuft: Etwas startet ihn (eine Anmeldung, ein Ereignis wie ein Warenkorb, der Eintritt in ein Segment, ein Schlagwort, ein Datum wie ein Geburtstag, ein Zeitplan oder Sie, wenn Sie Kontakte von Hand hinzufügen), dann werden Schritt für Schritt E-Mails verschickt, Wartezeiten eingehalten, Bedingungen geprüft und Verzweigungen genommen, bis der Ablauf endet oder sein Ziel erreicht ist. Beginnen Sie mit einer Vorlage und passen Sie sie an.
jr-col-journey = Journey
jr-col-status = Status
jr-col-version = Version
jr-col-entered = Eingetreten insgesamt
jr-status-draft = Entwurf
jr-status-live = Aktiv
jr-status-paused = Pausiert
jr-status-archived = Archiviert
jr-name = Name
jr-description = Beschreibung
jr-recipe-choose = Beginnen mit
jr-recipe-blank = Leere Journey
jr-recipe-blank-about = Von Hand gestartet und direkt zu Ende: Die Schritte schreiben Sie selbst.
jr-create = Journey anlegen
jr-back = Zurück zu den Journeys
jr-back-journey = Zurück zur Journey
jr-notice-created = Die Journey wurde als Entwurf angelegt. Prüfen Sie sie und veröffentlichen Sie sie dann.
jr-notice-saved = Der Entwurf wurde gespeichert.
jr-notice-published = Veröffentlicht: Die Journey ist aktiv.
jr-notice-paused = Pausiert: Niemand tritt ein, laufende Durchläufe warten, wo sie stehen.
jr-notice-resumed = Fortgesetzt: Die Journey ist wieder aktiv.
jr-notice-archived = Archiviert: Alle Durchläufe wurden beendet, niemand tritt mehr ein.
jr-notice-deleted = Die Journey wurde gelöscht.
jr-notice-enrolled = { $count ->
    [one] Ein Kontakt hat die Journey begonnen.
   *[other] { $count } Kontakte haben die Journey begonnen.
}
jr-version = Version { $version }
jr-actions = Aktionen
jr-edit = Entwurf bearbeiten
jr-pause = Pausieren
jr-resume = Fortsetzen
jr-delete = Löschen
jr-delete-confirm = Diese Journey endgültig löschen?
jr-publish-title = Veröffentlichen
jr-publish = Entwurf veröffentlichen
jr-publish-first = Mit dem Veröffentlichen wird der Entwurf aktiv: Ab dann starten seine Auslöser Durchläufe.
jr-publish-again = Mit dem Veröffentlichen wird der Entwurf zur nächsten Version; laufende Durchläufe wechseln beim selben Schritt zu ihr.
jr-publish-blocked = Beheben Sie vor dem Veröffentlichen die Probleme unten.
jr-publish-moves = Durchläufe bei Schritten, die der Entwurf nicht mehr enthält
jr-publish-moves-hint = Wählen Sie für jeden dieser Durchläufe den Schritt der neuen Version, bei dem er weitergeht.
jr-publish-move = { $count ->
    [one] Ein Durchlauf wartet bei „{ $step }“: verschieben nach
   *[other] { $count } Durchläufe warten bei „{ $step }“: verschieben nach
}
jr-publish-choose = Schritt wählen
jr-archive = Archivieren
jr-archive-confirm = Mir ist klar: Alle Durchläufe enden jetzt, wartende E-Mails werden zurückgezogen und niemand tritt mehr ein.
jr-problems = Vor dem Veröffentlichen zu beheben
jr-entry = Eintritt, Regeln und Ziel
jr-triggers = Wer eintritt
jr-triggers-none = Niemand: Fügen Sie einen Auslöser hinzu.
jr-rules = Regeln
jr-goal-title = Ziel
jr-goal = Wird { $what } erreicht, endet der Durchlauf und zählt als Conversion.
jr-goal-none = Kein Ziel: Durchläufe enden an einem Ausstieg.
jr-draft-unreadable = Der Entwurf ist nicht lesbar: Siehe die Probleme, oder bearbeiten Sie sein JSON.
jr-steps = Schritte
jr-steps-counts = Zähler der Version { $version } bei jedem Schritt.
jr-start = Beginn
jr-count-entered = Eingetreten
jr-count-waiting = Wartend
jr-count-passed = Durchlaufen
jr-count-left = Ausgestiegen
jr-count-converted = Konvertiert
jr-chart-waiting = Wartende je Schritt
jr-chart-empty = Bei keinem Schritt wartet jemand.
jr-axis-step = Schritt
jr-series-waiting-in-text = wartend
jr-span-days = { $count ->
    [one] 1 Tag
   *[other] { $count } Tage
}
jr-span-hours = { $count ->
    [one] 1 Stunde
   *[other] { $count } Stunden
}
jr-span-minutes = { $count ->
    [one] 1 Minute
   *[other] { $count } Minuten
}
jr-day-mon = Mo
jr-day-tue = Di
jr-day-wed = Mi
jr-day-thu = Do
jr-day-fri = Fr
jr-day-sat = Sa
jr-day-sun = So
jr-date-once = das Datum in { $field }
jr-date-yearly = Tag und Monat in { $field }, jedes Jahr
jr-offset-before = { $count ->
    [one] 1 Tag davor
   *[other] { $count } Tage davor
}
jr-offset-after = { $count ->
    [one] 1 Tag danach
   *[other] { $count } Tage danach
}
jr-in-segment = Mitgliedschaft im Segment { $name }
jr-step-send = „{ $subject }“ verschicken (Zweck { $purpose })
jr-step-send-no-purpose = „{ $subject }“ verschicken (noch kein Einwilligungszweck)
jr-step-send-best-hour = zur besten Stunde des Kontakts innerhalb von { $hours } Std.
jr-step-wait = { $span } warten
jr-step-wait-until = Warten bis { $time } an { $days }, in der Zeitzone des Kontakts
jr-step-wait-until-any-day = Warten bis { $time }, in der Zeitzone des Kontakts
jr-step-wait-until-date = Warten bis { $date }, um { $time } in der Zeitzone des Kontakts
jr-step-wait-for = Warten auf { $what }, höchstens { $span }
jr-step-condition = Kontakt prüfen
jr-step-split = Zufällig aufteilen
jr-step-notify = { $to } benachrichtigen: „{ $subject }“
jr-step-exit = Ausstieg
jr-update-add-tags = Schlagwörter hinzufügen: { $names }
jr-update-remove-tags = Schlagwörter entfernen: { $names }
jr-update-add-lists = In Listen aufnehmen: { $names }
jr-update-remove-lists = Aus Listen entfernen: { $names }
jr-update-set-fields = Setzen: { $fields }
jr-update-nothing = Nichts ändern
jr-branch-n = Bedingung { $n }
jr-route-then = danach
jr-route-comes = wenn es eintrifft
jr-route-timeout = sonst
jr-route-if = Wenn { $label }
jr-route-otherwise = andernfalls
jr-route-arm = { $label } { $percent } %
jr-route-arm-holdout = { $label } { $percent } % (Kontrollgruppe)
jr-trigger-segment-entered = Kommt in das Segment { $name }
jr-trigger-segment-exited = Verlässt das Segment { $name }
jr-trigger-event = Wenn { $what } erfasst wird
jr-trigger-form-submitted = Schickt das Formular { $form } ab
jr-trigger-form-submitted-any = Schickt ein beliebiges Formular ab
jr-trigger-form-confirmed = Bestätigt eine Anmeldung über das Formular { $form }
jr-trigger-form-confirmed-any = Bestätigt eine Anmeldung über ein beliebiges Formular
jr-trigger-consent = Willigt ein in { $purpose }
jr-trigger-tag = Erhält das Schlagwort { $tag }
jr-trigger-date = Am Tag { $date }, um { $time } in der Zeitzone des Kontakts
jr-trigger-schedule = Nach dem Zeitplan { $cron } (in der Zeitzone des Shops) jeder angemeldete Kontakt
jr-trigger-schedule-segment = Nach dem Zeitplan { $cron } (in der Zeitzone des Shops) die Mitglieder des Segments { $name }
jr-trigger-manual = Von Hand oder über die API hinzugefügt
jr-rule-reentry-never = Ein Kontakt durchläuft sie nur einmal.
jr-rule-reentry-always = Ein Kontakt kann jederzeit erneut eintreten (ein Durchlauf zur Zeit).
jr-rule-reentry-cooldown = { $count ->
    [one] Ein Kontakt kann 1 Tag nach seinem letzten Eintritt erneut eintreten.
   *[other] Ein Kontakt kann { $count } Tage nach seinem letzten Eintritt erneut eintreten.
}
jr-rule-dedupe = Ereignisse mit demselben Wert für { $property } starten nur einen Durchlauf.
jr-rule-quiet = Ruhezeit { $from }–{ $to } in der Zeitzone des Kontakts: E-Mails warten bis zu ihrem Ende.
jr-rule-quiet-none = Keine Ruhezeit.
jr-rule-cap-defer = Höchstens { $max } Nachrichten in { $hours } Std. je Kontakt; weitere warten.
jr-rule-cap-skip = Höchstens { $max } Nachrichten in { $hours } Std. je Kontakt; weitere entfallen.
jr-rule-cap-none = Keine Obergrenze für die Häufigkeit.
jr-definition = Definition (JSON)
jr-definition-hint = Auslöser, Beginn, Schritte, Regeln und Ziel, wie die API sie annimmt. Der Entwurf wird auch mit Problemen gespeichert; beim Veröffentlichen wird er geprüft.
jr-edit-title = „{ $name }“ bearbeiten
jr-save = Entwurf speichern
jr-try = Ausprobieren
jr-try-hint = Der Entwurf für einen Kontakt auf einer virtuellen Uhr: jeder Schritt, den er nähme. Nichts wird verschickt, nichts geändert.
jr-try-contact = Kontakt (E-Mail-Adresse oder ID)
jr-try-comes = Worauf gewartet wird, trifft ein
jr-try-run = Ausprobieren
jr-try-result = So würde es ablaufen
jr-try-nothing-sent = Ein Probelauf: Nichts wurde verschickt.
jr-enrol = Kontakte hinzufügen
jr-enrol-hint = Von Hand hinzugefügte Kontakte beginnen beim ersten Schritt, nach den Regeln der Journey (ein Durchlauf zur Zeit, erneuter Eintritt). Höchstens 10.000 auf einmal.
jr-enrol-segment = Alle Mitglieder eines Segments
jr-enrol-no-segment = Kein Segment
jr-enrol-emails = Oder Kontakte per E-Mail-Adresse, eine pro Zeile
jr-enrol-add = Zur Journey hinzufügen
jr-contact-title = Journeys
jr-contact-none = Dieser Kontakt war noch in keiner Journey.
jr-run-waiting = wartet bei { $step } bis { $time }
jr-run-at = bei { $step }
jr-run-completed = beendet { $time }: abgeschlossen
jr-run-goal = beendet { $time }: Ziel erreicht
jr-run-left = beendet { $time }: ausgestiegen ({ $reason })
jr-run-about = Version { $version }, eingetreten { $time } ({ $trigger })
jr-line-entered = eingetreten: { $trigger }
jr-line-queued = Nachricht eingereiht
jr-line-waiting = wartet bis { $time }
jr-line-deferred-quiet = verschoben: Ruhezeit bis { $time }
jr-line-deferred = verschoben: { $reason } bis { $time }
jr-line-skipped = übersprungen: { $reason }
jr-line-branch = Zweig „{ $label }“ genommen
jr-line-split = Pfad „{ $label }“ genommen
jr-line-updated = Kontakt geändert: { $what }
jr-line-notified = { $to } benachrichtigt
jr-line-came = Eingetroffen, worauf gewartet wurde: { $what }
jr-line-timed-out = nichts kam rechtzeitig
jr-line-goal = Ziel erreicht: { $what }
jr-line-goal-reached = Ziel erreicht
jr-line-left = ausgestiegen: { $reason }
jr-line-completed = abgeschlossen
jr-line-moved = von Schritt { $from } zu Schritt { $to } in Version { $version } verschoben
jr-line-failed = angehalten: { $error }
jr-line-would-send = würde „{ $subject }“ verschicken
jr-cause-segment-entered = in das Segment { $segment } gekommen
jr-cause-segment-left = das Segment { $segment } verlassen
jr-cause-event = das Ereignis { $name }
jr-cause-order = eine Bestellung
jr-cause-order-id = Bestellung { $id }
jr-cause-page-view = { $url } aufgerufen
jr-cause-click = ein Klick
jr-cause-open = eine Öffnung
jr-cause-form-submitted = ein Formular abgeschickt
jr-cause-form-confirmed = eine Anmeldung bestätigt
jr-cause-consent = Einwilligung in { $purpose } erteilt
jr-cause-tagged = Schlagwort { $tag } erhalten
jr-splits = Aufteilungen
jr-splits-about = Die Durchläufe jedes Zweigs und wie viele davon das Ziel erreichten, über alle Versionen; Intervall und Wahrscheinlichkeit, der beste zu sein, wie beim A/B-Test einer Kampagne; neben einer Kontrollgruppe (dem Zweig, der nichts sendet), wie viele Konversionen je Durchlauf ein Zweig mehr bringt.
jr-split-of = Aufteilung bei { $step }
jr-split-arm = Zweig
jr-split-runs = Durchläufe
jr-split-converted = Ziel erreicht
jr-split-rate = Quote
jr-split-incremental = Durch die Journey mehr
jr-split-holdout = Kontrollgruppe
jr-split-too-few = Noch zu wenige Durchläufe oder Konversionen, um die Zweige zu unterscheiden.
jr-cause-by-hand = von Hand hinzugefügt
jr-cause-date = das Datum { $field } war erreicht
jr-cause-schedule = der Zeitplan der Journey
jr-cause-dry-run = ein Probelauf
jr-cause-assumed = das Erwartete (im Probelauf angenommen)
jr-cause-already-in-segment = bereits im Segment
jr-cause-consent-withdrawn = Einwilligung in { $purpose } widerrufen
jr-cause-status = Status geändert auf { $status }
jr-cause-restricted = Verarbeitung eingeschränkt
jr-cause-deleted = der Kontakt wurde gelöscht
jr-cause-archived = die Journey wurde archiviert
jr-cause-version-gone = die Version der Journey gibt es nicht mehr
jr-cause-no-date = kein Datum in { $field }
jr-cause-loop = mehr als 64 Schritte auf einmal: eine Schleife ohne Warten
jr-cause-cap = Versandobergrenze { $max } in { $hours } Std.

# A/B-Tests bei Kampagnen (die Kampagnenseite und ihr Bericht)
cm-ab-title = A/B-Test
cm-ab-intro = Die Varianten B bis D ändern den Betreff, den Absendernamen, den Vorschautext oder die Nachricht der oben geschriebenen Kampagne, die Variante A ist. Ein Anteil der Zielgruppe wird gleichmäßig auf die Varianten verteilt, jeder Kontakt immer auf dieselbe; nach der Wartezeit geht die Siegervariante an alle anderen. Niemand erhält mehr als eine Nachricht.
cm-ab-variant = Variante {$letter}
cm-ab-keep = Ein leeres Feld übernimmt den Inhalt von A. Eine Variante mit lauter leeren Feldern gehört nicht zum Test.
cm-ab-subject = Betreff
cm-ab-sender-name = Absendername
cm-ab-preheader = Vorschautext
cm-ab-body = Nachricht
cm-ab-percent = Testanteil in Prozent der Zielgruppe ({$min} bis {$max})
cm-ab-metric = Sieger nach
cm-ab-metric-clicks = Eindeutige Klicks
cm-ab-metric-orders = Zugeordnete Bestellungen
cm-ab-metric-revenue = Zugeordneter Umsatz je Empfänger
cm-ab-metric-opens = Öffnungen (unzuverlässig)
cm-ab-opens-unreliable = Öffnungen sind unzuverlässig: Datenschutz-Proxys wie der von Apple Mail öffnen jede Nachricht, und Öffnungen werden nur bei Empfängern gemessen, die eingewilligt haben.
cm-ab-wait = Wartezeit bis zur Wahl der Siegervariante in Stunden ({$min} bis {$max})
cm-ab-too-few = Mit weniger als {$recipients} zugestellten Empfängern in einer Variante oder weniger als {$events} Ereignissen in allen Varianten zusammen sind die Zahlen zu gering für eine Aussage: Die automatische Wahl schickt dann A, die Kampagne wie geschrieben, an die übrigen Empfänger.
cm-ab-save = A/B-Test speichern
cm-ab-remove = A/B-Test entfernen
cm-ab-setup = Einstellungen
cm-ab-setup-summary = { $arms } Varianten, { $percent } % der Zielgruppe, { $hours } Std. Wartezeit
cm-ab-winner = Siegervariante
cm-ab-winner-is = Siegervariante: {$letter}
cm-ab-decide-at = Die Siegervariante wird gewählt am
cm-ab-decision-automatic = nach der Kennzahl gewählt
cm-ab-decision-too-few = zu wenige Daten, daher A wie geschrieben
cm-ab-decision-manual = von einer Person gewählt
cm-ab-send-now = Siegervariante jetzt senden
cm-ab-choose = {$letter} an die übrigen senden
cm-ab-send-now-how = „Siegervariante jetzt senden“ nimmt die Variante, die die Zahlen in diesem Moment vorn sehen, ohne zu warten. Wird der Testanteil noch versendet, bleibt die Wahl gespeichert, und die übrigen Empfänger folgen, sobald er fertig ist.
cm-ab-see-report = Die Varianten im Bericht
cm-ab-drafts-only = Kein A/B-Test. Ein Test wird bei einem Entwurf eingerichtet.
cm-ab-report-intro = {$percent} % der Zielgruppe wurden auf die Varianten verteilt; Siegervariante nach {$metric}.
cm-ab-report-rest = { $count } Empfänger außerhalb des Tests erhielten die Siegervariante.
cm-ab-leading = Die Zahlen sehen jetzt Variante {$letter} vorn.
cm-ab-axis = Variante
cm-ab-rate = Quote
cm-ab-interval-head = 95-%-Glaubwürdigkeitsintervall
cm-ab-interval = {$low} bis {$high}
cm-ab-p-best = Wahrscheinlichkeit, die beste zu sein
cm-ab-chart = {$metric} nach Variante, mit 95-%-Glaubwürdigkeitsintervallen
cm-ab-no-data = Noch nichts gemessen.
cm-ab-model-rate = Quoten je zugestelltem Empfänger: Beta-Binomial-Modell mit gleichverteilter A-priori-Verteilung; die Wahrscheinlichkeit, dass eine Variante die beste ist, wird aus den A-posteriori-Verteilungen berechnet.
cm-ab-model-revenue = Umsatz je zugestelltem Empfänger: der Mittelwert jeder Variante in Normalverteilungs-Näherung; bei wenigen Käufern (meist Nullen und einige große Bestellungen) ist sein Intervall zu schmal.
cm-ab-model-split = Klicks und Öffnungen zählen nur bei Empfängern nach Variante, die die Messung erlauben; die Aufteilung ist zufällig, daher ist dieser Anteil in jeder Variante ähnlich.
jr-form-deleted = ein inzwischen gelöschtes Formular
jr-step-report = Bericht zu dieser Nachricht
jr-report-title = Schritt { $step } von „{ $name }“: Bericht
jr-report-about = Sendet „{ $subject }“ (Zweck { $purpose }). Öffnungen, Klicks, Abmeldungen und Bounces aller Versionen dieses Schritts zählen hier.
jr-report-step = Der Schritt
jr-report-step-hint = Die Zähler des Schritts, über alle veröffentlichten Versionen summiert.
jr-report-nothing-sent = Aus diesem Schritt wurde noch nichts gesendet.
jr-report-note-sent = Gesendet: Nachrichten, die das Relay angenommen hat. Eine Journey sendet eine Nachricht nach der anderen, wenn Läufe den Schritt erreichen; Empfänger in der Warteschlange, Fehlschläge und Übersprungene wie bei einer Kampagne werden daher nicht gezählt.
jr-ed-title = Schritte
jr-ed-hint = Bauen Sie die Journey Schritt für Schritt: Jede Karte ist ein Schritt, die Wege aus einem Schritt stehen als Spalten darunter. Änderungen werden laufend geprüft; speichern Sie den Entwurf, wann es passt.
jr-ed-unreadable = Der visuelle Editor kann diesen Entwurf nicht lesen: Korrigieren Sie das JSON unter „Erweitert“, dann erscheinen die Schritte hier wieder.
jr-ed-kind-send = E-Mail senden
jr-ed-kind-wait = Warten
jr-ed-kind-wait_until = Warten bis zu einer Uhrzeit
jr-ed-kind-wait_until_date = Warten bis zu einem Datumsfeld
jr-ed-kind-wait_for = Warten auf ein Ereignis oder ein Segment
jr-ed-kind-condition = Bedingung
jr-ed-kind-split = Zufällige Aufteilung
jr-ed-kind-update = Kontakt ändern
jr-ed-kind-notify = Team benachrichtigen
jr-ed-kind-exit = Ende
jr-ed-subject = Betreff
jr-ed-preheader = Vorschauzeile
jr-ed-body = Nachricht (Markdown)
jr-ed-sender = Absender
jr-ed-sender-default = Standardabsender des Shops
jr-ed-purpose = Einwilligungszweck
jr-ed-choose = Auswählen …
jr-ed-days = Tage
jr-ed-hours = Stunden
jr-ed-minutes = Minuten
jr-ed-time = Uhrzeit
jr-ed-weekdays = An diesen Tagen (keiner angekreuzt: jeder Tag)
jr-ed-field = Datumsfeld
jr-ed-offset = Tage davor (−) oder danach (+)
jr-ed-anniversary = Jedes Jahr (Geburtstage)
jr-ed-segment = Segment
jr-ed-event-kind = Ereignis
jr-ed-event-any = beliebiges Ereignis
jr-ed-event-open = eine Öffnung
jr-ed-event-click = ein Klick
jr-ed-event-page_view = ein Seitenaufruf
jr-ed-event-custom = ein eigenes Ereignis
jr-ed-event-order = eine Bestellung
jr-ed-event-name = Name des Ereignisses
jr-ed-event-url = URL enthält
jr-ed-property-name = Eigenschaft
jr-ed-property-value = Wert der Eigenschaft
jr-ed-timeout = Höchstens
jr-ed-waits-for = Wartet auf
jr-ed-wait-event = ein Ereignis
jr-ed-wait-segment = den Eintritt in ein Segment
jr-ed-branch-label = Name der Verzweigung
jr-ed-who = Wer diesen Weg nimmt
jr-ed-who-segment = Mitglieder eines Segments
jr-ed-who-tag = Kontakte mit einem Tag
jr-ed-who-filter = ein Filter (JSON)
jr-ed-tag = Tag
jr-ed-filter-json = Filter als JSON (wie Segmente ihn nehmen)
jr-ed-add-branch = Verzweigung hinzufügen
jr-ed-remove-branch = Diese Verzweigung entfernen
jr-ed-arm-label = Name des Zweigs
jr-ed-percent = Prozent
jr-ed-holdout = Kontrollgruppe
jr-ed-add-arm = Zweig hinzufügen
jr-ed-remove-arm = Diesen Zweig entfernen
jr-ed-add-tags = Tags hinzufügen
jr-ed-remove-tags = Tags entfernen
jr-ed-add-lists = Zu Listen hinzufügen
jr-ed-remove-lists = Aus Listen entfernen
jr-ed-comma = durch Kommas getrennt
jr-ed-set-field = Zu setzendes Feld
jr-ed-value = Wert (leer löscht ihn)
jr-ed-add-field = Feld setzen
jr-ed-remove-field = Dieses Feld nicht setzen
jr-ed-notify-to = Zu benachrichtigende Adresse
jr-ed-notify-subject = Betreff der Benachrichtigung
jr-ed-notify-text = Text
jr-ed-way-then = danach
jr-ed-way-comes = wenn es eintritt
jr-ed-way-timeout = wenn es nicht rechtzeitig eintritt
jr-ed-way-if = wenn @label@
jr-ed-way-otherwise = sonst
jr-ed-way-arm = @label@: @percent@ %
jr-ed-branch-n = Verzweigung @n@
jr-ed-arm-n = Zweig @n@
jr-ed-add-step = Schritt hinzufügen
jr-ed-add-step-at = Hier einen Schritt hinzufügen (@way@)
jr-ed-add-start = Schritt am Anfang hinzufügen
jr-ed-step-type = Art des Schritts
jr-ed-add = Hinzufügen
jr-ed-cancel = Abbrechen
jr-ed-remove-step = Schritt entfernen
jr-ed-move-up = Nach oben
jr-ed-move-down = Nach unten
jr-ed-continues-at = weiter bei
jr-ed-start = Start
jr-ed-unreachable = Vom Start aus nicht erreichbar
jr-ed-refuse-branches = Dieser Schritt hat mehrere Ausgänge: Lassen Sie sie zum selben Schritt führen oder entfernen Sie zuerst die Schritte darauf. Sonst bliebe offen, wohin seine Läufe gehen.
jr-ed-refuse-exit = Andere Schritte führen zu diesem Ende, und danach gibt es keinen Schritt, zu dem sie stattdessen führen könnten: Fügen Sie ein anderes Ende hinzu oder ändern Sie zuerst diese Schritte.
jr-ed-refuse-last = Eine Journey hat mindestens einen Schritt.
jr-ed-refuse-loop = Dieser Schritt führt zu sich selbst zurück: Ändern Sie zuerst, wohin er führt.
jr-ed-removed = Schritt @step@ entfernt.
jr-ed-added = Schritt @step@ hinzugefügt.
jr-ed-save = Entwurf speichern
jr-ed-saving = Wird gespeichert …
jr-ed-saved = Der Entwurf wurde gespeichert.
jr-ed-save-failed = Nicht gespeichert:
jr-ed-publish = Zur Veröffentlichung
jr-ed-checking = Wird geprüft …
jr-ed-no-problems = Der Veröffentlichung steht nichts im Weg.
jr-ed-problems = Vor der Veröffentlichung
jr-ed-triggers = Wer eintritt
jr-ed-trigger = Auslöser
jr-ed-add-trigger = Auslöser hinzufügen
jr-ed-remove-trigger = Diesen Auslöser entfernen
jr-ed-t-segment_entered = tritt in ein Segment ein
jr-ed-t-segment_exited = verlässt ein Segment
jr-ed-t-event = ein Ereignis wird erfasst
jr-ed-t-form_submitted = sendet ein Formular ab
jr-ed-t-form_confirmed = bestätigt eine Anmeldung
jr-ed-t-consent_granted = gibt eine Einwilligung
jr-ed-t-tag_added = erhält ein Tag
jr-ed-t-date = an einem Datumsfeld (in dieser Version ohne Start)
jr-ed-t-schedule = nach Zeitplan (in dieser Version ohne Start)
jr-ed-t-manual = von Hand oder über die API hinzugefügt
jr-ed-form = Formular
jr-ed-any-form = beliebiges Formular
jr-ed-cron = Cron-Ausdruck (Sekunden zuerst)
jr-ed-rules = Regeln
jr-ed-reentry = Erneuter Eintritt
jr-ed-reentry-never = nie: einmal pro Kontakt
jr-ed-reentry-always = immer (ein Lauf zur Zeit)
jr-ed-reentry-cooldown = nach einer Anzahl von Tagen
jr-ed-cooldown = Tage seit dem letzten Eintritt
jr-ed-dedupe = Ein Lauf pro Wert der Ereigniseigenschaft
jr-ed-dedupe-hint = z. B. order_id; leer: keine
jr-ed-quiet = Ruhezeiten in der Zeitzone des Kontakts
jr-ed-from = von
jr-ed-to = bis
jr-ed-cap = Versandobergrenze
jr-ed-cap-max = Höchstens Nachrichten
jr-ed-cap-hours = in Stunden
jr-ed-cap-then = Darüber hinaus
jr-ed-cap-defer = verschieben
jr-ed-cap-skip = überspringen
jr-ed-goal = Ziel
jr-ed-goal-none = kein Ziel
jr-ed-goal-event = ein Ereignis
jr-ed-goal-segment = Eintritt in ein Segment
jr-ed-on = Einschalten
jr-ed-remove = Entfernen
jr-ed-advanced = Erweitert: die Definition als JSON
jr-ed-nojs = Der visuelle Editor braucht JavaScript; die Definition lässt sich unten als JSON bearbeiten.
jr-report-base-none = Bei der Nachricht dieses Schritts konnte noch kein Empfänger gemessen werden, daher gibt es keine Öffnungs- oder Klickraten.
jr-report-no-links = Diese Nachricht hat keine verfolgten Links (mit Platzhaltern personalisierte Links werden nie verfolgt).
