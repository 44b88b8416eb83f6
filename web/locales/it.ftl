# Tidings: the public pages and the mail people receive, in Italian (Italiano).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: "tu", throughout. Dates follow "in data" / "scadenza:" rather than an article,
# because "il"/"dal" would need elision before 8 and 11 ("l'8", "dall'11").

## About this language
meta-language-name = Italiano
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d %B %Y
meta-datetime = %-d %B %Y, %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = it_IT

## System mail
mail-hello = Ciao,
mail-hello-name = Ciao {$name},
mail-confirm-subject = Conferma la tua iscrizione alla newsletter di {$organisation}
mail-confirm-intro = Questo indirizzo è stato inserito in un modulo di iscrizione di {$organisation}. Conferma che vuoi ricevere la newsletter di {$organisation}:
mail-confirm-button = Sì, iscrivimi
mail-confirm-ignore = Se non l’hai richiesto tu, ignora questo messaggio: senza la tua conferma non ti invieremo nulla e il tuo indirizzo verrà rimosso entro pochi giorni.
mail-portal-subject = Il tuo link ai tuoi dati personali presso {$organisation}
mail-portal-intro = Qualcuno (speriamo tu) ha chiesto nella pagina privacy di {$organisation} di vedere i dati personali che {$organisation} conserva su questo indirizzo. Aprili con questo link; funziona una sola volta, per 30 minuti:
mail-portal-button = Vedi i miei dati
mail-portal-ignore = Se non l’hai richiesto tu, ignora questo messaggio: senza il link non succede nulla.
mail-outcome-subject = La tua richiesta sui tuoi dati personali
mail-outcome-done = Come hai chiesto, abbiamo {$done}.
mail-outcome-rectified = rettificato i tuoi dati personali (art. 16 GDPR)
mail-outcome-erased = cancellato i tuoi dati personali (art. 17 GDPR)
mail-outcome-restricted = limitato il trattamento dei tuoi dati personali (art. 18 GDPR)
mail-outcome-recipients = Avevamo comunicato i tuoi dati a {$recipients}; il nostro responsabile della protezione dei dati informa questi destinatari della modifica.
mail-outcome-no-recipients = Non avevamo comunicato i tuoi dati a nessuno.
mail-outcome-closing = Scrivici se qualcosa non è come avevi chiesto.
mail-outcome-last = Questo è l’ultimo messaggio che ricevi da {$organisation}.
mail-footer-view = Visualizza nel browser
mail-footer-preferences = Preferenze
mail-footer-unsubscribe = Annulla iscrizione
mail-footer-privacy = Privacy

## Every public page
page-language = Lingua
page-footer-dpo = Domande sui tuoi dati: {$contact}
page-footer-portal = Consulta e gestisci i tuoi dati personali
page-optional = (facoltativo)
page-required = (obbligatorio)

## Pages that stop a visitor
too-many-requests = Troppe richieste
    .text = Nell’ultimo minuto sono arrivate troppe richieste dalla tua rete. Attendi un minuto e riprova.
link-broken = Questo link non funziona
    .text = Il link potrebbe essere stato copiato in modo incompleto. Aprilo di nuovo dall’email oppure usa il link per annullare l’iscrizione presente in un’email più recente.
form-too-large = Impossibile inviare il modulo
    .text = Il modulo supera {$limit}. Torna indietro, accorcia il testo inserito e riprova.
form-unreadable = Impossibile leggere il modulo
    .text = Torna indietro e riprova.
form-foreign = Il modulo non proviene da questa pagina
    .text = Apri le tue preferenze email dal link contenuto nell’email e riprova.

## Subscribe forms
form-email = Indirizzo email
form-first-name = Nome
form-last-name = Cognome
form-honeypot = Lascia vuoto questo campo
form-needs-javascript = Questo modulo richiede JavaScript per verificare che venga inviato da un browser: attiva JavaScript, per favore.
form-submit = Iscriviti
form-not-found = Modulo non trovato
    .text = A questo indirizzo non c’è nessun modulo di iscrizione.
