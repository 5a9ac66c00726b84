#!/usr/bin/env python3
"""Generate a realistic, made-up film corpus of any size, plus gold questions.

    python benchmarks/make_corpus.py --films N --out DIR [--seed S] [--questions Q]

For every film three documents are written:

* ``article.txt`` - an encyclopedia-style article with a ``{{Infobox film`` block,
  a lead, and ``==Plot==``, ``==Cast==``, ``==Production==``, ``==Release==`` and
  ``==Reception==`` sections;
* ``review.md``   - an SEO-style review page in markdown, with a
  ``| Metric | Value |`` box-office table and a "7/10" style rating;
* ``note.txt``    - a plain-prose production note (composer, filming city, an
  "X chose Y because Z" anecdote, the studio).

Layout: ``DIR/<film-slug>/<doc>`` when N <= 300, else
``DIR/<shard>/<film-slug>/<doc>`` with 300 films per shard (shards nest in
groups of 1000 beyond 300,000 films), so no folder holds more than ~1000 entries.
``DIR/gold.jsonl`` holds questions in the format of ``filmqa.evaluation.gold``:
one JSON object per line, each answer one value whose spellings are joined by
``|`` ("$29 million|$29.0M"), ``sources`` the doc ids (paths relative to DIR)
that state it, and ``film`` the film asked about ("Red Horizon II (1994)", left
out when the question names a film that is not in the corpus). Every value has
a spelling that occurs literally in a source. About 10% of the films contradict
themselves between the article and the review (runtime, budget or release
date); a question on such a fact has ``"conflict": true``, both values, and
says so in ``notes``.

Output is a pure function of ``--seed`` (and N): film i is the same in a corpus
of any size >= i+1. Documents are streamed to disk one film at a time; memory
holds only small per-film metadata (names, titles, a bounded reservoir of films).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

VOCAB = json.loads(Path(__file__).with_name("corpus_vocab.json").read_text(encoding="utf-8"))
FIRST: list[str] = VOCAB["first_names"]
MALE = set(FIRST[:80])  # the vocabulary lists 80 male, then 70 female first names
LAST: list[str] = VOCAB["surnames"]
ADJ: list[str] = VOCAB["title_adjectives"]
NOUN: list[str] = VOCAB["title_nouns"]
CITIES: list[tuple[str, str]] = [tuple(c) for c in VOCAB["cities"]]
STUDIOS: list[str] = VOCAB["studios"]
DISTRIBUTORS: list[str] = VOCAB["distributors"]
GENRES: list[str] = VOCAB["genres"]
ROLE_PREFIXES: list[str] = VOCAB["role_prefixes"]
GRADES: list[str] = VOCAB["cinemascore_grades"]
MONTHS: list[str] = VOCAB["months"]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

FILMS_PER_FOLDER = 300
DOC_NAMES = ("article.txt", "review.md", "note.txt")
NATIONALITIES = [("American", "United States")] * 14 + [
    ("British", "United Kingdom"), ("Canadian", "Canada"), ("French", "France"),
    ("Australian", "Australia"), ("German", "Germany"),
]
# (cumulative share, pattern) for fresh titles
TITLE_PATTERNS = [
    (0.26, "{a} {n1}"), (0.44, "The {a} {n1}"), (0.50, "The {n1}"), (0.58, "{n1} of the {n2}"),
    (0.65, "{n1} {n2}"), (0.71, "{city} {n1}"), (0.77, "{first}'s {n1}"), (0.82, "A {n1} in {city}"),
    (0.87, "The {n1} and the {n2}"), (0.92, "{n1} on the {n2}"), (1.01, "{a} {n1} of {city}"),
]
ROMAN = ["", "", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
EARLIEST_YEAR, LATEST_YEAR = 1950, 2023

# --------------------------------------------------------------------------- prose pieces
# Placeholders: {A} {B} {C} {D} are the short names of four characters (lead,
# partner, antagonist, fourth), {place} a story setting, {T} the title.

PLOT_SETUP = [
    "{A}, a weary veteran of the {place} police, is pulled back into service when a shipment of stolen gold disappears.",
    "In {place}, {A} runs a failing diner and dreams of leaving town with {B}.",
    "{A} returns to {place} after twenty years to settle the affairs of an estranged father.",
    "A disgraced pilot, {A}, takes a job ferrying cargo across the mountains outside {place}.",
    "{A} and {B} are rival reporters assigned to the same story in {place}.",
    "When a comet knocks out every radio in {place}, engineer {A} is the first to notice the silence.",
    "{A}, a young violinist, wins a place in a famous orchestra in {place}.",
    "{A} is a small-time smuggler who owes money to the most dangerous man in {place}.",
    "Scientist {A} discovers that the tides around {place} have begun to run backwards.",
    "Newly widowed, {A} moves with two children into a crumbling house on the edge of {place}.",
]
PLOT_MIDDLE = [
    "{B} reluctantly agrees to help, but only if {A} keeps the police out of it.",
    "The trail leads to {C}, a charming businessman who seems to own half of {place}.",
    "{A} and {B} discover a hidden ledger that links the mayor to a string of disappearances.",
    "After a botched handover at the harbor, {C} kidnaps {D} and demands the key in exchange.",
    "{D} warns {A} that someone inside the department has been feeding information to {C}.",
    "A storm strands the group at an abandoned station, where old grudges come to the surface.",
    "{B} is revealed to have worked for {C} years earlier, and {A} no longer knows whom to trust.",
    "Their first attempt to escape ends in a car chase through the old town and the death of an informant.",
    "{A} learns that the money was never stolen at all, only moved by people who wanted it found.",
    "Pressed by {C}, {D} betrays the hiding place, forcing {A} and {B} to flee on foot.",
    "The friendship between {A} and {B} deepens as they cross the frozen border together.",
    "Strange recordings left by {D} suggest that the events are repeating themselves every winter.",
]
PLOT_CLIMAX = [
    "In a final confrontation on the bridge, {A} shoots {C}, who falls into the river.",
    "{A} confronts {C} at the railway yard, and {B} arrives just in time to stop the train.",
    "During the opening night performance, {A} exposes {C} in front of the entire city.",
    "{C} is arrested after {B} hands the ledger to a federal judge.",
    "The storm finally breaks, and {A} leads the survivors down the mountain.",
    "{A} sacrifices the money to save {D}, and {C} is left with nothing.",
]
PLOT_END = [
    "{A} and {B} part ways at the station, promising to meet again.",
    "Months later, {A} receives a postcard from {D}, postmarked from the coast.",
    "The film ends with {A} alone on the pier, watching the lights of {place} go out.",
    "{B} takes over the diner, and {A} finally leaves town.",
    "",
]
CONSENSUS = [
    "'{T} is a lean, efficient genre piece elevated by {A}'s committed performance.'",
    "'Handsomely shot but thinly written, {T} never quite finds its footing.'",
    "'Thanks to a strong cast and a propulsive score, {T} delivers exactly what it promises.'",
    "'{T} has its moments, but they are buried under a convoluted plot.'",
    "'Smart, tense and often very funny, {T} is one of the year's surprises.'",
]
SCORE_STYLES = [
    "a brooding orchestral score built around a single recurring horn motif",
    "an electronic score recorded largely on vintage synthesizers",
    "a spare piano score that the director described as the film's inner voice",
    "a jazz-inflected score performed by a small studio ensemble",
    "a sweeping score for full orchestra and choir",
    "a percussive score that mixes field recordings with strings",
]
CITY_REASONS = [
    "its old tram depots could stand in for a city that no longer exists",
    "the local film commission offered a generous tax rebate",
    "the winter light there matched the washed-out look of the storyboards",
    "the production could not get permits to shoot in the real locations",
    "the streets had barely changed since the period in which the story is set",
    "the studio already had sound stages booked there for another picture",
    "the harbor and the hills were within a short drive of each other",
    "shooting there cost roughly half of what the same weeks would have cost at home",
]
COMPOSER_REASONS = [
    "the director wanted every cue to sound as if it could be played in a bar",
    "a full orchestra would have overwhelmed the quiet dialogue scenes",
    "the budget for the music had been cut in half late in post-production",
    "the story needed a sound that felt older than the characters",
]
ACTOR_REASONS = [
    "the insurance company would only cover a stunt double for the final week",
    "the director wanted the camera to stay on faces rather than cut away",
    "the role had been written with that kind of physical presence in mind",
    "the schedule left no time to rehearse a double",
]
OUTLETS = [
    "The New York Times", "Variety", "The Hollywood Reporter", "the Chicago Sun-Times", "Empire",
    "The Guardian", "the Los Angeles Times", "The Washington Post", "Time Out", "Rolling Stone",
    "The Boston Globe", "Slant Magazine", "IndieWire", "The A.V. Club", "Total Film", "Sight and Sound",
]
PRAISE = [
    "called it \"a tense, beautifully controlled piece of work\"",
    "praised the performances but found the final act rushed",
    "wrote that the film \"never lets up, and never wants to\"",
    "gave the film three out of four stars, singling out the cinematography",
    "described it as \"the rare genre film with something on its mind\"",
]
PANS = [
    "dismissed the film as \"a collection of scenes in search of a story\"",
    "criticized the screenplay's reliance on coincidence",
    "gave the film one and a half stars out of four, calling it \"loud and forgettable\"",
    "wrote that the cast \"deserved a better script\"",
]
COSTUME_NOTES = [
    "dressed the cast almost entirely in secondhand clothes bought at local markets",
    "built more than three hundred costumes in eight weeks",
    "aged every coat and hat by hand so that nothing looked new on camera",
]
VERDICTS = [
    ("MUST WATCH", "a confident, crowd-pleasing piece of filmmaking"),
    ("WORTH A LOOK", "a solid if familiar entry in the genre"),
    ("MIXED BAG", "an uneven film with a handful of memorable scenes"),
    ("SKIP IT", "a disappointing film that wastes a capable cast"),
]


# --------------------------------------------------------------------------- facts


@dataclass
class Film:
    index: int
    title: str
    slug: str
    year: int
    genre: str
    nationality: str
    country: str
    director: str
    producers: list[str]
    writers: list[str]
    cast: list[tuple[str, str]]  # (actor, role)
    short: list[str]  # short name of each role, for prose
    composer: str
    cinematographer: str
    studio: str
    distributor: str
    release: tuple[int, int, int]  # (year, month 1-12, day)
    runtime: int
    budget: float | None  # millions of dollars
    gross: float  # millions of dollars
    opening: float
    rt: tuple[int, int, float] | None  # (percent, reviews, average)
    metacritic: int
    cinemascore: str | None
    city: str
    city_country: str
    setting: str
    photo: tuple[int, int]  # (year, month)
    anecdote: tuple[str, str, str, str]  # (kind, who, what, reason)
    review_rating: str
    critics: list[tuple[str, str]]  # (critic, outlet)
    declined: str  # an actor who turned down the lead role
    costume: str
    sequel_of: tuple[str, int] | None = None
    conflict: tuple[str, object, object] | None = None  # (fact, article value, review value)
    docs: dict[str, str] = field(default_factory=dict)  # doc name -> doc_id


def fmt_date(d: tuple[int, int, int]) -> str:
    return f"{MONTHS[d[1] - 1]} {d[2]}, {d[0]}"


def fmt_millions(m: float) -> str:
    """'$29 million' / '$4.5 million'."""
    return f"${m:g} million" if m == int(m) else f"${m:.1f} million"


def fmt_m(m: float) -> str:
    """Trade-table style: '$29.0M'."""
    return f"${m:.1f}M"


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", "")).strip("-")


def shard_parts(i: int, n: int) -> tuple[str, ...]:
    """Folder names above film ``i``'s own folder in a corpus of ``n`` films."""
    if n <= FILMS_PER_FOLDER:
        return ()
    k = i // FILMS_PER_FOLDER
    shards = (n - 1) // FILMS_PER_FOLDER + 1
    levels, cap = 1, 1000
    while shards > cap:
        levels, cap = levels + 1, cap * 1000
    parts = []
    for _ in range(levels):
        parts.append(f"{k % 1000:03d}")
        k //= 1000
    return tuple(reversed(parts))


