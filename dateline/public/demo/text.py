"""Composing articles: a language-neutral plan, rendered from each language's templates.

A plan names the kind of article, the people, the place and a seed. Rendering draws every
choice (variants, numbers, list items) from that seed in the same order in every language,
so the English, Russian, Belarusian and Chinese texts of one plan tell the same article.
"""

import html
import random
import re
from dataclasses import dataclass

from . import data
from .kinds import FOREIGN_CAPITALS, KINDS, Kind, people_by_key


@dataclass(frozen=True)
class ArticlePlan:
    kind: str
    person: str
    person2: str | None
    city: str
    country: str
    seed: int


@dataclass(frozen=True)
class ArticleText:
    """One plan in one language, ready to become an Article."""

    headline: str
    lead: str
    body: list[dict]
    dateline_city: str
    caption: str


def plan_make(rng: random.Random) -> ArticlePlan:
    kind_name = rng.choice(list(KINDS))
    kind = KINDS[kind_name]
    person = rng.choice(kind.people)
    city = _city_choose(rng, kind, person)
    # A governor joins only the articles filed from their own region.
    others = [
        key
        for key in kind.people2
        if key != person and people_by_key()[key].get("city") in (None, city)
    ]
    person2 = None
    if others and (kind.paired_list or rng.random() < 0.35):
        person2 = rng.choice(others)
    country = data.places()["cities"][city].get("country") or rng.choice(
        list(data.places()["countries"])
    )
    return ArticlePlan(kind_name, person, person2, city, country, rng.getrandbits(32))


def _city_choose(rng: random.Random, kind: Kind, person: str) -> str:
    if kind.place == "talks":
        return rng.choice(FOREIGN_CAPITALS)
    if kind.place == "geneva":
        return "geneva"
    home = people_by_key()[person].get("city")
    if home:
        return home
    if kind.place == "capital":
        return "minsk"
    cities = {key: city for key, city in data.places()["cities"].items() if city.get("domestic")}
    if kind.place == "regional":
        cities.pop("minsk")
    return rng.choices(list(cities), weights=[c["weight"] for c in cities.values()])[0]


def article_text_render(plan: ArticlePlan, language: str) -> ArticleText:
    rng = random.Random(plan.seed)
    texts = data.stories(language)
    slots = _slots(plan, language, rng)
    genders = _genders(plan)

    def fill(template: str) -> str:
        return _fill(template, slots, genders, language)

    parts = texts["stories"][plan.kind]
    return ArticleText(
        headline=fill(rng.choice(parts["headlines"])),
        lead=fill(rng.choice(parts["leads"])),
        body=_body(plan, texts, rng, fill),
        dateline_city=slots["city"]["nom"],
        caption=fill(rng.choice(texts["generic"]["captions"])),
    )


def _body(plan: ArticlePlan, texts: dict, rng: random.Random, fill) -> list[dict]:
    """StreamField data: two paragraphs, a long quote, a heading, two or more paragraphs."""
    parts, generic = texts["stories"][plan.kind], texts["generic"]
    quote = {
        "text": fill(rng.choice(parts["quotes"])),
        "attribution": fill(generic["attribution"]),
    }
    heading = parts["heading"] if rng.random() < 0.7 else rng.choice(generic["headings"])
    first, second, third, fourth = (fill(p) for p in parts["paragraphs"])
    extra = [fill(rng.choice(generic["also"]))] if _also_needed(plan) else []
    suitable = KINDS[plan.kind].closers
    closers = rng.sample(suitable, k=rng.randint(0, min(2, len(suitable))))
    extra += [fill(generic["closers"][name]) for name in closers]
    return [
        _paragraph(first),
        _paragraph(second),
        {"type": "quote", "value": quote},
        {"type": "heading", "value": fill(heading)},
        _paragraph(third),
        _paragraph(fourth),
        *(_paragraph(text) for text in extra),
    ]


def biography_render(person_key: str, language: str, rng: random.Random) -> str:
    texts = data.stories(language)
    person = people_by_key()[person_key]
    slots = _person_slots(person, language, "") | {"year": rng.randint(2014, 2023)}
    template = rng.choice(texts["generic"]["biographies"])
    return _fill(template, _capitalised(slots), (person["gender"], "m"), language)


