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

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d %B %Y, %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = .
archive-title = I tuoi dati personali
archive-title-at = I tuoi dati personali presso {$shop}
archive-made = Generato il {$date} per la scheda {$record}. Il file data.json in questo archivio contiene gli stessi dati per intero, in formato leggibile da dispositivo automatico.
archive-who = Chi li detiene
archive-controller-unnamed = L’organizzazione che ti ha inviato questo archivio
archive-dpo = Responsabile della protezione dei dati: {$contact}.
archive-profile = Il tuo profilo
archive-no-profile = Non conserviamo alcun profilo che ti riguardi.
archive-email = Indirizzo email
archive-first-name = Nome
archive-last-name = Cognome
archive-phone = Telefono
archive-language = Lingua
archive-time-zone = Fuso orario
archive-tags = Etichette
archive-lists = Liste
archive-subscription = Iscrizione
archive-recorded-through = Registrato tramite
archive-recorded-on = Registrato il
archive-last-changed = Ultima modifica
archive-merged = Schede unite in questa
archive-yes = sì
archive-no = no
archive-consents = I tuoi consensi
archive-col-when = Quando
archive-col-purpose = Finalità
archive-col-given = Prestato o revocato
archive-col-how = Come
archive-col-wording = Il testo mostrato
archive-consent-given = prestato
archive-consent-withdrawn = revocato
archive-no-consent = Non risulta alcun consenso.
archive-via-form = un modulo di iscrizione
archive-via-import = l’importazione di un elenco di contatti
archive-via-import-named = l’importazione di un elenco di contatti ({$batch})
archive-via-api = i sistemi del negozio (API)
archive-via-admin = un membro del personale
archive-via-merge = l’unione di due schede che ti riguardano
archive-via-subject = tu stesso, su una delle nostre pagine
archive-why = Perché trattiamo i tuoi dati
archive-col-basis = Base giuridica
archive-col-data = Dati
archive-col-kept = Periodo di conservazione
archive-col-recipients = Destinatari
archive-no-recipients = nessuno al di fuori dell’organizzazione
archive-came-from = Da dove provengono i tuoi dati
archive-no-source = Non risulta alcuna origine.
archive-where = Che cosa è conservato, e dove
archive-col-what = Che cos’è
archive-col-records = Voci
archive-col-file = File in questo archivio
archive-rights = I tuoi diritti
archive-rights-text = Hai il diritto di accesso ai tuoi dati (art. 15 del GDPR) e il diritto alla portabilità dei dati (art. 20), il diritto di rettifica (art. 16), il diritto alla cancellazione (art. 17) e il diritto di limitazione di trattamento (art. 18), il diritto di opporti in qualsiasi momento al trattamento basato sul legittimo interesse e al marketing diretto (art. 21), nonché il diritto di revocare il tuo consenso in qualsiasi momento, senza pregiudicare la liceità del trattamento basata sul consenso prima della revoca (art. 7, paragrafo 3). Hai inoltre il diritto di proporre reclamo a un’autorità di controllo (art. 77).
archive-rights-dpo = Per ciascuno di questi diritti, scrivi a {$contact}.
archive-readme-intro = Questo archivio contiene tutti i dati personali che questa organizzazione conserva su di te, così com’erano al momento in cui l’archivio è stato generato.
archive-readme-data-json = data.json: tutti i dati, in formato leggibile da dispositivo automatico (JSON).
archive-readme-keys = I nomi usati in data.json sono gli stessi in tutte le lingue (in inglese), perché i programmi possano leggerli: «stores» associa a ogni luogo di conservazione le sue voci; «purposes» indica perché viene trattato ogni tipo di dati («name», «description»), su quale base giuridica («lawful_basis»), quali dati («categories»), per quanto tempo («retention_days», «retention») e chi li riceve («recipients»); «wordings» contiene i testi esatti che hai accettato (i consensi vi rimandano per finalità e versione); «controller» indica il titolare del trattamento; «records» è il numero di voci; «generated_at» è il momento in cui l’archivio è stato generato (UTC); «contact_id» è il riferimento della tua scheda.
archive-readme-wording-languages = «wording_languages» indica in quale lingua è scritto ciascuno di questi testi, quando è stato registrato.
archive-readme-csv = csv/: le stesse voci, come una tabella di foglio di calcolo per ogni luogo di conservazione (UTF-8, separata da virgole); le intestazioni delle colonne sono i nomi usati in data.json.
archive-readme-summary = summary.html: un riepilogo leggibile, da aprire in un browser, con le informazioni a cui hai diritto ai sensi dell’articolo 15 del GDPR.
archive-readme-portability = Puoi trasferire questi dati a un altro servizio (articolo 20 del GDPR).
basis-consent = Consenso (art. 6, paragrafo 1, lettera a, del GDPR)
basis-contract = Esecuzione di un contratto (art. 6, paragrafo 1, lettera b, del GDPR)
basis-legitimate-interest = Legittimo interesse (art. 6, paragrafo 1, lettera f, del GDPR)
basis-legal-obligation = Obbligo legale (art. 6, paragrafo 1, lettera c, del GDPR)
retention-consent = {$days ->
    [one] {$days} giorno
   *[other] {$days} giorni
} dalla fine del consenso: quando tutti i consensi prestati da una persona sono stati revocati, i suoi dati vengono cancellati allo scadere del periodo più lungo tra quelli di tali finalità, calcolato dalla data più recente tra l’ultima revoca e la sua ultima attività.
retention-other = {$days ->
    [one] {$days} giorno
   *[other] {$days} giorni
}; una persona i cui consensi sono tutti cessati non viene conservata più a lungo per questa finalità (i suoi dati vengono cancellati con lei), e i contatti privi di qualsiasi consenso vengono rimossi dalla regola sui contatti inattivi, se attiva.
retention-removes-engagement = Le aperture e i clic più vecchi vengono eliminati ogni giorno.
retention-removes-website = Le pagine visitate, gli eventi del negozio, gli ordini e i visitatori non collegati più vecchi vengono eliminati ogni giorno.
retention-removes-transactional = I messaggi transazionali (il modello, i dati inseriti e il loro stato di consegna) più vecchi vengono eliminati ogni giorno, una volta consegnati o abbandonati.
store-contacts = Il tuo profilo: indirizzo email, nome, telefono, lingua, fuso orario, altri dati che ci hai fornito, etichette, liste e stato dell’iscrizione.
store-consents = I tuoi consensi: ciascuno prestato o revocato, con il testo esatto mostrato, come e quando, e un indirizzo IP abbreviato.
store-contact-history = La cronologia delle modifiche al tuo profilo: quali dati sono cambiati, quando e da chi.
store-contact-activity = Un riepilogo delle tue interazioni: quando hai aperto per l’ultima volta un’email, vi hai cliccato o hai visitato il sito, con conteggi, ordini e importo degli acquisti.
store-outbox = Le campagne inviate o da inviarti, con lo stato di consegna di ciascuna.
store-messages = I messaggi di servizio che ti abbiamo inviato (ad esempio conferme), con i dati che contenevano.
store-public-intake = Le richieste che hai fatto sulle nostre pagine pubbliche (un modulo di iscrizione, un link di accesso a questo portale), conservate finché non vengono eseguite un attimo dopo.
store-sessions = Le tue sessioni di accesso all’amministrazione (solo account del personale).
store-users = Il tuo account del personale: nome utente, nome visualizzato, ruolo e credenziali di accesso.
store-user-preferences = Le tue preferenze come membro del personale: la lingua delle pagine di amministrazione.
store-api-tokens = Le chiavi di accesso ai sistemi del negozio create con il tuo account del personale.
store-bounces = Le email che non è stato possibile consegnarti o che hai segnalato come spam: quando, e il motivo indicato.
store-audit = Il registro per la responsabilizzazione: che cosa è stato fatto con i tuoi dati, quando e da chi (con indirizzi IP abbreviati).
store-dsr-requests = Le tue richieste relative ai tuoi dati: tipo, date, stato e passi compiuti.
store-dsr-details = Che cosa hai scritto nelle tue richieste e le risposte che ti abbiamo inviato.
store-restrictions = La limitazione di trattamento che hai chiesto: da quando e perché.
store-events = Le tue aperture e i tuoi clic sulle nostre email, e le tue pagine visitate, gli eventi del negozio e gli ordini sul sito.
store-track-seen = Se hai aperto ogni email o vi hai cliccato (perché ogni persona sia contata una sola volta).
store-visitor-links = Il collegamento tra le tue visite al sito e il tuo profilo (dopo che hai cliccato un link in un’email o confermato un modulo).
store-form-submissions = Ciò che hai inviato tramite un modulo di iscrizione, come prova del tuo consenso: i valori, le caselle spuntate, quando, un indirizzo IP abbreviato e il tipo di browser.
store-change-feed = Una breve annotazione che i tuoi dati sono cambiati (il tipo di modifica e quando, senza il contenuto), conservata finché i processi interni non ne hanno tenuto conto.
store-segment-memberships = I gruppi di contatti (segmenti) definiti dal negozio a cui appartieni ora, per esempio in base a ciò che hai acquistato o alla tua ultima visita, e da quando.
store-segment-log = Quando sei entrato in ciascuno di questi gruppi o ne sei uscito.
store-journey-runs = Le serie automatiche di messaggi (percorsi) che stai seguendo o hai seguito, il passo in cui ti trovi e che cosa le ha avviate.
store-journey-log = Che cosa ha fatto per te ogni passo di queste serie e perché (per esempio un messaggio inviato, un’attesa o perché è terminata).
request-kind-access = Accesso ai tuoi dati (art. 15 del GDPR)
request-kind-portability = Portabilità dei dati (art. 20 del GDPR)
request-kind-rectification = Rettifica (art. 16 del GDPR)
request-kind-erasure = Cancellazione (art. 17 del GDPR)
request-kind-restriction = Limitazione di trattamento (art. 18 del GDPR)
request-kind-objection = Opposizione (art. 21 del GDPR)
request-kind-withdrawal = Revoca del consenso (art. 7, paragrafo 3, del GDPR)
request-state-open = in corso
request-state-done = completata
request-state-refused = respinta

