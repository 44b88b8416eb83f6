# Tidings: the public pages and the mail people receive, in Dutch (Nederlands).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: "je" (as most Dutch webshops write), throughout.

## About this language
meta-language-name = Nederlands
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d %B %Y
meta-datetime = %-d %B %Y om %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = nl_NL

## System mail
mail-hello = Hallo,
mail-hello-name = Hallo {$name},
mail-confirm-subject = Bevestig je aanmelding voor de nieuwsbrief van {$organisation}
mail-confirm-intro = Dit adres is ingevuld in een aanmeldformulier van {$organisation}. Bevestig dat je de nieuwsbrief van {$organisation} wilt ontvangen:
mail-confirm-button = Ja, meld me aan
mail-confirm-ignore = Heb je hier niet om gevraagd? Negeer dit bericht dan: zonder je bevestiging sturen we niets en wordt je adres binnen een paar dagen verwijderd.
mail-portal-subject = Je link naar je persoonsgegevens bij {$organisation}
mail-portal-intro = Iemand (hopelijk jij) heeft op de privacypagina van {$organisation} gevraagd om de persoonsgegevens te zien die {$organisation} over dit adres bewaart. Open ze met deze link; hij werkt één keer en is 30 minuten geldig:
mail-portal-button = Mijn gegevens bekijken
mail-portal-ignore = Heb je hier niet om gevraagd? Negeer dit bericht dan: zonder de link gebeurt er niets.
mail-outcome-subject = Je verzoek over je persoonsgegevens
mail-outcome-done = Zoals je hebt gevraagd, hebben we {$done}.
mail-outcome-rectified = je persoonsgegevens gerectificeerd (art. 16 AVG)
mail-outcome-erased = je persoonsgegevens gewist (art. 17 AVG)
mail-outcome-restricted = de verwerking van je persoonsgegevens beperkt (art. 18 AVG)
mail-outcome-recipients = We hadden je gegevens doorgegeven aan {$recipients}; onze functionaris voor gegevensbescherming brengt deze ontvangers op de hoogte van de wijziging.
mail-outcome-no-recipients = We hadden je gegevens aan niemand doorgegeven.
mail-outcome-closing = Laat het ons weten als iets niet is zoals je hebt gevraagd.
mail-outcome-last = Dit is het laatste bericht dat je van {$organisation} ontvangt.
mail-footer-view = Bekijken in je browser
mail-footer-preferences = Voorkeuren
mail-footer-unsubscribe = Afmelden
mail-footer-privacy = Privacy

## Every public page
page-language = Taal
page-footer-dpo = Vragen over je gegevens: {$contact}
page-footer-portal = Je persoonsgegevens bekijken en beheren
page-optional = (optioneel)
page-required = (verplicht)

## Pages that stop a visitor
too-many-requests = Te veel verzoeken
    .text = Vanaf je netwerk zijn in de afgelopen minuut te veel verzoeken verstuurd. Wacht een minuut en probeer het dan opnieuw.
link-broken = Deze link werkt niet
    .text = Misschien is de link niet volledig gekopieerd. Open hem opnieuw vanuit de e-mail, of gebruik de afmeldlink in een recentere e-mail.
form-too-large = Het formulier kon niet worden verstuurd
    .text = Het formulier is groter dan {$limit}. Ga terug, maak je invoer korter en probeer het opnieuw.
form-unreadable = Het formulier kon niet worden gelezen
    .text = Ga terug en probeer het opnieuw.
form-foreign = Het formulier komt niet van deze pagina
    .text = Open je e-mailvoorkeuren via de link in de e-mail en probeer het opnieuw.

## Subscribe forms
form-email = E-mailadres
form-first-name = Voornaam
form-last-name = Achternaam
form-honeypot = Laat dit veld leeg
form-needs-javascript = Dit formulier controleert of het door een browser wordt verstuurd en heeft daarvoor JavaScript nodig. Zet JavaScript aan.
form-submit = Aanmelden
form-not-found = Formulier niet gevonden
    .text = Op dit adres staat geen aanmeldformulier.