form-not-sent = Non inviato
form-check-inbox = Controlla la tua casella di posta
form-thank-you = Grazie
form-consent = Consenso
form-bad-email = Questo non è un indirizzo email valido. Controllalo e riprova.
form-tick-purpose = Seleziona «{$purpose}» per iscriverti: senza il tuo consenso non possiamo inviarti nulla.
form-tick-any = Seleziona almeno una casella: senza il tuo consenso non possiamo inviarti nulla, quindi l’iscrizione non avrebbe effetto.
form-pow-missing = Questo modulo richiede JavaScript per verificare che venga inviato da un browser. Attiva JavaScript e riprova.
form-pow-expired = Il modulo è rimasto aperto troppo a lungo. Torna indietro, ricarica la pagina e invialo di nuovo.
form-pow-failed = La verifica del browser non è andata a buon fine. Torna indietro, ricarica la pagina e invia di nuovo il modulo.
form-control-character = Il campo «{$field}» contiene un ritorno a capo o un altro carattere di controllo, che non sono consentiti. Torna indietro e correggilo.
form-too-often = Troppi tentativi
    .text = Questo modulo è stato inviato troppe volte in poco tempo. Attendi un po’ e riprova.
form-confirm-title = Conferma la tua iscrizione
form-confirm-text = Hai chiesto di iscriverti. Clicca sul pulsante per confermare: finché non lo farai, non ti invieremo nulla.
form-confirm-text-titled = Hai chiesto di iscriverti («{$title}»). Clicca sul pulsante per confermare: finché non lo farai, non ti invieremo nulla.
form-confirm-button = Sì, confermo la mia iscrizione
form-confirmed = Iscrizione confermata
    .text = Grazie, la tua iscrizione è confermata. Puoi annullarla in qualsiasi momento con il link presente in ogni email.
form-link-expired = Questo link è scaduto
    .text = I link di conferma sono validi solo per un periodo limitato. Iscriviti di nuovo tramite il modulo e usa il nuovo link.
form-link-invalid = Questo link non è valido
    .text = Il link è incompleto o è stato modificato, oppure l’iscrizione a cui si riferisce non esiste più. Copia il link completo dall’email oppure iscriviti di nuovo.

## Unsubscribe
unsubscribe-title = Annulla iscrizione
unsubscribe-question = Vuoi annullare l’iscrizione alle email di {$shop}?
unsubscribe-question-address = Vuoi annullare l’iscrizione di {$address} alle email di {$shop}?
unsubscribe-already = L’iscrizione di questo indirizzo è già stata annullata. Se vuoi, puoi confermare di nuovo: non cambierà nient’altro.
unsubscribe-explained = Non riceverai più newsletter né offerte da {$shop} e tutti i consensi che ci hai dato a questo scopo saranno revocati. Le email necessarie per un ordine (conferme, fatture) continueranno ad arrivarti.
unsubscribe-button = Annulla l’iscrizione
unsubscribe-instead-link = Scegli invece cosa ricevere
unsubscribed-title = Iscrizione annullata
unsubscribed-text = {$shop} non ti invierà più newsletter né offerte.
unsubscribed-withdrawn = Abbiamo inoltre registrato la revoca del tuo consenso per:
unsubscribed-changed-mind = Hai cambiato idea o vuoi ricevere solo una parte delle nostre email?
unsubscribed-choose = Scegli cosa ricevere

## Preference centre
preferences-title = Le tue preferenze email
preferences-for = Per {$address} presso {$shop}.
preferences-unsubscribed = Hai annullato l’iscrizione a tutte le email. Seleziona un argomento e salva per iscriverti di nuovo.
preferences-paused = Al momento non inviamo email a questo indirizzo.
preferences-agree = A cosa dai il tuo consenso
preferences-lists = Liste
preferences-save = Salva le mie scelte
preferences-saved = Le tue scelte sono state salvate.
preferences-everything-done = Hai annullato l’iscrizione a tutte le email e tutti i consensi sono stati revocati.
preferences-everything = Annulla l’iscrizione a tutto
preferences-everything-text = Nessuna newsletter o offerta e revoca di tutti i consensi indicati sopra.
preferences-held-title = Quali dati conserviamo su di te
preferences-held-email = Il tuo indirizzo email ({$address}), registrato in data {$since}.
preferences-held-name = Il tuo nome, così come ce l’hai indicato.
preferences-held-phone = Il tuo numero di telefono.
preferences-held-locale = La tua lingua o il tuo fuso orario, per scriverti nella tua lingua e all’orario giusto.
preferences-held-custom = Altre informazioni che ci hai fornito: {$fields}.
preferences-held-lists = Le liste di cui fai parte: {$lists}.
preferences-held-no-list = Non fai parte di nessuna lista.
preferences-held-consents = I tuoi consensi: per ciascun argomento indicato sopra, quando e in che modo hai prestato o revocato il consenso, e il testo esatto che hai accettato.
preferences-held-status = Lo stato della tua iscrizione e la cronologia delle modifiche ai tuoi dati.
preferences-use = Li utilizziamo solo per inviarti ciò che hai scelto sopra. Per riceverne una copia completa o chiederne la rettifica o la cancellazione, usa il portale privacy.
preferences-use-dpo = Li utilizziamo solo per inviarti ciò che hai scelto sopra. Per riceverne una copia completa o chiederne la rettifica o la cancellazione, scrivi a {$contact} oppure usa il portale privacy.

