# Mensajes de recapbot en español (España). Un mensaje que falte se muestra en inglés.

## /recap

cmd-recap-name = resumen
cmd-recap-description = Muestra el resumen de un episodio (¡spoilers!), su reseña y valoraciones.
cmd-recap-opt-show-name = serie
cmd-recap-opt-show-description = La serie (empieza a escribir para buscar)
cmd-recap-opt-season-name = temporada
cmd-recap-opt-season-description = Temporada (por defecto: la última, o la 1 si indicas un episodio)
cmd-recap-opt-episode-name = episodio
cmd-recap-opt-episode-description = Episodio (por defecto: el último)
cmd-recap-opt-private-name = privado
cmd-recap-opt-private-description = Solo tú ves la respuesta

## /ratings and /top

cmd-ratings-name = valoraciones
cmd-ratings-description = Gráfica de las valoraciones de la comunidad: una temporada, o todas como mapa de calor.
cmd-ratings-opt-show-name = serie
cmd-ratings-opt-show-description = La serie (empieza a escribir para buscar)
cmd-ratings-opt-season-name = temporada
cmd-ratings-opt-season-description = Temporada (por defecto: todas, como mapa de calor)
cmd-ratings-opt-scope-name = alcance
cmd-ratings-opt-scope-description = Qué votos (por defecto: este servidor)
cmd-ratings-opt-compare-name = comparar
cmd-ratings-opt-compare-description = Pon las notas de la crítica junto a las de la comunidad (mapa de calor)
cmd-top-name = mejores
cmd-top-description = Los diez episodios mejor valorados.
cmd-top-opt-show-name = serie
cmd-top-opt-show-description = Solo esta serie
cmd-top-opt-scope-name = alcance
cmd-top-opt-scope-description = Qué votos (por defecto: este servidor)
choice-this-server = este servidor
choice-all-servers = todos los servidores
choice-critic = crítica

## /alerts

cmd-alerts-name = alertas
cmd-alerts-description = Alertas de nuevos resúmenes en los canales de este servidor.
cmd-alerts-subscribe-name = suscribir
cmd-alerts-subscribe-description = Publica los nuevos resúmenes en un canal.
cmd-alerts-subscribe-opt-channel-name = canal
cmd-alerts-subscribe-opt-channel-description = Dónde van las alertas
cmd-alerts-subscribe-opt-show-name = serie
cmd-alerts-subscribe-opt-show-description = Solo esta serie (por defecto: todas)
cmd-alerts-subscribe-opt-role-name = rol
cmd-alerts-subscribe-opt-role-description = Un rol que mencionar en cada alerta
cmd-alerts-subscribe-opt-spoilers-name = spoilers
cmd-alerts-subscribe-opt-spoilers-description = Oculta el resumen tras la marca de spoiler (por defecto: sí)
cmd-alerts-subscribe-opt-thread-name = hilo
cmd-alerts-subscribe-opt-thread-description = Abre un hilo de debate en cada alerta (por defecto: no)
cmd-alerts-unsubscribe-name = cancelar-suscripción
cmd-alerts-unsubscribe-description = Deja de publicar nuevos resúmenes en un canal.
cmd-alerts-unsubscribe-opt-channel-name = canal
cmd-alerts-unsubscribe-opt-channel-description = El canal
cmd-alerts-unsubscribe-opt-show-name = serie
cmd-alerts-unsubscribe-opt-show-description = La serie (por defecto: la suscripción a todas las series)
cmd-alerts-list-name = lista
cmd-alerts-list-description = A qué están suscritos los canales de este servidor.

## /feeds

