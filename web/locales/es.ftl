# Tidings: the public pages and the mail people receive, in Spanish (Español, Spain).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: "tú", throughout.

## About this language
meta-language-name = Español
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d de %B de %Y
meta-datetime = %-d de %B de %Y, %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = es_ES

## System mail
mail-hello = Hola:
mail-hello-name = Hola, {$name}:
mail-confirm-subject = Confirma tu suscripción al boletín de {$organisation}
mail-confirm-intro = Esta dirección se ha introducido en un formulario de suscripción de {$organisation}. Confirma que quieres recibir el boletín de {$organisation}:
mail-confirm-button = Sí, quiero suscribirme
mail-confirm-ignore = Si no lo has solicitado, ignora este mensaje: sin tu confirmación no se te enviará nada y tu dirección se eliminará en unos días.
mail-portal-subject = Tu enlace a tus datos personales en {$organisation}
mail-portal-intro = Alguien (esperamos que tú) ha pedido en la página de privacidad de {$organisation} ver los datos personales que {$organisation} tiene sobre esta dirección. Ábrelos con este enlace; funciona una sola vez, durante 30 minutos:
mail-portal-button = Ver mis datos
mail-portal-ignore = Si no lo has solicitado, ignora este mensaje: sin el enlace no ocurre nada.
mail-outcome-subject = Tu solicitud sobre tus datos personales
mail-outcome-done = Tal como pediste, hemos {$done}.
mail-outcome-rectified = rectificado tus datos personales (art. 16 del RGPD)
mail-outcome-erased = suprimido tus datos personales (art. 17 del RGPD)
mail-outcome-restricted = limitado el tratamiento de tus datos personales (art. 18 del RGPD)
mail-outcome-recipients = Habíamos comunicado tus datos a {$recipients}; nuestro delegado de protección de datos informa a estos destinatarios del cambio.
mail-outcome-no-recipients = No habíamos comunicado tus datos a nadie.
mail-outcome-closing = Escríbenos si algo no es como lo pediste.
mail-outcome-last = Este es el último mensaje que recibes de {$organisation}.
mail-footer-view = Ver en el navegador
mail-footer-preferences = Preferencias
mail-footer-unsubscribe = Darse de baja
mail-footer-privacy = Privacidad

## Every public page
page-language = Idioma
page-footer-dpo = Preguntas sobre tus datos: {$contact}
page-footer-portal = Consulta y gestiona tus datos personales
page-optional = (opcional)
page-required = (obligatorio)

## Pages that stop a visitor
too-many-requests = Demasiadas solicitudes
    .text = Desde tu red se han enviado demasiadas solicitudes en el último minuto. Espera un minuto y vuelve a intentarlo.
link-broken = Este enlace no funciona
    .text = Es posible que el enlace no se haya copiado completo. Vuelve a abrirlo desde el correo o utiliza el enlace para darte de baja que aparece en un correo más reciente.
form-too-large = No se ha podido enviar el formulario
    .text = El formulario supera {$limit}. Vuelve atrás, acorta lo que has escrito e inténtalo de nuevo.
form-unreadable = No se ha podido leer el formulario
    .text = Vuelve atrás e inténtalo de nuevo.
form-foreign = El formulario no procede de esta página
    .text = Abre la página de preferencias desde el enlace del correo e inténtalo de nuevo.

## Subscribe forms
form-email = Correo electrónico
form-first-name = Nombre
form-last-name = Apellidos
form-honeypot = Deja este campo vacío
form-needs-javascript = Este formulario comprueba que se envía desde un navegador, y para ello necesita JavaScript. Activa JavaScript, por favor.
form-submit = Suscribirme
form-not-found = Formulario no encontrado
    .text = No hay ningún formulario de suscripción en esta dirección.
