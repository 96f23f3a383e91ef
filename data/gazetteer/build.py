#!/usr/bin/env python3
"""Build shows.tsv (title<TAB>source-ids, comma-separated) from TV-series datasets held in mirrored
public GitHub repositories (bare git dirs under <mirror>/<owner>+<name>/repo).

Files are read with `git show <commit>:<path>`; commits are pinned so the output
is reproducible.  Titles are copied verbatim from the datasets; the only changes
are: whitespace trimmed, HTML entities decoded.  Dropped: rows the dataset marks
as non-series (movies/specials/OVAs...), empty titles, titles > 80 chars, purely
numeric titles, and exact duplicates (first source in the order below wins).

Usage: python3 build.py [--mirror /work/.mirror] [--out shows.tsv] [--stats]
"""
import argparse, csv, html, io, json, os, re, subprocess, sys

csv.field_size_limit(10**9)

def git_show(mirror, repo, commit, path):
    d = os.path.join(mirror, repo.replace('/', '+'), 'repo')
    out = subprocess.run(['git', '-C', d, 'show', f'{commit}:{path}'],
                         capture_output=True, check=True).stdout
    return out.decode('utf-8', errors='replace').lstrip('\ufeff')

def rows(text, delim=','):
    return list(csv.DictReader(io.StringIO(text), delimiter=delim))

# ---- filters ---------------------------------------------------------------
def eq(col, *vals):
    return lambda r: (r.get(col) or '').strip() in vals

ALL = lambda r: True