## Subscription states, as a person reads them
status-pending = in attesa della tua conferma
status-subscribed = attiva
status-unsubscribed = annullata
status-bounced = sospesa (le email a questo indirizzo non sono state recapitate)
status-complained = sospesa (hai segnalato una nostra email come spam)

## Processing purposes as shipped
purpose-newsletter-name = Newsletter via email
purpose-newsletter-wording = Sì, desidero ricevere via email la newsletter con novità e offerte. Posso annullare l’iscrizione in qualsiasi momento con il link presente in ogni email.
purpose-engagement-name = Misurazione dell’interazione con le email
purpose-engagement-wording = Sì, acconsento alla misurazione dell’apertura delle email e dei link su cui clicco, per renderle più pertinenti.
purpose-website-tracking-name = Tracciamento del comportamento sul sito
purpose-website-tracking-wording = Sì, acconsento alla registrazione delle pagine che visito e di ciò che faccio nel negozio, collegandole al mio indirizzo email.
purpose-transactional-name = Email transazionali
purpose-profiling-name = Punteggio di interesse (profilazione)
purpose-profiling-wording = Stimiamo, in base alle aperture e ai clic nelle nostre email, alle visite al nostro sito e ai tuoi ordini, quanto ti interessano le nostre offerte, per inviarti ciò che è più pertinente. Puoi opporti in qualsiasi momento: togli la spunta e non verrà più calcolato alcun punteggio per te.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = «scores» mostra quanto riteniamo che lei sia interessato alle nostre offerte (punteggi lead, una forma di profilazione), calcolato quando l’archivio è stato creato: per ogni modello («model», «name») il punteggio («score»; null se si è opposto alla profilazione) e la sua composizione («rules»: cosa conta ogni regola, «counted» quante volte, «points_given» prima e «points_now» dopo che i punti si sono attenuati nel tempo, «half_life_days»). «restricted» è true quando il trattamento dei suoi dati è limitato, e in tal caso non viene calcolato alcun punteggio. I punteggi non vengono mai memorizzati.
archive-scores = I suoi punteggi lead
archive-scores-intro = In base a ciò che fa (aprire le nostre e-mail, cliccare sui loro link, visitare il nostro sito, ordinare) e a ciò che riporta la sua scheda, stimiamo quanto è interessato alle nostre offerte, per scegliere cosa inviarle. Si tratta di profilazione: può opporsi in qualsiasi momento. Un punteggio viene calcolato quando serve e mai memorizzato; i punti di ogni evento si attenuano nel tempo. Conta solo ciò che ci ha permesso di misurare.
archive-scores-restricted = Il trattamento dei suoi dati è limitato: non viene calcolato alcun punteggio per lei.
archive-scores-objected = nessuno (si è opposto alla profilazione)
archive-scores-half-life = i punti si dimezzano ogni {$days} giorni
archive-scores-col-rule = Cosa conta
archive-scores-col-counted = Volte contate
archive-scores-col-points = Punti attuali
archive-score-opened = ha aperto una delle nostre e-mail
archive-score-clicked = ha cliccato su un link in una delle nostre e-mail
archive-score-clicked-url = ha cliccato in una delle nostre e-mail su un link che contiene «{$url}»
archive-score-page-viewed = ha visitato sul nostro sito una pagina il cui indirizzo contiene «{$url}»
archive-score-custom = ha eseguito «{$name}» sul nostro sito
archive-score-form = ha inviato uno dei nostri moduli
archive-score-ordered = ha effettuato un ordine
archive-score-field = un dato del suo profilo: {$field}
archive-score-unsubscribed = ha annullato l’iscrizione
archive-score-bounced = non è stato possibile recapitarle un’e-mail
