# Tidings: the public pages and the mail people receive, in Swedish (Svenska).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: "du", throughout.

## About this language
meta-language-name = Svenska
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d %B %Y
meta-datetime = %-d %B %Y kl. %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = sv_SE

## System mail
mail-hello = Hej!
mail-hello-name = Hej {$name}!
mail-confirm-subject = Bekräfta din prenumeration på nyhetsbrevet från {$organisation}
mail-confirm-intro = Den här adressen angavs i ett anmälningsformulär hos {$organisation}. Bekräfta att du vill få nyhetsbrevet från {$organisation}:
mail-confirm-button = Ja, jag vill prenumerera
mail-confirm-ignore = Om du inte har bett om det kan du bortse från det här meddelandet: utan din bekräftelse skickas ingenting, och din adress tas bort inom några dagar.
mail-portal-subject = Din länk till dina personuppgifter hos {$organisation}
mail-portal-intro = Någon (förhoppningsvis du) har bett om att på integritetssidan hos {$organisation} få se de personuppgifter som {$organisation} har om den här adressen. Öppna dem med den här länken; den fungerar en gång, i 30 minuter:
mail-portal-button = Visa mina uppgifter
mail-portal-ignore = Om du inte har bett om det kan du bortse från det här meddelandet: ingenting händer utan länken.
mail-outcome-subject = Din begäran om dina personuppgifter
mail-outcome-done = Som du bad om har vi {$done}.
mail-outcome-rectified = rättat dina personuppgifter (artikel 16 i dataskyddsförordningen)
mail-outcome-erased = raderat dina personuppgifter (artikel 17 i dataskyddsförordningen)
mail-outcome-restricted = begränsat behandlingen av dina personuppgifter (artikel 18 i dataskyddsförordningen)
mail-outcome-recipients = Vi hade lämnat ut dina uppgifter till {$recipients}; vårt dataskyddsombud informerar dem om ändringen.
mail-outcome-no-recipients = Vi hade inte lämnat ut dina uppgifter till någon.
mail-outcome-closing = Skriv till oss om något inte blev som du bad om.
mail-outcome-last = Det här är det sista meddelandet du får från {$organisation}.
mail-footer-view = Visa i webbläsaren
mail-footer-preferences = Inställningar
mail-footer-unsubscribe = Avsluta prenumeration
mail-footer-privacy = Integritet

## Every public page
page-language = Språk
page-footer-dpo = Frågor om dina uppgifter: {$contact}
page-footer-portal = Se och hantera dina personuppgifter
page-optional = (valfritt)
page-required = (obligatoriskt)

## Pages that stop a visitor
too-many-requests = För många förfrågningar
    .text = Ditt nätverk har skickat för många förfrågningar den senaste minuten. Vänta en minut och försök sedan igen.
link-broken = Länken fungerar inte
    .text = Länken kan ha kopierats ofullständigt. Öppna den igen från mejlet, eller använd länken för att avsluta prenumerationen i ett nyare mejl.
form-too-large = Formuläret kunde inte skickas
    .text = Formuläret är större än {$limit}. Gå tillbaka, korta ner det du har skrivit och försök igen.
form-unreadable = Formuläret kunde inte läsas
    .text = Gå tillbaka och försök igen.
form-foreign = Formuläret kom inte från den här sidan
    .text = Öppna dina e-postinställningar via länken i mejlet och försök igen.

## Subscribe forms
form-email = E-postadress
form-first-name = Förnamn
form-last-name = Efternamn
form-honeypot = Lämna det här fältet tomt
form-needs-javascript = Formuläret behöver JavaScript för att kontrollera att det skickas från en webbläsare. Aktivera JavaScript.
form-submit = Prenumerera
form-not-found = Formuläret hittades inte
    .text = Det finns inget prenumerationsformulär på den här adressen.
