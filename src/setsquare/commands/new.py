"""``setsquare new``: render the setsquare template into a new directory.

The project is rendered into a hidden sibling of DEST and moved into place only
once it is complete, so an answer refused late, a full disk, Ctrl-C or SIGTERM
leaves DEST as it was: absent, or the empty folder it was.
"""

from __future__ import annotations

import errno
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copier.errors import CopierError
from plumbum import ProcessExecutionError

from setsquare import __version__
from setsquare.commands._answers import check_answers
from setsquare.commands._copier import Worker, is_answer_error, unknown_revision
from setsquare.errors import SetsquareError, TemplateError, UsageError

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Where `new` takes the template from unless told otherwise. The tag of the
#: installed release is used, so `new` and the bundle rev always match.
TEMPLATE_URL = "https://github.com/setsquare-dev/setsquare.git"

#: The infix of the folder a project is rendered in before it is moved to DEST.
STAGING_INFIX = ".setsquare-new-"

# Write failures that are about the destination's file system, not the template.
_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})


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
    _check_destination(target, dest)
    src = template if template is not None else TEMPLATE_URL
    if _is_local(src) and not Path(src).is_dir():
        problem = (
            "is a file, not a template folder"
            if Path(src).exists()
            else "no such template directory"
        )
        raise UsageError(
            f"{src}: {problem}",
            hint="pass a local checkout of setsquare or a git URL to --template",
        )
    ref = vcs_ref if vcs_ref is not None or template is not None else f"v{__version__}"
    final = target.resolve()
    given = dict(data or {})
    answers: dict[str, Any] = dict(given)
    user_defaults: dict[str, Any] = {}
    # Copier only prompts on a terminal; without one, missing answers are an error.
    interactive = sys.stdin.isatty() and not defaults
    # The template derives project_name from the folder it renders into, which
    # is the staging folder: name DEST instead. Given as an answer it is
    # validated; as a default it is only offered at the prompt.
    if "project_name" not in answers:
        (user_defaults if interactive else answers)["project_name"] = final.name
    created = _make_parents(final.parent, dest)
    staging: Path | None = None
    try:
        staging = _make_staging(final, dest)
        worker = _render(src, ref, staging, answers, user_defaults, given, interactive, dest)
        _move_into_place(staging, final, dest)
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                break
        raise
    project_name = worker.answers.combined.get("project_name", final.name)
    print(f"Created {project_name} in {target}")
    if git_init:
        _git_init(final)
    print("Next steps:")
    print(f"  cd {target}")
    print("  uv sync                      # the project and its dev tools; writes uv.lock")
    print("  uv run pre-commit install    # the quality gate on every commit")
    print('  git add -A && git commit -m "Start from setsquare"')
    return 0


def _check_destination(target: Path, dest: str) -> None:
    hint = (
        "choose a new directory; to bring an existing project up to standard, use `setsquare adopt`"
    )
    if target.is_symlink() and not target.exists():
        raise UsageError(
            f"{dest}: a symbolic link to nothing", hint="remove it, or choose another DEST"
        )
    if target.exists():
        if not target.is_dir():
            raise UsageError(f"{dest}: is a file, not a folder", hint=hint)
        try:
            empty = not any(target.iterdir())
        except OSError as error:
            problem = f"{dest}: cannot read the folder ({error.strerror})"
            raise UsageError(problem, hint=hint) from error
        if not empty:
            raise UsageError(f"{dest}: already exists and is not an empty directory", hint=hint)
        return
    for parent in target.absolute().parents:
        if parent.exists() or parent.is_symlink():
            if not parent.is_dir():
                raise UsageError(
                    f"{dest}: {parent} is a file, not a folder",
                    hint="choose a DEST whose parent folders are folders",
                )
            return


def _make_parents(parent: Path, dest: str) -> list[Path]:
    """Create the missing folders above DEST; return them, outermost first, to undo."""
    missing = [folder for folder in (parent, *parent.parents) if not folder.exists()]
    created: list[Path] = []
    try:
        for folder in reversed(missing):
            folder.mkdir()
            created.append(folder)
    except OSError as error:
        for folder in reversed(created):
            folder.rmdir()
        raise UsageError(
            f"{dest}: cannot create {error.filename or parent} ({error.strerror})",
            hint="choose a DEST in a folder you can write to",
        ) from error
    return created


