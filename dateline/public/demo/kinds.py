"""The kinds of article the demo wire files: rubric, who speaks, where, which tags.

The words of each kind live in data/articles/<language>.toml under [articles.<kind>].
"""

from dataclasses import dataclass
from functools import cache

from . import data

GOVERNORS = ("volkov", "shevchuk", "rudenko", "demidovich", "kozlov", "pashkevich")
FOREIGN_CAPITALS = ("beijing", "moscow")


@dataclass(frozen=True)
class Kind:
    rubric: str
    people: tuple[str, ...]
    # Where it is filed: "capital", "domestic", "regional" (not Minsk), "talks" or "geneva".
    # A person tied to a city (a governor) files from that city at home.
    place: str
    tags: tuple[str, ...]
    # Closing lines that suit the kind, from [generic.closers].
    closers: tuple[str, ...] = ("details",)
    people2: tuple[str, ...] = ()
    # The list whose item follows the second person (a minister reports on their programme).
    paired_list: str = ""


KINDS = {
    "bill": Kind(
        rubric="politics",
        people=("dubovik", "tarasevich", "marchenko"),
        place="capital",
        tags=("parliament", "legislation"),
        closers=("details", "experts"),
    ),
    "government_session": Kind(
        rubric="politics",
        people=("karpovich",),
        place="capital",
        tags=("government", "economy"),
        closers=("meeting", "review", "experts", "details"),
        people2=("pashkevich", "titov", "kovalenko", "novikov"),
        paired_list="programme",
    ),
    "industry_output": Kind(
        rubric="economy",
        people=("novikov", "melnik", "gromov"),
        place="capital",
        tags=("industry", "economy"),
        closers=("review", "experts", "details"),
    ),
    "dairy": Kind(
        rubric="economy",
        people=("kovalenko", *GOVERNORS[:-1]),
        place="regional",
        tags=("agriculture", "exports"),
        closers=("meeting", "review", "details"),
    ),
    "new_plant": Kind(
        rubric="economy",
        people=("melnik", "novikov", *GOVERNORS[:-1]),
        place="regional",
        tags=("industry", "investment"),
        closers=("meeting", "details"),
        people2=("melnik", "novikov", "zaitsev"),
    ),
    "exports": Kind(
        rubric="economy",
        people=("savchenko", "novikov"),
        place="capital",
        tags=("trade", "exports"),
        closers=("experts", "review", "details"),
    ),
    "new_school": Kind(
        rubric="society",
        people=("titov",),
        place="domestic",
        tags=("education", "construction"),
        closers=("review", "meeting", "details"),
        people2=GOVERNORS,
    ),
    "healthcare": Kind(
        rubric="society",
        people=("orlova",),
        place="domestic",
        tags=("healthcare",),
        closers=("review", "details"),
        people2=GOVERNORS,
    ),
    "direct_line": Kind(
        rubric="society",
        people=("makarova", "klimovich", "orlova", "zaitsev", "pashkevich"),
        place="capital",
        tags=("social-policy",),
        closers=("elsewhere", "details"),
    ),
    "housing": Kind(
        rubric="regions",
        people=GOVERNORS,
        place="domestic",
        tags=("housing", "construction", "regions"),
        closers=("meeting", "review", "details"),
    ),
    "region_visit": Kind(
        rubric="regions",
        people=GOVERNORS,
        place="domestic",
        tags=("regions", "agriculture"),
        closers=("meeting", "elsewhere", "details"),
    ),
    "talks_abroad": Kind(
        rubric="world",
        people=("sokolov", "zhdanovich", "karpovich"),
        place="talks",
        tags=("diplomacy", "cooperation", "trade"),
        closers=("details", "experts"),
        people2=("novikov", "savchenko", "stepanov"),
    ),
    "forum_geneva": Kind(
        rubric="world",
        people=("zhdanovich", "sokolov", "makarova", "orlova"),
        place="geneva",
        tags=("organisations", "diplomacy"),
        closers=("online", "details"),
    ),
    "match": Kind(
        rubric="sport",
        people=("yanushkevich", "komarova"),
        place="domestic",
        tags=("national-team",),
    ),
    "marathon": Kind(
        rubric="sport",
        people=("antonov",),
        place="domestic",
        tags=("running",),
        closers=("online", "elsewhere"),
    ),
    "exhibition": Kind(
        rubric="culture",
        people=("frolova", "kasperovich"),
        place="domestic",
        tags=("exhibitions", "art"),
        closers=("online", "elsewhere"),
        people2=("frolova", "kasperovich"),
    ),
    "festival": Kind(
        rubric="culture",
        people=("frolova",),
        place="domestic",
        tags=("festivals", "art"),
        closers=("online", "details"),
    ),
    "research": Kind(
        rubric="science",
        people=("nikitina", "marchuk"),
        place="capital",
        tags=("research", "technology"),
        closers=("details", "experts"),
    ),
    "science_cooperation": Kind(
        rubric="science",
        people=("marchuk", "nikitina"),
        place="capital",
        tags=("education", "cooperation", "research"),
        closers=("experts", "details"),
    ),
}


@cache
def people_by_key() -> dict[str, dict]:
    return {person["key"]: person for person in data.people()["people"]}