form-not-sent = Inte skickat
form-check-inbox = Titta i din inkorg
form-thank-you = Tack
form-consent = Samtycke
form-bad-email = Det är ingen giltig e-postadress. Kontrollera den och försök igen.
form-tick-purpose = Kryssa i ”{$purpose}” för att prenumerera: utan ditt samtycke kan vi inte skicka något till dig.
form-tick-any = Kryssa i minst en ruta: utan ditt samtycke kan vi inte skicka något till dig, och då blir det ingen prenumeration.
form-pow-missing = Formuläret behöver JavaScript för att kontrollera att det skickas från en webbläsare. Aktivera JavaScript och försök igen.
form-pow-expired = Formuläret var öppet för länge. Gå tillbaka, ladda om sidan och skicka formuläret igen.
form-pow-failed = Webbläsarkontrollen gick inte igenom. Gå tillbaka, ladda om sidan och skicka formuläret igen.
form-control-character = Fältet ”{$field}” innehåller en radbrytning eller ett annat kontrolltecken, vilket inte är tillåtet. Gå tillbaka och rätta det.
form-too-often = För många försök
    .text = Formuläret har skickats för många gånger på kort tid. Vänta en stund och försök igen.
form-confirm-title = Bekräfta din prenumeration
form-confirm-text = Du har bett om att få prenumerera. Klicka på knappen för att bekräfta – vi skickar ingenting till dig förrän du har gjort det.
form-confirm-text-titled = Du har bett om att få prenumerera (”{$title}”). Klicka på knappen för att bekräfta – vi skickar ingenting till dig förrän du har gjort det.
form-confirm-button = Ja, bekräfta min prenumeration
form-confirmed = Prenumerationen är bekräftad
    .text = Tack! Din prenumeration är bekräftad. Du kan när som helst avsluta den via länken som finns i varje mejl.
form-link-expired = Länken har gått ut
    .text = Bekräftelselänkar gäller bara en begränsad tid. Prenumerera igen via formuläret och använd den nya länken.
form-link-invalid = Länken är ogiltig
    .text = Länken är ofullständig eller har ändrats, eller så finns anmälan som den hör till inte längre. Kopiera hela länken från mejlet eller prenumerera igen.

## Unsubscribe
unsubscribe-title = Avsluta prenumeration
unsubscribe-question = Vill du avsluta prenumerationen på utskick från {$shop}?
unsubscribe-question-address = Vill du avsluta prenumerationen för {$address} på utskick från {$shop}?
unsubscribe-already = Prenumerationen för den här adressen är redan avslutad. Du kan bekräfta igen om du vill – inget mer kommer att ändras.
unsubscribe-explained = Du får inga fler nyhetsbrev eller erbjudanden från {$shop}, och alla samtycken som du har gett oss för detta återkallas. Mejl som du behöver för en beställning (bekräftelser, fakturor) får du fortfarande.
unsubscribe-button = Avsluta prenumerationen
unsubscribe-instead-link = Välj i stället vad du vill få
unsubscribed-title = Din prenumeration är avslutad
unsubscribed-text = {$shop} skickar inga fler nyhetsbrev eller erbjudanden till dig.
unsubscribed-withdrawn = Vi har också registrerat att du har återkallat ditt samtycke till:
unsubscribed-changed-mind = Har du ångrat dig, eller vill du bara få en del av utskicken?
unsubscribed-choose = Välj vad du vill få

## Preference centre
preferences-title = Dina e-postinställningar
preferences-for = För {$address} hos {$shop}.
preferences-unsubscribed = Du har avslutat alla prenumerationer. Kryssa i ett ämne och spara för att prenumerera igen.
preferences-paused = Vi skickar inga mejl till den här adressen just nu.
preferences-agree = Det här samtycker du till
preferences-lists = Listor
preferences-save = Spara mina val
preferences-saved = Dina val har sparats.
preferences-everything-done = Du har avslutat alla prenumerationer, och alla dina samtycken har återkallats.
preferences-everything = Avsluta allt
preferences-everything-text = Inga fler nyhetsbrev eller erbjudanden, och alla samtycken ovan återkallas.
preferences-held-title = Vilka uppgifter vi har om dig
preferences-held-email = Din e-postadress ({$address}), sedan den {$since}.
preferences-held-name = Ditt namn, så som du har uppgett det.
preferences-held-phone = Ditt telefonnummer.
preferences-held-locale = Ditt språk eller din tidszon, så att vi kan skriva till dig på ditt språk och vid en lämplig tid.
preferences-held-custom = Andra uppgifter som du har lämnat till oss: {$fields}.
preferences-held-lists = Listorna som du finns med på: {$lists}.
preferences-held-no-list = Du finns inte med på någon lista.
preferences-held-consents = Dina samtycken: för varje ämne ovan när och hur du gav eller återkallade ditt samtycke, och exakt vilken text du godkände.
preferences-held-status = Din prenumerationsstatus och historiken över ändringar av dina uppgifter.
preferences-use = Vi använder uppgifterna bara för att skicka det du har valt ovan. Om du vill få en kopia av allt eller få uppgifterna rättade eller raderade använder du integritetsportalen.
preferences-use-dpo = Vi använder uppgifterna bara för att skicka det du har valt ovan. Om du vill få en kopia av allt eller få uppgifterna rättade eller raderade skriver du till {$contact} eller använder integritetsportalen.