form-not-sent = Niet verstuurd
form-check-inbox = Kijk in je inbox
form-thank-you = Bedankt
form-consent = Toestemming
form-bad-email = Dit is geen geldig e-mailadres. Controleer het en probeer het opnieuw.
form-tick-purpose = Vink “{$purpose}” aan om je aan te melden: zonder je toestemming mogen we je niets sturen.
form-tick-any = Vink minstens één vakje aan: zonder je toestemming mogen we je niets sturen, en dan word je dus niet aangemeld.
form-pow-missing = Dit formulier controleert of het door een browser wordt verstuurd en heeft daarvoor JavaScript nodig. Zet JavaScript aan en probeer het opnieuw.
form-pow-expired = Het formulier stond te lang open. Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer.
form-pow-failed = De browsercontrole is mislukt. Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer.
form-control-character = Het veld “{$field}” bevat een regeleinde of een ander stuurteken, en dat is niet toegestaan. Ga terug en pas het aan.
form-too-often = Te veel pogingen
    .text = Dit formulier is in korte tijd te vaak verstuurd. Wacht even en probeer het dan opnieuw.
form-confirm-title = Bevestig je aanmelding
form-confirm-text = Je hebt gevraagd om je aan te melden. Klik op de knop om dit te bevestigen. Tot die tijd sturen we je niets.
form-confirm-text-titled = Je hebt gevraagd om je aan te melden (“{$title}”). Klik op de knop om dit te bevestigen. Tot die tijd sturen we je niets.
form-confirm-button = Ja, bevestig mijn aanmelding
form-confirmed = Aanmelding bevestigd
    .text = Bedankt, je aanmelding is bevestigd. Je kunt je altijd weer afmelden via de link in elke e-mail.
form-link-expired = Deze link is verlopen
    .text = Bevestigingslinks zijn maar een beperkte tijd geldig. Meld je opnieuw aan via het formulier en gebruik de nieuwe link.
form-link-invalid = Deze link is ongeldig
    .text = De link is onvolledig of gewijzigd, of de aanmelding waar hij bij hoort bestaat niet meer. Kopieer de volledige link uit de e-mail of meld je opnieuw aan.

## Unsubscribe
unsubscribe-title = Afmelden
unsubscribe-question = Afmelden voor e-mails van {$shop}?
unsubscribe-question-address = {$address} afmelden voor e-mails van {$shop}?
unsubscribe-already = Dit adres is al afgemeld. Je kunt het nog een keer bevestigen als je wilt; er verandert verder niets.
unsubscribe-explained = Je ontvangt dan geen nieuwsbrieven of aanbiedingen meer van {$shop}, en alle toestemmingen die je ons daarvoor hebt gegeven, worden ingetrokken. E-mails die je nodig hebt voor een bestelling (bevestigingen, facturen) blijf je gewoon ontvangen.
unsubscribe-button = Afmelden
unsubscribe-instead-link = Liever zelf kiezen wat je ontvangt
unsubscribed-title = Je bent afgemeld
unsubscribed-text = {$shop} stuurt je geen nieuwsbrieven of aanbiedingen meer.
unsubscribed-withdrawn = We hebben ook vastgelegd dat je je toestemming hebt ingetrokken voor:
unsubscribed-changed-mind = Toch van gedachten veranderd, of wil je maar een deel ontvangen?
unsubscribed-choose = Kies wat je ontvangt

## Preference centre
preferences-title = Je e-mailvoorkeuren
preferences-for = Voor {$address} bij {$shop}.
preferences-unsubscribed = Je bent afgemeld voor alle e-mails. Vink een onderwerp aan en sla op om je opnieuw aan te melden.
preferences-paused = We sturen op dit moment geen e-mails naar dit adres.
preferences-agree = Waarvoor je toestemming geeft
preferences-lists = Lijsten
preferences-save = Mijn keuzes opslaan
preferences-saved = Je keuzes zijn opgeslagen.
preferences-everything-done = Je bent afgemeld voor alle e-mails en al je toestemmingen zijn ingetrokken.
preferences-everything = Voor alles afmelden
preferences-everything-text = Geen nieuwsbrieven of aanbiedingen meer, en alle toestemmingen hierboven worden ingetrokken.
preferences-held-title = Welke gegevens we van je hebben
preferences-held-email = Je e-mailadres ({$address}), sinds {$since}.
preferences-held-name = Je naam, zoals je die aan ons hebt doorgegeven.
preferences-held-phone = Je telefoonnummer.
preferences-held-locale = Je taal of tijdzone, zodat we je in je eigen taal en op een geschikt tijdstip kunnen mailen.
preferences-held-custom = Overige gegevens die je ons hebt gegeven: {$fields}.
preferences-held-lists = De lijsten waarop je staat: {$lists}.
preferences-held-no-list = Je staat op geen enkele lijst.
preferences-held-consents = Je toestemmingen: per onderwerp hierboven wanneer en hoe je toestemming hebt gegeven of ingetrokken, en de precieze tekst waarmee je akkoord bent gegaan.
preferences-held-status = Je aanmeldstatus en de geschiedenis van wijzigingen in je gegevens.
preferences-use = We gebruiken deze gegevens alleen om je te sturen wat je hierboven hebt gekozen. Wil je een kopie van al je gegevens, of wil je ze laten corrigeren of wissen? Gebruik dan het privacyportaal.
preferences-use-dpo = We gebruiken deze gegevens alleen om je te sturen wat je hierboven hebt gekozen. Wil je een kopie van al je gegevens, of wil je ze laten corrigeren of wissen? Schrijf dan naar {$contact} of gebruik het privacyportaal.