def _make_staging(final: Path, dest: str) -> Path:
    """A new empty sibling of *final*: same file system, so the final move is a rename."""
    for _ in range(100):
        staging = final.parent / f".{final.name}{STAGING_INFIX}{secrets.token_hex(4)}"
        try:
            staging.mkdir()
        except FileExistsError:
            continue
        except OSError as error:
            raise UsageError(
                f"{dest}: cannot create a folder in {final.parent} ({error.strerror})",
                hint="`setsquare new` renders beside DEST, then moves the project in; "
                "choose a DEST in a folder you can write to",
            ) from error
        return staging
    raise UsageError(
        f"{dest}: could not find a free name for a folder in {final.parent}",
        hint=f"remove the `.{final.name}{STAGING_INFIX}*` folders there",
    )


def _render(
    src: str,
    ref: str | None,
    staging: Path,
    answers: dict[str, Any],
    user_defaults: dict[str, Any],
    given: Mapping[str, str],
    interactive: bool,
    dest: str,
) -> Worker:
    """Copier's copy into *staging*, with the answers checked first; its failures mapped."""
    where = f"{src} at {ref or 'its latest version'}"
    try:
        with Worker(
            src_path=src,
            dst_path=staging,
            data=answers,
            vcs_ref=ref,
            defaults=not interactive,
            user_defaults=user_defaults,
            quiet=True,
            unsafe=False,
        ) as worker:
            check_answers(worker.template.questions_data, given)
            worker.run_copy()
    except (SetsquareError, KeyboardInterrupt):
        # Copier's own Ctrl-C at a prompt is a CopierError too: it must stay an interrupt.
        raise
    except ValueError as error:
        missing = unknown_revision(error)
        if missing is not None:
            raise TemplateError(
                f"{src}: no tag, branch or commit `{missing}`",
                hint="check --vcs-ref; `git ls-remote --tags SRC` lists the template's releases",
            ) from error
        if not is_answer_error(error):
            raise
        raise TemplateError(
            str(error).splitlines()[0],
            hint="pass a valid answer with --data KEY=VALUE",
        ) from error
    except OSError as error:
        if error.errno in _DISK_ERRNOS and _under(error.filename, staging):
            raise UsageError(
                f"{dest}: could not write the project ({(error.strerror or '').lower()})",
                hint="free some disk space or choose a folder you can write to; "
                "nothing was written",
            ) from error
        raise _render_error(where, error) from error
    except (CopierError, ProcessExecutionError) as error:
        raise _render_error(where, error) from error
    return worker


def _render_error(where: str, error: Exception) -> TemplateError:
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return TemplateError(
        f"could not render the template from {where}: {first_line}",
        hint="check --template and --vcs-ref; offline, point --template at a local clone",
    )


def _under(filename: object, folder: Path) -> bool:
    return isinstance(filename, str) and Path(filename).is_relative_to(folder)


def _move_into_place(staging: Path, final: Path, dest: str) -> None:
    try:
        if not final.exists():
            staging.replace(final)
            return
        # DEST is an empty folder. Renaming the project onto it would work too, but
        # a shell sitting in it (`mkdir demo && cd demo && setsquare new .`) would
        # be left in a deleted folder: move the entries in instead, each a rename.
        moved: list[Path] = []
        try:
            for entry in sorted(staging.iterdir()):
                target = final / entry.name
                if target.exists() or target.is_symlink():
                    raise FileExistsError(errno.EEXIST, "appeared while rendering", str(target))
                entry.rename(target)
                moved.append(target)
        except BaseException:
            for target in reversed(moved):
                target.rename(staging / target.name)
            raise
        staging.rmdir()
    except OSError as error:
        raise UsageError(
            f"{dest}: could not move the project into place ({error.strerror})",
            hint="make sure nothing else writes to DEST while `setsquare new` runs; "
            "DEST was left as it was",
        ) from error


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
