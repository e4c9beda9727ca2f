"""A template repository with a release history, and the edits users and bots make.

`make_template_history` builds a git repository of the template at three
releases: `OLD_TAG` and `MID_TAG`, older states derived from the checkout with
the kinds of differences real releases have (a question added, a file added
and one dropped, newer tool pins and action SHAs, a larger CI matrix, a rule
added to the Ruff selection, pytest's ini-style table, no uv cooldown, no update
workflow, no `docs`, `versioning` or `ci` question, no lowest-direct CI job,
no Markdown in the ruff-format hook), and `NEW_TAG`, the checkout as it is.

The derivation edits the template by anchors. When a template change removes an
anchor, the builder fails and names it: adapt the older state to the new
template rather than dropping the difference.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING, Any

from setsquare import __version__
from tests.helpers import REPO_ROOT, run, tracked_files

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

OLD_TAG = "v0.0.1"
MID_TAG = "v0.0.2"
NEW_TAG = f"v{__version__}"

#: Questions only `NEW_TAG` asks. Copier puts every `--data` key in the render
#: context, asked or not, so a project made from an older release is rendered
#: without them (see `old_answers`), as a real one made back then would be.
NEW_QUESTIONS = {"docs", "versioning", "ci"}

#: A synthetic SHA for the older releases' actions/checkout pin (tests only).
OLD_CHECKOUT = "1111111111111111111111111111111111111111 # v6.0.0"
#: A synthetic newer setup-uv pin, as a bot would write it (tests only).
BOT_SETUP_UV = "2222222222222222222222222222222222222222 # v10.9.9"

_CHECKOUT_PIN = re.compile(r"(actions/checkout@)[0-9a-f]{40} # v[0-9.]+")
_SETUP_UV_PIN = re.compile(r"(astral-sh/setup-uv@)[0-9a-f]{40} # v[0-9.]+")


def _sub(path: Path, pattern: str, replacement: str, *, count: int = 0) -> None:
    """Replace *pattern* (a multiline regex) in *path*; fail when it does not occur."""
    text = path.read_text(encoding="utf-8")
    new, found = re.subn(pattern, replacement, text, count=count, flags=re.MULTILINE)
    if not found:
        msg = f"{path}: anchor {pattern!r} not found; adapt tests/template/update_history.py"
        raise AssertionError(msg)
    path.write_text(new, encoding="utf-8")


# Each function undoes, in a template checkout, one change a release made.


def _before_github_owner(root: Path) -> None:
    # The question did not exist: the URLs used the project name as the owner.
    _sub(root / "copier.yml", r"^github_owner:\n(?:  .*\n)+\n?", "")
    for path in sorted((root / "template").rglob("*")):
        if path.is_file() and "{{ github_owner }}" in path.read_text(encoding="utf-8"):
            _sub(path, r"\{\{ github_owner \}\}", "{{ project_name }}")


def _before_contributing(root: Path) -> None:
    (root / "template" / "CONTRIBUTING.md.jinja").unlink()


def _before_dropping_requirements(root: Path) -> None:
    (root / "template" / "requirements-dev.txt").write_text(
        "# For tools that cannot read dependency groups yet.\npytest>=8\n", encoding="utf-8"
    )


def _before_tool_bump(root: Path) -> None:
    pyproject = root / "template" / "pyproject.toml.jinja"
    _sub(pyproject, r'"ruff==[^"]+"', '"ruff==0.17.0"')
    _sub(pyproject, r'"mypy==[^"]+"', '"mypy==2.3.0"')


def _before_pgh(root: Path) -> None:
    _sub(root / "template" / "pyproject.toml.jinja", r'^ *"PGH",.*\n', "")


def _before_checkout_bump(root: Path) -> None:
    for path in sorted((root / "template" / ".github" / "workflows").iterdir()):
        _sub(path, _CHECKOUT_PIN.pattern, rf"\g<1>{OLD_CHECKOUT}")


def _before_os_matrix(root: Path) -> None:
    _sub(
        root / "template" / ".github" / "workflows" / "test.yml.jinja",
        r"os: \[ubuntu-latest, macos-latest, windows-latest\]",
        "os: [ubuntu-latest]",
    )


def _before_docs_pages_actions(root: Path) -> None:
    # With the docs question came the Pages actions, ignored only when docs are on,
    # which made dependabot.yml a Jinja template.
    github = root / "template" / ".github"
    _sub(github / "dependabot.yml.jinja", r"^\{%- if docs %\}\n.*\n\{%- endif %\}\n", "")
    (github / "dependabot.yml.jinja").rename(github / "dependabot.yml")


def _before_bot_ignores(root: Path) -> None:
    # The bot was not yet told to leave the template's actions alone.
    _sub(
        root / "template" / ".github" / "dependabot.yml",
        r"^    ignore:\n(?:      - dependency-name: [a-z-]+/.*\n)+",
        "",
        count=1,
    )


def _before_native_pytest(root: Path) -> None:
    _sub(
        root / "template" / "pyproject.toml.jinja",
        r"^# pytest 9's own table.*\n(?:#.*\n)*\[tool\.pytest\]\n"
        r"(?P<head>minversion.*\ntestpaths.*\n)"
        r'addopts = \["-ra", (?P<cov>.*)\]\nstrict = true\n',
        r"[tool.pytest.ini_options]\n\g<head>"
        r'addopts = ["-ra", "--strict-markers", "--strict-config", \g<cov>]\n'
        r"xfail_strict = true\n",
    )


def _before_exclude_newer(root: Path) -> None:
    _sub(
        root / "template" / "pyproject.toml.jinja",
        r"^\n\[tool\.uv\]\n(?:#.*\n)*exclude-newer.*\n",
        "",
    )


def _before_update_workflow(root: Path) -> None:
    (root / "template" / ".github" / "workflows" / "template-update.yml").unlink()


def _before_docs(root: Path) -> None:
    # The question and its files did not exist; the `{% if docs %}` blocks left in the
    # other files render as off, since Copier's Jinja treats an unknown name as false.
    _sub(root / "copier.yml", r"^\ndocs:\n(?:  .*\n)+", "")
    shutil.rmtree(root / "template" / "{% if docs %}docs{% endif %}")
    workflows = root / "template" / ".github" / "workflows"
    (workflows / "{% if docs %}docs.yml{% endif %}.jinja").unlink()


def _before_versioning(root: Path) -> None:
    # The question did not exist; the `versioning == "vcs"` blocks render as static.
    _sub(root / "copier.yml", r"^\nversioning:\n(?:  .*\n)+", "")


def _before_ci(root: Path) -> None:
    # The question, its exclusion of .github/ and .gitlab-ci.yml did not exist; the
    # `ci == "gitlab"` blocks left in the other files render as GitHub.
    _sub(
        root / "copier.yml",
        r"^# With ci=gitlab the project gets.*\n(?:#.*\n)*_exclude:\n(?:  .*\n)+",
        "",
    )
    _sub(root / "copier.yml", r"^\nci:\n(?:  .*\n)+", "")
    (root / "template" / "{% if ci == 'gitlab' %}.gitlab-ci.yml{% endif %}.jinja").unlink()


def _before_lowest_direct(root: Path) -> None:
    # The test workflow had no job for the lowest direct dependencies.
    path = root / "template" / ".github" / "workflows" / "test.yml.jinja"
    _sub(
        path,
        r"^  # The lower bounds in pyproject.toml(?:.*\n)*?(?=  # One required status check)",
        "",
    )
    _sub(path, r"needs: \[test, lowest\]", "needs: [test]")
    _sub(
        path,
        r"^      - name: Check the results\n(?:.*\n){4}",
        "      - name: Check the matrix result\n        env:\n"
        "          RESULT: ${{ needs.test.result }}\n"
        '        run: test "$RESULT" = success\n',
    )


def _before_markdown_format(root: Path) -> None:
    # The ruff-format hook kept the bundle's file types: no Markdown.
    _sub(
        root / "template" / ".pre-commit-config.yaml.jinja",
        r"^(      - id: ruff-format\n)(?:        .*\n)+",
        r"\g<1>",
    )


def _before_explicit_attestations(root: Path) -> None:
    # The publish step relied on the action's default for attestations.
    workflows = root / "template" / ".github" / "workflows"
    (release,) = workflows.glob("*release.yml*")
    _sub(
        release,
        r"^(      - uses: pypa/gh-action-pypi-publish@.*\n)        with:\n(?:          .*\n)+",
        r"\g<1>",
    )


#: The release that made each change; a state before it has the change undone.
_CHANGES: list[tuple[str, Callable[[Path], None]]] = [
    (MID_TAG, _before_github_owner),
    (MID_TAG, _before_contributing),
    (NEW_TAG, _before_dropping_requirements),
    (NEW_TAG, _before_tool_bump),
    (NEW_TAG, _before_pgh),
    (NEW_TAG, _before_checkout_bump),
    (NEW_TAG, _before_os_matrix),
    # Undone in this order: the later change to the same file first.
    (NEW_TAG, _before_docs_pages_actions),
    (NEW_TAG, _before_bot_ignores),
    (NEW_TAG, _before_native_pytest),
    (NEW_TAG, _before_exclude_newer),
    (NEW_TAG, _before_update_workflow),
    (NEW_TAG, _before_docs),
    (NEW_TAG, _before_versioning),
    (NEW_TAG, _before_ci),
    (NEW_TAG, _before_lowest_direct),
    (NEW_TAG, _before_markdown_format),
    (NEW_TAG, _before_explicit_attestations),
]
_ORDER = [OLD_TAG, MID_TAG, NEW_TAG]


def _state_of(root: Path, tag: str) -> None:
    """Turn the template checkout in *root* into the release *tag*."""
    _sub(
        root / "copier.yml",
        r'^(setsquare_version:\n(?:  .*\n)*?  default: )"[^"]*"',
        rf'\g<1>"{tag[1:]}"',
    )
    for made_in, undo in _CHANGES:
        if _ORDER.index(made_in) > _ORDER.index(tag):
            undo(root)


def old_answers(data: dict[str, Any]) -> dict[str, Any]:
    """*data* without the answers to questions the older releases do not ask."""
    return {name: value for name, value in data.items() if name not in NEW_QUESTIONS}


def _copy_checkout(dest: Path) -> None:
    for child in dest.iterdir():
        if child.name != ".git":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    for name in tracked_files(REPO_ROOT):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, target)


def make_template_history(dest: Path) -> Path:
    """A git repository of the template, one commit and tag per release, oldest first."""
    dest.mkdir(parents=True)
    run(["git", "init", "-q", "-b", "main"], dest)
    for tag in _ORDER:
        _copy_checkout(dest)
        if tag != NEW_TAG:
            _state_of(dest, tag)
        run(["git", "add", "-A"], dest)
        run(["git", "commit", "-q", "-m", f"release {tag}"], dest)
        run(["git", "tag", tag], dest)
    return dest


# Edits made in a project between two updates. Each takes the project root and
# works on a render of either release, so the expected result of an update is
# a fresh render of the new release with the same edits applied.


def add_dependency(root: Path) -> None:
    _sub(
        root / "pyproject.toml",
        r"^dependencies = \[\]$",
        'dependencies = [\n  "requests>=2.32",\n]',
    )


def add_ruff_ignore(root: Path) -> None:
    path = root / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    lint = text.index("[tool.ruff.lint]\n")
    at = text.index("ignore = [\n", lint) + len("ignore = [\n")
    path.write_text(
        text[:at] + '  "E501",  # long URLs in docstrings\n' + text[at:], encoding="utf-8"
    )


def change_description(root: Path) -> None:
    _sub(
        root / "pyproject.toml",
        r"^description = .*$",
        'description = "Widgets, now with sprockets."',
        count=1,
    )


def add_workflow(root: Path) -> None:
    (root / ".github" / "workflows" / "docs.yml").write_text(
        "name: Docs\n\non: [push]\n\npermissions: {}\n\njobs:\n  docs:\n"
        "    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n"
        "      - run: echo docs\n",
        encoding="utf-8",
    )


def bot_bumps_bundle_rev(root: Path) -> None:
    """`pre-commit autoupdate` moves the bundle to its newest release."""
    _sub(root / ".pre-commit-config.yaml", r"^(    rev: )v[0-9.]+$", rf"\g<1>{NEW_TAG}")


def bot_bumps_checkout(root: Path) -> None:
    """A bot moves actions/checkout to the pin of the newest template release."""
    current = (REPO_ROOT / "template" / ".github" / "workflows" / "lint.yml").read_text(
        encoding="utf-8"
    )
    match = _CHECKOUT_PIN.search(current)
    assert match is not None
    _sub(root / ".github" / "workflows" / "lint.yml", _CHECKOUT_PIN.pattern, match.group(0))


def bot_bumps_setup_uv(root: Path) -> None:
    """A bot moves astral-sh/setup-uv past the pin either release has."""
    _sub(
        root / ".github" / "workflows" / "lint.yml", _SETUP_UV_PIN.pattern, rf"\g<1>{BOT_SETUP_UV}"
    )


USER_EDITS: list[Callable[[Path], None]] = [
    add_dependency,
    add_ruff_ignore,
    change_description,
    add_workflow,
]
BOT_EDITS: list[Callable[[Path], None]] = [
    bot_bumps_bundle_rev,
    bot_bumps_checkout,
    bot_bumps_setup_uv,
]