## Privacy portal
portal-title = Je persoonsgegevens
portal-heading = Je persoonsgegevens bij {$shop}
portal-sent = Als we gegevens van dat adres hebben, hebben we er zojuist een link naartoe gestuurd. De link werkt maar één keer en is 30 minuten geldig. Kijk in je inbox (en in je spammap).
portal-intro = Bekijk welke gegevens we van je hebben, download een kopie, corrigeer ze, wijzig wat je ontvangt of laat ze wissen – zonder dat je iemand hoeft te mailen. Vul je e-mailadres in, dan sturen we je een link om in te loggen.
portal-email = Je e-mailadres
portal-send-link = Stuur me een link
portal-bad-address = Dit is geen geldig e-mailadres. Controleer het en probeer het opnieuw.
portal-link-expired = Deze link was 30 minuten geldig en is verlopen. Vraag een nieuwe aan.
portal-link-used = Deze link is al gebruikt; elke link werkt maar één keer. Vraag een nieuwe aan.
portal-link-broken = Deze link werkt niet; misschien is hij niet volledig gekopieerd. Vraag een nieuwe aan.
portal-session-ended = Je sessie in het portaal is verlopen (een sessie duurt 30 minuten). Vraag een nieuwe link aan.
portal-nothing-held = We hebben geen gegevens meer van je.
portal-open-title = Naar je persoonsgegevens
portal-open-text = Deze link werkt maar één keer en geeft je 30 minuten toegang tot je gegevens.
portal-continue = Doorgaan
portal-signed-in = Ingelogd als {$address} tot {$until}.
portal-restricted = Op jouw verzoek is de verwerking van je gegevens beperkt: we bewaren ze, maar gebruiken ze verder nergens voor.
portal-held = Wat we van je hebben
portal-email-label = E-mail
portal-name = Naam
portal-phone = Telefoon
portal-subscription = Aanmelding
portal-lists = Lijsten
portal-since = Sinds
portal-consents = Je toestemmingen
portal-consent-given = {$purpose}: gegeven op {$date}
portal-consent-withdrawn = {$purpose}: ingetrokken op {$date}
portal-where-kept = Waar je gegevens worden bewaard
portal-download = Alles downloaden (.zip)
portal-download-text = Een leesbaar overzicht van waarom we je gegevens verwerken, op welke grondslag, hoe lang en wie ze ontvangt, plus alle gegevens als JSON en als spreadsheets.
portal-correct-name = Je naam corrigeren
portal-first-name = Voornaam
portal-last-name = Achternaam
portal-save = Opslaan
portal-saved = Je gegevens zijn gecorrigeerd.
portal-receive = Wat je ontvangt
portal-receive-link = Lijsten en toestemmingen kiezen
portal-erase = Je gegevens wissen
portal-erase-review = We wissen alle gegevens die we van je hebben en bevestigen dat binnen een maand per e-mail.
portal-erase-now = Alle gegevens die we van je hebben, worden direct gewist. Dit kan niet ongedaan worden gemaakt.
portal-erase-fingerprint = We bewaren alleen een cryptografische vingerafdruk van je adres, berekend met een geheime sleutel, zodat het alleen met je nieuwe toestemming weer kan worden toegevoegd.
portal-erase-confirm = Ja, wis mijn gegevens
portal-erase-button = Mijn gegevens wissen
portal-erase-queued = Je verzoek om je gegevens te wissen is geregistreerd. We voeren het uit en bevestigen dat binnen een maand per e-mail.
portal-erased = Je gegevens zijn gewist
    .text = Alle gegevens die we van je hadden, zijn gewist. We bewaren alleen een cryptografische vingerafdruk van je adres, berekend met een geheime sleutel, zodat het alleen met je nieuwe toestemming weer kan worden toegevoegd.
portal-requests = Je verzoeken
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Uitloggen

## Subscription states, as a person reads them
status-pending = wacht op je bevestiging
status-subscribed = aangemeld
status-unsubscribed = afgemeld
status-bounced = niet bezorgd (e-mails naar dit adres kwamen terug)
status-complained = gestopt (je hebt een e-mail als spam gemarkeerd)
