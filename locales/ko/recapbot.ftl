# recapbot의 한국어 메시지. 빠진 메시지는 영어로 표시됩니다.

## /recap

cmd-recap-name = 요약
cmd-recap-description = 회차 요약(스포일러 주의!)과 리뷰, 평점을 보여줍니다.
cmd-recap-opt-show-name = 작품
cmd-recap-opt-show-description = 작품 (입력하면 검색됩니다)
cmd-recap-opt-season-name = 시즌
cmd-recap-opt-season-description = 시즌 (기본값: 최신 시즌, 회차를 지정하면 시즌 1)
cmd-recap-opt-episode-name = 회차
cmd-recap-opt-episode-description = 회차 (기본값: 최신 회차)
cmd-recap-opt-private-name = 비공개
cmd-recap-opt-private-description = 나에게만 보이는 답변

## /ratings and /top

cmd-ratings-name = 평점
cmd-ratings-description = 커뮤니티 평점 차트: 한 시즌, 또는 모든 시즌을 히트맵으로 보여줍니다.
cmd-ratings-opt-show-name = 작품
cmd-ratings-opt-show-description = 작품 (입력하면 검색됩니다)
cmd-ratings-opt-season-name = 시즌
cmd-ratings-opt-season-description = 시즌 (기본값: 모든 시즌을 히트맵으로)
cmd-ratings-opt-scope-name = 범위
cmd-ratings-opt-scope-description = 누구의 투표인지 (기본값: 이 서버)
cmd-ratings-opt-compare-name = 비교
cmd-ratings-opt-compare-description = 커뮤니티 평점 옆에 평론가 평점 표시 (히트맵)
cmd-top-name = 인기
cmd-top-description = 평점이 가장 높은 10개 회차.
cmd-top-opt-show-name = 작품
cmd-top-opt-show-description = 이 작품만
cmd-top-opt-scope-name = 범위
cmd-top-opt-scope-description = 누구의 투표인지 (기본값: 이 서버)
choice-this-server = 이 서버
choice-all-servers = 모든 서버
choice-critic = 평론가

## /alerts

cmd-alerts-name = 알림
cmd-alerts-description = 이 서버 채널의 새 요약 알림.
cmd-alerts-subscribe-name = 구독
cmd-alerts-subscribe-description = 채널에 새 요약을 게시합니다.
cmd-alerts-subscribe-opt-channel-name = 채널
cmd-alerts-subscribe-opt-channel-description = 알림을 보낼 채널
cmd-alerts-subscribe-opt-show-name = 작품
cmd-alerts-subscribe-opt-show-description = 이 작품만 (기본값: 모든 작품)
cmd-alerts-subscribe-opt-role-name = 역할
cmd-alerts-subscribe-opt-role-description = 알림마다 멘션할 역할
cmd-alerts-subscribe-opt-spoilers-name = 스포일러
cmd-alerts-subscribe-opt-spoilers-description = 요약을 스포일러로 가리기 (기본값: 예)
cmd-alerts-subscribe-opt-thread-name = 스레드
cmd-alerts-subscribe-opt-thread-description = 알림마다 토론 스레드 열기 (기본값: 아니요)
cmd-alerts-unsubscribe-name = 구독해제
cmd-alerts-unsubscribe-description = 채널에 새 요약 게시를 중단합니다.
cmd-alerts-unsubscribe-opt-channel-name = 채널
cmd-alerts-unsubscribe-opt-channel-description = 채널
cmd-alerts-unsubscribe-opt-show-name = 작품
cmd-alerts-unsubscribe-opt-show-description = 작품 (기본값: 모든 작품 구독)
cmd-alerts-list-name = 목록
cmd-alerts-list-description = 이 서버 채널들이 구독 중인 알림.

## /feeds

