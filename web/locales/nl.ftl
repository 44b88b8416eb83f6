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

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d %B %Y om %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = .
archive-title = Je persoonsgegevens
archive-title-at = Je persoonsgegevens bij {$shop}
archive-made = Gemaakt op {$date} voor het record {$record}. Het bestand data.json in dit archief bevat dezelfde gegevens volledig en machineleesbaar.
archive-who = Wie ze bewaart
archive-controller-unnamed = De organisatie die je dit archief heeft gestuurd
archive-dpo = Functionaris voor gegevensbescherming: {$contact}.
archive-profile = Je profiel
archive-no-profile = We hebben geen profiel van je.
archive-email = E-mailadres
archive-first-name = Voornaam
archive-last-name = Achternaam
archive-phone = Telefoon
archive-language = Taal
archive-time-zone = Tijdzone
archive-tags = Labels
archive-lists = Lijsten
archive-subscription = Inschrijving
archive-recorded-through = Vastgelegd via
archive-recorded-on = Vastgelegd op
archive-last-changed = Laatst gewijzigd
archive-merged = Records die hierin zijn samengevoegd
archive-yes = ja
archive-no = nee
archive-consents = Je toestemmingen
archive-col-when = Wanneer
archive-col-purpose = Doel
archive-col-given = Gegeven of ingetrokken
archive-col-how = Hoe
archive-col-wording = De getoonde tekst
archive-consent-given = gegeven
archive-consent-withdrawn = ingetrokken
archive-no-consent = Er is geen toestemming vastgelegd.
archive-via-form = een inschrijfformulier
archive-via-import = de import van een contactenlijst
archive-via-import-named = de import van een contactenlijst ({$batch})
archive-via-api = de systemen van de winkel (API)
archive-via-admin = een medewerker
archive-via-merge = het samenvoegen van twee records over jou
archive-via-subject = jijzelf, op een van onze pagina’s
archive-why = Waarom we je gegevens verwerken
archive-col-basis = Rechtsgrond
archive-col-data = Gegevens
archive-col-kept = Bewaartermijn
archive-col-recipients = Ontvangers
archive-no-recipients = niemand buiten de organisatie
archive-came-from = Waar je gegevens vandaan komen
archive-no-source = Er is geen herkomst vastgelegd.
archive-where = Wat er waar wordt bewaard
archive-col-what = Wat het is
archive-col-records = Records
archive-col-file = Bestand in dit archief
archive-rights = Je rechten
archive-rights-text = Je hebt recht van inzage in je gegevens (art. 15 AVG) en recht op overdraagbaarheid van gegevens (art. 20), recht op rectificatie (art. 16), recht op gegevenswissing (art. 17) en recht op beperking van de verwerking (art. 18), het recht om op elk moment bezwaar te maken tegen verwerking op grond van gerechtvaardigde belangen en tegen direct marketing (art. 21), en het recht om je toestemming op elk moment in te trekken, zonder dat dit afbreuk doet aan de rechtmatigheid van de verwerking op basis van toestemming vóór de intrekking (art. 7, lid 3). Je hebt ook het recht om een klacht in te dienen bij een toezichthoudende autoriteit (art. 77).
archive-rights-dpo = Schrijf voor elk van deze rechten naar {$contact}.
archive-readme-intro = Dit archief bevat alle persoonsgegevens die deze organisatie over je bewaart, zoals ze waren op het moment dat het archief werd gemaakt.
archive-readme-data-json = data.json: alles, machineleesbaar (JSON).
archive-readme-keys = De namen in data.json zijn in elke taal hetzelfde (Engels), zodat programma’s ze kunnen lezen: "stores" koppelt elke bewaarplaats aan de records daarin; "purposes" zegt waarom elk soort gegevens wordt verwerkt ("name", "description"), op welke rechtsgrond ("lawful_basis"), welke gegevens ("categories"), hoe lang ("retention_days", "retention") en wie ze ontvangt ("recipients"); "wordings" bevat de precieze teksten waarmee je akkoord bent gegaan (de toestemmingen verwijzen ernaar met doel en versie); "controller" noemt de verwerkingsverantwoordelijke; "records" is het aantal records; "generated_at" is het moment waarop het archief werd gemaakt (UTC); "contact_id" is de verwijzing naar je record.
archive-readme-wording-languages = “wording_languages” geeft aan in welke taal elk van die teksten is geschreven, voor zover dat is vastgelegd.
archive-readme-csv = csv/: dezelfde records als één spreadsheettabel per bewaarplaats (UTF-8, kommagescheiden); de kolomkoppen zijn de namen uit data.json.
archive-readme-summary = summary.html: een leesbaar overzicht, te openen in een webbrowser, met de informatie waarop je volgens artikel 15 AVG recht hebt.
archive-readme-portability = Je mag deze gegevens meenemen naar een andere dienst (artikel 20 AVG).
basis-consent = Toestemming (art. 6, lid 1, onder a, AVG)
basis-contract = Uitvoering van een overeenkomst (art. 6, lid 1, onder b, AVG)
basis-legitimate-interest = Gerechtvaardigde belangen (art. 6, lid 1, onder f, AVG)
basis-legal-obligation = Wettelijke verplichting (art. 6, lid 1, onder c, AVG)
retention-consent = {$days ->
    [one] {$days} dag
   *[other] {$days} dagen
} na het einde van de toestemming: zodra elke toestemming die iemand gaf is ingetrokken, worden diens gegevens gewist na de langste termijn van die doelen, gerekend vanaf het laatste van beide: de laatste intrekking of de laatste activiteit.
retention-other = {$days ->
    [one] {$days} dag
   *[other] {$days} dagen
}; iemand van wie alle toestemmingen zijn beëindigd, wordt voor dit doel niet langer bewaard (diens gegevens gaan mee), en contacten zonder enige toestemming worden verwijderd door de regel voor inactieve contacten als die aanstaat.
retention-removes-engagement = Openingen en klikken die ouder zijn, worden dagelijks verwijderd.
retention-removes-website = Paginaweergaven, winkelgebeurtenissen, bestellingen en niet-gekoppelde bezoekers die ouder zijn, worden dagelijks verwijderd.
retention-removes-transactional = Transactionele berichten (het sjabloon, de gegevens die erin zijn ingevoegd en hun bezorgstatus) die ouder zijn, worden dagelijks verwijderd zodra ze zijn bezorgd of opgegeven.
store-contacts = Je profiel: e-mailadres, naam, telefoon, taal, tijdzone, andere gegevens die je hebt opgegeven, labels, lijsten en inschrijvingsstatus.
store-consents = Je toestemmingen: elke gegeven of ingetrokken toestemming, met de precieze getoonde tekst, hoe en wanneer, en een ingekort IP-adres.
store-contact-history = De geschiedenis van wijzigingen in je profiel: welke gegevens zijn gewijzigd, wanneer en door wie.
store-contact-activity = Een samenvatting van je interactie: wanneer je voor het laatst een e-mail opende of erin klikte of de website bezocht, met aantallen, bestellingen en omzet.
store-outbox = De campagnes die naar je zijn of worden verstuurd, met de bezorgstatus van elke campagne.
store-messages = Servicemails die naar je zijn verstuurd (zoals bevestigingen), met de gegevens die erin stonden.
store-public-intake = Verzoeken die je op onze openbare pagina’s deed (een inschrijfformulier, een inloglink voor dit portaal), bewaard tot ze een moment later worden uitgevoerd.
store-sessions = Je inlogsessies in de beheeromgeving (alleen accounts van medewerkers).
store-users = Je medewerkersaccount: inlognaam, weergavenaam, rol en inloggegevens.
store-user-preferences = Je keuzes als medewerker: de taal van de beheerpagina’s.
store-api-tokens = Toegangssleutels voor de systemen van de winkel die met je medewerkersaccount zijn aangemaakt.
store-bounces = E-mails aan jou die niet konden worden bezorgd of die je als spam hebt gemeld: wanneer, en de opgegeven reden.
store-audit = Het verantwoordingslogboek: wat er met je gegevens is gedaan, wanneer en door wie (met ingekorte IP-adressen).
store-dsr-requests = Je verzoeken over je gegevens: soort, data, status en de genomen stappen.
store-dsr-details = Wat je in je verzoeken schreef en de antwoorden die je kreeg.
store-restrictions = De beperking van de verwerking die je hebt gevraagd: sinds wanneer en waarom.
store-events = Je openingen van en klikken in onze e-mails, en je paginaweergaven, winkelgebeurtenissen en bestellingen op de website.
store-track-seen = Of je elke e-mail hebt geopend of erin hebt geklikt (zodat iedereen maar één keer wordt geteld).
store-visitor-links = De koppeling tussen je bezoeken aan de website en je profiel (nadat je op een link in een e-mail klikte of een formulier bevestigde).
store-form-submissions = Wat je via een inschrijfformulier hebt verstuurd, als bewijs van je toestemming: de waarden, de aangevinkte vakjes, wanneer, een ingekort IP-adres en het soort browser.
store-change-feed = Een kortstondige aantekening dat je gegevens zijn gewijzigd (welk soort wijziging en wanneer, zonder de inhoud), bewaard tot de interne processen ermee rekening hebben gehouden.
store-segment-memberships = De groepen contacten (segmenten) die de winkel heeft vastgelegd en waartoe je nu behoort, bijvoorbeeld op basis van wat je kocht of wanneer je het laatst langskwam, en sinds wanneer.
store-segment-log = Wanneer je in elk van die groepen kwam of eruit ging.
store-journey-runs = De automatische reeksen berichten (journeys) die je nu doorloopt of hebt doorlopen, de stap waar je bent en wat ze heeft gestart.
store-journey-log = Wat elke stap van die reeksen voor je deed, en waarom (bijvoorbeeld een verstuurd bericht, een wachttijd of waarom ze eindigde).
request-kind-access = Inzage in je gegevens (art. 15 AVG)
request-kind-portability = Overdraagbaarheid van gegevens (art. 20 AVG)
request-kind-rectification = Rectificatie (art. 16 AVG)
request-kind-erasure = Gegevenswissing (art. 17 AVG)
request-kind-restriction = Beperking van de verwerking (art. 18 AVG)
request-kind-objection = Bezwaar (art. 21 AVG)
request-kind-withdrawal = Intrekking van toestemming (art. 7, lid 3, AVG)
request-state-open = in behandeling
request-state-done = afgehandeld
request-state-refused = afgewezen

