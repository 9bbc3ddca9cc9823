// Reviewer workbench: j/k between claims, text selection -> "make a claim", live Markdown preview.
// Everything here is an enhancement: every link and form also works without it.
(function () {
  "use strict";

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  // --- j / k: move through the side list, opening each claim in the panel ---------------------
  function claimLinks() {
    return Array.from(document.querySelectorAll("#claim-list .claim-link"));
  }

  function markSelected(id) {
    document.querySelectorAll(".is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
    var item = document.getElementById("claim-item-" + id);
    var mark = document.getElementById("mark-" + id);
    if (item) { item.classList.add("is-selected"); item.scrollIntoView({ block: "nearest" }); }
    if (mark) { mark.classList.add("is-selected"); mark.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key !== "j" && event.key !== "k") return;
    var links = claimLinks();
    if (!links.length) return;
    var current = links.findIndex(function (a) { return a.parentElement.classList.contains("is-selected"); });
    var next = event.key === "j" ? current + 1 : current - 1;
    if (current === -1) next = event.key === "j" ? 0 : links.length - 1;
    next = Math.max(0, Math.min(links.length - 1, next));
    event.preventDefault();
    links[next].click();
    links[next].focus({ preventScroll: true });
  });

  // --- Selection -> "make a claim": offsets against the article's plain text --------------------
  // Every text piece in the article carries data-start, its offset in article.body; a piece holds
  // exactly one text node, so node offset + data-start is the offset in the plain text.
  function offsetOf(node, offset) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    var piece = el && el.closest("[data-start]");
    if (!piece) return null;
    if (node.nodeType !== Node.TEXT_NODE) {
      // The boundary is between child nodes: count the text before it.
      var text = 0;
      for (var i = 0; i < offset && i < node.childNodes.length; i++) text += node.childNodes[i].textContent.length;
      offset = text;
    }
    return parseInt(piece.dataset.start, 10) + offset;
  }

  function onSelection() {
    var container = document.getElementById("article-text");
    var form = document.getElementById("selection-form");
    var selection = window.getSelection();
    if (!container || !form || !selection || selection.isCollapsed || selection.rangeCount === 0) return;
    var range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    var quote = form.querySelector("[name=quote]");
    var body = Array.from(container.querySelectorAll("[data-start]"));
    // Rebuild the exact plain text between the offsets so the server can check it.
    var text = "";
    body.forEach(function (piece) {
      var s = parseInt(piece.dataset.start, 10), content = piece.textContent, e = s + content.length;
      if (e <= start || s >= end) return;
      text += content.slice(Math.max(0, start - s), Math.min(content.length, end - s));
    });
    // Pieces skip the line breaks between paragraphs; fall back to typed-words mode across them.
    if (text.length !== end - start) {
      form.querySelector("[name=start]").value = "";
      form.querySelector("[name=end]").value = "";
      quote.value = selection.toString().trim();
    } else {
      form.querySelector("[name=start]").value = start;
      form.querySelector("[name=end]").value = end;
      quote.value = text;
    }
    form.classList.add("is-floating");
    var rect = range.getBoundingClientRect();
    form.style.top = (window.scrollY + rect.bottom + 8) + "px";
    form.style.left = Math.max(8, window.scrollX + rect.left) + "px";
  }

  document.addEventListener("mouseup", function (event) {
    if (event.target.closest("#selection-form")) return;
    window.setTimeout(onSelection, 0);
  });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey && !typing(event.target)) onSelection();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-close-selection]")) {
      var form = document.getElementById("selection-form");
      form.classList.remove("is-floating");
      form.querySelector("[name=start]").value = "";
      form.querySelector("[name=end]").value = "";
    }
  });
  // Typing in the quote box means the words are no longer the selected span.
  document.addEventListener("input", function (event) {
    if (event.target.matches("#selection-form [name=quote]")) {
      event.target.form.querySelector("[name=start]").value = "";
      event.target.form.querySelector("[name=end]").value = "";
    }
  });

  // --- Live Markdown preview, rendered by the server through the same sanitiser -----------------
  var previewTimer = null;
  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area.matches("textarea[name=explanation]")) return;
    var preview = document.getElementById("explanation-preview");
    if (!preview || !window.htmx) return;
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(function () {
      window.htmx.ajax("POST", preview.dataset.previewUrl, {
        target: "#explanation-preview", swap: "innerHTML", values: { explanation: area.value }, source: area,
      });
    }, 300);
  });

  // Saving a form low in the panel keeps the panel where it was; opening another claim starts at its top.
  var panelScroll = null;
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var panel = document.getElementById("claim-panel");
    if (panel && event.detail.target === panel) panelScroll = { claim: panel.dataset.panelClaim, top: panel.scrollTop, old: panel };
  });

  // After the panel changes a claim's status, recolour its highlight in the text to match.
  document.body.addEventListener("htmx:afterSettle", function () {
    var panel = document.getElementById("claim-panel");
    // Out-of-band swaps settle before the panel itself: wait for the new panel.
    if (!panel || !panel.dataset.panelClaim || (panelScroll && panelScroll.old === panel)) return;
    var mark = document.getElementById("mark-" + panel.dataset.panelClaim);
    if (mark) mark.className = mark.className.replace(/status-[a-z]+/, "status-" + panel.dataset.panelStatus);
    if (panelScroll && panelScroll.claim === panel.dataset.panelClaim) {
      panel.scrollTop = panelScroll.top;
    } else {
      markSelected(panel.dataset.panelClaim);
    }
    panelScroll = null;
  });

  // --- Unsaved text: ask before it is thrown away ------------------------------------------------
  function panelDirty() {
    var panel = document.getElementById("claim-panel");
    if (!panel) return false;
    if (panel.hasAttribute("data-unsaved")) return true;  // a restored draft or a refused save
    var fields = panel.querySelectorAll("textarea, input[type=text], input[type=url], input[type=date]");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].disabled && fields[i].value !== fields[i].defaultValue) return true;
    }
    return Array.from(panel.querySelectorAll("select")).some(function (select) {
      var options = Array.from(select.options);
      var initial = options.find(function (o) { return o.defaultSelected; }) || options[0];
      return !select.disabled && initial !== undefined && select.selectedIndex !== options.indexOf(initial);
    });
  }

  var leaving = false;
  document.addEventListener("submit", function (event) {
    if (!event.target.hasAttribute("hx-post")) leaving = true;  // an ordinary post navigates on purpose
  });
  window.addEventListener("beforeunload", function (event) {
    if (!leaving && panelDirty()) { event.preventDefault(); event.returnValue = ""; }
  });
  // Opening another claim replaces the panel: ask first when it holds unsaved text.
  document.body.addEventListener("htmx:confirm", function (event) {
    var target = event.detail.target;
    if (event.detail.verb !== "get" || !target || target.id !== "claim-panel" || !panelDirty()) return;
    event.preventDefault();
    if (window.confirm("This claim has text you have not saved. Open the other claim and drop it?")) {
      event.detail.issueRequest(true);
    }
  });

  document.body.classList.add("has-js");
})();