cmd-feeds-name = 피드
cmd-feeds-description = 이 서버가 팔로우하는 요약 사이트.
cmd-feeds-add-name = 추가
cmd-feeds-add-description = 요약 사이트의 RSS, Atom, JSON 피드를 팔로우합니다.
cmd-feeds-add-opt-url-name = 주소
cmd-feeds-add-opt-url-description = 피드 주소 (https://…)
cmd-feeds-add-opt-show-name = 작품
cmd-feeds-add-opt-show-description = 제목에 작품명이 없을 때, 다루는 작품
cmd-feeds-list-name = 목록
cmd-feeds-list-description = 이 서버가 팔로우하는 피드와 상태.
cmd-feeds-remove-name = 삭제
cmd-feeds-remove-description = 피드 팔로우를 중단합니다.
cmd-feeds-remove-opt-feed-name = 피드
cmd-feeds-remove-opt-feed-description = 피드 번호(/feeds list 참고) 또는 주소

## /publish and /settings

cmd-publish-name = 게시
cmd-publish-description = 주소로 요약 글을 게시합니다: 저장한 뒤 구독 채널에 알립니다.
cmd-publish-opt-url-name = 주소
cmd-publish-opt-url-description = 글 주소 (https://…)
cmd-settings-name = 설정
cmd-settings-description = 이 서버의 recapbot 설정.
cmd-settings-opt-spoilers-name = 스포일러
cmd-settings-opt-spoilers-description = 요약 본문을 스포일러로 가리기 (기본값: 예)

## /watching

cmd-watching-name = 시청중
cmd-watching-description = 작품을 어디까지 봤는지: 이후 회차의 요약은 보여주기 전에 물어봅니다.
cmd-watching-set-name = 기록
cmd-watching-set-description = 마지막으로 본 회차를 기록합니다.
cmd-watching-set-opt-show-name = 작품
cmd-watching-set-opt-show-description = 작품 (입력하면 검색됩니다)
cmd-watching-set-opt-episode-name = 회차
cmd-watching-set-opt-episode-description = 마지막으로 본 회차
cmd-watching-set-opt-season-name = 시즌
cmd-watching-set-opt-season-description = 해당 시즌 (기본값: 1)
cmd-watching-list-name = 목록
cmd-watching-list-description = 시청 진도를 기록한 작품들.
cmd-watching-clear-name = 초기화
cmd-watching-clear-description = 작품(또는 모든 작품)의 시청 진도를 지웁니다.
cmd-watching-clear-opt-show-name = 작품
cmd-watching-clear-opt-show-description = 이 작품만 (기본값: 모든 작품)

## What a member can get wrong

show-unknown-none = “{ $query }”(이)라는 작품의 요약은 아직 없습니다.
show-unknown-one = “{ $query }”(이)라는 작품이 없습니다. **{ $suggestion }**을(를) 찾으셨나요?
show-unknown-several = “{ $query }”(이)라는 작품이 없습니다. 혹시 { $suggestions } 중 하나인가요?
episode-none-yet = **{ $show }**의 요약은 아직 없습니다.
episode-unknown = **{ $show }** { $asked }의 요약이 없습니다. 요약이 있는 회차: { $existing }.
asked-season-episode = 시즌 { $season } { $episode }회
asked-season = 시즌 { $season }
asked-episode = { $episode }회
asked-any = 어느 회차
episode-ambiguous = **{ $show }**에는 시즌 { $seasons }에 { $episode }회가 있습니다. `season:`으로 시즌을 골라 주세요.
season-unknown = **{ $show }**에는 시즌 { $season }이(가) 없습니다. 시즌: { $seasons }.
permission-missing = **{ $permission }** 권한이 있는 멤버만 /{ $command }을(를) 사용할 수 있습니다.
permission-the-required = 필요한
feed-cannot-follow = { $url }을(를) 팔로우할 수 없습니다: { $reason }.
url-cannot-read = { $url }을(를) 읽을 수 없습니다: { $reason }.
url-not-a-recap = { $url }은(는) 읽을 수 있는 요약 글이 아닙니다: { $reason }.
refused-season-review = 시즌 리뷰
refused-list = 기사 목록
refused-news = 요약이 아닌 뉴스
refused-film = 영화 리뷰
refused-interview = 인터뷰
refused-preview = 예고 기사
refused-fan-fiction = 팬픽션
recap-gone = 이 요약은 더 이상 볼 수 없습니다.
counts-from-one = 시즌과 회차는 1부터 셉니다.
error-internal = 죄송합니다. /{ $command } 실행 중 저희 쪽에서 오류가 났습니다. 오류는 기록되었으니 잠시 후 다시 시도해 주세요.
error-options = /{ $command }의 옵션을 읽지 못했습니다: { $error }.
error-options-outdated = /{ $command }의 옵션을 읽지 못했습니다({ $description }). Discord가 아직 이전 버전의 명령어를 보여주는 것일 수 있습니다. 1분 뒤에 다시 시도해 주세요.

## Recaps and alerts

alert-new = 새 요약: **{ $show }** { $number }
alert-read = 요약 읽기
gate-show-anyway = 그래도 보기
gate-question = **{ $show }**을(를) { $on }까지 보셨습니다. 그래도 { $asked }을(를) 볼까요? 아직 안 본 내용이 스포일러될 수 있습니다.

## /ratings and /top answers

ratings-season = **{ $show } — 시즌 { $season }** · 커뮤니티 평점, { $scope }
ratings-heatmap = **{ $show }** · 시즌 { $seasons }개, 커뮤니티 평점, { $scope }
ratings-heatmap-critic = **{ $show }** · 시즌 { $seasons }개, 커뮤니티 평점과 평론가 평점, { $scope }
top-title = **인기 회차** · { $scope }, 최소 { $votes }표
top-title-show = **{ $show } 인기 회차** · { $scope }, 최소 { $votes }표
top-none = 아직 충분한 표를 받은 회차가 없습니다. 요약에 1️⃣–5️⃣로 반응해 평점을 매겨 주세요.

## /alerts answers

alerts-every-show = 모든 작품
alerts-subscribed = { $what }의 새 요약이 { $channel }에 게시됩니다{ $details }.
alerts-detail-posts = , 각각 별도 게시물로
alerts-detail-mention = , { $role } 멘션 포함
alerts-detail-threads = , 각각 토론 스레드와 함께
alerts-unsubscribed = { $channel }에 더 이상 { $what }의 알림이 오지 않습니다.
alerts-not-subscribed = { $channel }에는 { $what }의 알림이 없었습니다. `/alerts list`로 현재 알림을 볼 수 있습니다.
alerts-none = 아직 알림이 없습니다. `/alerts subscribe`로 채널에 새 요약을 게시할 수 있습니다.
alerts-list-title = **새 요약 알림**
alerts-list-mentions = { $role } 멘션
alerts-list-spoilers-hidden = 스포일러 가림
alerts-list-spoilers-shown = 스포일러 표시
alerts-list-threads = 스레드
alerts-list-stopped = ⚠️ 중단됨: { $reason }. 문제를 해결한 뒤 다시 구독하면 재개됩니다.
alerts-stopped = ⚠️ { $channel }의 새 요약 알림이 중단되었습니다: { $reason }. 문제를 해결한 뒤 `/alerts subscribe`를 다시 실행하세요.
alerts-stopped-show = ⚠️ { $channel }의 **{ $show }** 새 요약 알림이 중단되었습니다: { $reason }. 문제를 해결한 뒤 `/alerts subscribe`를 다시 실행하세요.
settings-spoilers-hidden = 이 서버의 요약은 스포일러로 가려집니다.
settings-spoilers-shown = 이 서버의 요약은 스포일러 없이 표시됩니다.

## /feeds and /publish answers

feeds-following = { $url }을(를) 팔로우합니다. 이미 있는 요약은 알리지 않고, 새 요약부터 알립니다.
feeds-removed = 이제 { $feed }을(를) 팔로우하지 않습니다.
feeds-not-followed = 이 서버는 { $feed } 피드를 팔로우하지 않습니다. `/feeds list`로 팔로우 중인 피드를 볼 수 있습니다.
feeds-none = 이 서버가 팔로우하는 피드가 없습니다. `/feeds add`로 추가하세요.
feeds-list-title = **피드**
publish-inserted = **{ $show }** { $number }을(를) 게시했습니다. 구독 채널에 알림이 갑니다.
publish-updated = 저장된 **{ $show }** { $number } 요약을 업데이트했습니다(새 알림 없음).
publish-unchanged = **{ $show }** { $number }은(는) 이미 게시되어 있으며 바뀐 내용이 없습니다.

## /watching answers

watching-noted = 기록했습니다: **{ $show }** { $number }까지 보셨습니다. 이후 회차의 요약은 보여주기 전에 물어봅니다.
watching-none = 아직 시청 진도를 기록한 작품이 없습니다. `/watching set`을 사용하세요.
watching-cleared-none = **{ $show }**에 기록된 시청 진도가 없었습니다.
watching-cleared-show = **{ $show }**의 시청 진도를 지웠습니다.
watching-cleared-all = 작품 { $count }개의 시청 진도를 지웠습니다.

## The recap message's frame: field names, score lines, footers

recap-review = 리뷰
recap-review-cont = 리뷰 (계속)
recap-critic-rating = 평론가 평점
recap-community = 커뮤니티
recap-source = 출처
recap-source-unknown = 알 수 없음
recap-empty = *요약 본문이 없습니다.*
recap-no-votes = 아직 투표가 없습니다 — 1️⃣–5️⃣로 평가해 주세요
recap-rate = 1️⃣–5️⃣로 이 회차를 평가해 주세요
recap-page = { $page }/{ $pages }쪽
recap-published = { $year }년 { $month }월 { $day }일 게시
score-this-server = 이 서버: { $score }
score-all-servers = 모든 서버: { $score }
score-votes = { $votes }표

## /feeds list: a feed's health

feed-state-error = ⚠️ { $error } (다음 시도 { $next })
feed-state-unpolled = 아직 확인하지 않음
feed-state-done = 완료
feed-state-ok = 정상, 마지막 확인: { $report }; 다음 확인 { $next }
feed-state-troubled = ⚠️ 마지막 확인: { $report }; 다음 확인 { $next }
feed-state-failing = ; 실패한 항목 { $count }개, 다음 재시도 { $next }
feed-state-given-up = ; 포기한 항목 { $count }개

## /ratings: the words on the chart and in its table

chart-title-season = { $show } — 시즌 { $season } · { $scope }
chart-title-heatmap = { $show } · 커뮤니티 평점, { $scope }
chart-title-heatmap-critic = { $show } · 커뮤니티 평점과 평론가 평점, { $scope }
chart-title-capped = { $title } (처음 시즌 { $seasons }개, { $episodes }회까지)
chart-episode = 회차
chart-episode-no-votes = 회차 · 아직 투표 없음
chart-episode-votes-in-bar = 회차 · 막대 안의 숫자 = 표 수
chart-average = 평균 평점 (1–5)
chart-no-votes = 투표 없음
chart-critic = 평론가
table-score = 점수
table-votes = 표
table-no-episodes = 아직 회차가 없습니다.
table-more = … 외 { $count }개
table-season = 시즌 { $season }
table-critic = 평론가: { $scores }
table-more-seasons = … 외 시즌 { $count }개
