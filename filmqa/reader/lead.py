"""The lead: "who is the main character?", "who plays the lead?", "who is the star of X?", "who is the hero?".

Documents rarely say "the main character is ..."; they bill the cast in order. The first-billed star (the
infobox's starring field, else the first credit of the film's longest cast list) is the lead, and the part that
star plays (from any of the film's cast lists) the main character. Both are given, cited from the lists.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .records import full_actor, sentence_at
from .router import Reading

# the lead asked for: a main character or role, the protagonist or hero, the lead or the star (one, not the cast)
LEAD_ASKED = re.compile(
    r"\b(?:main|lead|leading|central|principal|title)\s+(?:character|role|part|protagonist|hero|heroine|actor|actress|star|man|lady|player)\b"
    r"|\b(?:protagonist|hero|heroine)\b|\bwho\s+(?:plays|played|is|was|'s|’s)\s+the\s+(?:lead|star)\b(?!\s+(?:to|up|singer|guitarist|vocalist))"
    r"|\bwho\s+(?:is|was)\s+(?:the\s+)?(?:film|movie)['’]s\s+(?:lead|star)\b", re.I)
# ... and whether the person playing it is asked, rather than the character
_ACTOR_ASKED = re.compile(r"\b(?:actor|actress|star|plays|played|playing|portray\w*|cast|lead)\b(?!\s+(?:character|role|part))", re.I)
_CHARACTER_ASKED = re.compile(r"\b(?:character|protagonist|hero|heroine|role|part)\b", re.I)
_STARRING_LINE = re.compile(r"^\W*(?:starring|stars|main cast)\s*[:|]\s*(?P<v>[^|]+)", re.I)
_ROLE_END = re.compile(r",|\s+[(–—-]\s*|\s+-\s+")


def lead_lookup(qa, kb, reading: Reading):
    """(the lead, supporting sentences) when the question asks for the film's lead, else None."""
    from .knowledge import split_names

    route = reading.route
    q = route.resolved_question
    if not route.film or not LEAD_ASKED.search(q):
        return None
    facts = kb.facts.get(route.film)
    if not facts:
        return None
    support = []
    lead = None
    for doc_id, fld in facts.infobox:
        if fld.key.lower() == "starring":
            names = split_names(fld.value, kb.persons)
            ss = sentence_at(qa, doc_id, fld.start)
            if names and ss:
                lead, support = names[0], [ss]
                break
    if lead is None:
        lead, support = _billed_line(qa, kb, route.film) or (None, [])
    by_doc: dict[str, list] = defaultdict(list)
    for doc_id, c in facts.cast:
        by_doc[doc_id].append(c)
    if lead is None and by_doc:
        doc_id, credits = max(by_doc.items(), key=lambda kv: len(kv[1]))
        ss = sentence_at(qa, doc_id, credits[0].start)
        if ss:
            lead, support = full_actor(credits[0].actor, ss.sentence.text), [ss]
    if lead is None:
        return None
    role = None
    for doc_id, credits in sorted(by_doc.items(), key=lambda kv: -len(kv[1])):
        c = next((c for c in credits if c.actor == lead or lead.endswith(" " + c.actor)), None)
        ss = sentence_at(qa, doc_id, c.start) if c else None
        if c and ss:
            role = _ROLE_END.split(c.role, 1)[0].strip() or None
            if all(s.sentence.start != ss.sentence.start or s.passage.doc_id != ss.passage.doc_id for s in support):
                support.append(ss)
            break
    actor_asked = bool(_ACTOR_ASKED.search(q)) or not _CHARACTER_ASKED.search(q)
    if not role:
        return lead, support
    return (f"{lead} (as {role})" if actor_asked else f"{role} (played by {lead})"), support


def _billed_line(qa, kb, film: str):
    """(first name, [its sentence]) of a fact sheet's "Starring: A, B, C" line in the film's own documents."""
    from .knowledge import split_names

    f = qa.film(film)
    for doc_id in f.doc_ids if f else ():
        doc = qa.document(doc_id)
        if not doc or doc.films[:1] != [film]:
            continue
        for i in qa.passage_range(doc_id):
            for x in qa.passages[i].sentences:
                m = _STARRING_LINE.match(x.text)
                names = split_names(m.group("v").strip(), kb.persons) if m else []
                if len(names) >= 2:
                    ss = sentence_at(qa, doc_id, x.start)
                    if ss:
                        return names[0], [ss]
    return None
