"""Plain questions answered exactly: understand the question, run the one query it asks for.

The understanding (knowledge/understand.py) is attached to the answer, so the reply can say
what was understood. A question that could mean several things gets choices, and a question
about something the table does not have says so with suggestions: never a guess, and never a
total of zero presented as if it were true.
"""

from __future__ import annotations

from knowledge.answers import Answer, Choice, ClarifyAnswer, Understanding
from knowledge.engine import DEFAULT_TOP, Knowledge
from knowledge.normalize import fold, without_surrogates
from knowledge.understand import understand

CHOICES = 5
SHORT_REGION_GUESS = 50.0
LONG_REGION_GUESS = 65.0
MESSAGE_CHARS = 40


def ask(knowledge: Knowledge, question: str) -> Answer:
    """Understand a question and answer it; choices or help when it cannot be placed."""
    question = without_surrogates(question)
    understood = understand(question, knowledge.regions, knowledge.project_names)
    answer = _answer(knowledge, understood, question)
    return answer.model_copy(update={"question": question, "understood": understood})


def _answer(knowledge: Knowledge, u: Understanding, question: str) -> Answer:  # noqa: PLR0911 - one return per intent
    region = u.regions[0].full_name if u.regions else None
    if u.project_candidates:
        return ClarifyAnswer(
            message="どのプロジェクトのことですか？",
            choices=[
                Choice(label=name, question=f"「{name}」の予算合計は？")
                for name in u.project_candidates[:CHOICES]
            ],
        )
    if u.intent == "help":
        return knowledge.help()
    if u.intent == "about":
        return knowledge.about()
    if u.intent == "compare":
        return knowledge.compare([r.full_name for r in u.regions])
    if u.intent == "rank":
        return knowledge.top(
            u.n or DEFAULT_TOP, by=u.by or "measure", order=u.order or "largest", region=region
        )
    if u.intent == "search" or (u.intent == "list" and u.keyword):
        return _search(knowledge, u, question)
    if u.intent == "list":
        return knowledge.listing(region)
    if u.keyword:
        total = knowledge.total(region, keyword=u.keyword)
        if not total.count:
            return _nothing_sure(knowledge, u, question)
        if u.intent in ("count", "average", "median"):
            return knowledge.stats(u.intent, region, keyword=u.keyword)
        return total
    if u.intent in ("count", "average", "median"):
        return knowledge.stats(u.intent, region, project=u.project)
    return knowledge.total(region, project=u.project)


def _search(knowledge: Knowledge, u: Understanding, question: str) -> Answer:
    words = " ".join([u.keyword or "", *(r.full_name for r in u.regions)]).strip()
    found = knowledge.search(words or question)
    if found.confidence != "none":
        return found
    return _nothing_sure(knowledge, u, question)


def _nothing_sure(knowledge: Knowledge, u: Understanding, question: str) -> Answer:
    """No sure match for the topic: offer what it could be, or say plainly that it is not here."""
    keyword = u.keyword or question
    asked_total = u.intent not in ("search", "list")
    choices = [
        Choice(label=f"{word}の予算合計", question=f"{word}の予算合計は？")
        if asked_total
        else Choice(label=f"{word}を検索", question=word)
        for word in knowledge.index.suggest_words(keyword)
    ]
    candidates = knowledge.search(keyword)
    if candidates.confidence == "maybe" and asked_total:
        choices.append(Choice(label=f"「{keyword}」に近い施策を見る", question=keyword))
    choices.extend(
        Choice(label=f"{name}の予算合計", question=f"{name}の予算合計は？")
        for name in knowledge.regions.suggest(keyword, cutoff=_region_cutoff(keyword))
    )
    if choices:
        return ClarifyAnswer(
            message=f"「{keyword}」にぴったり当てはまる地域や施策はありません。もしかして:",
            choices=choices[:CHOICES],
        )
    asked = question.strip()[:MESSAGE_CHARS] or keyword
    return knowledge.help(f"「{asked}」に当てはまる地域や施策は見つかりませんでした。")


def _region_cutoff(keyword: str) -> float:
    """How close a topic must be to a region's name to be offered as that region: one wrong
    character of two (空地 for 空知) is close; half of a longer word in common is chance."""
    return SHORT_REGION_GUESS if len(fold(keyword)) <= 2 else LONG_REGION_GUESS
