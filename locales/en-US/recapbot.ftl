# recapbot's words in English (United States): the reference every other locale follows.
# Ids starting with cmd- are what Discord shows for the slash commands; command and option
# names must be lowercase, without spaces, at most 32 characters.

## /recap

cmd-recap-name = recap
cmd-recap-description = Show an episode's recap (spoilers!), its review and ratings.
cmd-recap-opt-show-name = show
cmd-recap-opt-show-description = The show (start typing to search)
cmd-recap-opt-season-name = season
cmd-recap-opt-season-description = Season (default: the latest, or season 1 when an episode is given)
cmd-recap-opt-episode-name = episode
cmd-recap-opt-episode-description = Episode (default: the latest)
cmd-recap-opt-private-name = private
cmd-recap-opt-private-description = Only you see the answer

## /ratings and /top

cmd-ratings-name = ratings
cmd-ratings-description = Chart the community's ratings: one season, or every season as a heatmap.
cmd-ratings-opt-show-name = show
cmd-ratings-opt-show-description = The show (start typing to search)
cmd-ratings-opt-season-name = season
cmd-ratings-opt-season-description = Season (default: every season, as a heatmap)
cmd-ratings-opt-scope-name = scope
cmd-ratings-opt-scope-description = Whose votes (default: this server)
cmd-ratings-opt-compare-name = compare
cmd-ratings-opt-compare-description = Set the critic's ratings beside the community's (heatmap)
cmd-top-name = top
cmd-top-description = The ten best-rated episodes.
cmd-top-opt-show-name = show
cmd-top-opt-show-description = Only this show
cmd-top-opt-scope-name = scope
cmd-top-opt-scope-description = Whose votes (default: this server)
choice-this-server = this server
choice-all-servers = all servers
choice-critic = critic

## /alerts

cmd-alerts-name = alerts
cmd-alerts-description = New-recap alerts in this server's channels.
cmd-alerts-subscribe-name = subscribe
cmd-alerts-subscribe-description = Post new recaps in a channel.
cmd-alerts-subscribe-opt-channel-name = channel
cmd-alerts-subscribe-opt-channel-description = Where alerts go
cmd-alerts-subscribe-opt-show-name = show
cmd-alerts-subscribe-opt-show-description = Only this show (default: every show)
cmd-alerts-subscribe-opt-role-name = role
cmd-alerts-subscribe-opt-role-description = A role to mention in each alert
cmd-alerts-subscribe-opt-spoilers-name = spoilers
cmd-alerts-subscribe-opt-spoilers-description = Hide the summary behind spoiler markup (default: yes)
cmd-alerts-subscribe-opt-thread-name = thread
cmd-alerts-subscribe-opt-thread-description = Open a discussion thread on each alert (default: no)
cmd-alerts-unsubscribe-name = unsubscribe
cmd-alerts-unsubscribe-description = Stop posting new recaps in a channel.
cmd-alerts-unsubscribe-opt-channel-name = channel
cmd-alerts-unsubscribe-opt-channel-description = The channel
cmd-alerts-unsubscribe-opt-show-name = show
cmd-alerts-unsubscribe-opt-show-description = The show (default: the every-show subscription)
cmd-alerts-list-name = list
cmd-alerts-list-description = What this server's channels are subscribed to.

## /feeds

cmd-feeds-name = feeds
cmd-feeds-description = The recap sites this server follows.
cmd-feeds-add-name = add
cmd-feeds-add-description = Follow a recap site's RSS, Atom or JSON feed.
cmd-feeds-add-opt-url-name = url
cmd-feeds-add-opt-url-description = The feed's address (https://…)
cmd-feeds-add-opt-show-name = show
cmd-feeds-add-opt-show-description = The show it is about, when its titles do not say
cmd-feeds-list-name = list
cmd-feeds-list-description = The feeds this server follows, with their health.
cmd-feeds-remove-name = remove
cmd-feeds-remove-description = Stop following a feed.
cmd-feeds-remove-opt-feed-name = feed
cmd-feeds-remove-opt-feed-description = The feed's number (from /feeds list) or address

