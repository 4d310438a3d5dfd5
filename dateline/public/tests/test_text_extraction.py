"""What text extractors (trafilatura; aggregators, archives and read-later apps use such tools)
take from a story's page: its paragraphs, and its quotes with who said them."""

import trafilatura

from dateline.test import article_make

PARAGRAPHS = (
    "Deputies met in the capital on Thursday to discuss the new school building programme.",
    "The programme covers every district and is to be paid for from the regional budgets.",
    "The vote on the programme is expected at the next session of the chamber in December.",
)


def test_text_extractors_keep_a_quote_its_speaker_and_the_story_paragraphs(client, english):
    _, _, rubrics = english
    article = article_make(
        rubrics["politics"],
        headline="Deputies discuss the school building programme",
        paragraphs=PARAGRAPHS,
        quote="We will build new schools in every district.\nAnd we will do it this year.",
    )
    response = client.get(article.url)
    assert response.status_code == 200

    extracted = trafilatura.extract(response.content.decode())

    assert "We will build new schools in every district." in extracted
    assert "And we will do it this year." in extracted
    assert "The minister" in extracted  # the quote's attribution
    for paragraph in PARAGRAPHS:
        assert paragraph in extracted
    # In the story's order: the quote follows the paragraph it was placed after.
    assert (
        extracted.index(PARAGRAPHS[0])
        < extracted.index("We will build")
        < extracted.index(PARAGRAPHS[1])
    )
