"""Reader feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of each edition and of each rubric.

Readers follow an edition at /<lang>/rss.xml, /<lang>/atom.xml, /<lang>/feed.json and a rubric
at /<lang>/<rubric>/rss.xml (and atom.xml, feed.json). They carry what readers may see
(`selectors.published_articles`), full text and lead picture, and answer conditional requests.

- `scope.py`: which articles a feed lists, and the validators (ETag, Last-Modified) of that list
- `entries.py`: what a feed says about one article
- `generators.py`: the three formats, as Django feed generators
- `syndication.py`: Django syndication `Feed` classes and the table of formats
- `views.py`, `urls.py`: conditional GET and caching; routes
- `links.py`: the <link rel="alternate"> a page uses to advertise its feeds
"""
