# Tidings: the public pages and the mail people receive, in French (Français).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: "vous". Typography: a no-break space (U+00A0) before ":" and inside « »,
# a narrow no-break space (U+202F) before "?", "!" and ";".

## About this language
meta-language-name = Français
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d %B %Y
meta-datetime = %-d %B %Y à %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = fr_FR

## System mail
mail-hello = Bonjour,
mail-hello-name = Bonjour {$name},
mail-confirm-subject = Veuillez confirmer votre inscription à la newsletter de {$organisation}
mail-confirm-intro = Cette adresse a été saisie dans un formulaire d’inscription de {$organisation}. Veuillez confirmer que vous souhaitez recevoir la newsletter de {$organisation} :
mail-confirm-button = Oui, je m’inscris
mail-confirm-ignore = Si vous n’avez rien demandé, ignorez ce message : sans votre confirmation, nous ne vous enverrons rien et votre adresse sera supprimée d’ici quelques jours.
mail-portal-subject = Votre lien vers vos données personnelles chez {$organisation}
mail-portal-intro = Quelqu’un (vous, nous l’espérons) a demandé sur la page de confidentialité de {$organisation} à consulter les données personnelles que {$organisation} détient sur cette adresse. Ouvrez-les avec ce lien ; il ne fonctionne qu’une fois, pendant 30 minutes :
mail-portal-button = Voir mes données
mail-portal-ignore = Si vous n’avez rien demandé, ignorez ce message : rien ne se passe sans le lien.
mail-outcome-subject = Votre demande concernant vos données personnelles
mail-outcome-done = Comme vous l’avez demandé, nous avons {$done}.
mail-outcome-rectified = rectifié vos données personnelles (art. 16 du RGPD)
mail-outcome-erased = effacé vos données personnelles (art. 17 du RGPD)
mail-outcome-restricted = limité le traitement de vos données personnelles (art. 18 du RGPD)
mail-outcome-recipients = Nous avions transmis vos données à {$recipients} ; notre délégué à la protection des données informe ces destinataires de ce changement.
mail-outcome-no-recipients = Nous n’avions transmis vos données à personne.
mail-outcome-closing = Écrivez-nous si quelque chose ne correspond pas à votre demande.
mail-outcome-last = Ceci est le dernier message que vous recevez de {$organisation}.
mail-footer-view = Voir dans le navigateur
mail-footer-preferences = Préférences
mail-footer-unsubscribe = Se désinscrire
mail-footer-privacy = Confidentialité

## Every public page
page-language = Langue
page-footer-dpo = Questions sur vos données : {$contact}
page-footer-portal = Consulter et gérer vos données personnelles
page-optional = (facultatif)
page-required = (obligatoire)

## Pages that stop a visitor
too-many-requests = Trop de requêtes
    .text = Votre réseau a envoyé trop de requêtes au cours de la dernière minute. Veuillez patienter une minute, puis réessayer.
link-broken = Ce lien ne fonctionne pas
    .text = Le lien a peut-être été copié de manière incomplète. Ouvrez-le à nouveau depuis l’e-mail, ou utilisez le lien de désinscription d’un e-mail plus récent.
form-too-large = Le formulaire n’a pas pu être envoyé
    .text = Le formulaire dépasse {$limit}. Revenez en arrière, raccourcissez votre saisie et réessayez.
form-unreadable = Le formulaire n’a pas pu être lu
    .text = Revenez en arrière et réessayez.
form-foreign = Le formulaire ne provient pas de cette page
    .text = Ouvrez vos préférences e-mail à partir du lien figurant dans l’e-mail, puis réessayez.

## Subscribe forms
form-email = Adresse e-mail
form-first-name = Prénom
form-last-name = Nom
form-honeypot = Laissez ce champ vide
form-needs-javascript = Ce formulaire vérifie qu’il est bien envoyé par un navigateur, ce qui nécessite JavaScript : veuillez activer JavaScript.
form-submit = S’inscrire
form-not-found = Formulaire introuvable
    .text = Il n’y a pas de formulaire d’inscription à cette adresse.