form-not-sent = No enviado
form-check-inbox = Revisa tu bandeja de entrada
form-thank-you = ¡Gracias!
form-consent = Consentimiento
form-bad-email = Esa dirección de correo electrónico no es válida. Revísala e inténtalo de nuevo.
form-tick-purpose = Marca «{$purpose}» para suscribirte: sin tu consentimiento no podemos enviarte nada.
form-tick-any = Marca al menos una casilla: sin tu consentimiento no podemos enviarte nada, así que la suscripción no se completaría.
form-pow-missing = Este formulario comprueba que se envía desde un navegador, y para ello necesita JavaScript. Activa JavaScript e inténtalo de nuevo.
form-pow-expired = El formulario ha estado abierto demasiado tiempo. Vuelve atrás, recarga la página y envíalo de nuevo.
form-pow-failed = No se ha superado la comprobación del navegador. Vuelve atrás, recarga la página y envía el formulario de nuevo.
form-control-character = El campo «{$field}» contiene un salto de línea u otro carácter de control, lo cual no está permitido. Vuelve atrás y corrígelo.
form-too-often = Demasiados intentos
    .text = Este formulario se ha enviado demasiadas veces en poco tiempo. Espera un rato y vuelve a intentarlo.
form-confirm-title = Confirma tu suscripción
form-confirm-text = Has solicitado suscribirte. Pulsa el botón para confirmarlo; hasta que lo hagas, no te enviaremos nada.
form-confirm-text-titled = Has solicitado suscribirte («{$title}»). Pulsa el botón para confirmarlo; hasta que lo hagas, no te enviaremos nada.
form-confirm-button = Sí, confirmo mi suscripción
form-confirmed = Suscripción confirmada
    .text = Gracias, tu suscripción está confirmada. Puedes darte de baja en cualquier momento con el enlace que encontrarás en cada correo.
form-link-expired = Este enlace ha caducado
    .text = Los enlaces de confirmación solo son válidos durante un tiempo limitado. Vuelve a suscribirte a través del formulario y utiliza el nuevo enlace.
form-link-invalid = Este enlace no es válido
    .text = El enlace está incompleto o se ha modificado, o la suscripción a la que corresponde ya no existe. Copia el enlace completo del correo o vuelve a suscribirte.

## Unsubscribe
unsubscribe-title = Darse de baja
unsubscribe-question = ¿Quieres darte de baja de los correos de {$shop}?
unsubscribe-question-address = ¿Quieres dar de baja la dirección {$address} de los correos de {$shop}?
unsubscribe-already = Esta dirección ya está dada de baja. Si quieres, puedes volver a confirmarlo; no cambiará nada más.
unsubscribe-explained = Dejarás de recibir newsletters y ofertas de {$shop}, y quedarán retirados todos los consentimientos que nos diste para ello. Los correos que necesites para un pedido (confirmaciones, facturas) te seguirán llegando.
unsubscribe-button = Darme de baja
unsubscribe-instead-link = O elige qué quieres recibir
unsubscribed-title = Te has dado de baja
unsubscribed-text = {$shop} no te enviará más newsletters ni ofertas.
unsubscribed-withdrawn = También hemos registrado que has retirado tu consentimiento para:
unsubscribed-changed-mind = ¿Has cambiado de opinión o solo quieres recibir una parte?
unsubscribed-choose = Elige qué quieres recibir

## Preference centre
preferences-title = Tus preferencias de correo
preferences-for = Para {$address} en {$shop}.
preferences-unsubscribed = Te has dado de baja de todos los correos. Marca un tema y guarda para volver a suscribirte.
preferences-paused = En este momento no enviamos ningún correo a esta dirección.
preferences-agree = Lo que aceptas
preferences-lists = Listas
preferences-save = Guardar mis preferencias
preferences-saved = Tus preferencias se han guardado.
preferences-everything-done = Te has dado de baja de todos los correos y se han retirado todos tus consentimientos.
preferences-everything = Darme de baja de todo
preferences-everything-text = No recibirás más newsletters ni ofertas, y se retirarán todos los consentimientos anteriores.
preferences-held-title = Qué datos tenemos sobre ti
preferences-held-email = Tu dirección de correo electrónico ({$address}), desde el {$since}.
preferences-held-name = Tu nombre, tal como nos lo indicaste.
preferences-held-phone = Tu número de teléfono.
preferences-held-locale = Tu idioma o tu zona horaria, para escribirte en tu idioma y a una hora adecuada.
preferences-held-custom = Otros datos que nos has facilitado: {$fields}.
preferences-held-lists = Las listas en las que estás: {$lists}.
preferences-held-no-list = No estás en ninguna lista.
preferences-held-consents = Tus consentimientos: para cada uno de los temas anteriores, cuándo y cómo diste o retiraste tu consentimiento, y el texto exacto que aceptaste.
preferences-held-status = Tu estado de suscripción y el historial de cambios en tus datos.
preferences-use = Solo los utilizamos para enviarte lo que has elegido arriba. Para obtener una copia completa o solicitar su rectificación o supresión, utiliza el portal de privacidad.
preferences-use-dpo = Solo los utilizamos para enviarte lo que has elegido arriba. Para obtener una copia completa o solicitar su rectificación o supresión, escribe a {$contact} o utiliza el portal de privacidad.

