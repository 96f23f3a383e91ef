# Les messages de recapbot en français. Un message manquant s’affiche en anglais.

## /recap

cmd-recap-name = résumé
cmd-recap-description = Affiche le résumé d’un épisode (spoilers !), sa critique et ses notes.
cmd-recap-opt-show-name = série
cmd-recap-opt-show-description = La série (tapez pour chercher)
cmd-recap-opt-season-name = saison
cmd-recap-opt-season-description = Saison (par défaut : la dernière, ou la 1 si un épisode est donné)
cmd-recap-opt-episode-name = épisode
cmd-recap-opt-episode-description = Épisode (par défaut : le dernier)
cmd-recap-opt-private-name = privé
cmd-recap-opt-private-description = Vous seul voyez la réponse

## /ratings and /top

cmd-ratings-name = notes
cmd-ratings-description = Les notes de la communauté en graphique : une saison, ou toutes en carte de chaleur.
cmd-ratings-opt-show-name = série
cmd-ratings-opt-show-description = La série (tapez pour chercher)
cmd-ratings-opt-season-name = saison
cmd-ratings-opt-season-description = Saison (par défaut : toutes, en carte de chaleur)
cmd-ratings-opt-scope-name = portée
cmd-ratings-opt-scope-description = Les votes de qui (par défaut : ce serveur)
cmd-ratings-opt-compare-name = comparer
cmd-ratings-opt-compare-description = Place les notes de la critique à côté de celles de la communauté (carte de chaleur)
cmd-top-name = meilleurs
cmd-top-description = Les dix épisodes les mieux notés.
cmd-top-opt-show-name = série
cmd-top-opt-show-description = Seulement cette série
cmd-top-opt-scope-name = portée
cmd-top-opt-scope-description = Les votes de qui (par défaut : ce serveur)
choice-this-server = ce serveur
choice-all-servers = tous les serveurs
choice-critic = critique

## /alerts

cmd-alerts-name = alertes
cmd-alerts-description = Les alertes de nouveaux résumés dans les salons de ce serveur.
cmd-alerts-subscribe-name = abonner
cmd-alerts-subscribe-description = Publie les nouveaux résumés dans un salon.
cmd-alerts-subscribe-opt-channel-name = salon
cmd-alerts-subscribe-opt-channel-description = Où vont les alertes
cmd-alerts-subscribe-opt-show-name = série
cmd-alerts-subscribe-opt-show-description = Seulement cette série (par défaut : toutes)
cmd-alerts-subscribe-opt-role-name = rôle
cmd-alerts-subscribe-opt-role-description = Un rôle à mentionner dans chaque alerte
cmd-alerts-subscribe-opt-spoilers-name = spoilers
cmd-alerts-subscribe-opt-spoilers-description = Cache le résumé derrière la balise spoiler (par défaut : oui)
cmd-alerts-subscribe-opt-thread-name = fil
cmd-alerts-subscribe-opt-thread-description = Ouvre un fil de discussion sur chaque alerte (par défaut : non)
cmd-alerts-unsubscribe-name = désabonner
cmd-alerts-unsubscribe-description = Arrête de publier les nouveaux résumés dans un salon.
cmd-alerts-unsubscribe-opt-channel-name = salon
cmd-alerts-unsubscribe-opt-channel-description = Le salon
cmd-alerts-unsubscribe-opt-show-name = série
cmd-alerts-unsubscribe-opt-show-description = La série (par défaut : l’abonnement à toutes les séries)
cmd-alerts-list-name = liste
cmd-alerts-list-description = Les abonnements des salons de ce serveur.

## /feeds