form-not-sent = Non envoyé
form-check-inbox = Consultez votre boîte de réception
form-thank-you = Merci
form-consent = Consentement
form-bad-email = Cette adresse e-mail n’est pas valide. Vérifiez-la et réessayez.
form-tick-purpose = Cochez « {$purpose} » pour vous inscrire : sans votre consentement, nous ne pouvons rien vous envoyer.
form-tick-any = Cochez au moins une case : sans votre consentement, nous ne pouvons rien vous envoyer, et votre inscription ne pourrait donc pas être prise en compte.
form-pow-missing = Ce formulaire vérifie qu’il est bien envoyé par un navigateur, ce qui nécessite JavaScript. Activez JavaScript et réessayez.
form-pow-expired = Le formulaire est resté ouvert trop longtemps. Revenez en arrière, rechargez la page et renvoyez le formulaire.
form-pow-failed = La vérification du navigateur a échoué. Revenez en arrière, rechargez la page et renvoyez le formulaire.
form-control-character = Le champ « {$field} » contient un saut de ligne ou un autre caractère de contrôle, ce qui n’est pas accepté. Revenez en arrière et corrigez-le.
form-too-often = Trop de tentatives
    .text = Ce formulaire a été envoyé trop souvent en peu de temps. Veuillez patienter un moment, puis réessayer.
form-confirm-title = Confirmez votre inscription
form-confirm-text = Vous avez demandé à vous inscrire. Cliquez sur le bouton pour confirmer. Tant que vous n’aurez pas confirmé, nous ne vous enverrons rien.
form-confirm-text-titled = Vous avez demandé à vous inscrire (« {$title} »). Cliquez sur le bouton pour confirmer. Tant que vous n’aurez pas confirmé, nous ne vous enverrons rien.
form-confirm-button = Oui, je confirme mon inscription
form-confirmed = Inscription confirmée
    .text = Merci, votre inscription est confirmée. Vous pouvez vous désinscrire à tout moment grâce au lien présent dans chacun de nos e-mails.
form-link-expired = Ce lien a expiré
    .text = Les liens de confirmation ne sont valables que pendant une durée limitée. Inscrivez-vous à nouveau via le formulaire et utilisez le nouveau lien.
form-link-invalid = Ce lien n’est pas valide
    .text = Le lien est incomplet ou a été modifié, ou bien l’inscription correspondante n’existe plus. Copiez le lien complet depuis l’e-mail, ou inscrivez-vous à nouveau.

## Unsubscribe
unsubscribe-title = Désinscription
unsubscribe-question = Vous désinscrire des e-mails envoyés par {$shop} ?
unsubscribe-question-address = Désinscrire {$address} des e-mails envoyés par {$shop} ?
unsubscribe-already = Cette adresse est déjà désinscrite. Vous pouvez confirmer de nouveau si vous le souhaitez : cela ne changera rien de plus.
unsubscribe-explained = {$shop} ne vous enverra plus de newsletters ni d’offres, et tous les consentements que vous nous avez donnés à cet effet seront retirés. Les e-mails nécessaires à vos commandes (confirmations, factures) continueront de vous être envoyés.
unsubscribe-button = Me désinscrire
unsubscribe-instead-link = Choisir plutôt ce que vous recevez
unsubscribed-title = Désinscription effectuée
unsubscribed-text = {$shop} ne vous enverra plus de newsletters ni d’offres.
unsubscribed-withdrawn = Nous avons également enregistré le retrait de votre consentement pour :
unsubscribed-changed-mind = Vous avez changé d’avis, ou vous ne souhaitez recevoir qu’une partie de nos e-mails ?
unsubscribed-choose = Choisir ce que vous recevez