## Privacy portal
portal-title = Dina personuppgifter
portal-heading = Dina personuppgifter hos {$shop}
portal-sent = Om vi har uppgifter om den adressen har vi just skickat en länk till den. Länken fungerar bara en gång och gäller i 30 minuter. Titta i din inkorg (och i skräpposten).
portal-intro = Se vilka uppgifter vi har om dig, ladda ner en kopia, rätta dem, ändra vad du får eller låt oss radera dem – utan att behöva skriva till någon. Ange din e-postadress så skickar vi en länk som du loggar in med.
portal-email = Din e-postadress
portal-send-link = Skicka en länk till mig
portal-bad-address = Det är ingen giltig e-postadress. Kontrollera den och försök igen.
portal-link-expired = Länken gällde i 30 minuter och har gått ut. Begär en ny.
portal-link-used = Länken har redan använts – varje länk fungerar bara en gång. Begär en ny.
portal-link-broken = Länken fungerar inte – den kan ha kopierats ofullständigt. Begär en ny.
portal-session-ended = Din session i portalen har gått ut (den varar i 30 minuter). Begär en ny länk.
portal-nothing-held = Vi har inte längre några uppgifter om dig.
portal-open-title = Visa dina personuppgifter
portal-open-text = Länken fungerar bara en gång och ger dig tillgång till dina uppgifter i 30 minuter.
portal-continue = Fortsätt
portal-signed-in = Inloggad som {$address} fram till den {$until}.
portal-restricted = På din begäran är behandlingen av dina uppgifter begränsad: vi sparar dem, men använder dem inte till något annat.
portal-held = Det här har vi sparat
portal-email-label = E-post
portal-name = Namn
portal-phone = Telefon
portal-subscription = Prenumeration
portal-lists = Listor
portal-since = Sedan
portal-consents = Dina samtycken
portal-consent-given = {$purpose}: lämnat den {$date}
portal-consent-withdrawn = {$purpose}: återkallat den {$date}
portal-where-kept = Var uppgifterna sparas
portal-download = Ladda ner allt (.zip)
portal-download-text = En lättläst sammanfattning av varför vi behandlar dina uppgifter, med vilken rättslig grund, hur länge och vem som tar emot dem, plus alla uppgifter som JSON och som kalkylblad.
portal-correct-name = Rätta ditt namn
portal-first-name = Förnamn
portal-last-name = Efternamn
portal-save = Spara
portal-saved = Dina uppgifter har rättats.
portal-receive = Vad du får
portal-receive-link = Välj listor och samtycken
portal-erase = Radera dina uppgifter
portal-erase-review = Vi raderar allt vi har sparat om dig och bekräftar det via mejl inom en månad.
portal-erase-now = Allt vi har sparat om dig raderas direkt. Det går inte att ångra.
portal-erase-fingerprint = Vi behåller bara ett kryptografiskt fingeravtryck av din adress, skapat med en hemlig nyckel, så att adressen inte läggs till igen utan att du ger ditt samtycke på nytt.
portal-erase-confirm = Ja, radera mina uppgifter
portal-erase-button = Radera mina uppgifter
portal-erase-queued = Din begäran om radering är registrerad. Vi genomför den och bekräftar det via mejl inom en månad.
portal-erased = Dina uppgifter har raderats
    .text = Allt vi hade sparat om dig har raderats. Vi behåller bara ett kryptografiskt fingeravtryck av din adress, skapat med en hemlig nyckel, så att adressen inte läggs till igen utan att du ger ditt samtycke på nytt.