def _also_needed(plan: ArticlePlan) -> bool:
    # A paired kind already names the second person in its own paragraphs.
    return bool(plan.person2) and not KINDS[plan.kind].paired_list


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{html.escape(text, quote=False)}</p>"}


def _genders(plan: ArticlePlan) -> tuple[str, str]:
    people = people_by_key()
    second = people[plan.person2]["gender"] if plan.person2 else "m"
    return people[plan.person]["gender"], second


def _slots(plan: ArticlePlan, language: str, rng: random.Random) -> dict:
    texts = data.stories(language)
    style = texts["generic"]
    people = people_by_key()
    person = people[plan.person]
    slots = _numbers(rng, style, person.get("score", "goals"))
    for name, items in sorted(texts["lists"].items()):
        slots[name] = items[rng.randrange(len(items))]
    kind = KINDS[plan.kind]
    if kind.paired_list and plan.person2:
        slots[kind.paired_list] = texts["lists"][kind.paired_list][kind.people2.index(plan.person2)]
    slots |= _person_slots(person, language, "")
    if plan.person2:
        slots |= _person_slots(people[plan.person2], language, "2")
    if "team" in person:
        slots["team"] = person["team"][language]
    places = data.places()
    slots["city"] = places["cities"][plan.city][language]
    slots["country"] = places["countries"][plan.country][language]
    return _capitalised(slots)


def _numbers(rng: random.Random, style: dict, score: str) -> dict:
    """Round numbers on purpose: Russian and Belarusian nouns agree with a count ending in 0."""
    point = style["decimal_separator"]
    n_big = rng.randrange(1000, 10000, 100)
    money = rng.randint(5, 95)
    kt = rng.randrange(150, 960, 10)
    if score == "sets":
        winner, loser = 3, rng.randint(0, 2)
    else:
        winner = rng.randint(27, 36)
        loser = winner - rng.randint(1, 6)
    return {
        "pct": f"{rng.randint(15, 98) / 10:.1f}".replace(".", point),
        "pct2": f"{rng.randint(101, 350) / 10:.1f}".replace(".", point),
        "n": rng.randrange(100, 1000, 10),
        "n_small": rng.randrange(20, 100, 10),
        "n_big": f"{n_big:,}" if style["group_thousands"] else str(n_big),
        "money": money,
        "money_wan": money * 100,
        "kt": kt,
        "kt_wan": kt // 10,
        "km": rng.randrange(20, 160, 5),
        "score": f"{winner}{style['score_separator']}{loser}",
    }


def _person_slots(person: dict, language: str, suffix: str) -> dict:
    role = person["position"][language]
    if data.stories(language)["generic"]["lowercase_roles"]:
        role = role[0].lower() + role[1:]
    name = person["name"][language]
    # Headlines quote by surname: "Novikov: exports keep growing"; Chinese names split at "·".
    surname = re.split(r"[ ·]", name)[-1]
    return {f"person{suffix}": name, f"surname{suffix}": surname, f"role{suffix}": role}


def _capitalised(slots: dict) -> dict:
    """Add {Name} beside {name}: the same value with a capital first letter."""
    extra = {}
    for name, value in slots.items():
        key = name[0].upper() + name[1:]
        if key == name or key in slots:
            continue
        if isinstance(value, str):
            extra[key] = _capital(value)
        elif isinstance(value, dict):
            extra[key] = {form: _capital(text) for form, text in value.items()}
    return slots | extra


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# [masculine|feminine] agrees with the person, [2:masculine|feminine] with the second one.
GENDER_RE = re.compile(r"\[(2:)?([^\[\]|]*)\|([^\[\]|]*)\]")
# Belarusian writes the preposition "у" as "ў" after a vowel ("адкрылася ў Мінску").
BELARUSIAN_U_RE = re.compile(r"(?<=[аеёіоуыэюяАЕЁІОУЫЭЮЯ]) у(?= )")


def _fill(template: str, slots: dict, genders: tuple[str, str], language: str) -> str:
    def agree(match: re.Match) -> str:
        gender = genders[1] if match[1] else genders[0]
        return match[2] if gender == "m" else match[3]

    text = GENDER_RE.sub(agree, template).format_map(slots)
    if language == "be":
        text = BELARUSIAN_U_RE.sub(" ў", text)
    return text