## Preference centre
preferences-title = Vos préférences e-mail
preferences-for = Pour {$address} chez {$shop}.
preferences-unsubscribed = Vous ne recevez plus aucun de nos e-mails. Cochez un thème et enregistrez pour vous réinscrire.
preferences-paused = Nous n’envoyons actuellement aucun e-mail à cette adresse.
preferences-agree = Ce à quoi vous consentez
preferences-lists = Listes
preferences-save = Enregistrer mes choix
preferences-saved = Vos choix ont été enregistrés.
preferences-everything-done = Vous ne recevrez plus aucun de nos e-mails, et tous vos consentements ont été retirés.
preferences-everything = Me désinscrire de tout
preferences-everything-text = Plus aucune newsletter ni offre, et retrait de tous les consentements ci-dessus.
preferences-held-title = Les données que nous détenons sur vous
preferences-held-email = Votre adresse e-mail ({$address}), depuis le {$since}.
preferences-held-name = Votre nom, tel que vous nous l’avez indiqué.
preferences-held-phone = Votre numéro de téléphone.
preferences-held-locale = Votre langue ou votre fuseau horaire, pour vous écrire dans votre langue et à une heure appropriée.
preferences-held-custom = Les autres informations que vous nous avez fournies : {$fields}.
preferences-held-lists = Les listes dont vous faites partie : {$lists}.
preferences-held-no-list = Vous ne faites partie d’aucune liste.
preferences-held-consents = Vos consentements : pour chaque thème ci-dessus, quand et comment vous avez donné ou retiré votre consentement, et le texte exact auquel vous avez consenti.
preferences-held-status = Votre statut d’inscription et l’historique des modifications de vos informations.
preferences-use = Nous les utilisons uniquement pour vous envoyer ce que vous avez choisi ci-dessus. Pour en obtenir une copie complète, les faire rectifier ou les faire effacer, utilisez le portail de protection des données.
preferences-use-dpo = Nous les utilisons uniquement pour vous envoyer ce que vous avez choisi ci-dessus. Pour en obtenir une copie complète, les faire rectifier ou les faire effacer, écrivez à {$contact} ou utilisez le portail de protection des données.

## Privacy portal
portal-title = Vos données personnelles
portal-heading = Vos données personnelles chez {$shop}
portal-sent = Si nous détenons des données liées à cette adresse, nous venons d’y envoyer un lien. Il ne fonctionne qu’une fois, pendant 30 minutes. Consultez votre boîte de réception (et votre dossier de spam).
portal-intro = Consultez les données que nous détenons sur vous, téléchargez-en une copie, rectifiez-les, modifiez ce que vous recevez ou faites-les effacer, sans avoir à écrire à qui que ce soit. Saisissez votre adresse e-mail et nous vous enverrons un lien de connexion.
portal-email = Votre adresse e-mail
portal-send-link = Recevoir un lien
portal-bad-address = Cette adresse e-mail n’est pas valide. Vérifiez-la et réessayez.
portal-link-expired = Ce lien était valable 30 minutes et a expiré. Demandez-en un nouveau.
portal-link-used = Ce lien a déjà été utilisé (chaque lien ne fonctionne qu’une fois). Demandez-en un nouveau.
portal-link-broken = Ce lien ne fonctionne pas. Il a peut-être été copié de manière incomplète. Demandez-en un nouveau.
portal-session-ended = Votre session sur le portail a expiré (elle dure 30 minutes). Demandez un nouveau lien.
portal-nothing-held = Nous ne détenons plus aucune donnée vous concernant.
portal-open-title = Accéder à vos données personnelles
portal-open-text = Ce lien ne fonctionne qu’une fois et vous donne accès à vos données pendant 30 minutes.
portal-continue = Continuer
portal-signed-in = Session ouverte pour {$address} jusqu’au {$until}.
portal-restricted = À votre demande, le traitement de vos données est limité : nous les conservons, mais ne les utilisons à aucune autre fin.
portal-held = Ce que nous détenons
portal-email-label = E-mail
portal-name = Nom
portal-phone = Téléphone
portal-subscription = Inscription
portal-lists = Listes
portal-since = Depuis
portal-consents = Vos consentements
portal-consent-given = {$purpose} : donné le {$date}
portal-consent-withdrawn = {$purpose} : retiré le {$date}
portal-where-kept = Où vos données sont conservées
portal-download = Tout télécharger (.zip)
portal-download-text = Un récapitulatif lisible indiquant pourquoi nous traitons vos données, sur quelle base légale, pendant combien de temps et qui en sont les destinataires, ainsi que l’ensemble des données aux formats JSON et tableur.
portal-correct-name = Rectifier votre nom
portal-first-name = Prénom
portal-last-name = Nom
portal-save = Enregistrer
portal-saved = Vos informations ont été rectifiées.
portal-receive = Ce que vous recevez
portal-receive-link = Choisir les listes et les consentements
portal-erase = Effacer vos données
portal-erase-review = Nous effacerons toutes les données que nous détenons sur vous et vous le confirmerons par e-mail dans un délai d’un mois.
portal-erase-now = Toutes les données que nous détenons sur vous sont effacées immédiatement. Cette action est irréversible.
portal-erase-fingerprint = Nous conservons uniquement une empreinte cryptographique de votre adresse, calculée avec une clé secrète, afin qu’elle ne puisse être réinscrite qu’avec votre nouveau consentement.
portal-erase-confirm = Oui, effacer mes données
portal-erase-button = Effacer mes données
portal-erase-queued = Votre demande d’effacement a bien été enregistrée : nous la traiterons et vous le confirmerons par e-mail dans un délai d’un mois.
portal-erased = Vos données ont été effacées
    .text = Toutes les données que nous détenions sur vous ont été effacées. Nous conservons uniquement une empreinte cryptographique de votre adresse, calculée avec une clé secrète, afin qu’elle ne puisse être réinscrite qu’avec votre nouveau consentement.
