"""Unknown things get a 404 page in the edition's language; bad parameters a 400."""

from lxml import html


def test_unknown_page_in_russian_edition_answers_in_russian(client, russian):
    response = client.get("/ru/no-such-rubric/")
    assert response.status_code == 404
    tree = html.fromstring(response.content)
    assert tree.get("lang") == "ru"
    assert tree.cssselect("h1")[0].text_content() == "Страница не найдена"
    assert tree.cssselect("a.brand")[0].get("href") == "/ru/"


def test_unknown_article_id_in_a_rubric_is_404_with_the_edition_header(client, english):
    response = client.get("/en/politics/some-story-424242/")
    assert response.status_code == 404
    tree = html.fromstring(response.content)
    assert tree.cssselect("h1")[0].text_content() == "Page not found"
    assert [a.text_content() for a in tree.cssselect("nav.rubrics a")][:2] == [
        "All news",
        "Politics",
    ]


def test_unknown_person_is_404(client, english):
    assert client.get("/en/people/nobody-at-all/").status_code == 404


def test_unknown_edition_is_404(client, english):
    # /xx/ is no edition: the locale middleware sends it to the default edition, where it
    # names no page.
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404


def test_edition_without_content_yet_is_404_not_500(client, english):
    # Belarusian is a configured language, but this site has no Belarusian edition yet.
    response = client.get("/be/")
    assert response.status_code == 404


def test_a_refused_host_header_gets_the_plain_400_page_without_the_exception_text(client, english):
    response = client.get("/en/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    tree = html.fromstring(response.content)
    assert tree.cssselect("h1")[0].text_content() == "Bad request"
    text = tree.text_content()
    assert "attacker.example" not in text
    assert "ALLOWED_HOSTS" not in text
    assert not tree.cssselect(".reason")


def test_too_many_query_parameters_get_the_plain_400_page_without_django_s_message(client, english):
    query = "&".join(f"p{i}=1" for i in range(1500))
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 400
    text = html.fromstring(response.content).text_content()
    assert "Bad request" in text
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" not in text
    assert "parameters exceeded" not in text


def test_a_malformed_cursor_still_says_what_is_wrong(client, english):
    response = client.get("/en/news/?before=1764158400000000-1&after=1764158400000000-2")
    assert response.status_code == 400
    reason = html.fromstring(response.content).cssselect(".reason")[0].text_content()
    assert reason == "Give either ?before= or ?after=, not both."
