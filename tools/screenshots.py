"""`make screenshots`: home, a person, a country, a question, the positions picture, search
results and the 404 page at 1280 and 375 pixels wide, in screenshots/ for a human to look at."""

from __future__ import annotations

from pathlib import Path

from tools.browser import chromium
from tools.pick import representative_pages
from tools.static_server import serving

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
WIDTHS = (1280, 375)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    pages = representative_pages(ROOT)
    with serving(ROOT / "site", "/") as base, chromium() as browser:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path, wait_until="networkidle")
                if name == "search":  # the results arrive after the page has loaded
                    page.locator(".xp-search-results li").first.wait_for(timeout=10_000)
                target = OUT / f"{name}-{width}.png"
                if name == "positions":
                    page.locator(".xp-positions").first.screenshot(path=str(target))
                else:
                    page.screenshot(path=str(target), full_page=True)
                print(f"wrote {target.relative_to(ROOT)}")
            context.close()


if __name__ == "__main__":
    main()