portal-requests = Vos demandes
portal-request-line = {$kind}, {$date} : {$state}
portal-sign-out = Se déconnecter

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d %B %Y à %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = {"\u202F"}
archive-title = Vos données personnelles
archive-title-at = Vos données personnelles chez {$shop}
archive-made = Établi le {$date} pour la fiche {$record}. Le fichier data.json de cette archive contient les mêmes données dans leur intégralité, dans un format lisible par machine.
archive-who = Qui les détient
archive-controller-unnamed = L’organisation qui vous a envoyé cette archive
archive-dpo = Délégué à la protection des données : {$contact}.
archive-profile = Votre profil
archive-no-profile = Nous ne détenons aucun profil vous concernant.
archive-email = Adresse e-mail
archive-first-name = Prénom
archive-last-name = Nom
archive-phone = Téléphone
archive-language = Langue
archive-time-zone = Fuseau horaire
archive-tags = Étiquettes
archive-lists = Listes
archive-subscription = Abonnement
archive-recorded-through = Enregistré via
archive-recorded-on = Enregistré le
archive-last-changed = Dernière modification
archive-merged = Fiches fusionnées dans celle-ci
archive-yes = oui
archive-no = non
archive-consents = Vos consentements
archive-col-when = Quand
archive-col-purpose = Finalité
archive-col-given = Donné ou retiré
archive-col-how = Comment
archive-col-wording = Le texte affiché
archive-consent-given = donné
archive-consent-withdrawn = retiré
archive-no-consent = Aucun consentement n’est enregistré.
archive-via-form = un formulaire d’inscription
archive-via-import = l’import d’une liste de contacts
archive-via-import-named = l’import d’une liste de contacts ({$batch})
archive-via-api = les systèmes de la boutique (API)
archive-via-admin = un membre du personnel
archive-via-merge = la fusion de deux fiches vous concernant
archive-via-subject = vous-même, sur l’une de nos pages
archive-why = Pourquoi nous traitons vos données
archive-col-basis = Base juridique
archive-col-data = Données
archive-col-kept = Durée de conservation
archive-col-recipients = Destinataires
archive-no-recipients = personne en dehors de l’organisation
archive-came-from = D’où proviennent vos données
archive-no-source = Aucune origine n’est enregistrée.
archive-where = Ce qui est conservé, et où
archive-col-what = De quoi il s’agit
archive-col-records = Enregistrements
archive-col-file = Fichier dans cette archive
archive-rights = Vos droits
archive-rights-text = Vous disposez d’un droit d’accès à vos données (art. 15 du RGPD) et d’un droit à la portabilité des données (art. 20), d’un droit de rectification (art. 16), d’un droit à l’effacement (art. 17) et d’un droit à la limitation du traitement (art. 18), du droit de vous opposer à tout moment au traitement fondé sur l’intérêt légitime et à la prospection (art. 21), ainsi que du droit de retirer votre consentement à tout moment, sans que cela compromette la licéité du traitement fondé sur le consentement effectué avant ce retrait (art. 7, paragraphe 3). Vous avez également le droit d’introduire une réclamation auprès d’une autorité de contrôle (art. 77).
archive-rights-dpo = Pour exercer l’un de ces droits, écrivez à {$contact}.
archive-readme-intro = Cette archive contient toutes les données personnelles que cette organisation conserve à votre sujet, telles qu’elles étaient au moment où l’archive a été établie.
archive-readme-data-json = data.json : toutes les données, dans un format lisible par machine (JSON).
archive-readme-keys = Les noms utilisés dans data.json sont les mêmes dans toutes les langues (en anglais), afin que des programmes puissent les lire : « stores » associe à chaque lieu de conservation ses enregistrements ; « purposes » indique pourquoi chaque type de données est traité (« name », « description »), sur quelle base juridique (« lawful_basis »), quelles données (« categories »), pendant combien de temps (« retention_days », « retention ») et qui les reçoit (« recipients ») ; « wordings » contient les textes exacts auxquels vous avez consenti (les consentements y renvoient par finalité et version) ; « controller » désigne le responsable du traitement ; « records » est le nombre d’enregistrements ; « generated_at » est le moment où l’archive a été établie (UTC) ; « contact_id » est la référence de votre fiche.
archive-readme-wording-languages = « wording_languages » indique dans quelle langue chacun de ces textes est rédigé, lorsque cela a été enregistré.
archive-readme-csv = csv/ : les mêmes enregistrements, sous forme d’un tableau par lieu de conservation (UTF-8, séparateur virgule) ; les en-têtes de colonnes sont les noms utilisés dans data.json.
archive-readme-summary = summary.html : un récapitulatif lisible, à ouvrir dans un navigateur web, avec les informations auxquelles l’article 15 du RGPD vous donne droit.
archive-readme-portability = Vous pouvez transmettre ces données à un autre service (article 20 du RGPD).
basis-consent = Consentement (art. 6, paragraphe 1, point a, du RGPD)
basis-contract = Exécution d’un contrat (art. 6, paragraphe 1, point b, du RGPD)
basis-legitimate-interest = Intérêts légitimes (art. 6, paragraphe 1, point f, du RGPD)
basis-legal-obligation = Obligation légale (art. 6, paragraphe 1, point c, du RGPD)
retention-consent = {$days ->
    [one] {$days} jour
   *[other] {$days} jours
} après la fin du consentement : lorsque tous les consentements donnés par une personne ont été retirés, ses données sont effacées à l’issue de la plus longue durée de ces finalités, comptée à partir de la date la plus tardive entre le dernier retrait et sa dernière activité.
retention-other = {$days ->
    [one] {$days} jour
   *[other] {$days} jours
} ; une personne dont tous les consentements ont pris fin n’est pas conservée plus longtemps pour cette finalité (ses données sont effacées avec elle), et les contacts sans aucun consentement sont supprimés par la règle des contacts inactifs lorsqu’elle est activée.
retention-removes-engagement = Les ouvertures et les clics plus anciens sont supprimés chaque jour.
retention-removes-website = Les pages vues, les événements de la boutique, les commandes et les visiteurs non rattachés plus anciens sont supprimés chaque jour.
retention-removes-transactional = Les messages transactionnels (le modèle, les données qui y ont été insérées et leur état de remise) plus anciens sont supprimés chaque jour une fois remis ou abandonnés.
store-contacts = Votre profil : adresse e-mail, nom, téléphone, langue, fuseau horaire, autres informations que vous avez fournies, étiquettes, listes et état de l’abonnement.
store-consents = Vos consentements : chaque consentement donné ou retiré, avec le texte exact affiché, comment et quand, et une adresse IP tronquée.
store-contact-history = L’historique des modifications de votre profil : quelles informations ont changé, quand et par qui.
store-contact-activity = Un résumé de vos interactions : quand vous avez ouvert un e-mail, cliqué dessus ou visité le site pour la dernière fois, avec des totaux, les commandes et le chiffre d’affaires.
store-outbox = Les campagnes qui vous ont été envoyées ou doivent l’être, avec l’état de remise de chacune.
store-messages = Les messages de service qui vous ont été envoyés (par exemple des confirmations), avec les données qu’ils contenaient.
store-public-intake = Les demandes que vous avez faites sur nos pages publiques (un formulaire d’inscription, un lien de connexion à ce portail), conservées jusqu’à leur exécution un instant plus tard.
store-sessions = Vos sessions de connexion à l’administration (comptes du personnel uniquement).
store-users = Votre compte de membre du personnel : identifiant, nom affiché, rôle et données de connexion.
store-user-preferences = Vos choix de membre du personnel : la langue des pages d’administration.
store-api-tokens = Les clés d’accès aux systèmes de la boutique créées avec votre compte de membre du personnel.
store-bounces = Les e-mails qui n’ont pas pu vous être remis ou que vous avez signalés comme spam : quand, et la raison indiquée.
store-audit = Le journal de responsabilité : ce qui a été fait de vos données, quand et par qui (avec des adresses IP tronquées).
store-dsr-requests = Vos demandes concernant vos données : type, dates, état et mesures prises.
store-dsr-details = Ce que vous avez écrit dans vos demandes et les réponses qui vous ont été envoyées.
store-restrictions = La limitation du traitement que vous avez demandée : depuis quand et pourquoi.
store-events = Vos ouvertures de nos e-mails et vos clics, ainsi que vos pages vues, événements de la boutique et commandes sur le site.
store-track-seen = Si vous avez ouvert chaque e-mail ou cliqué dessus (afin que chaque personne ne soit comptée qu’une fois).
store-visitor-links = Le lien entre vos visites sur le site et votre profil (après un clic sur un lien dans un e-mail ou la confirmation d’un formulaire).
store-form-submissions = Ce que vous avez envoyé par un formulaire d’inscription, comme preuve de votre consentement : les valeurs, les cases cochées, le moment, une adresse IP tronquée et le type de navigateur.
store-change-feed = Une trace de courte durée indiquant que vos données ont changé (le type de modification et sa date, sans leur contenu), conservée jusqu’à ce que les traitements internes l’aient prise en compte.
store-segment-memberships = Les groupes de contacts (segments) définis par la boutique auxquels vous appartenez actuellement, par exemple selon vos achats ou votre dernière visite, et depuis quand.
store-segment-log = Quand vous êtes entré dans chacun de ces groupes ou en êtes sorti.
store-journey-runs = Les séries automatiques de messages (parcours) que vous suivez ou avez suivies, l’étape où vous en êtes et ce qui les a déclenchées.
store-journey-log = Ce que chaque étape de ces séries a fait pour vous, et pourquoi (par exemple un message envoyé, une attente, ou la raison de sa fin).
request-kind-access = Accès à vos données (art. 15 du RGPD)
request-kind-portability = Portabilité des données (art. 20 du RGPD)
request-kind-rectification = Rectification (art. 16 du RGPD)
request-kind-erasure = Effacement (art. 17 du RGPD)
request-kind-restriction = Limitation du traitement (art. 18 du RGPD)
request-kind-objection = Opposition (art. 21 du RGPD)
request-kind-withdrawal = Retrait du consentement (art. 7, paragraphe 3, du RGPD)
request-state-open = en cours
request-state-done = traitée
request-state-refused = refusée