class FilmFactory:
    """Makes films one at a time; film i depends only on the seed and films < i."""

    RESERVOIR = 2000

    def __init__(self, seed: int):
        self.rng = random.Random(f"filmqa-corpus/{seed}")
        self.slugs: set[str] = set()
        self.names: set[str] = set()
        self.pools: dict[str, list[str]] = {
            k: [] for k in ("director", "actor", "composer", "dop", "producer", "writer", "costume")
        }
        self.reservoir: list[tuple[str, int, list[tuple[str, str]], list[str]]] = []
        self.seen = 0
        self.critics = [(self._new_name(), self.rng.choice(OUTLETS)) for _ in range(80)]

    # -- people
    def _new_name(self) -> str:
        rng = self.rng
        for attempt in range(100):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if attempt > 3 or rng.random() < 0.04:
                name = f"{rng.choice(FIRST)} {chr(65 + rng.randrange(26))}. {rng.choice(LAST)}"
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError("name space exhausted")

    def _person(self, pool: str, reuse: float, taken: set[str]) -> str:
        people = self.pools[pool]
        for _ in range(8):
            if people and self.rng.random() < reuse:
                p = self.rng.choice(people)
            else:
                p = self._new_name()
                people.append(p)
            if p not in taken:
                taken.add(p)
                return p
        p = self._new_name()
        people.append(p)
        taken.add(p)
        return p

    def _role(self, used_roles: set[str], actor: str) -> str:
        """A character for ``actor`` (same gender) sharing no name with ``used_roles`` (tokens)."""
        rng = self.rng
        male = actor.split()[0] in MALE
        firsts = FIRST[:80] if male else FIRST[80:]
        while True:
            first = rng.choice(firsts)
            if rng.random() < 0.3:
                prefix = rng.choice(ROLE_PREFIXES)
                if prefix == ("Sister" if male else "Father"):
                    continue
                role = f"{prefix} {first} {rng.choice(LAST)}"
            elif rng.random() < 0.85:
                role = f"{first} {rng.choice(LAST)}"
            else:
                role = first
            tokens = set(role.split()) - set(ROLE_PREFIXES)
            if not tokens & used_roles:
                used_roles.update(tokens)
                return role

    # -- titles
    def _base_title(self) -> str:
        rng = self.rng
        r = rng.random()
        a, n1, n2 = rng.choice(ADJ), rng.choice(NOUN), rng.choice(NOUN)
        while n2 == n1 or a == n1:
            a, n1, n2 = rng.choice(ADJ), rng.choice(NOUN), rng.choice(NOUN)
        pattern = next(p for share, p in TITLE_PATTERNS if r < share)
        return pattern.format(a=a, n1=n1, n2=n2, city=rng.choice(CITIES)[0], first=rng.choice(FIRST))

    def _derived_title(self, base: str) -> tuple[str, bool]:
        """A title overlapping ``base``; the flag says whether it is a sequel."""
        rng = self.rng
        r = rng.random()
        m = re.fullmatch(r"(.*) (II|III|IV|V|VI|VII|VIII|IX)", base)
        if m:
            return f"{m.group(1)} {ROMAN[ROMAN.index(m.group(2)) + 1]}", True
        if r < 0.45:
            return f"{base} II", True
        if r < 0.55 and not base.startswith("Return to "):
            return f"{base} Returns", True
        if r < 0.62 and not base.startswith("Return to "):
            return f"Return to {base.removeprefix('The ')}", True
        if r < 0.85:
            return (base[4:] if base.startswith("The ") else f"The {base}"), False
        return f"{base} {rng.choice(['Rising', 'Forever', 'Reborn', 'Down', 'Redux'])}", False

    def _title(self):
        rng = self.rng
        for attempt in range(200):
            sequel_of = None
            if self.reservoir and rng.random() < 0.2 and attempt < 100:
                base = rng.choice(self.reservoir)
                title, is_sequel = self._derived_title(base[0])
                if is_sequel:
                    if base[1] > LATEST_YEAR - 2:
                        continue
                    sequel_of = base
            else:
                title = self._base_title()
                if attempt > 50:
                    title = f"{rng.choice(ADJ)} {rng.choice(NOUN)} of {rng.choice(CITIES)[0]}"
            slug = slugify(title)
            if slug not in self.slugs:
                self.slugs.add(slug)
                return title, slug, sequel_of
        raise RuntimeError("title space exhausted")

    # -- one film
    def make(self, index: int, conflict_rate: float) -> Film:
        rng = self.rng
        title, slug, sequel_of = self._title()
        taken: set[str] = set()
        director = self._person("director", 0.55, taken)
        producers = [director] if rng.random() < 0.25 else []
        for _ in range(rng.randint(1, 3)):
            producers.append(self._person("producer", 0.6, taken))
        writers = [director] if rng.random() < 0.3 else []
        for _ in range(rng.randint(0 if writers else 1, 2)):
            writers.append(self._person("writer", 0.35, taken))
        used_roles: set[str] = set()
        cast: list[tuple[str, str]] = []
        if sequel_of:
            year = rng.randint(sequel_of[1] + 2, min(sequel_of[1] + 8, LATEST_YEAR))
            for actor, role in sequel_of[2][:2]:
                if actor not in taken and rng.random() < 0.7:
                    taken.add(actor)
                else:
                    actor = self._person("actor", 0.65, taken)
                used_roles.update(set(role.split()) - set(ROLE_PREFIXES))
                cast.append((actor, role))
            genre = sequel_of[3]
        else:
            year = rng.randint(EARLIEST_YEAR, LATEST_YEAR)
            genre = rng.choice(GENRES)
        for _ in range(rng.randint(4, 8) - len(cast)):
            actor = self._person("actor", 0.65, taken)
            cast.append((actor, self._role(used_roles, actor)))
        short = []
        for _, role in cast:
            words = role.split()
            if len(words) == 1:
                short.append(role)
            elif words[0] in ROLE_PREFIXES:
                short.append(words[-1])
            else:
                short.append(words[0] if rng.random() < 0.6 else words[-1])
        composer = self._person("composer", 0.8, taken)
        dop = self._person("dop", 0.7, taken)
        nationality, country = rng.choice(NATIONALITIES)
        month = rng.randint(1, 12)
        release = (year, month, rng.randint(1, MONTH_DAYS[month - 1]))
        photo_gap = rng.randint(6, 20)
        pm = month - 1 - photo_gap
        photo = (year + pm // 12, pm % 12 + 1)
        scale = 0.4 + (year - EARLIEST_YEAR) / 20
        budget: float | None = round(min(250.0, rng.lognormvariate(2.4, 0.7) * scale) * 2) / 2
        budget = max(1.0, budget)
        gross = round(min(990.0, budget * rng.lognormvariate(0.3, 0.8)) + rng.random(), 1)
        if rng.random() < 0.08:
            budget = None
        rt = None
        if rng.random() < 0.9:
            pct = rng.randint(4, 99)
            rt = (pct, rng.randint(18, 320), round(2.5 + pct / 14 + rng.uniform(-0.6, 0.6), 1))
        city, city_country = rng.choice(CITIES)
        kind = rng.choice(["city", "city", "composer", "actor"])
        if kind == "city":
            anecdote = (kind, director, city, rng.choice(CITY_REASONS))
        elif kind == "composer":
            what = rng.choice(["a string quartet", "a brass band", "a children's choir", "a single cello"])
            anecdote = (kind, composer, what, rng.choice(COMPOSER_REASONS))
        else:
            anecdote = (kind, cast[0][0], "most of the stunts", rng.choice(ACTOR_REASONS))
        film = Film(
            index=index, title=title, slug=slug, year=year, genre=genre,
            nationality=nationality, country=country, director=director,
            producers=producers, writers=writers, cast=cast, short=short,
            composer=composer, cinematographer=dop,
            studio=rng.choice(STUDIOS), distributor=rng.choice(DISTRIBUTORS),
            release=release, runtime=max(72, min(195, int(rng.gauss(108, 17)))),
            budget=budget, gross=gross, opening=round(gross * rng.uniform(0.08, 0.3), 1),
            rt=rt, metacritic=rng.randint(20, 95),
            cinemascore=rng.choice(GRADES) if rng.random() < 0.6 and year >= 1979 else None,
            city=city, city_country=city_country, setting=rng.choice(CITIES)[0],
            photo=photo, anecdote=anecdote,
            review_rating=f"{rng.randint(3, 9)}/10" if rng.random() < 0.8 else f"{rng.randint(3, 8)}.5/10",
            critics=rng.sample(self.critics, 2),
            declined=self._person("actor", 0.9, taken),
            costume=self._person("costume", 0.8, taken),
            sequel_of=(sequel_of[0], sequel_of[1]) if sequel_of else None,
        )
        if rng.random() < conflict_rate:
            fact = rng.choice(["runtime", "budget", "release"] if budget else ["runtime", "release"])
            if fact == "runtime":
                film.conflict = (fact, film.runtime, film.runtime + rng.choice([-3, -2, -1, 1, 2, 4]))
            elif fact == "budget":
                film.conflict = (fact, budget, budget + rng.choice([1, 2, 3, 5]))
            else:
                y, m, d = release
                d2 = d + rng.randint(1, 4) if d <= 24 else d - rng.randint(1, 4)
                film.conflict = (fact, release, (y, m, d2))
        # reservoir of earlier films, for sequels and overlapping titles
        self.seen += 1
        rec = (title, year, cast[:2], genre)
        if len(self.reservoir) < self.RESERVOIR:
            self.reservoir.append(rec)
        else:
            j = rng.randrange(self.seen)
            if j < self.RESERVOIR:
                self.reservoir[j] = rec
        return film


# --------------------------------------------------------------------------- documents


def _review_value(film: Film, fact: str):
    """The value the review states for ``fact`` (differs from the article on conflict)."""
    base = {"runtime": film.runtime, "budget": film.budget, "release": film.release}[fact]
    if film.conflict and film.conflict[0] == fact:
        return film.conflict[2]
    return base


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def write_article(film: Film, rng: random.Random) -> str:
    T = film.title
    f = film
    c = f.cast
    date = fmt_date(f.release)
    ph: dict[str, str] = {"A": f.short[0], "B": f.short[1], "C": f.short[2], "D": f.short[3],
                          "place": f.setting, "T": T}
    lines = [T, "", "{{Infobox film", f"| name = {T}", f"| director = {f.director}",
             f"| producer = {', '.join(f.producers)}", f"| screenplay = {', '.join(f.writers)}",
             f"| starring = {', '.join(a for a, _ in c[:5])}", f"| music = {f.composer}",
             f"| cinematography = {f.cinematographer}", f"| studio = {f.studio}",
             f"| distributor = {f.distributor}", f"| released = {date}",
             f"| runtime = {f.runtime} min", f"| country = {f.country}", "| language = English"]
    if f.budget is not None:
        lines.append(f"| budget = {fmt_millions(f.budget)}")
    lines.append(f"| gross = {fmt_millions(f.gross)}")
    lines.append("}}")
    article = "an" if f.genre[0] in "aeiou" else "a"
    lead = (f"{T} is a {f.year} {f.nationality} {f.genre} film directed by {f.director}"
            + (f" and written by {_join(f.writers)}" if f.writers != [f.director] else "")
            + f". The film stars {c[0][0]} as {c[0][1]} and {c[1][0]} as {c[1][1]}, with "
            + f"{_join([a for a, _ in c[2:5]])} in supporting roles.")
    if f.sequel_of:
        lead += f" It is a sequel to {f.sequel_of[0]} ({f.sequel_of[1]})."
    lead += (f" The story follows {ph['A']}, who is drawn into a dangerous scheme in {f.setting}.")
    lines += ["", lead, "",
              f"{T} was released by {f.distributor} on {date}. It received "
              f"{'positive' if (f.rt and f.rt[0] >= 60) else 'mixed' if (f.rt and f.rt[0] >= 40) else 'generally negative'}"
              f" reviews from critics and grossed {fmt_millions(f.gross)} worldwide. It was {article} "
              f"{f.genre} production of {f.studio}."]
    # plot
    plot = [rng.choice(PLOT_SETUP)] + rng.sample(PLOT_MIDDLE, rng.randint(1, 3)) + [rng.choice(PLOT_CLIMAX)]
    end = rng.choice(PLOT_END)
    if end:
        plot.append(end)
    lines += ["", "==Plot==", " ".join(s.format(**ph) for s in plot)]
    lines += ["", "==Cast=="] + [f"*{a} as {r}" for a, r in c]
    # production
    py, pm = f.photo
    prod = [f"{f.studio} acquired the screenplay by {_join(f.writers)} in {py - 1}, and {f.director} "
            f"was attached to direct shortly afterwards."]
    if f.budget is not None:
        prod.append(f"The production budget was set at {fmt_millions(f.budget)}.")
    prod.append(f"{f.declined} was the first choice for the role of {c[0][1]} but turned it down; "
                f"{c[0][0]} was cast instead, and {c[1][0]} joined the cast as {c[1][1]} a few weeks later.")
    prod.append(f"Principal photography began in {MONTHS[pm - 1]} {py} in {f.city}.")
    prod.append(f"Filming took place over {rng.randint(6, 16)} weeks in and around {f.city}, "
                f"{f.city_country}, with {f.cinematographer} as director of photography.")
    prod.append(f"The music was composed by {f.composer}, who wrote {rng.choice(SCORE_STYLES)}.")
    prod.append(f"The final cut runs {f.runtime} minutes.")
    split = len(prod) - 3
    lines += ["", "==Production==", " ".join(prod[:split]), "", " ".join(prod[split:])]
    # release
    rel = [f"{T} was released theatrically in the United States on {date} by {f.distributor}.",
           f"In its opening weekend the film earned {fmt_millions(f.opening)}, finishing "
           f"{rng.choice(['first', 'second', 'third', 'fourth', 'fifth'])} at the box office.",
           f"It went on to gross {fmt_millions(f.gross)} worldwide"
           + (f" against a production budget of {fmt_millions(f.budget)}." if f.budget is not None else ".")]
    lines += ["", "==Release==", " ".join(rel)]
    # reception
    rec = []
    if f.rt:
        rec.append(f"On the review aggregator website Rotten Tomatoes, the film holds a {f.rt[0]}% "
                   f"approval rating based on {f.rt[1]} reviews, with an average rating of {f.rt[2]}/10.")
        rec.append("The site's critical consensus reads, " + rng.choice(CONSENSUS).format(**ph))
    else:
        rec.append("Critical reception of the film was divided at the time of its release.")
    rec.append(f"On Metacritic, the film has a weighted average score of {f.metacritic} out of 100.")
    good = f.rt[0] >= 50 if f.rt else rng.random() < 0.5
    (c1, o1), (c2, o2) = f.critics
    rec2 = [f"{c1} of {o1} {rng.choice(PRAISE if good else PANS)}.",
            f"{c2} of {o2} {rng.choice(PANS if good else PRAISE)}."]
    if f.cinemascore:
        rec.append(f'Audiences polled by CinemaScore gave the film an average grade of "{f.cinemascore}" '
                   f"on an A+ to F scale.")
    lines += ["", "==Reception==", " ".join(rec), "", " ".join(rec2)]
    hy, hm = f.release[0] + (f.release[1] + 4) // 12, (f.release[1] + 4) % 12 + 1
    fmt = "VHS" if hy < 1997 else "DVD" if hy < 2008 else "DVD and Blu-ray"
    lines += ["", "==Home media==",
              f"{T} was released on {fmt} in {MONTHS[hm - 1]} {hy}. "
              f"{'The release included an audio commentary by ' + f.director + '.' if rng.random() < 0.5 else 'The release included a making-of featurette and deleted scenes.'}",
              ""]
    return "\n".join(lines)


def write_review(film: Film, rng: random.Random) -> str:
    f, T, c = film, film.title, film.cast
    runtime = _review_value(f, "runtime")
    budget = _review_value(f, "budget")
    release = _review_value(f, "release")
    stars = float(f.review_rating.split("/")[0])
    label, verdict = VERDICTS[0 if stars >= 8 else 1 if stars >= 6 else 2 if stars >= 5 else 3]
    updated = (max(f.year + 1, rng.randint(2012, 2025)), rng.randint(1, 12), rng.randint(1, 28))
    lines = [f"# {T} Review", "", "Share this article", "", f"*Last updated: {fmt_date(updated)}*", "",
             f"**Quick verdict:** Is {T} ({f.year}) worth watching? Our take: {verdict}. "
             f"Whether you are looking for the box office collection, the ending explained or where to "
             f"stream it, this review covers everything you need to know about this {f.genre}.", "",
             "Advertisement", "", "## Cast & Direction", "",
             f"Director {f.director} keeps things moving, and {c[0][0]} anchors the film as {c[0][1]}. "
             f"{c[1][0]} brings warmth to {c[1][1]}, while {c[2][0]} makes the most of limited screen time. "
             f"The supporting cast, including {_join([a for a, _ in c[3:5]])}, is solid throughout.", "",
             "## Story", "",
             f"Without spoilers: {f.short[0]} is pulled into trouble in {f.setting}, and the film follows "
             f"the fallout with {'more heart than logic' if rng.random() < 0.5 else 'a steady hand'}. "
             f"The score by {f.composer} does a lot of the emotional heavy lifting.", "",
             "## Box Office", "", "| Metric | Value |", "|---|---|",
             f"| Production Budget | {fmt_m(budget) if budget is not None else 'Not disclosed'} |",
             f"| Worldwide Gross | {fmt_m(f.gross)} |",
             f"| Runtime | {runtime} minutes |",
             f"| Release Date | {fmt_date(release)} |",
             f"| Trade Verdict | {'HIT' if budget and f.gross > 2.5 * budget else 'FLOP' if budget and f.gross < budget else 'AVERAGE'} |",
             ""]
    if f.rt and rng.random() < 0.5:
        lines += [f"Critics were {'kind' if f.rt[0] >= 60 else 'split'}: the film sits at {f.rt[0]}% on "
                  f"Rotten Tomatoes.", ""]
    lines += ["## Parents Guide", "",
              f"{T} is rated {rng.choice(['PG', 'PG-13', 'R'])} for {rng.choice(['violence', 'language', 'thematic elements', 'some violence and language'])}. "
              f"Younger viewers may find some scenes intense.", "",
              "## Frequently Asked Questions", "",
              f"**Who directed {T}?** {T} was directed by {f.director}.", "",
              f"**How long is {T}?** The film runs {runtime} minutes.", "",
              f"**Who is in the cast of {T}?** The film stars {_join([a for a, _ in c[:3]])}.", "",
              f"Related: The best {f.genre} films of the {f.year // 10 * 10}s", ""]
    lines += [f"## Where to Watch {T}", "",
              f"{T} is currently available to rent or buy on major digital platforms. "
              f"Availability may vary by region.", "",
              "## Final Verdict", "",
              f"{label}. {T} is {verdict}. Rating: {f.review_rating}", "",
              "Subscribe to our newsletter", "", "Share this article", ""]
    return "\n".join(lines)


def write_note(film: Film, rng: random.Random) -> str:
    f, T = film, film.title
    kind, who, what, reason = f.anecdote
    parts = [f"{T}: production notes", "",
             f"The music for {T} was composed by {f.composer}. "
             f"The recording sessions took {rng.randint(2, 9)} weeks.", "",
             f"{T} was shot in {f.city}, {f.city_country}. "
             f"The crew spent most of the schedule on location before moving to the studio for interiors."]
    if kind == "city":
        parts.append(f"{who} chose {what} because {reason}.")
    elif kind == "composer":
        parts.append(f"{who} chose to record the score with {what} because {reason}.")
    else:
        parts.append(f"{who} chose to perform {what} because {reason}.")
    parts += ["", f"Costume designer {f.costume} {rng.choice(COSTUME_NOTES)}. "
                  f"{f.cast[1][0]} later said that the costumes did half of the work of building {f.cast[1][1]}.",
              "", f"The film was produced by {f.studio}. {f.director} has said that the "
                  f"{rng.choice(['first', 'last', 'longest', 'hardest'])} day of the shoot was the one "
                  f"{rng.choice(['everyone remembers', 'nobody wants to talk about', 'that shaped the film'])}.", ""]
    return "\n".join(parts)


WRITERS = {"article.txt": write_article, "review.md": write_review, "note.txt": write_note}

# --------------------------------------------------------------------------- gold questions

QUESTION_TEMPLATES = {
    "director": ("person", ["Who directed {T}?", "Who was the director of {T}?", "{T} was directed by whom?"]),
    "composer": ("person", ["Who composed the music for {T}?", "Who wrote the score of {T}?",
                            "Who did the music for {T}?"]),
    "role": ("person", ["Who played {role} in {T}?", "Who portrays {role} in {T}?", "In {T}, who plays {role}?"]),
    "budget": ("money", ["What was the budget of {T}?", "How much did {T} cost to make?",
                         "What was the production budget for {T}?"]),
    "gross": ("money", ["How much did {T} gross worldwide?", "What was the box office gross of {T}?"]),
    "runtime": ("duration", ["How long is {T}?", "What is the runtime of {T}?", "How many minutes does {T} run?"]),
    "release": ("date", ["When was {T} released?", "What is the release date of {T}?",
                         "On what date did {T} come out?"]),
    "year": ("year", ["In what year was {T} released?", "What year did {T} come out?"]),
    "studio": ("organisation", ["Which studio produced {T}?", "What studio made {T}?"]),
    "distributor": ("organisation", ["Who distributed {T}?", "Which company distributed {T}?"]),
    "dop": ("person", ["Who was the cinematographer of {T}?", "Who shot {T} as director of photography?"]),
    "rt": ("score", ["What is the Rotten Tomatoes score of {T}?", "What rating does {T} have on Rotten Tomatoes?"]),
    "cinemascore": ("score", ["What CinemaScore grade did {T} receive?", "What grade did audiences give {T} on CinemaScore?"]),
    "place": ("place", ["Where was {T} filmed?", "Where was {T} shot?", "In which city was {T} filmed?"]),
    "reason": ("reason", []),
    "editor": ("person", ["Who edited {T}?", "Who was the film editor of {T}?"]),
}
# key order of a gold line; "conflict" and "film" are optional fields of filmqa.evaluation.gold
GOLD_KEYS = ("question", "answers", "answerable", "type", "sources", "conflict", "film", "notes")
KIND_WEIGHTS = {"director": 12, "composer": 8, "role": 14, "budget": 9, "gross": 4, "runtime": 8,
                "release": 8, "year": 8, "studio": 7, "distributor": 4, "dop": 3, "rt": 7,
                "cinemascore": 2, "place": 8, "reason": 4}


def _ask(qrng: random.Random, kind: str, title: str, **kw) -> tuple[str, str]:
    atype, templates = QUESTION_TEMPLATES[kind]
    return qrng.choice(templates).format(T=title, **kw), atype


def _money_forms(m: float) -> list[str]:
    return [fmt_millions(m), fmt_m(m)]


def make_question(film: Film, texts: dict[str, str], qrng: random.Random, unanswerable: bool) -> dict:
    """One gold item about ``film``; ``texts`` maps doc name -> document text.

    Answer candidates are filtered to the strings that literally occur in the
    documents that state the fact, so every answer can be found in a source.
    """
    T = film.title
    art, rev, note = "article.txt", "review.md", "note.txt"
    if unanswerable:
        options = ["missing_film", "missing_film", "editor"]
        if film.budget is None:
            options += ["budget"] * 3
        if film.rt is None:
            options += ["rt"] * 3
        if film.cinemascore is None:
            options += ["cinemascore"]
        choice = qrng.choice(options)
        if choice == "missing_film":
            kind = qrng.choice(["director", "composer", "budget", "runtime", "year", "studio", "place"])
            # resolved against the final set of titles when the gold file is written
            return {"_missing_film": True, "_kind": kind, "_base": T, "answers": [], "answerable": False,
                    "sources": [], "notes": "generated; unanswerable: film not in corpus"}
        question, atype = _ask(qrng, choice, T)
        what = {"editor": "the film editor is never stated", "budget": "the budget is never stated",
                "rt": "no Rotten Tomatoes score is stated",
                "cinemascore": "no CinemaScore grade is stated"}[choice]
        return {"question": question, "answers": [], "answerable": False, "type": atype, "sources": [],
                "film": f"{T} ({film.year})", "notes": f"generated; unanswerable: {what} for this film"}

    kinds = list(KIND_WEIGHTS)
    weights = [KIND_WEIGHTS[k] for k in kinds]
    if film.conflict and qrng.random() < 0.7:
        kind = film.conflict[0]
    else:
        while True:
            kind = qrng.choices(kinds, weights)[0]
            if ((kind == "budget" and film.budget is None) or (kind == "rt" and film.rt is None)
                    or (kind == "cinemascore" and film.cinemascore is None)):
                continue
            break
    kw: dict[str, str] = {}
    one = lambda v: [v]  # noqa: E731 - a value with a single spelling
    if kind == "director":
        spell, vals, srcs = one, [film.director], [art, rev]
    elif kind == "composer":
        spell, vals, srcs = one, [film.composer], [art, rev, note]
    elif kind == "role":
        actor, role = qrng.choice(film.cast)
        kw["role"] = role
        spell, vals, srcs = one, [actor], [art]
    elif kind == "budget":
        spell, vals, srcs = _money_forms, [film.budget, _review_value(film, "budget")], [art, rev]
    elif kind == "gross":
        spell, vals, srcs = _money_forms, [film.gross], [art, rev]
    elif kind == "runtime":
        spell = lambda r: [f"{r} minutes", f"{r} min"]  # noqa: E731
        vals, srcs = [film.runtime, _review_value(film, "runtime")], [art, rev]
    elif kind == "release":
        spell = lambda d: [fmt_date(d)]  # noqa: E731
        vals, srcs = [film.release, _review_value(film, "release")], [art, rev]
    elif kind == "year":
        spell, vals, srcs = one, [str(film.year)], [art, rev]
    elif kind == "studio":
        spell, vals, srcs = one, [film.studio], [art, note]
    elif kind == "distributor":
        spell, vals, srcs = one, [film.distributor], [art]
    elif kind == "dop":
        spell, vals, srcs = one, [film.cinematographer], [art]
    elif kind == "rt":
        spell, vals, srcs = one, [f"{film.rt[0]}%"], [art, rev]
    elif kind == "cinemascore":
        spell, vals, srcs = one, [film.cinemascore], [art]
    elif kind == "place":
        spell, vals, srcs = one, [film.city], [art, note]
    else:  # reason
        a_kind, who, what, reason = film.anecdote
        if a_kind == "city":
            question = f"Why did {who} choose {what} as the filming location for {T}?"
        elif a_kind == "composer":
            question = f"Why did {who} record the score of {T} with {what}?"
        else:
            question = f"Why did {who} perform {what} in {T}?"
        spell, vals, srcs = one, [reason], [note]
    if kind != "reason":
        question, _ = _ask(qrng, kind, T, **kw)
    # one gold value per distinct fact value (two on a conflict), spellings joined by "|"
    values = [spell(v) for v in dict.fromkeys(vals)]
    for spellings in values:
        if not any(sp in texts[s] for sp in spellings for s in srcs):
            raise AssertionError(f"{kind} of {T!r}: none of {spellings} occurs in {srcs}")
    sources = [s for s in srcs if any(sp in texts[s] for v in values for sp in v)]
    item = {"question": question, "answers": ["|".join(v) for v in values], "answerable": True,
            "type": QUESTION_TEMPLATES[kind][0], "sources": [film.docs[s] for s in sources],
            "film": f"{T} ({film.year})", "notes": "generated"}
    if len(values) > 1:
        fact, a_val, r_val = film.conflict
        show = {"runtime": lambda v: f"{v} min", "budget": fmt_millions, "release": fmt_date}[fact]
        item["conflict"] = True
        item["notes"] = f"generated; conflict: {fact} is {show(a_val)} in article.txt but {show(r_val)} in review.md"
    return item


def resolve_missing(item: dict, slugs: set[str], qrng: random.Random) -> dict:
    """Turn a placeholder into a question about a title that is not in the corpus."""
    base = item["_base"]
    candidates = [f"{base} III", f"{base} IV", f"Return to {base.removeprefix('The ')}", f"{base}: The Reckoning",
                  f"Son of {base.removeprefix('The ')}", f"{base} Begins"]
    qrng.shuffle(candidates)
    n = 5
    while True:
        for title in candidates:
            if slugify(title) not in slugs:
                question, atype = _ask(qrng, item["_kind"], title)
                return {"question": question, "answers": [], "answerable": False, "type": atype,
                        "sources": [], "notes": item["notes"]}
        candidates = [f"{base} Part {n}"]
        n += 1


# --------------------------------------------------------------------------- driver


def question_slots(n_films: int, n_questions: int, seed: int) -> dict[int, int]:
    """Film index -> how many questions to ask about it, spread evenly over the films."""
    if n_films <= 0 or n_questions <= 0:
        return {}
    offset = random.Random(f"filmqa-gold-slots/{seed}").random()
    slots: dict[int, int] = {}
    for k in range(n_questions):
        i = int((k + offset) * n_films / n_questions) if n_questions <= n_films else k % n_films
        slots[i] = slots.get(i, 0) + 1
    return slots


def generate(n_films: int, out: Path, seed: int = 0, n_questions: int = 200,
             conflict_rate: float = 0.1, unanswerable_rate: float = 0.1) -> dict:
    """Write the corpus and gold.jsonl under ``out``; returns statistics."""
    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    factory = FilmFactory(seed)
    qrng = random.Random(f"filmqa-gold/{seed}")
    slots = question_slots(n_films, n_questions, seed)
    gold: list[dict] = []
    words = size = conflicts = 0
    made_dirs: set[tuple[str, ...]] = set()
    for i in range(n_films):
        film = factory.make(i, conflict_rate)
        conflicts += film.conflict is not None
        parts = shard_parts(i, n_films)
        if parts not in made_dirs:
            out.joinpath(*parts).mkdir(parents=True, exist_ok=True)
            made_dirs.add(parts)
        folder = out.joinpath(*parts, film.slug)
        folder.mkdir()
        prefix = "/".join(parts + (film.slug,))
        # the prose generator is seeded per film, so text choices never shift the facts
        trng = random.Random(f"{seed}/{i}")
        texts = {}
        for name in DOC_NAMES:
            film.docs[name] = f"{prefix}/{name}"
            text = WRITERS[name](film, trng)
            texts[name] = text
            data = text.encode("utf-8")
            with open(folder / name, "wb") as fh:
                fh.write(data)
            size += len(data)
            words += len(text.split())
        asked: set[str] = set()
        for _ in range(slots.get(i, 0)):
            for _attempt in range(30):  # several questions about one film: all different
                # question k is unanswerable when k * rate crosses an integer: exactly rate * Q of them
                k = len(gold)
                unanswerable = math.floor((k + 1) * unanswerable_rate) > math.floor(k * unanswerable_rate)
                item = make_question(film, texts, qrng, unanswerable)
                key = item.get("question") or f"{item.get('_kind')}/{len(asked)}"
                if key not in asked:
                    break
            asked.add(key)
            gold.append(item)
    gold = [resolve_missing(g, factory.slugs, qrng) if g.get("_missing_film") else g for g in gold]
    with open(out / "gold.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for k, g in enumerate(gold, 1):
            item = {"id": f"g{k:05d}", **{key: g[key] for key in GOLD_KEYS if key in g}}
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return {"films": n_films, "documents": n_films * len(DOC_NAMES), "words": words, "bytes": size,
            "conflicts": conflicts, "questions": len(gold),
            "unanswerable": sum(not g["answerable"] for g in gold),
            "seconds": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--films", type=int, required=True, help="number of films (3 documents each)")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--questions", type=int, default=200, help="gold questions to write (default 200)")
    ap.add_argument("--conflict-rate", type=float, default=0.1,
                    help="share of films whose article and review disagree on one fact")
    ap.add_argument("--unanswerable-rate", type=float, default=0.1)
    ap.add_argument("--force", action="store_true",
                    help="replace DIR if it holds a previously generated corpus (has gold.jsonl)")
    args = ap.parse_args(argv)
    if args.films < 0 or args.questions < 0:
        ap.error("--films and --questions must be >= 0")
    out: Path = args.out
    if out.exists() and any(out.iterdir()):
        if not (args.force and (out / "gold.jsonl").is_file()):
            ap.error(f"{out} is not empty (use --force to replace a corpus generated earlier)")
        shutil.rmtree(out)
    stats = generate(args.films, out, args.seed, args.questions, args.conflict_rate, args.unanswerable_rate)
    print(f"films: {stats['films']}  documents: {stats['documents']}  words: {stats['words']:,}  "
          f"(~{stats['words'] // 120:,} passages of 120 words)")
    print(f"size: {stats['bytes'] / 1e6:.1f} MB ({stats['bytes']:,} bytes)  conflicts: {stats['conflicts']}  "
          f"gold: {stats['questions']} questions ({stats['unanswerable']} unanswerable)")
    print(f"written to {out} in {stats['seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
