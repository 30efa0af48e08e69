"""A claim's subject in an article about a product whose name shows its maker
("Corvane X90"): another organisation that is the claim's grammatical subject
(a customer, a rival) speaks of itself; the maker speaks of its product."""

from __future__ import annotations

TITLE = "Corvane X90 jet delayed again"
BODY = (
    "The Corvane X90 will enter service in 2030, two years late. "
    "Orvia Airlines has had to cancel two routes because of the delay. "
    "Corvane has delayed the X90 again."
)


def _subjects(analyse):
    return {r.text.split()[0]: r.subject.name for r in analyse(BODY, title=TITLE)}


def test_a_customer_that_acts_is_its_own_subject(analyse):
    assert _subjects(analyse)["Orvia"] == "Orvia Airlines"


def test_the_maker_that_acts_speaks_of_its_product(analyse):
    assert _subjects(analyse)["Corvane"] == "Corvane X90"
