# Tidings: the public pages and the mail people receive, in Polish (Polski).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: formal ("Państwo", "prosimy…") or impersonal; buttons in the first person
# ("Zapisuję się") or as the usual short commands ("Zapisz", "Wyloguj").
# Dates are numeric: chrono's pl_PL %B gives the nominative month ("grudzień"), not the
# genitive a date needs ("7 grudnia").

## About this language
meta-language-name = Polski
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d.%m.%Y
meta-datetime = %-d.%m.%Y, godz. %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = pl_PL

## System mail
mail-hello = Dzień dobry,
mail-hello-name = Dzień dobry, {$name}!
mail-confirm-subject = Prosimy potwierdzić subskrypcję newslettera {$organisation}
mail-confirm-intro = Ten adres został wpisany w formularzu zapisu {$organisation}. Prosimy potwierdzić chęć otrzymywania newslettera {$organisation}:
mail-confirm-button = Tak, zapisuję się
mail-confirm-ignore = Jeśli ta prośba nie pochodzi od Państwa, prosimy zignorować tę wiadomość: bez potwierdzenia nic nie zostanie wysłane, a adres zostanie usunięty w ciągu kilku dni.
mail-portal-subject = Link do Państwa danych osobowych w {$organisation}
mail-portal-intro = Na stronie prywatności {$organisation} ktoś (mamy nadzieję, że Państwo) poprosił o wgląd w dane osobowe, które {$organisation} przechowuje o tym adresie. Można je otworzyć za pomocą tego linku; działa on jednorazowo, przez 30 minut:
mail-portal-button = Zobacz moje dane
mail-portal-ignore = Jeśli ta prośba nie pochodzi od Państwa, prosimy zignorować tę wiadomość: bez linku nic się nie stanie.
mail-outcome-subject = Państwa żądanie dotyczące danych osobowych
mail-outcome-done = Zgodnie z Państwa żądaniem {$done}.
mail-outcome-rectified = sprostowaliśmy Państwa dane osobowe (art. 16 RODO)
mail-outcome-erased = usunęliśmy Państwa dane osobowe (art. 17 RODO)
mail-outcome-restricted = ograniczyliśmy przetwarzanie Państwa danych osobowych (art. 18 RODO)
mail-outcome-recipients = Państwa dane zostały wcześniej przekazane następującym odbiorcom: {$recipients}; nasz inspektor ochrony danych informuje ich o tej zmianie.
mail-outcome-no-recipients = Nie przekazywaliśmy Państwa danych nikomu.
mail-outcome-closing = Prosimy o wiadomość, jeśli coś nie zostało wykonane zgodnie z żądaniem.
mail-outcome-last = To ostatnia wiadomość od {$organisation}.
mail-footer-view = Zobacz w przeglądarce
mail-footer-preferences = Ustawienia
mail-footer-unsubscribe = Rezygnacja z subskrypcji
mail-footer-privacy = Prywatność

## Every public page
page-language = Język
page-footer-dpo = Pytania dotyczące Państwa danych: {$contact}
page-footer-portal = Wgląd w dane osobowe i zarządzanie nimi
page-optional = (opcjonalnie)
page-required = (wymagane)

## Pages that stop a visitor
too-many-requests = Zbyt wiele zapytań
    .text = W ciągu ostatniej minuty z Państwa sieci wysłano zbyt wiele zapytań. Prosimy odczekać minutę i spróbować ponownie.
link-broken = Ten link nie działa
    .text = Link mógł zostać skopiowany niekompletnie. Prosimy otworzyć go ponownie z wiadomości e-mail lub skorzystać z linku do wypisania się, zamieszczonego w nowszej wiadomości.
form-too-large = Nie udało się wysłać formularza
    .text = Formularz przekracza {$limit}. Prosimy wrócić, skrócić wpisany tekst i spróbować ponownie.
form-unreadable = Nie udało się odczytać formularza
    .text = Prosimy wrócić i spróbować ponownie.
form-foreign = Formularz nie pochodzi z tej strony
    .text = Prosimy otworzyć ustawienia subskrypcji za pomocą linku z wiadomości e-mail i spróbować ponownie.

