"""What the search tests read off a page."""

from lxml import html


def page_of(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, params, response.status_code)
    return html.fromstring(response.content)


def found(client, query: str, language: str = "en", **params) -> list[str]:
    """Headlines of the first page of results for `query`, in order."""
    tree = page_of(client, f"/{language}/search/", {"q": query, **params})
    return [a.text_content() for a in tree.cssselect(".results h2 a")]


def notices(tree) -> list[str]:
    return [p.text_content() for p in tree.cssselect("p.notice, .error")]
