"""Writing the helper scripts' output files whole or not at all: shared by fetch-cases.py,
forecast-cases.py and backlog-from-snapshot.py."""
import os
import tempfile


def write_text(path, text, force):
    """Writes `text` to `path` through a temporary file renamed into place, so the file is
    never half-written. Refuses to replace an existing file unless `force`
    (FileExistsError)."""
    if os.path.exists(path) and not force:
        raise FileExistsError(f"{path} exists; add --force to replace it")
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tracesim-", dir=folder)
    try:
        with os.fdopen(fd, "w", newline="") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def write_series(path, rows, force):
    """A daily case series [(date, positives)] in the format tracesim reads
    (`date,positives`, docs/case-data.md)."""
    write_text(path, "date,positives\n" + "".join(f"{day.isoformat()},{n}\n" for day, n in rows), force)