## Subscribe forms
form-email = Adres e-mail
form-first-name = Imię
form-last-name = Nazwisko
form-honeypot = Prosimy pozostawić to pole puste
form-needs-javascript = Ten formularz sprawdza, czy został wysłany z przeglądarki, i wymaga do tego JavaScriptu. Prosimy włączyć JavaScript.
form-submit = Zapisuję się
form-not-found = Nie znaleziono formularza
    .text = Pod tym adresem nie ma formularza zapisu.
form-not-sent = Nie wysłano
form-check-inbox = Prosimy sprawdzić skrzynkę odbiorczą
form-thank-you = Dziękujemy
form-consent = Zgoda
form-bad-email = To nie jest prawidłowy adres e-mail. Prosimy go sprawdzić i spróbować ponownie.
form-tick-purpose = Aby się zapisać, prosimy zaznaczyć „{$purpose}”: bez Państwa zgody nie możemy niczego wysyłać.
form-tick-any = Prosimy zaznaczyć co najmniej jedno pole: bez Państwa zgody nie możemy niczego wysyłać, więc zapis nie byłby możliwy.
form-pow-missing = Ten formularz sprawdza, czy został wysłany z przeglądarki, i wymaga do tego JavaScriptu. Prosimy włączyć JavaScript i spróbować ponownie.
form-pow-expired = Formularz był otwarty zbyt długo. Prosimy wrócić, odświeżyć stronę i wysłać go ponownie.
form-pow-failed = Weryfikacja przeglądarki nie powiodła się. Prosimy wrócić, odświeżyć stronę i wysłać formularz ponownie.
form-control-character = Pole „{$field}” zawiera znak nowego wiersza lub inny znak sterujący, co jest niedozwolone. Prosimy wrócić i poprawić wpis.
form-too-often = Zbyt wiele prób
    .text = Ten formularz został wysłany zbyt wiele razy w krótkim czasie. Prosimy chwilę odczekać i spróbować ponownie.
form-confirm-title = Prosimy potwierdzić zapis
form-confirm-text = Zgłosili Państwo chęć zapisu. Prosimy potwierdzić ją przyciskiem poniżej – do tego czasu nie wyślemy Państwu żadnych wiadomości.
form-confirm-text-titled = Zgłosili Państwo chęć zapisu („{$title}”). Prosimy potwierdzić ją przyciskiem poniżej – do tego czasu nie wyślemy Państwu żadnych wiadomości.
form-confirm-button = Tak, potwierdzam zapis
form-confirmed = Zapis potwierdzony
    .text = Dziękujemy, zapis został potwierdzony. Z subskrypcji można zrezygnować w dowolnym momencie za pomocą linku zamieszczonego w każdej wiadomości.
form-link-expired = Ten link wygasł
    .text = Linki potwierdzające są ważne przez ograniczony czas. Prosimy zapisać się ponownie za pomocą formularza i użyć nowego linku.
form-link-invalid = Ten link jest nieprawidłowy
    .text = Link jest niekompletny lub został zmieniony albo powiązany z nim zapis już nie istnieje. Prosimy skopiować cały link z wiadomości e-mail lub zapisać się ponownie.

## Unsubscribe
unsubscribe-title = Rezygnacja z subskrypcji
unsubscribe-question = Czy chcą Państwo wypisać się z wiadomości od {$shop}?
unsubscribe-question-address = Czy wypisać adres {$address} z wiadomości od {$shop}?
unsubscribe-already = Ten adres jest już wypisany. Można potwierdzić to ponownie – nic więcej się nie zmieni.
unsubscribe-explained = Nie będą Państwo już otrzymywać od {$shop} newsletterów ani ofert, a wszystkie zgody udzielone nam w tym celu zostaną wycofane. Wiadomości potrzebne do realizacji zamówień (potwierdzenia, faktury) nadal będą wysyłane.
unsubscribe-button = Wypisuję się
unsubscribe-instead-link = Zamiast tego wybiorę, co chcę otrzymywać
unsubscribed-title = Zostali Państwo wypisani
unsubscribed-text = {$shop} nie będzie już wysyłać Państwu newsletterów ani ofert.
unsubscribed-withdrawn = Odnotowaliśmy również wycofanie Państwa zgody na:
unsubscribed-changed-mind = Zmienili Państwo zdanie lub chcą otrzymywać tylko część wiadomości?
unsubscribed-choose = Wybieram, co chcę otrzymywać

