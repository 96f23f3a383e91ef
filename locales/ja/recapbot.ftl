# recapbot の日本語メッセージ。足りないメッセージは英語で表示されます。

## /recap

cmd-recap-name = あらすじ
cmd-recap-description = エピソードのあらすじ(ネタバレ注意!)、レビュー、評価を表示します。
cmd-recap-opt-show-name = 作品
cmd-recap-opt-show-description = 作品(入力すると検索できます)
cmd-recap-opt-season-name = シーズン
cmd-recap-opt-season-description = シーズン(既定: 最新、話数を指定した場合はシーズン1)
cmd-recap-opt-episode-name = 話数
cmd-recap-opt-episode-description = 話数(既定: 最新話)
cmd-recap-opt-private-name = 非公開
cmd-recap-opt-private-description = 自分だけに表示する

## /ratings and /top

cmd-ratings-name = 評価
cmd-ratings-description = コミュニティの評価をグラフ化: 1シーズン、または全シーズンをヒートマップで。
cmd-ratings-opt-show-name = 作品
cmd-ratings-opt-show-description = 作品(入力すると検索できます)
cmd-ratings-opt-season-name = シーズン
cmd-ratings-opt-season-description = シーズン(既定: 全シーズンをヒートマップで)
cmd-ratings-opt-scope-name = 範囲
cmd-ratings-opt-scope-description = 誰の投票か(既定: このサーバー)
cmd-ratings-opt-compare-name = 比較
cmd-ratings-opt-compare-description = コミュニティの評価の横に批評家の評価を並べる(ヒートマップ)
cmd-top-name = ランキング
cmd-top-description = 評価の高いエピソード トップ10。
cmd-top-opt-show-name = 作品
cmd-top-opt-show-description = この作品のみ
cmd-top-opt-scope-name = 範囲
cmd-top-opt-scope-description = 誰の投票か(既定: このサーバー)
choice-this-server = このサーバー
choice-all-servers = すべてのサーバー
choice-critic = 批評家

## /alerts

cmd-alerts-name = 通知
cmd-alerts-description = このサーバーのチャンネルへの新着あらすじ通知。
cmd-alerts-subscribe-name = 登録
cmd-alerts-subscribe-description = チャンネルに新着あらすじを投稿します。
cmd-alerts-subscribe-opt-channel-name = チャンネル
cmd-alerts-subscribe-opt-channel-description = 通知を送るチャンネル
cmd-alerts-subscribe-opt-show-name = 作品
cmd-alerts-subscribe-opt-show-description = この作品のみ(既定: すべての作品)
cmd-alerts-subscribe-opt-role-name = ロール
cmd-alerts-subscribe-opt-role-description = 通知ごとにメンションするロール
cmd-alerts-subscribe-opt-spoilers-name = ネタバレ
cmd-alerts-subscribe-opt-spoilers-description = 概要をネタバレ表示で隠す(既定: はい)
cmd-alerts-subscribe-opt-thread-name = スレッド
cmd-alerts-subscribe-opt-thread-description = 通知ごとに話し合い用スレッドを作る(既定: いいえ)
cmd-alerts-unsubscribe-name = 登録解除
cmd-alerts-unsubscribe-description = チャンネルへの新着あらすじの投稿をやめます。
cmd-alerts-unsubscribe-opt-channel-name = チャンネル
cmd-alerts-unsubscribe-opt-channel-description = チャンネル
cmd-alerts-unsubscribe-opt-show-name = 作品
cmd-alerts-unsubscribe-opt-show-description = 作品(既定: すべての作品の登録)
cmd-alerts-list-name = 一覧
cmd-alerts-list-description = このサーバーのチャンネルの通知登録。

## /feeds