## Subscription states, as a person reads them
status-pending = en attente de votre confirmation
status-subscribed = active
status-unsubscribed = annulée
status-bounced = suspendue (nos e-mails n’ont pas pu être remis à cette adresse)
status-complained = suspendue (vous avez signalé l’un de nos e-mails comme spam)

## Processing purposes as shipped
purpose-newsletter-name = Newsletter par e-mail
purpose-newsletter-wording = Oui, envoyez-moi par e-mail la newsletter avec les nouveautés et les offres. Je peux me désinscrire à tout moment grâce au lien présent dans chaque e-mail.
purpose-engagement-name = Mesure de l’interaction avec les e-mails
purpose-engagement-wording = Oui, vous pouvez mesurer si j’ouvre vos e-mails et sur quels liens je clique, afin de les rendre plus pertinents.
purpose-website-tracking-name = Suivi du comportement sur le site
purpose-website-tracking-wording = Oui, vous pouvez enregistrer les pages que je visite et ce que je fais dans la boutique, et les associer à mon adresse e-mail.
purpose-transactional-name = E-mails transactionnels
purpose-profiling-name = Score d’intérêt (profilage)
purpose-profiling-wording = Nous estimons, à partir de vos ouvertures et clics dans nos e-mails, de vos visites sur notre site et de vos commandes, votre intérêt pour nos offres, afin de vous envoyer ce qui vous correspond le mieux. Vous pouvez vous y opposer à tout moment : décochez cette case et plus aucun score ne sera calculé pour vous.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = « scores » montre l’intérêt pour nos offres que nous vous attribuons (scores de prospect, une forme de profilage), calculé au moment où l’archive a été créée : pour chaque modèle (« model », « name »), le score (« score » ; null si vous vous êtes opposé au profilage) et sa composition (« rules » : ce que compte chaque règle, « counted » combien de fois, « points_given » avant et « points_now » après l’atténuation des points avec le temps, « half_life_days »). « restricted » vaut true lorsque le traitement de vos données est limité ; aucun score n’est alors calculé. Les scores ne sont jamais enregistrés.
archive-scores = Vos scores de prospect
archive-scores-intro = À partir de ce que vous faites (ouvrir nos e-mails, cliquer sur leurs liens, visiter notre site, commander) et de ce qu’indique votre fiche, nous estimons votre intérêt pour nos offres, afin de choisir ce que nous vous envoyons. Il s’agit de profilage : vous pouvez vous y opposer à tout moment. Un score est calculé à la demande et jamais enregistré ; les points de chaque événement s’atténuent avec le temps. Seul ce que vous nous avez permis de mesurer est compté.
archive-scores-restricted = Le traitement de vos données est limité : aucun score n’est calculé pour vous.
archive-scores-objected = aucun (vous vous êtes opposé au profilage)
archive-scores-half-life = les points diminuent de moitié tous les {$days} jours
archive-scores-col-rule = Ce qui compte
archive-scores-col-counted = Nombre de fois
archive-scores-col-points = Points actuels
archive-score-opened = vous avez ouvert l’un de nos e-mails
archive-score-clicked = vous avez cliqué sur un lien dans l’un de nos e-mails
archive-score-clicked-url = vous avez cliqué dans l’un de nos e-mails sur un lien contenant « {$url} »
archive-score-page-viewed = vous avez consulté sur notre site une page dont l’adresse contient « {$url} »
archive-score-custom = vous avez effectué « {$name} » sur notre site
archive-score-form = vous avez envoyé l’un de nos formulaires
archive-score-ordered = vous avez passé commande
archive-score-field = une donnée de votre profil : {$field}
archive-score-unsubscribed = vous vous êtes désabonné
archive-score-bounced = un e-mail qui vous était adressé n’a pas pu être distribué