## Preference centre
preferences-title = Ustawienia wiadomości e-mail
preferences-for = Dotyczy adresu {$address} w sklepie {$shop}.
preferences-unsubscribed = Ten adres jest wypisany ze wszystkich wiadomości. Aby zapisać się ponownie, prosimy zaznaczyć temat i zapisać wybór.
preferences-paused = Obecnie nie wysyłamy żadnych wiadomości na ten adres.
preferences-agree = Na co wyrażają Państwo zgodę
preferences-lists = Listy
preferences-save = Zapisz wybór
preferences-saved = Wybór został zapisany.
preferences-everything-done = Ten adres został wypisany ze wszystkich wiadomości, a wszystkie zgody zostały wycofane.
preferences-everything = Rezygnuję ze wszystkich wiadomości
preferences-everything-text = Żadnych newsletterów ani ofert, a wszystkie powyższe zgody zostaną wycofane.
preferences-held-title = Jakie dane o Państwu przechowujemy
preferences-held-email = Adres e-mail ({$address}) – od {$since}.
preferences-held-name = Imię i nazwisko w formie, w jakiej zostały nam podane.
preferences-held-phone = Numer telefonu.
preferences-held-locale = Język lub strefa czasowa – aby pisać do Państwa w tym języku i o odpowiedniej porze.
preferences-held-custom = Inne podane nam informacje: {$fields}.
preferences-held-lists = Listy, na których znajduje się ten adres: {$lists}.
preferences-held-no-list = Ten adres nie znajduje się na żadnej liście.
preferences-held-consents = Zgody: dla każdego z powyższych tematów – kiedy i w jaki sposób zgoda została udzielona lub wycofana oraz dokładne brzmienie zgody.
preferences-held-status = Status subskrypcji i historia zmian danych.
preferences-use = Wykorzystujemy te dane wyłącznie do wysyłania wybranych powyżej wiadomości. Aby otrzymać kopię wszystkich danych, sprostować je lub zażądać ich usunięcia, prosimy skorzystać z portalu prywatności.
preferences-use-dpo = Wykorzystujemy te dane wyłącznie do wysyłania wybranych powyżej wiadomości. Aby otrzymać kopię wszystkich danych, sprostować je lub zażądać ich usunięcia, prosimy napisać do {$contact} lub skorzystać z portalu prywatności.

