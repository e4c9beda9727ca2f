"""``setsquare new``: render the setsquare template into a new directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import copier
from copier.errors import CopierError
from plumbum import ProcessExecutionError

from setsquare import __version__
from setsquare.commands._copier import is_answer_error
from setsquare.errors import TemplateError, UsageError

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Where `new` takes the template from unless told otherwise. The tag of the
#: installed release is used, so `new` and the bundle rev always match.
TEMPLATE_URL = "https://github.com/setsquare-dev/setsquare.git"


def new(
    *,
    dest: str,
    template: str | None = None,
    vcs_ref: str | None = None,
    data: Mapping[str, str] | None = None,
    defaults: bool = False,
    git_init: bool = True,
) -> int:
    """Render the template into *dest*; return 0, or raise a `SetsquareError`."""
    target = Path(dest)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(
            f"{dest}: already exists and is not an empty directory",
            hint="choose a new directory; to bring an existing project up to standard, "
            "use `setsquare adopt`",
        )
    src = template if template is not None else TEMPLATE_URL
    if _is_local(src) and not Path(src).is_dir():
        raise UsageError(
            f"{src}: no such template directory",
            hint="pass a local checkout of setsquare or a git URL to --template",
        )
    ref = vcs_ref if vcs_ref is not None or template is not None else f"v{__version__}"
    answers = dict(data or {})
    # Copier only prompts on a terminal; without one, missing answers are an error.
    interactive = sys.stdin.isatty() and not defaults
    if not interactive and "project_name" not in answers:
        answers.setdefault("project_name", target.resolve().name)
    try:
        worker = copier.run_copy(
            src,
            target,
            data=answers,
            vcs_ref=ref,
            defaults=not interactive,
            quiet=True,
            unsafe=False,
        )
    except ValueError as error:
        if not is_answer_error(error):
            raise
        raise TemplateError(
            str(error).splitlines()[0],
            hint="pass a valid answer with --data KEY=VALUE",
        ) from error
    except (CopierError, ProcessExecutionError, OSError) as error:
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise TemplateError(
            f"could not render the template from {src} at {ref or 'its latest version'}: "
            f"{first_line}",
            hint="check --template and --vcs-ref; offline, point --template at a local clone",
        ) from error
    project_name = worker.answers.combined.get("project_name", target.name)
    print(f"Created {project_name} in {target}")
    if git_init:
        _git_init(target)
    print("Next steps:")
    print(f"  cd {target}")
    print("  uv sync                      # the project and its dev tools; writes uv.lock")
    print("  uv run pre-commit install    # the quality gate on every commit")
    print('  git add -A && git commit -m "Start from setsquare"')
    return 0


def _is_local(src: str) -> bool:
    """Whether copier would read *src* from the file system rather than clone it."""
    return "://" not in src and not src.startswith(("git@", "gh:", "gl:"))


def _git_init(target: Path) -> None:
    """Make *target* a git repository unless git is missing or it already is in one."""
    git = shutil.which("git")
    if git is None:
        print("note: git was not found; run `git init` yourself before `copier update`")
        return
    inside = subprocess.run(
        [git, "-C", str(target), "rev-parse", "--is-inside-work-tree"],
        capture_output=True,
        check=False,
    )
    if inside.returncode == 0:
        return
    subprocess.run([git, "init", "-q", "-b", "main", str(target)], check=True)
    print("Initialised a git repository (branch main)")