## Privacy portal
portal-title = I tuoi dati personali
portal-heading = I tuoi dati personali presso {$shop}
portal-sent = Se conserviamo dati associati a questo indirizzo, ti abbiamo appena inviato un link. Funziona una sola volta, per 30 minuti. Controlla la tua casella di posta (e la cartella spam).
portal-intro = Scopri quali dati conserviamo su di te, scaricane una copia, correggili, cambia ciò che ricevi o chiedine la cancellazione, senza dover scrivere a nessuno. Inserisci il tuo indirizzo email e ti invieremo un link per accedere.
portal-email = Il tuo indirizzo email
portal-send-link = Inviami un link
portal-bad-address = Questo non è un indirizzo email valido. Controllalo e riprova.
portal-link-expired = Questo link era valido per 30 minuti ed è scaduto. Richiedine uno nuovo.
portal-link-used = Questo link è già stato usato: ogni link funziona una sola volta. Richiedine uno nuovo.
portal-link-broken = Questo link non funziona: potrebbe essere stato copiato in modo incompleto. Richiedine uno nuovo.
portal-session-ended = La tua sessione nel portale è scaduta (dura 30 minuti). Richiedi un nuovo link.
portal-nothing-held = Non conserviamo più alcun dato su di te.
portal-open-title = Accedi ai tuoi dati personali
portal-open-text = Questo link funziona una sola volta e ti dà accesso ai tuoi dati per 30 minuti.
portal-continue = Continua
portal-signed-in = Accesso effettuato come {$address}. Scadenza della sessione: {$until}.
portal-restricted = Su tua richiesta, il trattamento dei tuoi dati è limitato: li conserviamo, ma non li utilizziamo per nessun altro scopo.
portal-held = Quali dati conserviamo
portal-email-label = Email
portal-name = Nome
portal-phone = Telefono
portal-subscription = Iscrizione
portal-lists = Liste
portal-since = Data di registrazione
portal-consents = I tuoi consensi
portal-consent-given = {$purpose}: prestato in data {$date}
portal-consent-withdrawn = {$purpose}: revocato in data {$date}
portal-where-kept = Dove sono conservati
portal-download = Scarica tutto (.zip)
portal-download-text = Un riepilogo leggibile che spiega perché trattiamo i tuoi dati, su quale base giuridica, per quanto tempo e chi li riceve, insieme a tutti i dati in formato JSON e come fogli di calcolo.
portal-correct-name = Correggi il tuo nome
portal-first-name = Nome
portal-last-name = Cognome
portal-save = Salva
portal-saved = I tuoi dati sono stati corretti.
portal-receive = Cosa ricevi
portal-receive-link = Scegli liste e consensi
portal-erase = Cancella i tuoi dati
portal-erase-review = Cancelleremo tutti i dati che conserviamo su di te e te lo confermeremo via email entro un mese.
portal-erase-now = Tutti i dati che conserviamo su di te vengono cancellati immediatamente. L’operazione non può essere annullata.
portal-erase-fingerprint = Conserviamo solo un’impronta crittografica del tuo indirizzo, calcolata con una chiave segreta, affinché non venga aggiunto di nuovo senza un tuo nuovo consenso.
portal-erase-confirm = Sì, cancella i miei dati
portal-erase-button = Cancella i miei dati
portal-erase-queued = La tua richiesta di cancellazione è stata registrata: la eseguiremo e te lo confermeremo via email entro un mese.
portal-erased = I tuoi dati sono stati cancellati
    .text = Tutti i dati che conservavamo su di te sono stati cancellati. Conserviamo solo un’impronta crittografica del tuo indirizzo, calcolata con una chiave segreta, affinché non venga aggiunto di nuovo senza un tuo nuovo consenso.
portal-requests = Le tue richieste
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Esci

## Subscription states, as a person reads them
status-pending = in attesa della tua conferma
status-subscribed = attiva
status-unsubscribed = annullata
status-bounced = sospesa (le email a questo indirizzo non sono state recapitate)
status-complained = sospesa (hai segnalato una nostra email come spam)