## Privacy portal
portal-title = Państwa dane osobowe
portal-heading = Państwa dane osobowe – {$shop}
portal-sent = Jeśli przechowujemy dane powiązane z tym adresem, właśnie wysłaliśmy na niego link. Link działa tylko raz i jest ważny przez 30 minut. Prosimy sprawdzić skrzynkę odbiorczą (oraz folder ze spamem).
portal-intro = Tutaj można sprawdzić, jakie dane o Państwu przechowujemy, pobrać ich kopię, sprostować je, zmienić zakres otrzymywanych wiadomości lub zażądać usunięcia danych – bez konieczności pisania do kogokolwiek. Wystarczy podać adres e-mail, a wyślemy link do logowania.
portal-email = Adres e-mail
portal-send-link = Wyślij link
portal-bad-address = To nie jest prawidłowy adres e-mail. Prosimy go sprawdzić i spróbować ponownie.
portal-link-expired = Ten link był ważny przez 30 minut i wygasł. Można poprosić o nowy.
portal-link-used = Ten link został już użyty – każdy link działa tylko raz. Można poprosić o nowy.
portal-link-broken = Ten link nie działa – mógł zostać skopiowany niekompletnie. Można poprosić o nowy.
portal-session-ended = Sesja w portalu wygasła (trwa 30 minut). Można poprosić o nowy link.
portal-nothing-held = Nie przechowujemy już żadnych danych o Państwu.
portal-open-title = Dostęp do danych osobowych
portal-open-text = Ten link działa jednorazowo i daje dostęp do Państwa danych przez 30 minut.
portal-continue = Dalej
portal-signed-in = Zalogowano jako {$address}, sesja ważna do {$until}.
portal-restricted = Na Państwa żądanie przetwarzanie danych zostało ograniczone: przechowujemy je, ale nie wykorzystujemy do żadnych innych celów.
portal-held = Jakie dane przechowujemy
portal-email-label = E-mail
portal-name = Imię i nazwisko
portal-phone = Telefon
portal-subscription = Subskrypcja
portal-lists = Listy
portal-since = W bazie od
portal-consents = Zgody
portal-consent-given = {$purpose}: udzielona {$date}
portal-consent-withdrawn = {$purpose}: wycofana {$date}
portal-where-kept = Gdzie przechowujemy dane
portal-download = Pobierz wszystko (.zip)
portal-download-text = Czytelne podsumowanie: w jakim celu przetwarzamy Państwa dane, na jakiej podstawie prawnej, jak długo i kto je otrzymuje, a także wszystkie dane w formacie JSON i w postaci arkuszy kalkulacyjnych.
portal-correct-name = Sprostowanie imienia i nazwiska
portal-first-name = Imię
portal-last-name = Nazwisko
portal-save = Zapisz
portal-saved = Dane zostały sprostowane.
portal-receive = Otrzymywane wiadomości
portal-receive-link = Wybór list i zgód
portal-erase = Usunięcie danych
portal-erase-review = Usuniemy wszystkie dane, które o Państwu przechowujemy, i potwierdzimy to e-mailem w ciągu miesiąca.
portal-erase-now = Wszystkie przechowywane o Państwu dane zostaną natychmiast usunięte. Tej operacji nie można cofnąć.
portal-erase-fingerprint = Zachowujemy jedynie kryptograficzny skrót adresu e-mail, utworzony przy użyciu tajnego klucza, aby adres nie mógł zostać ponownie dodany bez Państwa nowej zgody.
portal-erase-confirm = Tak, chcę usunąć moje dane
portal-erase-button = Usuń moje dane
portal-erase-queued = Żądanie usunięcia danych zostało zarejestrowane. Zrealizujemy je i potwierdzimy to e-mailem w ciągu miesiąca.
portal-erased = Dane zostały usunięte
    .text = Wszystkie przechowywane o Państwu dane zostały usunięte. Zachowujemy jedynie kryptograficzny skrót adresu e-mail, utworzony przy użyciu tajnego klucza, aby adres nie mógł zostać ponownie dodany bez Państwa nowej zgody.
