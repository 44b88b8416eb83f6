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

## Subscription states, as a person reads them
status-pending = väntar på din bekräftelse
status-subscribed = aktiv
status-unsubscribed = avslutad
status-bounced = stoppad (mejlen till adressen kom i retur)
status-complained = stoppad (du markerade ett mejl som skräppost)