portal-requests = Dina begäranden
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Logga ut

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d %B %Y kl. %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = {"\u00A0"}
archive-title = Dina personuppgifter
archive-title-at = Dina personuppgifter hos {$shop}
archive-made = Skapad {$date} för posten {$record}. Filen data.json i det här arkivet innehåller samma uppgifter i sin helhet, i maskinläsbar form.
archive-who = Vem som har uppgifterna
archive-controller-unnamed = Organisationen som skickade det här arkivet till dig
archive-dpo = Dataskyddsombud: {$contact}.
archive-profile = Din profil
archive-no-profile = Vi har ingen profil om dig.
archive-email = E-postadress
archive-first-name = Förnamn
archive-last-name = Efternamn
archive-phone = Telefon
archive-language = Språk
archive-time-zone = Tidszon
archive-tags = Taggar
archive-lists = Listor
archive-subscription = Prenumeration
archive-recorded-through = Registrerad via
archive-recorded-on = Registrerad
archive-last-changed = Senast ändrad
archive-merged = Poster som slagits samman med den här
archive-yes = ja
archive-no = nej
archive-consents = Dina samtycken
archive-col-when = När
archive-col-purpose = Ändamål
archive-col-given = Givet eller återkallat
archive-col-how = Hur
archive-col-wording = Texten som visades
archive-consent-given = givet
archive-consent-withdrawn = återkallat
archive-no-consent = Inget samtycke finns registrerat.
archive-via-form = ett prenumerationsformulär
archive-via-import = import av en kontaktlista
archive-via-import-named = import av en kontaktlista ({$batch})
archive-via-api = butikens system (API)
archive-via-admin = en medarbetare
archive-via-merge = sammanslagning av två poster om dig
archive-via-subject = du själv, på en av våra sidor
archive-why = Varför vi behandlar dina uppgifter
archive-col-basis = Rättslig grund
archive-col-data = Uppgifter
archive-col-kept = Lagringstid
archive-col-recipients = Mottagare
archive-no-recipients = ingen utanför organisationen
archive-came-from = Var dina uppgifter kommer ifrån
archive-no-source = Inget ursprung finns registrerat.
archive-where = Vad som sparas, och var
archive-col-what = Vad det är
archive-col-records = Poster
archive-col-file = Fil i det här arkivet
archive-rights = Dina rättigheter
archive-rights-text = Du har rätt till tillgång till dina uppgifter (artikel 15 i dataskyddsförordningen) och rätt till dataportabilitet (artikel 20), rätt till rättelse (artikel 16), rätt till radering (artikel 17) och rätt till begränsning av behandling (artikel 18), rätt att när som helst göra invändningar mot behandling som grundar sig på berättigade intressen och mot direktmarknadsföring (artikel 21) samt rätt att när som helst återkalla ditt samtycke, utan att det påverkar lagligheten av behandlingen på grundval av samtycket innan det återkallades (artikel 7.3). Du har också rätt att lämna in klagomål till en tillsynsmyndighet (artikel 77).
archive-rights-dpo = Skriv till {$contact} för någon av dessa.
archive-readme-intro = Det här arkivet innehåller alla personuppgifter som den här organisationen sparar om dig, så som de var när arkivet skapades.
archive-readme-data-json = data.json: allt, i maskinläsbar form (JSON).
archive-readme-keys = Namnen i data.json är desamma på alla språk (engelska), så att program kan läsa dem: ”stores” knyter varje lagringsplats till dess poster; ”purposes” anger varför varje slags uppgift behandlas (”name”, ”description”), med vilken rättslig grund (”lawful_basis”), vilka uppgifter (”categories”), hur länge (”retention_days”, ”retention”) och vem som tar emot dem (”recipients”); ”wordings” innehåller de exakta texter du godkände (samtyckena hänvisar till dem med ändamål och version); ”controller” anger den personuppgiftsansvarige; ”records” är antalet poster; ”generated_at” är när arkivet skapades (UTC); ”contact_id” är referensen till din post.
archive-readme-wording-languages = ”wording_languages” anger på vilket språk var och en av dessa texter är skriven, där det har registrerats.
archive-readme-csv = csv/: samma poster som en kalkylbladstabell per lagringsplats (UTF-8, kommaavgränsad); kolumnrubrikerna är namnen i data.json.
archive-readme-summary = summary.html: en lättläst sammanfattning att öppna i en webbläsare, med den information du har rätt till enligt artikel 15 i dataskyddsförordningen.
archive-readme-portability = Du får ta med dig de här uppgifterna till en annan tjänst (artikel 20 i dataskyddsförordningen).
basis-consent = Samtycke (artikel 6.1 a i dataskyddsförordningen)
basis-contract = Fullgörande av avtal (artikel 6.1 b i dataskyddsförordningen)
basis-legitimate-interest = Berättigade intressen (artikel 6.1 f i dataskyddsförordningen)
basis-legal-obligation = Rättslig förpliktelse (artikel 6.1 c i dataskyddsförordningen)
retention-consent = {$days ->
    [one] {$days} dag
   *[other] {$days} dagar
} efter att samtycket upphört: när varje samtycke som en person gett har återkallats raderas personens uppgifter efter den längsta lagringstiden för de ändamålen, räknat från det senare av den sista återkallelsen och personens senaste aktivitet.
retention-other = {$days ->
    [one] {$days} dag
   *[other] {$days} dagar
}; en person vars samtycken alla har upphört sparas inte längre för det här ändamålet (uppgifterna raderas med personen), och kontakter utan något samtycke tas bort av regeln för inaktiva kontakter när den är påslagen.
retention-removes-engagement = Öppningar och klick som är äldre tas bort dagligen.
retention-removes-website = Sidvisningar, butikshändelser, beställningar och okopplade besökare som är äldre tas bort dagligen.
retention-removes-transactional = Transaktionsmeddelanden (mallen, de uppgifter som fogats in i den och leveransstatusen) som är äldre tas bort dagligen när de har levererats eller gett upp.
store-contacts = Din profil: e-postadress, namn, telefon, språk, tidszon, andra uppgifter du lämnat, taggar, listor och prenumerationsstatus.
store-consents = Dina samtycken: varje samtycke som getts eller återkallats, med den exakta text som visades, hur och när, och en förkortad IP-adress.
store-contact-history = Historiken över ändringar i din profil: vilka uppgifter som ändrades, när och av vem.
store-contact-activity = En sammanfattning av din aktivitet: när du senast öppnade eller klickade i ett e-postmeddelande eller besökte webbplatsen, med antal, beställningar och köpbelopp.
store-outbox = De kampanjer som skickats eller ska skickas till dig, med leveransstatus för var och en.
store-messages = Tjänstemeddelanden som skickats till dig (till exempel bekräftelser), med de uppgifter de innehöll.
store-public-intake = Förfrågningar du gjort på våra offentliga sidor (ett prenumerationsformulär, en inloggningslänk till den här portalen), sparade tills de utförs en stund senare.
store-sessions = Dina inloggningar i administrationen (endast medarbetarkonton).
store-users = Ditt medarbetarkonto: inloggningsnamn, visningsnamn, roll och inloggningsuppgifter.
store-user-preferences = Dina val som medarbetare: språket på administrationssidorna.
store-api-tokens = Åtkomstnycklar till butikens system som skapats med ditt medarbetarkonto.
store-bounces = E-postmeddelanden till dig som inte kunde levereras eller som du rapporterade som skräppost: när, och angiven orsak.
store-audit = Loggen för ansvarsskyldighet: vad som gjorts med dina uppgifter, när och av vem (med förkortade IP-adresser).
store-dsr-requests = Dina begäranden om dina uppgifter: typ, datum, status och vidtagna åtgärder.
store-dsr-details = Vad du skrev i dina begäranden och de svar som skickats till dig.
store-restrictions = Den begränsning av behandlingen som du begärt: sedan när och varför.
store-events = Dina öppningar av och klick i våra e-postmeddelanden, och dina sidvisningar, butikshändelser och beställningar på webbplatsen.
store-track-seen = Om du öppnade eller klickade i varje e-postmeddelande (så att varje person räknas en gång).
store-visitor-links = Kopplingen mellan dina besök på webbplatsen och din profil (efter att du klickat på en länk i ett e-postmeddelande eller bekräftat ett formulär).
store-form-submissions = Det du skickade via ett prenumerationsformulär, som bevis på ditt samtycke: värdena, de rutor du kryssade i, när, en förkortad IP-adress och typ av webbläsare.
store-change-feed = En kortlivad anteckning om att dina uppgifter har ändrats (vilken sorts ändring och när, utan innehåll), som sparas tills de interna processerna har tagit hänsyn till den.
store-segment-memberships = De grupper av kontakter (segment) som butiken har definierat och som du tillhör nu, till exempel efter vad du har köpt eller när du senast besökte oss, och sedan när.
store-segment-log = När du kom med i eller lämnade var och en av dessa grupper.
store-journey-runs = De automatiska meddelandeserierna (resor) som du går igenom nu eller har gått igenom, steget du är på och vad som startade dem.
store-journey-log = Vad varje steg i dessa serier gjorde för dig, och varför (till exempel ett skickat meddelande, en väntan eller varför den slutade).
request-kind-access = Tillgång till dina uppgifter (artikel 15 i dataskyddsförordningen)
request-kind-portability = Dataportabilitet (artikel 20 i dataskyddsförordningen)
request-kind-rectification = Rättelse (artikel 16 i dataskyddsförordningen)
request-kind-erasure = Radering (artikel 17 i dataskyddsförordningen)
request-kind-restriction = Begränsning av behandling (artikel 18 i dataskyddsförordningen)
request-kind-objection = Invändning (artikel 21 i dataskyddsförordningen)
request-kind-withdrawal = Återkallelse av samtycke (artikel 7.3 i dataskyddsförordningen)
request-state-open = pågår
request-state-done = slutförd
request-state-refused = avslagen

