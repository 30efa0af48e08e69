"""claimx.leanspacy: a run imports spaCy without its command line, and spaCy still works whole.

Each check runs in a fresh interpreter: the test session imported spaCy long before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _python(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return done.stdout.strip()


def test_loading_the_pipeline_leaves_spacy_cli_unimported():
    out = _python(
        "import sys\n"
        "from claimx.nlp import load_nlp\n"
        "nlp = load_nlp()\n"
        "doc = nlp('The board said it will probably approve the plan.')\n"
        "print(len(doc) > 0, 'spacy.cli' in sys.modules, 'spacy.cli.info' in sys.modules)\n"
    )
    assert out == "True False False"


def test_spacy_cli_and_info_still_import_when_asked_for():
    out = _python(
        "import sys\n"
        "from claimx.leanspacy import import_spacy\n"
        "spacy = import_spacy()\n"
        "import spacy.cli\n"
        "from spacy.cli.info import info\n"
        "print(hasattr(spacy.cli, 'download'), spacy.info(silent=True)['spacy_version'] == spacy.__version__,"
        " info is sys.modules['spacy.cli.info'].info)\n"
    )
    assert out == "True True True"


def test_spacy_imported_before_is_returned_as_it_is():
    out = _python(
        "import spacy, sys\n"
        "from claimx.leanspacy import import_spacy\n"
        "print(import_spacy() is spacy, 'spacy.cli' in sys.modules)\n"
    )
    assert out == "True True"