## Privacy portal
portal-title = Tus datos personales
portal-heading = Tus datos personales en {$shop}
portal-sent = Si tenemos datos asociados a esa dirección, acabamos de enviar un enlace a tu correo. Solo funciona una vez y durante 30 minutos. Revisa tu bandeja de entrada (y la carpeta de spam).
portal-intro = Consulta qué datos tenemos sobre ti, descarga una copia, rectifícalos, cambia lo que recibes o solicita su supresión, sin tener que escribir a nadie. Introduce tu dirección de correo electrónico y te enviaremos un enlace para acceder.
portal-email = Tu dirección de correo electrónico
portal-send-link = Enviarme un enlace
portal-bad-address = Esa dirección de correo electrónico no es válida. Revísala e inténtalo de nuevo.
portal-link-expired = Este enlace era válido durante 30 minutos y ha caducado. Solicita uno nuevo.
portal-link-used = Este enlace ya se ha utilizado (cada enlace solo funciona una vez). Solicita uno nuevo.
portal-link-broken = Este enlace no funciona; es posible que no se haya copiado completo. Solicita uno nuevo.
portal-session-ended = Tu sesión en el portal ha caducado (dura 30 minutos). Solicita un enlace nuevo.
portal-nothing-held = Ya no tenemos ningún dato sobre ti.
portal-open-title = Accede a tus datos personales
portal-open-text = Este enlace solo funciona una vez y te da acceso a tus datos durante 30 minutos.
portal-continue = Continuar
portal-signed-in = Sesión iniciada como {$address} hasta el {$until}.
portal-restricted = A petición tuya, el tratamiento de tus datos está limitado: los conservamos, pero no los utilizamos para nada más.
portal-held = Qué datos tenemos
portal-email-label = Correo electrónico
portal-name = Nombre
portal-phone = Teléfono
portal-subscription = Suscripción
portal-lists = Listas
portal-since = Desde
portal-consents = Tus consentimientos
portal-consent-given = {$purpose}: otorgado el {$date}
portal-consent-withdrawn = {$purpose}: retirado el {$date}
portal-where-kept = Dónde se conservan
portal-download = Descargarlo todo (.zip)
portal-download-text = Un resumen legible que explica por qué tratamos tus datos, con qué base jurídica, durante cuánto tiempo y quién los recibe, además de todos los datos en formato JSON y en hojas de cálculo.
portal-correct-name = Rectificar tu nombre
portal-first-name = Nombre
portal-last-name = Apellidos
portal-save = Guardar
portal-saved = Tus datos se han rectificado.
portal-receive = Qué recibes
portal-receive-link = Elegir listas y consentimientos
portal-erase = Suprimir tus datos
portal-erase-review = Suprimiremos todos los datos que tenemos sobre ti y te lo confirmaremos por correo en el plazo de un mes.
portal-erase-now = Todos los datos que tenemos sobre ti se suprimirán de inmediato. Esta acción no se puede deshacer.
portal-erase-fingerprint = Solo conservamos una huella criptográfica de tu dirección, generada con una clave secreta, para que no se vuelva a añadir sin un nuevo consentimiento por tu parte.
portal-erase-confirm = Sí, suprimir mis datos
portal-erase-button = Suprimir mis datos
portal-erase-queued = Hemos registrado tu solicitud de supresión. La llevaremos a cabo y te lo confirmaremos por correo en el plazo de un mes.
portal-erased = Tus datos se han suprimido
    .text = Se han suprimido todos los datos que teníamos sobre ti. Solo conservamos una huella criptográfica de tu dirección, generada con una clave secreta, para que no se vuelva a añadir sin un nuevo consentimiento por tu parte.