## Subscription states, as a person reads them
status-pending = väntar på din bekräftelse
status-subscribed = aktiv
status-unsubscribed = avslutad
status-bounced = stoppad (mejlen till adressen kom i retur)
status-complained = stoppad (du markerade ett mejl som skräppost)

## Processing purposes as shipped
purpose-newsletter-name = Nyhetsbrev via e-post
purpose-newsletter-wording = Ja, skicka nyhetsbrevet med nyheter och erbjudanden till mig via e-post. Jag kan när som helst avregistrera mig via länken i varje mejl.
purpose-engagement-name = Mätning av e-postengagemang
purpose-engagement-wording = Ja, ni får mäta om jag öppnar era mejl och vilka länkar jag klickar på, för att göra dem mer relevanta.
purpose-website-tracking-name = Spårning av beteende på webbplatsen
purpose-website-tracking-wording = Ja, ni får registrera vilka sidor jag besöker och vad jag gör i butiken, och koppla det till min e-postadress.
purpose-transactional-name = Transaktionsmejl
purpose-profiling-name = Intressepoäng (profilering)
purpose-profiling-wording = Vi uppskattar utifrån dina öppningar och klick i våra mejl, dina besök på vår webbplats och dina beställningar hur intresserad du är av våra erbjudanden, för att skicka dig det som är mest relevant. Du kan när som helst invända: avmarkera detta så beräknas ingen poäng för dig längre.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = "scores" visar hur intresserad av våra erbjudanden vi bedömer att du är (leadpoäng, en form av profilering), beräknat när arkivet skapades: per modell ("model", "name") poängen ("score"; null om du har invänt mot profilering) och vad den består av ("rules": vad varje regel räknar, "counted" hur många gånger, "points_given" före och "points_now" efter att poängen har avtagit med tiden, "half_life_days"). "restricted" är true när behandlingen av dina uppgifter är begränsad, och då beräknas ingen poäng. Poäng sparas aldrig.
archive-scores = Dina leadpoäng
archive-scores-intro = Utifrån vad du gör (öppnar våra e-postmeddelanden, klickar på deras länkar, besöker vår webbplats, beställer) och vad dina uppgifter säger bedömer vi hur intresserad du är av våra erbjudanden, för att välja vad vi skickar till dig. Detta är profilering: du kan när som helst invända mot den. En poäng beräknas när den behövs och sparas aldrig; poängen för varje händelse avtar med tiden. Bara det du har tillåtit oss att mäta räknas.
archive-scores-restricted = Behandlingen av dina uppgifter är begränsad: ingen poäng beräknas för dig.
archive-scores-objected = ingen (du har invänt mot profilering)
archive-scores-half-life = poängen halveras var {$days}:e dag
archive-scores-col-rule = Vad som räknas
archive-scores-col-counted = Antal gånger
archive-scores-col-points = Poäng nu
archive-score-opened = du öppnade ett av våra e-postmeddelanden
archive-score-clicked = du klickade på en länk i ett av våra e-postmeddelanden
archive-score-clicked-url = du klickade i ett av våra e-postmeddelanden på en länk som innehåller ”{$url}”
archive-score-page-viewed = du besökte en sida på vår webbplats vars adress innehåller ”{$url}”
archive-score-custom = du utförde ”{$name}” på vår webbplats
archive-score-form = du skickade ett av våra formulär
archive-score-ordered = du beställde
archive-score-field = en uppgift i din profil: {$field}
archive-score-unsubscribed = du avregistrerade dig
archive-score-bounced = ett e-postmeddelande till dig kunde inte levereras