## /publish and /settings

cmd-publish-name = publish
cmd-publish-description = Publish a recap article by its address: stored, and announced to subscribed channels.
cmd-publish-opt-url-name = url
cmd-publish-opt-url-description = The article's address (https://…)
cmd-settings-name = settings
cmd-settings-description = This server's recapbot preferences.
cmd-settings-opt-spoilers-name = spoilers
cmd-settings-opt-spoilers-description = Hide recap text behind spoiler markup (default: yes)

## /watching

cmd-watching-name = watching
cmd-watching-description = Where you are in a show: recaps of later episodes ask before they show.
cmd-watching-set-name = set
cmd-watching-set-description = Note the last episode you've watched.
cmd-watching-set-opt-show-name = show
cmd-watching-set-opt-show-description = The show (start typing to search)
cmd-watching-set-opt-episode-name = episode
cmd-watching-set-opt-episode-description = The last episode you've watched
cmd-watching-set-opt-season-name = season
cmd-watching-set-opt-season-description = Its season (default: 1)
cmd-watching-list-name = list
cmd-watching-list-description = The shows you've noted where you are in.
cmd-watching-clear-name = clear
cmd-watching-clear-description = Forget where you are in a show (or in every show).
cmd-watching-clear-opt-show-name = show
cmd-watching-clear-opt-show-description = Only this show (default: every show)

## What a member can get wrong

show-unknown-none = No show called “{ $query }” has recaps yet.
show-unknown-one = No show called “{ $query }”. Did you mean **{ $suggestion }**?
show-unknown-several = No show called “{ $query }”. Did you mean { $suggestions }?
episode-none-yet = **{ $show }** has no recaps yet.
episode-unknown = No recap of **{ $show }** { $asked }. Recaps exist for: { $existing }.
asked-season-episode = season { $season }, episode { $episode }
asked-season = season { $season }
asked-episode = episode { $episode }
asked-any = any episode
episode-ambiguous = **{ $show }** has an episode { $episode } in seasons { $seasons }: add `season:` to pick one.
season-unknown = **{ $show }** has no season { $season }. Seasons: { $seasons }.
permission-missing = Only members with **{ $permission }** permission can use /{ $command }.
permission-the-required = the required
feed-cannot-follow = Cannot follow { $url }: { $reason }.
url-cannot-read = Cannot read { $url }: { $reason }.
url-not-a-recap = { $url } is not a recap I can read: { $reason }.
refused-season-review = a season review
refused-list = a list of articles
refused-news = news, not a recap
refused-film = a film review
refused-interview = an interview
refused-preview = a preview
refused-fan-fiction = fan fiction
recap-gone = This recap is no longer available.
counts-from-one = Seasons and episodes count from 1.
error-internal = Sorry, /{ $command } failed on our side. The error was logged; please try again in a moment.
error-options = /{ $command } could not read its options: { $error }.
error-options-outdated = /{ $command } could not read its options ({ $description }). Discord may still show an older version of the command; try again in a minute.

## Recaps and alerts

alert-new = New recap: **{ $show }** { $number }
alert-read = Read the recap
gate-show-anyway = Show it anyway
gate-question = You're on { $on } of **{ $show }** — show { $asked } anyway? It may spoil what you haven't watched yet.

## /ratings and /top answers

ratings-season = **{ $show } — Season { $season }** · community ratings, { $scope }
ratings-heatmap = **{ $show }** · { $seasons ->
    [one] 1 season
   *[other] { $seasons } seasons
  }, community ratings, { $scope }
ratings-heatmap-critic = **{ $show }** · { $seasons ->
    [one] 1 season
   *[other] { $seasons } seasons
  }, community ratings and the critic's, { $scope }
top-title = **Top episodes** · { $scope }, at least { $votes } votes
top-title-show = **Top episodes of **{ $show }**** · { $scope }, at least { $votes } votes
top-none = No episode has enough votes yet: react 1️⃣–5️⃣ on a recap to rate it.

## /alerts answers