portal-requests = Tus solicitudes
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Cerrar sesión

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d de %B de %Y, %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = .
archive-title = Tus datos personales
archive-title-at = Tus datos personales en {$shop}
archive-made = Generado el {$date} para el registro {$record}. El archivo data.json de este paquete contiene los mismos datos completos, en un formato legible por máquina.
archive-who = Quién los tiene
archive-controller-unnamed = La organización que te ha enviado este archivo
archive-dpo = Delegado de protección de datos: {$contact}.
archive-profile = Tu perfil
archive-no-profile = No tenemos ningún perfil tuyo.
archive-email = Correo electrónico
archive-first-name = Nombre
archive-last-name = Apellidos
archive-phone = Teléfono
archive-language = Idioma
archive-time-zone = Zona horaria
archive-tags = Etiquetas
archive-lists = Listas
archive-subscription = Suscripción
archive-recorded-through = Registrado mediante
archive-recorded-on = Registrado el
archive-last-changed = Última modificación
archive-merged = Registros fusionados en este
archive-yes = sí
archive-no = no
archive-consents = Tus consentimientos
archive-col-when = Cuándo
archive-col-purpose = Finalidad
archive-col-given = Dado o retirado
archive-col-how = Cómo
archive-col-wording = El texto mostrado
archive-consent-given = dado
archive-consent-withdrawn = retirado
archive-no-consent = No consta ningún consentimiento.
archive-via-form = un formulario de suscripción
archive-via-import = la importación de una lista de contactos
archive-via-import-named = la importación de una lista de contactos ({$batch})
archive-via-api = los sistemas de la tienda (API)
archive-via-admin = un miembro del personal
archive-via-merge = la fusión de dos registros sobre ti
archive-via-subject = tú, en una de nuestras páginas
archive-why = Por qué tratamos tus datos
archive-col-basis = Base jurídica
archive-col-data = Datos
archive-col-kept = Plazo de conservación
archive-col-recipients = Destinatarios
archive-no-recipients = nadie fuera de la organización
archive-came-from = De dónde proceden tus datos
archive-no-source = No consta ninguna procedencia.
archive-where = Qué se conserva y dónde
archive-col-what = Qué es
archive-col-records = Registros
archive-col-file = Archivo en este paquete
archive-rights = Tus derechos
archive-rights-text = Tienes derecho de acceso a tus datos (art. 15 del RGPD) y derecho a la portabilidad de los datos (art. 20), derecho de rectificación (art. 16), derecho de supresión (art. 17) y derecho a la limitación del tratamiento (art. 18), derecho a oponerte en cualquier momento al tratamiento basado en intereses legítimos y a la mercadotecnia directa (art. 21), y derecho a retirar tu consentimiento en cualquier momento, sin que ello afecte a la licitud del tratamiento basado en el consentimiento previo a su retirada (art. 7, apartado 3). También tienes derecho a presentar una reclamación ante una autoridad de control (art. 77).
archive-rights-dpo = Para cualquiera de ellos, escribe a {$contact}.
archive-readme-intro = Este archivo contiene todos los datos personales que esta organización conserva sobre ti, tal como estaban cuando se generó.
archive-readme-data-json = data.json: todos los datos, en un formato legible por máquina (JSON).
archive-readme-keys = Los nombres de data.json son iguales en todos los idiomas (en inglés), para que los programas puedan leerlos: «stores» asigna a cada lugar de conservación sus registros; «purposes» indica por qué se trata cada tipo de datos («name», «description»), con qué base jurídica («lawful_basis»), qué datos («categories»), durante cuánto tiempo («retention_days», «retention») y quién los recibe («recipients»); «wordings» contiene los textos exactos que aceptaste (los consentimientos remiten a ellos por finalidad y versión); «controller» identifica al responsable del tratamiento; «records» es el número de registros; «generated_at» es el momento en que se generó el archivo (UTC); «contact_id» es la referencia de tu registro.
archive-readme-wording-languages = «wording_languages» indica en qué idioma está cada uno de esos textos, cuando se ha registrado.
archive-readme-csv = csv/: los mismos registros, en una tabla de hoja de cálculo por lugar de conservación (UTF-8, separada por comas); los encabezados de columna son los nombres usados en data.json.
archive-readme-summary = summary.html: un resumen legible, para abrir en un navegador web, con la información a la que tienes derecho según el artículo 15 del RGPD.
archive-readme-portability = Puedes llevarte estos datos a otro servicio (artículo 20 del RGPD).
basis-consent = Consentimiento (art. 6, apartado 1, letra a, del RGPD)
basis-contract = Ejecución de un contrato (art. 6, apartado 1, letra b, del RGPD)
basis-legitimate-interest = Intereses legítimos (art. 6, apartado 1, letra f, del RGPD)
basis-legal-obligation = Obligación legal (art. 6, apartado 1, letra c, del RGPD)
retention-consent = {$days ->
    [one] {$days} día
   *[other] {$days} días
} después de que termine el consentimiento: cuando se han retirado todos los consentimientos que dio una persona, sus datos se suprimen al cabo del plazo más largo de esas finalidades, contado desde la fecha más reciente entre la última retirada y su última actividad.
retention-other = {$days ->
    [one] {$days} día
   *[other] {$days} días
}; una persona cuyos consentimientos han terminado todos no se conserva más tiempo por esta finalidad (sus datos se suprimen con ella), y los contactos sin ningún consentimiento se eliminan mediante la regla de contactos inactivos cuando está activada.
retention-removes-engagement = Las aperturas y los clics más antiguos se eliminan a diario.
retention-removes-website = Las páginas vistas, los eventos de la tienda, los pedidos y los visitantes no vinculados más antiguos se eliminan a diario.
retention-removes-transactional = Los mensajes transaccionales (la plantilla, los datos insertados en ella y su estado de entrega) más antiguos se eliminan a diario una vez entregados o descartados.
store-contacts = Tu perfil: correo electrónico, nombre, teléfono, idioma, zona horaria, otros datos que nos diste, etiquetas, listas y estado de la suscripción.
store-consents = Tus consentimientos: cada uno dado o retirado, con el texto exacto mostrado, cómo y cuándo, y una dirección IP abreviada.
store-contact-history = El historial de cambios de tu perfil: qué datos cambiaron, cuándo y quién los cambió.
store-contact-activity = Un resumen de tu interacción: cuándo abriste o hiciste clic por última vez en un correo o visitaste el sitio web, con recuentos, pedidos e importe de compras.
store-outbox = Las campañas enviadas o por enviarte, con el estado de entrega de cada una.
store-messages = Los mensajes de servicio que te enviamos (como confirmaciones), con los datos que contenían.
store-public-intake = Solicitudes que hiciste en nuestras páginas públicas (un formulario de suscripción, un enlace de acceso a este portal), conservadas hasta que se ejecutan un momento después.
store-sessions = Tus sesiones de acceso a la administración (solo cuentas del personal).
store-users = Tu cuenta de personal: nombre de usuario, nombre visible, rol y credenciales de acceso.
store-user-preferences = Tus preferencias como miembro del personal: el idioma de las páginas de administración.
store-api-tokens = Claves de acceso a los sistemas de la tienda creadas con tu cuenta de personal.
store-bounces = Los correos que no se te pudieron entregar o que marcaste como spam: cuándo y el motivo indicado.
store-audit = El registro de responsabilidad proactiva: qué se hizo con tus datos, cuándo y quién lo hizo (con direcciones IP abreviadas).
store-dsr-requests = Tus solicitudes sobre tus datos: tipo, fechas, estado y medidas tomadas.
store-dsr-details = Lo que escribiste en tus solicitudes y las respuestas que te enviamos.
store-restrictions = La limitación del tratamiento que pediste: desde cuándo y por qué.
store-events = Tus aperturas y clics en nuestros correos, y tus páginas vistas, eventos de la tienda y pedidos en el sitio web.
store-track-seen = Si abriste o hiciste clic en cada correo (para contar a cada persona una sola vez).
store-visitor-links = El vínculo entre tus visitas al sitio web y tu perfil (después de que hicieras clic en un enlace de un correo o confirmaras un formulario).
store-form-submissions = Lo que enviaste mediante un formulario de suscripción, como prueba de tu consentimiento: los valores, las casillas marcadas, cuándo, una dirección IP abreviada y el tipo de navegador.
store-change-feed = Un registro temporal de que tus datos han cambiado (qué tipo de cambio y cuándo, sin su contenido), que se conserva hasta que los procesos internos lo han tenido en cuenta.
store-segment-memberships = Los grupos de contactos (segmentos) definidos por la tienda a los que perteneces ahora, por ejemplo según lo que compraste o cuándo visitaste por última vez, y desde cuándo.
store-segment-log = Cuándo entraste en cada uno de esos grupos o saliste de él.
store-journey-runs = Las series automáticas de mensajes (recorridos) que sigues ahora o seguiste, el paso en el que estás y qué las inició.
store-journey-log = Lo que hizo cada paso de esas series contigo y por qué (por ejemplo, un mensaje enviado, una espera o por qué terminó).
request-kind-access = Acceso a tus datos (art. 15 del RGPD)
request-kind-portability = Portabilidad de los datos (art. 20 del RGPD)
request-kind-rectification = Rectificación (art. 16 del RGPD)
request-kind-erasure = Supresión (art. 17 del RGPD)
request-kind-restriction = Limitación del tratamiento (art. 18 del RGPD)
request-kind-objection = Oposición (art. 21 del RGPD)
request-kind-withdrawal = Retirada del consentimiento (art. 7, apartado 3, del RGPD)
request-state-open = en curso
request-state-done = completada
request-state-refused = denegada