portal-requests = Państwa żądania
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Wyloguj

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d.%m.%Y, godz. %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = {"\u00A0"}
archive-title = Państwa dane osobowe
archive-title-at = Państwa dane osobowe w {$shop}
archive-made = Sporządzono {$date} dla rekordu {$record}. Plik data.json w tym archiwum zawiera te same dane w całości, w formacie nadającym się do odczytu maszynowego.
archive-who = Kto przechowuje dane
archive-controller-unnamed = Organizacja, która przesłała Państwu to archiwum
archive-dpo = Inspektor ochrony danych: {$contact}.
archive-profile = Profil
archive-no-profile = Nie przechowujemy żadnego profilu dotyczącego Państwa.
archive-email = Adres e-mail
archive-first-name = Imię
archive-last-name = Nazwisko
archive-phone = Telefon
archive-language = Język
archive-time-zone = Strefa czasowa
archive-tags = Etykiety
archive-lists = Listy
archive-subscription = Subskrypcja
archive-recorded-through = Źródło zapisu
archive-recorded-on = Data zapisu
archive-last-changed = Ostatnia zmiana
archive-merged = Rekordy scalone z tym rekordem
archive-yes = tak
archive-no = nie
archive-consents = Zgody
archive-col-when = Kiedy
archive-col-purpose = Cel
archive-col-given = Udzielona czy wycofana
archive-col-how = W jaki sposób
archive-col-wording = Wyświetlona treść
archive-consent-given = udzielona
archive-consent-withdrawn = wycofana
archive-no-consent = Nie odnotowano żadnej zgody.
archive-via-form = formularz zapisu
archive-via-import = import listy kontaktów
archive-via-import-named = import listy kontaktów ({$batch})
archive-via-api = systemy sklepu (API)
archive-via-admin = pracownik
archive-via-merge = scalenie dwóch rekordów dotyczących Państwa
archive-via-subject = Państwo, na jednej z naszych stron
archive-why = Dlaczego przetwarzamy Państwa dane
archive-col-basis = Podstawa prawna
archive-col-data = Dane
archive-col-kept = Okres przechowywania
archive-col-recipients = Odbiorcy
archive-no-recipients = nikt spoza organizacji
archive-came-from = Skąd pochodzą Państwa dane
archive-no-source = Nie odnotowano źródła.
archive-where = Co i gdzie jest przechowywane
archive-col-what = Co to jest
archive-col-records = Wpisy
archive-col-file = Plik w tym archiwum
archive-rights = Państwa prawa
archive-rights-text = Przysługuje Państwu prawo dostępu do danych (art. 15 RODO) i prawo do przenoszenia danych (art. 20), prawo do sprostowania danych (art. 16), prawo do usunięcia danych (art. 17) i prawo do ograniczenia przetwarzania (art. 18), prawo do wniesienia w dowolnym momencie sprzeciwu wobec przetwarzania opartego na prawnie uzasadnionych interesach oraz wobec marketingu bezpośredniego (art. 21), a także prawo do cofnięcia zgody w dowolnym momencie bez wpływu na zgodność z prawem przetwarzania, którego dokonano na podstawie zgody przed jej cofnięciem (art. 7 ust. 3). Przysługuje Państwu również prawo wniesienia skargi do organu nadzorczego (art. 77).
archive-rights-dpo = W każdej z tych spraw prosimy pisać na adres {$contact}.
archive-readme-intro = To archiwum zawiera wszystkie dane osobowe, które ta organizacja przechowuje na Państwa temat, w stanie z chwili sporządzenia archiwum.
archive-readme-data-json = data.json: wszystkie dane w formacie nadającym się do odczytu maszynowego (JSON).
archive-readme-keys = Nazwy w pliku data.json są takie same w każdym języku (angielskie), aby mogły je odczytać programy: „stores” przyporządkowuje każdemu miejscu przechowywania jego wpisy; „purposes” podaje, w jakim celu przetwarzany jest każdy rodzaj danych („name”, „description”), na jakiej podstawie prawnej („lawful_basis”), jakie dane („categories”), jak długo („retention_days”, „retention”) i kto je otrzymuje („recipients”); „wordings” zawiera dokładne treści, na które Państwo wyrazili zgodę (zgody odwołują się do nich przez cel i wersję); „controller” wskazuje administratora; „records” to liczba wpisów; „generated_at” to chwila sporządzenia archiwum (UTC); „contact_id” to identyfikator Państwa rekordu.
archive-readme-wording-languages = „wording_languages” wskazuje, w jakim języku jest każdy z tych tekstów, o ile zostało to zapisane.
archive-readme-csv = csv/: te same wpisy w postaci jednej tabeli arkusza kalkulacyjnego na każde miejsce przechowywania (UTF-8, wartości rozdzielone przecinkami); nagłówki kolumn to nazwy z pliku data.json.
archive-readme-summary = summary.html: czytelne podsumowanie do otwarcia w przeglądarce internetowej, z informacjami, do których uzyskania mają Państwo prawo na mocy art. 15 RODO.
archive-readme-portability = Mogą Państwo przenieść te dane do innego usługodawcy (art. 20 RODO).
basis-consent = Zgoda (art. 6 ust. 1 lit. a RODO)
basis-contract = Wykonanie umowy (art. 6 ust. 1 lit. b RODO)
basis-legitimate-interest = Prawnie uzasadnione interesy (art. 6 ust. 1 lit. f RODO)
basis-legal-obligation = Obowiązek prawny (art. 6 ust. 1 lit. c RODO)
retention-consent = {$days ->
    [one] {$days} dzień
   *[other] {$days} dni
} od wygaśnięcia zgody: gdy wszystkie zgody udzielone przez daną osobę zostaną wycofane, jej dane są usuwane po upływie najdłuższego z okresów tych celów, liczonego od późniejszej z dwóch dat: ostatniego wycofania zgody lub ostatniej aktywności.
retention-other = {$days ->
    [one] {$days} dzień
   *[other] {$days} dni
}; dane osoby, której wszystkie zgody wygasły, nie są przechowywane dłużej w tym celu (są usuwane wraz z nią), a kontakty bez żadnej zgody są usuwane przez regułę dotyczącą nieaktywnych kontaktów, jeśli jest włączona.
retention-removes-engagement = Starsze otwarcia i kliknięcia są usuwane codziennie.
retention-removes-website = Starsze odsłony stron, zdarzenia w sklepie, zamówienia i niepowiązani odwiedzający są usuwani codziennie.
retention-removes-transactional = Starsze wiadomości transakcyjne (szablon, wstawione do niego dane i stan doręczenia) są usuwane codziennie po doręczeniu lub rezygnacji z doręczenia.
store-contacts = Profil: adres e-mail, imię i nazwisko, telefon, język, strefa czasowa, inne podane przez Państwa informacje, etykiety, listy i stan subskrypcji.
store-consents = Zgody: każde udzielenie i wycofanie zgody, z dokładną wyświetloną treścią, sposobem i czasem oraz skróconym adresem IP.
store-contact-history = Historia zmian profilu: które dane się zmieniły, kiedy i kto ich dokonał.
store-contact-activity = Podsumowanie aktywności: kiedy ostatnio otwarto lub kliknięto wiadomość e-mail albo odwiedzono stronę internetową, wraz z liczbami, zamówieniami i wartością zakupów.
store-outbox = Kampanie wysłane lub przeznaczone do wysłania do Państwa, ze stanem doręczenia każdej z nich.
store-messages = Wysłane do Państwa wiadomości serwisowe (np. potwierdzenia) wraz z zawartymi w nich danymi.
store-public-intake = Żądania złożone na naszych stronach publicznych (formularz zapisu, link do logowania w tym portalu), przechowywane do ich wykonania chwilę później.
store-sessions = Sesje logowania do panelu administracyjnego (dotyczy tylko kont pracowników).
store-users = Konto pracownika: login, wyświetlana nazwa, rola i dane logowania.
store-user-preferences = Ustawienia pracownika: język stron administracyjnych.
store-api-tokens = Klucze dostępu do systemów sklepu utworzone za pomocą konta pracownika.
store-bounces = Wiadomości e-mail, których nie udało się doręczyć lub które zostały zgłoszone jako spam: kiedy i z jakiego powodu.
store-audit = Rejestr rozliczalności: co zrobiono z Państwa danymi, kiedy i kto (ze skróconymi adresami IP).
store-dsr-requests = Żądania dotyczące Państwa danych: rodzaj, daty, stan i podjęte działania.
store-dsr-details = Treść Państwa żądań i wysłane odpowiedzi.
store-restrictions = Ograniczenie przetwarzania, o które Państwo wnieśli: od kiedy i dlaczego.
store-events = Otwarcia i kliknięcia naszych wiadomości e-mail oraz odsłony stron, zdarzenia w sklepie i zamówienia na stronie internetowej.
store-track-seen = Czy każda wiadomość e-mail została otwarta lub kliknięta (aby każdą osobę liczyć tylko raz).
store-visitor-links = Powiązanie wizyt na stronie internetowej z profilem (po kliknięciu linku w wiadomości e-mail lub potwierdzeniu formularza).
store-form-submissions = Dane przesłane za pomocą formularza zapisu jako dowód udzielenia zgody: wartości, zaznaczone pola, czas, skrócony adres IP i rodzaj przeglądarki.
store-change-feed = Krótkotrwały zapis, że Państwa dane uległy zmianie (rodzaj zmiany i jej czas, bez treści), przechowywany do czasu uwzględnienia go przez procesy wewnętrzne.
store-segment-memberships = Grupy kontaktów (segmenty) określone przez sklep, do których Państwo obecnie należą, na przykład według zakupów lub ostatniej wizyty, oraz od kiedy.
store-segment-log = Kiedy dołączyli Państwo do każdej z tych grup lub ją opuścili.
store-journey-runs = Automatyczne serie wiadomości (ścieżki), przez które Państwo przechodzą lub przeszli, etap, na którym Państwo są, i co je uruchomiło.
store-journey-log = Co każdy etap tych serii zrobił dla Państwa i dlaczego (na przykład wysłana wiadomość, oczekiwanie lub powód zakończenia).
request-kind-access = Dostęp do danych (art. 15 RODO)
request-kind-portability = Przenoszenie danych (art. 20 RODO)
request-kind-rectification = Sprostowanie danych (art. 16 RODO)
request-kind-erasure = Usunięcie danych (art. 17 RODO)
request-kind-restriction = Ograniczenie przetwarzania (art. 18 RODO)
request-kind-objection = Sprzeciw (art. 21 RODO)
request-kind-withdrawal = Cofnięcie zgody (art. 7 ust. 3 RODO)
request-state-open = w toku
request-state-done = zrealizowane
request-state-refused = odrzucone

