"""Plain questions answered exactly: understand the question as a plan, run its operation.

The understanding is attached to the answer, so the reply says what was understood. A part of
the question the plan could not use — a topic the table does not have, a number that fits
nowhere, another fiscal year, a project name that fits several — is never dropped: the reply
says which part, and offers the closest readings as choices. Never a guess, and never a total
of zero presented as if it were true.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.answers import Answer, Choice, ClarifyAnswer, Headline, Scope
from knowledge.engine import Knowledge
from knowledge.errors import KnowledgeError
from knowledge.normalize import fold, without_surrogates
from knowledge.operations import OPERATIONS
from knowledge.plan import QueryPlan, Unplaced, UnplacedReason
from knowledge.quantities import AmountRange
from knowledge.understand import understand

CHOICES = 5
MAX_QUESTION_CHARS = 500
"""Longer than any question a person types (a chat message is at most 4,000): read no further."""
SHORT_REGION_GUESS = 50.0
LONG_REGION_GUESS = 65.0
MESSAGE_CHARS = 40


def ask(knowledge: Knowledge, question: str) -> Answer:
    """Understand a question and answer it; choices or help when it cannot be placed."""
    question = without_surrogates(question)
    if len(question) > MAX_QUESTION_CHARS:
        return knowledge.help(
            f"質問が長すぎます（{MAX_QUESTION_CHARS}字まで）。短く区切って聞いてください。"
        ).model_copy(update={"question": question})
    plan, understood = understand(question, knowledge)
    answer = _answer(knowledge, plan, question)
    verdict = _verdict(plan.check, answer.headline()) if plan.check else None
    if plan.check_region is not None:
        verdict = _place_verdict(plan.check_region, answer)
    return answer.model_copy(
        update={"question": question, "understood": understood, "verdict": verdict}
    )


def _place_verdict(place: Scope, answer: Answer) -> str | None:
    """はい、日高振興局です: the place checked against where the answer says it is (the
    振興局 a where answer names, or those of the measures a pick or ranking gives)."""
    headline = answer.headline()
    if headline is None:
        return None
    if answer.kind == "where":
        places = headline.items
    else:
        first = answer.results[:1]
        places = [r.subprefecture for r in first] + [r.area for r in first]
        if first and place.name in places:
            return f"はい、{place.full_name}です。"
    if not places:
        return None
    if places == [place.name]:
        return f"はい、{place.full_name}です。"
    if place.name in places:
        return f"はい、{place.full_name}にもあります（ほかにもあります）。"
    return f"いいえ、{place.full_name}ではありません。"


def _verdict(check: AmountRange, headline: Headline | None) -> str | None:
    """はい、8,006千円で「8,000千円超」です: the check answered with the one figure it is about
    (none when the answer has no single amount: a list, a share, a question back)."""
    if headline is None or headline.type not in ("amount", "yen") or len(headline.values) != 1:
        return None
    value = headline.values[0]
    figure = f"{value:,.1f}".removesuffix(".0") + "千円"
    if check.contains(value):
        return f"はい、{figure}で「{check.label()}」に当てはまります。"
    return f"いいえ、{figure}で「{check.label()}」には当てはまりません。"


def _answer(knowledge: Knowledge, plan: QueryPlan, question: str) -> Answer:
    if plan.unplaced:
        return _clarify(knowledge, plan, question)
    try:
        return OPERATIONS[plan.operation].run(knowledge, plan)
    except KnowledgeError as exc:
        return ClarifyAnswer(message=str(exc), choices=[])


def _clarify(knowledge: Knowledge, plan: QueryPlan, question: str) -> Answer:
    """Say plainly which part was not understood, with the closest readings as choices."""
    first = plan.unplaced[0]
    rest = question.replace(first.text, "").strip() if first.text else question
    return _ASK_BACK[first.reason](knowledge, first, question, rest)


def _other_year(knowledge: Knowledge, first: Unplaced, question: str, rest: str) -> Answer:
    label = knowledge.source.fiscal_year or "1つの年度"
    asked = question.replace(first.text, label) if knowledge.source.fiscal_year else rest
    return ClarifyAnswer(
        message=f"この表にあるのは{label}の予算だけです。「{first.text}」の予算は載っていません。",
        choices=[Choice(label=f"{label}で答える", question=asked)] if _meaningful(rest) else [],
    )


def _several_names(_knowledge: Knowledge, first: Unplaced, question: str, _rest: str) -> Answer:
    what = "プロジェクト" if first.reason == "project" else "施策"
    return ClarifyAnswer(
        message=f"どの{what}のことですか？",
        choices=[
            Choice(label=name, question=question.replace(first.text, f"「{name}」"))
            for name in first.suggestions[:CHOICES]
        ],
    )


def _unknown_unit(_knowledge: Knowledge, first: Unplaced, question: str, _rest: str) -> Answer:
    return ClarifyAnswer(
        message=f"「{first.text}」の単位が分かりません（表の単位は千円です）。",
        choices=_unit_choices(first, question),
    )


def _stray_number(_knowledge: Knowledge, first: Unplaced, _question: str, rest: str) -> Answer:
    return ClarifyAnswer(
        message=f"「{first.text}」が何の数か分かりませんでした。言い換えてもらえますか？",
        choices=[Choice(label=f"「{first.text}」を除いて聞く", question=rest)]
        if _meaningful(rest)
        else [],
    )


def _missing_side(_knowledge: Knowledge, first: Unplaced, _question: str, _rest: str) -> Answer:
    return ClarifyAnswer(
        message="何と何を比べる（足す）のか分かりませんでした。地域や施策を2つ挙げてください"
        "（例: 空知と石狩の差は？）。",
        choices=[Choice(label=text, question=text) for text in first.suggestions],
    )


def _not_budget(_knowledge: Knowledge, first: Unplaced, _question: str, _rest: str) -> Answer:
    return ClarifyAnswer(
        message=f"「{first.text}」何が大きいものをお探しですか？"
        "この表で比べられるのは予算額だけです。",
        choices=[Choice(label="予算が一番大きい施策", question="予算が一番大きい施策は？")],
    )


def _earlier_answer(_knowledge: Knowledge, first: Unplaced, _question: str, _rest: str) -> Answer:
    """じゃあその中で道北のは？ asked first: there is no earlier answer to point back to; the
    question without the pointing words is offered."""
    return ClarifyAnswer(
        message=f"「{first.text}」が指す前の答えがありません。"
        "条件を1つの質問にまとめて聞いてください（例: 300万円以上の施策のうち道北のものは？）。",
        choices=[
            Choice(label=text, question=text) for text in first.suggestions if _meaningful(text)
        ],
    )


def _missing_name(_knowledge: Knowledge, _first: Unplaced, _question: str, _rest: str) -> Answer:
    return ClarifyAnswer(
        message="名前にどんな言葉が入っている施策ですか？"
        "言葉を「」で囲んでください（例: 名前に「食」が入っている施策）。",
        choices=[],
    )


def _relative(_knowledge: Knowledge, first: Unplaced, _question: str, _rest: str) -> Answer:
    if first.text.startswith("より"):
        # …より250万以上多い？: a difference checked, said as if it were a budget range
        return ClarifyAnswer(
            message=f"「{first.text}多い」のような、ほかの施策との差の条件にはまだ答えられません。"
            "差を知りたいときは「AとBの差は？」と2つを挙げてください。",
            choices=[],
        )
    region = first.text.removesuffix("より")
    return ClarifyAnswer(
        message=f"「{first.text}」のように、ほかの地域の予算を基準にした条件にはまだ答えられません。"
        "比べるなら2つを挙げてください。",
        choices=[Choice(label=f"{region}と比べる", question=f"{region}と比べて予算が多いのは？")],
    )


def _statistic(knowledge: Knowledge, first: Unplaced, _question: str, _rest: str) -> Answer:
    year = knowledge.source.fiscal_year or ""
    return ClarifyAnswer(
        message=f"この表は{year}予算（千円）の表で、{first.text}の数字はありません。",
        choices=[
            Choice(label=f"「{first.text}」に触れた施策を見る", question=question)
            for question in first.suggestions
        ],
    )


def _other_dimension(_knowledge: Knowledge, first: Unplaced, question: str, _rest: str) -> Answer:
    return ClarifyAnswer(
        message=f"「{first.text}」ごとの内訳はこの表にありません。"
        "分けられるのは連携地域・振興局・プロジェクト・施策ごとです。",
        choices=[
            Choice(label=f"{unit}別の内訳", question=question.replace(first.text, unit, 1))
            for unit in ("振興局", "プロジェクト")
        ],
    )


def _meaningful(text: str) -> bool:
    return bool(fold(text).strip(" 、。？?!！の"))


def _unit_choices(piece: Unplaced, question: str) -> list[Choice]:
    digits = "".join(c for c in piece.text if c.isdigit() or c == ",")
    if not digits:
        return []
    return [
        Choice(label=f"{digits}千円として", question=question.replace(digits, f"{digits}千円", 1)),
        Choice(label=f"{digits}万円として", question=question.replace(digits, f"{digits}万円", 1)),
    ]


def _unknown_topic(knowledge: Knowledge, first: Unplaced, question: str, _rest: str) -> Answer:
    """A topic the table does not have for sure: offer what it could be, or say plainly that it
    is not here."""
    keyword = first.text
    choices = [
        Choice(label=f"「{word}」で聞く", question=question.replace(keyword, word, 1))
        for word in first.suggestions
    ]
    candidates = knowledge.search(keyword)
    if candidates.confidence == "maybe":
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
    asked = _clipped(question.strip()) or keyword
    return knowledge.help(f"「{keyword}」はこの表にありません（「{asked}」にはお答えできません）。")


def _clipped(question: str) -> str:
    """The question as quoted back, cut where a word ends with …, never in the middle of one
    (What is Nemuro's budget divided…, not …divided by Kushi)."""
    if len(question) <= MESSAGE_CHARS:
        return question
    cut = question[: MESSAGE_CHARS - 1]
    if question[MESSAGE_CHARS - 1].isascii() and question[MESSAGE_CHARS - 1].isalnum():
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(" 、,") + "…"


def _region_cutoff(keyword: str) -> float:
    """How close a topic must be to a region's name to be offered as that region: one wrong
    character of two (空地 for 空知) is close; half of a longer word in common is chance."""
    return SHORT_REGION_GUESS if len(fold(keyword)) <= 2 else LONG_REGION_GUESS


AskBack = Callable[[Knowledge, Unplaced, str, str], Answer]
_ASK_BACK: dict[UnplacedReason, AskBack] = {
    "year": _other_year,
    "project": _several_names,
    "measure": _several_names,
    "unit": _unknown_unit,
    "number": _stray_number,
    "amount": _stray_number,
    "sides": _missing_side,
    "superlative": _not_budget,
    "name": _missing_name,
    "earlier": _earlier_answer,
    "relative": _relative,
    "by": _other_dimension,
    "statistic": _statistic,
    "topic": _unknown_topic,
    "together": _unknown_topic,
}
"""How to ask back about each kind of part a plan could not use."""