# Each source: id, repo, commit, path, title columns (in order), row filter.
# For anime sources the first column is the main (romaji) title, the second the
# English title; both are emitted when they differ.
SOURCES = [
    # --- US/UK/international TV -------------------------------------------
    dict(id='netflix', repo='108ABHINAV/netflix_sql_project',
         commit='e7dc3969a1ecdfdbd6412d29e0071922b3eb0582', path='netflix_titles.csv',
         cols=['title'], keep=eq('type', 'TV Show')),
    dict(id='amazon', repo='annawagman1/Hulu-Disney-Amazon',
         commit='e715d3c6ef5190f06597e8e72cdd430813c47582', path='amazon_prime_titles.csv',
         cols=['title'], keep=eq('type', 'TV Show')),
    dict(id='hulu', repo='BhavyaMammai/Datasets',
         commit='8f3d19cfbabcda0e3bf956159dc34ef610b3f2a2', path='hulu_titles.csv',
         cols=['title'], keep=eq('type', 'TV Show')),
    dict(id='disney', repo='annawagman1/Hulu-Disney-Amazon',
         commit='e715d3c6ef5190f06597e8e72cdd430813c47582', path='disney_plus_titles.csv',
         cols=['title'], keep=eq('type', 'TV Show')),
    # victorsoeiro-style JustWatch-derived catalogues (type SHOW/MOVIE), 2022-23
    dict(id='jw_netflix', repo='adishsp7/Streaming-Services-Title-Analysis',
         commit='21e17a2bf0718c129760d571d57dd3ebc8e96d19', path='netflix_titles.csv',
         cols=['title'], keep=eq('type', 'SHOW')),
    dict(id='jw_hbo', repo='adishsp7/Streaming-Services-Title-Analysis',
         commit='21e17a2bf0718c129760d571d57dd3ebc8e96d19', path='hbo_titles.csv',
         cols=['title'], keep=eq('type', 'SHOW')),
    dict(id='jw_paramount', repo='adishsp7/Streaming-Services-Title-Analysis',
         commit='21e17a2bf0718c129760d571d57dd3ebc8e96d19', path='paramount_titles.csv',
         cols=['title'], keep=eq('type', 'SHOW')),
    dict(id='jw_disney', repo='adishsp7/Streaming-Services-Title-Analysis',
         commit='21e17a2bf0718c129760d571d57dd3ebc8e96d19', path='disney_titles.csv',
         cols=['title'], keep=eq('type', 'SHOW')),
    dict(id='jw_apple', repo='adishsp7/Streaming-Services-Title-Analysis',
         commit='21e17a2bf0718c129760d571d57dd3ebc8e96d19', path='apple_titles.csv',
         cols=['title'], keep=eq('type', 'SHOW')),
    dict(id='jw_crunchyroll', repo='MinorPereira/CrunchyRoll-',
         commit='8c22a5128a76549069548a9424668b9122182439', path='titles.csv',
         cols=['title'], keep=eq('type', 'SHOW')),
    dict(id='streaming_tv', repo='Alain-Duplan/TV-Show-Platformes-and-Ratings',
         commit='abeff0bd33e195bfc32da60b585b0c62756b59c4', path='tv_shows.csv',
         cols=['Title'], keep=ALL),            # dataset contains TV shows only
    dict(id='tvmaze_ranked', repo='SebastianIUI/Assignment-9',
         commit='4544106538136367f88b361e917a6b8aa3c1136f', path='TV_show_data.csv',
         cols=['Name'], keep=ALL),             # TVmaze shows; all rows are series
    # --- Korean / Chinese / Japanese / Thai ... dramas ---------------------
    dict(id='mydramalist', repo='jikellie/MyDramaList-Ratings-Regression',
         commit='6579921e754342b36974b3a7ced72ca16c4e1130', path='mydramalist.csv',
         cols=['Name'], keep=eq('category', 'Drama')),
    dict(id='cdrama_mdl', repo='kary5678/cdramas',
         commit='3e2e5ca32a9cbc29a689cd9831804da702a06449', path='data/cdramas.csv',
         cols=['title_en'], keep=ALL),         # MyDramaList Chinese dramas 2012-2022
    dict(id='kdrama_mdl_top', repo='jwokime/kdrama-global-reach',
         commit='8c980ea98786181f681de93e459433032a30488a', path='kdrama.csv',
         cols=['Name'], keep=ALL),             # MyDramaList top K-dramas
    dict(id='kdrama_list', repo='TushtiSavarn/kdrama_recommendation',
         commit='8fb6d66bddf94788c001d4dbabbef4d2a4d365ed', path='kdrama_list.csv',
         cols=['Name'], keep=ALL),
    dict(id='kdrama_top', repo='HugoForslund/Kdramas_Analysis',
         commit='de4015eac02bc38f72771b1d711bf82840416a96', path='kdrama.csv',
         cols=['Drama Name'], keep=ALL),
    # --- anime ----------------------------------------------------------------
    dict(id='mal_2023', repo='dvong1/AnimeRec-Chatbot',
         commit='7db72ec3dc8794012113574dc74f65ab0586d8d6', path='anime-dataset-2023.csv',
         cols=['Name', 'English name'], keep=eq('Type', 'TV', 'ONA'),
         skip_values={'UNKNOWN'}),
    dict(id='mal_api_2024', repo='fjenft/projet-classification-mal',
         commit='5558646cbf1ece399eb76b4dc50bc88d36b885ae', path='anime_data.csv',
         cols=['title'], keep=eq('media_type', 'tv', 'ona')),
    dict(id='jikan_summer2024', repo='shafads/JikanAnimeFetcher',
         commit='3c27c66e46bfc43e8baec888efe37866acc7f9eb', path='anime_data.csv',
         cols=['title', 'title_english'], keep=eq('type', 'TV', 'ONA')),
    dict(id='anilist_2025_26', repo='LeoRigasaki/Anime-dataset',
         commit='21406f890a925cade2aa0e426ee04659a14793ff', path='data/raw/anilist_seasonal_20260822.csv',
         cols=['title', 'english_title'], keep=eq('type', 'TV', 'TV_SHORT', 'ONA')),
    dict(id='anilist_airing', repo='LeoRigasaki/Anime-dataset',
         commit='21406f890a925cade2aa0e426ee04659a14793ff', path='data/raw/airing_anime.csv',
         cols=['title', 'english_title'], keep=eq('type', 'TV', 'TV_SHORT', 'ONA')),
    dict(id='mal_2016', repo='vermaayush680/Anime',
         commit='a4efdd8b071fbb57a6990e3150b814083470b2d0', path='anime.csv',
         cols=['name'], keep=eq('type', 'TV', 'ONA')),
    # AniList dump without a format column: a row is kept only when its romaji
    # title is listed as a TV/ONA series by mal_api_2024 or mal_2016 above.
    dict(id='anilist_2021', repo='seyelence/anilist_data',
         commit='79ed0b3f430c03227bfdc43657e463523b48eded', path='anime_data.csv',
         cols=['Romaji Title', 'English Title'], keep='romaji_in_series_sets'),
    # --- 2019-2025 coverage -------------
    # Netflix's own weekly global Top 10 (all weeks since 2021-06-28), git-scraped
    # from top10.netflix.com by dbready/netflix_top10.  TV categories only.
    dict(id='netflix_top10', repo='dbready/netflix_top10',
         commit='620dc5127a62ff2b1ec1026071912a15f27f8554', path='all-weeks-global.tsv',
         cols=['show_title'], keep=eq('category', 'TV (English)', 'TV (Non-English)'),
         delim='\t'),
    # Metacritic TV shows 1969-2025 (Kaggle mohamedasak/metacritic-tv-shows-dataset),
    # raw copy.  Rows without a season count (TV films, one-off specials) dropped;
    # " (YYYY)" / " (UK)" / " (US)" / " [UK]" disambiguators stripped.
    dict(id='metacritic_tv', repo='timmy1996/tv_shows',
         commit='d2358b593eb8ee9b995d73679d84e4365dd4595d', path='data/metacritic_tv_shows.csv',
         cols=['title'], keep=lambda r: (r.get('seasonCount') or '').strip() != '',
         strip_year_suffix=True),   # rows without seasonCount are TV films/specials
    # MyDramaList top-100 K-dramas as of Aug 2023.
    dict(id='kdrama_mdl_top100_2023', repo='NarongkiatPW/DADS',
         commit='b07351ed187c19ed57ffa6ffc760046f44c87bc9', path='top100_kdrama_aug_2023.csv',
         cols=['Name'], keep=ALL),
    # Jikan (MyAnimeList) seasonal TV anime 2006-2026 with English titles.
    dict(id='mal_jikan_tv_2006_2026', repo='Ate329/anime-stats-tracker',
         commit='8fe3d0cb1f7f83786fa74808f204d5b602607884', path='data/csv/all_anime.csv',
         cols=['title', 'title_english'], keep=eq('type', 'TV')),
]