## Subscription states, as a person reads them
status-pending = wacht op je bevestiging
status-subscribed = aangemeld
status-unsubscribed = afgemeld
status-bounced = niet bezorgd (e-mails naar dit adres kwamen terug)
status-complained = gestopt (je hebt een e-mail als spam gemarkeerd)

## Processing purposes as shipped
purpose-newsletter-name = Nieuwsbrief per e-mail
purpose-newsletter-wording = Ja, stuur mij de nieuwsbrief met nieuws en aanbiedingen per e-mail. Ik kan me op elk moment afmelden via de link in elke e-mail.
purpose-engagement-name = Meten van e-mailbetrokkenheid
purpose-engagement-wording = Ja, jullie mogen meten of ik jullie e-mails open en op welke links ik klik, om ze relevanter te maken.
purpose-website-tracking-name = Volgen van gedrag op de website
purpose-website-tracking-wording = Ja, jullie mogen vastleggen welke pagina’s ik bezoek en wat ik in de webshop doe, en dit koppelen aan mijn e-mailadres.
purpose-transactional-name = Transactionele e-mails
purpose-profiling-name = Interessescore (profilering)
purpose-profiling-wording = Wij schatten op basis van het openen van en klikken in onze e-mails, je bezoeken aan onze website en je bestellingen in hoe geïnteresseerd je bent in ons aanbod, om je relevantere berichten te sturen. Je kunt op elk moment bezwaar maken: vink dit uit en er wordt voor jou geen score meer berekend.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = "scores" laat zien hoeveel interesse in ons aanbod wij u toeschrijven (leadscores, een vorm van profilering), berekend toen het archief werd gemaakt: per model ("model", "name") de score ("score"; null als u bezwaar hebt gemaakt tegen profilering) en waaruit die bestaat ("rules": wat elke regel telt, "counted" hoe vaak, "points_given" vóór en "points_now" nadat de punten met de tijd zijn afgenomen, "half_life_days"). "restricted" is true als de verwerking van uw gegevens is beperkt; dan wordt geen score berekend. Scores worden nooit opgeslagen.
archive-scores = Uw leadscores
archive-scores-intro = Op basis van wat u doet (onze e-mails openen, op hun links klikken, onze website bezoeken, bestellen) en wat uw gegevens zeggen, schatten wij hoe geïnteresseerd u bent in ons aanbod, om te kiezen wat wij u sturen. Dit is profilering: u kunt er op elk moment bezwaar tegen maken. Een score wordt berekend wanneer dat nodig is en nooit opgeslagen; de punten van elke gebeurtenis nemen met de tijd af. Alleen wat u ons toestond te meten telt mee.
archive-scores-restricted = De verwerking van uw gegevens is beperkt: voor u wordt geen score berekend.
archive-scores-objected = geen (u hebt bezwaar gemaakt tegen profilering)
archive-scores-half-life = punten halveren elke {$days} dagen
archive-scores-col-rule = Wat telt
archive-scores-col-counted = Keren geteld
archive-scores-col-points = Punten nu
archive-score-opened = u hebt een van onze e-mails geopend
archive-score-clicked = u hebt op een link in een van onze e-mails geklikt
archive-score-clicked-url = u hebt in een van onze e-mails op een link met „{$url}” geklikt
archive-score-page-viewed = u hebt op onze website een pagina bekeken waarvan het adres „{$url}” bevat
archive-score-custom = u hebt „{$name}” gedaan op onze website
archive-score-form = u hebt een van onze formulieren verstuurd
archive-score-ordered = u hebt besteld
archive-score-field = een gegeven in uw profiel: {$field}
archive-score-unsubscribed = u hebt zich afgemeld
archive-score-bounced = een e-mail aan u kon niet worden bezorgd