cmd-feeds-name = フィード
cmd-feeds-description = このサーバーがフォローしているあらすじサイト。
cmd-feeds-add-name = 追加
cmd-feeds-add-description = あらすじサイトのRSS、Atom、JSONフィードをフォローします。
cmd-feeds-add-opt-url-name = url
cmd-feeds-add-opt-url-description = フィードのアドレス(https://…)
cmd-feeds-add-opt-show-name = 作品
cmd-feeds-add-opt-show-description = タイトルに作品名がない場合の対象作品
cmd-feeds-list-name = 一覧
cmd-feeds-list-description = このサーバーがフォローしているフィードとその状態。
cmd-feeds-remove-name = 削除
cmd-feeds-remove-description = フィードのフォローをやめます。
cmd-feeds-remove-opt-feed-name = フィード
cmd-feeds-remove-opt-feed-description = フィードの番号(/feeds list で確認)またはアドレス

## /publish and /settings

cmd-publish-name = 公開
cmd-publish-description = アドレスからあらすじ記事を公開: 保存して、登録チャンネルに通知します。
cmd-publish-opt-url-name = url
cmd-publish-opt-url-description = 記事のアドレス(https://…)
cmd-settings-name = 設定
cmd-settings-description = このサーバーの recapbot の設定。
cmd-settings-opt-spoilers-name = ネタバレ
cmd-settings-opt-spoilers-description = あらすじ本文をネタバレ表示で隠す(既定: はい)

## /watching

cmd-watching-name = 視聴中
cmd-watching-description = 作品をどこまで見たか: それより先の話のあらすじは表示前に確認します。
cmd-watching-set-name = 記録
cmd-watching-set-description = 最後に見た話を記録します。
cmd-watching-set-opt-show-name = 作品
cmd-watching-set-opt-show-description = 作品(入力すると検索できます)
cmd-watching-set-opt-episode-name = 話数
cmd-watching-set-opt-episode-description = 最後に見た話
cmd-watching-set-opt-season-name = シーズン
cmd-watching-set-opt-season-description = そのシーズン(既定: 1)
cmd-watching-list-name = 一覧
cmd-watching-list-description = 視聴状況を記録した作品。
cmd-watching-clear-name = リセット
cmd-watching-clear-description = 作品(またはすべての作品)の視聴状況を消します。
cmd-watching-clear-opt-show-name = 作品
cmd-watching-clear-opt-show-description = この作品のみ(既定: すべての作品)

## What a member can get wrong

show-unknown-none = 「{ $query }」という作品のあらすじはまだありません。
show-unknown-one = 「{ $query }」という作品はありません。**{ $suggestion }** のことですか?
show-unknown-several = 「{ $query }」という作品はありません。{ $suggestions } のいずれかですか?
episode-none-yet = **{ $show }** のあらすじはまだありません。
episode-unknown = **{ $show }** の{ $asked }のあらすじはありません。あらすじがあるのは: { $existing }。
asked-season-episode = シーズン{ $season }第{ $episode }話
asked-season = シーズン{ $season }
asked-episode = 第{ $episode }話
asked-any = どの話
episode-ambiguous = **{ $show }** にはシーズン { $seasons } に第{ $episode }話があります。`season:` でシーズンを選んでください。
season-unknown = **{ $show }** にシーズン{ $season }はありません。シーズン: { $seasons }。
permission-missing = /{ $command } は **{ $permission }** 権限を持つメンバーだけが使えます。
permission-the-required = 必要な
feed-cannot-follow = { $url } をフォローできません: { $reason }。
url-cannot-read = { $url } を読み込めません: { $reason }。
url-not-a-recap = { $url } は読み込めるあらすじ記事ではありません: { $reason }。
refused-season-review = シーズンのレビュー
refused-list = 記事の一覧
refused-news = あらすじではなくニュース
refused-film = 映画のレビュー
refused-interview = インタビュー
refused-preview = 予告記事
refused-fan-fiction = 二次創作小説
recap-gone = このあらすじはもう表示できません。
counts-from-one = シーズンと話数は1から数えます。
error-internal = 申し訳ありません。/{ $command } はこちら側の問題で失敗しました。エラーは記録されました。しばらくしてからもう一度お試しください。
error-options = /{ $command } のオプションを読み取れませんでした: { $error }。
error-options-outdated = /{ $command } のオプションを読み取れませんでした({ $description })。Discord がまだ古いバージョンのコマンドを表示している可能性があります。1分後にもう一度お試しください。

## Recaps and alerts

alert-new = 新着あらすじ: **{ $show }** { $number }
alert-read = あらすじを読む
gate-show-anyway = それでも表示する
gate-question = **{ $show }** は{ $on }まで視聴済みです。それでも{ $asked }を表示しますか? まだ見ていない内容のネタバレになるかもしれません。

## /ratings and /top answers

ratings-season = **{ $show } — シーズン{ $season }** · コミュニティの評価、{ $scope }
ratings-heatmap = **{ $show }** · 全{ $seasons }シーズン、コミュニティの評価、{ $scope }
ratings-heatmap-critic = **{ $show }** · 全{ $seasons }シーズン、コミュニティと批評家の評価、{ $scope }
top-title = **人気エピソード** · { $scope }、{ $votes }票以上
top-title-show = **{ $show } の人気エピソード** · { $scope }、{ $votes }票以上
top-none = 十分な票が集まったエピソードはまだありません。あらすじに 1️⃣–5️⃣ でリアクションして評価しましょう。

## /alerts answers

alerts-every-show = すべての作品
alerts-subscribed = { $what }の新着あらすじを { $channel } に投稿します{ $details }。
alerts-detail-posts = (それぞれ個別の投稿として)
alerts-detail-mention = ({ $role } をメンション)
alerts-detail-threads = (それぞれ話し合い用スレッド付き)
alerts-unsubscribed = { $channel } には今後 { $what }の通知が届きません。
alerts-not-subscribed = { $channel } には { $what }の通知は登録されていません。`/alerts list` で登録内容を確認できます。
alerts-none = 通知はまだありません。`/alerts subscribe` でチャンネルに新着あらすじを投稿できます。
alerts-list-title = **新着あらすじ通知**
alerts-list-mentions = { $role } をメンション
alerts-list-spoilers-hidden = ネタバレ非表示
alerts-list-spoilers-shown = ネタバレ表示
alerts-list-threads = スレッド
alerts-list-stopped = ⚠️ 停止中: { $reason }。問題を解決してから登録し直すと再開します。
alerts-stopped = ⚠️ { $channel } の新着あらすじ通知が停止しました: { $reason }。問題を解決してから `/alerts subscribe` をもう一度実行してください。
alerts-stopped-show = ⚠️ { $channel } の **{ $show }** の新着あらすじ通知が停止しました: { $reason }。問題を解決してから `/alerts subscribe` をもう一度実行してください。
settings-spoilers-hidden = このサーバーのあらすじはネタバレ表示で隠されます。
settings-spoilers-shown = このサーバーのあらすじはネタバレ表示なしで表示されます。

## /feeds and /publish answers

feeds-following = { $url } をフォローしました。すでにあるあらすじは通知せず、新しいものから通知します。
feeds-removed = { $feed } のフォローをやめました。
feeds-not-followed = このサーバーは { $feed } というフィードをフォローしていません。`/feeds list` でフォロー中のフィードを確認できます。
feeds-none = このサーバーがフォローしているフィードはありません。`/feeds add` で追加できます。
feeds-list-title = **フィード**
publish-inserted = **{ $show }** { $number } を公開しました。登録チャンネルに通知が届きます。
publish-updated = 保存済みの **{ $show }** { $number } のあらすじを更新しました(新しい通知はありません)。
publish-unchanged = **{ $show }** { $number } はすでに公開済みで、変更はありません。

## /watching answers

watching-noted = 記録しました: **{ $show }** は{ $number }まで視聴済みです。それより先の話のあらすじは表示前に確認します。
watching-none = 視聴状況を記録した作品はまだありません。`/watching set` を使ってください。
watching-cleared-none = **{ $show }** の視聴状況は記録されていませんでした。
watching-cleared-show = **{ $show }** の視聴状況を消しました。
watching-cleared-all = { $count }作品の視聴状況を消しました。

## The recap message's frame: field names, score lines, footers

recap-review = レビュー
recap-review-cont = レビュー(続き)
recap-critic-rating = 批評家の評価
recap-community = コミュニティ
recap-source = 出典
recap-source-unknown = 不明
recap-empty = *あらすじの本文はありません。*
recap-no-votes = まだ投票はありません — 1️⃣–5️⃣ で評価しましょう
recap-rate = 1️⃣–5️⃣ でこのエピソードを評価しましょう
recap-page = { $page }/{ $pages }ページ
recap-published = { $year }年{ $month }月{ $day }日公開
score-this-server = このサーバー: { $score }
score-all-servers = 全サーバー: { $score }
score-votes = { $votes }票

## /feeds list: a feed's health

feed-state-error = ⚠️ { $error }(次回の試行 { $next })
feed-state-unpolled = まだ確認していません
feed-state-done = 完了
feed-state-ok = 正常、前回の確認: { $report }; 次回の確認 { $next }
feed-state-troubled = ⚠️ 前回の確認: { $report }; 次回の確認 { $next }
feed-state-failing = ; 失敗した項目 { $count }件、次回の再試行 { $next }
feed-state-given-up = ; 断念した項目 { $count }件

## /ratings: the words on the chart and in its table

chart-title-season = { $show } — シーズン{ $season } · { $scope }
chart-title-heatmap = { $show } · コミュニティの評価、{ $scope }
chart-title-heatmap-critic = { $show } · コミュニティと批評家の評価、{ $scope }
chart-title-capped = { $title }(最初の{ $seasons }シーズン、{ $episodes }話まで)
chart-episode = エピソード
chart-episode-no-votes = エピソード · まだ投票なし
chart-episode-votes-in-bar = エピソード · 棒の中の数字 = 票数
chart-average = 平均評価 (1–5)
chart-no-votes = 投票なし
chart-critic = 批評家
table-score = 評価
table-votes = 票数
table-no-episodes = まだエピソードがありません。
table-more = … ほか{ $count }件
table-season = シーズン{ $season }
table-critic = 批評家: { $scores }
table-more-seasons = … ほか{ $count }シーズン
