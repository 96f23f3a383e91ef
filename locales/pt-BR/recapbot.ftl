# Mensagens do recapbot em português do Brasil. Uma mensagem que falte aparece em inglês.

## /recap

cmd-recap-name = resumo
cmd-recap-description = Mostra o resumo de um episódio (spoilers!), a crítica e as avaliações.
cmd-recap-opt-show-name = série
cmd-recap-opt-show-description = A série (comece a digitar para buscar)
cmd-recap-opt-season-name = temporada
cmd-recap-opt-season-description = Temporada (padrão: a mais recente, ou a 1 quando um episódio é informado)
cmd-recap-opt-episode-name = episódio
cmd-recap-opt-episode-description = Episódio (padrão: o mais recente)
cmd-recap-opt-private-name = privado
cmd-recap-opt-private-description = Só você vê a resposta

## /ratings and /top

cmd-ratings-name = avaliações
cmd-ratings-description = Gráfico das avaliações da comunidade: uma temporada, ou todas como mapa de calor.
cmd-ratings-opt-show-name = série
cmd-ratings-opt-show-description = A série (comece a digitar para buscar)
cmd-ratings-opt-season-name = temporada
cmd-ratings-opt-season-description = Temporada (padrão: todas, como mapa de calor)
cmd-ratings-opt-scope-name = escopo
cmd-ratings-opt-scope-description = Votos de quem (padrão: este servidor)
cmd-ratings-opt-compare-name = comparar
cmd-ratings-opt-compare-description = Coloca as notas da crítica ao lado das da comunidade (mapa de calor)
cmd-top-name = melhores
cmd-top-description = Os dez episódios mais bem avaliados.
cmd-top-opt-show-name = série
cmd-top-opt-show-description = Só esta série
cmd-top-opt-scope-name = escopo
cmd-top-opt-scope-description = Votos de quem (padrão: este servidor)
choice-this-server = este servidor
choice-all-servers = todos os servidores
choice-critic = crítica

## /alerts

cmd-alerts-name = alertas
cmd-alerts-description = Alertas de novos resumos nos canais deste servidor.
cmd-alerts-subscribe-name = inscrever
cmd-alerts-subscribe-description = Publica novos resumos em um canal.
cmd-alerts-subscribe-opt-channel-name = canal
cmd-alerts-subscribe-opt-channel-description = Onde os alertas aparecem
cmd-alerts-subscribe-opt-show-name = série
cmd-alerts-subscribe-opt-show-description = Só esta série (padrão: todas as séries)
cmd-alerts-subscribe-opt-role-name = cargo
cmd-alerts-subscribe-opt-role-description = Um cargo a mencionar em cada alerta
cmd-alerts-subscribe-opt-spoilers-name = spoilers
cmd-alerts-subscribe-opt-spoilers-description = Esconde o resumo atrás da marcação de spoiler (padrão: sim)
cmd-alerts-subscribe-opt-thread-name = tópico
cmd-alerts-subscribe-opt-thread-description = Abre um tópico de discussão em cada alerta (padrão: não)
cmd-alerts-unsubscribe-name = cancelar-inscrição
cmd-alerts-unsubscribe-description = Para de publicar novos resumos em um canal.
cmd-alerts-unsubscribe-opt-channel-name = canal
cmd-alerts-unsubscribe-opt-channel-description = O canal
cmd-alerts-unsubscribe-opt-show-name = série
cmd-alerts-unsubscribe-opt-show-description = A série (padrão: a inscrição de todas as séries)
cmd-alerts-list-name = lista
cmd-alerts-list-description = Em que os canais deste servidor estão inscritos.

## /feeds

