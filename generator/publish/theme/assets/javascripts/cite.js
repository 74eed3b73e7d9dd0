/* Citations a reader can check in one tap, and statements they can share.
   - Arriving at a quotation's words (#q-…) marks every piece of them (CSS marks the first).
   - A citation link (a.xp-cite) previews its paragraph on hover or keyboard focus; on a touch
     screen the first tap opens the preview, which links to the paragraph and the original.
   - A statement card's copy button copies its permalink (and a quote's words).
   - A tooltip (data-tip, drawn by CSS) that would leave the window is moved inside it.
   Text is text: everything taken from a page is set with textContent, never as markup. */
(function () {
  "use strict";
  document.documentElement.classList.add("xp-js");

  /* Marked words: a quotation cut in pieces (where it overlaps another) is marked whole. */
  function markTarget() {
    document.querySelectorAll(".xp-quoted--target").forEach(function (el) {
      el.classList.remove("xp-quoted--target");
    });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    document.querySelectorAll("mark.xp-quoted").forEach(function (el) {
      if (el.getAttribute("data-q") === id) el.classList.add("xp-quoted--target");
    });
  }
  window.addEventListener("hashchange", markTarget);

  /* The status line screen readers announce ("Link copied"). */
  var status = null;
  function announce(text) {
    if (!status) {
      status = document.createElement("p");
      status.className = "xp-visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  /* Copy link. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }
  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "xp-visually-hidden";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  function setUpCopy(button) {
    var card = button.closest(".xp-statement");
    var permalink = card && card.querySelector("a.xp-permalink");
    if (!permalink) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = new URL(permalink.getAttribute("href"), location.href).href;
      var words = button.getAttribute("data-cite");
      var text = words ? words + " " + url : url;
      copyText(text).then(function () {
        button.classList.add("xp-copy--done");
        announce(words ? "Link and quotation copied" : "Link copied");
        window.setTimeout(function () { button.classList.remove("xp-copy--done"); }, 2000);
      }, function () {
        announce("Could not copy: the statement's link is now in the address bar");
        location.href = url;
      });
    });
  }

  /* Previews. One article page fetched once (same origin), read as an inert document. */
  var pages = new Map();
  function article(url) {
    if (!pages.has(url)) {
      pages.set(url, fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      }));
    }
    return pages.get(url);
  }

  function fragmentFor(url, words) {
    var list = words.split(/\s+/).filter(Boolean);
    function part(ws) { return encodeURIComponent(ws.join(" ")).replace(/-/g, "%2D"); }
    var target = list.length <= 8 ? part(list) : part(list.slice(0, 4)) + "," + part(list.slice(-4));
    return url.split("#")[0] + "#:~:text=" + target;
  }

  var preview = null;
  var owner = null;
  var hideTimer = 0;
  var counter = 0;

  function field(doc, name, unknown) {
    var dd = doc.querySelector('[data-preview="' + name + '"]');
    if (!dd || dd.querySelector(".xp-unknown")) return unknown;
    return dd.textContent.replace(/\s+/g, " ").trim();
  }

  function fill(box, link, doc, hash) {
    box.textContent = "";
    var place = doc.getElementById(hash);
    var paragraph = place && (place.closest(".xp-paragraph") || place);
    var heading = document.createElement("span");
    heading.className = "xp-preview__source";
    heading.textContent = field(doc, "outlet", "Outlet unknown") + " · " +
      field(doc, "published", "date unknown");
    box.appendChild(heading);
    var body = document.createElement("span");
    body.className = "xp-preview__text";
    var words = "";
    var text = paragraph && paragraph.querySelector("p");
    if (text) {
      text.childNodes.forEach(function (node) {
        if (node.nodeType === 1 && node.classList.contains("xp-paragraph__number")) {
          var number = document.createElement("strong");
          number.textContent = node.textContent + " ";
          body.appendChild(number);
        } else if (node.nodeType === 1 && node.tagName === "MARK" &&
                   node.getAttribute("data-q") === hash) {
          var mark = document.createElement("mark");
          mark.textContent = node.textContent;
          words += node.textContent;
          body.appendChild(mark);
        } else if (node.nodeType === 1 && node.tagName === "MARK") {
          appendMarks(body, node, hash, function (w) { words += w; });
        } else {
          body.appendChild(document.createTextNode(node.textContent.replace(/^\s+/, "")));
        }
      });
    } else {
      body.textContent = "This paragraph could not be found.";
    }
    box.appendChild(body);
    var links = document.createElement("span");
    links.className = "xp-preview__links";
    var go = document.createElement("a");
    go.href = link.href;
    go.textContent = "Go to the paragraph";
    links.appendChild(go);
    var original = doc.querySelector('[data-preview="original"] a');
    if (original) {
      var out = document.createElement("a");
      out.href = words ? fragmentFor(original.getAttribute("href"), words) : original.getAttribute("href");
      out.rel = "nofollow noopener";
      out.textContent = words ? "The words in the original" : "In the original";
      links.appendChild(document.createTextNode(" · "));
      links.appendChild(out);
    }
    box.appendChild(links);
  }

  /* A quotation's pieces nested inside another's mark: keep the target's words marked. */
  function appendMarks(into, node, hash, found) {
    node.childNodes.forEach(function (child) {
      if (child.nodeType === 1 && child.tagName === "MARK") {
        if (child.getAttribute("data-q") === hash) {
          var mark = document.createElement("mark");
          mark.textContent = child.textContent;
          found(child.textContent);
          into.appendChild(mark);
        } else {
          appendMarks(into, child, hash, found);
        }
      } else {
        into.appendChild(document.createTextNode(child.textContent));
      }
    });
  }

  function place(box, link) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(384, window.innerWidth - 16);
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    box.style.left = left + "px";
    box.style.width = width + "px";
    var below = rect.bottom + 4;
    box.style.top = below + "px";
    var height = box.offsetHeight;
    if (below + height > window.innerHeight && rect.top - height - 4 > 0) {
      box.style.top = (rect.top - height - 4) + "px";
    }
  }

  function open(link) {
    window.clearTimeout(hideTimer);
    if (owner === link) return;
    close();
    owner = link;
    var url = new URL(link.href);
    var hash = decodeURIComponent(url.hash.slice(1));
    url.hash = "";
    counter += 1;
    var box = document.createElement("span");  /* inline content where it is inserted */
    box.className = "xp-preview";
    box.id = "xp-preview-" + counter;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", link.getAttribute("data-tip") || "The cited paragraph");
    box.textContent = "Loading the paragraph…";
    box.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", closeSoon);
    box.addEventListener("focusout", function (event) {
      if (!box.contains(event.relatedTarget) && event.relatedTarget !== link) closeSoon();
    });
    link.insertAdjacentElement("afterend", box);
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", box.id);
    preview = box;
    place(box, link);
    article(url.href).then(function (doc) {
      if (preview !== box) return;
      fill(box, link, doc, hash);
      place(box, link);
    }, function () {
      if (preview === box) box.textContent = "The paragraph could not be loaded: follow the link.";
    });
  }

  function close() {
    window.clearTimeout(hideTimer);
    if (preview) preview.remove();
    if (owner) {
      owner.setAttribute("aria-expanded", "false");
      owner.removeAttribute("aria-controls");
    }
    preview = null;
    owner = null;
  }
  function closeSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(close, 250);
  }

  var touched = false;
  var quiet = null;  /* the link focus returns to on Escape: no preview for that focus */
  function setUpPreview(link) {
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("pointerdown", function (event) { touched = event.pointerType !== "mouse"; });
    link.addEventListener("mouseenter", function () { if (!touched) open(link); });
    link.addEventListener("mouseleave", function () { if (!touched) closeSoon(); });
    link.addEventListener("focus", function () {
      if (quiet === link) { quiet = null; return; }
      if (!touched) open(link);
    });
    link.addEventListener("blur", function (event) {
      if (!touched && !(preview && preview.contains(event.relatedTarget))) closeSoon();
    });
    link.addEventListener("click", function (event) {
      if (touched && owner !== link) {  /* first tap: the preview; the next goes on */
        event.preventDefault();
        open(link);
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && preview) {
      var link = owner;
      close();
      if (link && document.activeElement !== link) { quiet = link; link.focus(); }
    }
  });
  document.addEventListener("pointerdown", function (event) {
    if (preview && !preview.contains(event.target) && event.target !== owner &&
        !(owner && owner.contains(event.target))) close();
  });
  window.addEventListener("scroll", function () { if (preview && owner) place(preview, owner); },
                          { passive: true });

  /* Tooltips (data-tip, drawn by CSS): once shown, measured and moved inside the window. */
  var MARGIN = 8;
  function placeTip(el) {
    el.classList.remove("xp-tip--above");
    var rect = el.getClientRects()[0] || el.getBoundingClientRect();
    /* Measured at the window's left edge, where it has all the room it may take. */
    el.style.setProperty("--xp-tip-x", (MARGIN - rect.left) + "px");
    window.requestAnimationFrame(function () {
      var tip = getComputedStyle(el, "::after");
      if (tip.content === "none" || tip.content === "normal") {
        el.style.removeProperty("--xp-tip-x");
        return;
      }
      var width = parseFloat(tip.width) || 0;
      var height = parseFloat(tip.height) || 0;
      var shift = Math.min(0, window.innerWidth - MARGIN - width - rect.left);
      el.style.setProperty("--xp-tip-x", Math.max(shift, MARGIN - rect.left) + "px");
      if (rect.bottom + height + MARGIN > window.innerHeight && rect.top - height - MARGIN > 0) {
        el.classList.add("xp-tip--above");
      }
    });
  }
  function tipOf(event) {
    var el = event.target && event.target.closest && event.target.closest("[data-tip]");
    if (!el || el.matches("a.xp-cite:not(.xp-cite--reference)")) return;
    if (event.type === "mouseover" && el.contains(event.relatedTarget)) return;  /* still in it */
    placeTip(el);
  }
  document.addEventListener("mouseover", tipOf);
  document.addEventListener("focusin", tipOf);

  function start() {
    markTarget();
    document.querySelectorAll("button.xp-copy").forEach(setUpCopy);
    document.querySelectorAll("a.xp-cite:not(.xp-cite--reference)").forEach(setUpPreview);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