NUMERIC = re.compile(r'^[\d\s.,:/-]+$')

# Metacritic disambiguates same-named shows with a trailing " (YYYY)", " (UK)",
# " (US)" or " [UK]"; that
# suffix is not part of the title and is removed for sources that set
# strip_year_suffix=True.
YEAR_SUFFIX = re.compile(r'\s+(?:\((?:(?:19|20)\d\d|UK|US)\)|\[UK\])$')

def clean(t):
    if t is None:
        return ''
    t = html.unescape(t)
    t = ' '.join(t.split()) if ('\n' in t or '\r' in t or '\t' in t) else t.strip()
    return t

def valid(t):
    return bool(t) and len(t) <= 80 and not NUMERIC.match(t)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'shows.tsv'))
    ap.add_argument('--stats', default=None, help='write per-source counts as JSON here')
    a = ap.parse_args()

    seen = {}
    out = []
    stats = {}
    series_romaji = set()   # romaji titles of TV/ONA rows from MAL sources
    for s in SOURCES:
        data = rows(git_show(a.mirror, s['repo'], s['commit'], s['path']), s.get('delim', ','))
        keep = s['keep']
        if keep == 'romaji_in_series_sets':
            keep = lambda r: clean(r.get('Romaji Title')) in series_romaji
        kept_rows = added = 0
        for r in data:
            if not keep(r):
                continue
            kept_rows += 1
            for c in s['cols']:
                t = clean(r.get(c))
                if s.get('strip_year_suffix'):
                    t = YEAR_SUFFIX.sub('', t)
                if t in s.get('skip_values', ()):
                    continue
                if not valid(t):
                    continue
                if s['id'] in ('mal_api_2024', 'mal_2016'):
                    series_romaji.add(t)
                if t in seen:
                    # Every source that lists a name is kept: whether it is an anime's says
                    # how a bare number after it reads.
                    ids = out[seen[t]][1]
                    if s['id'] not in ids:
                        ids.append(s['id'])
                    continue
                seen[t] = len(out)
                out.append((t, [s['id']]))
                added += 1
        stats[s['id']] = dict(rows_in_file=len(data), rows_kept=kept_rows, titles_added=added)
        print(f"{s['id']:22s} rows={len(data):6d} kept={kept_rows:6d} added={added:6d}", file=sys.stderr)

    with open(a.out, 'w', encoding='utf-8', newline='\n') as f:
        for t, ids in out:
            f.write(f'{t}\t{",".join(ids)}\n')
    print(f'total {len(out)} -> {a.out}', file=sys.stderr)
    if a.stats:
        with open(a.stats, 'w') as f:
            json.dump(stats, f, indent=1)

if __name__ == '__main__':
    main()
