# Tidings: the public pages and the mail people receive, in European Portuguese (Português).
# Translated from en.ftl, the source: the same messages in the same order. Keep each {$placeholder}
# as it is; a line starting with "." is a second text of the message above it.
# Form of address: formal third person ("o seu", "Verifique…"), without "você"; pt-PT spelling
# (AO 1990): "subscrição", "apelido", "registo", "ação".

## About this language
meta-language-name = Português
# How dates are written (chrono format, https://docs.rs/chrono/latest/chrono/format/strftime/)
meta-date = %-d de %B de %Y
meta-datetime = %-d de %B de %Y, %H:%M %Z
# The locale whose month names the dates use
meta-date-locale = pt_PT

## System mail
mail-hello = Olá,
mail-hello-name = Olá {$name},
mail-confirm-subject = Confirme a sua subscrição da newsletter de {$organisation}
mail-confirm-intro = Este endereço foi introduzido num formulário de subscrição de {$organisation}. Confirme que pretende receber a newsletter de {$organisation}:
mail-confirm-button = Sim, quero subscrever
mail-confirm-ignore = Se não fez este pedido, ignore esta mensagem: sem a sua confirmação não lhe enviaremos nada e o seu endereço será removido dentro de poucos dias.
mail-portal-subject = O seu link para os seus dados pessoais em {$organisation}
mail-portal-intro = Alguém (esperamos que tenha sido o próprio) pediu na página de privacidade de {$organisation} para ver os dados pessoais que {$organisation} guarda sobre este endereço. Abra-os com este link; só funciona uma vez, durante 30 minutos:
mail-portal-button = Ver os meus dados
mail-portal-ignore = Se não fez este pedido, ignore esta mensagem: sem o link, nada acontece.
mail-outcome-subject = O seu pedido sobre os seus dados pessoais
mail-outcome-done = Conforme solicitado, {$done}.
mail-outcome-rectified = retificámos os seus dados pessoais (art. 16.º do RGPD)
mail-outcome-erased = apagámos os seus dados pessoais (art. 17.º do RGPD)
mail-outcome-restricted = limitámos o tratamento dos seus dados pessoais (art. 18.º do RGPD)
mail-outcome-recipients = Tínhamos comunicado os seus dados a {$recipients}; o nosso encarregado da proteção de dados informa estes destinatários da alteração.
mail-outcome-no-recipients = Não tínhamos comunicado os seus dados a ninguém.
mail-outcome-closing = Escreva-nos se algo não estiver conforme pediu.
mail-outcome-last = Esta é a última mensagem que recebe de {$organisation}.
mail-footer-view = Ver no navegador
mail-footer-preferences = Preferências
mail-footer-unsubscribe = Cancelar subscrição
mail-footer-privacy = Privacidade

## Every public page
page-language = Idioma
page-footer-dpo = Questões sobre os seus dados: {$contact}
page-footer-portal = Consultar e gerir os seus dados pessoais
page-optional = (opcional)
page-required = (obrigatório)

## Pages that stop a visitor
too-many-requests = Demasiados pedidos
    .text = A sua rede enviou demasiados pedidos no último minuto. Aguarde um minuto e tente novamente.
link-broken = Este link não funciona
    .text = O link pode ter sido copiado de forma incompleta. Abra-o novamente a partir do e-mail ou utilize o link de cancelamento da subscrição de um e-mail mais recente.
form-too-large = Não foi possível enviar o formulário
    .text = O formulário excede {$limit}. Volte atrás, encurte o texto introduzido e tente novamente.
form-unreadable = Não foi possível ler o formulário
    .text = Volte atrás e tente novamente.
form-foreign = O formulário não provém desta página
    .text = Abra as suas preferências de e-mail através do link no e-mail e tente novamente.

## Subscribe forms
form-email = Endereço de e-mail
form-first-name = Nome próprio
form-last-name = Apelido
form-honeypot = Deixe este campo em branco
form-needs-javascript = Este formulário verifica se é enviado por um navegador, o que requer JavaScript. Ative o JavaScript, por favor.
form-submit = Subscrever
form-not-found = Formulário não encontrado
    .text = Não existe nenhum formulário de subscrição neste endereço.
