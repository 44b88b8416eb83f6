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

## Personal-data archive
# The access archive (README.txt, summary.html) and the portal's list of requests. The meta-
# lines say how this language writes a moment to the second and a number (decimal mark, then
# thousands separator; a space as {"\u00A0"} or {"\u202F"}).
meta-datetime-seconds = %-d de %B de %Y, %H:%M:%S %Z
meta-number-decimal = ,
meta-number-group = {"\u00A0"}
archive-title = Os seus dados pessoais
archive-title-at = Os seus dados pessoais em {$shop}
archive-made = Gerado em {$date} para o registo {$record}. O ficheiro data.json deste arquivo contém os mesmos dados na íntegra, num formato de leitura automática.
archive-who = Quem os detém
archive-controller-unnamed = A organização que lhe enviou este arquivo
archive-dpo = Encarregado da proteção de dados: {$contact}.
archive-profile = O seu perfil
archive-no-profile = Não temos nenhum perfil sobre si.
archive-email = Endereço de e-mail
archive-first-name = Nome próprio
archive-last-name = Apelido
archive-phone = Telefone
archive-language = Idioma
archive-time-zone = Fuso horário
archive-tags = Etiquetas
archive-lists = Listas
archive-subscription = Subscrição
archive-recorded-through = Registado através de
archive-recorded-on = Registado em
archive-last-changed = Última alteração
archive-merged = Registos fundidos neste
archive-yes = sim
archive-no = não
archive-consents = Os seus consentimentos
archive-col-when = Quando
archive-col-purpose = Finalidade
archive-col-given = Dado ou retirado
archive-col-how = Como
archive-col-wording = O texto apresentado
archive-consent-given = dado
archive-consent-withdrawn = retirado
archive-no-consent = Não está registado nenhum consentimento.
archive-via-form = um formulário de subscrição
archive-via-import = a importação de uma lista de contactos
archive-via-import-named = a importação de uma lista de contactos ({$batch})
archive-via-api = os sistemas da loja (API)
archive-via-admin = um membro do pessoal
archive-via-merge = a fusão de dois registos sobre si
archive-via-subject = o próprio, numa das nossas páginas
archive-why = Por que razão tratamos os seus dados
archive-col-basis = Fundamento jurídico
archive-col-data = Dados
archive-col-kept = Prazo de conservação
archive-col-recipients = Destinatários
archive-no-recipients = ninguém fora da organização
archive-came-from = De onde vêm os seus dados
archive-no-source = Não está registada nenhuma origem.
archive-where = O que é conservado, e onde
archive-col-what = O que é
archive-col-records = Registos
archive-col-file = Ficheiro neste arquivo
archive-rights = Os seus direitos
archive-rights-text = Tem o direito de acesso aos seus dados (art. 15.º do RGPD) e o direito de portabilidade dos dados (art. 20.º), o direito de retificação (art. 16.º), o direito ao apagamento dos dados (art. 17.º) e o direito à limitação do tratamento (art. 18.º), o direito de se opor a qualquer momento ao tratamento baseado em interesses legítimos e à comercialização direta (art. 21.º), bem como o direito de retirar o seu consentimento a qualquer momento, sem comprometer a licitude do tratamento efetuado com base no consentimento previamente dado (art. 7.º, n.º 3). Tem ainda o direito de apresentar reclamação a uma autoridade de controlo (art. 77.º).
archive-rights-dpo = Para exercer qualquer um destes direitos, escreva para {$contact}.
archive-readme-intro = Este arquivo contém todos os dados pessoais que esta organização conserva sobre si, tal como estavam no momento em que o arquivo foi gerado.
archive-readme-data-json = data.json: todos os dados, num formato de leitura automática (JSON).
archive-readme-keys = Os nomes usados em data.json são iguais em todas as línguas (em inglês), para que os programas os possam ler: «stores» associa a cada local de conservação os respetivos registos; «purposes» indica por que razão é tratado cada tipo de dados («name», «description»), com que fundamento jurídico («lawful_basis»), que dados («categories»), durante quanto tempo («retention_days», «retention») e quem os recebe («recipients»); «wordings» contém os textos exatos que aceitou (os consentimentos remetem para eles por finalidade e versão); «controller» identifica o responsável pelo tratamento; «records» é o número de registos; «generated_at» é o momento em que o arquivo foi gerado (UTC); «contact_id» é a referência do seu registo.
archive-readme-wording-languages = «wording_languages» indica em que língua está cada um desses textos, quando tal foi registado.
archive-readme-csv = csv/: os mesmos registos, como uma tabela de folha de cálculo por local de conservação (UTF-8, separada por vírgulas); os cabeçalhos das colunas são os nomes usados em data.json.
archive-readme-summary = summary.html: um resumo legível, para abrir num navegador, com as informações a que tem direito nos termos do artigo 15.º do RGPD.
archive-readme-portability = Pode levar estes dados para outro serviço (artigo 20.º do RGPD).
basis-consent = Consentimento (art. 6.º, n.º 1, alínea a, do RGPD)
basis-contract = Execução de um contrato (art. 6.º, n.º 1, alínea b, do RGPD)
basis-legitimate-interest = Interesses legítimos (art. 6.º, n.º 1, alínea f, do RGPD)
basis-legal-obligation = Obrigação jurídica (art. 6.º, n.º 1, alínea c, do RGPD)
retention-consent = {$days ->
    [one] {$days} dia
   *[other] {$days} dias
} após o fim do consentimento: quando todos os consentimentos dados por uma pessoa tiverem sido retirados, os seus dados são apagados decorrido o prazo mais longo dessas finalidades, contado a partir da data mais recente entre a última retirada e a sua última atividade.
retention-other = {$days ->
    [one] {$days} dia
   *[other] {$days} dias
}; uma pessoa cujos consentimentos tenham todos terminado não é conservada por mais tempo para esta finalidade (os seus dados são apagados com ela), e os contactos sem qualquer consentimento são removidos pela regra dos contactos inativos, quando está ativada.
retention-removes-engagement = As aberturas e os cliques mais antigos são removidos diariamente.
retention-removes-website = As visualizações de páginas, os eventos da loja, as encomendas e os visitantes não associados mais antigos são removidos diariamente.
retention-removes-transactional = As mensagens transacionais (o modelo, os dados nele inseridos e o respetivo estado de entrega) mais antigas são removidas diariamente, depois de entregues ou abandonadas.
store-contacts = O seu perfil: endereço de e-mail, nome, telefone, idioma, fuso horário, outros dados que nos forneceu, etiquetas, listas e estado da subscrição.
store-consents = Os seus consentimentos: cada consentimento dado ou retirado, com o texto exato apresentado, como e quando, e um endereço IP abreviado.
store-contact-history = O histórico de alterações ao seu perfil: que dados mudaram, quando e por quem.
store-contact-activity = Um resumo da sua interação: quando abriu ou clicou pela última vez num e-mail ou visitou o sítio web, com contagens, encomendas e valor das compras.
store-outbox = As campanhas que lhe foram ou serão enviadas, com o estado de entrega de cada uma.
store-messages = As mensagens de serviço que lhe foram enviadas (como confirmações), com os dados que continham.
store-public-intake = Pedidos que fez nas nossas páginas públicas (um formulário de subscrição, uma ligação de acesso a este portal), conservados até serem executados instantes depois.
store-sessions = As suas sessões de acesso à administração (apenas contas do pessoal).
store-users = A sua conta de membro do pessoal: nome de utilizador, nome apresentado, função e credenciais de acesso.
store-user-preferences = As suas preferências como membro do pessoal: a língua das páginas de administração.
store-api-tokens = Chaves de acesso aos sistemas da loja criadas com a sua conta de membro do pessoal.
store-bounces = E-mails que não lhe puderam ser entregues ou que assinalou como spam: quando, e o motivo indicado.
store-audit = O registo de responsabilidade: o que foi feito com os seus dados, quando e por quem (com endereços IP abreviados).
store-dsr-requests = Os seus pedidos relativos aos seus dados: tipo, datas, estado e diligências efetuadas.
store-dsr-details = O que escreveu nos seus pedidos e as respostas que lhe foram enviadas.
store-restrictions = A limitação do tratamento que pediu: desde quando e porquê.
store-events = As suas aberturas e cliques nos nossos e-mails, e as suas visualizações de páginas, eventos da loja e encomendas no sítio web.
store-track-seen = Se abriu ou clicou em cada e-mail (para que cada pessoa seja contada uma só vez).
store-visitor-links = A ligação entre as suas visitas ao sítio web e o seu perfil (depois de ter clicado numa ligação de um e-mail ou confirmado um formulário).
store-form-submissions = O que enviou através de um formulário de subscrição, como prova do seu consentimento: os valores, as caixas assinaladas, quando, um endereço IP abreviado e o tipo de navegador.
store-change-feed = Um registo temporário de que os seus dados foram alterados (o tipo de alteração e quando, sem o conteúdo), conservado até que os processos internos o tenham tido em conta.
store-segment-memberships = Os grupos de contactos (segmentos) definidos pela loja a que pertence agora, por exemplo pelo que comprou ou pela sua última visita, e desde quando.
store-segment-log = Quando entrou em cada um desses grupos ou saiu dele.
store-journey-runs = As séries automáticas de mensagens (percursos) que está a seguir ou seguiu, o passo em que está e o que as iniciou.
store-journey-log = O que cada passo dessas séries fez por si e porquê (por exemplo, uma mensagem enviada, uma espera ou porque terminou).
request-kind-access = Acesso aos seus dados (art. 15.º do RGPD)
request-kind-portability = Portabilidade dos dados (art. 20.º do RGPD)
request-kind-rectification = Retificação (art. 16.º do RGPD)
request-kind-erasure = Apagamento (art. 17.º do RGPD)
request-kind-restriction = Limitação do tratamento (art. 18.º do RGPD)
request-kind-objection = Oposição (art. 21.º do RGPD)
request-kind-withdrawal = Retirada do consentimento (art. 7.º, n.º 3, do RGPD)
request-state-open = em curso
request-state-done = concluído
request-state-refused = recusado

