"""Writing a daily case series in the format tracesim reads (docs/case-data.md):
shared by fetch-cases.py and forecast-cases.py."""
import os
import tempfile


def write_series(path, rows, force):
    """Writes [(date, positives)] as `date,positives` to `path`, through a temporary file
    renamed into place, so the file is never half-written. Refuses to replace an existing
    file unless `force` (FileExistsError)."""
    if os.path.exists(path) and not force:
        raise FileExistsError(f"{path} exists; add --force to replace it")
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".case-series-", dir=folder)
    try:
        with os.fdopen(fd, "w", newline="") as out:
            out.write("date,positives\n")
            for day, positives in rows:
                out.write(f"{day.isoformat()},{positives}\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