## Subscription states, as a person reads them
status-pending = pendiente de tu confirmación
status-subscribed = activa
status-unsubscribed = cancelada
status-bounced = suspendida (los correos a esta dirección han sido devueltos)
status-complained = suspendida (marcaste uno de nuestros correos como spam)

## Processing purposes as shipped
purpose-newsletter-name = Newsletter por correo electrónico
purpose-newsletter-wording = Sí, quiero recibir por correo electrónico la newsletter con novedades y ofertas. Puedo darme de baja en cualquier momento con el enlace que incluye cada correo.
purpose-engagement-name = Medición de la interacción con los correos
purpose-engagement-wording = Sí, acepto que se mida si abro los correos y en qué enlaces hago clic, para que sean más relevantes para mí.
purpose-website-tracking-name = Seguimiento del comportamiento en el sitio web
purpose-website-tracking-wording = Sí, acepto que se registre qué páginas visito y qué hago en la tienda, y que se vincule a mi dirección de correo electrónico.
purpose-transactional-name = Correos transaccionales
purpose-profiling-name = Puntuación de interés (elaboración de perfiles)
purpose-profiling-wording = Estimamos, a partir de las aperturas y clics en nuestros correos, sus visitas a nuestro sitio web y sus pedidos, cuánto le interesan nuestras ofertas, para enviarle lo más relevante. Puede oponerse en cualquier momento: desmarque esta casilla y dejaremos de calcular su puntuación.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = «scores» muestra el interés en nuestras ofertas que le atribuimos (puntuaciones de cliente potencial, una forma de elaboración de perfiles), calculado cuando se creó el archivo: por modelo («model», «name») la puntuación («score»; null si se opuso a la elaboración de perfiles) y de qué se compone («rules»: qué cuenta cada regla, «counted» cuántas veces, «points_given» antes y «points_now» después de que los puntos se atenuaran con el tiempo, «half_life_days»). «restricted» es true cuando el tratamiento de sus datos está limitado, y entonces no se calcula ninguna puntuación. Las puntuaciones nunca se guardan.
archive-scores = Sus puntuaciones de cliente potencial
archive-scores-intro = A partir de lo que hace (abrir nuestros correos, hacer clic en sus enlaces, visitar nuestro sitio web, hacer pedidos) y de lo que dice su ficha, estimamos su interés en nuestras ofertas para elegir qué enviarle. Esto es elaboración de perfiles: puede oponerse en cualquier momento. Una puntuación se calcula cuando hace falta y nunca se guarda; los puntos de cada evento se atenúan con el tiempo. Solo cuenta lo que nos permitió medir.
archive-scores-restricted = El tratamiento de sus datos está limitado: no se calcula ninguna puntuación para usted.
archive-scores-objected = ninguna (se opuso a la elaboración de perfiles)
archive-scores-half-life = los puntos se reducen a la mitad cada {$days} días
archive-scores-col-rule = Qué cuenta
archive-scores-col-counted = Veces contadas
archive-scores-col-points = Puntos ahora
archive-score-opened = abrió uno de nuestros correos
archive-score-clicked = hizo clic en un enlace de uno de nuestros correos
archive-score-clicked-url = hizo clic en un enlace que contiene «{$url}» en uno de nuestros correos
archive-score-page-viewed = visitó en nuestro sitio web una página cuya dirección contiene «{$url}»
archive-score-custom = realizó «{$name}» en nuestro sitio web
archive-score-form = envió uno de nuestros formularios
archive-score-ordered = hizo un pedido
archive-score-field = un dato de su perfil: {$field}
archive-score-unsubscribed = se dio de baja
archive-score-bounced = no se pudo entregar un correo dirigido a usted