## Subscription states, as a person reads them
status-pending = a aguardar a sua confirmação
status-subscribed = ativa
status-unsubscribed = cancelada
status-bounced = suspensa (os e-mails para este endereço foram devolvidos)
status-complained = suspensa (marcou um dos nossos e-mails como spam)

## Processing purposes as shipped
purpose-newsletter-name = Newsletter por e-mail
purpose-newsletter-wording = Sim, quero receber por e-mail a newsletter com novidades e ofertas. Posso cancelar a subscrição a qualquer momento através do link incluído em cada e-mail.
purpose-engagement-name = Medição da interação com os e-mails
purpose-engagement-wording = Sim, autorizo que seja medido se abro os e-mails e em que links clico, para os tornar mais relevantes.
purpose-website-tracking-name = Registo do comportamento no site
purpose-website-tracking-wording = Sim, autorizo o registo das páginas que visito e do que faço na loja, associando-o ao meu endereço de e-mail.
purpose-transactional-name = E-mails transacionais
purpose-profiling-name = Pontuação de interesse (definição de perfis)
purpose-profiling-wording = Estimamos, a partir das aberturas e cliques nos nossos e-mails, das suas visitas ao nosso site e das suas encomendas, o seu interesse nas nossas ofertas, para lhe enviar o que for mais relevante. Pode opor-se a qualquer momento: desmarque esta opção e deixaremos de calcular a sua pontuação.