form-not-sent = Não enviado
form-check-inbox = Verifique a sua caixa de correio
form-thank-you = Obrigado
form-consent = Consentimento
form-bad-email = Este endereço de e-mail não é válido. Verifique-o e tente novamente.
form-tick-purpose = Assinale «{$purpose}» para subscrever: sem o seu consentimento, não lhe podemos enviar nada.
form-tick-any = Assinale pelo menos uma opção: sem o seu consentimento, não lhe podemos enviar nada, pelo que a subscrição não seria efetuada.
form-pow-missing = Este formulário verifica se é enviado por um navegador, o que requer JavaScript. Ative o JavaScript e tente novamente.
form-pow-expired = O formulário esteve aberto demasiado tempo. Volte atrás, recarregue a página e envie-o novamente.
form-pow-failed = A verificação do navegador falhou. Volte atrás, recarregue a página e envie o formulário novamente.
form-control-character = O campo «{$field}» contém uma quebra de linha ou outro carácter de controlo, o que não é permitido. Volte atrás e corrija-o.
form-too-often = Demasiadas tentativas
    .text = Este formulário foi enviado demasiadas vezes num curto espaço de tempo. Aguarde um pouco e tente novamente.
form-confirm-title = Confirme a sua subscrição
form-confirm-text = Recebemos o seu pedido de subscrição. Clique no botão para confirmar; até lá, não lhe enviaremos nada.
form-confirm-text-titled = Recebemos o seu pedido de subscrição («{$title}»). Clique no botão para confirmar; até lá, não lhe enviaremos nada.
form-confirm-button = Sim, confirmo a minha subscrição
form-confirmed = Subscrição confirmada
    .text = Obrigado, a sua subscrição está confirmada. Pode cancelá-la em qualquer momento através do link que se encontra em cada e-mail.
form-link-expired = Este link expirou
    .text = Os links de confirmação só são válidos durante um período limitado. Subscreva novamente através do formulário e utilize o novo link.
form-link-invalid = Este link não é válido
    .text = O link está incompleto ou foi alterado, ou a subscrição a que se refere já não existe. Copie o link completo do e-mail ou subscreva novamente.

## Unsubscribe
unsubscribe-title = Cancelar subscrição
unsubscribe-question = Cancelar a subscrição dos e-mails de {$shop}?
unsubscribe-question-address = Cancelar a subscrição dos e-mails de {$shop} para {$address}?
unsubscribe-already = A subscrição deste endereço já foi cancelada. Se quiser, pode confirmar novamente; nada mais será alterado.
unsubscribe-explained = Deixará de receber newsletters e ofertas de {$shop}, e todos os consentimentos que nos deu para esse efeito serão retirados. Os e-mails necessários para uma encomenda (confirmações, faturas) continuarão a ser enviados.
unsubscribe-button = Cancelar subscrição
unsubscribe-instead-link = Em alternativa, escolher o que pretende receber
unsubscribed-title = Subscrição cancelada
unsubscribed-text = {$shop} deixará de lhe enviar newsletters e ofertas.
unsubscribed-withdrawn = Registámos também que retirou o seu consentimento para:
unsubscribed-changed-mind = Mudou de ideias ou pretende receber apenas uma parte?
unsubscribed-choose = Escolher o que pretende receber

## Preference centre
preferences-title = As suas preferências de e-mail
preferences-for = Para {$address} em {$shop}.
preferences-unsubscribed = Cancelou a subscrição de todos os e-mails. Assinale um tema e guarde para voltar a subscrever.
preferences-paused = De momento, não estamos a enviar e-mails para este endereço.
preferences-agree = O que aceita
preferences-lists = Listas
preferences-save = Guardar as minhas escolhas
preferences-saved = As suas escolhas foram guardadas.
preferences-everything-done = Cancelou a subscrição de todos os e-mails e todos os consentimentos foram retirados.
preferences-everything = Cancelar todas as subscrições
preferences-everything-text = Deixa de receber newsletters e ofertas, e todos os consentimentos acima são retirados.
preferences-held-title = Que dados temos sobre si
preferences-held-email = O seu endereço de e-mail ({$address}), desde {$since}.
preferences-held-name = O seu nome, tal como nos indicou.
preferences-held-phone = O seu número de telefone.
preferences-held-locale = O seu idioma ou fuso horário, para lhe escrevermos nesse idioma e a uma hora conveniente.
preferences-held-custom = Outros dados que nos forneceu: {$fields}.
preferences-held-lists = As listas de que faz parte: {$lists}.
preferences-held-no-list = Não faz parte de nenhuma lista.
preferences-held-consents = Os seus consentimentos: para cada tema acima, quando e de que forma deu ou retirou o consentimento, e o texto exato que aceitou.
preferences-held-status = O estado da sua subscrição e o histórico de alterações aos seus dados.
preferences-use = Utilizamo-los apenas para lhe enviar o que escolheu acima. Para obter uma cópia de todos eles ou pedir a sua retificação ou apagamento, utilize o portal de privacidade.
preferences-use-dpo = Utilizamo-los apenas para lhe enviar o que escolheu acima. Para obter uma cópia de todos eles ou pedir a sua retificação ou apagamento, escreva para {$contact} ou utilize o portal de privacidade.

