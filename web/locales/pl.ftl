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

## Subscription states, as a person reads them
status-pending = oczekuje na Państwa potwierdzenie
status-subscribed = aktywna
status-unsubscribed = anulowana
status-bounced = wstrzymana (wiadomości na ten adres były zwracane)
status-complained = wstrzymana (oznaczyli Państwo naszą wiadomość jako spam)