# Lead scores in the person's archive (Art. 15(1)(h))
archive-readme-scores = "scores" mostra o interesse nas nossas ofertas que lhe atribuímos (pontuações de potencial cliente, uma forma de definição de perfis), calculado quando o arquivo foi criado: por modelo ("model", "name") a pontuação ("score"; null se se opôs à definição de perfis) e a sua composição ("rules": o que cada regra conta, "counted" quantas vezes, "points_given" antes e "points_now" depois de os pontos se atenuarem com o tempo, "half_life_days"). "restricted" é true quando o tratamento dos seus dados está limitado, e nesse caso nenhuma pontuação é calculada. As pontuações nunca são guardadas.
archive-scores = As suas pontuações de potencial cliente
archive-scores-intro = A partir do que faz (abrir os nossos e-mails, clicar nas suas ligações, visitar o nosso site, encomendar) e do que diz a sua ficha, estimamos o seu interesse nas nossas ofertas para escolher o que lhe enviamos. Isto é definição de perfis: pode opor-se a qualquer momento. Uma pontuação é calculada quando necessário e nunca guardada; os pontos de cada evento atenuam-se com o tempo. Só conta o que nos permitiu medir.
archive-scores-restricted = O tratamento dos seus dados está limitado: não é calculada nenhuma pontuação para si.
archive-scores-objected = nenhuma (opôs-se à definição de perfis)
archive-scores-half-life = os pontos reduzem-se a metade a cada {$days} dias
archive-scores-col-rule = O que conta
archive-scores-col-counted = Vezes contadas
archive-scores-col-points = Pontos agora
archive-score-opened = abriu um dos nossos e-mails
archive-score-clicked = clicou numa ligação de um dos nossos e-mails
archive-score-clicked-url = clicou num dos nossos e-mails numa ligação que contém «{$url}»
archive-score-page-viewed = visitou no nosso site uma página cujo endereço contém «{$url}»
archive-score-custom = realizou «{$name}» no nosso site
archive-score-form = enviou um dos nossos formulários
archive-score-ordered = fez uma encomenda
archive-score-field = um dado do seu perfil: {$field}
archive-score-unsubscribed = cancelou a subscrição
archive-score-bounced = não foi possível entregar-lhe um e-mail