alerts-every-show = every show
alerts-subscribed = New recaps of { $what } will be posted in { $channel }{ $details }.
alerts-detail-posts = , each as a post of its own
alerts-detail-mention = , mentioning { $role }
alerts-detail-threads = , each with a discussion thread
alerts-unsubscribed = { $channel } will no longer get alerts for { $what }.
alerts-not-subscribed = { $channel } had no alerts for { $what }. `/alerts list` shows what there is.
alerts-none = No alerts yet: `/alerts subscribe` posts new recaps in a channel.
alerts-list-title = **New-recap alerts**
alerts-list-mentions = mentions { $role }
alerts-list-spoilers-hidden = spoilers hidden
alerts-list-spoilers-shown = spoilers shown
alerts-list-threads = threads
alerts-list-stopped = ⚠️ stopped: { $reason }. Fix it, then subscribe again to resume.
alerts-stopped = ⚠️ New-recap alerts in { $channel } have stopped: { $reason }. Fix it, then run `/alerts subscribe` again.
alerts-stopped-show = ⚠️ New-recap alerts of **{ $show }** in { $channel } have stopped: { $reason }. Fix it, then run `/alerts subscribe` again.
settings-spoilers-hidden = Recaps in this server are hidden behind spoiler markup.
settings-spoilers-shown = Recaps in this server are shown without spoiler markup.

## /feeds and /publish answers

feeds-following = Following { $url }. Recaps already in it are not announced; new ones will be.
feeds-removed = No longer following { $feed }.
feeds-not-followed = This server follows no feed { $feed }. `/feeds list` shows what it follows.
feeds-none = This server follows no feeds: `/feeds add` follows one.
feeds-list-title = **Feeds**
publish-inserted = Published **{ $show }** { $number }: subscribed channels get an alert.
publish-updated = Updated the stored recap of **{ $show }** { $number } (no new alert).
publish-unchanged = **{ $show }** { $number } is already published, unchanged.

## /watching answers

watching-noted = Noted: you're on { $number } of **{ $show }**. Recaps of later episodes will ask before they show.
watching-none = You haven't noted where you are in any show. Use `/watching set`.
watching-cleared-none = You had no progress noted for **{ $show }**.
watching-cleared-show = Forgot where you are in **{ $show }**.
watching-cleared-all = Forgot where you are in { $count } show(s).

## The recap message's frame: field names, score lines, footers

recap-review = Review
recap-review-cont = Review (cont.)
recap-critic-rating = Critic rating
recap-community = Community
recap-source = Source
recap-source-unknown = Unknown
recap-empty = *No recap text.*
recap-no-votes = No votes yet — rate with 1️⃣–5️⃣
recap-rate = Rate this episode with 1️⃣–5️⃣
recap-page = Page { $page }/{ $pages }
recap-published = Published { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
  } { $year }
score-this-server = This server: { $score }
score-all-servers = All servers: { $score }
score-votes = { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
  }

## /feeds list: a feed's health

feed-state-error = ⚠️ { $error } (next try { $next })
feed-state-unpolled = not polled yet
feed-state-done = done
feed-state-ok = ok, last poll: { $report }; next poll { $next }
feed-state-troubled = ⚠️ last poll: { $report }; next poll { $next }
feed-state-failing = ; { $count } failed item(s), next retry { $next }
feed-state-given-up = ; { $count } item(s) given up

## /ratings: the words on the chart and in its table

chart-title-season = { $show } — Season { $season } · { $scope }
chart-title-heatmap = { $show } · community ratings, { $scope }
chart-title-heatmap-critic = { $show } · community ratings and the critic's, { $scope }
chart-title-capped = { $title } (first { $seasons } seasons, { $episodes } episodes)
chart-episode = Episode
chart-episode-no-votes = Episode · no votes yet
chart-episode-votes-in-bar = Episode · number in the bar = votes
chart-average = Average rating (1–5)
chart-no-votes = no votes
chart-critic = critic
table-score = Score
table-votes = Votes
table-no-episodes = No episodes yet.
table-more = … and { $count } more
table-season = Season { $season }
table-critic = Critic: { $scores }
table-more-seasons = … and { $count } more seasons