cmd-feeds-name = fuentes
cmd-feeds-description = Los sitios de resúmenes que sigue este servidor.
cmd-feeds-add-name = añadir
cmd-feeds-add-description = Sigue el feed RSS, Atom o JSON de un sitio de resúmenes.
cmd-feeds-add-opt-url-name = url
cmd-feeds-add-opt-url-description = La dirección del feed (https://…)
cmd-feeds-add-opt-show-name = serie
cmd-feeds-add-opt-show-description = La serie de la que trata, si sus títulos no lo dicen
cmd-feeds-list-name = lista
cmd-feeds-list-description = Los feeds que sigue este servidor y su estado.
cmd-feeds-remove-name = quitar
cmd-feeds-remove-description = Deja de seguir un feed.
cmd-feeds-remove-opt-feed-name = fuente
cmd-feeds-remove-opt-feed-description = El número del feed (de /feeds list) o su dirección

## /publish and /settings

cmd-publish-name = publicar
cmd-publish-description = Publica un resumen por su dirección: se guarda y se anuncia en los canales suscritos.
cmd-publish-opt-url-name = url
cmd-publish-opt-url-description = La dirección del artículo (https://…)
cmd-settings-name = ajustes
cmd-settings-description = Las preferencias de recapbot en este servidor.
cmd-settings-opt-spoilers-name = spoilers
cmd-settings-opt-spoilers-description = Oculta el texto de los resúmenes tras la marca de spoiler (por defecto: sí)

## /watching

cmd-watching-name = viendo
cmd-watching-description = Por dónde vas en una serie: los resúmenes de episodios posteriores preguntan antes.
cmd-watching-set-name = marcar
cmd-watching-set-description = Anota el último episodio que has visto.
cmd-watching-set-opt-show-name = serie
cmd-watching-set-opt-show-description = La serie (empieza a escribir para buscar)
cmd-watching-set-opt-episode-name = episodio
cmd-watching-set-opt-episode-description = El último episodio que has visto
cmd-watching-set-opt-season-name = temporada
cmd-watching-set-opt-season-description = Su temporada (por defecto: 1)
cmd-watching-list-name = lista
cmd-watching-list-description = Las series en las que has anotado por dónde vas.
cmd-watching-clear-name = borrar
cmd-watching-clear-description = Olvida por dónde vas en una serie (o en todas).
cmd-watching-clear-opt-show-name = serie
cmd-watching-clear-opt-show-description = Solo esta serie (por defecto: todas)

## What a member can get wrong

show-unknown-none = Todavía no hay resúmenes de ninguna serie llamada «{ $query }».
show-unknown-one = No hay ninguna serie llamada «{ $query }». ¿Querías decir **{ $suggestion }**?
show-unknown-several = No hay ninguna serie llamada «{ $query }». ¿Querías decir { $suggestions }?
episode-none-yet = **{ $show }** todavía no tiene resúmenes.
episode-unknown = No hay resumen de **{ $show }** ({ $asked }). Hay resúmenes de: { $existing }.
asked-season-episode = temporada { $season }, episodio { $episode }
asked-season = temporada { $season }
asked-episode = episodio { $episode }
asked-any = ningún episodio
episode-ambiguous = **{ $show }** tiene un episodio { $episode } en las temporadas { $seasons }: añade `season:` para elegir una.
season-unknown = **{ $show }** no tiene temporada { $season }. Temporadas: { $seasons }.
permission-missing = Solo los miembros con el permiso **{ $permission }** pueden usar /{ $command }.
permission-the-required = necesario
feed-cannot-follow = No se puede seguir { $url }: { $reason }.
url-cannot-read = No se puede leer { $url }: { $reason }.
url-not-a-recap = { $url } no es un resumen que pueda leer: { $reason }.
refused-season-review = una reseña de temporada
refused-list = una lista de artículos
refused-news = una noticia, no un resumen
refused-film = una reseña de película
refused-interview = una entrevista
refused-preview = un avance
refused-fan-fiction = un fanfic
recap-gone = Este resumen ya no está disponible.
counts-from-one = Las temporadas y los episodios empiezan en 1.
error-internal = Lo sentimos, /{ $command } ha fallado por nuestra parte. El error ha quedado registrado; vuelve a intentarlo en un momento.
error-options = /{ $command } no ha podido leer sus opciones: { $error }.
error-options-outdated = /{ $command } no ha podido leer sus opciones ({ $description }). Puede que Discord aún muestre una versión antigua del comando; vuelve a intentarlo en un minuto.

## Recaps and alerts

alert-new = Nuevo resumen: **{ $show }** { $number }
alert-read = Leer el resumen
gate-show-anyway = Mostrar de todos modos
gate-question = Vas por el { $on } de **{ $show }**. ¿Mostrar el { $asked } de todos modos? Podría destriparte lo que aún no has visto.

## /ratings and /top answers

ratings-season = **{ $show } — Temporada { $season }** · valoraciones de la comunidad, { $scope }
ratings-heatmap = **{ $show }** · { $seasons ->
    [one] 1 temporada
   *[other] { $seasons } temporadas
  }, valoraciones de la comunidad, { $scope }
ratings-heatmap-critic = **{ $show }** · { $seasons ->
    [one] 1 temporada
   *[other] { $seasons } temporadas
  }, valoraciones de la comunidad y de la crítica, { $scope }
top-title = **Mejores episodios** · { $scope }, al menos { $votes } votos
top-title-show = **Mejores episodios de { $show }** · { $scope }, al menos { $votes } votos
top-none = Ningún episodio tiene aún votos suficientes: reacciona con 1️⃣–5️⃣ a un resumen para valorarlo.

## /alerts answers

alerts-every-show = todas las series
alerts-subscribed = Los nuevos resúmenes de { $what } se publicarán en { $channel }{ $details }.
alerts-detail-posts = , cada uno como una publicación propia
alerts-detail-mention = , mencionando a { $role }
alerts-detail-threads = , cada uno con un hilo de debate
alerts-unsubscribed = { $channel } ya no recibirá alertas de { $what }.
alerts-not-subscribed = { $channel } no tenía alertas de { $what }. `/alerts list` muestra las que hay.
alerts-none = Aún no hay alertas: `/alerts subscribe` publica los nuevos resúmenes en un canal.
alerts-list-title = **Alertas de nuevos resúmenes**
alerts-list-mentions = menciona a { $role }
alerts-list-spoilers-hidden = spoilers ocultos
alerts-list-spoilers-shown = spoilers visibles
alerts-list-threads = hilos
alerts-list-stopped = ⚠️ detenida: { $reason }. Corrígelo y vuelve a suscribirte para reanudarla.
alerts-stopped = ⚠️ Las alertas de nuevos resúmenes en { $channel } se han detenido: { $reason }. Corrígelo y vuelve a ejecutar `/alerts subscribe`.
alerts-stopped-show = ⚠️ Las alertas de nuevos resúmenes de **{ $show }** en { $channel } se han detenido: { $reason }. Corrígelo y vuelve a ejecutar `/alerts subscribe`.
settings-spoilers-hidden = Los resúmenes de este servidor se ocultan tras la marca de spoiler.
settings-spoilers-shown = Los resúmenes de este servidor se muestran sin marca de spoiler.

## /feeds and /publish answers

feeds-following = Siguiendo { $url }. Los resúmenes que ya contiene no se anuncian; los nuevos, sí.
feeds-removed = Ya no se sigue { $feed }.
feeds-not-followed = Este servidor no sigue ningún feed { $feed }. `/feeds list` muestra los que sigue.
feeds-none = Este servidor no sigue ningún feed: `/feeds add` añade uno.
feeds-list-title = **Feeds**
publish-inserted = Publicado **{ $show }** { $number }: los canales suscritos recibirán una alerta.
publish-updated = Actualizado el resumen guardado de **{ $show }** { $number } (sin nueva alerta).
publish-unchanged = **{ $show }** { $number } ya está publicado, sin cambios.

## /watching answers

watching-noted = Anotado: vas por el { $number } de **{ $show }**. Los resúmenes de episodios posteriores preguntarán antes de mostrarse.
watching-none = No has anotado por dónde vas en ninguna serie. Usa `/watching set`.
watching-cleared-none = No tenías nada anotado en **{ $show }**.
watching-cleared-show = Olvidado por dónde vas en **{ $show }**.
watching-cleared-all = Olvidado por dónde vas en { $count } serie(s).

## The recap message's frame: field names, score lines, footers

recap-review = Reseña
recap-review-cont = Reseña (cont.)
recap-critic-rating = Nota de la crítica
recap-community = Comunidad
recap-source = Fuente
recap-source-unknown = Desconocida
recap-empty = *Sin texto del resumen.*
recap-no-votes = Aún no hay votos: valora con 1️⃣–5️⃣
recap-rate = Valora este episodio con 1️⃣–5️⃣
recap-page = Página { $page }/{ $pages }
recap-published = Publicado el { $day } de { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
  } de { $year }
score-this-server = Este servidor: { $score }
score-all-servers = Todos los servidores: { $score }
score-votes = { $votes ->
    [one] { $votes } voto
   *[other] { $votes } votos
  }

## /feeds list: a feed's health

feed-state-error = ⚠️ { $error } (próximo intento { $next })
feed-state-unpolled = aún sin consultar
feed-state-done = hecho
feed-state-ok = bien, última consulta: { $report }; próxima consulta { $next }
feed-state-troubled = ⚠️ última consulta: { $report }; próxima consulta { $next }
feed-state-failing = ; { $count ->
    [one] { $count } elemento fallido
   *[other] { $count } elementos fallidos
  }, próximo reintento { $next }
feed-state-given-up = ; { $count ->
    [one] { $count } elemento abandonado
   *[other] { $count } elementos abandonados
  }

## /ratings: the words on the chart and in its table

chart-title-season = { $show } — Temporada { $season } · { $scope }
chart-title-heatmap = { $show } · valoraciones de la comunidad, { $scope }
chart-title-heatmap-critic = { $show } · valoraciones de la comunidad y de la crítica, { $scope }
chart-title-capped = { $title } (primeras { $seasons } temporadas, { $episodes } episodios)
chart-episode = Episodio
chart-episode-no-votes = Episodio · aún sin votos
chart-episode-votes-in-bar = Episodio · número en la barra = votos
chart-average = Valoración media (1–5)
chart-no-votes = sin votos
chart-critic = crítica
table-score = Nota
table-votes = Votos
table-no-episodes = Aún no hay episodios.
table-more = … y { $count } más
table-season = Temporada { $season }
table-critic = Crítica: { $scores }
table-more-seasons = … y { $count ->
    [one] { $count } temporada más
   *[other] { $count } temporadas más
  }
