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

## Subscription states, as a person reads them
status-pending = pendiente de tu confirmación
status-subscribed = activa
status-unsubscribed = cancelada
status-bounced = suspendida (los correos a esta dirección han sido devueltos)
status-complained = suspendida (marcaste uno de nuestros correos como spam)
