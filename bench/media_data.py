"""The data sets of issue 16's cells, made once and kept in the bench cache folder.

    python bench/media_data.py [--photos 200] [--grid 2000]

- ``photos/``: 200 phone-size JPEGs, 4000x3000 at quality 90, with the EXIF a phone writes
  (Make, Model, DateTime, DateTimeOriginal, Orientation: about one in four is 6, a photo taken
  upright), 2-4 MB each: a blurred scene of gradients and shapes under luminance noise (a
  smooth picture would be a few hundred KB, pure noise over 10 MB; sensor noise is what makes
  a phone's JPEG big).
- ``grid/``: a folder of 2,000 photos, hard links to those 200 (no disk cost, each a file of
  its own with its own thumbnail).
- ``download-1mib.bin``: 1 MiB of random bytes, the download measured beside thumbnailing.
- ``tree/``: 100,000 empty files in 100 folders of 1,000, three levels deep (10 x 10 folders),
  named like a real share; some names hold the words the search cell looks for.

The cache folder is ``$PIER_BENCH_CACHE``, else ``$XDG_CACHE_HOME/pier-bench`` (by default
``~/.cache/pier-bench``); shared by every checkout, never inside the repository. Each set is
made again only when its stamp file (what was asked for) is missing or differs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PHOTO_SIZE = (4000, 3000)
PHOTO_QUALITY = 90
PHOTOS, GRID_PHOTOS = 200, 2000
TREE_SHAPE = (10, 10, 1000)  # top folders, folders in each, files in each of those
# the search cell's words: how often each is in a file name of the tree (1 in N)
RARE_WORD, RARE_EVERY = "holiday", 500  # 200 matches spread over the whole tree
COMMON_WORD, COMMON_EVERY = "scan", 20  # 5,000 matches: the 1,000-result cap applies
MISSING_WORD = "zebracorn"  # in no name: the whole tree is walked for nothing
DOWNLOAD = "download-1mib.bin"


def cache_dir() -> Path:
    if explicit := os.environ.get("PIER_BENCH_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pier-bench"


def _fresh(folder: Path, stamp: dict) -> bool:
    """Whether ``folder`` holds a complete set made for ``stamp``."""
    try:
        return json.loads((folder / ".made.json").read_text()) == stamp
    except (OSError, ValueError):
        return False


def _mark(folder: Path, stamp: dict) -> None:
    (folder / ".made.json").write_text(json.dumps(stamp))


# ---- phone photos ---------------------------------------------------------------------------

def phone_photo(seed: int):  # -> PIL.Image.Image, with its EXIF in .info["exif"]
    """A 4000x3000 scene: sky gradient, blurred shapes, luminance noise of sigma 4-7."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    rnd = random.Random(seed)
    width, height = PHOTO_SIZE
    small = Image.new("RGB", (width // 10, height // 10))
    draw = ImageDraw.Draw(small)
    top = tuple(rnd.randrange(256) for _ in range(3))
    bottom = tuple(rnd.randrange(256) for _ in range(3))
    for y in range(small.height):
        t = y / (small.height - 1)
        draw.line([(0, y), (small.width - 1, y)],
                  fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for _ in range(60):
        x, y, r = rnd.randrange(small.width), rnd.randrange(small.height), rnd.randrange(5, 80)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        shape = draw.ellipse if rnd.random() < 0.5 else draw.rectangle
        shape([x - r, y - r // 2, x + r, y + r], fill=colour)
    scene = small.filter(ImageFilter.GaussianBlur(2)).resize(PHOTO_SIZE, Image.BICUBIC)
    noise = Image.effect_noise(PHOTO_SIZE, rnd.uniform(4.0, 7.0))  # grey, centred on 128
    return ImageChops.add(scene, Image.merge("RGB", (noise, noise, noise)), offset=-128)


def phone_exif(seed: int):  # -> PIL.Image.Exif
    from PIL import Image

    rnd = random.Random(seed)
    exif = Image.Exif()
    when = time.strftime("%Y:%m:%d %H:%M:%S",
                         time.gmtime(1_700_000_000 + seed * 3_607 + rnd.randrange(3600)))
    exif[0x010F] = "BenchPhone"  # Make
    exif[0x0110] = "BP-12 Pro"  # Model
    exif[0x0132] = when  # DateTime
    exif[0x0112] = 6 if rnd.random() < 0.25 else 1  # Orientation
    sub = exif.get_ifd(0x8769)  # the Exif IFD
    sub[0x9003] = when  # DateTimeOriginal
    sub[0x829A] = (1, 120)  # ExposureTime
    sub[0x8827] = 100  # ISOSpeedRatings
    return exif


def make_photos(folder: Path, count: int, progress: Callable[[str], None]) -> list[Path]:
    stamp = {"count": count, "size": list(PHOTO_SIZE), "quality": PHOTO_QUALITY, "version": 1}
    names = [f"IMG_{i + 1:04d}.jpg" for i in range(count)]
    if not _fresh(folder, stamp):
        folder.mkdir(parents=True, exist_ok=True)
        began = time.monotonic()
        for i, name in enumerate(names):
            phone_photo(i).save(folder / name, "JPEG", quality=PHOTO_QUALITY,
                                exif=phone_exif(i))
            if i % 25 == 24:
                progress(f"  photos: {i + 1}/{count} ({time.monotonic() - began:.0f} s)")
        _mark(folder, stamp)
    return [folder / name for name in names]


def make_grid(folder: Path, photos: list[Path], count: int) -> list[Path]:
    """``count`` hard links to ``photos`` (cycled) in one folder."""
    stamp = {"count": count, "photos": len(photos), "of": str(photos[0].parent),
             "inodes": [photos[0].stat().st_ino, photos[-1].stat().st_ino], "version": 1}
    names = [f"DSC_{i + 1:05d}.jpg" for i in range(count)]
    if not _fresh(folder, stamp):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.jpg"):
            old.unlink()
        for i, name in enumerate(names):
            os.link(photos[i % len(photos)], folder / name)
        _mark(folder, stamp)
    return [folder / name for name in names]


def make_download(path: Path, size: int = 2**20) -> Path:
    """The file the downloads are measured with (1 MiB of random bytes)."""
    if not path.is_file() or path.stat().st_size != size:
        path.write_bytes(os.urandom(size))
    return path


# ---- the search tree ------------------------------------------------------------------------

STEMS = ("IMG_2024{:04d}", "report-{:04d}", "invoice {:04d}", "Café menu {:04d}",
         "notes_{:04d}", "song {:04d}", "backup-{:04d}", "draft {:04d}")
EXTENSIONS = (".jpg", ".pdf", ".txt", ".mp3", ".docx", ".png", ".zip", ".md")


def tree_name(n: int) -> str:
    """The name of the n-th file of the tree: rare and common words at fixed strides."""
    stem = STEMS[n % len(STEMS)].format(n % 10_000) + EXTENSIONS[(n // 7) % len(EXTENSIONS)]
    if n % RARE_EVERY == RARE_EVERY // 2:
        stem = f"{RARE_WORD} {n:06d} {stem}"
    elif n % COMMON_EVERY == 3:
        stem = f"{COMMON_WORD}-{n:06d}-{stem}"
    return stem


def make_tree(root: Path, shape: tuple[int, int, int] = TREE_SHAPE) -> int:
    """The tree of ``shape``; the number of files in it."""
    top, middle, files = shape
    stamp = {"shape": list(shape), "rare": [RARE_WORD, RARE_EVERY],
             "common": [COMMON_WORD, COMMON_EVERY], "version": 1}
    if not _fresh(root, stamp):
        root.mkdir(parents=True, exist_ok=True)
        n = 0
        for a in range(top):
            for b in range(middle):
                leaf = root / f"{2015 + a} archive" / f"album {b:02d}" / "originals"
                leaf.mkdir(parents=True, exist_ok=True)
                for _ in range(files):
                    (leaf / tree_name(n)).touch()
                    n += 1
        _mark(root, stamp)
    return top * middle * files


def expected_matches(word: str, shape: tuple[int, int, int] = TREE_SHAPE) -> int:
    total = shape[0] * shape[1] * shape[2]
    return sum(word in tree_name(n).casefold() for n in range(total))


@dataclass(frozen=True)
class Dataset:
    root: Path  # the cache folder: what the servers share
    photos: list[Path]
    grid: list[Path]
    download: Path
    tree: Path
    tree_files: int

    def url_path(self, path: Path) -> str:
        """``path``'s URL path on a server sharing ``root`` (names here need no quoting but
        the tree's spaces and accents, which callers quote)."""
        return "/" + path.relative_to(self.root).as_posix()


def prepare(progress: Callable[[str], None], photos: int = PHOTOS, grid: int = GRID_PHOTOS,
            tree: bool = True) -> Dataset:
    """Every data set, made when missing (the photos take about two minutes, once)."""
    base = cache_dir()
    base.mkdir(parents=True, exist_ok=True)
    progress(f"data sets in {base}")
    made = make_photos(base / "photos", photos, progress)
    files = make_tree(base / "tree") if tree else 0
    return Dataset(base, made, make_grid(base / "grid", made, grid),
                   make_download(base / DOWNLOAD), base / "tree", files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=PHOTOS)
    parser.add_argument("--grid", type=int, default=GRID_PHOTOS)
    args = parser.parse_args()

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    data = prepare(progress, args.photos, args.grid)
    sizes = [p.stat().st_size for p in data.photos]
    print(f"{data.root}: {len(sizes)} photos, {min(sizes) / 1e6:.1f}-{max(sizes) / 1e6:.1f} MB "
          f"(total {sum(sizes) / 1e9:.2f} GB); grid of {len(data.grid)}; "
          f"tree of {data.tree_files:,} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