cmd-feeds-name = feeds
cmd-feeds-description = Os sites de resumos que este servidor acompanha.
cmd-feeds-add-name = adicionar
cmd-feeds-add-description = Acompanha o feed RSS, Atom ou JSON de um site de resumos.
cmd-feeds-add-opt-url-name = url
cmd-feeds-add-opt-url-description = O endereço do feed (https://…)
cmd-feeds-add-opt-show-name = série
cmd-feeds-add-opt-show-description = A série de que ele trata, quando os títulos não dizem
cmd-feeds-list-name = lista
cmd-feeds-list-description = Os feeds que este servidor acompanha, com o estado de cada um.
cmd-feeds-remove-name = remover
cmd-feeds-remove-description = Para de acompanhar um feed.
cmd-feeds-remove-opt-feed-name = feed
cmd-feeds-remove-opt-feed-description = O número do feed (do /feeds list) ou o endereço

## /publish and /settings

cmd-publish-name = publicar
cmd-publish-description = Publica um resumo pelo endereço: salvo e anunciado nos canais inscritos.
cmd-publish-opt-url-name = url
cmd-publish-opt-url-description = O endereço do artigo (https://…)
cmd-settings-name = configurações
cmd-settings-description = As preferências do recapbot neste servidor.
cmd-settings-opt-spoilers-name = spoilers
cmd-settings-opt-spoilers-description = Esconde o texto dos resumos atrás da marcação de spoiler (padrão: sim)

## /watching

cmd-watching-name = assistindo
cmd-watching-description = Onde você está numa série: resumos de episódios seguintes perguntam antes de aparecer.
cmd-watching-set-name = marcar
cmd-watching-set-description = Anota o último episódio que você assistiu.
cmd-watching-set-opt-show-name = série
cmd-watching-set-opt-show-description = A série (comece a digitar para buscar)
cmd-watching-set-opt-episode-name = episódio
cmd-watching-set-opt-episode-description = O último episódio que você assistiu
cmd-watching-set-opt-season-name = temporada
cmd-watching-set-opt-season-description = A temporada dele (padrão: 1)
cmd-watching-list-name = lista
cmd-watching-list-description = As séries em que você anotou onde está.
cmd-watching-clear-name = limpar
cmd-watching-clear-description = Esquece onde você está numa série (ou em todas).
cmd-watching-clear-opt-show-name = série
cmd-watching-clear-opt-show-description = Só esta série (padrão: todas as séries)

## What a member can get wrong

show-unknown-none = Ainda não há resumos de nenhuma série chamada “{ $query }”.
show-unknown-one = Não há nenhuma série chamada “{ $query }”. Você quis dizer **{ $suggestion }**?
show-unknown-several = Não há nenhuma série chamada “{ $query }”. Você quis dizer { $suggestions }?
episode-none-yet = **{ $show }** ainda não tem resumos.
episode-unknown = Não há resumo de **{ $show }** ({ $asked }). Há resumos de: { $existing }.
asked-season-episode = temporada { $season }, episódio { $episode }
asked-season = temporada { $season }
asked-episode = episódio { $episode }
asked-any = nenhum episódio
episode-ambiguous = **{ $show }** tem um episódio { $episode } nas temporadas { $seasons }: use `season:` para escolher uma.
season-unknown = **{ $show }** não tem temporada { $season }. Temporadas: { $seasons }.
permission-missing = Só membros com a permissão **{ $permission }** podem usar /{ $command }.
permission-the-required = necessária
feed-cannot-follow = Não foi possível acompanhar { $url }: { $reason }.
url-cannot-read = Não foi possível ler { $url }: { $reason }.
url-not-a-recap = { $url } não é um resumo que eu consiga ler: { $reason }.
refused-season-review = uma crítica da temporada
refused-list = uma lista de artigos
refused-news = uma notícia, não um resumo
refused-film = uma crítica de filme
refused-interview = uma entrevista
refused-preview = uma prévia
refused-fan-fiction = uma fanfic
recap-gone = Este resumo não está mais disponível.
counts-from-one = Temporadas e episódios começam em 1.
error-internal = Desculpe, /{ $command } falhou do nosso lado. O erro foi registrado; tente de novo daqui a pouco.
error-options = /{ $command } não conseguiu ler as opções: { $error }.
error-options-outdated = /{ $command } não conseguiu ler as opções ({ $description }). O Discord pode ainda estar mostrando uma versão antiga do comando; tente de novo em um minuto.

## Recaps and alerts

alert-new = Novo resumo: **{ $show }** { $number }
alert-read = Ler o resumo
gate-show-anyway = Mostrar mesmo assim
gate-question = Você está no { $on } de **{ $show }**. Mostrar o { $asked } mesmo assim? Pode ter spoilers do que você ainda não viu.

## /ratings and /top answers

ratings-season = **{ $show } — Temporada { $season }** · avaliações da comunidade, { $scope }
ratings-heatmap = **{ $show }** · { $seasons ->
    [one] 1 temporada
   *[other] { $seasons } temporadas
  }, avaliações da comunidade, { $scope }
ratings-heatmap-critic = **{ $show }** · { $seasons ->
    [one] 1 temporada
   *[other] { $seasons } temporadas
  }, avaliações da comunidade e da crítica, { $scope }
top-title = **Melhores episódios** · { $scope }, pelo menos { $votes } votos
top-title-show = **Melhores episódios de { $show }** · { $scope }, pelo menos { $votes } votos
top-none = Nenhum episódio tem votos suficientes ainda: reaja com 1️⃣–5️⃣ em um resumo para avaliá-lo.

## /alerts answers

alerts-every-show = todas as séries
alerts-subscribed = Novos resumos de { $what } serão publicados em { $channel }{ $details }.
alerts-detail-posts = , cada um como uma publicação própria
alerts-detail-mention = , mencionando { $role }
alerts-detail-threads = , cada um com um tópico de discussão
alerts-unsubscribed = { $channel } não vai mais receber alertas de { $what }.
alerts-not-subscribed = { $channel } não tinha alertas de { $what }. `/alerts list` mostra o que existe.
alerts-none = Nenhum alerta ainda: `/alerts subscribe` publica novos resumos em um canal.
alerts-list-title = **Alertas de novos resumos**
alerts-list-mentions = menciona { $role }
alerts-list-spoilers-hidden = spoilers escondidos
alerts-list-spoilers-shown = spoilers visíveis
alerts-list-threads = tópicos
alerts-list-stopped = ⚠️ parado: { $reason }. Corrija e inscreva de novo para retomar.
alerts-stopped = ⚠️ Os alertas de novos resumos em { $channel } pararam: { $reason }. Corrija e rode `/alerts subscribe` de novo.
alerts-stopped-show = ⚠️ Os alertas de novos resumos de **{ $show }** em { $channel } pararam: { $reason }. Corrija e rode `/alerts subscribe` de novo.
settings-spoilers-hidden = Os resumos deste servidor ficam escondidos atrás da marcação de spoiler.
settings-spoilers-shown = Os resumos deste servidor aparecem sem marcação de spoiler.

## /feeds and /publish answers

feeds-following = Acompanhando { $url }. Os resumos que já estão nele não são anunciados; os novos serão.
feeds-removed = Deixou de acompanhar { $feed }.
feeds-not-followed = Este servidor não acompanha nenhum feed { $feed }. `/feeds list` mostra o que ele acompanha.
feeds-none = Este servidor não acompanha nenhum feed: `/feeds add` adiciona um.
feeds-list-title = **Feeds**
publish-inserted = **{ $show }** { $number } publicado: os canais inscritos recebem um alerta.
publish-updated = O resumo salvo de **{ $show }** { $number } foi atualizado (sem novo alerta).
publish-unchanged = **{ $show }** { $number } já está publicado, sem mudanças.

## /watching answers

watching-noted = Anotado: você está no { $number } de **{ $show }**. Resumos de episódios seguintes vão perguntar antes de aparecer.
watching-none = Você não anotou onde está em nenhuma série. Use `/watching set`.
watching-cleared-none = Você não tinha progresso anotado em **{ $show }**.
watching-cleared-show = Esqueci onde você está em **{ $show }**.
watching-cleared-all = Esqueci onde você está em { $count } série(s).

## The recap message's frame: field names, score lines, footers

recap-review = Resenha
recap-review-cont = Resenha (cont.)
recap-critic-rating = Nota da crítica
recap-community = Comunidade
recap-source = Fonte
recap-source-unknown = Desconhecida
recap-empty = *Sem texto do resumo.*
recap-no-votes = Ainda sem votos — avalie com 1️⃣–5️⃣
recap-rate = Avalie este episódio com 1️⃣–5️⃣
recap-page = Página { $page }/{ $pages }
recap-published = Publicado em { $day } de { $month ->
    [1] janeiro
    [2] fevereiro
    [3] março
    [4] abril
    [5] maio
    [6] junho
    [7] julho
    [8] agosto
    [9] setembro
    [10] outubro
    [11] novembro
   *[12] dezembro
  } de { $year }
score-this-server = Este servidor: { $score }
score-all-servers = Todos os servidores: { $score }
score-votes = { $votes ->
    [one] { $votes } voto
   *[other] { $votes } votos
  }

## /feeds list: a feed's health

feed-state-error = ⚠️ { $error } (próxima tentativa { $next })
feed-state-unpolled = ainda não consultado
feed-state-done = concluído
feed-state-ok = ok, última consulta: { $report }; próxima consulta { $next }
feed-state-troubled = ⚠️ última consulta: { $report }; próxima consulta { $next }
feed-state-failing = ; { $count ->
    [one] { $count } item com falha
   *[other] { $count } itens com falha
  }, nova tentativa { $next }
feed-state-given-up = ; { $count ->
    [one] { $count } item abandonado
   *[other] { $count } itens abandonados
  }

## /ratings: the words on the chart and in its table

chart-title-season = { $show } — Temporada { $season } · { $scope }
chart-title-heatmap = { $show } · avaliações da comunidade, { $scope }
chart-title-heatmap-critic = { $show } · avaliações da comunidade e da crítica, { $scope }
chart-title-capped = { $title } (primeiras { $seasons } temporadas, { $episodes } episódios)
chart-episode = Episódio
chart-episode-no-votes = Episódio · ainda sem votos
chart-episode-votes-in-bar = Episódio · número na barra = votos
chart-average = Avaliação média (1–5)
chart-no-votes = sem votos
chart-critic = crítica
table-score = Nota
table-votes = Votos
table-no-episodes = Ainda não há episódios.
table-more = … e mais { $count }
table-season = Temporada { $season }
table-critic = Crítica: { $scores }
table-more-seasons = … e mais { $count ->
    [one] { $count } temporada
   *[other] { $count } temporadas
  }
