"""Who quoted, who paraphrased, who left a statement out."""

from __future__ import annotations

from digest.group.coverage import ABSENT, PARAPHRASED, QUOTED, coverage
from digest.models import Article, Quote, QuoteCluster, Span


def _article(source: str, text: str) -> Article:
    return Article(id=source, path=f"{source}.txt", text=text, body=(Span(0, len(text)),), title=source)


def test_quoted_paraphrased_and_absent() -> None:
    quoting = _article("a", "The minister said: “The port will reopen on Monday after the strike ends.”")
    paraphrasing = _article("b", "The minister said the port would reopen Monday once the strike ended. Talks went on.")
    silent = _article("c", "Football results from the weekend: the home side won again in the capital.")
    start = quoting.text.index("The port")
    quote = Quote(id="q1", source="a", text=quoting.text[start:-1], start=start, end=len(quoting.text) - 1)
    cluster = QuoteCluster(id="c1", storyline="s", canonical="q1", quotes=("q1",))
    found = coverage([cluster], {"q1": quote}, [quoting, paraphrasing, silent])
    assert found == {("c1", "a"): QUOTED, ("c1", "b"): PARAPHRASED, ("c1", "c"): ABSENT}


def test_short_statements_are_never_called_paraphrased() -> None:
    quoting = _article("a", "He called it “unacceptable” on Monday.")
    other = _article("b", "Unions called the plan unacceptable.")
    start = quoting.text.index("unacceptable")
    quote = Quote(id="q1", source="a", text="unacceptable", start=start, end=start + 12)
    cluster = QuoteCluster(id="c1", storyline="s", canonical="q1", quotes=("q1",))
    assert coverage([cluster], {"q1": quote}, [quoting, other])[("c1", "b")] == ABSENT