cmd-feeds-name = flux
cmd-feeds-description = Les sites de résumés que ce serveur suit.
cmd-feeds-add-name = ajouter
cmd-feeds-add-description = Suit le flux RSS, Atom ou JSON d’un site de résumés.
cmd-feeds-add-opt-url-name = url
cmd-feeds-add-opt-url-description = L’adresse du flux (https://…)
cmd-feeds-add-opt-show-name = série
cmd-feeds-add-opt-show-description = La série dont il parle, quand ses titres ne le disent pas
cmd-feeds-list-name = liste
cmd-feeds-list-description = Les flux que ce serveur suit, avec leur état.
cmd-feeds-remove-name = retirer
cmd-feeds-remove-description = Arrête de suivre un flux.
cmd-feeds-remove-opt-feed-name = flux
cmd-feeds-remove-opt-feed-description = Le numéro du flux (voir /feeds list) ou son adresse

## /publish and /settings

cmd-publish-name = publier
cmd-publish-description = Publie un résumé par son adresse : enregistré, et annoncé dans les salons abonnés.
cmd-publish-opt-url-name = url
cmd-publish-opt-url-description = L’adresse de l’article (https://…)
cmd-settings-name = paramètres
cmd-settings-description = Les préférences de recapbot sur ce serveur.
cmd-settings-opt-spoilers-name = spoilers
cmd-settings-opt-spoilers-description = Cache le texte des résumés derrière la balise spoiler (par défaut : oui)

## /watching

cmd-watching-name = visionnage
cmd-watching-description = Où vous en êtes d’une série : les résumés des épisodes suivants demandent avant de s’afficher.
cmd-watching-set-name = noter
cmd-watching-set-description = Note le dernier épisode que vous avez vu.
cmd-watching-set-opt-show-name = série
cmd-watching-set-opt-show-description = La série (tapez pour chercher)
cmd-watching-set-opt-episode-name = épisode
cmd-watching-set-opt-episode-description = Le dernier épisode que vous avez vu
cmd-watching-set-opt-season-name = saison
cmd-watching-set-opt-season-description = Sa saison (par défaut : 1)
cmd-watching-list-name = liste
cmd-watching-list-description = Les séries où vous avez noté où vous en êtes.
cmd-watching-clear-name = effacer
cmd-watching-clear-description = Oublie où vous en êtes d’une série (ou de toutes).
cmd-watching-clear-opt-show-name = série
cmd-watching-clear-opt-show-description = Seulement cette série (par défaut : toutes)

## What a member can get wrong

show-unknown-none = Aucune série appelée « { $query } » n’a encore de résumé.
show-unknown-one = Aucune série appelée « { $query } ». Vouliez-vous dire **{ $suggestion }** ?
show-unknown-several = Aucune série appelée « { $query } ». Vouliez-vous dire { $suggestions } ?
episode-none-yet = **{ $show }** n’a encore aucun résumé.
episode-unknown = Pas de résumé de **{ $show }** ({ $asked }). Il existe des résumés pour : { $existing }.
asked-season-episode = saison { $season }, épisode { $episode }
asked-season = saison { $season }
asked-episode = épisode { $episode }
asked-any = aucun épisode
episode-ambiguous = **{ $show }** a un épisode { $episode } dans les saisons { $seasons } : ajoutez `season:` pour en choisir une.
season-unknown = **{ $show }** n’a pas de saison { $season }. Saisons : { $seasons }.
permission-missing = Seuls les membres ayant la permission **{ $permission }** peuvent utiliser /{ $command }.
permission-the-required = requise
feed-cannot-follow = Impossible de suivre { $url } : { $reason }.
url-cannot-read = Impossible de lire { $url } : { $reason }.
url-not-a-recap = { $url } n’est pas un résumé que je sais lire : { $reason }.
refused-season-review = une critique de saison
refused-list = une liste d’articles
refused-news = une actualité, pas un résumé
refused-film = une critique de film
refused-interview = une interview
refused-preview = un avant-programme
refused-fan-fiction = une fanfiction
recap-gone = Ce résumé n’est plus disponible.
counts-from-one = Les saisons et les épisodes commencent à 1.
error-internal = Désolé, /{ $command } a échoué de notre côté. L’erreur a été enregistrée ; réessayez dans un instant.
error-options = /{ $command } n’a pas pu lire ses options : { $error }.
error-options-outdated = /{ $command } n’a pas pu lire ses options ({ $description }). Discord affiche peut-être encore une ancienne version de la commande ; réessayez dans une minute.

## Recaps and alerts

alert-new = Nouveau résumé : **{ $show }** { $number }
alert-read = Lire le résumé
gate-show-anyway = Afficher quand même
gate-question = Vous en êtes à { $on } de **{ $show }**. Afficher { $asked } quand même ? Cela pourrait divulgâcher ce que vous n’avez pas encore vu.

## /ratings and /top answers

ratings-season = **{ $show } — Saison { $season }** · notes de la communauté, { $scope }
ratings-heatmap = **{ $show }** · { $seasons ->
    [one] 1 saison
   *[other] { $seasons } saisons
  }, notes de la communauté, { $scope }
ratings-heatmap-critic = **{ $show }** · { $seasons ->
    [one] 1 saison
   *[other] { $seasons } saisons
  }, notes de la communauté et de la critique, { $scope }
top-title = **Meilleurs épisodes** · { $scope }, au moins { $votes } votes
top-title-show = **Meilleurs épisodes de { $show }** · { $scope }, au moins { $votes } votes
top-none = Aucun épisode n’a encore assez de votes : réagissez avec 1️⃣–5️⃣ sur un résumé pour le noter.

## /alerts answers

alerts-every-show = toutes les séries
alerts-subscribed = Les nouveaux résumés de { $what } seront publiés dans { $channel }{ $details }.
alerts-detail-posts = , chacun comme une publication à part
alerts-detail-mention = , en mentionnant { $role }
alerts-detail-threads = , chacun avec un fil de discussion
alerts-unsubscribed = { $channel } ne recevra plus d’alertes pour { $what }.
alerts-not-subscribed = { $channel } n’avait pas d’alertes pour { $what }. `/alerts list` montre ce qui existe.
alerts-none = Pas encore d’alertes : `/alerts subscribe` publie les nouveaux résumés dans un salon.
alerts-list-title = **Alertes de nouveaux résumés**
alerts-list-mentions = mentionne { $role }
alerts-list-spoilers-hidden = spoilers cachés
alerts-list-spoilers-shown = spoilers visibles
alerts-list-threads = fils
alerts-list-stopped = ⚠️ arrêtée : { $reason }. Corrigez le problème, puis abonnez-vous à nouveau pour reprendre.
alerts-stopped = ⚠️ Les alertes de nouveaux résumés dans { $channel } se sont arrêtées : { $reason }. Corrigez le problème, puis relancez `/alerts subscribe`.
alerts-stopped-show = ⚠️ Les alertes de nouveaux résumés de **{ $show }** dans { $channel } se sont arrêtées : { $reason }. Corrigez le problème, puis relancez `/alerts subscribe`.
settings-spoilers-hidden = Les résumés de ce serveur sont cachés derrière la balise spoiler.
settings-spoilers-shown = Les résumés de ce serveur s’affichent sans balise spoiler.

## /feeds and /publish answers

feeds-following = Suivi de { $url }. Les résumés qu’il contient déjà ne sont pas annoncés ; les nouveaux le seront.
feeds-removed = { $feed } n’est plus suivi.
feeds-not-followed = Ce serveur ne suit aucun flux { $feed }. `/feeds list` montre ce qu’il suit.
feeds-none = Ce serveur ne suit aucun flux : `/feeds add` en ajoute un.
feeds-list-title = **Flux**
publish-inserted = **{ $show }** { $number } publié : les salons abonnés reçoivent une alerte.
publish-updated = Le résumé enregistré de **{ $show }** { $number } a été mis à jour (pas de nouvelle alerte).
publish-unchanged = **{ $show }** { $number } est déjà publié, inchangé.

## /watching answers

watching-noted = C’est noté : vous en êtes à { $number } de **{ $show }**. Les résumés des épisodes suivants demanderont avant de s’afficher.
watching-none = Vous n’avez noté où vous en êtes dans aucune série. Utilisez `/watching set`.
watching-cleared-none = Vous n’aviez rien noté pour **{ $show }**.
watching-cleared-show = J’ai oublié où vous en êtes de **{ $show }**.
watching-cleared-all = J’ai oublié où vous en êtes de { $count } série(s).

## The recap message's frame: field names, score lines, footers

recap-review = Critique
recap-review-cont = Critique (suite)
recap-critic-rating = Note de la critique
recap-community = Communauté
recap-source = Source
recap-source-unknown = Inconnue
recap-empty = *Pas de texte de résumé.*
recap-no-votes = Pas encore de vote — notez avec 1️⃣–5️⃣
recap-rate = Notez cet épisode avec 1️⃣–5️⃣
recap-page = Page { $page }/{ $pages }
recap-published = Publié le { $day ->
    [1] 1er
   *[other] { $day }
  } { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
  } { $year }
score-this-server = Ce serveur : { $score }
score-all-servers = Tous les serveurs : { $score }
score-votes = { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
  }

## /feeds list: a feed's health

feed-state-error = ⚠️ { $error } (prochain essai { $next })
feed-state-unpolled = pas encore consulté
feed-state-done = terminé
feed-state-ok = ok, dernière consultation : { $report } ; prochaine consultation { $next }
feed-state-troubled = ⚠️ dernière consultation : { $report } ; prochaine consultation { $next }
feed-state-failing = ; { $count ->
    [one] { $count } élément en échec
   *[other] { $count } éléments en échec
  }, prochain essai { $next }
feed-state-given-up = ; { $count ->
    [one] { $count } élément abandonné
   *[other] { $count } éléments abandonnés
  }

## /ratings: the words on the chart and in its table

chart-title-season = { $show } — Saison { $season } · { $scope }
chart-title-heatmap = { $show } · notes de la communauté, { $scope }
chart-title-heatmap-critic = { $show } · notes de la communauté et de la critique, { $scope }
chart-title-capped = { $title } (les { $seasons } premières saisons, { $episodes } épisodes)
chart-episode = Épisode
chart-episode-no-votes = Épisode · pas encore de vote
chart-episode-votes-in-bar = Épisode · nombre dans la barre = votes
chart-average = Note moyenne (1–5)
chart-no-votes = aucun vote
chart-critic = critique
table-score = Note
table-votes = Votes
table-no-episodes = Pas encore d’épisode.
table-more = … et { $count } de plus
table-season = Saison { $season }
table-critic = Critique : { $scores }
table-more-seasons = … et { $count ->
    [one] { $count } saison de plus
   *[other] { $count } saisons de plus
  }