## Privacy portal
portal-title = Os seus dados pessoais
portal-heading = Os seus dados pessoais em {$shop}
portal-sent = Se tivermos dados associados a esse endereço, acabámos de lhe enviar um link. O link só funciona uma vez, durante 30 minutos. Verifique a sua caixa de correio (e a pasta de spam).
portal-intro = Consulte os dados que temos sobre si, descarregue uma cópia, corrija-os, altere o que recebe ou peça que sejam apagados, sem ter de escrever a ninguém. Introduza o seu endereço de e-mail e enviar-lhe-emos um link para iniciar sessão.
portal-email = O seu endereço de e-mail
portal-send-link = Enviar-me um link
portal-bad-address = Este endereço de e-mail não é válido. Verifique-o e tente novamente.
portal-link-expired = Este link era válido durante 30 minutos e expirou. Peça um novo.
portal-link-used = Este link já foi utilizado (cada link só funciona uma vez). Peça um novo.
portal-link-broken = Este link não funciona; pode ter sido copiado de forma incompleta. Peça um novo.
portal-session-ended = A sua sessão no portal terminou (dura 30 minutos). Peça um novo link.
portal-nothing-held = Já não temos quaisquer dados sobre si.
portal-open-title = Aceder aos seus dados pessoais
portal-open-text = Este link só funciona uma vez e dá-lhe acesso aos seus dados durante 30 minutos.
portal-continue = Continuar
portal-signed-in = Sessão iniciada como {$address} até {$until}.
portal-restricted = A seu pedido, o tratamento dos seus dados está limitado: conservamo-los, mas não os utilizamos para mais nada.
portal-held = Dados que temos
portal-email-label = E-mail
portal-name = Nome
portal-phone = Telefone
portal-subscription = Subscrição
portal-lists = Listas
portal-since = Desde
portal-consents = Os seus consentimentos
portal-consent-given = {$purpose}: dado em {$date}
portal-consent-withdrawn = {$purpose}: retirado em {$date}
portal-where-kept = Onde são conservados
portal-download = Descarregar tudo (.zip)
portal-download-text = Um resumo legível que explica por que razão tratamos os seus dados, com que fundamento jurídico, durante quanto tempo e quem os recebe, bem como todos os dados em JSON e em folhas de cálculo.
portal-correct-name = Corrigir o seu nome
portal-first-name = Nome próprio
portal-last-name = Apelido
portal-save = Guardar
portal-saved = Os seus dados foram corrigidos.
portal-receive = O que recebe
portal-receive-link = Escolher listas e consentimentos
portal-erase = Apagar os seus dados
portal-erase-review = Apagaremos todos os dados que temos sobre si e enviar-lhe-emos a confirmação por e-mail no prazo de um mês.
portal-erase-now = Todos os dados que temos sobre si são apagados de imediato. Esta ação não pode ser desfeita.
portal-erase-fingerprint = Conservamos apenas um resumo criptográfico do seu endereço, calculado com uma chave secreta, para que não volte a ser adicionado sem um novo consentimento seu.
portal-erase-confirm = Sim, apagar os meus dados
portal-erase-button = Apagar os meus dados
portal-erase-queued = O seu pedido de apagamento foi registado. Vamos executá-lo e enviar-lhe a confirmação por e-mail no prazo de um mês.
portal-erased = Os seus dados foram apagados
    .text = Todos os dados que tínhamos sobre si foram apagados. Conservamos apenas um resumo criptográfico do seu endereço, calculado com uma chave secreta, para que não volte a ser adicionado sem um novo consentimento seu.
portal-requests = Os seus pedidos
portal-request-line = {$kind}, {$date}: {$state}
portal-sign-out = Terminar sessão

## Subscription states, as a person reads them
status-pending = a aguardar a sua confirmação
status-subscribed = ativa
status-unsubscribed = cancelada
status-bounced = suspensa (os e-mails para este endereço foram devolvidos)
status-complained = suspensa (marcou um dos nossos e-mails como spam)