## Subscription states, as a person reads them
status-pending = oczekuje na Państwa potwierdzenie
status-subscribed = aktywna
status-unsubscribed = anulowana
status-bounced = wstrzymana (wiadomości na ten adres były zwracane)
status-complained = wstrzymana (oznaczyli Państwo naszą wiadomość jako spam)

## Processing purposes as shipped
purpose-newsletter-name = Newsletter e-mailowy
purpose-newsletter-wording = Tak, chcę otrzymywać e-mailem newsletter z nowościami i ofertami. Mogę zrezygnować w każdej chwili, korzystając z linku w każdej wiadomości.
purpose-engagement-name = Pomiar interakcji z wiadomościami e-mail
purpose-engagement-wording = Tak, zgadzam się na sprawdzanie, czy otwieram wiadomości e-mail i które linki w nich klikam, aby lepiej dopasować ich treść.
purpose-website-tracking-name = Śledzenie zachowań w serwisie
purpose-website-tracking-wording = Tak, zgadzam się na rejestrowanie odwiedzanych przeze mnie stron i moich działań w sklepie oraz na powiązanie ich z moim adresem e-mail.
purpose-transactional-name = Wiadomości transakcyjne
purpose-profiling-name = Ocena zainteresowania (profilowanie)
purpose-profiling-wording = Na podstawie otwarć i kliknięć w naszych wiadomościach, wizyt w naszym serwisie i zamówień szacujemy, jak bardzo interesują Cię nasze oferty, aby wysyłać Ci trafniejsze treści. W każdej chwili możesz wnieść sprzeciw: odznacz to pole, a ocena nie będzie już dla Ciebie obliczana.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = „scores” pokazuje, jak oceniamy Pana/Pani zainteresowanie naszą ofertą (scoring leadów, forma profilowania), obliczone w chwili tworzenia archiwum: dla każdego modelu („model”, „name”) wynik („score”; null, jeśli wniesiono sprzeciw wobec profilowania) i jego składniki („rules”: co liczy każda reguła, „counted” ile razy, „points_given” przed i „points_now” po wygaszeniu punktów z upływem czasu, „half_life_days”). „restricted” ma wartość true, gdy przetwarzanie danych jest ograniczone; wtedy wynik nie jest obliczany. Wyniki nigdy nie są zapisywane.
archive-scores = Pana/Pani wyniki scoringu
archive-scores-intro = Na podstawie tego, co Pan/Pani robi (otwieranie naszych e-maili, klikanie w ich linki, odwiedzanie naszej strony, składanie zamówień) oraz danych w profilu oceniamy zainteresowanie naszą ofertą, aby wybrać, co wysyłać. To jest profilowanie: można w każdej chwili wnieść sprzeciw. Wynik jest obliczany w razie potrzeby i nigdy nie jest zapisywany; punkty za każde zdarzenie z czasem wygasają. Liczy się tylko to, na którego pomiar wyrażono zgodę.
archive-scores-restricted = Przetwarzanie Pana/Pani danych jest ograniczone: wynik nie jest obliczany.
archive-scores-objected = brak (wniesiono sprzeciw wobec profilowania)
archive-scores-half-life = punkty zmniejszają się o połowę co {$days} dni
archive-scores-col-rule = Co się liczy
archive-scores-col-counted = Ile razy
archive-scores-col-points = Punkty teraz
archive-score-opened = otwarcie jednego z naszych e-maili
archive-score-clicked = kliknięcie linku w jednym z naszych e-maili
archive-score-clicked-url = kliknięcie w jednym z naszych e-maili linku zawierającego „{$url}”
archive-score-page-viewed = wyświetlenie na naszej stronie podstrony, której adres zawiera „{$url}”
archive-score-custom = wykonanie „{$name}” na naszej stronie
archive-score-form = wysłanie jednego z naszych formularzy
archive-score-ordered = złożenie zamówienia
archive-score-field = dane w Pana/Pani profilu: {$field}
archive-score-unsubscribed = wypisanie się z subskrypcji
archive-score-bounced = nie udało się doręczyć e-maila wysłanego do Pana/Pani
