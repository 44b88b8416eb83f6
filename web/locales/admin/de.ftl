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
nav-requests = Datenschutzanfragen
nav-retention = Aufbewahrung
nav-breaches = Datenpannen
nav-records = Verarbeitungsverzeichnis
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
